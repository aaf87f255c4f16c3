//! Segment: a document's paragraphs into sentences.
//!
//! Unicode sentence boundaries (UAX #29: its rules applied here to prose, whose characters'
//! classes come from ICU4X's icu_properties; ICU4X's icu_segmenter for any other text) plus a
//! merge pass that rejoins what they split too eagerly: abbreviations ("Mr.", "Sen.", "No. 10"),
//! initials ("John F. Kelly") and a question or exclamation inside quotes followed by its
//! speaker tag (`"Why?" he asked.`). A sentence never crosses a paragraph.

use std::ops::Range;

use icu_segmenter::SentenceSegmenter;
use icu_segmenter::options::SentenceBreakInvariantOptions;

use crate::ingest::Document;

/// One sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Index of its paragraph in [`Document::paragraphs`].
    pub paragraph: usize,
    /// Byte range in [`Document::text`], trimmed of white space.
    pub range: Range<usize>,
}

/// Words that end with a dot without ending a sentence.
static ABBREVIATIONS: crate::text::WordSet = crate::text::WordSet::new(&[
    "mr", "mrs", "ms", "dr", "st", "no", "nos", "jr", "sr", "gen", "sen", "rep", "reps", "gov",
    "sens", "govs", "gens", "drs", "profs", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj",
    "prof", "rev", "hon", "pres", "supt", "det", "insp", "messrs", "mt", "ft", "ave", "blvd", "rd",
    "vs", "v", "etc", "inc", "corp", "co", "ltd", "dept", "univ", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig", "vol", "op",
    "cf", "al", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "d.c", "calif", "fla", "mass",
    "penn", "ariz", "tenn", "wash", "ill", "mich", "minn", "wis", "conn", "colo", "okla", "ore",
    "nev", "ky", "la", "md", "va", "ala", "ark", "kan", "neb", "miss", "del", "ga", "ind", "n.y",
    "n.j", "n.c", "s.c", "r.i", "w.va",
]);

/// Splits every paragraph of `doc` into sentences.
pub fn segment(doc: &Document) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, para) in doc.paragraphs.iter().enumerate() {
        let text = &doc.text[para.clone()];
        let mut current: Option<Range<usize>> = None;
        for piece in uax29_sentences(text) {
            let mut r = trim(text, piece);
            // A closing mark set off by a space ("… of all time? ” He continued") ends the
            // sentence before it rather than opening the next.
            if let Some(prev) = current.as_mut()
                && let Some(mark) = closing_mark_set_off(text, r.start)
            {
                prev.end = r.start + mark;
                r = trim(text, prev.end..r.end);
            }
            if r.is_empty() {
                continue;
            }
            current = match current {
                Some(prev)
                    if glued_dot(text, &prev, &r)
                        || should_merge(&text[prev.clone()], &text[r.clone()]) =>
                {
                    Some(prev.start..r.end)
                }
                Some(prev) => {
                    out.push(Sentence {
                        paragraph: p,
                        range: para.start + prev.start..para.start + prev.end,
                    });
                    Some(r)
                }
                None => Some(r),
            };
        }
        if let Some(prev) = current {
            out.push(Sentence {
                paragraph: p,
                range: para.start + prev.start..para.start + prev.end,
            });
        }
    }
    // A speaker tag after a quote closing on a question or exclamation mark stays with it
    // (checked once abbreviations are rejoined, so that "Mr. Ray asked." is whole).
    let mut merged: Vec<Sentence> = Vec::with_capacity(out.len());
    for s in out {
        if let Some(prev) = merged.last_mut()
            && prev.paragraph == s.paragraph
            && question_then_speaker(&doc.text[prev.range.clone()], &doc.text[s.range.clone()])
        {
            prev.range.end = s.range.end;
            continue;
        }
        merged.push(s);
    }
    // A run of text with no sentence end (a list, a dump, a page without punctuation) is cut
    // into pieces of bounded length, so that no claim costs more than a bounded amount to
    // compare: the work stays linear in the input.
    let mut out = Vec::with_capacity(merged.len());
    for s in merged {
        let mut range = s.range;
        while range.len() > MAX_SENTENCE_BYTES {
            let cut = cut_point(&doc.text, range.start, range.start + MAX_SENTENCE_BYTES);
            let piece = trim(&doc.text, range.start..cut);
            if !piece.is_empty() {
                out.push(Sentence {
                    paragraph: s.paragraph,
                    range: piece,
                });
            }
            range = trim(&doc.text, cut..range.end);
        }
        if !range.is_empty() {
            out.push(Sentence {
                paragraph: s.paragraph,
                range,
            });
        }
    }
    out
}

