//! Numbers: every number in a claim, with its kind (score, minute, age, distance, count, year,
//! money, percent, time, date, ordinal, weekday, fraction, rank), its value and its role (the
//! thing it counts or measures), so that checks compare like with like. A day of the week is read as a number
//! too, as a date is: "on Saturday" and "on Sunday" in one sentence otherwise the same are a
//! conflict.
//!
//! Digits and number words are both read ("six goals" and "6 goals" have one value); number
//! words go through text2num, and "twice", "a pair of", "a dozen" are handled here.

use std::ops::Range;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::Serialize;
use text2num::{Language, text2digits};

use crate::text::{self, Word};

/// What a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum NumberKind {
    /// A match score or vote tally: 2-1.
    Score,
    /// A minute of a match: the 84th minute.
    Minute,
    /// An age: 29-year-old, aged 68, "Mattis, 68,".
    Age,
    /// A distance: 25-yard, 12 yards.
    Distance,
    /// A count of things: 53, six goals, twice.
    Count,
    /// A year: 2018.
    Year,
    /// An amount of money: $2.5 billion.
    Money,
    /// A percentage: 4.4%, 10 percent.
    Percent,
    /// A time of day: 10:30, 3 p.m.
    Time,
    /// A day of a month: January 1, 28 February.
    Date,
    /// A rank or order: second, 3rd.
    Ordinal,
    /// A day of the week: Saturday (its value 1 for Monday to 7 for Sunday, as in ISO 8601).
    Weekday,
    /// A fraction of a whole: half of, a third of, two-thirds (its value 0.5, 0.333…, 0.666…).
    Fraction,
    /// A rank written with "No.": the No. 2 Democrat, the No. 1 pick.
    Rank,
}

/// The value of a number: one number, or a pair for scores.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Value {
    /// A whole number.
    Int(i64),
    /// A number with a fraction.
    Float(f64),
    /// A score or tally, as written: [2, 1].
    Pair([i64; 2]),
}

impl Value {
    fn from_f64(v: f64) -> Value {
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            Value::Int(v as i64)
        } else {
            Value::Float(v)
        }
    }

    /// Whether two values are the same number (scores in either order are not the same).
    pub fn same(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Pair(a), Value::Pair(b)) => a == b,
            (Value::Pair(_), _) | (_, Value::Pair(_)) => false,
            (a, b) => (a.as_f64() - b.as_f64()).abs() < 1e-9 * a.as_f64().abs().max(1.0),
        }
    }

    fn as_f64(&self) -> f64 {
        match *self {
            Value::Int(i) => i as f64,
            Value::Float(f) => f,
            Value::Pair([a, b]) => (a * 1000 + b) as f64,
        }
    }
}

/// One number found in a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// The number as written, with its unit when it has one ("84th minute", "six goals").
    pub text: String,
    /// Its value.
    pub value: Value,
    /// What kind of number it is.
    pub kind: NumberKind,
    /// The stem of the thing counted or measured ("goal", "yard", "minute"), or empty.
    pub role: String,
    /// Byte range of the number in the text it was found in.
    pub range: Range<usize>,
    /// Whether the text gives it as exact or as a bound ("more than 5,000", "about 2,000").
    pub bound: Bound,
}

/// How exactly a number is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bound {
    /// As it is.
    Exact,
    /// Roughly: "about", "around", "roughly", "some", "an estimated".
    About,
    /// A floor: "more than", "over", "at least".
    AtLeast,
    /// A ceiling: "less than", "under", "up to", "nearly", "almost".
    AtMost,
}

impl Bound {
    /// Reads the words just before a number.
    fn before(s: &str, start: usize) -> Bound {
        let words: Vec<String> = last_words(&s[..start], 2)
            .iter()
            .rev()
            .take(2)
            .map(|w| text::key(w.text))
            .collect();
        let last = words.first().map_or("", String::as_str);
        let two = match words.get(1) {
            Some(p) => format!("{p} {last}"),
            None => String::new(),
        };
        match (two.as_str(), last) {
            ("more than" | "at least" | "upwards of" | "greater than", _)
            | (_, "over" | "exceeding") => Bound::AtLeast,
            ("less than" | "fewer than" | "up to", _)
            | (_, "under" | "nearly" | "almost" | "below") => Bound::AtMost,
            ("an estimated", _)
            | (
                _,
                "about" | "around" | "roughly" | "approximately" | "some" | "estimated" | "circa",
            ) => Bound::About,
            _ => Bound::Exact,
        }
    }

    /// Can a number given as `a` (with this bound) and one given as `b` (with `other`) both be
    /// true?
    pub fn compatible(self, a: f64, other: Bound, b: f64) -> bool {
        let fits = |bound: Bound, said: f64, actual: f64| match bound {
            Bound::Exact => (said - actual).abs() <= 1e-9 * said.abs().max(1.0),
            Bound::About => (said - actual).abs() <= 0.15 * said.abs().max(1.0),
            Bound::AtLeast => actual >= said,
            Bound::AtMost => actual <= said,
        };
        match (self, other) {
            (Bound::Exact, _) => fits(other, b, a),
            (_, Bound::Exact) => fits(self, a, b),
            // Two bounds: compatible unless they exclude each other.
            (Bound::AtLeast, Bound::AtMost) => a <= b,
            (Bound::AtMost, Bound::AtLeast) => b <= a,
            _ => fits(self, a, b) || fits(other, b, a),
        }
    }
}

static DISTANCE_UNITS: crate::text::WordSet = crate::text::WordSet::new(&[
    "yard",
    "yards",
    "metre",
    "metres",
    "meter",
    "meters",
    "mile",
    "miles",
    "foot",
    "feet",
    "km",
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
    "inch",
    "inches",
    "m",
]);
const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("m", 1e6),
    ("bn", 1e9),
    ("k", 1e3),
];

static NUMBER_WORDS: crate::text::WordSet = crate::text::WordSet::new(&[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
]);

fn english() -> &'static Language {
    static EN: OnceLock<Language> = OnceLock::new();
    EN.get_or_init(Language::english)
}

/// Writes numbers in digits in a list of folded, lower-case words: each longest run of number
/// words becomes its value ("twenty", "four" → "24"; "two", "hundred" → "200"), and commas
/// leave digit groups ("25,000" → "25000"), so that "24 hours" and "twenty-four hours" read the
/// same.
pub fn digits_for_words(words: Vec<String>) -> Vec<String> {
    digits_for_words_traced(words).0
}

/// [`digits_for_words`], with, for each word of the result, the run of `words` it was read
/// from (one word, or the number words of one number).
pub(crate) fn digits_for_words_traced(
    words: Vec<String>,
) -> (Vec<String>, Vec<std::ops::Range<usize>>) {
    // Most quotes have no number word: their words are kept as they are.
    if !words
        .iter()
        .any(|w| NUMBER_WORDS.contains(w.as_str()) || w.contains(','))
    {
        let from = (0..words.len()).map(|i| i..i + 1).collect();
        return (words, from);
    }
    let mut out = Vec::with_capacity(words.len());
    let mut from = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let mut best: Option<(usize, String)> = None;
        let mut phrase = String::new();
        for (j, w) in words.iter().enumerate().skip(i).take(8) {
            if !(NUMBER_WORDS.contains(w.as_str()) || (j > i && w == "and")) {
                break;
            }
            if !phrase.is_empty() {
                phrase.push(' ');
            }
            phrase.push_str(w);
            if let Ok(d) = text2digits(&phrase, english())
                && d.chars().all(|c| c.is_ascii_digit())
            {
                best = Some((j, d));
            }
        }
        match best {
            Some((j, d)) => {
                out.push(d);
                from.push(i..j + 1);
                i = j + 1;
            }
            None => {
                let w = &words[i];
                if w.chars().all(|c| c.is_ascii_digit() || c == ',') && w.contains(',') {
                    out.push(w.replace(',', ""));
                } else {
                    out.push(w.clone());
                }
                from.push(i..i + 1);
                i += 1;
            }
        }
    }
    (out, from)
}

/// Finds the numbers in `s`.
pub fn find(s: &str) -> Vec<Number> {
    if !may_hold_a_number(s) {
        return Vec::new();
    }
    find_in_words(s)
}

/// [`find`], given a way to the words of `s` ([`text::words`] of it, or `None` to have them
/// cut here), which is taken only when `s` may hold a number.
pub(crate) fn find_cut<'a>(
    s: &'a str,
    words: impl FnOnce() -> Option<Vec<Word<'a>>>,
) -> Vec<Number> {
    if !may_hold_a_number(s) {
        return Vec::new();
    }
    let ws = words().unwrap_or_else(|| text::words(s));
    debug_assert_eq!(ws, text::words(s));
    numbers_in(s, &ws)
}

/// [`find`], reading every word.
fn find_in_words(s: &str) -> Vec<Number> {
    numbers_in(s, &text::words(s))
}

/// The numbers in `s`, whose words are `ws`.
fn numbers_in(s: &str, ws: &[Word<'_>]) -> Vec<Number> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let consumed = number_at(s, ws, i, &mut out);
        i += consumed.max(1);
    }
    out
}

