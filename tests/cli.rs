//! Command-line behaviour as data: each case in `tests/cmd/*.toml` gives the arguments, the
//! exit code and the expected output (trycmd). Regenerate expectations with
//! `TRYCMD=overwrite cargo test --test cli` and read every change before committing it.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