/// The length of the closing quotation mark the sentence piece of `text` at `start` opens
/// with, when it is one, which UAX #29 leaves to the next sentence when a space stands before
/// it: ” or », or a straight mark that closes a quote (an odd number of straight marks before
/// it: `said the vote was close. " The rest," she said` opens one), followed by white space or
/// nothing.
fn closing_mark_set_off(text: &str, start: usize) -> Option<usize> {
    let mut chars = text[start..].chars();
    let mark = chars
        .next()
        .filter(|c| matches!(c, '\u{201D}' | '\u{BB}' | '"'))?;
    let closes =
        mark != '"' || memchr::memchr_iter(b'"', &text.as_bytes()[..start]).count() % 2 == 1;
    (closes && chars.next().is_none_or(char::is_whitespace)).then_some(mark.len_utf8())
}

/// The byte ranges of the UAX #29 sentences of `text`, in order, covering it. Text whose
/// characters are all of the classes [`rule_breaks`] handles (nearly all prose) is cut by it;
/// other text (with combining marks, format characters, line ends, or characters beyond
/// [`PROPERTY_RANGES`]) by ICU4X's segmenter (compiled data: nothing is loaded at run time).
/// The two agree wherever both apply (the tests hold them to it).
fn uax29_sentences(text: &str) -> impl Iterator<Item = Range<usize>> {
    let breaks = rule_breaks(text).unwrap_or_else(|| icu_breaks(text));
    (1..breaks.len()).map(move |i| breaks[i - 1]..breaks[i])
}

/// The sentence boundaries of `text` by ICU4X: the offsets where a sentence starts, then the
/// end of the text.
fn icu_breaks(text: &str) -> Vec<usize> {
    SentenceSegmenter::new(SentenceBreakInvariantOptions::default())
        .segment_str(text)
        .collect()
}

/// A character's `Sentence_Break` class, of those [`rule_breaks`] tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sb {
    Other,
    Sp,
    Lower,
    Upper,
    OLetter,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    /// Extend and Format (which the rules skip over), Sep, CR and LF (which end a
    /// paragraph), and any character beyond ASCII outside [`PROPERTY_RANGES`]: left to ICU4X.
    Unhandled,
}

/// [`Sb`] of every ASCII character, as the Unicode property has it (a test compares the two).
static ASCII_SB: [Sb; 128] = {
    let mut table = [Sb::Other; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        table[i] = match c {
            b'a'..=b'z' => Sb::Lower,
            b'A'..=b'Z' => Sb::Upper,
            b'0'..=b'9' => Sb::Numeric,
            b'.' => Sb::ATerm,
            b'!' | b'?' => Sb::STerm,
            b' ' | b'\t' | 0x0B | 0x0C => Sb::Sp,
            b'\r' | b'\n' => Sb::Unhandled,
            b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Sb::Close,
            b',' | b'-' | b':' | b';' => Sb::SContinue,
            _ => Sb::Other,
        };
        i += 1;
    }
    table
};

/// The characters beyond ASCII whose classes [`rule_breaks`] takes from `icu_properties`: the
/// Latin letters of Latin-1 and Latin Extended-A and -B, the no-break space and Latin-1's
/// marks, and the general punctuation (curly quotes, dashes, the ellipsis, odd spaces): what
/// news text writes beyond ASCII. Any other character is [`Sb::Unhandled`], so that its text
/// goes to ICU4X: `icu_properties` knows characters of newer Unicode versions than the
/// segmenter's data (which reads them as unassigned, class Other), so the two can class a
/// recent character differently. A test compares the rules with ICU4X around every
/// character they class, and checks that every other is left to ICU4X.
const PROPERTY_RANGES: [std::ops::RangeInclusive<char>; 2] =
    ['\u{A0}'..='\u{24F}', '\u{2000}'..='\u{206F}'];

/// The [`Sb`] class of `c`.
fn sb(c: char) -> Sb {
    use icu_properties::{CodePointMapData, props::SentenceBreak as P};
    if c.is_ascii() {
        return ASCII_SB[c as usize];
    }
    if !PROPERTY_RANGES.iter().any(|r| r.contains(&c)) {
        return Sb::Unhandled;
    }
    match CodePointMapData::<P>::new().get(c) {
        P::Sp => Sb::Sp,
        P::Lower => Sb::Lower,
        P::Upper => Sb::Upper,
        P::OLetter => Sb::OLetter,
        P::Numeric => Sb::Numeric,
        P::ATerm => Sb::ATerm,
        P::STerm => Sb::STerm,
        P::Close => Sb::Close,
        P::SContinue => Sb::SContinue,
        P::Extend | P::Format | P::Sep | P::CR | P::LF => Sb::Unhandled,
        _ => Sb::Other,
    }
}