/// The words of `s` ([`text::words`]) from some point on that leaves at least `n` of them (or
/// all), so that the end of a long text is read without cutting all of it. The text is cut at
/// a white space character, which the cut keeps: no word holds or joins across white space, and
/// the one character a word's reading looks back at is then that white space, so the words after
/// the cut are those of the whole text.
fn last_words(s: &str, n: usize) -> Vec<Word<'_>> {
    /// Bytes read back at first, and again each time too few words are found.
    const STEP: usize = 64;
    let mut from = s.len();
    loop {
        let mut target = from.saturating_sub(STEP);
        while !s.is_char_boundary(target) {
            target -= 1;
        }
        let cut = s[..target].rfind(char::is_whitespace).unwrap_or(0);
        let words = text::words(&s[cut..]);
        if words.len() >= n || cut == 0 {
            return words;
        }
        from = cut;
    }
}

fn lower(w: &Word<'_>) -> String {
    text::key(w.text)
}

/// The role of a number: the stem of the next content word in lower case, looking past one
/// capitalised or hyphenated adjective ("2,000 American troops" → "troop"). Only within the
/// phrase: no role across punctuation other than quotation marks ("Mattis, 68, stared" and
/// "won 134 to 63, Mr. Ryan" have none).
fn role_after(s: &str, ws: &[Word<'_>], next: usize) -> String {
    for (at, w) in ws.iter().enumerate().skip(next).take(2) {
        // White space and quotation marks keep a phrase ("60 “yea” votes").
        let spaced = at.checked_sub(1).is_none_or(|p| {
            s[ws[p].end..w.start]
                .chars()
                .all(|c| c.is_whitespace() || text::is_double_quote(c) || "'‘’".contains(c))
        });
        if !spaced {
            return String::new();
        }
        let k = lower(w);
        if text::is_stop_word(&k) || k.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            return String::new();
        }
        if text::is_capitalised(w.text) {
            continue;
        }
        return text::content_stems(&k).pop().unwrap_or_default();
    }
    String::new()
}

fn parse_digits(t: &str) -> Option<f64> {
    let t: String = t.chars().filter(|c| *c != ',').collect();
    t.parse::<f64>().ok()
}

fn push(
    out: &mut Vec<Number>,
    s: &str,
    range: Range<usize>,
    value: Value,
    kind: NumberKind,
    role: String,
) {
    out.push(Number {
        text: s[range.clone()].to_string(),
        bound: Bound::before(s, range.start),
        value,
        kind,
        role,
        range,
    });
}

/// Whether an ASCII word that starts with a letter surely starts no number: the letters it
/// starts with, in lower case, are no number word (nor "twice", "dozen" or "pair"). A word
/// that starts one has, before its first hyphen, only such a word; so this decides without
/// folding the word (the case of most words of a text).
fn surely_no_number_word(t: &str) -> bool {
    let letters = t.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || !t.is_ascii() {
        return false;
    }
    !is_number_word(&t.as_bytes()[..letters])
}

/// Whether ASCII letters, in either case, are a number word ([`NUMBER_WORDS`],
/// [`OTHER_NUMBER_WORDS`]).
fn is_number_word(letters: &[u8]) -> bool {
    /// Longer than any number word.
    const LONGEST: usize = 16;
    /// As short as any number word ("one", "six").
    const SHORTEST: usize = 3;
    if !(SHORTEST..=LONGEST).contains(&letters.len()) {
        return false;
    }
    // Most words are turned away by their first three letters, before any folding: "the",
    // "and" and "said" start no number word ("three", "six" do); "for" gets past ("forty")
    // and fails the look-up below.
    if !starts_a_number_word([letters[0], letters[1], letters[2]]) {
        return false;
    }
    let Some(lower) = text::AsciiLower::new(letters) else {
        return false;
    };
    let head = lower.as_str();
    NUMBER_WORDS.contains(head) || OTHER_NUMBER_WORDS.contains(&head)
}

/// Whether only white space stands between two words of `s`, `x` before `y`.
fn adjacent(s: &str, x: &Word<'_>, y: &Word<'_>) -> bool {
    s[x.end..y.start].trim().is_empty()
}

/// The days of the week, Monday first (a day's value is its place here, plus one).
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Whether ASCII letters may be the name of a day of the week, in any case: a cheap test
/// for [`may_hold_a_number`].
fn may_be_weekday(letters: &[u8]) -> bool {
    (6..=9).contains(&letters.len())
        && letters[letters.len() - 3..].eq_ignore_ascii_case(b"day")
        && WEEKDAYS
            .iter()
            .any(|d| d.as_bytes().eq_ignore_ascii_case(letters))
}

/// A day of the week named in a text.
struct Weekday {
    /// 1 for Monday to 7 for Sunday.
    value: i64,
    /// The length of its name in bytes, without a possessive ending.
    len: usize,
}

/// Words that make a day of the week part of a name when they come right before it ("Super
/// Tuesday", "Good Friday", "Black Friday", "Ash Wednesday", "Fox News Sunday"), in lower case.
const NAMED_DAY_BEFORE: [&str; 16] = [
    "ash", "black", "bloody", "blue", "cyber", "easter", "fat", "giving", "good", "holy", "maundy",
    "news", "palm", "shrove", "super", "whit",
];

/// Words that make a day of the week part of a name when they come right after it, capitalised
/// ("the Sunday Times", "the Sunday Telegraph"), in lower case.
const NAMED_DAY_AFTER: [&str; 7] = [
    "express",
    "herald",
    "mail",
    "mirror",
    "post",
    "telegraph",
    "times",
];

/// The day of the week named at word `i` (a possessive ending is left out: "Saturday's
/// match"). Only the name of one day with a capital, in any case after it ("Monday",
/// "MONDAY'S": two sources that set a sentence in other capitals read the same numbers in
/// it); not a plural ("on Sundays", a habit, not a day), and not a day that is part of a name
/// ([`NAMED_DAY_BEFORE`], [`NAMED_DAY_AFTER`], "Saturday Night Live"). A day with its part of
/// the day written on is read ("Friday-night"). A day after another capitalised word is a day
/// ("the Senate Thursday", "told CNN Sunday", "Earlier Friday"), as news writing puts it.
fn weekday_at(s: &str, ws: &[Word<'_>], i: usize) -> Option<Weekday> {
    let t = ws[i].text;
    // Most words go at once: a day's name has 6 bytes or more and a capital.
    if t.len() < 6 || !t.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    // "Friday-night", "Sunday-morning": the day, with a part of it.
    let t = match t.split_once('-') {
        Some((day, part)) if PARTS_OF_A_DAY.iter().any(|p| p.eq_ignore_ascii_case(part)) => day,
        Some(_) => return None,
        None => t,
    };
    // A day's name, possessive or not ("Wednesday’s"), has 6 to 13 bytes.
    if t.len() > 13 {
        return None;
    }
    let name = ["'s", "'S", "\u{2019}s", "\u{2019}S"]
        .iter()
        .find_map(|p| t.strip_suffix(p))
        .unwrap_or(t);
    let value = WEEKDAYS
        .iter()
        .position(|d| d.as_bytes().eq_ignore_ascii_case(name.as_bytes()))?;
    // The word right before or after, in lower case, when only white space separates them.
    let beside = |j: usize| -> Option<String> {
        let w = ws.get(j)?;
        let (x, y) = if j < i { (w, &ws[i]) } else { (&ws[i], w) };
        (adjacent(s, x, y) && text::is_capitalised(w.text)).then(|| text::key(w.text))
    };
    // "Saturday Night Live", "Monday Night Football": a title, where a day written with its
    // night in a sentence has it in lower case and no name after (so "On Sunday Night Kane
    // slept", capitalised so and without a comma, loses its day).
    let titled_night = || {
        beside(i + 1).is_some_and(|w| w == "night")
            && ws.get(i + 2).is_some_and(|w| {
                adjacent(s, &ws[i + 1], w)
                    && text::is_capitalised(w.text)
                    && !text::is_stop_word(&text::key(w.text))
            })
    };
    let named = i
        .checked_sub(1)
        .and_then(beside)
        .is_some_and(|w| NAMED_DAY_BEFORE.contains(&w.as_str()))
        || beside(i + 1).is_some_and(|w| NAMED_DAY_AFTER.contains(&w.as_str()))
        || titled_night();
    (!named).then_some(Weekday {
        value: value as i64 + 1,
        len: name.len(),
    })
}

/// The parts of a day written onto its name with a hyphen ("Friday-night").
const PARTS_OF_A_DAY: [&str; 4] = ["night", "morning", "afternoon", "evening"];

/// Whether `s` may hold a number; when not, [`find`] finds none without cutting it into words.
/// Only a word that starts with a digit, a currency sign or a number word starts a number, or
/// names a day of the week ([`may_be_weekday`]; [`surely_no_number_word`],
/// [`may_start_number`]; the number word is the first piece of the word's key cut at hyphens).
/// A word starts after a character that is no letter or digit, and a typographic mark (curly
/// quotes and apostrophes, dashes, odd spaces, the ellipsis: what [`text::fold_char`] turns
/// into ASCII) folds in the key into ASCII that is neither, one character for one. So in a
/// text whose characters are ASCII or such marks, without digits or "$", a number word that
/// starts a word is a whole run of ASCII letters: such a text is passed over when no run of
/// letters is a number word or a day's name. Any other character (an accented letter, "£")
/// may start or hide one, and the text is read in full.
fn may_hold_a_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c.is_ascii_alphabetic() {
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
            }
            if is_number_word(&b[start..i]) || may_be_weekday(&b[start..i]) {
                return true;
            }
        } else if c.is_ascii_digit() || c == b'$' {
            return true;
        } else if c.is_ascii() {
            i += 1;
        } else {
            let Some(m) = s[i..].chars().next() else {
                return true;
            };
            if text::fold_char(m) == m {
                return true;
            }
            i += m.len_utf8();
        }
    }
    false
}

