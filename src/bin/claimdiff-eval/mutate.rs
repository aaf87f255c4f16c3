//! The mutation self-test: copy each article, plant known edits at random (fixed seed), compare
//! the original with the copy, and score what the report says about each edit.
//!
//! Six kinds of edit, at most one of each per copy, each in its own sentence:
//! - a changed number (one digit of a number changed): must be a `number.conflict`;
//! - a misspelt name (one mention of a name the extractor found, one letter slipped): must be
//!   a `name.variant`;
//! - words cut from or changed inside a quote (never at its ends, which would make an
//!   excerpt): must be a `quote.wording`;
//! - a dropped sentence: each of its claims must be in the original only;
//! - a quote handed to another person named in the article (the name beside the speech verb
//!   replaced): must be a `quote.speaker`;
//! - a number rewritten in words ("12" → "twelve"): must NOT be reported.
//!
//! Every finding that concerns none of the planted edits is a false finding.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use claimdiff::check::{FindingKind, same_person};
use claimdiff::extract::{Attribution, ClaimKind};
use claimdiff::ingest::{Format, ingest, ingest_str};
use claimdiff::{Analysis, Input, Options, analyze, text};

use crate::table::{Table, Target};

/// A kind of planted edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A quote handed to another named person.
    Speaker,
    /// A sentence dropped.
    Drop,
    /// Words cut from or changed inside a quote.
    QuoteWords,
    /// A proper name misspelt.
    Name,
    /// A number changed.
    Number,
    /// A number rewritten in words.
    DigitsToWords,
}

impl Kind {
    const ALL: [Kind; 6] = [
        Kind::Speaker,
        Kind::Drop,
        Kind::QuoteWords,
        Kind::Name,
        Kind::Number,
        Kind::DigitsToWords,
    ];

    fn describe(self) -> &'static str {
        match self {
            Kind::Speaker => "quote handed to another person → quote.speaker",
            Kind::Drop => "sentence dropped → only in the original",
            Kind::QuoteWords => "words cut or changed in a quote → quote.wording",
            Kind::Name => "name misspelt → name.variant",
            Kind::Number => "number changed → number.conflict",
            Kind::DigitsToWords => "number written in words → nothing reported",
        }
    }
}

/// One planted edit.
#[derive(Debug, Clone)]
pub struct Edit {
    /// What kind of edit.
    pub kind: Kind,
    /// The bytes of the original replaced.
    pub range: Range<usize>,
    /// What replaces them.
    pub replacement: String,
    /// The claims of the original the edit is about (a quote's range for a speaker edit).
    pub target: Range<usize>,
    /// The sentence it is in.
    pub sentence: usize,
}

/// An article with its planted edits.
#[derive(Debug, Clone)]
pub struct Mutant {
    /// The original's text.
    pub original: String,
    /// The copy's text.
    pub copy: String,
    /// The edits, in text order.
    pub edits: Vec<Edit>,
}

impl Mutant {
    /// Where an offset of the original lies in the copy.
    fn map(&self, at: usize) -> usize {
        let mut delta: isize = 0;
        for e in &self.edits {
            if e.range.end <= at {
                delta += e.replacement.len() as isize - e.range.len() as isize;
            }
        }
        (at as isize + delta).max(0) as usize
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// A digit token: its range in `s`, standing alone (no letter, slash or hyphen glued to it).
fn digit_tokens(s: &str) -> Vec<Range<usize>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len()
            && (b[i].is_ascii_digit()
                || ((b[i] == b',' || b[i] == b'.') && i + 1 < b.len() && b[i + 1].is_ascii_digit()))
        {
            i += 1;
        }
        let glued = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'/' | b'-' | b'_' | b':');
        let before = start.checked_sub(1).map(|j| b[j]);
        let after = b.get(i).copied();
        if !before.is_some_and(glued) && !after.is_some_and(glued) {
            out.push(start..i);
        }
    }
    out
}