/// The sentence boundaries of `text` by the rules of UAX #29 (as [`icu_breaks`] gives them),
/// or `None` when a character of `text` is [`Sb::Unhandled`]. Without those, a sentence can
/// end only after a terminator and the closing punctuation and spaces after it (rule SB11),
/// at the first character that is none of those, unless a rule keeps it whole there: a
/// digit right after a full stop (SB6), a capital after a letter and a full stop ("U.S.",
/// SB7), a lower-case letter coming after a full stop before any other letter or terminator
/// (SB8), or a comma-like mark or another terminator (SB8a). So only the characters around
/// terminators are classed one by one; the rest is skipped a byte at a time (ASCII) or
/// checked to be handled (other characters). Each stretch is read at most twice: the work
/// is linear in the text.
fn rule_breaks(text: &str) -> Option<Vec<usize>> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // The class and length of the character starting at byte `i`.
    let at = |i: usize| -> (Sb, usize) {
        match bytes.get(i) {
            Some(&b) if b.is_ascii() => (ASCII_SB[usize::from(b)], 1),
            _ => text
                .get(i..)
                .and_then(|t| t.chars().next())
                .map_or((Sb::Other, 1), |c| (sb(c), c.len_utf8())),
        }
    };
    let terminator = |k: Sb| matches!(k, Sb::ATerm | Sb::STerm);
    let letter = |k: Sb| matches!(k, Sb::OLetter | Sb::Upper | Sb::Lower);
    let mut breaks = vec![0];
    let mut i = 0;
    while i < n {
        let (term, len) = match bytes[i] {
            b'.' | b'!' | b'?' => (ASCII_SB[usize::from(bytes[i])], 1),
            b'\r' | b'\n' => return None,
            b if b.is_ascii() => {
                i += 1;
                continue;
            }
            _ => match at(i) {
                (Sb::Unhandled, _) => return None,
                (k, len) if terminator(k) => (k, len),
                (_, len) => {
                    i += len;
                    continue;
                }
            },
        };
        // The closing punctuation, then the spaces, after the terminator (SB9, SB10).
        let mut j = i + len;
        let mut spaced = false;
        while j < n {
            let (k, l) = at(j);
            match k {
                Sb::Sp => spaced = true,
                Sb::Close if !spaced => {}
                _ => break,
            }
            j += l;
        }
        if j >= n {
            break;
        }
        let next = at(j).0;
        let full_stop = term == Sb::ATerm;
        let adjacent = j == i + len;
        // The class of the character before the terminator.
        let before = || {
            let mut p = i.checked_sub(1)?;
            while p > 0 && bytes[p] & 0xC0 == 0x80 {
                p -= 1;
            }
            Some(at(p).0)
        };
        // SB8: the first letter or terminator after the full stop is a lower-case letter.
        let lower_follows = || {
            let mut k = j;
            while k < n {
                let (class, l) = at(k);
                if letter(class) || terminator(class) {
                    return class == Sb::Lower;
                }
                k += l;
            }
            false
        };
        let whole = (full_stop && adjacent && next == Sb::Numeric)
            || (full_stop
                && adjacent
                && next == Sb::Upper
                && matches!(before(), Some(Sb::Upper | Sb::Lower)))
            || matches!(next, Sb::SContinue | Sb::ATerm | Sb::STerm)
            || (full_stop && lower_follows());
        if !whole {
            breaks.push(j);
        }
        i = j;
    }
    if n > 0 {
        breaks.push(n);
    }
    Some(breaks)
}

/// The longest a sentence may be, in bytes; news sentences are far shorter (a few hundred).
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// Where to cut text that runs past `limit` without a sentence end: after the last white space
/// before `limit` (past `start`), or at the last character boundary before it.
fn cut_point(text: &str, start: usize, limit: usize) -> usize {
    let mut limit = limit.min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    // `limit` is past `start`: the text is longer than the limit, and a character is at most
    // four bytes.
    match text[start..limit].rfind(char::is_whitespace) {
        Some(i) if i > 0 => start + i,
        _ => limit,
    }
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.start + s.trim_end().len();
    start..end.max(start)
}

