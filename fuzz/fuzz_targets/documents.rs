//! Any bytes under tiny, input-chosen limits: every reader (catalog, registry, metrics) in
//! every format either loads or stops with an error naming the limit — never a panic, never
//! a read past the limit. The default limits of the other targets are never reached by
//! libFuzzer's short inputs, so this target is what exercises the cut-off paths.
#![no_main]

use std::time::Duration;

use govops::cli::InputFormat;
use govops::load::{self, Limits, LoadOptions, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [selector, doc, record, field, bytes @ ..] = data else {
        return;
    };
    let format = [
        InputFormat::Csv,
        InputFormat::Tsv,
        InputFormat::Json,
        InputFormat::Jsonl,
        InputFormat::Yaml,
    ][usize::from(*selector) % 5];
    let limits = Limits {
        timeout: Duration::from_secs(1),
        max_bytes: 1 << 16,
        max_document_bytes: u64::from(*doc) * 16,
        max_record_bytes: u64::from(*record) * 4,
        max_field_bytes: u64::from(*field),
    };
    let opts = LoadOptions {
        format: Some(format),
        limits,
        lenient: selector & 0x80 != 0,
        ..Default::default()
    };
    let src = || Source::Memory {
        name: "fuzz".into(),
        bytes: bytes.into(),
    };
    let _ = load::read_catalog(src(), &opts);
    let _ = load::read_registry(src(), &opts);
    let _ = govops::balance::input::read_metrics(
        src(),
        &opts,
        None,
        govops::model::RegionSet::china(),
    );
});