/// Plants the edits in one article. `None` kinds had no candidate.
pub fn plant(original: &str, rng: &mut fastrand::Rng) -> Mutant {
    let doc = ingest_str(original, Some(Format::Text));
    let analysis = analyze(&[Input::new("original", doc)], &Options::default());
    let text = analysis.inputs[0].document.text.clone();
    let sentences: Vec<Range<usize>> = analysis.sentences[0]
        .iter()
        .map(|s| s.range.clone())
        .collect();
    let mut used: Vec<usize> = Vec::new();
    let mut edits: Vec<Edit> = Vec::new();
    for kind in Kind::ALL {
        let mut candidates = candidates(kind, &analysis, &text, &sentences, rng);
        rng.shuffle(&mut candidates);
        let free = |e: &Edit, edits: &[Edit], used: &[usize]| {
            let near = |s: usize| used.iter().any(|u| u.abs_diff(s) <= 1);
            let dropped_near = edits
                .iter()
                .any(|d| d.kind == Kind::Drop && d.sentence.abs_diff(e.sentence) <= 1);
            !used.contains(&e.sentence)
                && (e.kind != Kind::Drop || !near(e.sentence))
                && !dropped_near
                && edits
                    .iter()
                    .all(|d| !overlaps(&d.range, &e.range) && !overlaps(&d.target, &e.target))
        };
        if let Some(e) = candidates.into_iter().find(|e| free(e, &edits, &used)) {
            used.push(e.sentence);
            edits.push(e);
        }
    }
    edits.sort_by_key(|e| e.range.start);
    let mut copy = String::with_capacity(text.len());
    let mut at = 0;
    for e in &edits {
        copy.push_str(&text[at..e.range.start]);
        copy.push_str(&e.replacement);
        at = e.range.end;
    }
    copy.push_str(&text[at..]);
    Mutant {
        original: text,
        copy,
        edits,
    }
}

fn sentence_of(sentences: &[Range<usize>], at: usize) -> Option<usize> {
    sentences.iter().position(|s| s.start <= at && at < s.end)
}

