//! Names: proper-noun mentions (people, teams, places, organisations) and their canonical form
//! within one document.
//!
//! A mention is a run of capitalised words ("Ann Lee", "Mill Street Bridge", "John F. Kelly"),
//! with honorifics and job titles taken off the front ("Defense Secretary Jim Mattis" → "Jim
//! Mattis", "Mr. Trump" → "Trump"). A capitalised word that only opens a sentence is not a name
//! unless the document also capitalises it elsewhere. Within a document a short form is the same
//! entity as the full one that ends or starts with it: "Lee" → "Ann Lee", "Riverside" →
//! "Riverside Rovers".

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::text::{self, Word};

/// One mention of a name in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the clean text of the name itself (titles excluded).
    pub range: Range<usize>,
    /// The words of the name, possessive removed.
    pub tokens: Vec<String>,
    /// Whether an honorific or job title stood before it ("Mr.", "Sen.", "captain").
    pub titled: bool,
}

impl Mention {
    /// The name as one string.
    pub fn name(&self) -> String {
        self.tokens.join(" ")
    }
}

/// Honorifics and titles that stand before a person's name.
static TITLES: text::WordSet = text::WordSet::new(&[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "secretary",
    "speaker",
    "leader",
    "minister",
    "chancellor",
    "mayor",
    "judge",
    "justice",
    "gen",
    "general",
    "adm",
    "admiral",
    "col",
    "colonel",
    "lt",
    "sgt",
    "capt",
    "captain",
    "coach",
    "manager",
    "chairman",
    "chairwoman",
    "chair",
    "prof",
    "professor",
    "rev",
    "reverend",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sir",
    "dame",
    "lord",
    "lady",
    "ambassador",
    "commissioner",
    "director",
    "attorney",
    "sheriff",
    "prosecutor",
    "chief",
    "deputy",
    "vice",
    "acting",
    "former",
    "premier",
    "candidate",
    "nominee",
    "striker",
    "goalkeeper",
    "defender",
    "midfielder",
    "forward",
    "boss",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "congressman",
    "congresswoman",
    "sens",
    "reps",
    "govs",
    "gens",
    "drs",
    "profs",
    "officer",
    "agent",
    "counsel",
    "host",
    "anchor",
    "adviser",
    "advisor",
    "aide",
    "teammate",
    "inspector",
    "detective",
    "trooper",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "alderman",
    "trustee",
    "mp",
    "mep",
    "lawmaker",
    "delegate",
    "superintendent",
    "warden",
    "provost",
    "dean",
    "ceo",
    "cfo",
    "coo",
    "whip",
    "historian",
    "strategist",
    "pollster",
    "economist",
    "analyst",
    "columnist",
    "correspondent",
    "editor",
    "founder",
    "treasurer",
    // Of the clergy ("Cardinal" left out: "Cardinal Health").
    "father",
    "rabbi",
    "imam",
    "bishop",
    "archbishop",
    "pastor",
    "monsignor",
    "commander",
    // "Senate President Pro Tem Ann Lee".
    "tem",
    "tempore",
]);

/// Endings that make a title of a title: "Speaker-to-be", "President-elect",
/// "Editor-in-Chief".
const TITLE_SUFFIXES: &[&str] = &["elect", "designate", "to-be", "in-chief"];

/// Capitalised words that are never names on their own.
static NOT_NAMES: text::WordSet = text::WordSet::new(&[
    "i",
    "i'm",
    "i'll",
    "i've",
    "i'd",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mr",
    "mrs",
    "ms",
    "dr",
    "am",
    "pm",
    "ok",
    "tv",
    "god",
]);

/// Lower-case words joining the capitalised words of one name ("Bank of England").
const CONNECTORS: &[&str] = &[
    "of", "de", "van", "von", "der", "den", "da", "del", "di", "la", "le", "du", "bin", "al", "el",
    "dos", "das",
];

/// Are two first names (lower case) forms of one name: equal, or a common short form?
pub fn same_first_name(a: &str, b: &str) -> bool {
    const FORMS: &[&[&str]] = &[
        &["william", "bill", "billy", "will", "willie"],
        &["richard", "dick", "rick", "rich", "ricky"],
        &["robert", "bob", "rob", "bobby", "robbie"],
        &["james", "jim", "jimmy", "jamie"],
        &["michael", "mike", "mick", "mickey"],
        &["thomas", "tom", "tommy"],
        &["joseph", "joe", "joey"],
        &["charles", "chuck", "charlie"],
        &["edward", "ed", "ted", "eddie", "ned"],
        &["anthony", "tony"],
        &["elizabeth", "liz", "beth", "betsy", "eliza", "libby"],
        &[
            "katherine",
            "catherine",
            "kathryn",
            "kate",
            "katie",
            "kathy",
            "cathy",
        ],
        &["christopher", "chris"],
        &["daniel", "dan", "danny"],
        &["david", "dave"],
        &["steven", "stephen", "steve"],
        &["nicholas", "nick"],
        &["alexander", "alex"],
        &["benjamin", "ben"],
        &["jonathan", "john", "jon", "johnny", "jack"],
        &["margaret", "maggie", "peggy"],
        &["patricia", "pat", "patty"],
        &["gerald", "jerry"],
        &["lawrence", "larry"],
        &["kenneth", "ken", "kenny"],
        &["timothy", "tim"],
        &["samuel", "sam"],
        &["andrew", "andy", "drew"],
        &["matthew", "matt"],
        &["gregory", "greg"],
        &["ronald", "ron", "ronnie"],
        &["donald", "don", "donnie"],
    ];
    a == b || FORMS.iter().any(|f| f.contains(&a) && f.contains(&b))
}

/// What the name finder knows about the whole document.
#[derive(Debug, Default)]
pub struct Vocabulary<'a> {
    /// Words the document writes in lower case somewhere (borrowed from it when written so).
    lower: HashSet<Cow<'a, str>>,
    /// Words the document capitalises somewhere other than at the start of a sentence.
    capitalised_inside: HashSet<&'a str>,
    /// Two capitalised words the document writes one after the other, a space between, in a
    /// sentence that is not a headline ("Glenn" "Beck"): a headline's name runs only as far
    /// as the document joins its words elsewhere ("Glenn Beck CPAC 2010 Speech" is "Glenn
    /// Beck").
    capitalised_pairs: HashSet<(&'a str, &'a str)>,
}

impl<'a> Vocabulary<'a> {
    /// Learns the vocabulary from the document's sentences, each given as its text and its
    /// words ([`text::words`]).
    pub fn learn(
        sentences: impl IntoIterator<Item = (&'a str, &'a [text::Word<'a>])>,
    ) -> Vocabulary<'a> {
        let sentences: Vec<(&str, &[text::Word])> = sentences.into_iter().collect();
        // Room for a document's distinct words from the start (about one word in three), so
        // that the sets are not grown and hashed again and again as they fill.
        let words: usize = sentences.iter().map(|(_, ws)| ws.len()).sum();
        let mut v = Vocabulary {
            lower: HashSet::with_capacity_and_hasher(words / 3, Default::default()),
            capitalised_inside: HashSet::with_capacity_and_hasher(words / 16, Default::default()),
            capitalised_pairs: HashSet::with_capacity_and_hasher(words / 32, Default::default()),
        };
        for (s, words) in sentences {
            // A headline capitalises every word: its words say nothing of names.
            let headline = is_headline(s, words);
            for (i, w) in words.iter().enumerate() {
                let bare = strip_possessive(w.text);
                if !headline
                    && i > 0
                    && text::is_capitalised(w.text)
                    && text::is_capitalised(words[i - 1].text)
                    && &s[words[i - 1].end..w.start] == " "
                {
                    v.capitalised_pairs.insert((words[i - 1].text, bare));
                }
                if text::is_capitalised(bare) {
                    if i > 0 && !headline && !follows_quote_open(s, w) && !follows_dateline(s, w) {
                        v.capitalised_inside.insert(bare);
                    }
                } else if !bare.is_ascii() || bare.bytes().any(|b| b.is_ascii_uppercase()) {
                    v.lower.insert(Cow::Owned(bare.to_lowercase()));
                } else {
                    // Already its own lower case: borrowed (a word met again is left as it is).
                    v.lower.insert(Cow::Borrowed(bare));
                }
            }
        }
        v
    }

    /// Whether `w` is one slip of the pen (a letter swapped, doubled, dropped or changed) from
    /// a name of five letters or more the document capitalises inside sentences: a misspelt
    /// name at the start of a sentence ("Trupm said ...") is still a name.
    pub fn slip_of_a_name(&self, w: &str) -> bool {
        let length = w.chars().count();
        if length < 4 || self.lower.contains(w.to_lowercase().as_str()) {
            return false;
        }
        let first = w.chars().next();
        // One edit changes the length by one character at most.
        self.capitalised_inside.iter().any(|k| {
            // The first letter first: it turns most names away without counting.
            if k.chars().next() != first {
                return false;
            }
            let n = k.chars().count();
            n >= 5
                && n.abs_diff(length) <= 1
                && !k.starts_with(w)
                && !w.starts_with(*k)
                && strsim::damerau_levenshtein(k, w) == 1
        })
    }
}

/// Does the word open a quote or an aside (after an opening quote mark, a colon or a bracket)?
/// A word after a closing mark (`"...," Obama said`) does not.
fn follows_quote_open(s: &str, w: &Word<'_>) -> bool {
    let before = s[..w.start].trim_end();
    let mut rev = before.chars().rev();
    match rev.next() {
        Some(c) if text::is_double_quote(c) => rev.next().is_none_or(char::is_whitespace),
        Some(c) => c == ':' || c == '(',
        None => false,
    }
}

/// Does `w` open the story after a dateline ("WASHINGTON — With ...", "PHOENIX, Ariz. -- As
/// ...")? A dateline is a place in capitals, perhaps a state after a comma, then a dash.
fn follows_dateline(s: &str, w: &Word<'_>) -> bool {
    let before = s[..w.start].trim_end();
    let Some(place) = before
        .strip_suffix("--")
        .or_else(|| before.strip_suffix(['-', '\u{2013}', '\u{2014}', '\u{2015}']))
    else {
        return false;
    };
    let mut words = place.split_whitespace();
    let first_all_caps = words.next().is_some_and(|f| {
        let letters = f.trim_end_matches(',');
        letters.chars().count() >= 2
            && letters
                .chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '-')
    });
    first_all_caps && place.split_whitespace().count() <= 4
}

