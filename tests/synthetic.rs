//! A made-up pair written for the test suite: a council vote reported once as HTML and once as
//! plain text, with one discrepancy of every kind planted by hand (see `fixtures/synthetic/`).

mod common;

use claimdiff::report::{FindingKindOut, Report, SeverityOut, Verdict};
use common::{compare, holds};

const A: &str = "fixtures/synthetic/council-a.html";
const B: &str = "fixtures/synthetic/council-b.txt";

fn report() -> Report {
    compare(&[A, B])
}

/// The one finding of `kind`, whose values are `a` (source a) and `b` (source b).
fn check(r: &Report, kind: FindingKindOut, severity: SeverityOut, a: &str, b: &str) {
    let found: Vec<_> = r.findings.iter().filter(|f| f.kind == kind).collect();
    assert_eq!(
        found.len(),
        1,
        "one {kind:?} finding expected: {:#?}",
        r.findings
    );
    let f = found[0];
    assert_eq!(f.severity, severity);
    assert!(
        f.values
            .iter()
            .any(|v| v.source == "a" && holds(&v.text, a)),
        "{f:#?}"
    );
    assert!(
        f.values
            .iter()
            .any(|v| v.source == "b" && holds(&v.text, b)),
        "{f:#?}"
    );
}

#[test]
fn every_planted_discrepancy_is_found() {
    let r = report();
    // The vote: 7-2 in one, 6-3 in the other.
    check(
        &r,
        FindingKindOut::NumberConflict,
        SeverityOut::Error,
        "7-2",
        "6-3",
    );
    // The trucks quote: the mayor's in a, a councillor's in b.
    check(
        &r,
        FindingKindOut::QuoteSpeaker,
        SeverityOut::Error,
        "Jane Ortiz",
        "Tom Reyes",
    );
    // The lifeline quote: the mayor's in both, worded differently.
    check(
        &r,
        FindingKindOut::QuoteWording,
        SeverityOut::Warning,
        "the town’s lifeline",
        "the lifeline of this town",
    );
    // The councillor's first name.
    check(
        &r,
        FindingKindOut::NameVariant,
        SeverityOut::Warning,
        "Katherine Molloy",
        "Kathryn Molloy",
    );
    assert_eq!(r.findings.len(), 4, "{:#?}", r.findings);
}

#[test]
fn what_agrees_is_not_reported() {
    let r = report();
    // "about eight months" and "around eight months" agree; "$4.2 million" is the same in both.
    let months = r
        .claims
        .iter()
        .find(|c| c.source == "a" && holds(&c.text, "eight months"))
        .expect("claim");
    let group = r
        .groups
        .iter()
        .find(|g| g.id == months.group)
        .expect("group");
    assert_eq!(group.verdict, Verdict::Agree);
    assert_eq!(group.sources, ["a", "b"]);
}

#[test]
fn html_is_read_as_text() {
    let r = report();
    assert_eq!(r.sources[0].format, "html");
    assert_eq!(r.sources[1].format, "text");
    for c in &r.claims {
        assert!(
            !c.text.contains('<') && !c.text.contains("&rsquo;") && !c.text.contains("tracker"),
            "{}",
            c.text
        );
    }
    // Entities are decoded, and the span still points at the original markup.
    let original =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(A))
            .expect("fixture");
    let quote = r
        .claims
        .iter()
        .find(|c| c.text.contains("town’s lifeline"))
        .expect("quote");
    assert!(original[quote.span.start..quote.span.end].contains("town&rsquo;s lifeline"));
    // Speaker titles are not part of the name.
    assert!(
        r.claims
            .iter()
            .all(|c| c.speaker.as_deref() != Some("Councillor Tom Reyes"))
    );
}
