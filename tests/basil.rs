//! Real-data checks on BASIL (100 events, each reported by Fox, NYT and HuffPost), read from
//! `../shared/data/basil` when it is there; every test skips with a message when it is not.
//!
//! Every triple is rendered in every format; the SARIF is validated against the official schema.
//!
//! Quote attribution on BASIL's annotations is measured by `claimdiff-eval` (and held to its
//! target by `tests/eval.rs`).

mod common;

use std::path::{Path, PathBuf};

use claimdiff::ingest::ingest;
use claimdiff::render::{self, OutputFormat, RenderOptions};
use claimdiff::report::Report;
use claimdiff::{Input, Options, analyze};

const OUTLETS: [&str; 3] = ["fox", "nyt", "hpo"];

fn basil_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/basil");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

fn events(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn meta(event: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(event.join("meta.json")).expect("meta.json"))
        .expect("JSON")
}

/// The file of each outlet, in the order of [`OUTLETS`] (meta.json names them; case varies).
fn outlet_files(event: &Path) -> Vec<PathBuf> {
    let meta = meta(event);
    OUTLETS
        .iter()
        .map(|o| {
            let file = meta["articles"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|a| {
                    a["source"]
                        .as_str()
                        .is_some_and(|s| s.eq_ignore_ascii_case(o))
                })
                .and_then(|a| a["file"].as_str())
                .unwrap_or("missing");
            event.join(file)
        })
        .collect()
}

fn compare(event: &Path) -> Report {
    let inputs: Vec<Input> = outlet_files(event)
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).expect("readable BASIL file");
            Input::new(
                path.display().to_string(),
                ingest(&bytes, None).expect("UTF-8 BASIL file"),
            )
        })
        .collect();
    analyze(&inputs, &Options::default()).report()
}

#[test]
fn every_triple_compares() {
    let Some(dir) = basil_dir() else { return };
    let events = events(&dir);
    assert_eq!(events.len(), 100, "BASIL has 100 events");
    let sarif = common::sarif::validator();
    for event in events {
        let report = compare(&event);
        assert_eq!(report.sources.len(), 3);
        let grouped: usize = report.groups.iter().map(|g| g.claims.len()).sum();
        assert_eq!(
            grouped,
            report.claims.len(),
            "{}: every claim in exactly one group",
            event.display()
        );
        for g in &report.groups {
            let mut sources = g.sources.clone();
            sources.dedup();
            assert_eq!(
                sources.len(),
                g.sources.len(),
                "at most one claim per source in a group"
            );
        }
        renders_in_every_format(&report, &sarif);
    }
}

/// Every format renders the triple whole: the HTML page marks every claim once, SARIF validates
/// and holds one result per finding, GitHub gets one command per finding.
fn renders_in_every_format(report: &Report, sarif: &jsonschema::Validator) {
    let render = |format| render::render(report, format, RenderOptions::default());
    assert!(render(OutputFormat::Text).starts_with("claimdiff:"));
    assert!(render(OutputFormat::Markdown).starts_with("## claimdiff report"));
    let html = render(OutputFormat::Html);
    assert_eq!(html.matches("<mark id=\"c-").count(), report.claims.len());
    let log: serde_json::Value = serde_json::from_str(&render(OutputFormat::Sarif)).unwrap();
    assert!(sarif.is_valid(&log), "{}", report.sources[0].path);
    assert_eq!(
        log["runs"][0]["results"].as_array().map(Vec::len),
        Some(report.findings.len())
    );
    assert_eq!(
        render(OutputFormat::Github).lines().count(),
        report.findings.len()
    );
}