/// A dot with a word right after it, no space between, ends no sentence: a ticker or a name
/// (".SPX", "<.DJI>", "Microsoft .NET").
fn glued_dot(text: &str, prev: &Range<usize>, next: &Range<usize>) -> bool {
    prev.end == next.start
        && text[prev.clone()].ends_with('.')
        && text[next.clone()].starts_with(char::is_alphanumeric)
}

fn should_merge(prev: &str, next: &str) -> bool {
    let first = next
        .chars()
        .find(|c| !(c.is_whitespace() || crate::text::is_double_quote(*c) || *c == '('));
    if first.is_some_and(|c| c.is_lowercase()) {
        return true;
    }
    // "the U.S.' Kurdish allies": a possessive apostrophe after an abbreviation's dot.
    let prev = prev.trim_end_matches(['\'', '\u{2019}']);
    let Some(body) = prev.strip_suffix('.') else {
        return false;
    };
    let last = body
        .rsplit(|c: char| c.is_whitespace() || c == '(' || crate::text::is_double_quote(c))
        .next()
        .unwrap_or("");
    let lower = last.to_lowercase();
    // An initial: one capital letter ("John F. Kelly").
    let initial = last.chars().count() == 1 && last.chars().all(char::is_uppercase);
    // A word that is also an ordinary English word ("no", "ill", "miss") is an abbreviation only
    // when written with a capital ("No. 10", "Ill."); "etc." and "vs." are written in lower case.
    const LOWER_CASE: &[&str] = &[
        "etc", "vs", "v", "e.g", "i.e", "a.m", "p.m", "approx", "cf", "al",
    ];
    let capital = last.chars().next().is_some_and(char::is_uppercase);
    initial
        || (ABBREVIATIONS.contains(lower.as_str())
            && (capital || LOWER_CASE.contains(&lower.as_str())))
}

