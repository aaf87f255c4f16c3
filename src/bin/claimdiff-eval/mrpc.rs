//! Matching on an MRPC-format file: each pair of sentences becomes two one-sentence sources,
//! judged "same" when one group holds claims of both. Pairs whose `#1 ID` is even are the
//! tuning half; the odd half is reported and never tuned on.

use std::path::Path;

use claimdiff::align::AlignOptions;
use claimdiff::ingest::{Format, ingest_str};
use claimdiff::{Input, Options, analyze};

use crate::table::{Table, Target};

/// One labelled pair.
#[derive(Debug, Clone)]
pub struct Pair {
    /// Whether the annotators judged the two sentences to say the same thing.
    pub same: bool,
    /// The `#1 ID` column.
    pub id: u64,
    /// `#1 String`.
    pub a: String,
    /// `#2 String`.
    pub b: String,
}

/// Reads an MRPC-format file (TSV with a header, possibly with a byte-order mark).
pub fn load(path: &Path) -> Result<Vec<Pair>, String> {
    parse(&crate::read(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// Parses MRPC-format text.
pub fn parse(text: &str) -> Result<Vec<Pair>, String> {
    let mut pairs = Vec::new();
    for (n, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        if n == 0 || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 5 {
            return Err(format!("line {}: expected 5 tab-separated columns", n + 1));
        }
        let same = match cols[0].trim() {
            "1" => true,
            "0" => false,
            other => return Err(format!("line {}: quality {other:?} is not 0 or 1", n + 1)),
        };
        let id = cols[1]
            .trim()
            .parse()
            .map_err(|_| format!("line {}: #1 ID {:?} is not a number", n + 1, cols[1]))?;
        pairs.push(Pair {
            same,
            id,
            a: cols[3].to_string(),
            b: cols[4].to_string(),
        });
    }
    Ok(pairs)
}

/// Whether claimdiff puts claims of the two sentences in one group.
pub fn predict(pair: &Pair, options: &Options) -> bool {
    let inputs = [
        Input::new("1", ingest_str(&pair.a, Some(Format::Text))),
        Input::new("2", ingest_str(&pair.b, Some(Format::Text))),
    ];
    analyze(&inputs, options)
        .groups
        .iter()
        .any(|g| g.claims.iter().any(|c| c.0 == 0) && g.claims.iter().any(|c| c.0 == 1))
}

/// A confusion matrix, "same" being the positive class.
#[derive(Debug, Clone, Copy, Default)]
pub struct Confusion {
    /// Same, predicted same.
    pub tp: usize,
    /// Different, predicted same.
    pub fp: usize,
    /// Same, predicted different.
    pub fn_: usize,
    /// Different, predicted different.
    pub tn: usize,
}

impl Confusion {
    fn add(&mut self, truth: bool, predicted: bool) {
        match (truth, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn total(&self) -> usize {
        self.tp + self.fp + self.fn_ + self.tn
    }
    /// Accuracy, percent.
    pub fn accuracy(&self) -> f64 {
        crate::pct(self.tp + self.tn, self.total())
    }
    /// F1 of the "same" class, 0 to 100.
    pub fn f1(&self) -> f64 {
        let d = 2 * self.tp + self.fp + self.fn_;
        crate::pct(2 * self.tp, d)
    }
}

fn confusion(pairs: &[&Pair], options: &Options) -> (Confusion, Vec<(bool, usize)>) {
    let mut c = Confusion::default();
    let mut wrong = Vec::new();
    for (i, p) in pairs.iter().enumerate() {
        let predicted = predict(p, options);
        c.add(p.same, predicted);
        if predicted != p.same {
            wrong.push((predicted, i));
        }
    }
    (c, wrong)
}

fn halves(pairs: &[Pair]) -> (Vec<&Pair>, Vec<&Pair>) {
    pairs.iter().partition(|p| p.id % 2 == 0)
}

/// Adds the MRPC rows: both halves, the odd one against the targets; the misses listed are the
/// tuning half's.
pub fn evaluate(pairs: &[Pair], table: &mut Table, misses: &mut Vec<String>) {
    let (even, odd) = halves(pairs);
    let options = Options::default();
    for (name, half, report) in [
        ("MRPC even IDs (tuning)", &even, false),
        ("MRPC odd IDs (reported)", &odd, true),
    ] {
        let (c, wrong) = confusion(half, &options);
        let n = c.total();
        table.add(
            name,
            "accuracy %",
            c.accuracy(),
            format!("{:.1}% ({}/{n})", c.accuracy(), c.tp + c.tn),
            report.then_some(Target::AtLeast(77.0)),
        );
        table.add(
            name,
            "F1 (same)",
            c.f1(),
            format!("{:.1}", c.f1()),
            report.then_some(Target::AtLeast(84.0)),
        );
        table.add(
            name,
            "confusion",
            n as f64,
            format!(
                "same→same {}, diff→same {}, same→diff {}, diff→diff {}",
                c.tp, c.fp, c.fn_, c.tn
            ),
            None,
        );
        // Only the tuning half's misses are shown: reading the reported half's would be
        // tuning on it.
        if !report {
            for (predicted, i) in wrong {
                let p = half[i];
                misses.push(format!(
                    "MRPC {}: said {} ({} / {})",
                    p.id,
                    if predicted { "same" } else { "different" },
                    p.a,
                    p.b
                ));
            }
        }
    }
}

/// Accuracy and F1 on the tuning half at each statement threshold from `from` to `to`.
pub fn sweep(pairs: &[Pair], from: f64, to: f64, step: f64) -> String {
    let (even, _) = halves(pairs);
    let mut out = String::from("statement_threshold\taccuracy\tf1\n");
    let mut t = from;
    while t <= to + 1e-9 && step > 0.0 {
        let options = Options {
            align: AlignOptions {
                statement_threshold: t,
                ..AlignOptions::default()
            },
        };
        let (c, _) = confusion(&even, &options);
        out.push_str(&format!("{t:.3}\t{:.2}\t{:.2}\n", c.accuracy(), c.f1()));
        t += step;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_format_and_splits_by_parity() {
        let text = "\u{feff}Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n\
                    1\t10\t11\tThe mayor resigned on Friday.\tOn Friday the mayor resigned.\n\
                    0\t13\t14\tShares rose 5 cents.\tThe weather was cold in Oslo.\n";
        let pairs = parse(text).unwrap();
        assert_eq!(pairs.len(), 2);
        assert!(pairs[0].same && !pairs[1].same);
        let (even, odd) = halves(&pairs);
        assert_eq!((even.len(), odd.len()), (1, 1));
        assert!(predict(&pairs[0], &Options::default()));
        assert!(!predict(&pairs[1], &Options::default()));
        assert!(parse("h\n2\t1\t2\ta\tb\n").is_err());
        assert!(parse("h\n1\t1\t2\ta\n").is_err());
    }
}