/// Removes a trailing possessive: "England’s" → "England", "Jones'" stays "Jones".
pub fn strip_possessive(w: &str) -> &str {
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(b) = w.strip_suffix(suffix) {
            return b;
        }
    }
    w
}

/// Runs `f` on the key of `w` ([`text::key`], which drops a final dot: "Sen." → "sen"), without
/// making a string for a short word of ASCII letters and digits (its key is its lower case), as
/// most are.
fn with_lower_key<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let b = w.as_bytes();
    if !b.is_empty()
        && b.iter().all(u8::is_ascii_alphanumeric)
        && let Some(lower) = text::AsciiLower::new(b)
    {
        return f(lower.as_str());
    }
    f(&text::key_cow(w))
}

/// Is `w`, as [`text::key`] folds it, a title word ([`TITLES`])?
fn is_title_word(w: &str) -> bool {
    with_lower_key(w, |k| {
        TITLES.contains(k)
            || k.split_once('-')
                .is_some_and(|(t, rest)| TITLES.contains(t) && TITLE_SUFFIXES.contains(&rest))
    })
}

/// Is `w` the plural of a person's title ("Senators", "Justices", "Congressmen",
/// "Secretaries")? Titles that only qualify another ("former", "acting") have none.
fn is_plural_title(w: &str) -> bool {
    with_lower_key(w, |k| {
        let person = |t: &str| TITLES.contains(t) && !QUALIFYING_TITLES.contains(&t);
        let singulars = [
            k.strip_suffix("men").map(|stem| format!("{stem}man")),
            k.strip_suffix("women").map(|stem| format!("{stem}woman")),
            k.strip_suffix("ies").map(|stem| format!("{stem}y")),
            k.strip_suffix("es").map(str::to_string),
            k.strip_suffix('s').map(str::to_string),
        ];
        singulars.iter().flatten().any(|t| person(t))
    })
}

/// May a name start after `w`, a month's name being its first word ("reporter April Ryan",
/// "said April Ryan")? Not after a capital ("Last May Smith said", "Since August Democrats
/// have …"), a stop word ("In April Lee said") or a word of time ("in early May Jones said").
fn after_a_noun_or_verb(w: &str) -> bool {
    !text::is_capitalised(w) && with_lower_key(w, |k| !text::is_stop_word(k)) && !of_time(w)
}

/// Is `w` a word that stands before a month as a date's ("early May", "Last March", "Since
/// August")?
fn of_time(w: &str) -> bool {
    const TIME: [&str; 10] = [
        "early", "late", "last", "next", "mid", "since", "until", "through", "every", "each",
    ];
    with_lower_key(w, |k| TIME.contains(&k))
}

