//! Any bytes as an event stream (JSON Lines): every line is applied or counted as
//! malformed, never a panic, and the counts stay consistent.
#![no_main]

use govops::model::RegionSet;
use govops::monitor::parse::parse_line;
use govops::monitor::state::{Regions, State};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let now = chrono::DateTime::from_timestamp(1_795_939_200, 0).unwrap_or_default();
    let mut state = State::new(Regions::Builtin(RegionSet::china()), "fuzz", now);
    for (i, line) in text.lines().enumerate() {
        state.apply_parsed(parse_line(line, i as u64 + 1));
    }
    // The figures add up whatever the stream: open = submitted − closed, every 差评 is open
    // or rectified, overdue rectifications are open ones.
    assert_eq!(state.in_progress() + state.closed(), state.submitted);
    assert_eq!(state.reviews.open + state.reviews.rectified, state.reviews.bad);
    assert!(state.reviews.overdue <= state.reviews.open);
    assert_eq!(state.rating_counts.iter().sum::<u64>(), state.ratings);
    let _ = state.overdue();
    let _ = state.online_share();
});
