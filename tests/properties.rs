//! Property tests (proptest) on the whole pipeline, on generated articles: news-like sentences
//! with names, numbers, quotes (straight, curly, unbalanced), HTML tags and entities, CRLF, a
//! BOM and non-ASCII letters, plus arbitrary Unicode text.
//!
//! - the output is deterministic: byte-identical across runs and across threads;
//! - swapping the sources changes ids only, never what is found or grouped;
//! - every claim is in exactly one group, with at most one claim per source;
//! - every span is in bounds and on character boundaries of the original input, and its line
//!   and column agree with the offset;
//! - every finding names claims that exist, in the sources its values name;
//! - a source compared with itself yields no discrepancy and nothing in one source only.

mod common;

use std::collections::BTreeSet;

use claimdiff::ingest::{Format, ingest_str};
use claimdiff::render::{self, OutputFormat, RenderOptions};
use claimdiff::report::Report;
use claimdiff::{Input, Options, analyze};
use common::{findings_by_path, groups_by_path};
use proptest::prelude::*;

/// Pieces articles are made of; several are near-variants of each other (a name spelt two
/// ways, numbers one apart, a quote reworded) so that generated pairs produce findings.
const PIECES: &[&str] = &[
    "The council voted",
    "on Tuesday",
    "by 7-2",
    "by 6-3",
    "after a long debate",
    "said",
    "Jonathon Marsh",
    "Jonathan Marsh",
    "Renée Léger",
    "Renee Leger",
    "Mayor",
    "told reporters",
    "\"We will fix the bridge this year,\"",
    "\"We are going to fix the bridge this year,\"",
    "“We cannot keep sending trucks through town,”",
    "\"",
    "“",
    "”",
    "'",
    "’",
    ".",
    ",",
    "?",
    "!",
    ";",
    "—",
    "-",
    "(",
    ")",
    "$4.2 million",
    "42",
    "forty-two",
    "18 months",
    "84th minute",
    "82nd minute",
    "53",
    "52",
    "and",
    "the",
    "bridge",
    "will",
    "repair",
    "cost",
    "Mr.",
    "Dr.",
    "U.S.",
    "\n",
    "\n\n",
    "\r\n",
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "&amp;",
    "&quot;",
    "&#8220;",
    "<script>x</script>",
    "Ça",
    "naïve",
    "日本",
    "🙂",
    "e\u{301}",
    "\u{feff}",
    "\t",
];

fn article() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|p| p.join(" ")),
        1 => "\\PC{0,300}",
    ]
}

fn format() -> impl Strategy<Value = Option<Format>> {
    prop::sample::select(vec![None, Some(Format::Text), Some(Format::Html)])
}

fn report(sources: &[(&str, &str, Option<Format>)]) -> Report {
    let inputs: Vec<Input> = sources
        .iter()
        .map(|(path, text, format)| Input::new(*path, ingest_str(text, *format)))
        .collect();
    analyze(&inputs, &Options::default()).report()
}

fn check_invariants(r: &Report, texts: &[&str]) -> Result<(), TestCaseError> {
    // Every claim in exactly one group, one claim per source at most.
    let mut seen = BTreeSet::new();
    for g in &r.groups {
        for id in &g.claims {
            prop_assert!(seen.insert(id.clone()), "{} in two groups", id);
        }
        let sources: BTreeSet<&String> = g.sources.iter().collect();
        prop_assert_eq!(sources.len(), g.sources.len());
    }
    prop_assert_eq!(seen.len(), r.claims.len());
    // Spans in bounds, on character boundaries, with lines and columns that agree.
    for c in &r.claims {
        let s = r.sources.iter().position(|s| s.id == c.source).unwrap();
        let original = texts[s];
        prop_assert!(c.span.start <= c.span.end && c.span.end <= original.len());
        prop_assert!(original.is_char_boundary(c.span.start));
        prop_assert!(original.is_char_boundary(c.span.end));
        let before = &original[..c.span.start];
        prop_assert_eq!(c.span.line, before.matches('\n').count() + 1);
        prop_assert!(c.span.end_line >= c.span.line);
    }
    // Findings name claims that exist, in the sources of their values.
    for f in &r.findings {
        for id in &f.claims {
            let claim = r.claim(id);
            prop_assert!(claim.is_some(), "finding names missing claim {}", id);
            let source = &claim.unwrap().source;
            prop_assert!(f.values.iter().any(|v| &v.source == source));
        }
        prop_assert!(f.values.len() >= 2);
    }
    Ok(())
}

proptest! {
    // 96 cases each in `cargo test`; PROPTEST_CASES=5000 for a longer search.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(96)
    ))]

    #[test]
    fn invariants_hold(a in article(), b in article(), c in article(), fa in format(), fb in format()) {
        let r = report(&[("a.txt", &a, fa), ("b.txt", &b, fb)]);
        check_invariants(&r, &[&a, &b])?;
        let r3 = report(&[("a.txt", &a, fa), ("b.txt", &b, fb), ("c.txt", &c, None)]);
        check_invariants(&r3, &[&a, &b, &c])?;
    }

    #[test]
    fn output_is_deterministic_across_runs_and_threads(a in article(), b in article()) {
        let json = || render::json::render(&report(&[("a.txt", &a, None), ("b.txt", &b, None)]));
        let first = json();
        prop_assert_eq!(&json(), &first);
        let (a2, b2) = (a.clone(), b.clone());
        let other = std::thread::spawn(move || {
            render::json::render(&report(&[("a.txt", &a2, None), ("b.txt", &b2, None)]))
        })
        .join()
        .unwrap();
        prop_assert_eq!(&other, &first);
        for format in [OutputFormat::Markdown, OutputFormat::Html, OutputFormat::Sarif] {
            let r = report(&[("a.txt", &a, None), ("b.txt", &b, None)]);
            let once = render::render(&r, format, RenderOptions::default());
            prop_assert_eq!(render::render(&r, format, RenderOptions::default()), once);
        }
    }

    #[test]
    fn swapping_sources_changes_ids_only(a in article(), b in article()) {
        let ab = report(&[("a.txt", &a, None), ("b.txt", &b, None)]);
        let ba = report(&[("b.txt", &b, None), ("a.txt", &a, None)]);
        prop_assert_eq!(findings_by_path(&ab), findings_by_path(&ba));
        prop_assert_eq!(groups_by_path(&ab), groups_by_path(&ba));
    }

    #[test]
    fn a_source_compared_with_itself_agrees(a in article(), f in format()) {
        let r = report(&[("a.txt", &a, f), ("copy.txt", &a, f)]);
        prop_assert!(r.findings.is_empty(), "{:#?}", r.findings);
        prop_assert_eq!(r.summary.single, 0);
    }
}
