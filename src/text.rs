//! Text helpers shared by every stage: typographic folding, matching keys, word tokens,
//! stop words and stemming.
//!
//! Display text always keeps the original characters; the helpers here only build *keys* used to
//! compare text, so that curly vs straight quotes, dashes, case and white space never count as a
//! difference.

use std::borrow::Cow;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds one typographic character to its ASCII equivalent (quotes, apostrophes, dashes, spaces).
/// Characters without an equivalent are returned unchanged.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' => ' ',
        '\u{2026}' => '.',
        _ => c,
    }
}

/// Is `c` a double quotation mark of any style?
pub fn is_double_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
    )
}

/// Is `c` an apostrophe or single quotation mark of any style?
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201B}' | '`')
}

/// A comparison key for a piece of text: typography folded, lower-cased, white space collapsed,
/// and leading/trailing punctuation and white space removed.
pub fn key(s: &str) -> String {
    key_cow(s).into_owned()
}

/// [`key`], borrowed from `s` when it is its own key (an ASCII word in lower case without
/// marks around it, as most words of a text are), so that nothing is copied.
pub fn key_cow(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return Cow::Borrowed("");
    };
    // A longer text (a claim's, a sentence's) is rarely its own key: straight to the folding,
    // which settles the rare one too, after the quick test for ASCII.
    if b.len() > LONG_KEY {
        return if s.is_ascii() {
            ascii_key(s)
        } else {
            Cow::Owned(unicode_key(s))
        };
    }
    // The commonest cases, from one pass that reads every byte's class without a branch (where
    // a capital or a mark falls is a coin toss): the classes all bytes have, and those any has.
    let (all, any) = b.iter().fold((u8::MAX, 0), |(all, any), c| {
        let class = BYTE_CLASS[usize::from(*c)];
        (all & class, any | class)
    });
    // A word of lower-case letters and digits is its own key.
    if all & LOWER_OR_DIGIT != 0 {
        return Cow::Borrowed(s);
    }
    if any & NOT_ASCII != 0 {
        return Cow::Owned(unicode_key(s));
    }
    // An ASCII word from a letter or digit to a letter or digit, with no white space or
    // backtick inside: its case is all there is to fold (as `ascii_key` finds, in more passes).
    let edges = BYTE_CLASS[usize::from(first)] & BYTE_CLASS[usize::from(last)];
    if edges & ALPHANUMERIC != 0 && any & SPACE_OR_BACKTICK == 0 {
        return if any & UPPER == 0 {
            Cow::Borrowed(s)
        } else {
            Cow::Owned(s.to_ascii_lowercase())
        };
    }
    ascii_key(s)
}

/// Texts longer than this (in bytes) skip [`key_cow`]'s test for a word that is its own key.
const LONG_KEY: usize = 32;

/// [`BYTE_CLASS`] bits: a lower-case ASCII letter or a digit.
const LOWER_OR_DIGIT: u8 = 1;
/// An upper-case ASCII letter.
const UPPER: u8 = 2;
/// An ASCII letter or digit.
const ALPHANUMERIC: u8 = 4;
/// ASCII white space (`char::is_whitespace`: space, tab, line feed, vertical tab, form feed,
/// carriage return) or a backtick, which a key turns into an apostrophe.
const SPACE_OR_BACKTICK: u8 = 8;
/// A byte of a character beyond ASCII.
const NOT_ASCII: u8 = 16;

/// The class bits of each byte, for [`key_cow`].
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        table[i] = if c.is_ascii_lowercase() || c.is_ascii_digit() {
            LOWER_OR_DIGIT | ALPHANUMERIC
        } else if c.is_ascii_uppercase() {
            UPPER | ALPHANUMERIC
        } else if matches!(c, b' ' | b'\t'..=b'\r' | b'`') {
            SPACE_OR_BACKTICK
        } else if !c.is_ascii() {
            NOT_ASCII
        } else {
            0
        };
        i += 1;
    }
    table
};

/// An ASCII byte as a key writes it: white space as a space, a backtick as an apostrophe, a
/// letter in lower case. Computed rather than looked up, so that a run of bytes is mapped
/// several at a time (a loop without a table look-up, which the compiler can vectorise).
fn ascii_key_byte(c: u8) -> u8 {
    let space = c == b' ' || c.wrapping_sub(b'\t') < 5;
    let lowered = c | (u8::from(c.wrapping_sub(b'A') < 26) << 5);
    if space {
        b' '
    } else if c == b'`' {
        b'\''
    } else {
        lowered
    }
}

