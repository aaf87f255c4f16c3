//! Helpers shared by the integration tests: loading fixtures and running the library.

#![allow(dead_code)]

pub mod sarif;

use claimdiff::ingest::ingest;
use claimdiff::report::Report;
use claimdiff::{Input, Options, analyze};

/// The seed pair, as the README's command names them (paths relative to the crate root).
pub const SEED_A: &str = "fixtures/seeds/000_1d63caa255d4b3ee.txt";
pub const SEED_B: &str = "fixtures/seeds/003_8725cc8dd04a3928.txt";

/// Reads and ingests a fixture by its path relative to the crate root.
pub fn input(path: &str) -> Input {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let bytes = std::fs::read(&full).unwrap_or_else(|e| panic!("{path}: {e}"));
    Input::new(
        path,
        ingest(&bytes, None).unwrap_or_else(|e| panic!("{path}: {e}")),
    )
}

/// The report of comparing the given fixtures.
pub fn compare(paths: &[&str]) -> Report {
    let inputs: Vec<Input> = paths.iter().map(|p| input(p)).collect();
    analyze(&inputs, &Options::default()).report()
}

/// Folds text the way the answer key matches snippets: typographic quotes, apostrophes and
/// dashes to ASCII, lower case, white space collapsed (the project's comparison key).
pub fn fold(s: &str) -> String {
    claimdiff::text::key(s)
}

/// Does `haystack` contain `needle` after folding both?
pub fn holds(haystack: &str, needle: &str) -> bool {
    fold(haystack).contains(&fold(needle))
}
