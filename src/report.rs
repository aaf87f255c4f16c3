//! Report: the analysis as plain data, the public JSON contract (schema_version 1).
//!
//! Built once from an [`Analysis`](crate::Analysis); every renderer reads only this. Fields may be
//! added freely; renaming or removing one needs a new `schema_version`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::check::{DiffTag, FindingKind, Severity};
use crate::extract::numbers::{NumberKind, Value};
use crate::extract::{Attribution, ClaimKind};

/// The version of the JSON report's shape.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole report.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Report {
    /// In a batch, the id of the cluster the report is about, as given; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Version of this shape; 1.
    pub schema_version: u32,
    /// The tool that made the report.
    pub tool: Tool,
    /// The sources, in the order given; ids are "a", "b", ...
    pub sources: Vec<Source>,
    /// Counts, for a quick look.
    pub summary: Summary,
    /// Every claim of every source, by source then position.
    pub claims: Vec<ClaimOut>,
    /// The groups of aligned claims; every claim is in exactly one.
    pub groups: Vec<GroupOut>,
    /// The discrepancies found.
    pub findings: Vec<FindingOut>,
    /// The clean text of each source (markup stripped), by source, for renderers that show the
    /// sources themselves; each claim's `text_range` points into it. Not part of the JSON.
    #[serde(skip)]
    pub texts: Vec<String>,
}

/// Name and version of the tool.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Tool {
    /// "claimdiff".
    pub name: String,
    /// The crate version.
    pub version: String,
}

/// One source.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Source {
    /// "a", "b", ... in the order given.
    pub id: String,
    /// The path as given.
    pub path: String,
    /// "text" or "html".
    pub format: String,
    /// Size of the input in bytes.
    pub bytes: usize,
}

/// Counts of claims, groups and findings.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Summary {
    /// Number of claims.
    pub claims: usize,
    /// Number of groups.
    pub groups: usize,
    /// Groups whose sources agree.
    pub agree: usize,
    /// Groups with a finding.
    pub differ: usize,
    /// Claims found in one source only.
    pub single: usize,
    /// Findings by kind.
    pub findings: BTreeMap<String, usize>,
}

/// Where a claim is in its source's original input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Span {
    /// Byte offset of the first byte (half-open range).
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
    /// 1-based line of the last character.
    pub end_line: usize,
    /// 1-based column one past the last character, in characters.
    pub end_column: usize,
}

/// A number in a claim.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct NumberOut {
    /// As written.
    pub text: String,
    /// Its value; a pair for scores.
    pub value: Value,
    /// Its kind.
    pub kind: NumberKind,
    /// The stem of what it counts or measures, or "".
    pub role: String,
}

/// Kind of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKindOut {
    /// Direct speech.
    Quote,
    /// Narrative.
    Statement,
}

impl From<ClaimKind> for ClaimKindOut {
    fn from(k: ClaimKind) -> Self {
        match k {
            ClaimKind::Quote => ClaimKindOut::Quote,
            ClaimKind::Statement => ClaimKindOut::Statement,
        }
    }
}

/// One claim.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ClaimOut {
    /// "a:7": source id and 1-based position among that source's claims.
    pub id: String,
    /// Source id.
    pub source: String,
    /// Quote or statement.
    pub kind: ClaimKindOut,
    /// The claim's text.
    pub text: String,
    /// Where it is in the original input.
    pub span: Span,
    /// For quotes, the speaker's canonical name when known.
    pub speaker: Option<String>,
    /// For quotes, where it was said when stated.
    pub channel: Option<String>,
    /// For quotes with a speaker, how the speaker was found: "explicit" (named beside a speech
    /// verb in the quote's sentence), "inferred" (a pronoun or clause subject there) or
    /// "context" (the sentence introducing the quote, or the quote before it).
    pub attribution: Option<AttributionOut>,
    /// For quotes, the quote block (continuous speech) it belongs to, numbered per source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block: Option<usize>,
    /// Numbers in the claim.
    pub numbers: Vec<NumberOut>,
    /// Canonical names in the claim.
    pub names: Vec<String>,
    /// Id of the group holding the claim.
    pub group: usize,
    /// The claim's byte range in its source's clean text ([`Report::texts`]). Not part of the
    /// JSON.
    #[serde(skip)]
    pub text_range: (usize, usize),
}

