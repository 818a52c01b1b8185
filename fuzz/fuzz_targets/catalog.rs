//! Any bytes, as CSV, TSV, JSON, JSON Lines or YAML: a catalog loads or fails with an error,
//! never a panic, in strict and lenient modes.
#![no_main]

use govops::cli::InputFormat;
use govops::load::{self, LoadOptions, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = [
        InputFormat::Csv,
        InputFormat::Tsv,
        InputFormat::Json,
        InputFormat::Jsonl,
        InputFormat::Yaml,
    ][usize::from(selector) % 5];
    let src = || Source::Memory {
        name: "fuzz".into(),
        bytes: bytes.into(),
    };
    for lenient in [false, true] {
        let opts = LoadOptions {
            format: Some(format),
            lenient,
            ..Default::default()
        };
        let _ = load::read_catalog(src(), &opts);
    }
    let _ = govops::balance::input::read_metrics(
        src(),
        &LoadOptions {
            format: Some(format),
            ..Default::default()
        },
        None,
        govops::model::RegionSet::china(),
    );
});
