//! Any bytes as a sharing registry (YAML, JSON, CSV): loads or fails, never panics.
#![no_main]

use govops::cli::InputFormat;
use govops::load::{self, LoadOptions, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format =
        [InputFormat::Yaml, InputFormat::Json, InputFormat::Csv][usize::from(selector) % 3];
    let opts = LoadOptions {
        format: Some(format),
        ..Default::default()
    };
    let _ = load::read_registry(
        Source::Memory {
            name: "fuzz".into(),
            bytes: bytes.into(),
        },
        &opts,
    );
});