/// A quote closing on a question or exclamation mark followed by its speaker tag, a name and
/// a speech verb: `"Why?" Ann Lee asked.`, `"Enough!" Mr. Ray said.`
fn question_then_speaker(prev: &str, next: &str) -> bool {
    let mut tail = prev.trim_end().chars().rev();
    let closes = tail.next().is_some_and(crate::text::is_double_quote)
        && tail.next().is_some_and(|c| matches!(c, '?' | '!'));
    if !closes {
        return false;
    }
    // Up to four capitalised words (titles with their dot), then a speech verb.
    for (i, w) in next.split_whitespace().take(5).enumerate() {
        let bare = w.trim_end_matches([',', '.', ':']);
        if i > 0 && crate::extract::speaker::is_speech_verb(&bare.to_lowercase()) {
            return w.len() == bare.len() || !w.ends_with(':');
        }
        if !crate::text::is_capitalised(bare) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text without sentence ends is cut into pieces no longer than the limit, on character
    /// boundaries, losing nothing but the white space between pieces.
    #[test]
    fn long_runs_are_cut() {
        for text in [
            "word ".repeat(3000),
            "é".repeat(5000),
            format!("{} end.", "a".repeat(4001)),
        ] {
            let doc = crate::ingest::ingest_str(&text, None);
            let sentences = segment(&doc);
            assert!(sentences.len() >= 2, "{}", sentences.len());
            let mut joined = String::new();
            for s in &sentences {
                assert!(s.range.len() <= MAX_SENTENCE_BYTES);
                joined.push_str(&doc.text[s.range.clone()]);
            }
            let squeeze = |t: &str| t.split_whitespace().collect::<String>();
            assert_eq!(squeeze(&joined), squeeze(&doc.text));
        }
    }
    use crate::ingest::ingest_str;

    fn check(input: &str, expected: &[&str]) {
        let doc = ingest_str(input, None);
        let got: Vec<&str> = segment(&doc)
            .iter()
            .map(|s| &doc.text[s.range.clone()])
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        check(
            "Mr. Mattis met John F. Kelly at No. 10 today. He left.",
            &["Mr. Mattis met John F. Kelly at No. 10 today.", "He left."],
        );
        // Plural titles: "Sens.", "Reps.", "Govs."
        check(
            "He wrote to Sens. Ann Lee and Tom Ray. Govs. Jo Kim and Al Ng replied.",
            &[
                "He wrote to Sens. Ann Lee and Tom Ray.",
                "Govs. Jo Kim and Al Ng replied.",
            ],
        );
    }

    #[test]
    fn a_closing_mark_set_off_by_a_space_ends_its_sentence() {
        check(
            "He asked, “How do you impeach a president? ” He continued the theme.",
            &[
                "He asked, “How do you impeach a president? ”",
                "He continued the theme.",
            ],
        );
        check(
            "He asked, \"Is it over? \" She said no. Then « C'est fini. » Done.",
            &[
                "He asked, \"Is it over? \"",
                "She said no.",
                "Then « C'est fini. »",
                "Done.",
            ],
        );
        // An opening mark is not moved, a straight one set off by a space included.
        check(
            "Ann Lee said the vote was close. \" The rest,\" she said, \"is history.\"",
            &[
                "Ann Lee said the vote was close.",
                "\" The rest,\" she said, \"is history.\"",
            ],
        );
        check(
            "It ended. “Why?” he asked.",
            &["It ended.", "“Why?” he asked."],
        );
    }

    #[test]
    fn a_dot_glued_to_a_word_is_no_end() {
        check(
            "The Nasdaq index .IXIC rose 2 percent. It uses Microsoft .NET today.",
            &[
                "The Nasdaq index .IXIC rose 2 percent.",
                "It uses Microsoft .NET today.",
            ],
        );
    }

    #[test]
    fn ordinary_words_end_sentences() {
        check(
            "The striker fell ill. Okafor replaced him. Voters said no. The measure failed.",
            &[
                "The striker fell ill.",
                "Okafor replaced him.",
                "Voters said no.",
                "The measure failed.",
            ],
        );
    }

    #[test]
    fn possessive_after_abbreviation_stays() {
        check(
            "There is concern about abandoning the U.S.' Kurdish allies. Next.",
            &[
                "There is concern about abandoning the U.S.' Kurdish allies.",
                "Next.",
            ],
        );
    }

    #[test]
    fn speaker_tag_after_question_stays() {
        check(
            "\"Why?\" he asked. \"Because.\" She smiled.",
            &["\"Why?\" he asked.", "\"Because.\"", "She smiled."],
        );
    }

    #[test]
    fn named_speaker_tag_after_question_stays() {
        check(
            "\"Why now?\" Mr. Ray asked. \"Enough!\" Ann Lee said, smiling. \"Go?\" Next week.",
            &[
                "\"Why now?\" Mr. Ray asked.",
                "\"Enough!\" Ann Lee said, smiling.",
                "\"Go?\"",
                "Next week.",
            ],
        );
    }

    #[test]
    fn never_across_paragraphs() {
        check(
            "It ended with Mr.\nSmith left.",
            &["It ended with Mr.", "Smith left."],
        );
    }

    proptest::proptest! {
        /// The sentences are UAX #29's, as unicode-segmentation (a second implementation) cuts
        /// them, over text made of every kind of character the rules tell apart: terminators,
        /// closing punctuation, spaces and line ends, letters of both cases, digits, marks and
        /// joiners, and letters of other scripts.
        #[test]
        fn sentences_are_those_of_uax29(
            text in "[aZ9 .?!\"'()\u{201C}\u{201D}\u{2019},;:\n\r\t\u{85}\u{2029}\u{E9}\u{3002}\u{2026}\u{300}\u{200D}\u{3A3}\u{3C3}-]{0,40}"
        ) {
            use unicode_segmentation::UnicodeSegmentation;
            let ours: Vec<Range<usize>> = uax29_sentences(&text).collect();
            let icu = icu_breaks(&text);
            let icu: Vec<Range<usize>> = (1..icu.len()).map(|i| icu[i - 1]..icu[i]).collect();
            proptest::prop_assert_eq!(&ours, &icu);
            let theirs: Vec<Range<usize>> = text
                .split_sentence_bound_indices()
                .map(|(i, s)| i..i + s.len())
                .collect();
            proptest::prop_assert_eq!(ours, theirs);
        }

        /// The rules give ICU4X's boundaries on text of every class they handle, in both
        /// scripts' forms: letters of both cases and of no case, digits, full stops and other
        /// terminators, closing punctuation and quotes, commas and dashes, spaces (with the
        /// no-break space), and other marks.
        #[test]
        fn rules_cut_as_icu_does(
            text in "[aZz9.?! \"'()\\[\\]{},;:#$%\u{E9}\u{C9}\u{F1}\u{17F}\u{1C5}\u{24F}\u{AA}\u{B2}\u{2024}\u{203C}\u{2047}\u{201C}\u{201D}\u{2018}\u{2019}\u{AB}\u{BB}\u{2013}\u{2014}\u{2015}\u{2026}\u{A0}\u{2003}-]{0,60}"
        ) {
            let ours = rule_breaks(&text);
            proptest::prop_assert!(ours.is_some(), "every character is handled");
            proptest::prop_assert_eq!(ours.unwrap_or_default(), icu_breaks(&text));
        }
    }

    /// Around every character the rules class (ASCII and [`PROPERTY_RANGES`]), in contexts
    /// where each class cuts differently, the rules cut as ICU4X does; every other character
    /// is left to ICU4X.
    #[test]
    fn rules_cut_as_icu_does_around_every_character() {
        const CONTEXTS: [&str; 16] = [
            "a.{}", "a.{}b", "a.{}B", "a.{}1", "a. {}b", "a. {}B", "a.{} b", "a.{} B", "{}.B",
            "a{}.B", "a{}b", "a{}B", "a{} B", "a{} b", "a{}\" B", "a.\"{}B",
        ];
        let mut compared = 0;
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let handled = c.is_ascii() || PROPERTY_RANGES.iter().any(|r| r.contains(&c));
            if !handled {
                assert_eq!(sb(c), Sb::Unhandled, "{c:?}");
                continue;
            }
            for context in CONTEXTS {
                let text = context.replace("{}", &c.to_string());
                if let Some(ours) = rule_breaks(&text) {
                    assert_eq!(ours, icu_breaks(&text), "{text:?}");
                    compared += 1;
                }
            }
        }
        assert!(compared > 8000, "{compared} texts compared");
    }

    #[test]
    fn ascii_classes_are_the_property() {
        for b in 0u8..128 {
            let c = char::from(b);
            let property =
                icu_properties::CodePointMapData::<icu_properties::props::SentenceBreak>::new()
                    .get(c);
            let expected = match property {
                icu_properties::props::SentenceBreak::Sp => Sb::Sp,
                icu_properties::props::SentenceBreak::Lower => Sb::Lower,
                icu_properties::props::SentenceBreak::Upper => Sb::Upper,
                icu_properties::props::SentenceBreak::OLetter => Sb::OLetter,
                icu_properties::props::SentenceBreak::Numeric => Sb::Numeric,
                icu_properties::props::SentenceBreak::ATerm => Sb::ATerm,
                icu_properties::props::SentenceBreak::STerm => Sb::STerm,
                icu_properties::props::SentenceBreak::Close => Sb::Close,
                icu_properties::props::SentenceBreak::SContinue => Sb::SContinue,
                icu_properties::props::SentenceBreak::Other => Sb::Other,
                _ => Sb::Unhandled,
            };
            assert_eq!(ASCII_SB[usize::from(b)], expected, "{c:?}: {property:?}");
        }
    }

    #[test]
    fn rules_handle_prose_and_leave_the_rest() {
        assert_eq!(
            rule_breaks("He said \u{201C}no.\u{201D} She left. It is 3.5 p.m. in the U.S. now!"),
            Some(vec![0, 18, 28, 59])
        );
        assert_eq!(rule_breaks(""), Some(vec![0]));
        assert_eq!(icu_breaks(""), vec![0]);
        // A combining accent, a joiner, a line end: ICU4X's.
        for t in ["e\u{301}. A", "a\u{200D}b. C", "a.\nB"] {
            assert_eq!(rule_breaks(t), None, "{t:?}");
        }
    }

    /// Every paragraph of the BASIL articles, when they are there, is cut by the rules as by
    /// ICU4X (skipped when ../shared/data is absent).
    #[test]
    #[allow(clippy::print_stderr)] // a test saying why it skipped, as tests/basil.rs does
    fn rules_cut_the_real_articles_as_icu_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/basil");
        let Ok(events) = std::fs::read_dir(&dir) else {
            eprintln!("skipped: {} is absent", dir.display());
            return;
        };
        let mut paragraphs = 0;
        for event in events.flatten() {
            for name in ["fox.txt", "nyt.txt", "hpo.txt"] {
                let Ok(text) = std::fs::read_to_string(event.path().join(name)) else {
                    continue;
                };
                for para in text.lines() {
                    if let Some(ours) = rule_breaks(para) {
                        assert_eq!(ours, icu_breaks(para), "{para:?}");
                        paragraphs += 1;
                    }
                }
            }
        }
        assert!(
            paragraphs > 1000,
            "{paragraphs} paragraphs cut by the rules"
        );
    }
}
