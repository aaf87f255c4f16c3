//! The SARIF output validates against the official SARIF 2.1.0 JSON Schema (OASIS,
//! `sarif-schema-2.1.0.json`). The schema is not committed: it is taken at test time from the
//! `serde-sarif` package that cargo downloads from crates.io, which ships the OASIS schema as
//! `src/schema.json`; `cargo metadata` says where cargo put it.

mod common;

use claimdiff::render::sarif;
use claimdiff::report::Report;
use common::sarif::validator;
use common::{SEED_A, SEED_B, compare};

fn validate(report: &Report) {
    let validator = validator();
    let log: serde_json::Value =
        serde_json::from_str(&sarif::render(report)).expect("SARIF is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF does not match the 2.1.0 schema: {errors:#?}"
    );
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(
        log["runs"][0]["results"].as_array().map(Vec::len),
        Some(report.findings.len())
    );
}

#[test]
fn seed_pair_sarif_is_valid() {
    validate(&compare(&[SEED_A, SEED_B]));
}

#[test]
fn synthetic_pair_sarif_is_valid() {
    validate(&compare(&[
        "fixtures/synthetic/council-a.html",
        "fixtures/synthetic/council-b.txt",
    ]));
}

#[test]
fn three_sources_and_no_findings_are_valid() {
    validate(&compare(&[
        SEED_A,
        SEED_B,
        "fixtures/synthetic/council-b.txt",
    ]));
    validate(&compare(&[SEED_A, SEED_A]));
}

#[test]
fn the_validator_is_not_blind() {
    // A log missing its required version is refused, so a pass above means something.
    let validator = validator();
    let mut log: serde_json::Value =
        serde_json::from_str(&sarif::render(&compare(&[SEED_A, SEED_B]))).unwrap();
    log.as_object_mut().unwrap().remove("version");
    assert!(!validator.is_valid(&log));
    log["version"] = "2.1.0".into();
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&log));
}
