//! claimdiff: reconcile the claims of several news reports of one event.
//!
//! The pipeline runs in one direction, one plain-data type per stage:
//! bytes → [`ingest`] → [`segment`] → [`extract`] → [`align`] → [`check`] → [`report`] →
//! [`render`]. The library does no I/O and never prints: the binary reads files, parses
//! arguments, chooses colour and sets exit codes.
//!
//! ```
//! use claimdiff::{Input, Options, analyze, ingest::ingest_str};
//! let a = Input::new("a.txt", ingest_str("\"We were the better team on the night,\" Ann Lee said.", None));
//! let b = Input::new("b.txt", ingest_str("\"We were probably the better team on the night,\" Ann Lee said.", None));
//! let report = analyze(&[a, b], &Options::default()).report();
//! assert_eq!(report.findings[0].message, "Ann Lee's quote is worded differently in a and b");
//! ```

#![deny(clippy::print_stdout, clippy::print_stderr)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
#![warn(missing_docs)]

pub mod align;
pub mod baseline;
pub mod batch;
pub mod check;
pub mod extract;
pub mod ingest;
pub mod render;
pub mod report;
pub mod segment;
pub mod text;

use std::collections::BTreeMap;

use align::{AlignOptions, Group};
use check::Finding;
use extract::Extraction;
use ingest::Document;
use report::{
    ClaimOut, DiffOut, FindingOut, GroupOut, NumberOut, Report, Source, Span, Summary, ValueOut,
    Verdict,
};
use segment::Sentence;

/// One source to compare: its path as given and its ingested document.
#[derive(Debug, Clone)]
pub struct Input {
    /// The path (or name) as given; reported as is.
    pub path: String,
    /// The source id to use in the report instead of "a", "b", ... ("fox", "nyt"), when one
    /// is given; see [`source_ids`].
    pub id: Option<String>,
    /// The ingested document.
    pub document: Document,
}

impl Input {
    /// A new input.
    pub fn new(path: impl Into<String>, document: Document) -> Input {
        Input {
            path: path.into(),
            id: None,
            document,
        }
    }

    /// The same input with its own source id.
    pub fn with_id(mut self, id: impl Into<String>) -> Input {
        self.id = Some(id.into());
        self
    }
}

/// Is `id` usable as a source id: 1 to 32 characters, letters, digits, `_`, `-` or `.`,
/// starting with a letter or digit? (Claim ids are "source:number", so no colon or space.)
pub fn valid_source_id(id: &str) -> bool {
    let mut chars = id.chars();
    id.chars().count() <= 32
        && chars.next().is_some_and(char::is_alphanumeric)
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// The source ids of a set of inputs: each input's own id when every input has a valid one
/// and they are all different, else "a", "b", ... for all, so that ids are always unique.
pub fn source_ids(inputs: &[Input]) -> Vec<String> {
    let own: Vec<&str> = inputs
        .iter()
        .filter_map(|i| i.id.as_deref().filter(|id| valid_source_id(id)))
        .collect();
    let distinct: std::collections::BTreeSet<&str> = own.iter().copied().collect();
    if own.len() == inputs.len() && distinct.len() == own.len() {
        own.iter().map(|s| s.to_string()).collect()
    } else {
        (0..inputs.len()).map(source_id).collect()
    }
}

/// Options of the analysis.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Options {
    /// Matcher tuning.
    pub align: AlignOptions,
}

/// Everything the pipeline computed for a set of sources.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Source ids: "a", "b", ... or the inputs' own ([`source_ids`]).
    pub ids: Vec<String>,
    /// The inputs, in order.
    pub inputs: Vec<Input>,
    /// The sentences of each source.
    pub sentences: Vec<Vec<Sentence>>,
    /// The claims of each source.
    pub extractions: Vec<Extraction>,
    /// The aligned groups.
    pub groups: Vec<Group>,
    /// The findings.
    pub findings: Vec<Finding>,
}