/// How a quote's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum AttributionOut {
    /// Named beside a speech verb in the quote's own sentences.
    Explicit,
    /// A pronoun or clause subject in the quote's own sentences.
    Inferred,
    /// The sentence introducing the quote, or the quote before it.
    Context,
}

impl From<Attribution> for AttributionOut {
    fn from(a: Attribution) -> Self {
        match a {
            Attribution::Explicit => AttributionOut::Explicit,
            Attribution::Inferred => AttributionOut::Inferred,
            Attribution::Context => AttributionOut::Context,
        }
    }
}

/// What a group's sources say together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Two or more sources, no finding.
    Agree,
    /// Two or more sources, at least one finding.
    Differ,
    /// One source only.
    Single,
}

/// A group of aligned claims.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct GroupOut {
    /// 1-based id.
    pub id: usize,
    /// Claim ids, by source.
    pub claims: Vec<String>,
    /// Agree, differ or single.
    pub verdict: Verdict,
    /// How alike the claims are, 0 to 1 (1 for a single claim).
    pub score: f64,
    /// The sources that make this claim.
    pub sources: Vec<String>,
    /// How many of the report's sources make this claim: "in 2 of 3".
    pub support: Support,
}

/// How many of the report's sources make a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Support {
    /// Sources with a claim in the group.
    pub sources: usize,
    /// Sources in the report.
    pub of: usize,
}

impl std::fmt::Display for Support {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "in {} of {}", self.sources, self.of)
    }
}

/// One reading of a finding and the sources that give it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ReadingOut {
    /// The reading as its first source writes it: a number, a wording, a speaker, a spelling.
    pub text: String,
    /// The sources giving it.
    pub sources: Vec<String>,
}

/// Kind of a finding, as named in reports.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub enum FindingKindOut {
    /// A quote worded differently.
    #[serde(rename = "quote.wording")]
    QuoteWording,
    /// A quote given to different people.
    #[serde(rename = "quote.speaker")]
    QuoteSpeaker,
    /// A number that conflicts.
    #[serde(rename = "number.conflict")]
    NumberConflict,
    /// A name spelt two ways.
    #[serde(rename = "name.variant")]
    NameVariant,
}

impl FindingKindOut {
    /// The kind's name in reports: "quote.wording", ...
    pub fn as_str(self) -> &'static str {
        FindingKind::from(self).as_str()
    }

    /// What findings of this kind mean, in one sentence.
    pub fn description(self) -> &'static str {
        match self {
            FindingKindOut::QuoteWording => {
                "The same remark is quoted with different words in two sources."
            }
            FindingKindOut::QuoteSpeaker => {
                "The same quote, word for word, is given to two different people."
            }
            FindingKindOut::NumberConflict => {
                "The same fact is reported with numbers that do not agree."
            }
            FindingKindOut::NameVariant => "One name is spelt two ways across the sources.",
        }
    }
}

impl From<FindingKindOut> for FindingKind {
    fn from(k: FindingKindOut) -> Self {
        match k {
            FindingKindOut::QuoteWording => FindingKind::QuoteWording,
            FindingKindOut::QuoteSpeaker => FindingKind::QuoteSpeaker,
            FindingKindOut::NumberConflict => FindingKind::NumberConflict,
            FindingKindOut::NameVariant => FindingKind::NameVariant,
        }
    }
}