/// [`key`] for ASCII text: the same result as [`unicode_key`], several times faster (keys are
/// built for every word of every claim).
fn ascii_key(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    let Some(start) = b.iter().position(u8::is_ascii_alphanumeric) else {
        return Cow::Borrowed("");
    };
    let end = b
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(start, |e| e + 1);
    let body = &b[start..end];
    if !body
        .iter()
        .any(|c| matches!(c, b' ' | b'\t'..=b'\r' | b'`'))
    {
        // One word, the common case: only its case to fold.
        if !body.iter().any(u8::is_ascii_uppercase) {
            return Cow::Borrowed(&s[start..end]);
        }
        return Cow::Owned(s[start..end].to_ascii_lowercase());
    }
    // Every byte mapped in one pass, then runs of white space made one space; the body starts
    // and ends with a letter or digit, so no white space is at either end.
    let mut out: Vec<u8> = body.iter().map(|c| ascii_key_byte(*c)).collect();
    collapse_spaces(&mut out);
    // ASCII in, ASCII out: always valid UTF-8, so never lossy.
    Cow::Owned(
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

/// Makes each run of spaces in `out` one space and drops those at either end (a pass over
/// the bytes only when there is such a run or end: most texts have single spaces between
/// words and none around them).
fn collapse_spaces(out: &mut Vec<u8>) {
    let needed = out.first() == Some(&b' ')
        || out.last() == Some(&b' ')
        || out.windows(2).any(|w| w[0] == b' ' && w[1] == b' ');
    if !needed {
        return;
    }
    let mut n = 0;
    let mut space = false;
    for k in 0..out.len() {
        let c = out[k];
        if c == b' ' {
            space = true;
            continue;
        }
        if space && n > 0 {
            out[n] = b' ';
            n += 1;
        }
        space = false;
        out[n] = c;
        n += 1;
    }
    out.truncate(n);
}

/// [`key`] for any text: ASCII characters folded as [`ascii_key`] folds them, the others by
/// [`fold_char`] and Unicode's lower case. The runs of ASCII bytes between characters beyond
/// ASCII (most of a text with a curly quote or an accent) are mapped a run at a time, white
/// space written as a space; the runs of spaces are made one afterwards.
fn unicode_key(s: &str) -> String {
    let b = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let run = b[i..]
            .iter()
            .position(|c| !c.is_ascii())
            .map_or(b.len(), |n| i + n);
        out.extend(b[i..run].iter().map(|c| ascii_key_byte(*c)));
        i = run;
        let Some(ch) = s.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i += ch.len_utf8();
        match fold_char(ch) {
            // Typography folded to ASCII ('"', '-', ' ', ...): written as it is.
            f if f.is_ascii() => out.push(f as u8),
            f if f.is_whitespace() => out.push(b' '),
            f => {
                for l in f.to_lowercase() {
                    let mut buf = [0; 4];
                    out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
    }
    collapse_spaces(&mut out);
    // ASCII bytes and whole encoded characters: always valid UTF-8, so never lossy.
    let mut out = String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    // Punctuation trimmed from the ends in place: the end cut off, then the start drained.
    let punctuation = |c: char| !c.is_alphanumeric();
    let end = out.trim_end_matches(punctuation).len();
    out.truncate(end);
    let start = out.len() - out.trim_start_matches(punctuation).len();
    out.drain(..start);
    out
}

/// Removes accents (combining marks after NFD decomposition): "Léger" → "Leger".
pub fn strip_accents(s: &str) -> String {
    s.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

/// A word of a text with its byte range in that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written (letters, digits, inner apostrophes, hyphens and dots).
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// Splits `s` into words: runs of alphanumerics, joined by inner apostrophes, hyphens, dots,
/// commas between digits and similar marks ("England’s", "29-year-old", "2,000", "U.S.").
///
/// Read from the bytes, a character decoded only where a byte is not ASCII, so that no list of
/// characters is built; `scan_words` (in the tests) states the same rules over characters.
pub fn words(s: &str) -> Vec<Word<'_>> {
    // Room for words of three letters and a space, so that the list is rarely grown.
    let mut out = Vec::with_capacity(s.len() / 4 + 1);
    each_word(s, |start, end| {
        out.push(Word {
            text: &s[start..end],
            start,
            end,
        });
    });
    out
}

/// The words of a piece of a text, from the words of the whole text ([`words`] of `t`, given as
/// `ws`), when the piece's edges let them be read off: the words of `t[range]` with their
/// offsets into the piece, or `None` when they might differ from [`words`] of the piece. They
/// are the same when no word of `t` runs across either edge and the piece does not follow a
/// dot: the reading of a word looks back only at the character before it (for the dot of an
/// abbreviation, "U.S."), and ahead only at the characters that would make it go on.
pub(crate) fn words_within<'a>(
    t: &'a str,
    ws: &[Word<'a>],
    range: std::ops::Range<usize>,
) -> Option<Vec<Word<'a>>> {
    let start = range.start;
    let within = words_within_at(t, ws, range)?;
    Some(
        ws[within]
            .iter()
            .map(|w| Word {
                text: w.text,
                start: w.start - start,
                end: w.end - start,
            })
            .collect(),
    )
}

/// [`words_within`] as the places in `ws` of the piece's words (a run of them), their offsets
/// left as they are.
pub(crate) fn words_within_at(
    t: &str,
    ws: &[Word<'_>],
    range: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let (start, end) = (range.start, range.end);
    t.get(range)?;
    let across = |at: usize| ws.iter().any(|w| w.start < at && w.end > at);
    if t[..start].ends_with('.') || across(start) || across(end) {
        return None;
    }
    // The words are in order: those within the piece are a run.
    let first = ws.partition_point(|w| w.start < start);
    let last = first + ws[first..].partition_point(|w| w.end <= end);
    Some(first..last)
}

/// How many words `s` has: `words(s).len()`, without the list.
pub fn word_count(s: &str) -> usize {
    let mut n = 0;
    each_word(s, |_, _| n += 1);
    n
}

/// Whether `s` has a word (`!words(s).is_empty()`): a word starts at a letter or digit, or at
/// a currency sign before a digit, so every word holds one, and every letter or digit starts a
/// word or is read into one.
pub fn has_word(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// Whether `c` is a mark that may join two pieces of a word ([`joins`] says when it does).
fn is_joiner(c: char) -> bool {
    is_apostrophe(c) || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '.' | ',' | ':' | '/')
}

/// Whether the mark `c`, between the word character `prev` and the alphanumeric `next`, joins
/// them into one word: an apostrophe or hyphen always ("England’s", "29-year-old"); a comma,
/// colon or slash between digits ("2,000", "3:30", "24/7"); a dot between digits ("4.4") or
/// between letters when another dot follows (`then_dot`: "U.S.").
fn joins(c: char, prev: char, next: char, then_dot: impl FnOnce() -> bool) -> bool {
    match c {
        ',' | ':' | '/' => prev.is_ascii_digit() && next.is_ascii_digit(),
        '.' => {
            (prev.is_ascii_digit() && next.is_ascii_digit())
                || (prev.is_alphabetic() && next.is_alphabetic() && then_dot())
        }
        _ => is_joiner(c),
    }
}

/// Calls `found` with the byte range of each word of `s` ([`words`]), in order.
fn each_word(s: &str, mut found: impl FnMut(usize, usize)) {
    let bytes = s.as_bytes();
    // The character at byte `i` and the byte after it, or `None` at the end.
    let at = |i: usize| -> Option<(char, usize)> {
        let b = *bytes.get(i)?;
        if b.is_ascii() {
            return Some((char::from(b), i + 1));
        }
        let c = s[i..].chars().next()?;
        Some((c, i + c.len_utf8()))
    };
    // The character ending at byte `i`.
    let before = |i: usize| -> Option<char> {
        let b = *bytes.get(i.checked_sub(1)?)?;
        if b.is_ascii() {
            return Some(char::from(b));
        }
        s[..i].chars().next_back()
    };
    let mut i = 0;
    while let Some((c, after)) = at(i) {
        if !(c.is_alphanumeric()
            || (matches!(c, '$' | '£' | '€') && at(after).is_some_and(|(d, _)| d.is_ascii_digit())))
        {
            i = after;
            continue;
        }
        // `j` is the byte of the character being read; `prev` and `prev2` the two before it.
        let (mut j, mut prev, mut prev2) = (after, c, before(i));
        loop {
            // A run of ASCII letters and digits, most of a word, read a byte at a time: what
            // the first case below does a character at a time.
            let run = bytes[j..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if run > 0 {
                prev2 = Some(if run >= 2 {
                    char::from(bytes[j + run - 2])
                } else {
                    prev
                });
                prev = char::from(bytes[j + run - 1]);
                j += run;
            }
            let Some((c, next_at)) = at(j) else {
                break;
            };
            if c.is_alphanumeric() || c == '%' || (!c.is_ascii() && is_combining_mark(c)) {
                (j, prev2, prev) = (next_at, Some(prev), c);
                continue;
            }
            if is_joiner(c)
                && let Some((next, past)) = at(next_at).filter(|(d, _)| d.is_alphanumeric())
                && joins(c, prev, next, || at(past).is_some_and(|(d, _)| d == '.'))
            {
                (j, prev2, prev) = (past, Some(c), next);
                continue;
            }
            // Keep the final dot of an abbreviation written with dots ("U.S.").
            if c == '.' && prev2 == Some('.') && prev.is_alphabetic() {
                j = next_at;
            }
            break;
        }
        found(i, j);
        i = j;
    }
}

/// [`words`] over the `n` characters of `s`, `at(j)` giving the `j`th with its byte offset:
/// the rules read character by character, the reference the tests hold [`words`] to.
#[cfg(test)]
fn scan_words(s: &str, n: usize, at: impl Fn(usize) -> (usize, char)) -> Vec<Word<'_>> {
    let get = |j: usize| (j < n).then(|| at(j));
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let (start, c) = at(i);
        if !(c.is_alphanumeric()
            || ((c == '$' || c == '£' || c == '€')
                && get(i + 1).is_some_and(|(_, c)| c.is_ascii_digit())))
        {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n {
            let c = at(j).1;
            if c.is_alphanumeric() || is_combining_mark(c) || c == '%' {
                j += 1;
                continue;
            }
            let next_alnum = get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric());
            if is_joiner(c) && next_alnum {
                let prev = at(j - 1).1;
                let next = at(j + 1).1;
                if joins(c, prev, next, || get(j + 2).is_some_and(|(_, n)| n == '.')) {
                    j += 2;
                    continue;
                }
            }
            // Keep the final dot of an abbreviation written with dots ("U.S.").
            if c == '.' && j >= 2 && at(j - 2).1 == '.' && at(j - 1).1.is_alphabetic() {
                j += 1;
            }
            break;
        }
        let end = get(j).map_or(s.len(), |(b, _)| b);
        out.push(Word {
            text: &s[start..end],
            start,
            end,
        });
        i = j;
    }
    out
}

/// ASCII text of at most [`AsciiLower::LONGEST`] bytes in lower case, folded on the stack rather
/// than into a new string (for words looked up in a set).
pub struct AsciiLower {
    bytes: [u8; AsciiLower::LONGEST],
    len: usize,
}

impl AsciiLower {
    /// The longest text folded.
    pub const LONGEST: usize = 32;

    /// The lower case of `bytes`; `None` for longer text or text beyond ASCII.
    pub fn new(bytes: &[u8]) -> Option<AsciiLower> {
        if bytes.len() > Self::LONGEST || !bytes.is_ascii() {
            return None;
        }
        let mut lower = AsciiLower {
            bytes: [0; Self::LONGEST],
            len: bytes.len(),
        };
        lower.bytes[..bytes.len()].copy_from_slice(bytes);
        lower.bytes.make_ascii_lowercase();
        Some(lower)
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        // ASCII in, ASCII out: always UTF-8.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

/// English function words that carry no content for matching.
pub fn is_stop_word(w: &str) -> bool {
    static STOP: WordSet = WordSet::new(&[
        "a",
        "about",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "even",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "much",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "i'm",
        "it's",
        "he's",
        "she's",
        "we're",
        "they're",
        "i've",
        "we've",
        "i'll",
        "we'll",
        "don't",
        "didn't",
        "doesn't",
        "isn't",
        "wasn't",
        "can't",
        "won't",
        "that's",
        "there's",
        "said",
        "says",
        "say",
        "mr",
        "mrs",
        "ms",
        "mr.",
        "mrs.",
        "ms.",
        "s",
        "t",
        "'s",
        "would",
        "may",
        "might",
        "must",
        "shall",
        "us",
        "yet",
        "still",
        "however",
        "according",
    ]);
    STOP.contains(w)
}

/// A fixed list of words looked up by hash: the set is made from the list on first use.
pub struct WordSet {
    list: &'static [&'static str],
    set: OnceLock<Lookup>,
}

/// A [`WordSet`]'s set, and what most words it lacks fail before they are hashed: the lengths
/// of its words and the pairs of bytes they start with.
struct Lookup {
    set: rustc_hash::FxHashSet<&'static str>,
    /// A bit for each pair of first two bytes ([`start_bit`]) some word of the set starts with.
    starts: [u64; START_BITS / 64],
    /// The shortest and longest words, in bytes.
    shortest: usize,
    longest: usize,
}

/// Bits in [`Lookup::starts`].
const START_BITS: usize = 4096;

/// The bit of [`Lookup::starts`] for a word's first two bytes (the second 0 for a word of one
/// byte): two pairs may share a bit, which only lets a word through to the hash.
fn start_bit(w: &[u8]) -> usize {
    let (a, b) = (
        usize::from(w.first().copied().unwrap_or(0)),
        usize::from(w.get(1).copied().unwrap_or(0)),
    );
    (a * 67 + b) % START_BITS
}

impl WordSet {
    /// The set of the words of `list`.
    pub const fn new(list: &'static [&'static str]) -> WordSet {
        WordSet {
            list,
            set: OnceLock::new(),
        }
    }

    /// The words, as listed.
    pub fn words(&self) -> &'static [&'static str] {
        self.list
    }

    /// Is `w` one of the words?
    pub fn contains(&self, w: &str) -> bool {
        let lookup = self.lookup();
        let bit = start_bit(w.as_bytes());
        if lookup.starts[bit / 64] >> (bit % 64) & 1 == 0
            || w.len() < lookup.shortest
            || w.len() > lookup.longest
        {
            return false;
        }
        lookup.set.contains(w)
    }

    /// The set, made on first use.
    fn lookup(&self) -> &Lookup {
        self.set.get_or_init(|| {
            let mut starts = [0u64; START_BITS / 64];
            for word in self.list {
                let bit = start_bit(word.as_bytes());
                starts[bit / 64] |= 1 << (bit % 64);
            }
            Lookup {
                set: self.list.iter().copied().collect(),
                starts,
                shortest: self.list.iter().map(|w| w.len()).min().unwrap_or(0),
                longest: self.list.iter().map(|w| w.len()).max().unwrap_or(0),
            }
        })
    }
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The Snowball stem of one folded, lower-case word ("rallied" → "ralli").
pub fn stem(word: &str) -> String {
    stemmer().stem(word).into_owned()
}

/// The content-word stems of a text: folded, lower-cased, stop words dropped, possessives
/// removed, Snowball-stemmed. Used for alignment and for the inverted index.
pub fn content_stems(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in words(s) {
        let k = key(w.text);
        let k = k
            .strip_suffix("'s")
            .or_else(|| k.strip_suffix('\''))
            .unwrap_or(&k);
        if k.is_empty() || is_stop_word(k) {
            continue;
        }
        // Split hyphenated compounds so "25-yard" shares "yard" with "12 yards".
        for part in k.split('-').filter(|p| !p.is_empty()) {
            if is_stop_word(part) {
                continue;
            }
            out.push(stemmer().stem(part).into_owned());
        }
    }
    out
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Is `w` (lower case) the full name of a month?
pub fn is_month_name(w: &str) -> bool {
    MONTHS.contains(&w)
}

/// Is `w` (lower case) a month, in full or abbreviated ("jan", "sept.")?
pub fn is_month(w: &str) -> bool {
    const SHORT: &[&str] = &[
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];
    let w = w.trim_end_matches('.');
    is_month_name(w) || SHORT.contains(&w)
}

/// Is the first letter of `w` upper-case?
pub fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_ascii_key_is_the_unicode_key(s in "([\\x00-\\x7f]|[ a`.-]|[a-z0-9]{1,6}){0,40}") {
            proptest::prop_assert_eq!(ascii_key(&s), unicode_key(&s));
            proptest::prop_assert_eq!(key_cow(&s), unicode_key(&s));
        }

        /// Texts of several words, longer than [`LONG_KEY`], in ASCII or beyond it, take the
        /// key the definition gives.
        #[test]
        fn a_long_text_key_is_the_unicode_key(s in "[ \t\"(]{0,2}([A-Za-z0-9]{1,8}[ ,.\t\n`\u{2019}\u{E9}-]{1,3}){4,12}") {
            proptest::prop_assert_eq!(key_cow(&s), unicode_key(&s));
        }

        /// Words as the scanner gives them (capitalised or not, with inner marks, beyond ASCII
        /// now and then) take the key the definition gives, through every path of `key_cow`.
        #[test]
        fn a_word_key_is_the_unicode_key(s in "[A-Za-z0-9]{0,3}([A-Za-z0-9'`.\u{2019}-]{0,4}[A-Za-z0-9\u{c9}]{0,3}|[ \t\x0b\x0c\r\n]){0,3}") {
            proptest::prop_assert_eq!(key_cow(&s), unicode_key(&s));
        }

        /// The key is the definition read naively: every character folded, white space
        /// collapsed, lower-cased, punctuation trimmed from the ends.
        #[test]
        fn the_unicode_key_is_the_naive_key(
            s in "([aZ1 \\t\\n\\x0b\\x0c\\r.,`'\"\u{2019}\u{201C}\u{2014}\u{a0}\u{2009}\u{2026}ÉßİΣ\u{212A}\u{301}\u{1D400}\u{3000}-]|[A-Za-z0-9]{1,6}){0,30}"
        ) {
            let mut naive = String::new();
            let mut space = false;
            for c in s.chars().map(fold_char) {
                if c.is_whitespace() {
                    space = true;
                    continue;
                }
                if space && !naive.is_empty() {
                    naive.push(' ');
                }
                space = false;
                naive.extend(c.to_lowercase());
            }
            let naive = naive.trim_matches(|c: char| !c.is_alphanumeric());
            proptest::prop_assert_eq!(unicode_key(&s), naive);
        }

        /// The words of a piece read off the whole text's words, when its edges allow it, are
        /// the words of the piece.
        #[test]
        fn words_within_a_piece_are_the_pieces_words(
            t in "([aB1 .,:/'$£€%\u{2019}\u{e9}\u{301}\u{663}\u{201C}\u{201D}\"-]|[a-z]{1,4}|[0-9]{1,3}){0,24}",
            x in 0usize..64,
            y in 0usize..64,
        ) {
            let (x, y) = (x.min(t.len()), y.min(t.len()));
            let (start, end) = (x.min(y), x.max(y));
            let ws = words(&t);
            if let Some(got) = words_within(&t, &ws, start..end) {
                proptest::prop_assert_eq!(got, words(&t[start..end]));
            }
        }

        /// Words read from the bytes of an ASCII text are the words read from its decoded
        /// characters.
        #[test]
        fn ascii_words_are_the_decoded_words(s in "([\\x20-\\x7f]|[a1.,:/'$%-]){0,40}") {
            let chars: Vec<(usize, char)> = s.char_indices().collect();
            let decoded = scan_words(&s, chars.len(), |j| chars[j]);
            proptest::prop_assert_eq!(words(&s), decoded);
        }

        /// The same, over a few letters, digits and marks, so that every joining rule is met
        /// often ("U.S.", "2,000", "25-yard", "$5", "rock'n'roll", "24/7").
        #[test]
        fn ascii_words_are_the_decoded_words_for_marks(s in "[aZ19 .,:/'`$%-]{0,30}") {
            let chars: Vec<(usize, char)> = s.char_indices().collect();
            let decoded = scan_words(&s, chars.len(), |j| chars[j]);
            proptest::prop_assert_eq!(words(&s), decoded);
        }

        /// `word_count` and `has_word` say what the list of words says.
        #[test]
        fn words_are_counted_and_found_as_listed(
            s in "[aZ19 .,:/'`$%\\-\u{2019}£€é\u{301}\u{663}\u{1D400}\u{a0}]{0,30}"
        ) {
            let listed = words(&s);
            proptest::prop_assert_eq!(word_count(&s), listed.len());
            proptest::prop_assert_eq!(has_word(&s), !listed.is_empty());
        }

        /// The same with characters of two to four bytes among them: typographic apostrophes
        /// and hyphens, currency signs, accented and combining letters, a digit and a letter
        /// outside ASCII, and one outside the Basic Multilingual Plane.
        #[test]
        fn words_are_the_decoded_words_beyond_ascii(
            s in "[aZ19 .,:/'`$%\\-\u{2019}\u{2018}\u{2010}\u{2011}£€é\u{301}Ü\u{663}\u{1D400}\u{a0}]{0,30}"
        ) {
            let chars: Vec<(usize, char)> = s.char_indices().collect();
            let decoded = scan_words(&s, chars.len(), |j| chars[j]);
            proptest::prop_assert_eq!(words(&s), decoded);
        }
    }

    proptest::proptest! {
        /// Whatever the word, a set holds it exactly when its list does (the filter on the
        /// first two bytes turns away only words it lacks).
        #[test]
        fn a_word_set_answers_as_its_list(w in "[a-zA-Z\u{e9}]{0,4}|he|said|the|twenty") {
            static SET: WordSet = WordSet::new(&["he", "said", "Über", "twenty", "a", "ab"]);
            proptest::prop_assert_eq!(SET.contains(&w), SET.words().contains(&w.as_str()));
        }
    }

    #[test]
    fn a_word_set_holds_its_words_and_no_other() {
        static SET: WordSet = WordSet::new(&["he", "said", "Über", "twenty"]);
        for w in SET.words() {
            assert!(SET.contains(w), "{w}");
        }
        for w in [
            "",
            "h",
            "s",
            "sai",
            "saids",
            "twentyone",
            "über",
            "she",
            "x",
            "hé",
        ] {
            assert!(!SET.contains(w), "{w}");
        }
        static EMPTY: WordSet = WordSet::new(&[]);
        assert!(!EMPTY.contains("") && !EMPTY.contains("a"));
    }

    fn check_words(input: &str, expected: &[&str]) {
        let got: Vec<&str> = words(input).iter().map(|w| w.text).collect();
        assert_eq!(got, expected, "words of {input:?}");
    }

    #[test]
    fn words_keep_inner_marks() {
        check_words(
            "England’s 29-year-old hit 2,000 in the U.S. today.",
            &[
                "England’s",
                "29-year-old",
                "hit",
                "2,000",
                "in",
                "the",
                "U.S.",
                "today",
            ],
        );
        check_words("\"Why?\" he asked", &["Why", "he", "asked"]);
        check_words("$2.5 billion, 4.4%", &["$2.5", "billion", "4.4%"]);
    }

    #[test]
    fn words_within_need_clean_edges() {
        let t = "He said U.S. troops, 2,000 of them, left";
        let ws = words(t);
        let texts = |r: std::ops::Range<usize>| {
            words_within(t, &ws, r).map(|w| w.iter().map(|w| w.text).collect::<Vec<_>>())
        };
        assert_eq!(texts(0..7), Some(vec!["He", "said"]));
        // "U.S" with "." after it: the word "U.S." goes on past the piece.
        assert_eq!(texts(8..11), None);
        assert_eq!(texts(8..19), Some(vec!["U.S.", "troops"]));
        // A piece after no white space, or cutting "2,000".
        assert_eq!(texts(9..19), None);
        assert_eq!(texts(21..22), None);
        assert_eq!(texts(21..26), Some(vec!["2,000"]));
    }

    #[test]
    fn key_ignores_typography() {
        assert_eq!(key("“I can’t — do it,”"), key("\"i can't - do it,\""));
        assert_eq!(key("  A   b "), "a b");
    }

    #[test]
    fn stems_share_plural_and_compound_parts() {
        let a = content_stems("a 25-yard strike");
        let b = content_stems("from 12 yards");
        assert!(a.contains(&"yard".to_string()), "{a:?}");
        assert!(b.contains(&"yard".to_string()), "{b:?}");
    }

    #[test]
    fn accents_are_stripped() {
        assert_eq!(strip_accents("Léger"), "Leger");
    }
}
