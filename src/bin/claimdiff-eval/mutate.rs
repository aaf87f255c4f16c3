//! The mutation self-test: copy each article, plant known edits at random (fixed seed; the
//! mutator is `plant.rs`), compare the original with the copy, and score what the report says
//! about each edit.
//!
//! Seven kinds of edit, at most one of each per copy, each in its own sentence:
//! - a changed number (one digit of a number changed): must be a `number.conflict`;
//! - a misspelt name (one mention of a name the extractor found, one letter slipped): must be
//!   a `name.variant`;
//! - words cut from or changed inside a quote (never at its ends, which would make an
//!   excerpt): must be a `quote.wording`;
//! - a dropped sentence: each of its claims must be in the original only;
//! - a quote handed to another person named in the article (the name beside the speech verb
//!   replaced): must be a `quote.speaker`;
//! - a number rewritten in words ("12" → "twelve"): must NOT be reported;
//! - a day of the week in a narrative sentence changed to another: must be a
//!   `number.conflict`.
//!
//! Every finding that concerns none of the planted edits is a false finding.
//!
//! Each article, and each kind of edit in it, draws from its own random stream, so that a
//! change in what one article or kind offers to edit moves no other's draws.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use claimdiff::check::{FindingKind, same_person};
use claimdiff::ingest::{Format, ingest, ingest_str};
use claimdiff::{Analysis, Input, Options, analyze};

use crate::plant::{Edit, Kind, Mutant, overlaps, plant};
use crate::table::{Table, Target};

/// The finding kind an edit should cause (for digits put in words, the one it must not).
fn expected_kind(kind: Kind) -> FindingKind {
    match kind {
        Kind::Speaker => FindingKind::QuoteSpeaker,
        Kind::QuoteWords => FindingKind::QuoteWording,
        Kind::Name => FindingKind::NameVariant,
        Kind::Number | Kind::DigitsToWords | Kind::Drop | Kind::Weekday => {
            FindingKind::NumberConflict
        }
    }
}

/// The result of one planted edit.
fn hit(edit: &Edit, m: &Mutant, a: &Analysis) -> bool {
    let in_copy = m.map(edit.target.start)..m.map(edit.target.end);
    let names = |f: &claimdiff::check::Finding| {
        f.claims.iter().any(|&(s, c)| {
            let r = &a.extractions[s].claims[c].range;
            if s == 0 {
                overlaps(r, &edit.target)
            } else {
                overlaps(r, &in_copy)
            }
        })
    };
    let has = |kind: FindingKind| a.findings.iter().any(|f| f.kind == kind && names(f));
    match edit.kind {
        Kind::Number => has(FindingKind::NumberConflict),
        // The conflict names the day the copy gives.
        Kind::Weekday => a.findings.iter().any(|f| {
            f.kind == FindingKind::NumberConflict
                && names(f)
                && f.values
                    .iter()
                    .any(|(s, v)| *s == 1 && *v == edit.replacement)
        }),
        Kind::QuoteWords => has(FindingKind::QuoteWording),
        Kind::Speaker => handed_over(edit, a),
        // Nothing reported on its claim, but what another edit explains.
        Kind::DigitsToWords => !a.findings.iter().any(|f| names(f) && !explained(f, m, a)),
        Kind::Name => a.findings.iter().any(|f| {
            f.kind == FindingKind::NameVariant
                && f.values
                    .iter()
                    .any(|(s, v)| *s == 1 && v.contains(edit.replacement.as_str()))
        }),
        Kind::Drop => {
            let claims: Vec<usize> = (0..a.extractions[0].claims.len())
                .filter(|&c| overlaps(&a.extractions[0].claims[c].range, &edit.target))
                .collect();
            !claims.is_empty()
                && claims
                    .iter()
                    .all(|&c| a.groups.iter().any(|g| g.claims == [(0, c)]))
        }
    }
}

/// Whether the report gives some quote to the person a speaker edit named, against the
/// original's speaker: the edit may move a whole block of quotes, so any of them counts.
fn handed_over(edit: &Edit, a: &Analysis) -> bool {
    a.findings.iter().any(|f| speaker_finding_of(f, edit))
}

fn speaker_finding_of(f: &claimdiff::check::Finding, edit: &Edit) -> bool {
    edit.kind == Kind::Speaker
        && f.kind == FindingKind::QuoteSpeaker
        && f.values
            .iter()
            .any(|(s, v)| *s == 1 && same_person(v, &edit.replacement))
}

/// Whether a finding concerns one of the planted edits (other than a number put in words).
fn explained(f: &claimdiff::check::Finding, m: &Mutant, a: &Analysis) -> bool {
    m.edits
        .iter()
        .filter(|e| e.kind != Kind::DigitsToWords)
        .any(|e| {
            let in_copy = m.map(e.range.start)..m.map(e.range.end).max(m.map(e.range.start) + 1);
            let touches = f.claims.iter().any(|&(s, c)| {
                let r = &a.extractions[s].claims[c].range;
                if s == 0 {
                    overlaps(r, &e.range) || overlaps(r, &e.target)
                } else {
                    overlaps(r, &in_copy)
                        || overlaps(r, &(m.map(e.target.start)..m.map(e.target.end)))
                }
            });
            touches
                || speaker_finding_of(f, e)
                || (e.kind == Kind::Name
                    && f.values
                        .iter()
                        .any(|(_, v)| v.contains(e.replacement.as_str())))
        })
}