/// Words that stand for a number without being number words of [`NUMBER_WORDS`]: "twice", "a
/// dozen", "a pair of", and the fractions that are no ordinal ("half", "a quarter of").
const OTHER_NUMBER_WORDS: [&str; 5] = ["twice", "dozen", "pair", "half", "quarter"];

/// Whether some number word ([`NUMBER_WORDS`], [`OTHER_NUMBER_WORDS`]) starts with these three
/// ASCII letters, in either case: a bit for each of the 26 × 26 × 26 beginnings, made on first
/// use.
fn starts_a_number_word(first: [u8; 3]) -> bool {
    const BEGINNINGS: usize = 26 * 26 * 26;
    static TABLE: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let index = |b: [u8; 3]| -> Option<usize> {
        b.iter().try_fold(0, |at, c| {
            let c = c.to_ascii_lowercase();
            c.is_ascii_lowercase()
                .then(|| at * 26 + usize::from(c - b'a'))
        })
    };
    let table = TABLE.get_or_init(|| {
        let mut bits = vec![0u64; BEGINNINGS.div_ceil(64)];
        let words = NUMBER_WORDS.words().iter().chain(&OTHER_NUMBER_WORDS);
        for w in words.filter_map(|w| w.as_bytes().first_chunk::<3>()) {
            if let Some(i) = index(*w) {
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        bits
    });
    index(first).is_some_and(|i| table[i / 64] >> (i % 64) & 1 == 1)
}

/// Whether a word (as written, and its key) may start a number. Most words start none: only a
/// currency sign, a digit or a number word (alone or heading a hyphenated word) can, so the
/// rest go before their neighbours are looked at.
fn may_start_number(t: &str, k: &str) -> bool {
    let first = t.chars().next().unwrap_or(' ');
    let head = k.split('-').next().unwrap_or("");
    is_currency_sign(first)
        || first.is_ascii_digit()
        || OTHER_NUMBER_WORDS.contains(&head)
        || NUMBER_WORDS.contains(head)
}

/// Whether `c` is a currency sign a money amount starts with ("$2.5m", "£3bn", "€5,000").
pub(crate) fn is_currency_sign(c: char) -> bool {
    matches!(c, '$' | '£' | '€')
}

/// The currency a word after an amount names ("5,000 euros", "5.7 billion dollars"), by the
/// name [`currency`] gives it. Not "pounds", which as often weigh ("a 215-pound man", "215
/// pounds"), nor "won", a verb far more often than Korea's currency.
fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" => "dollar",
        "euro" | "euros" => "euro",
        "yen" => "yen",
        "yuan" | "renminbi" => "yuan",
        "rupee" | "rupees" => "rupee",
        "peso" | "pesos" => "peso",
        "rouble" | "roubles" | "ruble" | "rubles" => "rouble",
        "franc" | "francs" => "franc",
        _ => return None,
    })
}

/// The currency an amount of money is given in, when its text names one: by its sign ("$",
/// "£", "€") or by a word after it ("5,000 euros"); one name for both ("$" and "dollars" are
/// "dollar").
pub(crate) fn currency(n: &Number) -> Option<&'static str> {
    if n.kind != NumberKind::Money {
        return None;
    }
    match n.text.chars().next()? {
        '$' => Some("dollar"),
        '£' => Some("pound"),
        '€' => Some("euro"),
        _ => currency_word(&text::key(n.text.rsplit(' ').next()?)),
    }
}

