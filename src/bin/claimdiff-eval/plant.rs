//! The mutator: plants known edits in a copy of an article at random (the caller's seeded
//! generator), each in its own sentence, at most one of each kind:
//! - a changed number (one digit of a number changed);
//! - a misspelt name (one mention of a name the extractor found, one letter slipped);
//! - words cut from or changed inside a quote (never at its ends, which would make an excerpt);
//! - a dropped sentence;
//! - a quote handed to another person named in the article (the name beside the speech verb
//!   replaced);
//! - a number rewritten in words ("12" → "twelve");
//! - a day of the week in a narrative claim changed to another.
//!
//! Used by the mutation self-test (`mutate.rs`) and the synthetic clusters (`synth.rs`, also
//! compiled into `benches/pipeline.rs`), so it needs nothing from this binary but the library.

use std::ops::Range;

use claimdiff::check::same_person;
use claimdiff::extract::{Attribution, ClaimKind};
use claimdiff::ingest::{Format, ingest_str};
use claimdiff::{Analysis, Input, Options, analyze, text};

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
    /// A day of the week in a narrative sentence changed to another.
    Weekday,
}

impl Kind {
    /// Every kind, in the order they are planted.
    pub const ALL: [Kind; 7] = [
        Kind::Speaker,
        Kind::Drop,
        Kind::QuoteWords,
        Kind::Name,
        Kind::Number,
        Kind::DigitsToWords,
        Kind::Weekday,
    ];

    /// What the self-test expects of the kind.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Speaker => "quote handed to another person → quote.speaker",
            Kind::Drop => "sentence dropped → only in the original",
            Kind::QuoteWords => "words cut or changed in a quote → quote.wording",
            Kind::Name => "name misspelt → name.variant",
            Kind::Number => "number changed → number.conflict",
            Kind::DigitsToWords => "number written in words → nothing reported",
            Kind::Weekday => "day of the week changed → number.conflict",
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
    pub fn map(&self, at: usize) -> usize {
        let mut delta: isize = 0;
        for e in &self.edits {
            if e.range.end <= at {
                delta += e.replacement.len() as isize - e.range.len() as isize;
            }
        }
        (at as isize + delta).max(0) as usize
    }
}

/// Whether two ranges share a byte.
pub fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
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

/// Plants the edits in one article, one of each kind at most (a kind with no free candidate
/// is left out).
pub fn plant(original: &str, rng: &mut fastrand::Rng) -> Mutant {
    plant_kinds(original, rng, &Kind::ALL)
}

/// Plants edits of the given kinds only, in that order, one of each at most.
pub fn plant_kinds(original: &str, rng: &mut fastrand::Rng, kinds: &[Kind]) -> Mutant {
    let doc = ingest_str(original, Some(Format::Text));
    let analysis = analyze(&[Input::new("original", doc)], &Options::default());
    let text = analysis.inputs[0].document.text.clone();
    let sentences: Vec<Range<usize>> = analysis.sentences[0]
        .iter()
        .map(|s| s.range.clone())
        .collect();
    let mut used: Vec<usize> = Vec::new();
    let mut edits: Vec<Edit> = Vec::new();
    // Each kind draws from its own stream, so that the candidates of one kind (how many quotes
    // have a speaker) do not move the draws of another.
    let base = rng.u64(..);
    for &kind in kinds {
        let rng = &mut fastrand::Rng::with_seed(
            base ^ (kind as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15),
        );
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
        Kind::Weekday => {
            const DAYS: [&str; 7] = claimdiff::extract::numbers::WEEKDAYS;
            // A day named in a narrative claim (in a quote, a changed word is a change of
            // wording): the word itself, possessive or not, becomes another day. Not where it
            // is part of a name, right after one of the words that make named days ("Fox News
            // Sunday", "Super Tuesday", "Good Friday"); "On Friday", "Earlier Friday", "the
            // Senate Thursday" are days.
            const NAMING: [&str; 8] = [
                "News", "Super", "Good", "Black", "Cyber", "Easter", "Palm", "Ash",
            ];
            for c in ex.claims.iter().filter(|c| c.kind == ClaimKind::Statement) {
                let claim = &text[c.range.clone()];
                let words = text::words(claim);
                for (k, w) in words.iter().enumerate() {
                    let name = w.text.trim_end_matches("'s").trim_end_matches("\u{2019}s");
                    let Some(day) = DAYS.iter().position(|d| *d == name) else {
                        continue;
                    };
                    let named = k.checked_sub(1).is_some_and(|p| {
                        let prev = &words[p];
                        claim[prev.end..w.start].trim().is_empty() && NAMING.contains(&prev.text)
                    });
                    if named {
                        continue;
                    }
                    let other = (day + rng.usize(1..7)) % 7;
                    let start = c.range.start + w.start;
                    out.push(Edit {
                        kind,
                        range: start..start + name.len(),
                        replacement: DAYS[other].to_string(),
                        target: c.range.clone(),
                        sentence: c.sentence,
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
            // Quotes of two words or more: `quote.speaker` never takes one word ("Yes.",
            // "Nah") said by two people for one quote.
            for c in ex.claims.iter().filter(|c| {
                c.kind == ClaimKind::Quote
                    && c.attribution == Some(Attribution::Explicit)
                    && text::word_count(&c.text) >= 2
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
}
