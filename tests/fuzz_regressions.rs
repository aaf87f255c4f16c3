//! The fuzz targets' crash inputs, kept: every file under `fixtures/fuzz/<target>/` (and the
//! target's seeds: the fixtures folders it is seeded from, `fuzz/seeds/<target>/`) goes through the same checks as that target
//! (`fuzz/src/checks.rs`, included here), on the stable toolchain, so a fixed crash stays fixed.
//! See `docs/fuzzing.md`.

#[path = "../fuzz/src/checks.rs"]
mod checks;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use claimdiff::ingest::Format;

/// The folders a target is seeded from, as `scripts/fuzz` passes them.
fn seed_dirs(target: &str) -> Vec<String> {
    let mut dirs: Vec<String> = match target {
        "ingest_text" | "ingest_html" => [
            "fixtures/seeds",
            "fixtures/synthetic",
            "fixtures/hostile",
            "fixtures/bad",
        ]
        .map(String::from)
        .to_vec(),
        "baseline" => vec!["fixtures/baselines".into()],
        "batch" => vec!["fixtures/batch".into()],
        _ => Vec::new(),
    };
    dirs.push(format!("fuzz/seeds/{target}"));
    dirs.push(format!("fixtures/fuzz/{target}"));
    dirs
}

/// Runs `check` on every file of the target's seed folders and kept crash inputs, then fails
/// naming every file that broke an invariant.
fn replay(target: &str, check: impl Fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in seed_dirs(target) {
        if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
            paths.extend(entries.filter_map(|e| Some(e.ok()?.path())));
        }
    }
    paths.sort();
    assert!(!paths.is_empty(), "{target}: no inputs");
    let mut failed = Vec::new();
    for path in paths {
        let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if catch_unwind(AssertUnwindSafe(|| check(&data))).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(
        failed.is_empty(),
        "{target}: invariants broken by {failed:#?}"
    );
}

#[test]
fn ingest_text_inputs() {
    replay("ingest_text", |d| checks::check_ingest(d, Format::Text));
}

#[test]
fn ingest_html_inputs() {
    replay("ingest_html", |d| checks::check_ingest(d, Format::Html));
}

#[test]
fn pipeline_inputs() {
    replay("pipeline", checks::check_pipeline);
}

#[test]
fn baseline_inputs() {
    replay("baseline", checks::check_baseline);
}

#[test]
fn batch_inputs() {
    replay("batch", checks::check_batch);
}
