//! Check: the discrepancy checks, one per file, and the registry that runs them.
//!
//! Each check reads the aligned groups (and the documents' names) and produces [`Finding`]s.
//! A new kind of discrepancy is a new file with a `run` function added to [`CHECKS`], never a
//! branch inside an existing check.

pub mod name_variant;
pub mod number_conflict;
pub mod quote_speaker;
pub mod quote_wording;

use crate::align::{ClaimRef, Group};
use crate::extract::{Claim, Extraction};
use crate::text;

/// The kinds of discrepancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    /// The same quote by the same speaker, worded differently.
    QuoteWording,
    /// The same quote attributed to different people.
    QuoteSpeaker,
    /// The same fact with a different number.
    NumberConflict,
    /// One entity spelt two ways.
    NameVariant,
}

impl FindingKind {
    /// The kind's name in reports: "quote.wording", ...
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::QuoteWording => "quote.wording",
            FindingKind::QuoteSpeaker => "quote.speaker",
            FindingKind::NumberConflict => "number.conflict",
            FindingKind::NameVariant => "name.variant",
        }
    }

    /// Every kind, in report order.
    pub const ALL: [FindingKind; 4] = [
        FindingKind::NumberConflict,
        FindingKind::QuoteSpeaker,
        FindingKind::QuoteWording,
        FindingKind::NameVariant,
    ];

    /// A one-line description of the kind, for help texts and reports.
    pub fn description(self) -> &'static str {
        match self {
            FindingKind::QuoteWording => {
                "the same remark by the same speaker is quoted with different words"
            }
            FindingKind::QuoteSpeaker => "the same quote is attributed to different people",
            FindingKind::NumberConflict => "the same fact is reported with a different number",
            FindingKind::NameVariant => "one name is spelt differently across sources",
        }
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth a look; typography-level or accent-only differences.
    Info,
    /// A difference an editor should review.
    Warning,
    /// A contradiction of fact: a number or a speaker.
    Error,
}

impl Severity {
    /// "info", "warning" or "error".
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One operation of a word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffTag {
    /// In both texts.
    Equal,
    /// Only in the first text.
    Delete,
    /// Only in the second text.
    Insert,
}

/// A stretch of a word diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffOp {
    /// What happened to this stretch.
    pub tag: DiffTag,
    /// The text, as written in the first text (equal, delete) or the second (insert).
    pub text: String,
    /// For equal stretches, the text as written in the second text when it is written
    /// differently (typography, spacing).
    pub new_text: Option<String>,
}

/// A discrepancy between sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Its kind.
    pub kind: FindingKind,
    /// How serious.
    pub severity: Severity,
    /// One sentence saying what differs.
    pub message: String,
    /// Index of the group it concerns, when it concerns one.
    pub group: Option<usize>,
    /// The claims involved, one per source.
    pub claims: Vec<ClaimRef>,
    /// What differs, one entry per source: (source index, text).
    pub values: Vec<(usize, String)>,
    /// For wording differences, the word diff from the first value to the second.
    pub diff: Option<Vec<DiffOp>>,
    /// Which sources side with which reading: the values grouped by what they say (the same
    /// number in digits or words, the same wording, the same person), most sources first.
    pub readings: Vec<Reading>,
}

/// One reading of a finding and the sources that give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The reading as its first source writes it.
    pub text: String,
    /// The sources giving it, by index, in order, without repeats.
    pub sources: Vec<usize>,
}

impl Finding {
    /// The sources on the minority side: when one reading has more sources than any other
    /// (and at least two), the sources of every other reading; otherwise none ("2 of 3
    /// sources say 53, c says 52": c is the outlier; with one source each there is none).
    pub fn outliers(&self) -> Vec<usize> {
        match self.readings.as_slice() {
            [top, next, ..] if top.sources.len() >= 2 && top.sources.len() > next.sources.len() => {
                let mut out: Vec<usize> = self.readings[1..]
                    .iter()
                    .flat_map(|r| r.sources.iter().copied())
                    .collect();
                out.sort_unstable();
                out.dedup();
                out
            }
            _ => Vec::new(),
        }
    }
}

/// How many sources give one of the readings.
pub fn distinct_sources(readings: &[Reading]) -> usize {
    let mut all: Vec<usize> = readings
        .iter()
        .flat_map(|r| r.sources.iter().copied())
        .collect();
    all.sort_unstable();
    all.dedup();
    all.len()
}

/// Groups values (source, text) into readings: each value joins the first reading whose first
/// value `same` says it matches (by index into `values`), or starts a new one. Readings come
/// out with the most sources first, ties in order of first appearance; a source counts once
/// per reading.
pub fn readings(values: &[(usize, String)], same: impl Fn(usize, usize) -> bool) -> Vec<Reading> {
    let mut firsts: Vec<usize> = Vec::new();
    let mut out: Vec<Reading> = Vec::new();
    for (i, (source, text)) in values.iter().enumerate() {
        match firsts.iter().position(|f| same(*f, i)) {
            Some(r) => {
                if !out[r].sources.contains(source) {
                    out[r].sources.push(*source);
                }
            }
            None => {
                firsts.push(i);
                out.push(Reading {
                    text: text.clone(),
                    sources: vec![*source],
                });
            }
        }
    }
    // A stable sort keeps first appearance among readings with as many sources.
    out.sort_by_key(|r| std::cmp::Reverse(r.sources.len()));
    out
}

