//! Any text as a profile: parses or reports problems (with positions), never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(problems) = govops::profile::parse(text) {
            for p in problems {
                let _ = p.render("fuzz.yaml");
            }
        }
    }
});
