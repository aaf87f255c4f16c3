//! Baseline: findings an editor has accepted, so that `claimdiff check` fails only on new ones.
//!
//! A finding is identified by what it says, not where it is: its kind and its values (the two
//! wordings, the two numbers, the two names), each folded by [`text::key`] and sorted. An edit
//! elsewhere in an article (a new paragraph, a moved sentence, another source order) leaves the
//! key unchanged; a change to the quote, number or name itself makes it a new finding. The same
//! key gives SARIF its `partialFingerprints`.
//!
//! The library parses and writes the baseline's JSON text; the binary reads and writes the file.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::report::{FindingKindOut, FindingOut, Report};
use crate::text;

/// The version of the baseline file's shape.
pub const BASELINE_VERSION: u32 = 1;

/// A baseline file: the findings accepted so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Version of this shape; 1.
    pub claimdiff_baseline: u32,
    /// The accepted findings, sorted by kind then values, without repeats.
    pub entries: Vec<Entry>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The finding kind, as in reports ("quote.wording", ...).
    pub kind: FindingKindOut,
    /// Its values, folded by [`text::key`] and sorted.
    pub values: Vec<String>,
    /// The finding's message when it was accepted, for people reading the file; not part of the
    /// key.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
}

/// Why a baseline could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    /// Not JSON, or not the baseline's shape.
    #[error("not a claimdiff baseline: {0}")]
    Shape(#[from] serde_json::Error),
    /// A version this claimdiff does not know.
    #[error("baseline version {0} is not supported (this claimdiff reads version 1)")]
    Version(u32),
}

/// What a baseline makes of a report's findings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Judgement {
    /// Indexes of the findings the baseline does not accept.
    pub new: Vec<usize>,
    /// Indexes of the findings it accepts.
    pub accepted: Vec<usize>,
    /// Entries that accept no finding any more: the difference they recorded is gone.
    pub stale: Vec<Entry>,
}

impl Entry {
    /// The entry that accepts a finding.
    pub fn of(finding: &FindingOut) -> Entry {
        let mut values: Vec<String> = finding.values.iter().map(|v| text::key(&v.text)).collect();
        values.sort();
        Entry {
            kind: finding.kind,
            values,
            message: finding.message.clone(),
        }
    }

    /// The identity of the entry: kind and values, without the message.
    fn key(&self) -> (FindingKindOut, &[String]) {
        (self.kind, &self.values)
    }

    /// A short line for people: the kind and the values.
    pub fn describe(&self) -> String {
        let values: Vec<String> = self.values.iter().map(|v| format!("“{v}”")).collect();
        format!("{} {}", self.kind.as_str(), values.join(" / "))
    }
}

/// A stable fingerprint of a finding: the SHA-256 of its kind and folded values, in hex. It
/// survives edits elsewhere in the sources and a change of source order.
pub fn fingerprint(finding: &FindingOut) -> String {
    let entry = Entry::of(finding);
    let mut h = Sha256::new();
    h.update(entry.kind.as_str().as_bytes());
    for v in &entry.values {
        h.update([0x1f]);
        h.update(v.as_bytes());
    }
    h.finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Baseline {
    /// A baseline accepting every finding of a report.
    pub fn from_report(report: &Report) -> Baseline {
        let mut entries: Vec<Entry> = report.findings.iter().map(Entry::of).collect();
        entries.sort();
        entries.dedup_by(|a, b| a.key() == b.key());
        Baseline {
            claimdiff_baseline: BASELINE_VERSION,
            entries,
        }
    }

    /// Reads a baseline from its JSON text.
    pub fn parse(json: &str) -> Result<Baseline, BaselineError> {
        let b: Baseline = serde_json::from_str(json)?;
        if b.claimdiff_baseline != BASELINE_VERSION {
            return Err(BaselineError::Version(b.claimdiff_baseline));
        }
        Ok(b)
    }

    /// The baseline as pretty JSON text, ending with a newline.
    pub fn to_json(&self) -> String {
        // Plain data with string keys: serialising cannot fail.
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Sorts a report's findings into new and accepted, and lists the entries that accept
    /// nothing any more.
    pub fn judge(&self, report: &Report) -> Judgement {
        let mut used = vec![false; self.entries.len()];
        let mut j = Judgement::default();
        for (i, f) in report.findings.iter().enumerate() {
            let e = Entry::of(f);
            match self.entries.iter().position(|b| b.key() == e.key()) {
                Some(k) => {
                    used[k] = true;
                    j.accepted.push(i);
                }
                None => j.new.push(i),
            }
        }
        j.stale = self
            .entries
            .iter()
            .zip(used)
            .filter(|(_, u)| !u)
            .map(|(e, _)| e.clone())
            .collect();
        j
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::ingest_str;
    use crate::{Input, Options, analyze};

    fn report(a: &str, b: &str) -> Report {
        let inputs = [
            Input::new("a.txt", ingest_str(a, None)),
            Input::new("b.txt", ingest_str(b, None)),
        ];
        analyze(&inputs, &Options::default()).report()
    }

    const A: &str = "The club confirmed that Jonathon Marsh will leave in June.";
    const B: &str = "The club confirmed that Jonathan Marsh will leave in June.";

    /// Builds a baseline from `accepted` (two sources), judges `now` against it, and compares
    /// the number of new findings, accepted findings and stale entries.
    fn check(accepted: (&str, &str), now: (&str, &str), expected: (usize, usize, usize)) {
        let baseline = Baseline::from_report(&report(accepted.0, accepted.1));
        let j = baseline.judge(&report(now.0, now.1));
        assert_eq!(
            (j.new.len(), j.accepted.len(), j.stale.len()),
            expected,
            "{j:?}"
        );
    }

    #[test]
    fn a_finding_in_the_baseline_is_accepted() {
        check((A, B), (A, B), (0, 1, 0));
    }

    #[test]
    fn edits_elsewhere_and_source_order_do_not_invalidate_an_entry() {
        let a2 = format!("The weather was grey all week.\n\n{A}\n\nTickets sold out.");
        check((A, B), (B, &a2), (0, 1, 0));
    }

    #[test]
    fn a_changed_value_is_new_and_the_old_entry_stale() {
        let b2 = B.replace("Jonathan", "Jonathen");
        check((A, B), (A, &b2), (1, 0, 1));
    }

    #[test]
    fn a_fixed_difference_leaves_a_stale_entry() {
        check((A, B), (A, A), (0, 0, 1));
    }

    #[test]
    fn baseline_round_trips_and_rejects_other_shapes() {
        let b = Baseline::from_report(&report(A, B));
        assert_eq!(b.entries.len(), 1);
        assert_eq!(Baseline::parse(&b.to_json()).unwrap(), b);
        assert!(Baseline::parse("{}").is_err());
        assert!(Baseline::parse("[1, 2]").is_err());
        let future = b
            .to_json()
            .replace("\"claimdiff_baseline\": 1", "\"claimdiff_baseline\": 9");
        assert!(matches!(
            Baseline::parse(&future),
            Err(BaselineError::Version(9))
        ));
    }

    #[test]
    fn fingerprints_ignore_position_and_order_but_not_values() {
        let f1 = &report(A, B).findings[0];
        let f2 = &report(&format!("Intro line here.\n\n{B}"), A).findings[0];
        assert_eq!(fingerprint(f1), fingerprint(f2));
        let f3 = &report(A, &B.replace("Jonathan", "Jonathen")).findings[0];
        assert_ne!(fingerprint(f1), fingerprint(f3));
        assert_eq!(fingerprint(f1).len(), 32);
    }
}
