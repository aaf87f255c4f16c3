//! The invariants the fuzz targets check, one function per target; `tests/fuzz_regressions.rs`
//! in the main crate includes this file and runs the same functions on the saved crash inputs.
//!
//! Each function takes the fuzzer's raw bytes, returns normally when the invariants hold (or
//! the input is not one the target is about, such as bytes that are not UTF-8) and panics with
//! a message naming the broken invariant otherwise.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use claimdiff::baseline::Baseline;
use claimdiff::ingest::{Document, Format, ingest};
use claimdiff::render::{self, OutputFormat, RenderOptions};
use claimdiff::report::Report;
use claimdiff::{Input, Options, analyze};

/// Every output format, each rendered by the pipeline target.
pub const FORMATS: [OutputFormat; 6] = [
    OutputFormat::Text,
    OutputFormat::Json,
    OutputFormat::Markdown,
    OutputFormat::Html,
    OutputFormat::Sarif,
    OutputFormat::Github,
];

/// `ingest_text` / `ingest_html`: ingests `data` as `format` and, when that succeeds, checks the
/// document (see [`check_document`]).
pub fn check_ingest(data: &[u8], format: Format) {
    if let Ok(doc) = ingest(data, Some(format)) {
        check_document(&doc, data);
    }
}

/// The invariants of one document. Paragraphs are ordered, non-empty char-boundary ranges of the
/// clean text. Every clean range tried (each paragraph, the whole text, every character and
/// every empty range, and ranges picked by the bytes of `seed`) maps to a range of the original
/// within its length and on char boundaries, and clean ranges in order map to original ranges
/// in order. `line_column` answers for every offset up to the original's length, and at char
/// boundaries gives the line and column counted directly.
pub fn check_document(doc: &Document, seed: &[u8]) {
    let text = doc.text.as_str();
    let mut prev_end = 0;
    for p in &doc.paragraphs {
        assert!(
            prev_end <= p.start && p.start < p.end && p.end <= text.len(),
            "paragraph {p:?} out of order, empty or past the clean text ({} bytes)",
            text.len()
        );
        assert!(
            text.is_char_boundary(p.start) && text.is_char_boundary(p.end),
            "paragraph {p:?} not on char boundaries of the clean text"
        );
        prev_end = p.end;
        check_range(doc, p.clone());
    }
    check_range(doc, 0..text.len());

    // Every character, every empty range, in order: their starts map in order too.
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut prev_start = 0;
    for w in bounds.windows(2) {
        let o = check_range(doc, w[0]..w[1]);
        assert!(
            o.start >= prev_start,
            "clean range {:?} maps to {o:?}, before the previous character's start {prev_start}",
            w[0]..w[1]
        );
        prev_start = o.start;
        check_range(doc, w[0]..w[0]);
    }
    check_range(doc, text.len()..text.len());

    // Ranges picked by the input's own bytes, two bytes a range.
    let last = bounds.len() - 1;
    for pair in seed.chunks_exact(2).take(64) {
        let a = bounds[pair[0] as usize * last / 255];
        let b = bounds[pair[1] as usize * last / 255];
        check_range(doc, a.min(b)..a.max(b));
    }

    check_line_column(doc);
}

/// Maps a clean range and checks the original range: ordered, within bounds, on char
/// boundaries.
fn check_range(doc: &Document, clean: Range<usize>) -> Range<usize> {
    let o = doc.original_range(clean.clone());
    let len = doc.original.len();
    assert!(
        o.start <= o.end && o.end <= len,
        "clean range {clean:?} maps to {o:?}, outside the original ({len} bytes)"
    );
    assert!(
        doc.original.is_char_boundary(o.start) && doc.original.is_char_boundary(o.end),
        "clean range {clean:?} maps to {o:?}, not on char boundaries of the original"
    );
    o
}

/// `line_column` for every offset up to the original's length; at char boundaries it must
/// equal the line (1-based; a line ends at "\n", "\r\n" or a "\r" alone) and the column
/// (1-based, in characters, a leading byte-order mark not counted) counted here.
fn check_line_column(doc: &Document) {
    let original = doc.original.as_str();
    let bom = original.starts_with('\u{FEFF}');
    let mut expected = BTreeMap::new();
    let (mut line, mut column) = (1, 1);
    for (i, c) in original.char_indices() {
        expected.insert(i, (line, column));
        if c == '\n' || (c == '\r' && !original[i + 1..].starts_with('\n')) {
            line += 1;
            column = 1;
        } else if !(bom && i == 0) {
            column += 1;
        }
    }
    expected.insert(original.len(), (line, column));
    for offset in 0..=original.len() {
        let got = doc.line_column(offset);
        if let Some(want) = expected.get(&offset) {
            assert_eq!(got, *want, "line_column({offset})");
        }
    }
}