/// Every possible edit of one kind.
fn candidates(
    kind: Kind,
    analysis: &Analysis,
    text: &str,
    sentences: &[Range<usize>],
    rng: &mut fastrand::Rng,
) -> Vec<Edit> {
    let ex = &analysis.extractions[0];
    let mut out = Vec::new();
    match kind {
        Kind::Number | Kind::DigitsToWords => {
            for (si, s) in sentences.iter().enumerate() {
                for t in digit_tokens(&text[s.clone()]) {
                    let range = s.start + t.start..s.start + t.end;
                    let token = &text[range.clone()];
                    let target = claim_range(analysis, &range).unwrap_or(range.clone());
                    let replacement = if kind == Kind::Number {
                        change_digit(token, rng)
                    } else {
                        match in_words(text, &range) {
                            Some(w) => w,
                            None => continue,
                        }
                    };
                    out.push(Edit {
                        kind,
                        range,
                        replacement,
                        target,
                        sentence: si,
                    });
                }
            }
        }
        Kind::Name => {
            for m in &ex.mentions {
                let name = &text[m.range.clone()];
                let Some(last) = text::words(name).last().map(|w| (w.start, w.end)) else {
                    continue;
                };
                let word = &name[last.0..last.1];
                if word.chars().count() < 5 || !word.chars().all(char::is_alphabetic) {
                    continue;
                }
                let range = m.range.start + last.0..m.range.start + last.1;
                let Some(si) = sentence_of(sentences, range.start) else {
                    continue;
                };
                let Some(slip) = misspell(word, rng) else {
                    continue;
                };
                if text.contains(&slip) {
                    continue;
                }
                out.push(Edit {
                    kind,
                    target: range.clone(),
                    range,
                    replacement: slip,
                    sentence: si,
                });
            }
        }
        Kind::QuoteWords => {
            for c in ex.claims.iter().filter(|c| c.kind == ClaimKind::Quote) {
                let quote = &text[c.range.clone()];
                let words = text::words(quote);
                if words.len() < 8 {
                    continue;
                }
                // Never the first or last two words: cutting there makes an excerpt.
                let n = rng.usize(1..=3);
                let first = rng.usize(2..words.len() - 2 - n.min(words.len() - 4));
                let (start, end) = (words[first].start, words[first + n - 1].end);
                let cut = rng.bool();
                let (range, replacement) = if cut {
                    // Cut the words and the space after them.
                    let next = words[first + n].start;
                    (c.range.start + start..c.range.start + next, String::new())
                } else {
                    let w = &words[first];
                    let pool: Vec<&str> = text::words(text)
                        .into_iter()
                        .map(|x| x.text)
                        .filter(|x| {
                            x.len() >= 4
                                && x.chars().all(char::is_alphabetic)
                                && !x.eq_ignore_ascii_case(w.text)
                        })
                        .collect();
                    if pool.is_empty() {
                        continue;
                    }
                    let pick = pool[rng.usize(..pool.len())].to_lowercase();
                    (c.range.start + w.start..c.range.start + w.end, pick)
                };
                let _ = end;
                out.push(Edit {
                    kind,
                    range,
                    replacement,
                    target: c.range.clone(),
                    sentence: c.sentence,
                });
            }
        }
        Kind::Drop => {
            for (si, s) in sentences.iter().enumerate() {
                let sentence = &text[s.clone()];
                let claims: Vec<_> = ex.claims.iter().filter(|c| c.sentence == si).collect();
                if claims.is_empty()
                    || claims.iter().any(|c| c.kind == ClaimKind::Quote)
                    || sentence.chars().any(text::is_double_quote)
                    || text::words(sentence).len() < 8
                {
                    continue;
                }
                // The sentence and the space after it.
                let mut end = s.end;
                while end < text.len() && text[end..].starts_with(' ') {
                    end += 1;
                }
                out.push(Edit {
                    kind,
                    range: s.start..end,
                    replacement: String::new(),
                    target: s.clone(),
                    sentence: si,
                });
            }
        }
        Kind::Speaker => {
            let speakers: Vec<&str> = {
                let mut v: Vec<&str> = ex
                    .claims
                    .iter()
                    .filter_map(|c| c.speaker.as_deref())
                    .filter(|s| s.contains(' '))
                    .collect();
                v.sort();
                v.dedup();
                v
            };
            for c in ex.claims.iter().filter(|c| {
                c.kind == ClaimKind::Quote && c.attribution == Some(Attribution::Explicit)
            }) {
                let Some(who) = c.speaker.as_deref() else {
                    continue;
                };
                let Some(s) = sentences.get(c.sentence) else {
                    continue;
                };
                // The name beside the speech verb: a mention of the speaker in the quote's
                // sentence, outside the quote.
                let Some(m) = ex.mentions.iter().find(|m| {
                    s.start <= m.range.start
                        && m.range.end <= s.end
                        && !overlaps(&m.range, &c.range)
                        && !quoted(text, s, &m.range)
                        && same_person(&m.name(), who)
                }) else {
                    continue;
                };
                let others: Vec<&&str> = speakers
                    .iter()
                    .filter(|o| !same_person(o, who) && !text[s.clone()].contains(**o))
                    .collect();
                if others.is_empty() {
                    continue;
                }
                out.push(Edit {
                    kind,
                    range: m.range.clone(),
                    replacement: others[rng.usize(..others.len())].to_string(),
                    target: c.range.clone(),
                    sentence: c.sentence,
                });
            }
        }
    }
    out
}

/// Whether `r` lies between quote marks within sentence `s`.
fn quoted(text: &str, s: &Range<usize>, r: &Range<usize>) -> bool {
    text[s.start..r.start]
        .chars()
        .filter(|c| text::is_double_quote(*c))
        .count()
        % 2
        == 1
}

/// The range of the claim holding `r`, if any.
fn claim_range(analysis: &Analysis, r: &Range<usize>) -> Option<Range<usize>> {
    analysis.extractions[0]
        .claims
        .iter()
        .find(|c| c.range.start <= r.start && r.end <= c.range.end)
        .map(|c| c.range.clone())
}