/// The articles of a folder and its subfolders (.txt, .html, .htm), sorted.
pub fn articles(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let rd = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in rd.filter_map(|e| e.ok()) {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "html" | "htm"))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Adds the mutation rows: recall per kind and false findings per pair.
pub fn evaluate(
    dir: &Path,
    seed: u64,
    table: &mut Table,
    misses: &mut Vec<String>,
) -> Result<(), String> {
    let files = articles(dir)?;
    let mut tally: BTreeMap<Kind, (usize, usize)> = BTreeMap::new();
    let (mut pairs, mut false_findings) = (0usize, 0usize);
    for path in &files {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let doc = match ingest(&bytes, None) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("skipped {}: {e}", path.display());
                continue;
            }
        };
        // Each article draws from its own stream (the seed and the article's folder and file
        // name), so that a change in what one article extracts moves no other's edits.
        let mut rng = fastrand::Rng::with_seed(article_seed(seed, path));
        let m = plant(&doc.text, &mut rng);
        if m.edits.is_empty() {
            continue;
        }
        let inputs = [
            Input::new("original", ingest_str(&m.original, Some(Format::Text))),
            Input::new("copy", ingest_str(&m.copy, Some(Format::Text))),
        ];
        let a = analyze(&inputs, &Options::default());
        pairs += 1;
        for e in &m.edits {
            let ok = hit(e, &m, &a);
            let t = tally.entry(e.kind).or_default();
            t.0 += usize::from(ok);
            t.1 += 1;
            if !ok {
                let related: Vec<&str> = a
                    .findings
                    .iter()
                    .filter(|f| f.kind == expected_kind(e.kind) || e.kind == Kind::DigitsToWords)
                    .map(|f| f.message.as_str())
                    .collect();
                let at = m.map(e.range.start);
                let context = &m.copy[m.copy.floor_char_boundary(at.saturating_sub(60))
                    ..m.copy.ceil_char_boundary((at + 60).min(m.copy.len()))];
                misses.push(format!(
                    "mutation missed, {:?} in {}: {:?} → {:?} in {:?}; copy: {context:?}; findings of the kind: {related:?}",
                    e.kind,
                    path.display(),
                    &m.original[e.range.clone()],
                    e.replacement,
                    &m.original[e.target.clone()],
                ));
            }
        }
        for f in &a.findings {
            if !explained(f, &m, &a) {
                false_findings += 1;
                misses.push(format!(
                    "mutation false finding in {}: {}",
                    path.display(),
                    f.message
                ));
            }
        }
    }
    let part = format!("Mutations ({} articles, seed {seed})", files.len());
    for kind in Kind::ALL {
        let (ok, n) = tally.get(&kind).copied().unwrap_or_default();
        let target = if kind == Kind::DigitsToWords {
            100.0
        } else {
            98.0
        };
        table.add(
            &part,
            kind.describe(),
            crate::pct(ok, n),
            format!("{:.1}% ({ok}/{n})", crate::pct(ok, n)),
            Some(Target::AtLeast(target)),
        );
    }
    let rate = if pairs == 0 {
        0.0
    } else {
        false_findings as f64 / pairs as f64
    };
    table.add(
        &part,
        "false findings per pair",
        rate,
        format!("{rate:.3} ({false_findings}/{pairs})"),
        Some(Target::AtMost(0.02)),
    );
    Ok(())
}

/// The seed of an article's random stream: `seed` mixed with the article's folder and file
/// name (FNV-1a), the same wherever the data lies.
fn article_seed(seed: u64, path: &Path) -> u64 {
    let name: Vec<String> = path
        .components()
        .rev()
        .take(2)
        .map(|c| c.as_os_str().to_string_lossy().to_lowercase())
        .collect();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for b in name.join("/").bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An article's stream depends on the seed and its folder and file name alone: not on
    /// where the data lies, nor on the file name's case.
    #[test]
    fn an_article_s_seed_is_its_folder_and_file() {
        let s = |p: &str| article_seed(2026, Path::new(p));
        assert_eq!(
            s("/a/basil/x1/fox.txt"),
            s("../shared/data/basil/x1/fox.txt")
        );
        assert_eq!(s("/a/x1/HPO.txt"), s("/b/x1/hpo.txt"));
        assert_ne!(s("/a/x1/fox.txt"), s("/a/x2/fox.txt"));
        assert_ne!(s("/a/x1/fox.txt"), s("/a/x1/nyt.txt"));
        assert_ne!(
            article_seed(1, Path::new("/a/x1/fox.txt")),
            s("/a/x1/fox.txt")
        );
    }

    #[test]
    fn planted_edits_are_found_in_a_small_article() {
        let article = "Mayor Janet Ortiz said the council would vote on Tuesday on the new budget plan for the city.\n\
            \"We have worked for months on this budget and I believe it is a fair deal for everyone,\" Ortiz said.\n\
            The plan adds 45 police officers and funds 12 new buses for the eastern districts of the city.\n\
            Council member Paul Reyes opposed the plan at a meeting with residents on Monday evening.\n\
            \"This plan leaves the poorest neighbourhoods behind again and again,\" Reyes told reporters.\n\
            The vote is expected to pass with support from at least seven of the nine council members.\n";
        let mut rng = fastrand::Rng::with_seed(7);
        let m = plant(article, &mut rng);
        assert!(m.edits.len() >= 4, "{:?}", m.edits);
        assert_ne!(m.original, m.copy);
        let inputs = [
            Input::new("original", ingest_str(&m.original, Some(Format::Text))),
            Input::new("copy", ingest_str(&m.copy, Some(Format::Text))),
        ];
        let a = analyze(&inputs, &Options::default());
        for e in &m.edits {
            assert!(hit(e, &m, &a), "{e:?}\n{}", m.copy);
        }
    }
}