/// Reads a number starting at word `i`; returns how many words it used (0 if none).
fn number_at(s: &str, ws: &[Word<'_>], i: usize, out: &mut Vec<Number>) -> usize {
    let w = &ws[i];
    let t = w.text;
    if let Some(day) = weekday_at(s, ws, i) {
        let end = w.start + day.len;
        push(
            out,
            s,
            w.start..end,
            Value::Int(day.value),
            NumberKind::Weekday,
            "weekday".into(),
        );
        return 1;
    }
    if surely_no_number_word(t) {
        return 0;
    }
    // Borrowed when the word is its own key: most words that get this far start no number.
    let k = text::key_cow(t);
    let first = t.chars().next().unwrap_or(' ');
    if !may_start_number(t, &k) {
        return 0;
    }
    let next = ws.get(i + 1).map(lower).unwrap_or_default();
    let prev = if i > 0 {
        lower(&ws[i - 1])
    } else {
        String::new()
    };

    if is_currency_sign(first) {
        // "$2.5m", "£3bn": a scale written onto the number.
        let amount = &t[first.len_utf8()..];
        let digits_end = amount
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(amount.len());
        let (digits, suffix) = amount.split_at(digits_end);
        let Some(mut v) = parse_digits(digits) else {
            return 1;
        };
        if !suffix.is_empty() {
            match SCALES.iter().find(|(n, _)| n.eq_ignore_ascii_case(suffix)) {
                Some((_, m)) => v *= m,
                None => return 1,
            }
        }
        let mut end = w.end;
        let mut used = 1;
        if let Some((_, m)) = SCALES.iter().find(|(n, _)| *n == next) {
            v *= m;
            end = ws[i + 1].end;
            used = 2;
        }
        push(
            out,
            s,
            w.start..end,
            Value::from_f64(v),
            NumberKind::Money,
            "money".into(),
        );
        return used;
    }
    if first.is_ascii_digit() {
        return digits_at(s, ws, i, &k, &next, &prev, out);
    }
    if text::is_capitalised(t) && i > 0 {
        return 0; // "Three Lions": part of a name
    }
    if let Some(used) = fraction_at(s, ws, i, &k, &prev, &next, out) {
        return used;
    }
    match k.as_ref() {
        // "Twice" is two times, whatever follows ("scored twice", "twice the size"): its role
        // is that of "three times".
        "twice" => {
            push(
                out,
                s,
                w.start..w.end,
                Value::Int(2),
                NumberKind::Count,
                "time".into(),
            );
            return 1;
        }
        "dozen" if prev == "a" => {
            let r = ws[i - 1].start..w.end;
            push(
                out,
                s,
                r,
                Value::Int(12),
                NumberKind::Count,
                role_after(s, ws, i + 1),
            );
            return 1;
        }
        "pair" if prev == "a" && next == "of" => {
            let r = ws[i - 1].start..ws[i + 1].end;
            push(
                out,
                s,
                r,
                Value::Int(2),
                NumberKind::Count,
                role_after(s, ws, i + 2),
            );
            return 2;
        }
        _ => {}
    }
    // Hyphenated word numbers with a unit: "four-star", "three-year".
    let head = k.split('-').next().unwrap_or("");
    if !NUMBER_WORDS.contains(head) {
        return 0;
    }
    if k.contains('-') && !NUMBER_WORDS.words().iter().any(|n| k.ends_with(n)) {
        if let Ok(d) = text2digits(head, english())
            && let Some(v) = parse_digits(&d)
        {
            let unit = k[head.len() + 1..]
                .split('-')
                .next()
                .unwrap_or("")
                .to_string();
            let kind = if k.ends_with("year-old") {
                NumberKind::Age
            } else if DISTANCE_UNITS.contains(unit.as_str()) {
                NumberKind::Distance
            } else {
                NumberKind::Count
            };
            let role = if kind == NumberKind::Age {
                "age".to_string()
            } else {
                text::content_stems(&unit).pop().unwrap_or_default()
            };
            push(out, s, w.start..w.end, Value::from_f64(v), kind, role);
        }
        return 1;
    }
    // The longest run of number words text2num accepts.
    let mut best: Option<(usize, String)> = None;
    let mut phrase = String::new();
    for (j, wj) in ws.iter().enumerate().take((i + 5).min(ws.len())).skip(i) {
        let kj = lower(wj);
        let is_num = kj.split('-').all(|p| NUMBER_WORDS.contains(p)) || (j > i && kj == "and");
        if !is_num || (j > i && text::is_capitalised(wj.text)) {
            break;
        }
        if !phrase.is_empty() {
            phrase.push(' ');
        }
        phrase.push_str(&kj);
        if let Ok(d) = text2digits(&phrase, english()) {
            best = Some((j, d));
        }
    }
    let Some((j, digits)) = best else {
        return 0;
    };
    let after = lower_at(ws, j + 1);
    // "one" is a number only before a thing counted ("one penalty"), not in "one of", "the one".
    if phrase == "one"
        && (after == "of" || prev == "the" || prev == "no" || role_after(s, ws, j + 1).is_empty())
    {
        return 1;
    }
    let ordinal = digits.ends_with(|c: char| c.is_alphabetic());
    let num: String = digits
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let Some(v) = parse_digits(&num) else {
        return j - i + 1;
    };
    let mut role = role_after(s, ws, j + 1);
    let mut end = ws[j].end;
    // "two dozen protesters": twenty-four of them.
    let (v, j, after) = if !ordinal && after == "dozen" {
        end = ws[j + 1].end;
        role = role_after(s, ws, j + 2);
        (v * 12.0, j + 1, lower_at(ws, j + 2))
    } else {
        (v, j, after)
    };
    let kind = if ordinal {
        if role == "minut" {
            NumberKind::Minute
        } else {
            NumberKind::Ordinal
        }
    } else if DISTANCE_UNITS.contains(after.as_str()) {
        NumberKind::Distance
    } else if let Some(percent_end) = percent_words(ws, j + 1) {
        role = "percent".into();
        end = percent_end;
        NumberKind::Percent
    } else if currency_word(&after).is_some() {
        role = "money".into();
        end = ws[j + 1].end;
        NumberKind::Money
    } else {
        NumberKind::Count
    };
    push(out, s, w.start..end, Value::from_f64(v), kind, role);
    j - i + 1
}

/// The fractions written in words: each denominator, singular (the plural adds an "s", but
/// "halves").
const DENOMINATORS: [(&str, i64); 14] = [
    ("half", 2),
    ("third", 3),
    ("quarter", 4),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("hundredth", 100),
    ("thousandth", 1000),
];

/// The denominator a word names, and whether it is plural ("thirds", "halves").
fn denominator(w: &str) -> Option<(i64, bool)> {
    DENOMINATORS.iter().find_map(|&(d, v)| {
        if w == d {
            Some((v, false))
        } else if w == "halves" && d == "half" || w.strip_suffix('s') == Some(d) && d != "half" {
            Some((v, true))
        } else {
            None
        }
    })
}

/// The numerator a word names: "a", "an" and "one" are 1, "two" to "twelve" their value (the
/// first twelve of [`NUMBER_WORDS`]).
fn numerator(w: &str) -> Option<i64> {
    match w {
        "a" | "an" => Some(1),
        _ => NUMBER_WORDS.words()[..12]
            .iter()
            .position(|n| *n == w)
            .map(|i| i as i64 + 1),
    }
}

/// The value of a scale word after a fraction ("half a million", "a quarter billion"), and of
/// "dozen" after a half ("half a dozen").
fn scale_of(w: &str, dozen: bool) -> Option<f64> {
    match w {
        "dozen" if dozen => Some(12.0),
        _ => SCALES[..4].iter().find(|(n, _)| *n == w).map(|x| x.1),
    }
}

/// Words before "half" that make it a part of something rather than a fraction of it ("the
/// second half of the match", "the other half").
const HALF_OF_A_WHOLE: [&str; 9] = [
    "first", "second", "other", "the", "this", "that", "each", "latter", "former",
];

/// Words after "half" that begin what it is half of ("half the country", "half his salary").
const HALF_OF_WHAT: [&str; 14] = [
    "of", "the", "his", "her", "its", "their", "our", "my", "your", "all", "this", "that", "these",
    "those",
];

/// Words before a fraction that bound it ("more than half", "nearly a quarter"). Before "half",
/// a fraction whatever follows but a unit's half ("about half an hour", "around half past
/// ten"); before "a third", "a quarter", see [`bounded_at_end`].
const FRACTION_BOUNDS: [&str; 6] = ["than", "nearly", "almost", "about", "roughly", "around"];

/// A fraction written in words at word `i` (key `k`, the words beside it `prev` and `next`),
/// pushed to `out`; returns how many words from `i` it took, or `None` when there is none
/// (the word is then read as any other). Read: "two-thirds" and "one-third" (a fraction
/// whatever follows: "a two-thirds majority"); "two thirds of", "a third of", "one quarter
/// of" (only before "of": "a third term" is an ordinal); "half of", "half the", "more than
/// half", but not "the second half" nor "an hour and a half". Only a part of a whole ("the
/// two halves" is none). A fraction of a scale is a count: "half a million", "a half-million",
/// "a quarter of a million", "two-thirds of a billion", "half a dozen", "one and a half
/// million" (1,500,000, in place of the "one" read before); money when a currency's name
/// follows ("half a billion dollars"). A fraction's role is "fraction": like a percentage it
/// says how much of something, and is compared only between claims that are the same
/// sentence but for it.
fn fraction_at(
    s: &str,
    ws: &[Word<'_>],
    i: usize,
    k: &str,
    prev: &str,
    next: &str,
    out: &mut Vec<Number>,
) -> Option<usize> {
    // Most number words start no fraction: no denominator in them or right after them.
    let tail = k.split_once('-').map_or(k, |(_, b)| b);
    if denominator(tail).is_none()
        && !k.starts_with("half-")
        && (numerator(k).is_none() || denominator(next).is_none())
    {
        return None;
    }
    let w = &ws[i];
    let after_next = lower_at(ws, i + 2);
    let article = i
        .checked_sub(1)
        .filter(|&a| matches!(prev, "a" | "an") && adjacent(s, &ws[a], w));
    let start = article.map_or(w.start, |a| ws[a].start);
    // "a half-million", "half-a-dozen": a count in one word.
    if let Some(rest) = k.strip_prefix("half-") {
        let unit = ["a-", "an-"]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .unwrap_or(rest);
        let m = scale_of(unit, true)?;
        return Some(amount(s, ws, i, start, i, m / 2.0, out));
    }
    // The fraction: numerator, denominator, where it starts and the last of its words.
    let (n, d, first, last) = if let Some((a, b)) = k.split_once('-') {
        // "two-thirds", "one-third", "three-quarters" (a plural not checked: "two-third").
        let n = numerator(a).filter(|_| !matches!(a, "a" | "an"))?;
        let (d, _) = denominator(b)?;
        (n < d).then_some((n, d, w.start, i))?
    } else if let Some(n) = numerator(k).filter(|_| !matches!(k, "a" | "an"))
        && let Some((d, plural)) = denominator(next)
        && n < d
        && let Some(joined) = ws.get(i + 1).map(|x| &s[w.end..x.start])
        && (joined.trim().is_empty()
            && plural == (n > 1)
            && (after_next == "of" || scale_of(&after_next, false).is_some())
            || is_dash(joined))
    {
        // "two thirds of", "one quarter of"; "two–thirds" with another dash than a hyphen.
        (n, d, w.start, i + 1)
    } else {
        let (d, false) = denominator(k)? else {
            return None;
        };
        // "an hour and a half", "two and a half years": the half of a unit named before.
        let after_and = article.is_some_and(|a| a > 0 && lower(&ws[a - 1]) == "and");
        if d == 2 {
            // "half a million", "half a dozen", "a half million", "a half dozen".
            let scaled = match (article, next) {
                (None, "a" | "an") => scale_of(&after_next, true).map(|m| (m, i + 2)),
                _ => scale_of(next, true).map(|m| (m, i + 1)),
            };
            if let Some((m, last)) = scaled {
                // "one and a half million": the whole number before "and" joins it.
                if after_and
                    && let Some(whole_at) = article.and_then(|a| a.checked_sub(2))
                    && let Some(whole) = whole_number(&ws[whole_at])
                {
                    if out
                        .last()
                        .is_some_and(|x| x.range.start == ws[whole_at].start)
                    {
                        out.pop();
                    }
                    let used = amount(s, ws, i, ws[whole_at].start, last, (whole + 0.5) * m, out);
                    return Some(used);
                }
                return Some(amount(s, ws, i, start, last, m / 2.0, out));
            }
            let bounded = FRACTION_BOUNDS.contains(&prev) && !matches!(next, "a" | "an" | "past");
            if HALF_OF_A_WHOLE.contains(&prev)
                || after_and
                || !(HALF_OF_WHAT.contains(&next) || bounded)
            {
                return None;
            }
        } else if article.is_none()
            || !(next == "of"
                || scale_of(next, false).is_some()
                || bounded_at_end(s, ws, article.unwrap_or(i), i))
        {
            // "a third of" is a fraction, "a third as large" and "cut by nearly a third." too;
            // "a third term", "the third of May", "won by a third party" are not.
            return None;
        }
        (1, d, start, i)
    };
    // "a quarter million", "a quarter of a million": a count.
    let then = lower_at(ws, last + 1);
    let scaled = scale_of(&then, false).map(|m| (m, last + 1)).or_else(|| {
        (then == "of" && matches!(lower_at(ws, last + 2).as_str(), "a" | "an"))
            .then(|| scale_of(&lower_at(ws, last + 3), false).map(|m| (m, last + 3)))
            .flatten()
    });
    if let Some((m, end)) = scaled {
        return Some(amount(s, ws, i, first, end, m * n as f64 / d as f64, out));
    }
    push(
        out,
        s,
        first..ws[last].end,
        Value::from_f64(n as f64 / d as f64),
        NumberKind::Fraction,
        "fraction".into(),
    );
    Some(last - i + 1)
}

/// Snowball stems of words that change an amount by a fraction ("cut by a third", "grew by a
/// quarter", "down by a third").
const CHANGE_STEMS: [&str; 37] = [
    "boost", "climb", "cut", "declin", "decreas", "dip", "down", "drop", "expand", "fall", "fell",
    "gain", "grew", "grow", "higher", "increas", "jump", "lose", "lost", "lower", "mark", "narrow",
    "plung", "rais", "reduc", "rise", "rose", "sank", "shrank", "shrink", "sink", "slash", "soar",
    "surg", "trim", "up", "widen",
];

/// Words after "a third" that make it a fraction of something's size ("a third as much").
const AS_MUCH: [&str; 8] = [
    "much", "many", "large", "big", "likely", "long", "high", "often",
];

/// Whether the fraction word at `i`, its article at `a`, is a fraction by what is around it
/// when no "of" follows: before "as" and a word of size ("a third as much"); after "more
/// than", "less than", "fewer than"; after a bound ([`FRACTION_BOUNDS`], or "by") at the end of
/// its phrase (no word follows, or a stop word, or punctuation comes between), with "by" only
/// after a word of change ([`CHANGE_STEMS`]) up to five words back in its clause ("cut the risk
/// of death by about a third", where "followed by a third" is a third one); but not a time of
/// day ("a quarter to eight", "a quarter past six").
fn bounded_at_end(s: &str, ws: &[Word<'_>], a: usize, i: usize) -> bool {
    let at = |j: usize| ws.get(j).map(lower).unwrap_or_default();
    if at(i + 1) == "as" && AS_MUCH.contains(&at(i + 2).as_str()) {
        return true;
    }
    let Some(b) = a.checked_sub(1) else {
        return false;
    };
    let bound = at(b);
    // "more than a third agreed", but "rather than a third term".
    if bound == "than"
        && b.checked_sub(1)
            .is_some_and(|m| matches!(at(m).as_str(), "more" | "less" | "fewer"))
    {
        return true;
    }
    // "by", before the bound or as the bound: "cut by a third", "cut by nearly a third".
    let by = if bound == "by" {
        Some(b)
    } else {
        b.checked_sub(1).filter(|&y| at(y) == "by")
    };
    let changed = |y: usize| {
        (y.saturating_sub(5)..y)
            .rev()
            .take_while(|&v| adjacent(s, &ws[v], &ws[v + 1]))
            .any(|v| CHANGE_STEMS.contains(&text::stem(&at(v)).as_str()))
    };
    let bounded =
        (bound == "by" || FRACTION_BOUNDS.contains(&bound.as_str())) && by.is_none_or(changed);
    let next = at(i + 1);
    // A time of day: "a quarter to eight", "a quarter past 6".
    let clock = at(i) == "quarter"
        && matches!(next.as_str(), "to" | "past")
        && ws.get(i + 1).is_some_and(|x| adjacent(s, &ws[i], x))
        && ws.get(i + 2).is_some_and(|x| {
            let hour = x
                .text
                .parse::<u8>()
                .ok()
                .map(i64::from)
                .or(numerator(&lower(x)));
            adjacent(s, &ws[i + 1], x) && hour.is_some_and(|h| (1..=12).contains(&h))
        });
    bounded
        && !clock
        && ws
            .get(i + 1)
            .is_none_or(|x| !adjacent(s, &ws[i], x) || text::is_stop_word(&next))
}

/// Whether the characters between two words are one dash other than a hyphen-minus (an en
/// dash, a hyphen, a non-breaking hyphen, a minus sign), as in "two–thirds".
fn is_dash(between: &str) -> bool {
    matches!(between, "\u{2010}" | "\u{2011}" | "\u{2013}" | "\u{2212}")
}

/// A whole number in one word, in digits or in words ("2", "two"), as before "and a half".
fn whole_number(w: &Word<'_>) -> Option<f64> {
    let k = text::key(w.text);
    numerator(&k)
        .filter(|_| !matches!(k.as_str(), "a" | "an"))
        .map(|n| n as f64)
        .or_else(|| k.parse::<u32>().ok().map(f64::from))
}

/// Pushes an amount read from words (a fraction of a scale: "half a million") running from
/// byte `start` to the end of word `last`, found at word `i`: a count of what follows, or
/// money when a currency's name follows ("half a billion dollars"); returns the words used
/// from `i`.
fn amount(
    s: &str,
    ws: &[Word<'_>],
    i: usize,
    start: usize,
    last: usize,
    v: f64,
    out: &mut Vec<Number>,
) -> usize {
    let next = lower_at(ws, last + 1);
    let (kind, role, last) = if currency_word(&next).is_some() {
        (NumberKind::Money, "money".to_string(), last + 1)
    } else {
        (NumberKind::Count, role_after(s, ws, last + 1), last)
    };
    push(out, s, start..ws[last].end, Value::from_f64(v), kind, role);
    last - i + 1
}

/// Where the percent sign written out in words ("percent", "per cent") ends when it starts at
/// word `at`: a percentage's text runs to there, so that "45 per cent" is the same text with
/// its number masked as "45%" and "45 percent" (`number.conflict` compares two claims that
/// are the same sentence but for a number).
fn percent_words(ws: &[Word<'_>], at: usize) -> Option<usize> {
    match lower_at(ws, at).as_str() {
        "percent" => Some(ws[at].end),
        "per" if lower_at(ws, at + 1) == "cent" => Some(ws[at + 1].end),
        _ => None,
    }
}

fn lower_at(ws: &[Word<'_>], i: usize) -> String {
    ws.get(i).map(lower).unwrap_or_default()
}

fn digits_at(
    s: &str,
    ws: &[Word<'_>],
    i: usize,
    k: &str,
    next: &str,
    prev: &str,
    out: &mut Vec<Number>,
) -> usize {
    let w = &ws[i];
    let parts: Vec<&str> = k.split('-').collect();
    // Scores and tallies: 2-1, 52-48.
    if parts.len() == 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()))
    {
        let a = parts[0].parse().unwrap_or(0);
        let b = parts[1].parse().unwrap_or(0);
        push(
            out,
            s,
            w.start..w.end,
            Value::Pair([a, b]),
            NumberKind::Score,
            role_after(s, ws, i + 1),
        );
        return 1;
    }
    // Tallies written with "to": "a 134-to-63 vote", "by a vote of 228 to 191".
    if let Some((pair, used)) = tally_with_to(s, ws, i, &parts, prev) {
        let end = ws[i + used - 1].end;
        // "297 votes to 117" names its role after the first side, "a 134-to-63 vote" after both.
        let role_at = if used == 4 { i + 1 } else { i + used };
        push(
            out,
            s,
            w.start..end,
            Value::Pair(pair),
            NumberKind::Score,
            role_after(s, ws, role_at),
        );
        return used;
    }
    // "2/3 of the members": a fraction in digits, a part of a whole ("9/11" and "24/7" are
    // none, nor "3/4" without "of", which may be a date).
    if let Some((n, d)) = k.split_once('/')
        && next == "of"
        && let (Ok(n), Ok(d)) = (n.parse::<u16>(), d.parse::<u16>())
        && 0 < n
        && n < d
        && d <= 10
    {
        push(
            out,
            s,
            w.start..w.end,
            Value::from_f64(f64::from(n) / f64::from(d)),
            NumberKind::Fraction,
            "fraction".into(),
        );
        return 1;
    }
    let head = parts[0];
    if parts.len() >= 2 {
        // 29-year-old, 25-yard, 50-state
        let Some(v) = parse_digits(head) else {
            return 1;
        };
        let unit = parts[1];
        let kind = if k.ends_with("year-old") || (unit == "year" && parts.get(2) == Some(&"old")) {
            NumberKind::Age
        } else if DISTANCE_UNITS.contains(unit) {
            NumberKind::Distance
        } else {
            NumberKind::Count
        };
        let role = if kind == NumberKind::Age {
            "age".to_string()
        } else {
            text::content_stems(unit).pop().unwrap_or_default()
        };
        push(out, s, w.start..w.end, Value::from_f64(v), kind, role);
        return 1;
    }
    // 4.4%, 10 percent
    if let Some(p) = w.text.strip_suffix('%') {
        if let Some(v) = parse_digits(p) {
            push(
                out,
                s,
                w.start..w.end,
                Value::from_f64(v),
                NumberKind::Percent,
                "percent".into(),
            );
        }
        return 1;
    }
    // 10:30, 3 p.m.
    if k.contains(':') || matches!(next, "a.m" | "p.m" | "a.m." | "p.m." | "am" | "pm") {
        let v = k.replace(':', ".").parse::<f64>().unwrap_or(0.0);
        let end = if k.contains(':') {
            w.end
        } else {
            ws[i + 1].end
        };
        push(
            out,
            s,
            w.start..end,
            Value::from_f64(v),
            NumberKind::Time,
            "time".into(),
        );
        return if k.contains(':') { 1 } else { 2 };
    }
    // A rank: "the No. 2 Democrat", "the No. 1 pick" (a number after "No.", its text with it).
    // Two ranks of one role ("the No. 1 pick" / "the No. 2 pick") conflict as counts do, where
    // ordinals say when ("the first time") and are not compared; a rank is no count of its
    // noun. Only with a capital ("said no. 12 aides quit" is a sentence cut short), and not
    // before a plural noun ("No. 12 people were hurt": an answer, then a count).
    if let Some(no) = i.checked_sub(1).map(|p| &ws[p])
        && matches!(no.text, "No" | "NO")
        && !counts_things(ws, i + 1)
        && s[no.end..w.start].trim() == "."
        && k.bytes().all(|b| b.is_ascii_digit())
        && let Ok(v) = k.parse::<u32>()
    {
        push(
            out,
            s,
            no.start..w.end,
            Value::Int(i64::from(v)),
            NumberKind::Rank,
            role_after(s, ws, i + 1),
        );
        return 1;
    }
    // Ordinals: 84th
    let digits: String = k
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .collect();
    let suffix = &k[digits.len()..];
    let Some(mut v) = parse_digits(&digits) else {
        return 1;
    };
    if matches!(suffix, "st" | "nd" | "rd" | "th") {
        let role = role_after(s, ws, i + 1);
        let (kind, end) = if role == "minut" {
            (NumberKind::Minute, ws[i + 1].end)
        } else if text::is_month(prev) {
            (NumberKind::Date, w.end)
        } else {
            (NumberKind::Ordinal, w.end)
        };
        push(out, s, w.start..end, Value::from_f64(v), kind, role);
        return 1;
    }
    if !suffix.is_empty() {
        // 5k, 3bn
        if let Some((_, m)) = SCALES.iter().find(|(n, _)| *n == suffix) {
            v *= m;
        }
    }
    let mut end = w.end;
    let mut used = 1;
    // "3 million", "2 dozen".
    if let Some((_, m)) = SCALES
        .iter()
        .chain(&[("dozen", 12.0)])
        .find(|(n, _)| *n == next)
        && next != "m"
    {
        v *= m;
        end = ws[i + 1].end;
        used = 2;
    }
    let after = if used == 2 {
        lower_at(ws, i + 2)
    } else {
        next.to_string()
    };
    let role_at = i + used;
    let plain_int = !digits.contains(',') && !digits.contains('.');
    let percent_end = percent_words(ws, role_at);
    let kind = if percent_end.is_some() {
        NumberKind::Percent
    } else if currency_word(&after).is_some() {
        NumberKind::Money
    } else if DISTANCE_UNITS.contains(after.as_str()) {
        NumberKind::Distance
    } else if text::is_month(prev) && v <= 31.0 && !month_has_its_day(ws, i - 1)
        || text::is_month(&after)
            && v <= 31.0
            && plain_int
            && !(prev == "the" && is_day(ws, role_at + 1))
    {
        NumberKind::Date
    } else if plain_int
        && digits.len() == 4
        && (1800.0..=2100.0).contains(&v)
        && (!counts_things(ws, role_at) || names_a_dated_event(ws, role_at, prev))
        && Bound::before(s, w.start) == Bound::Exact
    {
        NumberKind::Year
    } else if is_age_apposition(s, ws, i) || prev == "aged" || prev == "age" {
        NumberKind::Age
    } else {
        NumberKind::Count
    };
    let role = match kind {
        NumberKind::Percent => "percent".into(),
        NumberKind::Money => "money".into(),
        NumberKind::Year => "year".into(),
        NumberKind::Age => "age".into(),
        NumberKind::Date => "date".into(),
        _ => role_after(s, ws, role_at),
    };
    // Include the unit in the text for distances ("12 yards"), money ("5,000 euros") and
    // percentages ("10 per cent").
    if matches!(kind, NumberKind::Distance | NumberKind::Money) {
        end = ws[role_at].end;
    }
    if let Some(percent_end) = percent_end {
        end = percent_end;
    }
    push(out, s, w.start..end, Value::from_f64(v), kind, role);
    used
}

/// A tally written with "to" at word `i` (whose key, cut at hyphens, is `parts`; the word
/// before is `prev`): one word ("a 134-to-63 vote"), three ("won, 134 to 63") or four with
/// what is counted after the first side ("by 297 votes to 117", "seats" likewise), with the
/// pair and how many words it takes. A range is written the same way ("from 2013 to 2022",
/// "46 to 57 months"), but a range rises where a tally gives the larger side first: so only
/// whole numbers that do not rise are a tally, and not within two words after "from" or
/// "between" ("fell from 52 to 48", "from about 50 to 40", "from its current 650 seats to
/// 600"). Written as three or four words, nor before a unit, a scale or a plural noun ("52 to
/// 48 percent", "5 to 3 million", "10 to 5 years", "moved 1,500 to 12 shelters", "lost 12
/// seats to 3 rivals"): a tally's side is no count of things.
fn tally_with_to(
    s: &str,
    ws: &[Word<'_>],
    i: usize,
    parts: &[&str],
    prev: &str,
) -> Option<([i64; 2], usize)> {
    /// A whole number in digits, with or without commas between digit groups.
    fn whole(t: &str) -> Option<i64> {
        let first = t.chars().next()?;
        if !first.is_ascii_digit() || !t.chars().all(|c| c.is_ascii_digit() || c == ',') {
            return None;
        }
        t.replace(',', "").parse().ok()
    }
    let range_word = |w: &str| matches!(w, "from" | "between");
    if range_word(prev)
        || (2..=3).any(|back| {
            i.checked_sub(back)
                .is_some_and(|j| range_word(&lower(&ws[j])))
        })
    {
        return None;
    }
    let (pair, used) = match parts {
        [a, "to", b] => ([whole(a)?, whole(b)?], 1),
        // "by 297 votes to 117": the first side names what is counted.
        [a] if matches!(lower_at(ws, i + 1).as_str(), "votes" | "seats")
            && lower_at(ws, i + 2) == "to" =>
        {
            let b = ws.get(i + 3)?;
            if !(i + 1..i + 4).all(|j| adjacent(s, &ws[j - 1], &ws[j])) {
                return None;
            }
            ([whole(a)?, whole(b.text)?], 4)
        }
        [a] if lower_at(ws, i + 1) == "to" => {
            let b = ws.get(i + 2)?;
            // Only spaces between the three words: not "won 134. To 63".
            if !(adjacent(s, &ws[i], &ws[i + 1]) && adjacent(s, &ws[i + 1], b)) {
                return None;
            }
            ([whole(a)?, whole(b.text)?], 3)
        }
        _ => return None,
    };
    let after = lower_at(ws, i + used);
    let unit = percent_words(ws, i + used).is_some()
        || DISTANCE_UNITS.contains(after.as_str())
        || SCALES.iter().any(|(n, _)| *n == after)
        || (used >= 3 && counts_things(ws, i + used));
    (pair[0] >= pair[1] && !unit).then_some((pair, used))
}

/// Whether the month at word `m` has its day before it ("On 5 March 12 people died": the
/// number after the month is a count), unless that number follows "the" and counts itself
/// ("the 19 Sept. 11 hijackers": the day is the one after), as [`is_day`] reads it.
fn month_has_its_day(ws: &[Word<'_>], m: usize) -> bool {
    m.checked_sub(1)
        .is_some_and(|d| is_day(ws, d) && d.checked_sub(1).is_none_or(|t| lower(&ws[t]) != "the"))
}

/// Is the word at `i` a day of a month in digits ("Sept. 11")? A number after "the" and before
/// a month that has its own day is a count, no day of it ("the 19 Sept. 11 hijackers"); after
/// another word the month takes the day before it ("On 5 March 12 people died").
fn is_day(ws: &[Word<'_>], i: usize) -> bool {
    ws.get(i).is_some_and(|w| {
        w.text.len() <= 2
            && w.text.bytes().all(|b| b.is_ascii_digit())
            && (1..=31).contains(&w.text.parse::<u32>().unwrap_or(0))
    })
}

/// Is a four-digit number at word `i`, before the plural noun at `next` and after `prev`, a
/// year for all that ("the 2018 elections", "their 2018 races", "the 2001 attacks")? Only
/// after an article or a possessive, and only before a noun for events that are named by
/// their year ([`DATED_EVENTS`]): "the 2000 people who attended" and "its 2000 employees" are
/// counts written without a comma.
fn names_a_dated_event(ws: &[Word<'_>], next: usize, prev: &str) -> bool {
    let after_a_determiner = matches!(
        prev,
        "the" | "his" | "her" | "its" | "their" | "our" | "this" | "that"
    ) || prev.ends_with("'s");
    after_a_determiner
        && ws
            .get(next)
            .is_some_and(|w| DATED_EVENTS.contains(&text::key(w.text).as_str()))
}

/// Plural nouns for events a year names ("the 2018 elections", "the 2001 attacks").
const DATED_EVENTS: [&str; 22] = [
    "attacks",
    "bombings",
    "campaigns",
    "caucuses",
    "championships",
    "elections",
    "finals",
    "floods",
    "games",
    "hearings",
    "hurricanes",
    "midterms",
    "olympics",
    "playoffs",
    "primaries",
    "protests",
    "races",
    "riots",
    "shootings",
    "storms",
    "talks",
    "wildfires",
];

/// Is the word at `i` a plural noun, as after a count ("1500 troops"), not after a year ("2016
/// presidential election")?
fn counts_things(ws: &[Word<'_>], i: usize) -> bool {
    const PLURALS: &[&str] = &["people", "men", "women", "children", "police", "staff"];
    ws.get(i).is_some_and(|w| {
        let k = text::key(w.text);
        let plural = k.len() > 3 && k.ends_with('s') && !k.ends_with("ss");
        !text::is_capitalised(w.text)
            && (plural || PLURALS.contains(&k.as_str()))
            && !text::is_stop_word(&k)
    })
}

/// "Mattis, 68, will leave": a small number set off by commas right after a name, or ending
/// the text or a clause ("Stephen Breyer, 87", "John Roberts, 78; Samuel Alito, 58"); after a name's "Jr." ("Cesar Sayoc Jr., 56,"), and with
/// "then" or "now" before it ("Moore, then 32, took her").
fn is_age_apposition(s: &str, ws: &[Word<'_>], i: usize) -> bool {
    let w = &ws[i];
    // The name, and what stands between it and the number.
    let name_at = match i.checked_sub(1) {
        // Not after a day or a month: "12 on Monday, then 15," is a count that rose.
        Some(t) if matches!(lower(&ws[t]).as_str(), "then" | "now") && adjacent(s, &ws[t], w) => {
            t.checked_sub(1).filter(|&n| {
                let name = lower(&ws[n]);
                !text::is_month(&name) && !may_be_weekday(name.as_bytes())
            })
        }
        at => at,
    };
    let Some(name_at) = name_at else {
        return false;
    };
    let gap_end = ws.get(name_at + 1).map_or(w.start, |x| x.start);
    let before = s[ws[name_at].end..gap_end].trim();
    let after = s[w.end..].chars().next();
    let v: u32 = w.text.parse().unwrap_or(0);
    matches!(before, "," | ".,")
        && matches!(after, None | Some(',' | '.' | ')' | ';'))
        && text::is_capitalised(ws[name_at].text)
        && (1..=120).contains(&v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words built from number words, their case, hyphens and marks, and near misses.
    const PIECES: [&str; 17] = [
        "one", "Twenty", "seventy", "twice", "Dozen", "pair", "hundred", "-", "five", "s", "'",
        "on", "pairs", "thousand", "This", "for", "SECOND",
    ];

    proptest::proptest! {
        /// The quick test never passes over a word the full test would let start a number.
        #[test]
        fn a_word_passed_over_starts_no_number(
            pieces in proptest::collection::vec(0..PIECES.len(), 1..5),
        ) {
            let s: String = pieces.iter().map(|i| PIECES[*i]).collect();
            for w in text::words(&s) {
                if surely_no_number_word(w.text) {
                    proptest::prop_assert!(!may_start_number(w.text, &text::key(w.text)), "{}", w.text);
                }
            }
        }
    }

    proptest::proptest! {
        /// The last words read from the end of a text are the last words of the whole text,
        /// with words long enough that a few fill the first stretch read back.
        #[test]
        fn the_last_words_are_those_of_the_whole_text(
            s in "([a-z1]{1,40}|[ .,'\u{2019}\u{a0}\u{2003}-]|more than|é){0,60}",
            n in 1usize..4,
        ) {
            let all = text::words(&s);
            let last: Vec<&str> = last_words(&s, n).iter().rev().take(n).map(|w| w.text).collect();
            let expected: Vec<&str> = all.iter().rev().take(n).map(|w| w.text).collect();
            proptest::prop_assert_eq!(last, expected);
        }
    }

    /// Words and marks for texts that hold number words, near misses and no digits; among the
    /// marks, typographic ones ([`text::fold_char`]) and other characters beyond ASCII.
    const NO_DIGITS: [&str; 25] = [
        "one",
        "Twenty",
        "seventy-five",
        "twice",
        "dozen",
        "This",
        "for",
        "second",
        " ",
        "\u{a0}",
        "-",
        "'",
        ".",
        ",",
        "thousands",
        "U.S.",
        "\u{2019}",
        "\u{201c}",
        "\u{201d}",
        "\u{2014}",
        "\u{2026}",
        "\u{212a}",
        "\u{e9}",
        "\u{a3}",
        "\u{301}",
    ];

    proptest::proptest! {
        /// A text passed over before it is cut into words holds no number that reading every
        /// word would find.
        #[test]
        fn a_text_passed_over_holds_no_number(
            pieces in proptest::collection::vec(0..NO_DIGITS.len(), 0..12),
            other in "[a-zA-Z .,'$1\u{2019}\u{201c}\u{2014}\u{2026}\u{a0}\u{e9}\u{a3}-]{0,20}",
        ) {
            for s in [pieces.iter().map(|i| NO_DIGITS[*i]).collect::<String>(), other] {
                let all = find_in_words(&s);
                if !may_hold_a_number(&s) {
                    proptest::prop_assert!(all.is_empty(), "{:?}: {:?}", s, all);
                }
                proptest::prop_assert_eq!(find(&s), all);
            }
        }
    }

    #[test]
    fn number_words_are_never_passed_over() {
        for n in NUMBER_WORDS.words().iter().chain(&OTHER_NUMBER_WORDS) {
            for w in [n.to_string(), n.to_uppercase(), format!("{n}-fold")] {
                assert!(!surely_no_number_word(&w), "{w}");
            }
        }
        assert!(surely_no_number_word("council"));
        assert!(surely_no_number_word("Ones"));
        for w in ["the", "That", "said", "fourteenth-century"] {
            assert!(surely_no_number_word(w), "{w}");
        }
    }

    /// Checks (text, kind, role) of each number found.
    fn check(input: &str, expected: &[(&str, NumberKind, &str)]) {
        let got: Vec<(String, NumberKind, String)> = find(input)
            .into_iter()
            .map(|n| (n.text, n.kind, n.role))
            .collect();
        let want: Vec<(String, NumberKind, String)> = expected
            .iter()
            .map(|(t, k, r)| (t.to_string(), *k, r.to_string()))
            .collect();
        assert_eq!(got, want, "numbers in {input:?}");
    }

    fn value(input: &str) -> Value {
        find(input)[0].value
    }

    use NumberKind::*;

    #[test]
    fn kinds_of_numbers() {
        check(
            "England lost 2-1 after the 84th minute; the 29-year-old hit a 25-yard strike from 12 yards.",
            &[
                ("2-1", Score, ""),
                ("84th minute", Minute, "minut"),
                ("29-year-old", Age, "age"),
                ("25-yard", Distance, "yard"),
                ("12 yards", Distance, "yard"),
            ],
        );
        check(
            "He scored 53 goals in 2018 and twice in Qatar, earning $2.5 billion and 4.4% more.",
            &[
                ("53", Count, "goal"),
                ("2018", Year, "year"),
                ("twice", Count, "time"),
                ("$2.5 billion", Money, "money"),
                ("4.4%", Percent, "percent"),
            ],
        );
        // A percent sign written out is part of the number's text, in digits or in words.
        check(
            "Turnout was 45 per cent, up from forty percent.",
            &[
                ("45 per cent", Percent, "percent"),
                ("forty percent", Percent, "percent"),
            ],
        );
        check("About 2000 people attended.", &[("2000", Count, "peopl")]);
        // A year before a plural noun for events, after an article or a possessive.
        check(
            "Since the 2018 elections and Gore's 2000 ticket, 2000 people left.",
            &[
                ("2018", Year, "year"),
                ("2000", Year, "year"),
                ("2000", Count, "peopl"),
            ],
        );
        // Counts of people written without a comma stay counts.
        check(
            "The 2000 people who came; police said that 2000 people; its 2000 employees.",
            &[
                ("2000", Count, "peopl"),
                ("2000", Count, "peopl"),
                ("2000", Count, "employe"),
            ],
        );
        // A number before a month with its own day is no day of it.
        check(
            "Fifteen of the 19 Sept. 11 hijackers; on 19 Sept. 2001; on 4 July.",
            &[
                ("Fifteen", Count, ""),
                ("19", Count, ""),
                ("11", Date, "date"),
                ("19", Date, "date"),
                ("2001", Year, "year"),
                ("4", Date, "date"),
            ],
        );
        // A British date: the month takes the day before it.
        check(
            "On 5 March 12 people died.",
            &[("5", Date, "date"), ("12", Count, "peopl")],
        );
        check("2000 people attended.", &[("2000", Count, "peopl")]);
        check(
            "It cost £3bn and $2.5m.",
            &[("£3bn", Money, "money"), ("$2.5m", Money, "money")],
        );
        // Money named in words after the amount; "pounds" as often weigh.
        check(
            "It cost 5.7 billion dollars, 5,000 euros, five million yen and 200 pounds.",
            &[
                ("5.7 billion dollars", Money, "money"),
                ("5,000 euros", Money, "money"),
                ("five million yen", Money, "money"),
                ("200", Count, "pound"),
            ],
        );
        check(
            "Mattis, 68, will leave on January 1.",
            &[("68", Age, "age"), ("1", Date, "date")],
        );
    }

    #[test]
    fn tallies_written_with_to() {
        check(
            "She won by a 134-to-63 vote; Pelosi won, 134 to 63, and by a vote of 1,228 to 191.",
            &[
                ("134-to-63", Score, "vote"),
                ("134 to 63", Score, ""),
                ("1,228 to 191", Score, ""),
            ],
        );
        assert_eq!(value("won 134 to 63"), Value::Pair([134, 63]));
        assert_eq!(value("a 5-to-4 ruling"), Value::Pair([5, 4]));
        // Ranges rise, or follow "from" and "between", or measure something.
        check(
            "He served from 2013 to 2011 and between 9 to 5; it took 40 to 60 hours.",
            &[
                ("2013", Year, "year"),
                ("2011", Year, "year"),
                ("9", Count, ""),
                ("5", Count, ""),
                ("40", Count, ""),
                ("60", Count, "hour"),
            ],
        );
        // A range after "from" two words back, and sides that count things.
        check(
            "It fell from about 50 to 40 and officials moved 1,500 to 12 shelters.",
            &[
                ("50", Count, ""),
                ("40", Count, ""),
                ("1,500", Count, ""),
                ("12", Count, "shelter"),
            ],
        );
        check(
            "Support fell 52 to 48 percent, or 5 to 3 million; the 10-to-20 plan.",
            &[
                ("52", Count, ""),
                ("48 percent", Percent, "percent"),
                ("5", Count, ""),
                ("3 million", Count, ""),
                ("10-to-20", Count, ""),
            ],
        );
    }

    #[test]
    fn dozens() {
        // A dozen times a number.
        check(
            "About two dozen protesters came five dozen times with 2 dozen eggs.",
            &[
                ("two dozen", Count, "protest"),
                ("five dozen", Count, "time"),
                ("2 dozen", Count, "egg"),
            ],
        );
        assert_eq!(value("two dozen protesters"), Value::Int(24));
        assert_eq!(value("2 dozen eggs"), Value::Int(24));
    }

    #[test]
    fn ages_and_ranks() {
        check(
            "Cesar Sayoc Jr., 56, of Aventura; Moore, then 32, and Lewis, now 77, met John \
             Roberts, 78; Samuel Alito, 58",
            &[
                ("56", Age, "age"),
                ("32", Age, "age"),
                ("77", Age, "age"),
                ("78", Age, "age"),
                ("58", Age, "age"),
            ],
        );
        check(
            "In Ohio, 12 people died; Durbin, the No. 2 Democrat, kept the No. 3 position; \
             hurt? No. 12 people were; 12 on Monday, then 15, officials said.",
            &[
                ("12", Count, "peopl"),
                ("No. 2", Rank, ""),
                ("No. 3", Rank, "posit"),
                ("12", Count, "peopl"),
                ("12", Count, ""),
                ("Monday", Weekday, "weekday"),
                ("15", Count, ""),
            ],
        );
    }

    #[test]
    fn tallies_with_what_they_count() {
        check(
            "The motion fell by 297 votes to 117, and Labour won 40 seats to 35.",
            &[
                ("297 votes to 117", Score, "vote"),
                ("40 seats to 35", Score, "seat"),
            ],
        );
        assert_eq!(value("by 297 votes to 117"), Value::Pair([297, 117]));
        // Still no tally where it rises or follows "from".
        check(
            "They lost 12 seats to 3 rivals, from its current 650 seats to 600.",
            &[
                ("12", Count, "seat"),
                ("3", Count, "rival"),
                ("650", Count, "seat"),
                ("600", Count, ""),
            ],
        );
        check(
            "It went from 52 votes to 48, then 10 votes to 12.",
            &[
                ("52", Count, "vote"),
                ("48", Count, ""),
                ("10", Count, "vote"),
                ("12", Count, ""),
            ],
        );
    }

    #[test]
    fn fractions_in_words() {
        check(
            "Two-thirds of the Senate and a third of the House agreed; half of them, more than \
             half the staff and one quarter of voters, three quarters of whom stayed home.",
            &[
                ("Two-thirds", Fraction, "fraction"),
                ("a third", Fraction, "fraction"),
                ("half", Fraction, "fraction"),
                ("half", Fraction, "fraction"),
                ("one quarter", Fraction, "fraction"),
                ("three quarters", Fraction, "fraction"),
            ],
        );
        assert_eq!(value("two-thirds of it"), Value::Float(2.0 / 3.0));
        assert_eq!(value("a quarter of it"), Value::Float(0.25));
        assert_eq!(value("half of it"), Value::Float(0.5));
        assert_eq!(value("one-fifth of it"), Value::Float(0.2));
        // Half of a hundred thousand: a count, not a fraction.
        check(
            "Half a million people marched, a half million troops stood by, half a dozen aides quit.",
            &[
                ("Half a million", Count, "peopl"),
                ("a half million", Count, "troop"),
                ("half a dozen", Count, "aid"),
            ],
        );
        assert_eq!(value("half a million people"), Value::Int(500_000));
        // Fractions of a scale, a mixed number, a half in one word: counts, or money.
        check(
            "One and a half million marched, the first half a million doses, a quarter of a \
             million homes, a half-million euros, half-a-dozen aides.",
            &[
                ("One and a half million", Count, "march"),
                ("first", Ordinal, "half"),
                ("half a million", Count, "dose"),
                ("a quarter of a million", Count, "home"),
                ("a half-million euros", Money, "money"),
                ("half-a-dozen", Count, "aid"),
            ],
        );
        assert_eq!(
            value("two and a half billion dollars"),
            Value::Int(2_500_000_000)
        );
        assert_eq!(
            value("three-quarters of a million voters"),
            Value::Int(750_000)
        );
        assert_eq!(value("and a half million more"), Value::Int(500_000));
        // In digits, before "of" only; a whole is no part of itself.
        check(
            "Nearly 2/3 of voters, after 9/11, open 24/7, on 3/4; the two halves of the city.",
            &[
                ("2/3", Fraction, "fraction"),
                ("9/11", Count, ""),
                ("24/7", Count, ""),
                ("3/4", Count, ""),
                ("two", Count, "halv"),
            ],
        );
        assert_eq!(value("eleven-twelfths of it"), Value::Float(11.0 / 12.0));
        // Another dash than a hyphen; "a third" after a bound at the end of its phrase, or
        // before "as"; but a third party is an ordinal one.
        check(
            "Two\u{2013}thirds agreed; it was cut by nearly a third. It grew by a quarter in \
             2019, is a third as large, and lost by a third, officials said.",
            &[
                ("Two\u{2013}thirds", Fraction, "fraction"),
                ("a third", Fraction, "fraction"),
                ("a quarter", Fraction, "fraction"),
                ("2019", Year, "year"),
                ("a third", Fraction, "fraction"),
                ("a third", Fraction, "fraction"),
            ],
        );
        // An ordinal after all: a third goal, bomb, quarter of a match, down; a time of day.
        check(
            "Kane added a third as England cruised; it was followed later by a third. At a \
             quarter to eight, at the end of just a quarter, the Patriots won by a third down.",
            &[
                ("third", Ordinal, ""),
                ("third", Ordinal, ""),
                ("eight", Count, ""),
                ("third", Ordinal, ""),
            ],
        );
        assert_eq!(value("More than a third agreed."), Value::Float(1.0 / 3.0));
        // After a word of change further back, or with "down"; before "to" that is no time.
        check(
            "The drug cut the risk of death by about a third to 2%; turnout was down by a \
             quarter after the recall; rather than a third term.",
            &[
                ("a third", Fraction, "fraction"),
                ("2%", Percent, "percent"),
                ("a quarter", Fraction, "fraction"),
                ("third", Ordinal, "term"),
            ],
        );

        check(
            "It was won by a third party, about a third term.",
            &[("third", Ordinal, "parti"), ("third", Ordinal, "term")],
        );
        // A unit's half after a bound is no fraction.
        check(
            "It took about half an hour, around half past ten.",
            &[("ten", Count, "")],
        );
        // A part, a unit and a half, an ordinal: no fraction.
        check(
            "The second half of the match, the other half, an hour and a half of talks, a \
             third term, the third of May, the fourth quarter.",
            &[
                ("second", Ordinal, "half"),
                ("third", Ordinal, "term"),
                ("third", Ordinal, ""),
                ("fourth", Ordinal, "quarter"),
            ],
        );
    }

    #[test]
    fn a_role_is_read_within_the_phrase() {
        check(
            "Mattis, 68, stared; it passed 234-193, making history; 60 \u{201c}yea\u{201d} votes.",
            &[
                ("68", Age, "age"),
                ("234-193", Score, ""),
                ("60", Count, "yea"),
            ],
        );
        check("Of the 40; officials said so.", &[("40", Count, "")]);
    }

    #[test]
    fn days_of_the_week() {
        check(
            "On Saturday night, not on Super Tuesday, Good Friday or on Sundays; Monday's match.",
            &[
                ("Saturday", Weekday, "weekday"),
                ("Monday", Weekday, "weekday"),
            ],
        );
        assert_eq!(value("Kane scored on Sunday."), Value::Int(7));
        assert_eq!(value("Monday\u{2019}s vote"), Value::Int(1));
        assert_eq!(value("Wednesday\u{2019}s vote"), Value::Int(3));
        check("the sunday papers; a Saturdays club", &[]);
        // In other capitals and with a curly possessive, as another source may set it.
        assert_eq!(value("MONDAY'S vote"), Value::Int(1));
        // After a capitalised word that is no part of a name, as news writing puts it.
        check(
            "The bill passed the Senate Thursday; he told CNN Sunday; Earlier Friday, it fell.",
            &[
                ("Thursday", Weekday, "weekday"),
                ("Sunday", Weekday, "weekday"),
                ("Friday", Weekday, "weekday"),
            ],
        );
        check(
            "Black Friday, Ash Wednesday, Fox News Sunday and the Sunday Times.",
            &[],
        );
        // A day with its part of the day written on; a title with "Night" in it.
        check(
            "They met Friday-night and Sunday-Morning, not Monday-Friday.",
            &[
                ("Friday", Weekday, "weekday"),
                ("Sunday", Weekday, "weekday"),
            ],
        );
        check(
            "He hosted Saturday Night Live and Monday Night Football.",
            &[],
        );
        check(
            "England won on Saturday Night. On Sunday Night, Kane slept.",
            &[
                ("Saturday", Weekday, "weekday"),
                ("Sunday", Weekday, "weekday"),
            ],
        );
    }

    #[test]
    fn number_words() {
        check(
            "He had six goals and two assists.",
            &[("six", Count, "goal"), ("two", Count, "assist")],
        );
        check(
            "He is one of the best; one penalty missed.",
            &[("one", Count, "penalti")],
        );
        check("The Three Lions lost.", &[]);
        assert_eq!(value("six goals"), value("6 goals"));
        assert_eq!(value("twenty-five goals"), Value::Int(25));
        assert_eq!(value("2,000 troops"), Value::Int(2000));
        assert_eq!(value("a pair of goals"), Value::Int(2));
    }
}