/// The token with one digit changed (never the leading digit to 0).
fn change_digit(token: &str, rng: &mut fastrand::Rng) -> String {
    let digits: Vec<usize> = token
        .char_indices()
        .filter(|(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i)
        .collect();
    let at = digits[rng.usize(..digits.len())];
    let old = token.as_bytes()[at] - b'0';
    let low = if at == digits[0] { 1 } else { 0 };
    let choices: Vec<u8> = (low..=9).filter(|d| *d != old).collect();
    let new = choices[rng.usize(..choices.len())];
    let mut out = token.to_string();
    out.replace_range(at..at + 1, &((b'0' + new) as char).to_string());
    out
}

/// A whole number from 1 to 999 standing for a count ("12 people", "five of the 20"), in
/// words; `None` for money, percentages, years, decimals and the like.
fn in_words(text: &str, r: &Range<usize>) -> Option<String> {
    let token = &text[r.clone()];
    let value: u32 = token.parse().ok()?;
    if !(1..=999).contains(&value) || token.starts_with('0') {
        return None;
    }
    let before = text[..r.start].trim_end();
    let after = text[r.end..].trim_start();
    let next_word = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let prev_word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if before.ends_with(['$', '£', '€', '#'])
        || after.starts_with(['%', '.', ','])
        || matches!(
            next_word.as_str(),
            "percent" | "per" | "million" | "billion" | "trillion" | "thousand" | "am" | "pm"
        )
        || text::is_month(&prev_word)
        || text::is_month(&next_word)
        || text::is_capitalised(prev_word.as_str())
    {
        return None;
    }
    num2words::Num2Words::new(value).to_words().ok()
}

/// The word with one slip of the pen: two inner letters swapped, one doubled or one dropped.
fn misspell(word: &str, rng: &mut fastrand::Rng) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    for _ in 0..8 {
        let mut c = chars.clone();
        let i = rng.usize(1..n - 1);
        match rng.u8(0..3) {
            0 => c.swap(i, i + 1),
            1 => c.insert(i, c[i]),
            _ => {
                c.remove(i);
            }
        }
        let s: String = c.into_iter().collect();
        if s != word {
            return Some(s);
        }
    }
    None
}

/// The finding kind an edit should cause (for digits put in words, the one it must not).
fn expected_kind(kind: Kind) -> FindingKind {
    match kind {
        Kind::Speaker => FindingKind::QuoteSpeaker,
        Kind::QuoteWords => FindingKind::QuoteWording,
        Kind::Name => FindingKind::NameVariant,
        Kind::Number | Kind::DigitsToWords | Kind::Drop => FindingKind::NumberConflict,
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
    let mut rng = fastrand::Rng::with_seed(seed);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_tokens_stand_alone() {
        let s = "In 2016, 1,200 people and 4.5% of F-35 jets on 9/11 met 12 others.";
        let got: Vec<&str> = digit_tokens(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(got, ["2016", "1,200", "4.5", "12"]);
    }

    #[test]
    fn a_changed_digit_changes_the_value_not_the_shape() {
        let mut rng = fastrand::Rng::with_seed(1);
        for token in ["7", "53", "1,200", "4.5", "2016"] {
            for _ in 0..20 {
                let new = change_digit(token, &mut rng);
                assert_ne!(new, token);
                assert_eq!(new.len(), token.len());
                assert!(!new.starts_with('0'));
            }
        }
    }

    #[test]
    fn counts_are_put_in_words_and_other_numbers_are_not() {
        let check = |s: &str, token: &str, expected: Option<&str>| {
            let start = s.find(token).unwrap();
            assert_eq!(
                in_words(s, &(start..start + token.len())).as_deref(),
                expected,
                "{s}"
            );
        };
        check("They arrested 53 people.", "53", Some("fifty-three"));
        check("It cost $12 million.", "12", None);
        check("Up 12 percent.", "12", None);
        check("On March 12 they met.", "12", None);
        check("It was 12.5 miles.", "12", None);
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