/// Who says what, for a message: "2 of 3 sources (a, b): 53; c: 52". `show` writes a
/// reading's text. Each reading's sources are named in the sources' order (the reading keeps
/// its own order, whose first source gives its text); sources on more than one side are said
/// to write both ("a writes both"; "a and c write more than one" of three readings or more),
/// since the counts then add up to more than the sources.
pub fn sides(ids: &[String], readings: &[Reading], show: impl Fn(&Reading) -> String) -> String {
    let total = distinct_sources(readings);
    let mut parts: Vec<String> = readings
        .iter()
        .map(|r| {
            let mut sources = r.sources.clone();
            sources.sort_unstable();
            let names: Vec<&str> = sources.iter().map(|s| ids[*s].as_str()).collect();
            if r.sources.len() == 1 {
                format!("{}: {}", names[0], show(r))
            } else {
                format!(
                    "{} of {total} sources ({}): {}",
                    r.sources.len(),
                    names.join(", "),
                    show(r)
                )
            }
        })
        .collect();
    let mut sides_of: Vec<(usize, usize)> = Vec::new();
    for &s in readings.iter().flat_map(|r| &r.sources) {
        match sides_of.iter_mut().find(|(x, _)| *x == s) {
            Some((_, n)) => *n += 1,
            None => sides_of.push((s, 1)),
        }
    }
    sides_of.sort_unstable();
    let several: Vec<&str> = sides_of
        .iter()
        .filter(|(_, n)| *n > 1)
        .map(|(s, _)| ids[*s].as_str())
        .collect();
    if let Some((last, rest)) = several.split_last() {
        let who = if rest.is_empty() {
            format!("{last} writes")
        } else {
            format!("{} and {last} write", rest.join(", "))
        };
        let what = if readings.len() == 2 {
            "both"
        } else {
            "more than one"
        };
        parts.push(format!("{who} {what}"));
    }
    parts.join("; ")
}

/// What the checks read.
pub struct Context<'a> {
    /// The source ids ("a", "b", ...), by source index.
    pub ids: &'a [String],
    /// The extraction of each source.
    pub sources: &'a [&'a Extraction],
    /// The aligned groups.
    pub groups: &'a [Group],
}

impl Context<'_> {
    /// The claim a reference points at.
    pub fn claim(&self, r: ClaimRef) -> &Claim {
        &self.sources[r.0].claims[r.1]
    }
}

/// A check: reads the context, returns its findings.
pub type Check = fn(&Context<'_>) -> Vec<Finding>;

/// Every check, in the order they run.
pub const CHECKS: &[Check] = &[
    number_conflict::run,
    quote_speaker::run,
    quote_wording::run,
    name_variant::run,
];

/// Runs every check; findings come out in a stable order (kind, then group, then claims).
pub fn run(ctx: &Context<'_>) -> Vec<Finding> {
    let mut out: Vec<Finding> = CHECKS.iter().flat_map(|c| c(ctx)).collect();
    out.sort_by(|a, b| {
        let rank = |k: FindingKind| FindingKind::ALL.iter().position(|x| *x == k);
        rank(a.kind)
            .cmp(&rank(b.kind))
            .then(a.group.cmp(&b.group))
            .then(a.claims.cmp(&b.claims))
            .then(a.message.cmp(&b.message))
    });
    out
}

/// Do two canonical names, from different sources, name the same person? Equal after folding
/// case and accents and leaving out initials and suffixes ("Donald J. Trump" / "Donald Trump"),
/// one the other's surname or first-and-last names ("Hillary Rodham Clinton" / "Hillary
/// Clinton" / "Clinton"), or the same surname with first names that are one name's forms
/// ("Bill" / "William", "Dick" / "Richard"). "Bill Clinton" and "Hillary Clinton" are two people.
pub fn same_person(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> Vec<String> {
        s.split(' ')
            .map(|t| t.trim_end_matches('.'))
            // A surname's particle as written in lower case, joined or not, is no part to
            // compare ("al-Sadr", "al Sadr" and "Sadr" are one); "Al Green"'s "Al" is a name.
            .filter(|t| !matches!(*t, "al" | "el"))
            .map(|t| {
                let t = ["al-", "el-"]
                    .iter()
                    .find_map(|p| t.strip_prefix(p))
                    .unwrap_or(t);
                text::strip_accents(t).to_lowercase()
            })
            .filter(|t| {
                t.chars().count() > 1 && !matches!(t.as_str(), "jr" | "sr" | "ii" | "iii" | "iv")
            })
            .collect()
    };
    if a.to_lowercase() == b.to_lowercase() {
        return true;
    }
    let (ta, tb) = (fold(a), fold(b));
    if ta.is_empty() || tb.is_empty() {
        return false;
    }
    if ta == tb {
        return true;
    }
    let (short, long) = if ta.len() <= tb.len() {
        (&ta, &tb)
    } else {
        (&tb, &ta)
    };
    if long.ends_with(short) || long.starts_with(short) {
        return true;
    }
    // First and last names alike, middle names aside.
    short.len() >= 2
        && short.last() == long.last()
        && crate::extract::names::same_first_name(&short[0], &long[0])
}

/// The claims of a group with the given kind.
pub fn claims_of_kind<'a>(
    ctx: &'a Context<'_>,
    g: &Group,
    kind: crate::extract::ClaimKind,
) -> Vec<(ClaimRef, &'a Claim)> {
    g.claims
        .iter()
        .map(|r| (*r, &ctx.sources[r.0].claims[r.1]))
        .filter(|(_, c)| c.kind == kind)
        .collect()
}

