#[test]
fn commands_pages() {
    trycmd::TestCases::new()
        .case("commands/completions.md")
        .case("commands/man.md");
}
