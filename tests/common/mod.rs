//! Helpers shared by the integration tests: loading fixtures and running the library.

#![allow(dead_code)]

pub mod sarif;

use std::collections::BTreeSet;

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

/// Findings without ids: kind and the set of (source path, value) pairs.
pub fn findings_by_path(r: &Report) -> BTreeSet<(String, BTreeSet<(String, String)>)> {
    let path = |id: &str| r.source(id).map(|s| s.path.clone()).unwrap_or_default();
    r.findings
        .iter()
        .map(|f| {
            let kind = serde_json::to_string(&f.kind).unwrap_or_default();
            (
                kind,
                f.values
                    .iter()
                    .map(|v| (path(&v.source), v.text.clone()))
                    .collect(),
            )
        })
        .collect()
}

/// Groups without ids: the set of (source path, claim text) in each.
pub fn groups_by_path(r: &Report) -> BTreeSet<BTreeSet<(String, String)>> {
    r.groups
        .iter()
        .map(|g| {
            g.claims
                .iter()
                .filter_map(|id| r.claim(id))
                .map(|c| {
                    (
                        r.source(&c.source)
                            .map(|s| s.path.clone())
                            .unwrap_or_default(),
                        c.text.clone(),
                    )
                })
                .collect()
        })
        .collect()
}
