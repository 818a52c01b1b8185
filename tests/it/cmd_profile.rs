#[test]
fn commands_page() {
    trycmd::TestCases::new().case("commands/profile.md");
}