/// How the pipeline target reads its bytes: the first byte chooses the formats, the rest is the
/// sources. Sources are separated by NUL bytes (which no source can hold: ingest refuses them),
/// at most three; without a NUL the rest is cut in half. Bits 2i and 2i+1 of the first byte give
/// source i's format: 0 text, 1 HTML, 2 or 3 sniffed from the content; its top bit asks
/// [`check_pipeline`] to analyse copies of the sources too.
pub fn pipeline_sources(data: &[u8]) -> Option<Vec<(Option<Format>, &[u8])>> {
    let (&ctrl, rest) = data.split_first()?;
    let mut parts: Vec<&[u8]> = rest.split(|b| *b == 0).take(3).collect();
    if parts.len() == 1 {
        let (a, b) = rest.split_at(rest.len() / 2);
        parts = vec![a, b];
    }
    Some(
        parts
            .into_iter()
            .enumerate()
            .map(|(i, bytes)| {
                let format = match (ctrl >> (2 * i)) & 3 {
                    0 => Some(Format::Text),
                    1 => Some(Format::Html),
                    _ => None,
                };
                (format, bytes)
            })
            .collect(),
    )
}

/// `pipeline`: the sources of [`pipeline_sources`] (skipped unless every one ingests) through
/// `analyze`, the report's invariants ([`check_report`]), and every renderer; the JSON and
/// SARIF outputs must parse as JSON.
pub fn check_pipeline(data: &[u8]) {
    let Some(sources) = pipeline_sources(data) else {
        return;
    };
    let mut inputs = Vec::new();
    for (i, (format, bytes)) in sources.into_iter().enumerate() {
        let Ok(doc) = ingest(bytes, format) else {
            return;
        };
        let ext = doc.format.as_str();
        inputs.push(Input::new(format!("{i}.{ext}"), doc));
    }
    check_inputs(&inputs);
    // With the first byte's top bit set, the sources again as copies, one after another, to
    // more sources than the aligner treats as many (12): identical claims linked once, groups
    // merged by their sources and quote classes.
    if data[0] & 0x80 != 0 {
        let copies: Vec<Input> = (0..MANY_COPIES)
            .map(|i| {
                let doc = inputs[i % inputs.len()].document.clone();
                let ext = doc.format.as_str();
                Input::new(format!("copy{i}.{ext}"), doc)
            })
            .collect();
        check_inputs(&copies);
    }
}

/// How many sources the pipeline target's copies make: more than the aligner's "many sources".
const MANY_COPIES: usize = 14;

/// `analyze` on the inputs, the report's invariants, and every renderer (the JSON and SARIF
/// outputs must parse as JSON).
fn check_inputs(inputs: &[Input]) {
    let report = analyze(inputs, &Options::default()).report();
    check_report(&report, inputs);
    for format in FORMATS {
        let out = render::render(&report, format, RenderOptions::default());
        if matches!(format, OutputFormat::Json | OutputFormat::Sarif)
            && let Err(e) = serde_json::from_str::<serde_json::Value>(&out)
        {
            panic!("{format:?} output is not JSON: {e}");
        }
    }
}

/// The report's invariants: claim ids unique; every claim in exactly one group, the one it
/// names, and a group holding at most one claim per source; every span within its source's
/// original input and on char boundaries, every clean-text range within that source's clean
/// text and on char boundaries; every claim, group and source a finding names exists; the
/// summary counts what the report holds.
pub fn check_report(report: &Report, inputs: &[Input]) {
    assert_eq!(report.sources.len(), inputs.len(), "one source per input");
    let source_index: BTreeMap<&str, usize> = report
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    assert_eq!(source_index.len(), inputs.len(), "source ids are unique");

    let mut claim_group: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &report.claims {
        assert!(
            claim_group.insert(c.id.as_str(), c.group).is_none(),
            "claim id {} repeated",
            c.id
        );
        let Some(&s) = source_index.get(c.source.as_str()) else {
            panic!("claim {} has unknown source {}", c.id, c.source);
        };
        let original = inputs[s].document.original.as_str();
        let span = c.span;
        assert!(
            span.start <= span.end && span.end <= original.len(),
            "claim {} span {}..{} outside its source ({} bytes)",
            c.id,
            span.start,
            span.end,
            original.len()
        );
        assert!(
            original.is_char_boundary(span.start) && original.is_char_boundary(span.end),
            "claim {} span {}..{} not on char boundaries",
            c.id,
            span.start,
            span.end
        );
        let text = report.texts[s].as_str();
        let (a, b) = c.text_range;
        assert!(
            a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b),
            "claim {} clean range {a}..{b} not a char range of the clean text ({} bytes)",
            c.id,
            text.len()
        );
    }

    let mut grouped: BTreeSet<&str> = BTreeSet::new();
    for (i, g) in report.groups.iter().enumerate() {
        assert_eq!(g.id, i + 1, "group ids are 1, 2, ...");
        assert!(!g.claims.is_empty(), "group {} is empty", g.id);
        let mut sources = BTreeSet::new();
        for id in &g.claims {
            assert!(
                grouped.insert(id.as_str()),
                "claim {id} is in more than one group"
            );
            let Some(c) = report.claim(id) else {
                panic!("group {} holds unknown claim {id}", g.id);
            };
            assert_eq!(c.group, g.id, "claim {id} names another group");
            assert!(
                sources.insert(c.source.as_str()),
                "group {} holds two claims of source {}",
                g.id,
                c.source
            );
        }
    }
    for c in &report.claims {
        assert!(
            grouped.contains(c.id.as_str()),
            "claim {} in no group",
            c.id
        );
    }

    for f in &report.findings {
        for id in &f.claims {
            assert!(
                report.claim(id).is_some(),
                "finding {:?} names unknown claim {id}",
                f.message
            );
        }
        if let Some(g) = f.group {
            assert!(
                (1..=report.groups.len()).contains(&g),
                "finding {:?} names unknown group {g}",
                f.message
            );
        }
        for v in &f.values {
            assert!(
                source_index.contains_key(v.source.as_str()),
                "finding {:?} has a value of unknown source {}",
                f.message,
                v.source
            );
        }
    }

    let s = &report.summary;
    assert_eq!(s.claims, report.claims.len(), "summary.claims");
    assert_eq!(s.groups, report.groups.len(), "summary.groups");
    assert_eq!(s.agree + s.differ + s.single, s.groups, "summary verdicts");
    assert_eq!(
        s.findings.values().sum::<usize>(),
        report.findings.len(),
        "summary.findings"
    );
}

