//! Real-data checks on BASIL (100 events, each reported by Fox, NYT and HuffPost), read from
//! `../shared/data/basil` when it is there; every test skips with a message when it is not.
//!
//! Run with `cargo test --release --test basil -- --nocapture` to see the figures.

use std::path::{Path, PathBuf};

use claimdiff::check::same_person;
use claimdiff::ingest::ingest;
use claimdiff::render::{self, OutputFormat, RenderOptions};
use claimdiff::report::{ClaimKindOut, Report};
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
        let text = render::render(&report, OutputFormat::Text, RenderOptions::default());
        assert!(text.starts_with("claimdiff:"));
    }
}

/// A BASIL speaker label that names one person ("Donald_Trump", "Trump"), not a group
/// ("House_Democrats", "other_anti", "Obama_campaign").
fn names_a_person(label: &str) -> bool {
    const GROUP_WORDS: &[&str] = &[
        "lawmakers",
        "Lawmakers",
        "campaign",
        "officials",
        "members",
        "Party",
        "committee",
        "Democrats",
        "Republicans",
        "companies",
        "protestors",
        "plaintiffs",
        "Catholics",
        "House",
        "Senate",
        "and",
    ];
    if label.starts_with("other") {
        return false;
    }
    let parts: Vec<&str> = label.split('_').collect();
    parts
        .iter()
        .all(|p| p.chars().next().is_some_and(char::is_uppercase))
        && !parts.iter().any(|p| GROUP_WORDS.contains(p))
        && !(parts.len() == 1
            && (p_is_acronym(parts[0])
                || parts[0].ends_with('s')
                || parts[0].chars().skip(1).any(char::is_uppercase)))
}

fn p_is_acronym(s: &str) -> bool {
    s.chars().all(|c| c.is_uppercase())
}

/// Whether a speaker name matches an annotation's label. BASIL's labels are sometimes cut
/// ("Felipe_Calder" for Felipe Calderón) and articles sometimes misspell a first name
/// ("Vincente Fox"): the surname may be cut, the first name must start alike.
fn label_matches(speaker: &str, label: &str) -> bool {
    if same_person(speaker, label) {
        return true;
    }
    let fold = |s: &str| claimdiff::text::strip_accents(s).to_lowercase();
    let (s, l) = (fold(speaker), fold(label));
    let (ts, tl): (Vec<&str>, Vec<&str>) = (s.split(' ').collect(), l.split(' ').collect());
    match (ts.first(), ts.last(), tl.first(), tl.last()) {
        (Some(sf), Some(sl), Some(lf), Some(ll)) if ts.len() > 1 && tl.len() > 1 => {
            sl.starts_with(ll) && ll.len() >= 3 && sf.chars().next() == lf.chars().next()
        }
        _ => false,
    }
}

/// Quote annotations that name a person: share found inside quote claims, and share of those
/// with the right speaker.
#[test]
fn quote_attribution_on_annotated_quotes() {
    let Some(dir) = basil_dir() else { return };
    let (mut total, mut found, mut right) = (0usize, 0usize, 0usize);
    let (mut named_total, mut named_found) = (0usize, 0usize);
    let mut misses = Vec::new();
    for event in events(&dir) {
        let meta = meta(&event);
        let files = outlet_files(&event);
        let report = compare(&event);
        for article in meta["articles"].as_array().into_iter().flatten() {
            let Some(source) = OUTLETS.iter().position(|o| {
                article["source"]
                    .as_str()
                    .is_some_and(|s| s.eq_ignore_ascii_case(o))
            }) else {
                continue;
            };
            let path = &files[source];
            let original = std::fs::read_to_string(path).expect("text");
            let id = claimdiff::source_id(source);
            for q in article["quote_annotations"]
                .as_array()
                .into_iter()
                .flatten()
            {
                let (Some(txt), Some(speaker)) = (q["txt"].as_str(), q["speaker"].as_str()) else {
                    continue;
                };
                if speaker.starts_with("other") {
                    continue;
                }
                let Some(start) = original.find(txt) else {
                    continue;
                };
                let span = start..start + txt.len();
                let quotes: Vec<_> = report
                    .claims
                    .iter()
                    .filter(|c| c.source == id && c.kind == ClaimKindOut::Quote)
                    .filter(|c| c.span.start < span.end && span.start < c.span.end)
                    .collect();
                let covered: usize = quotes
                    .iter()
                    .map(|c| c.span.end.min(span.end) - c.span.start.max(span.start))
                    .sum();
                let is_found =
                    covered * 2 >= txt.trim_matches(|c: char| !c.is_alphanumeric()).len();
                // Every label that is not "other_*" (people and groups): found as a quote?
                named_total += 1;
                named_found += usize::from(is_found);
                if !names_a_person(speaker) {
                    continue;
                }
                total += 1;
                if !is_found {
                    misses.push(format!("not a quote claim: [{}] {txt}", path.display()));
                    continue;
                }
                found += 1;
                let want = speaker.replace('_', " ");
                if quotes.iter().any(|c| {
                    c.speaker
                        .as_deref()
                        .is_some_and(|s| label_matches(s, &want))
                }) {
                    right += 1;
                } else {
                    let got: Vec<_> = quotes
                        .iter()
                        .map(|c| c.speaker.clone().unwrap_or_else(|| "-".into()))
                        .collect();
                    misses.push(format!("speaker {got:?} for {want}: {txt}"));
                }
            }
        }
    }
    let pct = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
    eprintln!(
        "BASIL annotated quotes with a speaker label (people and groups): {named_total}, found as quote claims: {named_found} ({:.1}%)",
        pct(named_found, named_total)
    );
    eprintln!("BASIL annotated quotes naming one person: {total}");
    eprintln!(
        "  found as quote claims: {found} ({:.1}%)",
        pct(found, total)
    );
    eprintln!(
        "  with the right speaker: {right} ({:.1}% of found)",
        pct(right, found)
    );
    if std::env::var_os("CLAIMDIFF_SHOW_MISSES").is_some() {
        for m in &misses {
            eprintln!("  {m}");
        }
    }
    assert!(
        total >= 250,
        "expected BASIL's person-attributed quotes, got {total}"
    );
    // Floors that guard against regressions; the closing notes give the measured figures.
    assert!(pct(found, total) >= 80.0, "found {found} of {total}");
    assert!(
        pct(right, found) >= 75.0,
        "right speaker {right} of {found}"
    );
}
