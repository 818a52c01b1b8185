// Test and benchmark code: a failed unwrap is a failed test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#[test]
fn commands_page() {
    trycmd::TestCases::new().case("commands/sample.md");
}