/// `baseline`: parses `data` (skipped unless UTF-8) as a baseline; when that works, writing it
/// and parsing the result gives the same baseline, and writing that gives the same text.
pub fn check_baseline(data: &[u8]) {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(baseline) = Baseline::parse(json) else {
        return;
    };
    let written = baseline.to_json();
    let again = match Baseline::parse(&written) {
        Ok(b) => b,
        Err(e) => panic!("baseline written as {written:?} does not parse: {e}"),
    };
    assert_eq!(again, baseline, "baseline changed by a round trip");
    assert_eq!(again.to_json(), written, "baseline written differently");
}

/// `batch`: each line of `data` (skipped unless UTF-8) as a batch record. A line that parses is
/// a cluster of two sources or more, with usable, distinct source ids; a cluster of inline
/// texts (small enough) runs through the pipeline and its output line is one line of JSON
/// carrying the cluster id. A line that does not parse gives an error record: one line of JSON
/// with the line's id when it has one.
pub fn check_batch(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for (n, line) in text.split('\n').enumerate() {
        match claimdiff::batch::parse_line(line) {
            Ok(cluster) => {
                assert!(cluster.sources.len() >= 2, "a cluster of one source parsed");
                let ids: Vec<&str> = cluster
                    .sources
                    .iter()
                    .filter_map(|s| s.id.as_deref())
                    .collect();
                let distinct: BTreeSet<&str> = ids.iter().copied().collect();
                assert_eq!(distinct.len(), ids.len(), "duplicate source ids parsed");
                assert!(
                    ids.iter().all(|id| claimdiff::valid_source_id(id)),
                    "an unusable source id parsed: {ids:?}"
                );
                let texts: Option<Vec<(&claimdiff::batch::SourceSpec, &str)>> = cluster
                    .sources
                    .iter()
                    .map(|s| match &s.origin {
                        claimdiff::batch::Origin::Text(t) => Some((s, t.as_str())),
                        claimdiff::batch::Origin::Path(_) => None,
                    })
                    .collect();
                let Some(texts) = texts else { continue };
                if texts.iter().map(|(_, t)| t.len()).sum::<usize>() > 4096 {
                    continue;
                }
                let inputs: Vec<Input> = texts
                    .iter()
                    .enumerate()
                    .filter_map(|(i, (s, t))| {
                        let doc = ingest(t.as_bytes(), s.format).ok()?;
                        let input = Input::new(s.name(i), doc);
                        Some(match &s.id {
                            Some(id) => input.with_id(id.clone()),
                            None => input,
                        })
                    })
                    .collect();
                if inputs.len() < 2 {
                    continue;
                }
                let report = analyze(&inputs, &Options::default()).report();
                let out = claimdiff::batch::report_line(&cluster.id, report);
                one_json_line(&out, Some(&cluster.id));
            }
            Err(e) => {
                let id = claimdiff::batch::line_id(line);
                let out = claimdiff::batch::error_line(id.as_deref(), n + 1, &e.to_string());
                one_json_line(&out, id.as_deref());
            }
        }
    }
}

/// `out` is one line of JSON, ending with a newline, whose `id` is `id`.
fn one_json_line(out: &str, id: Option<&str>) {
    assert!(out.ends_with('\n'), "no final newline: {out:?}");
    assert!(
        !out[..out.len() - 1].contains('\n'),
        "a record over several lines: {out:?}"
    );
    let v: serde_json::Value = serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(v["id"].as_str(), id, "the record's id");
}