/// The findings of `kind` of articles (plain text, each named "x") through the whole
/// pipeline: for checks' tests that need the alignment before them.
#[cfg(test)]
pub(crate) fn findings_through_pipeline(
    texts: &[&str],
    kind: &str,
) -> Vec<crate::report::FindingOut> {
    let inputs: Vec<crate::Input> = texts
        .iter()
        .map(|t| crate::Input::new("x", crate::ingest::ingest_str(t, None)))
        .collect();
    crate::analyze(&inputs, &crate::Options::default())
        .report()
        .findings
        .into_iter()
        .filter(|f| f.kind.as_str() == kind)
        .collect()
}

#[cfg(test)]
mod reading_tests {
    use super::*;

    /// Values (source, text) grouped by equal text: the readings as (text, sources) and the
    /// outliers.
    fn check(values: &[(usize, &str)], expected: &[(&str, &[usize])], outliers: &[usize]) {
        let values: Vec<(usize, String)> =
            values.iter().map(|(s, t)| (*s, t.to_string())).collect();
        let readings = readings(&values, |x, y| values[x].1 == values[y].1);
        let got: Vec<(&str, &[usize])> = readings
            .iter()
            .map(|r| (r.text.as_str(), r.sources.as_slice()))
            .collect();
        assert_eq!(got, expected);
        let finding = Finding {
            kind: FindingKind::NumberConflict,
            severity: Severity::Error,
            message: String::new(),
            group: None,
            claims: Vec::new(),
            values,
            diff: None,
            readings,
        };
        assert_eq!(finding.outliers(), outliers);
    }

    #[test]
    fn the_majority_reading_comes_first_and_the_rest_are_outliers() {
        check(
            &[(0, "53"), (2, "52"), (1, "53")],
            &[("53", &[0, 1]), ("52", &[2])],
            &[2],
        );
        check(
            &[(0, "x"), (1, "y"), (2, "x"), (3, "z"), (4, "x")],
            &[("x", &[0, 2, 4]), ("y", &[1]), ("z", &[3])],
            &[1, 3],
        );
    }

    #[test]
    fn a_tie_or_two_sources_has_no_outlier() {
        check(&[(0, "53"), (1, "52")], &[("53", &[0]), ("52", &[1])], &[]);
        check(
            &[(0, "x"), (1, "x"), (2, "y"), (3, "y")],
            &[("x", &[0, 1]), ("y", &[2, 3])],
            &[],
        );
    }

    #[test]
    fn a_source_counts_once_per_reading() {
        check(
            &[(0, "x"), (0, "x"), (1, "y")],
            &[("x", &[0]), ("y", &[1])],
            &[],
        );
    }

    #[test]
    fn sides_name_the_sources_of_each_reading() {
        let ids: Vec<String> = ["fox", "nyt", "hpo"].map(String::from).to_vec();
        let values: Vec<(usize, String)> = [(0, "53"), (1, "53"), (2, "52")]
            .map(|(s, t)| (s, t.to_string()))
            .to_vec();
        let r = readings(&values, |x, y| values[x].1 == values[y].1);
        assert_eq!(
            sides(&ids, &r, |x| x.text.clone()),
            "2 of 3 sources (fox, nyt): 53; hpo: 52"
        );
    }

    #[test]
    fn a_source_on_two_sides_is_said_to_write_both() {
        let ids: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let values: Vec<(usize, String)> = [(0, "Raul"), (2, "Raul"), (1, "Raúl"), (0, "Raúl")]
            .map(|(s, t)| (s, t.to_string()))
            .to_vec();
        let r = readings(&values, |x, y| values[x].1 == values[y].1);
        assert_eq!(
            sides(&ids, &r, |x| x.text.clone()),
            "2 of 3 sources (a, c): Raul; 2 of 3 sources (a, b): Raúl; a writes both"
        );
        // The reading itself keeps its order: its text is its first source's.
        assert_eq!(r[1].sources, [1, 0]);
        let values: Vec<(usize, String)> = [(2, "X"), (0, "Y"), (2, "Z"), (0, "X"), (1, "X")]
            .map(|(s, t)| (s, t.to_string()))
            .to_vec();
        let r = readings(&values, |x, y| values[x].1 == values[y].1);
        assert_eq!(
            sides(&ids, &r, |x| x.text.clone()),
            "3 of 3 sources (a, b, c): X; a: Y; c: Z; a and c write more than one"
        );
    }
}
