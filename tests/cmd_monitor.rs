// Test and benchmark code: a failed unwrap is a failed test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#[test]
fn commands_page() {
    // A fixed "now" (2026-11-30T08:00:00Z), so open cases past their limit and
    // generated_at are reproducible.
    trycmd::TestCases::new()
        .env("SOURCE_DATE_EPOCH", "1796025600")
        .env("NO_COLOR", "1")
        .case("commands/monitor.md");
}