impl From<FindingKind> for FindingKindOut {
    fn from(k: FindingKind) -> Self {
        match k {
            FindingKind::QuoteWording => FindingKindOut::QuoteWording,
            FindingKind::QuoteSpeaker => FindingKindOut::QuoteSpeaker,
            FindingKind::NumberConflict => FindingKindOut::NumberConflict,
            FindingKind::NameVariant => FindingKindOut::NameVariant,
        }
    }
}

/// Severity of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SeverityOut {
    /// Worth a look.
    Info,
    /// Should be reviewed.
    Warning,
    /// A contradiction.
    Error,
}

impl SeverityOut {
    /// "info", "warning" or "error".
    pub fn as_str(self) -> &'static str {
        match self {
            SeverityOut::Info => "info",
            SeverityOut::Warning => "warning",
            SeverityOut::Error => "error",
        }
    }
}

impl From<Severity> for SeverityOut {
    fn from(s: Severity) -> Self {
        match s {
            Severity::Info => SeverityOut::Info,
            Severity::Warning => SeverityOut::Warning,
            Severity::Error => SeverityOut::Error,
        }
    }
}

/// What one source says, in a finding.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ValueOut {
    /// Source id.
    pub source: String,
    /// The differing text as written there.
    pub text: String,
}

/// Operation of a diff stretch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DiffOpKind {
    /// In both.
    Equal,
    /// Only in the first value.
    Delete,
    /// Only in the second value.
    Insert,
}

/// A stretch of a word diff.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DiffOut {
    /// Equal, delete or insert.
    pub op: DiffOpKind,
    /// The words, as written in the first value (equal, delete) or the second (insert).
    pub text: String,
    /// For equal stretches written differently in the second value (typography, spacing), the
    /// words as written there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_text: Option<String>,
}

impl From<DiffTag> for DiffOpKind {
    fn from(t: DiffTag) -> Self {
        match t {
            DiffTag::Equal => DiffOpKind::Equal,
            DiffTag::Delete => DiffOpKind::Delete,
            DiffTag::Insert => DiffOpKind::Insert,
        }
    }
}

/// A discrepancy.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FindingOut {
    /// "quote.wording", "quote.speaker", "number.conflict" or "name.variant".
    pub kind: FindingKindOut,
    /// Info, warning or error.
    pub severity: SeverityOut,
    /// One sentence saying what differs.
    pub message: String,
    /// The group it concerns, when it concerns one.
    pub group: Option<usize>,
    /// Claim ids involved.
    pub claims: Vec<String>,
    /// What differs, one entry per source.
    pub values: Vec<ValueOut>,
    /// For wording differences: the word diff from the first value to the second.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<Vec<DiffOut>>,
    /// Which sources side with which reading, most sources first ("2 of 3 sources: 53; c:
    /// 52"). A source may be on more than one side: for a name, a source that writes both
    /// spellings is on the side of each, whichever of them `values` shows.
    pub readings: Vec<ReadingOut>,
    /// The sources on the minority side, when one reading has more sources than any other
    /// (and at least two); empty otherwise.
    pub outliers: Vec<String>,
}

impl Report {
    /// The claim with the given id (the first, in a report built by hand that repeats one). It
    /// reads the claims in order: a caller looking up many claims of a large report should
    /// index them by id once, as the renderers do.
    pub fn claim(&self, id: &str) -> Option<&ClaimOut> {
        self.claims.iter().find(|c| c.id == id)
    }

    /// The source with the given id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Keeps only the findings whose index `keep` accepts, and recounts them in the summary.
    /// Group verdicts stay as they were: a group whose finding was set aside still differs.
    pub fn retain_findings(&mut self, keep: impl Fn(usize) -> bool) {
        let mut i = 0;
        self.findings.retain(|_| {
            i += 1;
            keep(i - 1)
        });
        self.summary.findings.clear();
        for f in &self.findings {
            *self
                .summary
                .findings
                .entry(f.kind.as_str().to_string())
                .or_insert(0) += 1;
        }
    }

    /// The JSON Schema of the report.
    pub fn json_schema() -> schemars::Schema {
        schemars::schema_for!(Report)
    }
}
