//! The accuracy harness, run as a test: `claimdiff-eval --format json` over `../shared/data`,
//! and every figure held to its target. Skips when the data is absent; the seed answer key
//! needs only `../shared/gold`.

use std::path::Path;
use std::process::Command;

#[test]
fn every_figure_meets_its_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../shared/data");
    if !data.is_dir() && !root.join("../shared/gold").is_dir() {
        eprintln!("skipped: {} is absent", data.display());
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_claimdiff-eval"))
        .current_dir(root)
        .args(["--format", "json"])
        .output()
        .expect("claimdiff-eval runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON rows");
    assert!(!rows.is_empty());
    let mut failed = Vec::new();
    for r in &rows {
        let (part, measure) = (r["part"].as_str().unwrap(), r["measure"].as_str().unwrap());
        // Rows without a target (the tuning half, confusion counts) are always met.
        if !r["met"].as_bool().unwrap() {
            failed.push(format!("{part} / {measure}: {}", r["shown"]));
        }
    }
    assert!(failed.is_empty(), "below target: {failed:#?}");
    if data.is_dir() {
        let parts: Vec<&str> = rows.iter().filter_map(|r| r["part"].as_str()).collect();
        for wanted in ["MRPC odd", "BASIL", "Mutations", "Seed pair"] {
            assert!(
                parts.iter().any(|p| p.starts_with(wanted)),
                "{wanted} rows missing"
            );
        }
    }
}
