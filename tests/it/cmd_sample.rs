#[test]
fn commands_page() {
    trycmd::TestCases::new().case("commands/sample.md");
}
