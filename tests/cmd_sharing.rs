// Test and benchmark code: a failed unwrap is a failed test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#[test]
fn commands_page() {
    // A fixed "now", so staleness and generated_at are reproducible.
    trycmd::TestCases::new()
        .env("SOURCE_DATE_EPOCH", "1795939200")
        .env("NO_COLOR", "1")
        .case("commands/sharing.md");
}
