//! The JSON report is a public contract (schema_version 1): its schema is published in
//! `schema/report.schema.json`, kept current, and every report validates against it. The
//! committed reports in `reports/` are kept current too. And the analysis keeps its
//! invariants: deterministic output, source order changes ids only, every claim in one group.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use claimdiff::render::{self, OutputFormat, RenderOptions};
use claimdiff::report::Report;
use common::{SEED_A, SEED_B, compare, findings_by_path, groups_by_path};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn published_schema_is_current() {
    // A plain comparison: the two documents are long and a failure only needs the hint.
    assert!(
        read("schema/report.schema.json") == render::json::schema(),
        "schema/report.schema.json is stale: run `bash scripts/update-reports` and read the diff"
    );
}

fn validate(report: &Report) {
    let schema: serde_json::Value =
        serde_json::from_str(&render::json::schema()).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema is a valid JSON Schema");
    let json: serde_json::Value =
        serde_json::from_str(&render::json::render(report)).expect("report is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "report does not match its schema: {errors:#?}"
    );
    assert_eq!(json["schema_version"], 1);
    for key in ["tool", "sources", "claims", "groups", "findings"] {
        assert!(json.get(key).is_some(), "contract field {key} missing");
    }
}

#[test]
fn reports_validate_against_the_schema() {
    validate(&compare(&[SEED_A, SEED_B]));
    validate(&compare(&[SEED_A, SEED_B, SEED_A]));
    validate(&compare(&[SEED_B]));
}

/// The seed pair's report in every format, as `reports/` holds it: file name and format.
const COMMITTED: [(&str, OutputFormat); 6] = [
    ("reports/seed-pair.txt", OutputFormat::Text),
    ("reports/seed-pair.json", OutputFormat::Json),
    ("reports/seed-pair.md", OutputFormat::Markdown),
    ("reports/seed-pair.html", OutputFormat::Html),
    ("reports/seed-pair.sarif", OutputFormat::Sarif),
    ("reports/seed-pair.github.txt", OutputFormat::Github),
];

#[test]
fn committed_reports_are_current() {
    // `reports/` holds the seed pair's report in every format, made by
    // `bash scripts/update-reports`.
    let r = compare(&[SEED_A, SEED_B]);
    for (path, format) in COMMITTED {
        let now = render::render(&r, format, RenderOptions { color: false });
        assert!(
            read(path) == now,
            "{path} is stale: run `bash scripts/update-reports` and read the diff"
        );
    }
}

#[test]
fn readme_excerpt_is_current() {
    let readme = read("README.md");
    let start = readme.find("```text\n").expect("README shows the report") + "```text\n".len();
    let end = start
        + readme[start..]
            .find("\n...\n```")
            .expect("excerpt ends with ...");
    let report = read("reports/seed-pair.txt");
    assert!(
        report.starts_with(&readme[start..end]),
        "README's excerpt is not the start of reports/seed-pair.txt: copy it again"
    );
}

#[test]
fn output_is_deterministic() {
    let a = render::json::render(&compare(&[SEED_A, SEED_B]));
    for _ in 0..3 {
        assert_eq!(render::json::render(&compare(&[SEED_A, SEED_B])), a);
    }
}

#[test]
fn swapping_sources_changes_ids_not_substance() {
    let ab = compare(&[SEED_A, SEED_B]);
    let ba = compare(&[SEED_B, SEED_A]);
    assert!(!ab.findings.is_empty());
    assert_eq!(findings_by_path(&ab), findings_by_path(&ba));
    assert_eq!(groups_by_path(&ab), groups_by_path(&ba));
}

#[test]
fn every_claim_is_in_exactly_one_group() {
    let r = compare(&[SEED_A, SEED_B]);
    let mut seen = BTreeSet::new();
    for g in &r.groups {
        for id in &g.claims {
            assert!(seen.insert(id.clone()), "{id} in two groups");
        }
        let sources: BTreeSet<&String> = g.sources.iter().collect();
        assert_eq!(
            sources.len(),
            g.sources.len(),
            "group {} has two claims of one source",
            g.id
        );
    }
    assert_eq!(seen.len(), r.claims.len());
}

#[test]
fn a_source_compared_with_itself_agrees() {
    let r = compare(&[SEED_B, SEED_B]);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    assert_eq!(r.summary.single, 0);
}