/// The id of the source at `index`: "a", "b", ..., "z", "aa", "ab", ...
pub fn source_id(index: usize) -> String {
    let mut n = index;
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The id of claim `index` (0-based) of the source `source`: "a:7" for claim 6 of "a".
fn claim_id(source: &str, index: usize) -> String {
    // Written by hand: `format!` costs several times as much, for every claim of a batch.
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(index + 1);
    let mut id = String::with_capacity(source.len() + 1 + digits.len());
    id.push_str(source);
    id.push(':');
    id.push_str(digits);
    id
}

/// Runs the whole analysis. Never fails: any text yields an analysis.
pub fn analyze(inputs: &[Input], options: &Options) -> Analysis {
    let sentences: Vec<Vec<Sentence>> = inputs
        .iter()
        .map(|i| segment::segment(&i.document))
        .collect();
    // Each sentence cut into words once, for extraction and alignment.
    let words: Vec<Vec<Vec<text::Word>>> = inputs
        .iter()
        .zip(&sentences)
        .map(|(i, s)| extract::sentence_words(&i.document, s))
        .collect();
    let extractions: Vec<Extraction> = inputs
        .iter()
        .zip(&sentences)
        .zip(&words)
        .map(|((i, s), w)| extract::extract_cut(&i.document, s, w))
        .collect();
    let claims: Vec<&[extract::Claim]> = extractions.iter().map(|e| e.claims.as_slice()).collect();
    let sentence_texts: Vec<Vec<&str>> = inputs
        .iter()
        .zip(&sentences)
        .map(|(i, ss)| {
            ss.iter()
                .map(|s| &i.document.text[s.range.clone()])
                .collect()
        })
        .collect();
    let starts: Vec<Vec<usize>> = sentences
        .iter()
        .map(|ss| ss.iter().map(|s| s.range.start).collect())
        .collect();
    let groups = align::align_cut(&claims, &sentence_texts, &words, &starts, &options.align);
    let ids = source_ids(inputs);
    let refs: Vec<&Extraction> = extractions.iter().collect();
    let findings = check::run(&check::Context {
        ids: &ids,
        sources: &refs,
        groups: &groups,
    });
    Analysis {
        ids,
        inputs: inputs.to_vec(),
        sentences,
        extractions,
        groups,
        findings,
    }
}

impl Analysis {
    /// The id of a claim: "a:7".
    pub fn claim_id(&self, r: align::ClaimRef) -> String {
        claim_id(&self.ids[r.0], r.1)
    }

    /// Builds the report, the plain data every renderer reads.
    pub fn report(&self) -> Report {
        // Claims are numbered across sources: source `s`'s claim `c` is `first[s] + c`.
        let mut first = Vec::with_capacity(self.extractions.len());
        let mut total = 0;
        for ex in &self.extractions {
            first.push(total);
            total += ex.claims.len();
        }
        let index = |(s, c): align::ClaimRef| {
            first
                .get(s)
                .filter(|_| c < self.extractions[s].claims.len())
                .map(|f| f + c)
        };
        // Each claim's group (1-based; 0 for none), and whether each group has a finding.
        let mut group_of = vec![0; total];
        for (g, grp) in self.groups.iter().enumerate() {
            for c in grp.claims.iter().filter_map(|r| index(*r)) {
                group_of[c] = g + 1;
            }
        }
        let mut differing = vec![false; self.groups.len()];
        for g in self.findings.iter().filter_map(|f| f.group) {
            if let Some(d) = differing.get_mut(g) {
                *d = true;
            }
        }
        let mut claims = Vec::with_capacity(total);
        for (s, ex) in self.extractions.iter().enumerate() {
            let doc = &self.inputs[s].document;
            for (c, claim) in ex.claims.iter().enumerate() {
                let o = doc.original_range(claim.range.clone());
                let (line, column) = doc.line_column(o.start);
                let (end_line, end_column) = doc.line_column(o.end);
                claims.push(ClaimOut {
                    id: claim_id(&self.ids[s], c),
                    source: self.ids[s].clone(),
                    kind: claim.kind.into(),
                    text: claim.text.clone(),
                    span: Span {
                        start: o.start,
                        end: o.end,
                        line,
                        column,
                        end_line,
                        end_column,
                    },
                    speaker: claim.speaker.clone(),
                    channel: claim.channel.clone(),
                    attribution: claim.attribution.map(Into::into),
                    block: claim.block,
                    numbers: claim
                        .numbers
                        .iter()
                        .map(|n| NumberOut {
                            text: n.text.clone(),
                            value: n.value,
                            kind: n.kind,
                            role: n.role.clone(),
                        })
                        .collect(),
                    names: claim.names.clone(),
                    group: group_of[first[s] + c],
                    text_range: (claim.range.start, claim.range.end),
                });
            }
        }
        // A claim's id, copied from its claim rather than written out again.
        let id_of = |r: align::ClaimRef| match index(r) {
            Some(i) => claims[i].id.clone(),
            None => self.claim_id(r),
        };
        // Which sources a group has been seen in: `seen[s] == g + 1` once group `g` counted `s`.
        let mut seen = vec![0; self.ids.len()];
        let groups: Vec<GroupOut> = self
            .groups
            .iter()
            .enumerate()
            .map(|(g, grp)| GroupOut {
                id: g + 1,
                claims: grp.claims.iter().map(|r| id_of(*r)).collect(),
                verdict: if grp.claims.len() == 1 {
                    Verdict::Single
                } else if differing[g] {
                    Verdict::Differ
                } else {
                    Verdict::Agree
                },
                score: (grp.score * 1000.0).round() / 1000.0,
                sources: grp.claims.iter().map(|r| self.ids[r.0].clone()).collect(),
                support: report::Support {
                    sources: grp
                        .claims
                        .iter()
                        .filter(|r| std::mem::replace(&mut seen[r.0], g + 1) != g + 1)
                        .count(),
                    of: self.inputs.len(),
                },
            })
            .collect();
        let findings: Vec<FindingOut> = self
            .findings
            .iter()
            .map(|f| FindingOut {
                kind: f.kind.into(),
                severity: f.severity.into(),
                message: f.message.clone(),
                group: f.group.map(|g| g + 1),
                claims: f.claims.iter().map(|r| id_of(*r)).collect(),
                values: f
                    .values
                    .iter()
                    .map(|(s, t)| ValueOut {
                        source: self.ids[*s].clone(),
                        text: t.clone(),
                    })
                    .collect(),
                diff: f.diff.as_ref().map(|d| {
                    d.iter()
                        .map(|op| DiffOut {
                            op: op.tag.into(),
                            text: op.text.clone(),
                            new_text: op.new_text.clone(),
                        })
                        .collect()
                }),
                readings: f
                    .readings
                    .iter()
                    .map(|r| report::ReadingOut {
                        text: r.text.clone(),
                        sources: r.sources.iter().map(|s| self.ids[*s].clone()).collect(),
                    })
                    .collect(),
                outliers: f.outliers().iter().map(|s| self.ids[*s].clone()).collect(),
            })
            .collect();
        let mut by_kind = BTreeMap::new();
        for f in &self.findings {
            *by_kind.entry(f.kind.as_str().to_string()).or_insert(0) += 1;
        }
        let count = |v: Verdict| groups.iter().filter(|g| g.verdict == v).count();
        let summary = Summary {
            claims: claims.len(),
            groups: groups.len(),
            agree: count(Verdict::Agree),
            differ: count(Verdict::Differ),
            single: count(Verdict::Single),
            findings: by_kind,
        };
        Report {
            id: None,
            schema_version: report::SCHEMA_VERSION,
            tool: report::Tool {
                name: "claimdiff".into(),
                version: env!("CARGO_PKG_VERSION").into(),
            },
            sources: self
                .inputs
                .iter()
                .enumerate()
                .map(|(i, input)| Source {
                    id: self.ids[i].clone(),
                    path: input.path.clone(),
                    format: input.document.format.as_str().into(),
                    bytes: input.document.original.len(),
                })
                .collect(),
            summary,
            claims,
            groups,
            findings,
            texts: self
                .inputs
                .iter()
                .map(|i| i.document.text.clone())
                .collect(),
        }
    }
}