/// Does a list of people follow the words up to `last` of the sentence's words `all`: "and"
/// before a capitalised word further on ("Senators Ann Lee of Ohio, the chair of the panel,
/// and Jo Kim")? What a plural title before a name needs to be one ("Presidents Bush and
/// Obama"), where without a list it is more often part of a name ("Republican Governors
/// Association"). (A list of things, "The Presidents Cup and Ryder Cup", is told apart by the
/// body's word in the name.)
fn list_follows(all: &[Word<'_>], last: &Word<'_>) -> bool {
    let after = all.iter().skip_while(|w| w.start <= last.start);
    after
        .clone()
        .zip(after.skip(1))
        .any(|(w, next)| w.text == "and" && is_name_word(next.text))
}

/// Finds the name mentions in one sentence, given with its words ([`text::words`]). `base` is
/// the sentence's offset in the clean text.
pub fn mentions(
    sentence: &str,
    ws: &[text::Word],
    base: usize,
    vocab: &Vocabulary,
) -> Vec<Mention> {
    debug_assert!(
        ws.last().is_none_or(|w| w.end <= sentence.len()),
        "words of another text"
    );
    let mut out = Vec::new();
    // A headline in title case ("Obama Gun Control Proposals Unveiled, Marking Biggest
    // Legislative Effort") capitalises every word: there a word is a name's only when the
    // document capitalises it inside a sentence of its own too, or is a slip of such a word
    // ("Trmup Attacks ...").
    let headline = is_headline(sentence, ws);
    let name_word = |w: &str| {
        is_name_word(w)
            && (!headline || {
                let bare = strip_possessive(w);
                vocab.capitalised_inside.contains(bare) || vocab.slip_of_a_name(bare)
            })
    };
    // A number after the word at `k`, past a dot ("Sept. 11", "May 2019").
    let number_after = |k: usize| {
        sentence[ws[k].end..]
            .trim_start_matches(['.', ' '])
            .starts_with(|c: char| c.is_ascii_digit())
    };
    let spaced = |k: usize| {
        ws.get(k + 1)
            .is_some_and(|n| &sentence[ws[k].end..n.start] == " ")
    };
    let plain =
        |k: usize| name_word(ws[k].text) && with_lower_key(ws[k].text, |l| !text::is_stop_word(l));
    // A name's word, at `k`: a month's abbreviation before a day is a date's ("Sept. 11", "Jan.
    // 6"), not a name's; a month's name inside a name ("Theresa May") or before a name not a
    // title ("April Ryan", but not "In April Trump said") is a name's, but not before a number.
    let name_at = |k: usize| {
        let w = ws[k].text;
        // Most words are settled by their first byte: a name's word opens with a capital (or
        // a letter beyond ASCII, or a particle's).
        let first = w.as_bytes().first().copied().unwrap_or(b' ');
        if first.is_ascii_lowercase() {
            // Only a particle's word ("diGenova", "al-Assad").
            return with_particle(w) && name_word(w);
        }
        if first.is_ascii() && !first.is_ascii_uppercase() {
            return false;
        }
        let key_is = |f: fn(&str) -> bool| with_lower_key(w, f);
        if w.len() <= 4
            && sentence[ws[k].end..].starts_with('.')
            && key_is(text::is_month)
            && number_after(k)
        {
            return false;
        }
        if name_word(w) {
            return true;
        }
        text::is_capitalised(w)
            && key_is(text::is_month_name)
            && !number_after(k)
            && ((k > 0 && spaced(k - 1) && plain(k - 1) && !of_time(ws[k - 1].text))
                || (spaced(k)
                    && plain(k + 1)
                    && !is_title_word(ws[k + 1].text)
                    && (k == 0 || after_a_noun_or_verb(ws[k - 1].text))))
    };
    let mut i = 0;
    while i < ws.len() {
        if !name_at(i) {
            i += 1;
            continue;
        }
        // Grow a run of capitalised words, joined by single spaces, initials or connectors.
        let mut j = i + 1;
        let mut last = i;
        while j < ws.len() {
            let gap = &sentence[ws[j - 1].end..ws[j].start];
            let prev = ws[j - 1].text;
            // After an initial, a title or the abbreviation of "Saint", "Mount" or "Fort" ("St.
            // Louis"), a dot does not end the name. "St." opening a name (an article aside) is
            // Saint's; after a name it is Street's ("Elm St. Ann Lee owns …").
            let opens_run = j - 1 == i
                || (j - 2 == i && with_lower_key(ws[i].text, |k| matches!(k, "the" | "a" | "an")));
            let gap_ok = gap == " "
                || (gap == ". "
                    && (prev.chars().count() == 1
                        || is_title_word(prev)
                        || (matches!(prev, "St" | "Mt" | "Ft") && opens_run)));
            if !gap_ok || strip_possessive(prev) != prev {
                break;
            }
            // Inside the object of an office ("Secretary of Health and Human Services", "Chairman
            // of the Joint Chiefs of Staff"), after a word of one, "of" and "and" go on when
            // the capitalised words after them reach another word of an office before any
            // title ("the Secretary of State and John Bolton" are two).
            let in_office = || {
                is_office_object(prev)
                    && (i..j - 1).any(|k| is_title_word(ws[k].text) && ws[k + 1].text == "of")
                    && ws[j + 1..]
                        .iter()
                        .take_while(|w| is_name_word(w.text) && !is_title_word(w.text))
                        .any(|w| is_office_object(w.text))
            };
            // A title word that is also a surname, after a name that may be a given name, is
            // the surname ("Gov. Jim Justice of West Virginia", "Stephen King of Maine"), unless
            // an office follows "of" ("Ann Lee Justice of the Peace").
            let surname = |k: usize| {
                is_surname_title(ws[k].text)
                    // The name's first word after its titles ("Rep. Peter T. King").
                    && (i..k)
                    .find(|&m| !is_title_word(ws[m].text))
                    .is_some_and(|m| may_be_given_name(ws[m].text, vocab))
                    && !ws.get(k + 2).is_some_and(|w| is_office_object(w.text))
            };
            // In a headline, two words the document capitalises elsewhere join only if it
            // writes them together there too ("Glenn Beck CPAC 2010 Speech" is "Glenn Beck";
            // a slip of a name, "Rita Vanec Loses", still joins).
            let joined = || {
                let next = strip_possessive(ws[j].text);
                !headline
                    || !vocab.capitalised_inside.contains(prev)
                    || !vocab.capitalised_inside.contains(next)
                    || vocab.capitalised_pairs.contains(&(prev, next))
            };
            if name_at(j) && joined() {
                last = j;
                j += 1;
            } else if name_at(j) {
                break;
            } else if (CONNECTORS.contains(&ws[j].text) || ws[j].text == "and")
                // "Bank of England", "Then Secretary of Homeland Security Ann Lee", but not
                // "Chris Coons of Delaware" or "John Kerry and Chuck Hagel".
                && match ws[j].text {
                    "of" => {
                        // One word before it, an article aside ("The Bank of England").
                        let article = usize::from(with_lower_key(ws[i].text, |k| {
                            matches!(k, "the" | "a" | "an")
                        }));
                        (j - i - article < 2 && !is_party_member(prev))
                            || (is_title_word(prev) && !surname(j - 1))
                            || in_office()
                    }
                    "and" => in_office(),
                    _ => true,
                }
                && j + 1 < ws.len()
                && name_word(ws[j + 1].text)
            {
                j += 1;
            } else if ws[j].text == "of"
                // "Speaker of the House Jo Kim": a title's object, taken off with it.
                && is_title_word(prev)
                && ws.get(j + 1).is_some_and(|w| w.text == "the")
                && ws.get(j + 2).is_some_and(|w| is_name_word(w.text))
                && &sentence[ws[j].end..ws[j + 1].start] == " "
            {
                j += 2;
            } else {
                break;
            }
        }
        let run = &ws[i..=last];
        i = last + 1;
        if let Some(m) = to_mention(sentence, base, run, ws, vocab) {
            out.push(m);
        }
    }
    out
}

/// May a capitalised word before a title word be a given name, making the title word a
/// surname ("Jim Justice", "Peter King")? Not when it is a title, a word of an office, or a
/// common word capitalised (a stop word, an opener, or a word the document writes in lower
/// case: "Then Secretary", "Press Secretary").
fn may_be_given_name(w: &str, vocab: &Vocabulary) -> bool {
    is_name_word(w)
        && !is_title_word(w)
        && !is_office_object(w)
        && !with_lower_key(w, |l| {
            text::is_stop_word(l) || is_opener(l) || vocab.lower.contains(l)
        })
}

/// Is a title word one that is also a common surname ("Jim Justice", "Peter King", "Howard
/// Dean"), so that after a given name it is the surname? Job words ("Director", "Secretary")
/// never are.
fn is_surname_title(w: &str) -> bool {
    const SURNAMES: [&str; 12] = [
        "king", "prince", "judge", "justice", "dean", "pope", "lord", "sheriff", "warden",
        "bishop", "pastor", "father",
    ];
    with_lower_key(w, |k| SURNAMES.contains(&k))
}

/// Is a word a generational suffix of a name ("Jr", "Sr", "III")? Not "II" or "IV", which
/// are as often regnal numbers ("Pope John Paul II", "Henry IV").
fn is_generational(w: &str) -> bool {
    matches!(w.trim_end_matches('.'), "Jr" | "Sr" | "III")
}

/// Is `m` the name `n` with a generational suffix after it ("Ken Griffey Jr." of "Ken
/// Griffey"): another person, the son or the father?
fn with_suffix(m: &[String], n: &[String]) -> bool {
    m.len() == n.len() + 1 && m.starts_with(n) && is_generational(&m[n.len()])
}

/// Titles that qualify another title rather than name a person's office: after them, a title
/// word is the office, not a surname ("Deputy Press Secretary").
const QUALIFYING_TITLES: [&str; 5] = ["deputy", "acting", "former", "vice", "chief"];

/// Is a sentence (its text and its words) a headline: no mark ends it, and it is in title case,
/// three words of four letters or more and none of them in lower case ("Obama Willing to Use
/// Executive Orders on Guns").
fn is_headline(sentence: &str, ws: &[text::Word]) -> bool {
    let long = |w: &&text::Word| w.text.chars().nth(3).is_some();
    let ends = sentence
        .trim_end()
        .ends_with(|c: char| !c.is_alphanumeric() && c != ')');
    !ends
        && ws.iter().filter(long).count() >= 3
        && ws
            .iter()
            .filter(long)
            .all(|w| !w.text.starts_with(char::is_lowercase))
}

fn is_name_word(w: &str) -> bool {
    // Taking a possessive off leaves the first letter: a word in lower case is settled first.
    if !text::is_capitalised(w) && !with_particle(w) {
        return false;
    }
    let bare = strip_possessive(w);
    (text::is_capitalised(bare) || with_particle(bare))
        && bare.chars().next().is_some_and(char::is_alphabetic)
        && {
            with_lower_key(bare, |key| {
                !NOT_NAMES.contains(key) && !text::is_month_name(key)
            })
        }
        && !is_party_label(bare)
}

/// Is `w` a surname written with its particle in lower case before a capital: "diGenova",
/// "deGrom", "al-Assad", "el-Sisi"? (Not "iPhone" or "eBay": the particle is one of names.)
fn with_particle(w: &str) -> bool {
    const GLUED: [&str; 12] = [
        "di", "de", "da", "du", "del", "della", "le", "la", "van", "von", "mc", "mac",
    ];
    const HYPHENATED: [&str; 3] = ["al-", "el-", "bin-"];
    // A particle's letter first, and the capital in the third to sixth bytes, after the
    // particle: most words are settled by this look alone.
    let b = w.as_bytes();
    if b.len() < 4 || !matches!(b[0], b'a' | b'b' | b'd' | b'e' | b'l' | b'm' | b'v') {
        return false;
    }
    let Some(at) = b[2..b.len().min(6)]
        .iter()
        .position(u8::is_ascii_uppercase)
        .map(|p| p + 2)
    else {
        return false;
    };
    let (particle, rest) = w.split_at(at);
    (GLUED.contains(&particle) || HYPHENATED.contains(&particle))
        && rest.chars().filter(|c| c.is_lowercase()).count() >= 2
}

/// A member of a party, in the US style that names the state after it ("Representative Ann
/// Lee, Republican of Ohio"): the state after "of" is a name of its own. A slip of the pen
/// ("Repubilcan") is one still, so that it is compared with the word as others write it.
fn is_party_member(w: &str) -> bool {
    const PARTIES: [&str; 3] = ["republican", "democrat", "independent"];
    with_lower_key(w, |k| {
        // One edit changes the length by one character at most: most words are turned away
        // before the distance is counted.
        let length = k.chars().count();
        PARTIES.iter().any(|p| {
            k == *p || (length.abs_diff(p.len()) <= 1 && strsim::damerau_levenshtein(k, p) == 1)
        })
    })
}

/// A party and state label such as "D-Conn" or "R-S.C" (US political writing), not a name.
fn is_party_label(w: &str) -> bool {
    let mut parts = w.splitn(2, '-');
    matches!(parts.next(), Some("D" | "R" | "I"))
        && parts
            .next()
            .is_some_and(|s| s.len() <= 5 && text::is_capitalised(s))
}

fn to_mention(
    sentence: &str,
    base: usize,
    run: &[Word<'_>],
    all: &[Word<'_>],
    vocab: &Vocabulary,
) -> Option<Mention> {
    // The words of the name, a window on the run that narrows as words are taken off.
    let mut words = run;
    // A capitalised word opening the sentence (or a quote) is a name only if the document also
    // capitalises it elsewhere and never writes it in lower case.
    let first = &words[0];
    let opens = std::ptr::eq(first, &all[0])
        || follows_quote_open(sentence, first)
        || follows_dateline(sentence, first);
    if opens {
        let bare = strip_possessive(first.text);
        let lower = bare.to_lowercase();
        // A contraction of a common word ("They've", "We're") is as common.
        let contraction = lower
            .split_once(['\'', '\u{2019}'])
            .is_some_and(|(stem, end)| {
                matches!(end, "ve" | "re" | "ll" | "d" | "m" | "s" | "t")
                    && text::is_stop_word(stem)
            });
        let common = text::is_stop_word(&lower)
            || is_opener(&lower)
            || vocab.lower.contains(lower.as_str())
            || contraction;
        // A run of several capitalised words ("Ann Lee has ...") keeps its first word unless
        // it is a common word; a single one needs to be capitalised elsewhere too.
        let single = words.len() == 1;
        // ... unless it is the one who speaks: "Okafor said: ...".
        let last = &words[words.len() - 1];
        // A plural common noun ("Officials said") does not speak as a name.
        let plural = bare.ends_with('s') && !bare.ends_with("ss");
        let speaks = || {
            !plural
                && all
                    .iter()
                    .find(|w| w.start > last.start)
                    .is_some_and(|w| crate::extract::speaker::is_speech_verb(&text::key(w.text)))
        };
        let known = || vocab.capitalised_inside.contains(bare) || vocab.slip_of_a_name(bare);
        if common || (single && !speaks() && !known()) {
            words = &words[1..];
        }
    }
    // Titles off the front: everything up to the last title word, and "of X" after it.
    let mut titled = false;
    // Whether one of them is a person's ("Gov.", "Rep."), not only one that qualifies another.
    let mut persons_title = false;
    // A plural title before the first of a list of people: "Senators Ann Lee and Jo Kim".
    // ... and not before a body's name ("Presidents Cup and Ryder Cup", "Governors Island").
    if words.len() > 1
        && is_plural_title(words[0].text)
        && list_follows(all, &run[run.len() - 1])
        && !names_a_body_after_first(words)
    {
        titled = true;
        persons_title = true;
        words = &words[1..];
    }
    let speaks_here = |w: &Word| speech_verb_beside(all, w);
    while let Some(w) = words.first() {
        // A title word left alone that is also a surname is the surname when it speaks
        // ("Bishop said", "said Bishop").
        if titles_here(words, 0)
            && !(words.len() == 1 && is_surname_title(w.text) && speaks_here(w))
        {
            titled = true;
            persons_title |= with_lower_key(w.text, |k| {
                !QUALIFYING_TITLES.contains(&k.trim_end_matches('.'))
            });
            words = &words[1..];
            take_office_object(&mut words);
        } else {
            break;
        }
    }
    if titled && words.len() > 1 && (1..words.len()).any(|k| titles_here(words, k)) {
        // "Defense Secretary Jim Mattis": strip through the last title word, unless it is the
        // last word after a person's title and a given name, a surname ("Gov. Jim Justice",
        // not "Deputy Press Secretary").
        if let Some(p) = (0..words.len()).rposition(|k| titles_here(words, k))
            && (p + 1 < words.len()
                || !persons_title
                || p == 0
                || !is_surname_title(words[p].text)
                || !may_be_given_name(words[0].text, vocab))
        {
            words = &words[p + 1..];
            take_office_object(&mut words);
        }
    } else if !titled
        && words.len() > 2
        && let Some(p) = (0..words.len() - 1).rposition(|k| titles_here(words, k))
    {
        // "White House Chief of Staff Rahm Emanuel".
        titled = true;
        words = &words[p + 1..];
        take_office_object(&mut words);
    }
    // A party before a person's name is a label, as a title is ("Republican Ann Lee",
    // "Democrat Tom Ray"); not before a body's ("Republican National Committee", "Democratic
    // Party", "Republican White House").
    if words.len() > 2
        && with_lower_key(words[0].text, |k| {
            matches!(k, "republican" | "democrat" | "independent")
        })
        && may_be_given_name(words[1].text, vocab)
        && !names_a_body_after_first(words)
    {
        words = &words[1..];
    }
    // Connectors at the edges are not part of the name (a month's name is, when the run took
    // it in: "Theresa May").
    let edge = |w: &Word| {
        let month = || text::is_capitalised(w.text) && with_lower_key(w.text, text::is_month_name);
        !(is_name_word(w.text) || month())
    };
    while words.first().is_some_and(edge) {
        words = &words[1..];
    }
    while words.last().is_some_and(edge) {
        words = &words[..words.len() - 1];
    }
    let (first, last) = (words.first()?, words.last()?);
    // A title alone is none, possessive or not ("the Secretary's arrangement"), unless it is
    // also a common surname ("King's remarks").
    if words.len() == 1 && {
        let bare = strip_possessive(first.text);
        is_title_word(bare) && !is_surname_title(bare)
    } {
        return None;
    }
    // A lone letter ("R" of "R-Ind.", an initial) is not a name.
    if words.len() == 1 && strip_possessive(first.text).chars().count() < 2 {
        return None;
    }
    let tokens: Vec<String> = words
        .iter()
        .map(|w| {
            let t = strip_possessive(w.text);
            let t = t.trim_end_matches(['\'', '\u{2019}']);
            // An initial keeps its dot ("John F. Kelly"), and so does "St." ("St. Louis").
            if (t.chars().count() == 1 || matches!(t, "St" | "Mt" | "Ft"))
                && sentence[w.end..].starts_with('.')
            {
                format!("{t}.")
            } else {
                t.to_string()
            }
        })
        .collect();
    let end = last.start
        + strip_possessive(last.text)
            .trim_end_matches(['\'', '\u{2019}'])
            .len();
    Some(Mention {
        range: base + first.start..base + end,
        tokens,
        titled: titled || preceded_by_title(sentence, first),
    })
}

/// Do the words of a name after its first mark a body ([`super::names_a_body`]: "Presidents
/// Cup", "Republican National Committee")? Then its first word is not a title or label to
/// take off.
fn names_a_body_after_first(words: &[Word<'_>]) -> bool {
    let rest: Vec<&str> = words[1..]
        .iter()
        .map(|w| strip_possessive(w.text))
        .collect();
    super::names_a_body(&rest.join(" "))
}

/// Does a speech verb stand right before or after the word `w` of the sentence's words `all`?
fn speech_verb_beside(all: &[Word<'_>], w: &Word<'_>) -> bool {
    let Some(at) = all.iter().position(|x| x.start == w.start) else {
        return false;
    };
    let verb = |x: &Word| crate::extract::speaker::is_speech_verb(&text::key(x.text));
    all.get(at + 1).is_some_and(verb) || (at > 0 && verb(&all[at - 1]))
}

/// Is the `k`th word of a name's words a title there? Not before a generational suffix: "King
/// Jr." and "Justice Sr." are surnames ("Martin Luther King Jr.").
fn titles_here(words: &[Word<'_>], k: usize) -> bool {
    is_title_word(words[k].text) && !words.get(k + 1).is_some_and(|w| is_generational(w.text))
}

/// Takes the object of the office whose title was just taken off the front of `words`: "of
/// State", "of the House", and an object of several words: on while the next word is one of
/// an office, or "of" or "and" with the word after it ("of the United States", "of Homeland
/// Security", "of the Joint Chiefs of Staff", "of Health and Human Services"). A name of four
/// words, "Ana María Pérez García", stays whole, and so does a name after the office, whatever
/// its words ("Secretary of Labor Tom House Ray").
fn take_office_object(words: &mut &[Word<'_>]) {
    if words.first().is_none_or(|w| w.text != "of") {
        return;
    }
    let the = usize::from(words.get(1).is_some_and(|w| w.text == "the"));
    if words.len() > 2 + the {
        *words = &words[2 + the..];
    } else if words[1 + the..]
        .iter()
        .all(|w| is_office_object(w.text) && !is_title_word(w.text))
    {
        // An office with no name after it ("the Secretary of State, Mike Pompeo"; "the
        // Speaker of the House said") names no one; a place after "of" is a name ("the
        // President of Iran").
        *words = &[];
        return;
    }
    loop {
        let joins = words.len() >= 3 && matches!(words[0].text, "of" | "and");
        if joins {
            *words = &words[2..];
        } else if words.len() >= 2
            && is_office_object(words[0].text)
            && !is_title_word(words[0].text)
        {
            *words = &words[1..];
        } else {
            break;
        }
    }
}

/// Words that end the object of an office ("Secretary of Homeland Security", "President of
/// the United States", "Chairman of the Joint Chiefs of Staff"), or join its words.
static OFFICE_OBJECTS: text::WordSet = text::WordSet::new(&[
    "of",
    "the",
    "and",
    "for",
    "state",
    "states",
    "security",
    "defense",
    "defence",
    "treasury",
    "commerce",
    "labor",
    "labour",
    "energy",
    "education",
    "agriculture",
    "interior",
    "justice",
    "health",
    "services",
    "transportation",
    "affairs",
    "development",
    "staff",
    "chiefs",
    "housing",
    "ways",
    "science",
    "technology",
    "representatives",
    "house",
    "senate",
    "congress",
    "court",
    "council",
    "committee",
    "department",
    "office",
    "board",
    "bureau",
    "agency",
    "administration",
    "commission",
    "reserve",
    "intelligence",
    "investigation",
    "budget",
    "management",
    "nations",
    "union",
    "kingdom",
    "republic",
]);

/// Is `w` a word that ends or joins the object of an office ([`OFFICE_OBJECTS`])?
fn is_office_object(w: &str) -> bool {
    OFFICE_OBJECTS.contains(&text::key(w))
}

/// Words that often open a sentence capitalised without being names.
fn is_opener(w: &str) -> bool {
    const OPENERS: &[&str] = &[
        "despite",
        "although",
        "though",
        "unlike",
        "like",
        "since",
        "unless",
        "whether",
        "meanwhile",
        "instead",
        "still",
        "yet",
        "thus",
        "hence",
        "also",
        "then",
        "now",
        "today",
        "yesterday",
        "tonight",
        "earlier",
        "later",
        "last",
        "next",
        "asked",
        "speaking",
        "according",
        "following",
        "amid",
        "among",
        "along",
        "besides",
        "beyond",
        "within",
        "without",
        "throughout",
        "toward",
        "towards",
        "upon",
        "via",
        "per",
        "plus",
        "dear",
        "indeed",
        "perhaps",
        "maybe",
        "certainly",
        "clearly",
        "obviously",
        "however",
        "moreover",
        "furthermore",
        "nevertheless",
        "nonetheless",
        "otherwise",
        "overall",
        "finally",
        "first",
        "second",
        "third",
        "ultimately",
        "eventually",
        "initially",
        "previously",
        "recently",
        "currently",
        "already",
        "even",
        "only",
        "just",
        "both",
        "either",
        "neither",
        "every",
        "each",
        "many",
        "several",
        "few",
        "most",
        "some",
        "any",
        "all",
        "no",
        "not",
        "never",
        "ever",
        "always",
        "often",
        "sometimes",
        "there",
        "here",
        "where",
        "what",
        "when",
        "why",
        "how",
        "who",
        "which",
        "while",
        "after",
        "before",
        "during",
        "until",
        "because",
        "if",
        "so",
        "but",
        "and",
        "or",
        "nor",
        "for",
        "with",
        "by",
        "from",
        "of",
        "in",
        "on",
        "at",
        "to",
        "as",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "we",
        "they",
        "he",
        "she",
        "it",
        "you",
        "one",
        "former",
        "new",
        "top",
        "senior",
        "local",
        "federal",
        "state",
        "national",
        "breaking",
        "update",
        "updated",
        "watch",
        "read",
        "see",
        "note",
        "photo",
        "video",
    ];
    OPENERS.contains(&w)
}

/// Is `w` (lower case) an honorific or job title ("mr", "senator", "captain")?
pub fn is_title(w: &str) -> bool {
    TITLES.contains(w.trim_end_matches('.'))
}

fn preceded_by_title(sentence: &str, w: &Word<'_>) -> bool {
    let before = sentence[..w.start].trim_end();
    let prev = before.rsplit(' ').next().unwrap_or("");
    is_title_word(prev)
}

/// The entities of one document: every distinct name and its canonical (fullest) form.
#[derive(Debug, Default, Clone)]
pub struct Entities {
    /// Canonical name for each distinct name written in the document, by its words (only
    /// looked up: a hash map).
    canonical: HashMap<Vec<String>, String>,
    /// Number of mentions of each canonical name.
    pub counts: BTreeMap<String, usize>,
    /// Every distinct written form, with the canonical name it belongs to, in first-seen order.
    pub forms: Vec<(String, String)>,
}

impl Entities {
    /// Builds the table from all mentions of a document, in document order.
    pub fn build(mentions: &[Mention]) -> Entities {
        // The names as the mentions write them, borrowed: in order of first mention, and how
        // often each is mentioned.
        let mut distinct: Vec<&Vec<String>> = Vec::new();
        let mut count: HashMap<&Vec<String>, usize> =
            HashMap::with_capacity_and_hasher(mentions.len(), Default::default());
        let titled: HashSet<&Vec<String>> = mentions
            .iter()
            .filter(|m| m.titled)
            .map(|m| &m.tokens)
            .collect();
        for m in mentions {
            let n = count.entry(&m.tokens).or_default();
            if *n == 0 {
                distinct.push(&m.tokens);
            }
            *n += 1;
        }
        // The last words of the names (surnames, single names): a hyphenated word made of them
        // ("Romney-Ryan", "Clinton-Kaine") is a ticket or a pairing, not a first name.
        let lasts: HashSet<&str> = distinct
            .iter()
            .filter_map(|n| n.last().map(String::as_str))
            .collect();
        let pairing = |n: &Vec<String>| {
            n[..n.len() - 1].iter().any(|w| {
                let mut parts = w.split('-');
                parts.clone().count() > 1 && parts.all(|p| lasts.contains(p))
            })
        };
        // The names by their first word and by their last, each list in the order of
        // `distinct`: a name can start or end with another only if it starts or ends with the
        // same word, so each name is compared with those alone rather than with every name. (A
        // name of no words, which no mention makes, would be compared with all.)
        let all: Vec<usize> = (0..distinct.len()).collect();
        let mut by_first: HashMap<&str, Vec<usize>> = HashMap::default();
        let mut by_last: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, n) in distinct.iter().enumerate() {
            if let (Some(f), Some(l)) = (n.first(), n.last()) {
                by_first.entry(f).or_default().push(i);
                by_last.entry(l).or_default().push(i);
            }
        }
        /// The names of `by` under `word`; all of them for no word.
        fn group<'m>(
            by: &'m HashMap<&str, Vec<usize>>,
            word: Option<&String>,
            all: &'m [usize],
        ) -> &'m [usize] {
            match word {
                Some(w) => by.get(w.as_str()).map_or(&[], Vec::as_slice),
                None => all,
            }
        }
        let starting_with = |n: &Vec<String>| {
            group(&by_first, n.first(), &all)
                .iter()
                .map(|&i| distinct[i])
        };
        let ending_with =
            |n: &Vec<String>| group(&by_last, n.last(), &all).iter().map(|&i| distinct[i]);
        // The names that end with a generational suffix, for `kin` below.
        let generational: Vec<&Vec<String>> = distinct
            .iter()
            .filter(|n| n.last().is_some_and(|w| is_generational(w)))
            .copied()
            .collect();
        let mut e = Entities {
            canonical: HashMap::with_capacity_and_hasher(distinct.len(), Default::default()),
            ..Entities::default()
        };
        for name in &distinct {
            // A fuller name ending with this one (a surname: "Lee" → "Ann Lee") wins over one
            // starting with it (a short form: "Riverside" → "Riverside Rovers").
            // A name written with a title ("President Trump") is a person's: it never stretches
            // to a place or thing named after it ("Trump Tower"). A name stretches to a fuller
            // one starting with it ("Ann Lee", "Goldman Sachs", "Riverside Rovers") but not to
            // one of a body ("the Kim Center", "the Wyoming Senate", "New York City"), unless
            // it names a body itself, nor to a party member of a place ("an Iowa Democrat").
            // Nor does a place stretch to a body named after it as a surname would ("the
            // University of Central Arkansas"): a name with "of" is no one's full name.
            // A pairing before it ("the Romney-Ryan Medicare plan") makes no surname.
            // A body's one word ("House", "Senate") stays as written: "the House" is not "the
            // White House", nor one of the House's committees.
            let lone_body = name.len() == 1 && super::names_a_body(&name[0]);
            // A name starting two fuller names of the document, neither in the other and with
            // different last words ("New York City", "New York Yankees"), is a short form of
            // neither: which one it names is not known. ("Hillary Rodham Clinton" and "Hillary
            // Clinton" are one person's.)
            let mut starting = starting_with(name)
                .filter(|n| {
                    n.len() > name.len()
                        && n.starts_with(name)
                        && !starting_with(n).any(|m| m.len() > n.len() && m.starts_with(n))
                })
                .map(|n| n.last());
            let starts_several = starting
                .next()
                .is_some_and(|one| starting.any(|other| other != one));
            // A fuller name ending with this one, as a surname.
            let ends_with =
                |n: &Vec<String>| n.len() > name.len() && n.ends_with(name) && !pairing(n);
            let ends = ending_with(name).any(&ends_with) || titled.contains(name);
            // The names ending with it before a generational suffix ("Jackson" in "Jesse L.
            // Jackson Jr."): a family's, of which the one with "Jr." may not be the one meant
            // ("President Trump" beside "Donald Trump Jr."), so never the name taken, but a
            // person of that surname all the same.
            let kin: Vec<&Vec<String>> = generational
                .iter()
                .filter(|n| match n.split_last() {
                    Some((last, rest)) if is_generational(last) => {
                        rest.len() > name.len() && rest.ends_with(name) && !pairing(n)
                    }
                    _ => false,
                })
                .copied()
                .collect();
            // Those ending with it when it is a surname, else those starting with it.
            let fuller = if ends {
                group(&by_last, name.last(), &all)
            } else {
                group(&by_first, name.first(), &all)
            };
            let fuller = fuller
                .iter()
                .map(|&i| (i, distinct[i]))
                .filter(|(_, n)| {
                    !lone_body
                        && n.len() > name.len()
                        && if ends {
                            ends_with(n) && !n.iter().any(|w| w == "of")
                        } else {
                            n.starts_with(name)
                                && !with_suffix(n, name)
                                && !n.last().is_some_and(|w| is_party_member(w))
                                && (!super::names_a_body(&n.join(" "))
                                    || super::names_a_body(&name.join(" ")))
                                && !starts_several
                        }
                })
                // Only extend to a fuller name that is itself maximal ("Donald Trump Jr." is
                // another person than "Donald Trump").
                .filter(|(_, n)| {
                    !ending_with(n).any(|m| m.len() > n.len() && m.ends_with(n))
                        && !starting_with(n)
                            .any(|m| m.len() > n.len() && m.starts_with(n) && !with_suffix(m, n))
                })
                .collect::<Vec<_>>();
            // A surname two people of the document share ("Hillary and Bill Clinton") stays as
            // written: which of them it names is not known. (Fuller names with one first name,
            // or forms of one, are one person: "Mike" and "Michael R. Bloomberg".)
            let first = |n: &Vec<String>| text::strip_accents(&n[0]).to_lowercase();
            let fuller = if ends
                && fuller
                    .iter()
                    .map(|(_, n)| *n)
                    .chain(kin.iter().copied())
                    .any(|n| {
                        fuller
                            .first()
                            .is_none_or(|(_, f)| !same_first_name(&first(n), &first(f)))
                    }) {
                None
            } else {
                // Of names as often met and as long, the first met (its place in `distinct`).
                fuller
                    .into_iter()
                    .max_by(|(pa, a), (pb, b)| {
                        count[*a]
                            .cmp(&count[*b])
                            .then(a.len().cmp(&b.len()))
                            .then_with(|| pb.cmp(pa))
                    })
                    .map(|(_, n)| n)
            };
            let canon = fuller.unwrap_or(name).join(" ");
            let written = name.join(" ");
            *e.counts.entry(canon.clone()).or_default() += count[name];
            e.canonical.insert(name.to_vec(), canon.clone());
            e.forms.push((written, canon));
        }
        e
    }

    /// The canonical form of a name written in this document (itself when unknown). The table
    /// is kept by a name's words: this splits `name` at its spaces to look it up
    /// ([`Entities::canonical_of`] looks a mention up without).
    pub fn canonical(&self, name: &str) -> String {
        let words: Vec<String> = name.split(' ').map(String::from).collect();
        self.canonical
            .get(&words)
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }

    /// The canonical form of the name a mention writes: [`Entities::canonical`] of
    /// [`Mention::name`], without joining its words (a name's words have no space in them).
    pub fn canonical_of(&self, m: &Mention) -> String {
        self.canonical
            .get(m.tokens.as_slice())
            .cloned()
            .unwrap_or_else(|| m.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentences: &[&str], expected: &[&[&str]]) {
        let words: Vec<Vec<text::Word>> = sentences.iter().map(|s| text::words(s)).collect();
        let vocab = Vocabulary::learn(
            sentences
                .iter()
                .copied()
                .zip(words.iter().map(Vec::as_slice)),
        );
        for ((s, ws), want) in sentences.iter().zip(&words).zip(expected) {
            let got: Vec<String> = mentions(s, ws, 0, &vocab)
                .iter()
                .map(Mention::name)
                .collect();
            assert_eq!(&got, want, "names in {s:?}");
        }
    }

    #[test]
    fn runs_titles_and_sentence_openers() {
        check(
            &[
                "Meanwhile, England manager Mary Baines said she would stay.",
                "Defense Secretary Jim Mattis met Mr. Trump and John F. Kelly on Thursday.",
                "Really tough night for England’s Three Lions' fans.",
                "Secretary of State Mike Pompeo spoke at the Bank of England.",
                "\"We are gutted,\" Obama said.",
                "Okafor said: \"We lost.\"",
                "Officials said: \"It stays shut.\"",
                "Later, Acme CEO Ann Lee met House Speaker-to-be Tom Ray.",
                "Then Senate Majority Whip Jo Kim and historian Al Ng spoke.",
                "WASHINGTON -- Real estate tycoon Tom Ray spoke.",
                "Later, Former Speaker of the House Jo Kim spoke.",
                "PHOENIX, Ariz. \u{2014} With a week left, Ann Lee spoke in Phoenix.",
            ],
            &[
                &["England", "Mary Baines"],
                &["Jim Mattis", "Trump", "John F. Kelly"],
                &["England", "Three Lions"],
                &["Mike Pompeo", "Bank of England"],
                &["Obama"],
                &["Okafor"],
                &[],
                &["Ann Lee", "Tom Ray"],
                &["Jo Kim", "Al Ng"],
                &["Tom Ray"],
                &["Jo Kim"],
                &["Ariz", "Ann Lee", "Phoenix"],
            ],
        );
    }

    /// A plural title before a list of people is a title of each ("Senators Ann Lee and Jo
    /// Kim"); without a list it is part of a name ("Mayors Forum", "Harbor Judges Guild").
    #[test]
    fn a_plural_title_before_a_list_of_people_is_a_title() {
        check(
            &[
                "Senators Ann Lee of Ohio and Tom Ray of Utah wrote to the board.",
                "The fund grew under Presidents Ray and Lee.",
                "Councilwomen Jo Kim, Al Ng and Mia Sol voted against it.",
                "The Mayors Forum met in Denver.",
                "She spoke at the Harbor Judges Guild dinner.",
                "The Presidents Cup and Ryder Cup drew crowds.",
                "The Mayors Council returns to Denver, and Ann Lee will speak.",
            ],
            &[
                &["Ann Lee", "Ohio", "Tom Ray", "Utah"],
                &["Ray", "Lee"],
                &["Jo Kim", "Al Ng", "Mia Sol"],
                &["Mayors Forum", "Denver"],
                &["Harbor Judges Guild"],
                &["Presidents Cup", "Ryder Cup"],
                &["Mayors Council", "Denver", "Ann Lee"],
            ],
        );
    }

    /// "of" joins the words of a name after one capitalised word, an article before that word
    /// aside ("The Bank of England" as "Bank of England", not "Bank" and "England").
    #[test]
    fn a_name_with_of_after_an_article_is_one_name() {
        check(
            &[
                "The Council of Elders met on Friday.",
                "A Bank of Lisbon branch closed.",
                "Then the Bank of Lisbon closed.",
            ],
            &[
                &["Council of Elders"],
                &["Bank of Lisbon"],
                &["Bank of Lisbon"],
            ],
        );
    }

    /// A surname whose particle is written in lower case before a capital ("diMarco",
    /// "al-Farsi") is a name's word; a brand written so ("iPhone", "eBay") is not a name.
    #[test]
    fn a_surname_with_its_particle_in_lower_case_is_a_name() {
        check(
            &[
                "Then Ivo diMarco met Omar al-Farsi in Rome.",
                "Then deLuca left.",
                "She sold the iPhone on eBay.",
                "The da Silva family left.",
            ],
            &[
                &["Ivo diMarco", "Omar al-Farsi", "Rome"],
                &["deLuca"],
                &[],
                &["Silva"],
            ],
        );
    }

    /// Titles of the clergy, "-in-Chief" titles and "Pro Tem" come off a name like any other;
    /// one that is also a surname stays as the surname ("Rep. Dan Bishop", "Bishop said").
    #[test]
    fn clergy_in_chief_and_pro_tem_titles_come_off_a_name() {
        check(
            &[
                "Harbor Post Editor-in-Chief Ann Lee spoke first.",
                "Jesuit Father Tom Ray wrote the letter.",
                "Then Senate President Pro Tem Jo Kim agreed.",
                "Later Rabbi Al Ng and Bishop Mia Sol arrived.",
                "Rep. Dan Bishop voted no, and then Bishop said so.",
                "Cardinal Health cut jobs.",
                "Then Commander-in-Chief Ann Lee spoke.",
            ],
            &[
                &["Ann Lee"],
                &["Tom Ray"],
                &["Jo Kim"],
                &["Al Ng", "Mia Sol"],
                &["Dan Bishop", "Bishop"],
                &["Cardinal Health"],
                &["Ann Lee"],
            ],
        );
    }

    /// A month's abbreviation before a day is a date ("Jan. 6"); a month's name inside a name
    /// ("Ana May") or before one ("April Ryan") is a name's word, but not after a preposition
    /// or before a number.
    #[test]
    fn months_in_dates_and_in_names() {
        check(
            &[
                "Minister Ana May met Jan Pratt on Jan. 6 and in Sept. 2019.",
                "In April Lee said it would pass.",
                "April Ryan asked about it in May 2020.",
                "Last May Pratt said no.",
                "Since August Democrats have blocked it.",
                "The reporter April Ryan asked.",
            ],
            &[
                &["Ana May", "Jan Pratt"],
                &["Lee"],
                &["April Ryan"],
                &["Pratt"],
                &["Democrats"],
                &["April Ryan"],
            ],
        );
    }

    /// A party before a person's name is a label ("Republican Ann Lee"), not before a body's
    /// name; "St.", "Mt." and "Ft." go on to the name after them; a contraction opening a
    /// sentence is no name; "Prosecutor" is a title.
    #[test]
    fn party_labels_saints_contractions_and_prosecutors() {
        check(
            &[
                "Then Republican Ann Lee met Democrat Tom Ray at the Republican National Committee.",
                "They've moved from St. Louis to Ft. Myers.",
                "Harbor County Prosecutor Jo Kim spoke.",
                "The shop on Elm St. Ann Lee owns was sold.",
                "A'ja Pratt scored.",
            ],
            &[
                &["Ann Lee", "Tom Ray", "Republican National Committee"],
                &["St. Louis", "Ft. Myers"],
                &["Jo Kim"],
                &["Elm St.", "Ann Lee"],
                &["A'ja Pratt"],
            ],
        );
    }

    #[test]
    fn a_misspelt_name_opening_a_sentence_is_still_a_name() {
        check(
            &[
                "The mayor met Ms. Ortega on Monday.",
                "Ortgea left early.",
                "Otherwise nothing changed.",
                "Ortegas was not there.",
            ],
            &[&["Ortega"], &["Ortgea"], &[], &[]],
        );
    }

    /// The object of an office may be several words long: it all goes with the title.
    #[test]
    fn an_office_of_several_words_goes_with_its_title() {
        check(
            &[
                "Later, President of the United States Joe Biden spoke.",
                "Later, Director of National Intelligence Dan Coats spoke.",
                "Later, Secretary of Homeland Security Kirstjen Nielsen spoke.",
                "Later, Secretary of State John F. Kerry spoke.",
                "Later, President of France Emmanuel Macron spoke.",
                "Later, Secretary of State Hillary Rodham Clinton spoke.",
                "Later, Secretary of State Pompeo spoke.",
                "Later, Secretary of State Ana María Pérez García spoke.",
                "Then Secretary of Homeland Security Kirstjen Nielsen spoke.",
                "It came from White House Chief of Staff Rahm Emanuel on Monday.",
                "Later, Chairman of the Joint Chiefs of Staff Mark Milley spoke.",
                "Later, Secretary of Health and Human Services Alex Azar spoke.",
                "Later, Secretary of Housing and Urban Development Ben Carson spoke.",
                "Later, Chairman of the House Ways and Means Committee Kevin Brady spoke.",
                "Later, Chairman of the Federal Reserve Jerome Powell spoke.",
                "Later, Secretary of State John Kerry and Defense Secretary Chuck Hagel spoke.",
                "Later, Secretary of State Mike Pompeo of Kansas spoke.",
                "Later, Ann Lee and Tom Ray of the Joint Staff spoke.",
                "Later, Secretary of Labor Tom House Ray spoke.",
                "It was signed by Gens. Mark Milley and James Mattis.",
                "Later, he met the Secretary of State and John Bolton on Tuesday.",
                "Later, the President of Iran spoke.",
                "Later, the Speaker of the House spoke.",
                "Later, the Secretary\u{2019}s arrangement and the Governor's plan ended.",
            ],
            &[
                &["Joe Biden"],
                &["Dan Coats"],
                &["Kirstjen Nielsen"],
                &["John F. Kerry"],
                &["Emmanuel Macron"],
                &["Hillary Rodham Clinton"],
                &["Pompeo"],
                &["Ana María Pérez García"],
                &["Kirstjen Nielsen"],
                &["Rahm Emanuel"],
                &["Mark Milley"],
                &["Alex Azar"],
                &["Ben Carson"],
                &["Kevin Brady"],
                &["Jerome Powell"],
                &["John Kerry", "Chuck Hagel"],
                &["Mike Pompeo", "Kansas"],
                &["Ann Lee", "Tom Ray", "Joint Staff"],
                &["Tom House Ray"],
                &["Mark Milley", "James Mattis"],
                &["John Bolton"],
                &["Iran"],
                &[],
                &[],
            ],
        );
    }

    /// A title word after a given name is the surname: the name is whole, and the place after
    /// "of" is a name of its own, not the object of an office; so is the state of a party's
    /// member.
    #[test]
    fn a_title_word_after_a_name_is_a_surname() {
        check(
            &[
                "Later, Gov. Jim Justice of West Virginia spoke.",
                "Later, Jim Justice of West Virginia spoke.",
                "The author Stephen King of Maine spoke.",
                "Later, Sen. Tom Dean spoke.",
                "It came from White House Chief of Staff Rahm Emanuel on Monday.",
                "Later, Gov. Mike Pence of Indiana spoke.",
                "Senator Joe Manchin, Democrat of West Virginia, said so.",
                "Ann Lee, a Republican of Ohio, said so.",
                "Ann Lee, Repubilcan of Ohio, said so.",
                "Georgia Secretary of State Brad Raffensperger said so.",
                "It came from Obama Chief of Staff Rahm Emanuel on Monday.",
                "The statement was released by Deputy Press Secretary on Tuesday.",
                "Later, Representative Peter T. King of New York spoke.",
                "Judicial Watch Director of Investigations Chris Farrell spoke.",
                "Later, the Rev. Martin Luther King Jr. spoke.",
                "Martin Luther King Jr. spoke in 1963.",
                "Later, Tom Dean Sr. spoke to Justice Ann Lee.",
            ],
            &[
                &["Jim Justice", "West Virginia"],
                &["Jim Justice", "West Virginia"],
                &["Stephen King", "Maine"],
                &["Tom Dean"],
                &["Rahm Emanuel"],
                &["Mike Pence", "Indiana"],
                &["Joe Manchin", "Democrat", "West Virginia"],
                &["Ann Lee", "Republican", "Ohio"],
                &["Ann Lee", "Repubilcan", "Ohio"],
                &["Brad Raffensperger"],
                &["Rahm Emanuel"],
                &[],
                &["Peter T. King", "New York"],
                &["Chris Farrell"],
                &["Martin Luther King Jr"],
                &["Martin Luther King Jr"],
                &["Tom Dean Sr", "Ann Lee"],
            ],
        );
    }

    /// In a headline in title case, a word is a name's only when the document capitalises it
    /// inside a sentence of its own too, or is a slip of such a word.
    #[test]
    fn a_headline_in_title_case_names_only_what_is_capitalised_elsewhere() {
        check(
            &[
                "Obama Gun Control Proposals Unveiled, Marking Biggest Effort In A Generation",
                "Barack Obama unveiled his proposals on gun control, the biggest effort in a generation, marking a turn.",
                "Rita Vance Wins Election In Cold Weather",
                "On Monday, Rita Vance won the election.",
                "Later, he met the Secretary of Agriculture and Tom Ray on Tuesday.",
                "Rita Vanec Loses Election In Cold Weather",
                "Glenn Beck CPAC Speech: Republicans Need No Big Tent",
                "Host Glenn Beck spoke at CPAC on Saturday.",
            ],
            &[
                &["Obama"],
                &["Barack Obama"],
                &["Rita Vance"],
                &["Rita Vance"],
                &["Tom Ray"],
                &["Rita Vanec"],
                &["Glenn Beck", "CPAC"],
                &["Glenn Beck", "CPAC"],
            ],
        );
    }

    /// An untitled mention of a name of these words.
    fn m(t: &[&str]) -> Mention {
        Mention {
            range: 0..0,
            tokens: t.iter().map(|s| s.to_string()).collect(),
            titled: false,
        }
    }

    #[test]
    fn short_forms_take_the_full_name() {
        let e = Entities::build(&[
            m(&["Lee"]),
            m(&["Ann", "Lee"]),
            m(&["Riverside"]),
            m(&["Riverside", "Rovers"]),
            m(&["Lee"]),
        ]);
        assert_eq!(e.canonical("Lee"), "Ann Lee");
        assert_eq!(e.canonical("Riverside"), "Riverside Rovers");
        assert_eq!(e.canonical("Paris"), "Paris");
    }

    /// A first name stretches to the full name ("Malia said" → "Malia Obama"), a company's
    /// short name to its full one, a surname not to a thing named after it ("Rubio said" beside
    /// "the Rubio Doctrine").
    #[test]
    fn a_name_stretches_only_to_a_person_or_a_body() {
        let e = Entities::build(&[
            m(&["Malia", "Obama"]),
            m(&["Malia"]),
            m(&["Goldman", "Sachs"]),
            m(&["Goldman"]),
            m(&["Rubio", "Doctrine"]),
            m(&["Rubio"]),
            m(&["Kim", "Center"]),
            m(&["Kim"]),
            m(&["House", "of", "Representatives"]),
            m(&["House"]),
        ]);
        assert_eq!(e.canonical("Malia"), "Malia Obama");
        assert_eq!(e.canonical("Goldman"), "Goldman Sachs");
        assert_eq!(e.canonical("Rubio"), "Rubio");
        // Nor, speaking or not, to a body named after it.
        assert_eq!(e.canonical("Kim"), "Kim");
        // A body's one word stays as written, speaking or not.
        assert_eq!(e.canonical("House"), "House");
    }

    /// A place is the short form of none of the bodies, people or things named after it: not
    /// of one of several names it starts, of a party's member from it, of a body of it, nor of
    /// a name ending with it after "of".
    #[test]
    fn a_short_form_takes_only_a_fuller_name_it_surely_stands_for() {
        let e = Entities::build(&[
            m(&["New", "York"]),
            m(&["New", "York", "Yankees"]),
            m(&["New", "York", "Knicks"]),
            m(&["Iowa"]),
            m(&["Iowa", "Democrat"]),
            m(&["Wyoming"]),
            m(&["Wyoming", "Senate"]),
            m(&["Arkansas"]),
            m(&["University", "of", "Central", "Arkansas"]),
            m(&["Riverside"]),
            m(&["Riverside", "Rovers"]),
            m(&["Hillary", "Rodham", "Clinton"]),
            m(&["Hillary", "Clinton"]),
            m(&["Hillary"]),
        ]);
        assert_eq!(e.canonical("New York"), "New York");
        assert_eq!(e.canonical("Iowa"), "Iowa");
        assert_eq!(e.canonical("Wyoming"), "Wyoming");
        assert_eq!(e.canonical("Arkansas"), "Arkansas");
        // One fuller name, of no body: the short form of a club, as before.
        assert_eq!(e.canonical("Riverside"), "Riverside Rovers");
        // Two fuller names with one last word are one person's.
        assert_eq!(e.canonical("Hillary"), "Hillary Rodham Clinton");
    }

    /// A name with a generational suffix ("Jesse L. Jackson Jr.") is a person of its surname:
    /// beside another of that surname ("Michael Jackson") the surname stays as written; the
    /// name with the suffix is never the one the surname takes (the family has two).
    #[test]
    fn a_surname_before_a_generational_suffix_is_a_surname() {
        let e = Entities::build(&[
            m(&["Jesse", "L.", "Jackson", "Jr"]),
            m(&["Michael", "Jackson"]),
            m(&["Jackson"]),
        ]);
        assert_eq!(e.canonical("Jackson"), "Jackson");
        // Nor is the name with the suffix taken: "President Trump" is not "Donald Trump Jr.".
        let e = Entities::build(&[m(&["Donald", "Trump", "Jr"]), m(&["Trump"])]);
        assert_eq!(e.canonical("Trump"), "Trump");
        let e = Entities::build(&[
            m(&["Donald", "Trump", "Jr"]),
            m(&["Donald", "Trump"]),
            m(&["Trump"]),
            m(&["Trump", "Jr"]),
        ]);
        assert_eq!(e.canonical("Trump"), "Donald Trump");
        assert_eq!(e.canonical("Trump Jr"), "Donald Trump Jr");
        // The father's full name is his, not his son's.
        assert_eq!(e.canonical("Donald Trump"), "Donald Trump");
        // A regnal number is no family's: "Paul" is Rand Paul beside "John Paul II".
        let e = Entities::build(&[
            m(&["Rand", "Paul"]),
            m(&["John", "Paul", "II"]),
            m(&["Paul"]),
        ]);
        assert_eq!(e.canonical("Paul"), "Rand Paul");
    }

    /// A pairing of two names ("the Lee-Ray budget") is no first name: the word after it is
    /// not a surname. A hyphenated first name of words that name nobody else still is one.
    #[test]
    fn a_pairing_of_names_is_no_first_name() {
        let e = Entities::build(&[
            m(&["Ann", "Lee"]),
            m(&["Tom", "Ray"]),
            m(&["Medicare"]),
            m(&["Lee-Ray", "Medicare"]),
            m(&["Jean-Paul", "Kim"]),
            m(&["Kim"]),
            m(&["Lee"]),
        ]);
        assert_eq!(e.canonical("Medicare"), "Medicare");
        assert_eq!(e.canonical("Kim"), "Jean-Paul Kim");
        assert_eq!(e.canonical("Lee"), "Ann Lee");
    }

    /// A surname two people of the document share names neither: it stays as written. Forms
    /// of one first name, or one written with and without its accent, are one person.
    #[test]
    fn a_surname_two_people_share_stays_as_written() {
        let e = Entities::build(&[
            m(&["Bill", "Clinton"]),
            m(&["Hillary", "Clinton"]),
            m(&["Clinton"]),
            m(&["Mike", "Bloomberg"]),
            m(&["Michael", "R.", "Bloomberg"]),
            m(&["Bloomberg"]),
            m(&["Raúl", "Labrador"]),
            m(&["Raul", "Labrador"]),
            m(&["Labrador"]),
        ]);
        assert_eq!(e.canonical("Clinton"), "Clinton");
        assert_eq!(e.canonical("Bloomberg"), "Michael R. Bloomberg");
        assert!(e.canonical("Labrador").ends_with(" Labrador"));
    }
}
