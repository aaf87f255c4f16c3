//! Extract: the claims of one document.
//!
//! A claim is a quoted sentence (with its quote block, speaker and channel) or a narrative
//! sentence or clause with the quoted speech taken out. Every claim carries the facts inside it:
//! its numbers (with kind and role) and its names (canonical within the document).

pub mod names;
pub mod numbers;
pub mod quotes;
pub mod speaker;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::ingest::Document;
use crate::segment::Sentence;
use crate::text;
use names::{Entities, Mention, Vocabulary};
use numbers::Number;
use quotes::QuoteSegment;
use speaker::{NarrativeWord, Subject};

/// What a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClaimKind {
    /// Direct speech: one quoted sentence.
    Quote,
    /// Narrative: a sentence or clause in the writer's own words.
    Statement,
}

impl ClaimKind {
    /// "quote" or "statement".
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Quote => "quote",
            ClaimKind::Statement => "statement",
        }
    }
}

/// How a quote's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Attribution {
    /// Named next to a speech verb in the quote's own sentences ("Okafor said").
    Explicit,
    /// A pronoun or a clause subject in the quote's own sentences ("he said").
    Inferred,
    /// From the context: the sentence introducing the quote, or the quote before it.
    Context,
}

impl Attribution {
    /// "explicit", "inferred" or "context".
    pub fn as_str(self) -> &'static str {
        match self {
            Attribution::Explicit => "explicit",
            Attribution::Inferred => "inferred",
            Attribution::Context => "context",
        }
    }
}

/// One claim of one document.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Quote or statement.
    pub kind: ClaimKind,
    /// The claim as displayed: the quoted words, or the narrative with quotes left out.
    pub text: String,
    /// Byte range in the document's clean text.
    pub range: Range<usize>,
    /// Index of its sentence.
    pub sentence: usize,
    /// For quotes, the quote block (one continuous piece of speech) it belongs to.
    pub block: Option<usize>,
    /// For quotes, the canonical name of the speaker, when known.
    pub speaker: Option<String>,
    /// For quotes, where it was said ("on Twitter", "to ITV"), when stated.
    pub channel: Option<String>,
    /// For quotes with a speaker, how the speaker was found.
    pub attribution: Option<Attribution>,
    /// The numbers in the claim.
    pub numbers: Vec<Number>,
    /// The canonical names mentioned in the claim, in order, without repeats.
    pub names: Vec<String>,
}

#[cfg(test)]
impl Claim {
    /// A claim of the given kind and text alone, for tests of later stages.
    pub(crate) fn bare(kind: ClaimKind, text: &str) -> Claim {
        Claim {
            kind,
            text: text.to_string(),
            range: 0..text.len(),
            sentence: 0,
            block: None,
            speaker: None,
            channel: None,
            attribution: None,
            numbers: vec![],
            names: vec![],
        }
    }
}

/// Everything extracted from one document.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The claims, in document order.
    pub claims: Vec<Claim>,
    /// The names of the document and their canonical forms.
    pub entities: Entities,
    /// Every name mention, in document order.
    pub mentions: Vec<Mention>,
}

/// Quotes of at most this many words inside narrative are scare quotes, not quote claims.
const SCARE_QUOTE_WORDS: usize = 3;

/// Extracts the claims of a document from its sentences.
pub fn extract(doc: &Document, sentences: &[Sentence]) -> Extraction {
    extract_cut(doc, sentences, &sentence_words(doc, sentences))
}

/// Each sentence of a document cut into words ([`text::words`] of the sentence's text, offsets
/// from the sentence's start): what [`extract_cut`] reads, and the aligner after it.
pub(crate) fn sentence_words<'d>(
    doc: &'d Document,
    sentences: &[Sentence],
) -> Vec<Vec<text::Word<'d>>> {
    sentences
        .iter()
        .map(|s| text::words(&doc.text[s.range.clone()]))
        .collect()
}

/// [`extract`], given each sentence cut into words ([`sentence_words`] of the same document and
/// sentences, which this trusts: other words would cut the wrong text, so only
/// [`crate::analyze`] calls it), so that the words are cut once for extraction and alignment.
pub(crate) fn extract_cut(
    doc: &Document,
    sentences: &[Sentence],
    sentence_words: &[Vec<text::Word>],
) -> Extraction {
    debug_assert_eq!(sentence_words.len(), sentences.len());
    let segments = quotes::find(doc);
    let vocab = Vocabulary::learn(
        sentences
            .iter()
            .map(|s| &doc.text[s.range.clone()])
            .zip(sentence_words.iter().map(Vec::as_slice)),
    );
    // Every mention in document order, each sentence's a run of them.
    let mut all_mentions: Vec<Mention> = Vec::new();
    let mut ends: Vec<usize> = Vec::with_capacity(sentences.len());
    for (s, ws) in sentences.iter().zip(sentence_words) {
        all_mentions.extend(names::mentions(
            &doc.text[s.range.clone()],
            ws,
            s.range.start,
            &vocab,
        ));
        ends.push(all_mentions.len());
    }
    let sentence_mentions = PerSentence {
        all: &all_mentions,
        ends: &ends,
    };
    let entities = Entities::build(&all_mentions);

    // Which quote segments touch each sentence, and which of them are scare quotes.
    // The segments of each block (segments come in document order).
    let mut by_block: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, q) in segments.iter().enumerate() {
        by_block.entry(q.block).or_default().push(i);
    }
    let scare: Vec<bool> = segments
        .iter()
        .map(|q| {
            by_block[&q.block].len() == 1
                && (is_scare_quote(doc, q, sentences) || is_quoted_title(doc, q, sentences))
        })
        .collect();
    let in_sentence: Vec<Vec<usize>> = sentences
        .iter()
        .map(|s| {
            let from = segments.partition_point(|q| q.range.end <= s.range.start);
            (from..segments.len())
                .take_while(|&i| segments[i].range.start < s.range.end)
                .filter(|&i| !scare[i] && overlaps(&segments[i].range, &s.range))
                .collect()
        })
        .collect();
    let narratives: Vec<Vec<NarrativeWord>> = sentences
        .iter()
        .zip(sentence_words)
        .zip(&in_sentence)
        .map(|((s, ws), qs)| {
            let outers: Vec<Range<usize>> = qs.iter().map(|&i| segments[i].outer.clone()).collect();
            speaker::narrative(&doc.text, s.range.clone(), ws, &outers)
        })
        .collect();

    let persons = person_names(&entities, &all_mentions, &narratives, &doc.text);
    let attributions = attribute_blocks(
        doc,
        sentences,
        &segments,
        &by_block,
        &scare,
        &in_sentence,
        &narratives,
        sentence_mentions,
        &entities,
        &persons,
    );

    let mut claims = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let mentions = sentence_mentions.of(si);
        // The numbers of a stretch of the sentence, its words read off the sentence's when
        // they can be.
        let numbers_of = |t: &str, r: &Range<usize>| {
            numbers::find_cut(t, || {
                let within =
                    r.start.checked_sub(s.range.start)?..r.end.checked_sub(s.range.start)?;
                text::words_within(&doc.text[s.range.clone()], sentence_words.get(si)?, within)
            })
        };
        // The canonical names mentioned in a stretch, each once, in order (a claim names a
        // few: a look along the list beats a set; a sentence is at most
        // `segment::MAX_SENTENCE_BYTES`, so even a list of names stays a few hundred).
        let names_in = |r: &Range<usize>| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for m in mentions
                .iter()
                .filter(|m| m.range.start >= r.start && m.range.end <= r.end)
            {
                let n = entities.canonical_of(m);
                if !out.contains(&n) {
                    out.push(n);
                }
            }
            out
        };
        for &qi in &in_sentence[si] {
            let q = &segments[qi];
            let r = clip(&q.range, &s.range);
            let r = trim_claim(&doc.text, r);
            if r.is_empty() || !text::has_word(&doc.text[r.clone()]) {
                continue;
            }
            let (speaker, channel, attribution) =
                attributions.get(&q.block).cloned().unwrap_or_default();
            let t = doc.text[r.clone()].to_string();
            claims.push(Claim {
                kind: ClaimKind::Quote,
                numbers: numbers_of(&t, &r),
                names: names_in(&r),
                text: t,
                range: r,
                sentence: si,
                block: Some(q.block),
                speaker,
                channel,
                attribution,
            });
        }
        // The narrative, with quoted speech taken out.
        let outers: Vec<Range<usize>> = in_sentence[si]
            .iter()
            .map(|&i| segments[i].outer.clone())
            .collect();
        let pieces = narrative_pieces(&doc.text, &s.range, &outers);
        if pieces.is_empty() {
            continue;
        }
        let has_quote = !outers.is_empty();
        if has_quote && !substantive(&narratives[si], mentions) {
            continue;
        }
        let parts: Vec<Range<usize>> = if has_quote {
            std::iter::once(pieces[0].start..pieces[pieces.len() - 1].end).collect()
        } else {
            split_clauses(&doc.text, pieces[0].clone())
        };
        for part in parts {
            let t = if has_quote {
                pieces
                    .iter()
                    .map(|p| doc.text[p.clone()].trim())
                    .collect::<Vec<_>>()
                    .join(" … ")
            } else {
                doc.text[part.clone()].to_string()
            };
            if !text::has_word(&t) {
                continue;
            }
            claims.push(Claim {
                kind: ClaimKind::Statement,
                numbers: if has_quote {
                    numbers::find(&t)
                } else {
                    numbers_of(&t, &part)
                },
                names: names_in(&part),
                text: t,
                range: part,
                sentence: si,
                block: None,
                speaker: None,
                channel: None,
                attribution: None,
            });
        }
    }
    claims.sort_by_key(|c| (c.range.start, c.range.end));
    Extraction {
        claims,
        entities,
        mentions: all_mentions,
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn clip(a: &Range<usize>, b: &Range<usize>) -> Range<usize> {
    a.start.max(b.start)..a.end.min(b.end).max(a.start.max(b.start))
}

/// Trims white space and a trailing comma or dash from a quoted stretch.
fn trim_claim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let t = s.trim_start();
    let start = r.start + (s.len() - t.len());
    let t = t
        .trim_end()
        .trim_end_matches([',', ';', ':', '-', '\u{2013}', '\u{2014}', ' ']);
    start..start + t.len()
}

/// A short quote (the only segment of its block) set inside narrative, not closing with its own
/// punctuation, and not opening the sentence unless as a word of it: "he was “gutted” by his
/// miss", "“Today” show host …".
fn is_scare_quote(doc: &Document, q: &QuoteSegment, sentences: &[Sentence]) -> bool {
    let words = text::word_count(&doc.text[q.range.clone()]);
    if words > SCARE_QUOTE_WORDS {
        return false;
    }
    let ends_with_punct = doc.text[q.range.clone()].ends_with(['.', ',', '!', '?', ';', ':']);
    let at = sentences.partition_point(|s| s.range.end <= q.range.start);
    let Some(s) = sentences.get(at).filter(|s| overlaps(&s.range, &q.range)) else {
        return false;
    };
    if ends_with_punct {
        return false;
    }
    let before = &doc.text[s.range.start..q.outer.start.max(s.range.start)];
    if !before.trim().is_empty() {
        return true;
    }
    // Opening its sentence, it is speech ("“No way” he said", "“No way” said Lee", "“Yes” was
    // all he said", "“No comment” came the reply"), unless it is a word of the sentence, a
    // name's or a title's before a noun: followed at once by a word in lower case that is
    // neither a pronoun, a speech verb, nor a verb or adverb that reports it
    // ([`REPORTS_A_QUOTE`]): "“Today” show host Ann Lee asked …".
    let after = doc.text[q.outer.end.min(s.range.end)..s.range.end].strip_prefix(' ');
    let next = after.and_then(|a| text::words(a).first().map(|w| w.text));
    next.is_some_and(|w| {
        let key = text::key_cow(w);
        w.starts_with(|c: char| c.is_lowercase())
            && after.is_some_and(|a| a.starts_with(w))
            && !speaker::PRONOUNS.contains(&key)
            && !matches!(key.as_ref(), "i" | "we" | "they" | "it")
            && !speaker::is_speech_verb(&key)
            && !REPORTS_A_QUOTE.contains(&key)
    })
}

/// Words that, right after a short quote opening its sentence, report it as said ("“Yes” was
/// all he said", "“Never” came the reply", "“Fake news” again, Lee tweeted"): the quote is
/// speech, not a word of the sentence ([`is_scare_quote`]).
static REPORTS_A_QUOTE: text::WordSet = text::WordSet::new(&[
    "is", "was", "are", "were", "be", "been", "came", "comes", "come", "again", "remains",
    "remained", "has", "had", "have", "will", "would", "could", "should", "might", "may", "must",
    "can", "did", "does", "do", "became", "becomes", "seems", "seemed", "sounds", "sounded",
    "rang", "echoed", "followed", "too", "also", "then", "indeed",
]);

/// Quotes of at most this many words can be a title ([`is_quoted_title`]).
const TITLE_WORDS: usize = 8;

/// Words a title may hold in lower case ("On the Record with Greta Van Susteren").
static TITLE_SMALL_WORDS: text::WordSet = text::WordSet::new(&[
    "a", "an", "the", "of", "and", "or", "with", "for", "in", "on", "to", "at", "by", "from",
]);

/// Words after which a quoted title names where something was said or shown: "said on
/// “Face the Nation”", "told “Fox & Friends”", "a scene in “The Godfather: Part II”".
static TITLE_PREPOSITIONS: text::WordSet =
    text::WordSet::new(&["on", "told", "to", "from", "with", "in"]);

/// A quote that is the title of a show, a book or a film rather than speech: the only segment
/// of its block, of at most [`TITLE_WORDS`] words written as a title (each capitalised but
/// for a few small words), inside narrative, right after "on", "told", "to", "from", "with"
/// or "in", or after one of those and where it was shown ("on CBS’s “Face the Nation.”",
/// "told NBC “Today”", "on the Fox News program “Fox and Friends.”", "in an episode of
/// “The Late Show”"). Like a scare quote it stays in its sentence's statement, and no one is
/// its speaker. "He told Lee “No.”" is speech: a person's name is no network's.
fn is_quoted_title(doc: &Document, q: &QuoteSegment, sentences: &[Sentence]) -> bool {
    let quoted = &doc.text[q.range.clone()];
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // Most quotes are speech and fail at their first word in lower case: cut no words before.
    // A title may open with a number ("60 Minutes").
    if !(capitalised(quoted) || quoted.starts_with(|c: char| c.is_ascii_digit())) {
        return false;
    }
    // Its words as written, punctuation off their edges ("Friends.", "&").
    let mut count = 0;
    let title_case = quoted
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .all(|w| {
            count += 1;
            count <= TITLE_WORDS
                && (capitalised(w)
                    || TITLE_SMALL_WORDS.contains(&text::key_cow(w))
                    || !w.chars().any(char::is_alphabetic))
        });
    if !title_case || count == 0 {
        return false;
    }
    let at = sentences.partition_point(|s| s.range.end <= q.range.start);
    let Some(s) = sentences.get(at).filter(|s| overlaps(&s.range, &q.range)) else {
        return false;
    };
    let before = &doc.text[s.range.start..q.outer.start.max(s.range.start)];
    // The last words only: at most TITLE_LEAD_WORDS are read, and the first word of a stretch
    // cut short may be a piece of one.
    let from = before.floor_char_boundary(before.len().saturating_sub(TITLE_LEAD_BYTES));
    let mut lead = text::words(&before[from..]);
    if from > 0 && !lead.is_empty() {
        lead.remove(0);
    }
    let Some(last) = lead.last() else {
        return false;
    };
    // A colon or a comma before the quote introduces speech: "told CNN: “Never again.”"
    if before[from + last.end..].contains([':', ',']) {
        return false;
    }
    // Back past where it was shown ("the CNN program", "Fox News’", "an episode of") to the
    // preposition. A capitalised word is passed only as part of a medium's name, further back
    // than its mark (a possessive, letters in capitals, "program"): "told Lee “No.”" and "told
    // NBC's Chuck Todd “No.”" stay speech; so does "told the AP “No.”", letters in capitals
    // being the only mark after "told".
    // "CBS's", or "Fox News'" with the apostrophe alone.
    let possessive = |w: &str| names::strip_possessive(w) != w || w.ends_with(['\'', '\u{2019}']);
    let acronym = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    };
    let (mut medium, mut named) = (false, false);
    for (n, w) in lead.iter().rev().take(TITLE_LEAD_WORDS).enumerate() {
        let key = text::key_cow(w.text);
        if TITLE_PREPOSITIONS.contains(&key) && (n == 0 || medium) {
            return n == 0 || key != "told" || named;
        }
        let (p, m) = (possessive(w.text), TITLE_MEDIA.contains(&key));
        if p || m || acronym(w.text) {
            medium = true;
            named |= p || m;
        } else if !((medium && capitalised(w.text)) || TITLE_SMALL_WORDS.contains(&key)) {
            return false;
        }
    }
    false
}

/// How many words before a quoted title may name where it was shown ("in an interview
/// Tuesday on Fox News’", "on the PBS television program").
const TITLE_LEAD_WORDS: usize = 6;

/// How far back before a quoted title its lead is read, in bytes: room for
/// [`TITLE_LEAD_WORDS`] long words.
const TITLE_LEAD_BYTES: usize = 160;

/// Nouns of a medium that a quoted title may follow: "the CNN program “State of the Union.”"
static TITLE_MEDIA: text::WordSet = text::WordSet::new(&[
    "program",
    "programme",
    "show",
    "television",
    "radio",
    "episode",
    "series",
    "podcast",
    "network",
    "channel",
    "newspaper",
    "magazine",
    "book",
    "film",
    "movie",
    "news",
]);

/// The stretches of a sentence outside the given quotes, trimmed.
fn narrative_pieces(text: &str, s: &Range<usize>, outers: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut at = s.start;
    let mut sorted: Vec<&Range<usize>> = outers.iter().collect();
    sorted.sort_by_key(|r| r.start);
    for q in sorted {
        if q.start > at {
            pieces.push(at..q.start.min(s.end));
        }
        at = at.max(q.end);
    }
    if at < s.end {
        pieces.push(at..s.end);
    }
    pieces
        .into_iter()
        .map(|r| {
            let p = &text[r.clone()];
            let t =
                p.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
            let start = r.start + (p.len() - t.len());
            let t = t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
            start..start + t.len()
        })
        .filter(|r| text::has_word(&text[r.clone()]))
        .collect()
}

/// Is the narrative around a quote more than its attribution ("Okafor said on Twitter.",
/// "Mick Mulvaney, the acting White House chief of staff, told reporters.")? It must keep three
/// content words that are not speech verbs, names, titles or words of attribution, or a number
/// written in digits.
fn substantive(words: &[NarrativeWord], mentions: &[Mention]) -> bool {
    const ATTRIBUTION_WORDS: &[&str] = &[
        "twitter",
        "statement",
        "interview",
        "told",
        "reporters",
        "journalists",
        "press",
        "conference",
        "briefing",
        "staff",
        "office",
        "spokesman",
        "spokeswoman",
        "added",
        "explaining",
        "happened",
        "asked",
        "wrote",
        "post",
        "tweet",
        "letter",
        "email",
    ];
    let name_words: BTreeSet<String> = mentions
        .iter()
        .flat_map(|m| m.tokens.iter().map(|t| text::key(t)))
        .collect();
    // A capitalised word before a title is the title's ("Jesuit Father Ann Lee", "Senate
    // President Pro Tem Ann Lee").
    let of_a_title = |i: usize| {
        text::is_capitalised(words[i].text)
            && words
                .get(i + 1)
                .is_some_and(|n| !n.comma_before && !n.after_quote && names::is_title(&n.key))
    };
    let content = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| {
            !text::is_stop_word(&w.key)
                && !speaker::is_speech_verb(&w.key)
                && !name_words.contains(w.key.as_ref())
                && !names::is_title(&w.key)
                && !ATTRIBUTION_WORDS.contains(&w.key.as_ref())
                && !of_a_title(i)
        })
        .count();
    // A number is a fact to compare ("Asked about the 63 Democrats who voted for Ryan, Pelosi
    // said,", "Jo Lee, 45, said."), whatever else the narrative holds.
    content >= 3
        || words
            .iter()
            .any(|w| w.key.bytes().any(|b| b.is_ascii_digit()))
}

/// Splits a narrative sentence into clauses where it joins separate facts: at semicolons, and
/// at ", but", ", while", ", whereas", ", although" and ", and" before a new subject. Each
/// clause keeps at least four words.
pub fn split_clauses(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    const MIN_WORDS: usize = 4;
    let s = &text[r.clone()];
    let mut cuts = Vec::new();
    for i in memchr::memchr2_iter(b';', b',', s.as_bytes()) {
        if s.as_bytes()[i] == b';' || opens_a_clause(&s[i + 1..]) {
            cuts.push((i, i + 1));
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (cut, after) in cuts {
        let left = &s[start..cut];
        let right = &s[after..];
        if text::word_count(left) >= MIN_WORDS && text::word_count(right) >= MIN_WORDS {
            out.push(start..cut);
            start = after;
        }
    }
    out.push(start..s.len());
    out.into_iter()
        .map(|p| {
            let t = &s[p.clone()];
            let lead = t.len() - t.trim_start().len();
            let trimmed = t.trim();
            r.start + p.start + lead..r.start + p.start + lead + trimmed.len()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether the text after a comma opens a clause of its own: a joining word ("but", "while",
/// ...), or "and" before a pronoun, "the" or a capital (a new subject).
fn opens_a_clause(rest: &str) -> bool {
    let rest = rest.trim_start();
    // Only the first word, the white space after it and the next word are read (words end at
    // a space): only they are lower-cased, not all the rest of the sentence at each comma.
    // (Lower case maps a character at a time, white space to itself, and a final sigma by what
    // follows it, here a space either way: the head's lower case is that of the rest, cut.)
    let head = match rest.find(' ') {
        None => rest,
        Some(first_end) => {
            let after = &rest[first_end..];
            let second = first_end + (after.len() - after.trim_start().len());
            rest[second..]
                .find(' ')
                .map_or(rest, |n| &rest[..second + n + 1])
        }
    };
    let lower = head.to_lowercase();
    let starts = |w: &str| lower.starts_with(w) && lower[w.len()..].starts_with(' ');
    let joins = ["but", "while", "whereas", "although", "though", "yet"]
        .iter()
        .any(|w| starts(w));
    joins
        || starts("and") && {
            let after = lower[3..].trim_start();
            let first = after.split(' ').next().unwrap_or("");
            matches!(
                first,
                "he" | "she" | "they" | "it" | "we" | "i" | "the" | "his" | "her" | "their"
            ) || rest[3..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        }
}

/// Canonical names that are people: titled, followed by "who", next to a speech verb, or
/// given an age.
fn person_names(
    entities: &Entities,
    mentions: &[Mention],
    narratives: &[Vec<NarrativeWord>],
    text: &str,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let near_verb: BTreeSet<usize> = narratives
        .iter()
        .flat_map(|ws| {
            ws.iter()
                .enumerate()
                .filter(|(_, w)| speaker::is_speech_verb(&w.key))
                .flat_map(move |(i, _)| {
                    // "Okafor said", but not "on Twitter, saying": a comma or a participle
                    // leaves the word before out.
                    let participle = ws[i].key.ends_with("ing");
                    let before = if i > 0 && !ws[i].comma_before && !participle {
                        Some(ws[i - 1].range.end)
                    } else {
                        None
                    };
                    // "said Okafor, who" / "said Okafor." but not "told CNN".
                    let after = ws
                        .get(i + 1)
                        .filter(|_| !speaker::addresses_its_object(&ws[i].key))
                        .map(|w| w.range.start);
                    [before, after]
                })
        })
        .flatten()
        .collect();
    // A full name whose surname the document also uses alone ("Ann Lee" ... "Lee").
    let alone: BTreeSet<&str> = mentions
        .iter()
        .filter(|m| m.tokens.len() == 1)
        .map(|m| m.tokens[0].as_str())
        .collect();
    for m in mentions.iter().filter(|m| m.tokens.len() >= 2) {
        if m.tokens.last().is_some_and(|t| alone.contains(t.as_str())) {
            out.insert(entities.canonical_of(m));
        }
    }
    for m in mentions {
        let after = &text[m.range.end..];
        let after = after.trim_start_matches(['\'', '\u{2019}', 's', ' ']);
        let who = after.starts_with(", who") || after.starts_with("who ");
        let age = after
            .strip_prefix(", ")
            .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()));
        if m.titled
            || who
            || age
            || near_verb.contains(&m.range.end)
            || near_verb.contains(&m.range.start)
        {
            out.insert(entities.canonical_of(m));
        }
    }
    // "The Times", "The Washington Post": a name opening with an article is not a person's.
    out.retain(|n| !n.starts_with("The "));
    out
}

/// A quote block's speaker, channel and how the speaker was found.
type BlockSpeaker = (Option<String>, Option<String>, Option<Attribution>);

/// How many of the sentences a quote spans are read for any attribution; in those after them
/// an unnamed subject ("the statement continued") does not count.
const NEAR_SENTENCES: usize = 3;

/// Speaker and channel of every quote block, by block number.
#[allow(clippy::too_many_arguments)]
fn attribute_blocks(
    doc: &Document,
    sentences: &[Sentence],
    segments: &[QuoteSegment],
    by_block: &BTreeMap<usize, Vec<usize>>,
    scare: &[bool],
    in_sentence: &[Vec<usize>],
    narratives: &[Vec<NarrativeWord>],
    sentence_mentions: PerSentence<'_>,
    entities: &Entities,
    persons: &BTreeSet<String>,
) -> BTreeMap<usize, BlockSpeaker> {
    let mut out = BTreeMap::new();
    // The most recent person: (offset, canonical name).
    let mut last_person: Option<String> = None;
    let mut last_block: Option<(usize, usize, Option<String>)> = None; // (block, paragraph of end, speaker)
    let mention_at_end = |si: usize| {
        move |o: usize| {
            sentence_mentions
                .of(si)
                .iter()
                .find(|m| m.range.end == o)
                .map(|m| m.range.clone())
        }
    };
    let mention_at_start = |si: usize| {
        move |o: usize| {
            sentence_mentions
                .of(si)
                .iter()
                .find(|m| m.range.start == o)
                .map(|m| m.range.clone())
        }
    };
    let name_of = |si: usize, r: &Range<usize>| {
        sentence_mentions
            .of(si)
            .iter()
            .find(|m| &m.range == r)
            .map(|m| entities.canonical_of(m))
    };
    let ctx = Subjects::new(&doc.text, narratives, sentence_mentions, entities, persons);
    let mut done_blocks = BTreeSet::new();
    for (si, s) in sentences.iter().enumerate() {
        // Blocks whose first segment is in this sentence.
        let starting: Vec<usize> = in_sentence[si]
            .iter()
            .map(|&i| segments[i].block)
            .filter(|b| !done_blocks.contains(b))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        for block in starting {
            done_blocks.insert(block);
            let segs: Vec<&QuoteSegment> = by_block[&block]
                .iter()
                .filter(|&&i| !scare[i])
                .map(|&i| &segments[i])
                .collect();
            let Some(first) = segs.first() else { continue };
            let resolve = |si: usize,
                           subj: &Subject,
                           at: usize,
                           last_person: &Option<String>|
             -> Option<String> {
                match subj {
                    Subject::Name(r) => name_of(si, r),
                    Subject::Pronoun => ctx.resolve(si, &(0..at), last_person),
                    Subject::Unnamed => None,
                    Subject::FirstPersonIn(r) => ctx.resolve(si, r, last_person),
                    Subject::Role(head, former) => ctx.role(head, *former, at, last_person),
                }
            };
            let mut found: Option<(Option<String>, Option<String>, Attribution)> = None;
            // 1. The sentences the block spans, in order, each with its nearest attribution
            //    first: a quote of several sentences is often attributed only after its last
            //    ("“... So obvious. So predictable. So pathetic,” Sharry tweeted"). Past the
            //    first three, an unnamed subject ("..., the statement continued") does not
            //    count: the quote is left to the rules below (the speaker before), as it was.
            let spanned: Vec<usize> = (si..sentences.len())
                .take_while(|&j| sentences[j].range.start < segs.last().map_or(0, |q| q.range.end))
                .collect();
            for (n, &j) in spanned.iter().enumerate() {
                let atts =
                    speaker::attributions(&narratives[j], &mention_at_end(j), &mention_at_start(j));
                let q = segs
                    .iter()
                    .find(|q| overlaps(&q.range, &sentences[j].range))
                    .map_or(first.range.clone(), |q| q.range.clone());
                let mut near: Vec<&speaker::Attribution> = atts.iter().collect();
                near.sort_by_key(|a| dist(a.at, &q));
                for a in near {
                    // A quote of an earlier clause ("... “intriguing,” but Kim said").
                    if q.end <= a.from || (n >= NEAR_SENTENCES && a.subject == Subject::Unnamed) {
                        continue;
                    }
                    let who = resolve(j, &a.subject, a.at, &last_person);
                    // A quoting verb ("called it “...”") counts only with a person to speak.
                    if a.quoting && who.is_none() {
                        continue;
                    }
                    let how = match a.subject {
                        Subject::Name(_) => Attribution::Explicit,
                        _ => Attribution::Inferred,
                    };
                    found = Some((who, a.channel.clone(), how));
                    break;
                }
                if found.is_some() {
                    break;
                }
            }
            // The narrative of the quote's sentence before it.
            let lead = s.range.start..first.outer.start.max(s.range.start);
            // 1b. A quote that a colon introduces inside its own sentence ("Lee was quick to
            //     retort: “...”") is the clause subject's.
            if found.is_none()
                && doc.text[lead.clone()].trim_end().ends_with(':')
                && let Some(who) = ctx.resolve(si, &lead, &last_person)
            {
                found = Some((Some(who), None, Attribution::Inferred));
            }
            // 2. The sentence before, in the same or the previous paragraph, when it introduces
            //    the quote ("He said:", "Okafor gave a reaction to ITV and admitted that ...").
            if found.is_none() && si > 0 {
                let p = si - 1;
                let starts_paragraph = doc.text
                    [doc.paragraphs[s.paragraph].start..first.outer.start]
                    .trim()
                    .is_empty();
                let same_para = sentences[p].paragraph == s.paragraph;
                let prev_text = &doc.text[sentences[p].range.clone()];
                if (same_para || starts_paragraph)
                    && in_sentence[p].is_empty()
                    && speaker::introduces_speech(prev_text, &narratives[p])
                {
                    let atts = speaker::attributions(
                        &narratives[p],
                        &mention_at_end(p),
                        &mention_at_start(p),
                    );
                    let channel = atts.last().and_then(|a| a.channel.clone()).or_else(|| {
                        (0..narratives[p].len()).find_map(|v| speaker::channel(&narratives[p], v))
                    });
                    // With no speech verb ("Lee's reply:"), the subject of the sentence.
                    let who = match atts.last() {
                        Some(a) => resolve(p, &a.subject, a.at, &last_person),
                        None => ctx.resolve(p, &(0..usize::MAX), &None),
                    };
                    if who.is_some() {
                        found = Some((who, channel, Attribution::Context));
                    }
                }
            }
            // 3. A quote right after another one (same or next paragraph) goes on with its
            //    speaker, when it stands by itself: a quote the writer's own words lead into
            //    within its sentence, with no speech verb ("..., as critics charge that Lee
            //    stands for “...”"), is the narrative's, not the last speaker's.
            //    (The sentence's narrative words are in order: the first tells.)
            let embedded = || {
                narratives[si]
                    .first()
                    .is_some_and(|w| w.range.end <= lead.end)
            };
            if found.is_none()
                && !embedded()
                && let Some((_, para, Some(sp))) = &last_block
                && *para + 1 >= s.paragraph
            {
                found = Some((Some(sp.clone()), None, Attribution::Context));
            }
            let (speaker, channel, how) = found.unwrap_or((None, None, Attribution::Context));
            let how = if speaker.is_some() { Some(how) } else { None };
            if let Some(sp) = &speaker {
                last_person = Some(sp.clone());
            }
            let end_para = segs.last().map_or(s.paragraph, |q| q.paragraph);
            last_block = Some((block, end_para, speaker.clone()));
            out.insert(block, (speaker, channel, how));
        }
        // The subject of this sentence becomes the last person: a known person always, a name
        // that only looks like a person's when nobody better is known yet.
        match ctx.subject(si, &(0..usize::MAX)) {
            Some(Guess::Person(p))
                if (persons.contains(&p) && !names_a_body(&p))
                    || last_person.as_ref().is_none_or(|l| !persons.contains(l)) =>
            {
                last_person = Some(p);
            }
            Some(Guess::Role(head, former, at)) => {
                if let Some(p) = ctx.role(&head, former, at, &last_person) {
                    last_person = Some(p);
                }
            }
            // No subject, only people named as objects ("drew a response from Rev. Ann
            // Lee"): the first of them who is known to be a person is the one the text is on.
            None => {
                if let Some(p) = ctx.known_person_in(si) {
                    last_person = Some(p);
                }
            }
            _ => {}
        }
    }
    out
}

/// Who the subject of a clause is, before a role is resolved to its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Guess {
    /// A person named as the subject.
    Person(String),
    /// "he" or "she" as the subject.
    Pronoun,
    /// A noun of office as the subject ("the senator"): head, "former", offset.
    Role(String, bool, usize),
}

/// Words after which a name is an object, not the subject of its clause: prepositions ("of
/// Obama, he said", "comments to The Times") and verbs of address ("told Sen. Lee").
static OBJECT_MARKERS: crate::text::WordSet = crate::text::WordSet::new(&[
    "told", "tell", "tells", "telling", "asked", "ask", "asks", "asking", "urged", "thanked",
    "his", "her", "their", "its", "our", "my", "your",
]);

/// Nouns for people that a possessive name qualifies: in "Lee's lawyer said" the lawyer
/// speaks, not Lee; in "Lee's letter said" Lee does.
static PERSON_NOUNS: crate::text::WordSet = crate::text::WordSet::new(&[
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "brother",
    "sister",
    "friend",
    "friends",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "campaign",
    "staff",
    "team",
    "press",
    "chief",
    "counsel",
    "lawmakers",
    "supporters",
    "critics",
    "allies",
    "rival",
    "opponent",
    "opponents",
    "running",
    "deputy",
    "successor",
    "predecessor",
    "communications",
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "envoy",
    "prosecutor",
    "prosecutors",
    "investigator",
    "investigators",
    "organizer",
    "organizers",
    "activist",
    "activists",
    "member",
    "members",
    "executive",
    "executives",
    "employee",
    "employees",
]);

/// First words of an opening phrase that comes before the subject of a sentence ("After the
/// vote, Lee said", "Asked about it, Lee said").
static INTRO_WORDS: crate::text::WordSet = crate::text::WordSet::new(&[
    "after",
    "before",
    "when",
    "while",
    "as",
    "since",
    "although",
    "though",
    "despite",
    "during",
    "in",
    "on",
    "at",
    "for",
    "with",
    "following",
    "unlike",
    "like",
    "if",
    "because",
    "once",
    "until",
    "amid",
    "by",
    "from",
    "under",
    "over",
    "upon",
    "within",
    "without",
    "throughout",
    "through",
    "given",
    "asked",
    "pressed",
    "questioned",
    "earlier",
    "later",
]);

/// The offices a title word names, folded: "sen." and "senator" are one office, "rep." and
/// "congressman" another.
fn office(w: &str) -> Option<&'static str> {
    let w = w.trim_end_matches('.');
    Some(match w {
        "sen" | "sens" | "senator" => "senator",
        "rep" | "reps" | "representative" | "congressman" | "congresswoman" => "representative",
        "gov" | "govs" | "governor" => "governor",
        "gen" | "gens" | "general" => "general",
        "capt" | "captain" => "captain",
        "pres" | "president" => "president",
        "chairman" | "chairwoman" | "chair" => "chair",
        _ => {
            return speaker::ROLE_HEADS
                .words()
                .iter()
                .find(|h| **h == w)
                .copied();
        }
    })
}

/// Does the office of a role noun cover a title's office? "lawmaker" covers senators and
/// representatives.
/// The office a word before "candidate" says is sought ("presidential", "Senate").
fn sought_office(w: &str) -> Option<&'static str> {
    Some(match w {
        "presidential" => "president",
        "senate" | "senatorial" => "senator",
        "gubernatorial" => "governor",
        "mayoral" => "mayor",
        "house" | "congressional" => "representative",
        _ => return None,
    })
}

fn office_covers(role: &str, title: &str) -> bool {
    role == title || (role == "lawmaker" && matches!(title, "senator" | "representative"))
}

/// A mention of a person with the offices written with it ("Sen. Ann Lee", "House Speaker Ann
/// Lee", "Ann Lee, the governor").
#[derive(Debug)]
struct Office {
    at: usize,
    name: String,
    offices: Vec<&'static str>,
    /// The offices a candidacy among `offices` is for ("presidential candidate": president).
    seeking: Vec<&'static str>,
    former: bool,
}

/// Finds clause subjects and resolves pronouns and roles to people, for one document.
struct Subjects<'a> {
    text: &'a str,
    narratives: &'a [Vec<NarrativeWord<'a>>],
    mentions: PerSentence<'a>,
    entities: &'a Entities,
    persons: &'a BTreeSet<String>,
    offices: Vec<Office>,
}

/// The name mentions of a document, sentence by sentence: one list in document order, each
/// sentence's a run of it (so that no mention is copied to be seen both ways).
#[derive(Clone, Copy)]
struct PerSentence<'a> {
    /// Every mention, in document order.
    all: &'a [Mention],
    /// Where each sentence's mentions end in `all`.
    ends: &'a [usize],
}

impl<'a> PerSentence<'a> {
    /// The mentions of sentence `si` (none for a sentence past the last).
    fn of(&self, si: usize) -> &'a [Mention] {
        debug_assert!(si < self.ends.len(), "a sentence past the last");
        let Some(&end) = self.ends.get(si) else {
            return &[];
        };
        let start = si.checked_sub(1).map_or(0, |j| self.ends[j]);
        &self.all[start..end]
    }

    /// The mentions of each sentence in turn.
    fn iter(&self) -> impl Iterator<Item = &'a [Mention]> + '_ {
        (0..self.ends.len()).map(|si| self.of(si))
    }
}

impl<'a> Subjects<'a> {
    fn new(
        text: &'a str,
        narratives: &'a [Vec<NarrativeWord>],
        mentions: PerSentence<'a>,
        entities: &'a Entities,
        persons: &'a BTreeSet<String>,
    ) -> Subjects<'a> {
        let mut offices = Vec::new();
        for (si, ms) in mentions.iter().enumerate() {
            let ws = &narratives[si];
            for m in ms {
                let Some(i) = ws.iter().position(|w| w.range.start == m.range.start) else {
                    continue;
                };
                let mut found = Vec::new();
                let mut seeking = Vec::new();
                let mut former = false;
                // Titles before the name: "former Senate Majority Leader", "Sen.".
                let mut k = i;
                while k > 0 && i - k < 5 && !ws[k].comma_before && !ws[k].after_quote {
                    let p = &ws[k - 1];
                    let key = p.key.trim_end_matches('.');
                    // "presidential candidate Ann Lee" seeks the presidency.
                    let sought = found
                        .last()
                        .is_some_and(|o| matches!(*o, "candidate" | "nominee"))
                        .then(|| sought_office(key))
                        .flatten();
                    if let Some(o) = sought {
                        seeking.push(o);
                    } else if key == "former" || key == "ex" {
                        former = true;
                    } else if speaker::is_lesser_rank(key) {
                        // "Vice President Ann Lee" holds no office "the president" names.
                        found.clear();
                    } else if let Some(o) = office(key).filter(|_| names::is_title(key)) {
                        found.push(o);
                    } else if !(text::is_capitalised(p.text) || key == "of") {
                        break;
                    }
                    k -= 1;
                }
                // An apposition after it: "Ann Lee, the governor of ...". Not after a place
                // ("at the Council on Foreign Relations, the senator said"): the senator is
                // the subject, the place the object of its preposition.
                let placed = i > 0
                    && !ws[i].after_quote
                    && matches!(ws[i - 1].key.as_ref(), "on" | "at" | "in" | "from" | "of");
                if !placed
                    && let Some(after) = ws.iter().position(|w| w.range.start >= m.range.end)
                    && ws[after].comma_before
                    && ws[after].key == "the"
                    && let Some((head, f)) = speaker::role_starting_at(ws, after, &|_| None)
                    && let Some(o) = office(&ws[head].key)
                {
                    found.push(o);
                    former |= f;
                }
                if !found.is_empty() {
                    offices.push(Office {
                        at: m.range.start,
                        name: entities.canonical_of(m),
                        offices: found,
                        seeking,
                        former,
                    });
                }
            }
        }
        Subjects {
            text,
            narratives,
            mentions,
            entities,
            persons,
            offices,
        }
    }

    fn is_person(&self, name: &str) -> bool {
        self.persons.contains(name) || looks_like_person(name)
    }

    /// The subject of the clause in a byte range of a sentence's narrative: the first person,
    /// pronoun or role not standing as an object or a possessor; after an opening phrase
    /// ("After the vote, ..."), the first one that follows a comma.
    fn subject(&self, si: usize, within: &Range<usize>) -> Option<Guess> {
        let all = &self.narratives[si];
        // The words within the range: a run of the sentence's, which are in order.
        debug_assert!(all.windows(2).all(|p| p[0].range.end <= p[1].range.start));
        let lo = all.partition_point(|w| w.range.start < within.start);
        let hi = lo + all[lo..].partition_point(|w| w.range.end <= within.end);
        let ws = &all[lo..hi];
        let first = ws.first()?;
        let starts_name = |o: usize| self.mentions.of(si).iter().find(|m| m.range.start == o);
        // A preposition opening the clause ("About Ann Lee, he said"; "For Ann Lee, the vote
        // was personal") makes an opening phrase too: its object is the subject only when no
        // person follows the comma.
        let opening_preposition =
            text::is_capitalised(first.text) && speaker::is_preposition(&first.key);
        // A clause opening with a conjunction ("And on Saturday, ...", "But after the vote,
        // ...") has its opening phrase after it.
        let lead = match first.key.as_ref() {
            "and" | "but" | "yet" | "so" | "or" => ws.get(1).unwrap_or(first),
            _ => first,
        };
        let intro = (INTRO_WORDS.contains(lead.key.as_ref())
            || (lead.key.ends_with("ing") && lead.key.len() > 5)
            || opening_preposition)
            && starts_name(lead.range.start).is_none();
        // Index in `ws` where the phrase holding word `i` starts (titles and capitalised words
        // before a name).
        let run_start = |i: usize| {
            let mut k = i;
            while k > 0
                && !ws[k].comma_before
                && !ws[k].after_quote
                && (names::is_title(&ws[k - 1].key)
                    // A capitalised word, but not a preposition opening the clause ("About
                    // Ann Lee, he said"), nor the word opening an opening phrase ("When Mr.
                    // Lee left, Mr. Ray said": Lee stands in the phrase, not at the start).
                    || (text::is_capitalised(ws[k - 1].text)
                        && !(k == 1 && opening_preposition)
                        && !(intro && ws[k - 1].range == lead.range))
                    || matches!(ws[k - 1].key.as_ref(), "the" | "a" | "an")
                    // "Secretary of the Interior Ann Lee".
                    || (ws[k - 1].key == "of"
                        && k > 1
                        && (names::is_title(&ws[k - 2].key)
                            || text::is_capitalised(ws[k - 2].text))))
                && starts_name(ws[k - 1].range.start).is_none()
            {
                k -= 1;
            }
            k
        };
        // A past-tense verb right before a name makes it the verb's object ("prompted Vieira
        // to ask"), unless the verb is one of speech ("added Lee", the subject after it).
        let past_verb = |w: &NarrativeWord| {
            let k = w.key.as_ref();
            k.len() >= 5
                && k.ends_with("ed")
                && !text::is_capitalised(w.text)
                && !speaker::is_speech_verb(k)
        };
        let object = |k: usize| {
            k > 0
                && !ws[k].after_quote
                && (OBJECT_MARKERS.contains(ws[k - 1].key.as_ref())
                    || speaker::is_preposition(&ws[k - 1].key)
                    || (!ws[k].comma_before && past_verb(&ws[k - 1])))
        };
        // The first candidate decides, or after an opening phrase the first after a comma
        // (else the first): the words after it need not be read.
        let mut first_candidate: Option<Guess> = None;
        let mut candidate = |after_comma: bool, g: Guess| -> Option<Guess> {
            if !intro || after_comma {
                return Some(g);
            }
            first_candidate.get_or_insert(g);
            None
        };
        for (i, w) in ws.iter().enumerate() {
            if speaker::PRONOUNS.contains(w.key.as_ref()) {
                if let Some(g) = candidate(w.comma_before || i == 0, Guess::Pronoun) {
                    return Some(g);
                }
                continue;
            }
            if let Some(m) = starts_name(w.range.start) {
                let name = self.entities.canonical_of(m);
                let k = run_start(i);
                // A possessive name is the subject only of a thing ("Lee's letter said"), not
                // of a person ("Lee's lawyer said").
                // A name that qualifies a person ("Lee's lawyer said", "Lee campaign adviser
                // Ann Ray said") is not the subject; a possessive of a thing ("Lee's letter
                // said") stands for its owner.
                let possessive = self.text[m.range.end..].starts_with(['\'', '\u{2019}']);
                let next = ws.iter().skip(i + 1).find(|n| n.range.start >= m.range.end);
                let qualifies = next.is_some_and(|n| {
                    !n.comma_before
                        && !n.after_quote
                        && (PERSON_NOUNS.contains(n.key.as_ref())
                            || names::is_title(&n.key)
                            || (possessive
                                && ws.iter().skip(i + 1).take(3).any(|n| {
                                    PERSON_NOUNS.contains(n.key.as_ref()) || names::is_title(&n.key)
                                })))
                });
                // "Ann Lee, a Texas Democrat, ...": an apposition, not a subject.
                let apposition = matches!(ws[k].key.as_ref(), "a" | "an");
                if self.is_person(&name)
                    && !qualifies
                    && !apposition
                    && (!object(k) || (k == 1 && opening_preposition))
                    && let Some(g) = candidate(ws[k].comma_before || k == 0, Guess::Person(name))
                {
                    return Some(g);
                }
                continue;
            }
            if w.key == "the" && !object(i) {
                let sub = &ws[i..];
                let named = |o: usize| starts_name(o).map(|m| m.range.clone());
                // "the mayor of Springfield" brings in a new person; "the mayor" refers back.
                if let Some((head, former)) = speaker::role_starting_at(sub, 0, &named)
                    && sub
                        .get(head + 1)
                        .is_none_or(|n| n.key != "of" || n.comma_before)
                {
                    let role = Guess::Role(sub[head].key.to_string(), former, w.range.start);
                    if let Some(g) = candidate(w.comma_before || i == 0, role) {
                        return Some(g);
                    }
                }
            }
        }
        first_candidate
    }

    /// The first name in a sentence's narrative that is known to be a person's.
    fn known_person_in(&self, si: usize) -> Option<String> {
        self.narratives[si].iter().find_map(|w| {
            let m = self
                .mentions
                .of(si)
                .iter()
                .find(|m| m.range.start == w.range.start)?;
            let name = self.entities.canonical_of(m);
            self.persons.contains(&name).then_some(name)
        })
    }

    /// The person a clause's subject stands for: a named person, the holder of a role, or for
    /// a pronoun (or no subject at all) the last person.
    fn resolve(&self, si: usize, within: &Range<usize>, last: &Option<String>) -> Option<String> {
        match self.subject(si, within) {
            Some(Guess::Person(p)) => Some(p),
            Some(Guess::Role(head, former, at)) => self.role(&head, former, at, last),
            Some(Guess::Pronoun) => last.clone(),
            None => None,
        }
    }

    /// The holder of an office named by a role noun before offset `at`: the last person
    /// written with that title ("President Lee" for "the president"), else the last person
    /// when nothing says they hold another office.
    fn role(&self, head: &str, former: bool, at: usize, last: &Option<String>) -> Option<String> {
        let want = office(head)?;
        let held = |o: &Office| o.offices.iter().any(|t| office_covers(want, t));
        if let Some(o) = self
            .offices
            .iter()
            .rev()
            .filter(|o| o.at < at && held(o) && (former || !o.former))
            .find(|o| self.is_person(&o.name))
        {
            return Some(o.name.clone());
        }
        // Standing for an office ("presidential candidate Ann Lee") is holding none: it says
        // nothing against "the governor", but it does against "the president".
        let standing = |t: &&str| matches!(*t, "candidate" | "nominee");
        let last = last.as_ref()?;
        let other =
            self.offices.iter().filter(|o| &o.name == last).any(|o| {
                !held(o) && (!o.offices.iter().all(standing) || o.seeking.contains(&want))
            });
        (!other).then(|| last.clone())
    }
}

/// A name of two or more words with no word that marks a place, team or organisation.
fn looks_like_person(name: &str) -> bool {
    name.split(' ').nth(1).is_some()
        && !name
            .split(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"))
        && !names_a_body(name)
}

/// Does a word of `name` mark a place, team or organisation ("White House", "Bank of
/// England")?
pub(crate) fn names_a_body(name: &str) -> bool {
    static NOT_PERSON: crate::text::WordSet = crate::text::WordSet::new(&[
        "party",
        "house",
        "department",
        "stadium",
        "cup",
        "university",
        "court",
        "council",
        "committee",
        "news",
        "times",
        "post",
        "street",
        "united",
        "city",
        "fc",
        "club",
        "league",
        "association",
        "agency",
        "office",
        "senate",
        "congress",
        "church",
        "school",
        "college",
        "bank",
        "company",
        "group",
        "inc",
        "corp",
        "republic",
        "kingdom",
        "states",
        "state",
        "county",
        "river",
        "park",
        "square",
        "hall",
        "center",
        "centre",
        "institute",
        "foundation",
        "ministry",
        "army",
        "navy",
        "force",
        "service",
        "administration",
        "hospital",
        "airport",
        "station",
        "tower",
        "bridge",
        "island",
        "islands",
        "mountains",
        "journal",
        // Newspapers' names: "the Press Herald", "the Boston Globe".
        "herald",
        "tribune",
        "gazette",
        "chronicle",
        "inquirer",
        "examiner",
        "courier",
        "globe",
        "dispatch",
        "sentinel",
        "register",
        "press",
        "magazine",
        "network",
        "channel",
        "television",
        "radio",
        "day",
        "week",
        "conference",
        "commission",
        "board",
        "organization",
        "organisation",
        "coalition",
        "alliance",
        "mission",
        "caucus",
        "union",
        "society",
        "corporation",
        "fund",
        "assembly",
        "legislature",
        "government",
        "media",
        "democrat",
        "democrats",
        "democratic",
        "republican",
        "republicans",
        // Things named after people: "the Rubio Doctrine", "the Smith Act".
        "doctrine",
        "act",
        "amendment",
        "prize",
        "award",
        "museum",
        "library",
        "memorial",
        "convention",
        "federation",
        "federated",
        "guild",
    ]);
    name.split(' ').any(|w| {
        let k = crate::text::key_cow(w);
        k == "of" || NOT_PERSON.contains(&k)
    })
}

fn dist(at: usize, r: &Range<usize>) -> usize {
    if at >= r.end {
        at - r.end
    } else {
        r.start.saturating_sub(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::ingest_str;
    use crate::segment::segment;

    /// Extracts claims and checks (kind, text, speaker) of each.
    fn check(input: &str, expected: &[(&str, &str, Option<&str>)]) {
        let doc = ingest_str(input, None);
        let ex = extract(&doc, &segment(&doc));
        let got: Vec<(&str, &str, Option<&str>)> = ex
            .claims
            .iter()
            .map(|c| (c.kind.as_str(), c.text.as_str(), c.speaker.as_deref()))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn quotes_statements_and_speakers() {
        check(
            "Coach Ann Lee said her team was \"tired\" after the game. \"We lost. We move on,\" Lee said.",
            &[
                (
                    "statement",
                    "Coach Ann Lee said her team was \"tired\" after the game.",
                    None,
                ),
                ("quote", "We lost.", Some("Ann Lee")),
                ("quote", "We move on", Some("Ann Lee")),
            ],
        );
    }

    #[test]
    fn pronoun_and_introduced_paragraph() {
        check(
            "Maria Diaz won the race.\nAsked about it, she said: \"It was hard.\"\n\"Very hard.\"",
            &[
                ("statement", "Maria Diaz won the race.", None),
                ("quote", "It was hard.", Some("Maria Diaz")),
                ("quote", "Very hard.", Some("Maria Diaz")),
            ],
        );
    }

    /// An opening phrase after a conjunction ("And on Monday, a day before Mayor Ann Lee
    /// spoke, ...") is still an opening phrase: the subject is the first person after its
    /// comma, whom a pronoun in the next sentence stands for.
    #[test]
    fn an_opening_phrase_after_a_conjunction() {
        let text = "And on Monday, one day before Mayor Ann Lee released a report, former Senator Tom Ray told voters that the plan \"will fail.\"\nHe also said that the mayor is \"out of touch.\"";
        check_quote_speakers(text, &[Some("Tom Ray"), Some("Tom Ray")]);
    }

    /// A quote holding a quoted phrase of its own is one quote, with the speaker named after
    /// it; a name inside it is what it is about, not who said it.
    #[test]
    fn a_quote_with_a_quote_inside_is_one_claim() {
        check(
            "\"By backing a plan she once called a \"disaster,\" Ann Lee shows she cannot be \
             trusted,\" Tom Ray said in a statement.",
            &[(
                "quote",
                "By backing a plan she once called a \"disaster,\" Ann Lee shows she cannot be \
                 trusted",
                Some("Tom Ray"),
            )],
        );
    }

    /// What follows a participle ("..., saying a small group ...", "insisting the remarks
    /// ...") is what was said, not who said it: the speaker is the subject of the clause.
    #[test]
    fn the_words_after_a_participle_are_not_its_speaker() {
        let text = "Mayor Ann Lee spoke on Friday.\nShe rebuked the council, saying a few \
                    members kept the money while \"the town paid the bill\" for years.\nTom \
                    Ray dismissed the report, claiming the figures \"left out most of the \
                    schools\" in the county.";
        check_quote_speakers(text, &[Some("Ann Lee"), Some("Tom Ray")]);
    }

    /// A quote of several sentences attributed only after its last is its speaker's, however
    /// many sentences it has; an unnamed subject that far ("the statement continued") is not
    /// read, and the quote goes on with the last speaker.
    #[test]
    fn a_long_quote_is_attributed_after_its_last_sentence() {
        let text = "\"We can say it now. So obvious. So predictable. So sad,\" Dan Ortiz, the head \
                    of the group, wrote on Tuesday.\n\"We will not stop. We will win. We are many. \
                    We are here,\" the statement continued.";
        check_quote_speakers(text, &[Some("Dan Ortiz"); 8]);
    }

    /// A newspaper's name is not a person's: "obtained by the Boston Globe, the governor ..."
    /// makes the paper no governor, and "he" after it stands for the governor.
    #[test]
    fn a_newspaper_is_not_the_person_a_pronoun_stands_for() {
        let text = "Gov. Ann Lee left a message for Tom Ray.\nIn a recording obtained by the \
                    Boston Globe, the governor identified herself. \"I want you to prove it. \
                    Thank you,\" she said.\nA copy went to the Daily Tribune, the governor said. \
                    \"It was wrong,\" she added.";
        check_quote_speakers(text, &[Some("Ann Lee"), Some("Ann Lee"), Some("Ann Lee")]);
    }

    /// A surname written with its particle in lower case speaks.
    #[test]
    fn a_surname_with_a_lower_case_particle_speaks() {
        check(
            "\"We will appeal,\" diMarco said.",
            &[("quote", "We will appeal", Some("diMarco"))],
        );
    }

    /// A place before a word for a person ("U.S. official", "Pentagon investigators") says
    /// whose the person is: it is not the subject, and a pronoun after it stands for the
    /// person named.
    #[test]
    fn a_place_before_a_person_noun_is_not_the_subject() {
        let text = "Former U.S. official Ivo Pratt said \"the plan will fail.\"\nHe added: \"It is too late.\"";
        check_quote_speakers(text, &[Some("Ivo Pratt"), Some("Ivo Pratt")]);
    }

    /// The words of a title before a name ("Jesuit Father", "Harbor Council Chairman") are the
    /// attribution's, not a claim of the narrative's own.
    #[test]
    fn the_words_of_a_title_are_attribution() {
        check(
            "\"This is nonsense,\" said Jesuit Father Tom Ray, one of its authors.",
            &[("quote", "This is nonsense", Some("Tom Ray"))],
        );
    }

    /// A name before "organizer", "activist" or "member" says whose the person is: it is not
    /// the subject.
    #[test]
    fn a_name_before_organizer_is_not_the_subject() {
        check_quote_speakers(
            "Riverside Green organizer Ann Lee spoke at the rally.\n\"We object,\" she said.",
            &[Some("Ann Lee")],
        );
    }

    /// A name in an opening phrase ("When Mr. Lee went after …, Mr. Kim reminded …") is not
    /// the clause's subject, though the phrase opens the sentence: a pronoun after it stands
    /// for the subject after the comma.
    #[test]
    fn a_name_inside_an_opening_phrase_is_not_the_subject() {
        let text = "\"I love that,\" Mr. Lee said.\nWhen Mr. Lee went after Mr. Ray's plan, Mr. Kim reminded the mayor of his own gaffes. \"I think the mayor knows that,\" he said.";
        check_quote_speakers(text, &[Some("Lee"), Some("Kim")]);
    }

    #[test]
    fn one_word_names_speak() {
        check(
            "\"We are gutted,\" Obama said.",
            &[("quote", "We are gutted", Some("Obama"))],
        );
        check(
            "Okafor said: \"We lost.\"",
            &[("quote", "We lost.", Some("Okafor"))],
        );
    }

    /// The speakers of the quote claims only.
    fn speakers(input: &str) -> Vec<(String, Option<String>)> {
        let doc = ingest_str(input, None);
        extract(&doc, &segment(&doc))
            .claims
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Quote)
            .map(|c| (c.text, c.speaker))
            .collect()
    }

    /// The speakers of the quote claims, in order.
    fn check_quote_speakers(input: &str, expected: &[Option<&str>]) {
        let got: Vec<Option<String>> = speakers(input).into_iter().map(|(_, s)| s).collect();
        let want: Vec<Option<String>> = expected.iter().map(|s| s.map(str::to_string)).collect();
        assert_eq!(got, want, "speakers in {input:?}");
    }

    fn check_speakers(input: &str, expected: &[(&str, Option<&str>)]) {
        let want: Vec<(String, Option<String>)> = expected
            .iter()
            .map(|(t, s)| (t.to_string(), s.map(str::to_string)))
            .collect();
        assert_eq!(speakers(input), want, "speakers in {input:?}");
    }

    /// A name right before a quote ("said Lee “put forth ...”") is the subject of the quoted
    /// words, not their speaker; the speaker is the one who said it.
    #[test]
    fn a_name_the_quote_goes_on_from_is_not_its_speaker() {
        check_speakers(
            "Mayor Tom Lee spoke on Monday. Sen. Jo Kim, whose views on the mayor and his many plans have changed, said Lee \"put forth a fair plan.\"",
            &[("put forth a fair plan.", Some("Jo Kim"))],
        );
        check_speakers(
            "\"We will win,\" said Tom Ray. \"And soon.\"",
            &[
                ("We will win", Some("Tom Ray")),
                ("And soon.", Some("Tom Ray")),
            ],
        );
        check_speakers(
            "The plan, said Tom Ray, \"will work.\"",
            &[("will work.", Some("Tom Ray"))],
        );
        // After a quote, and after "according to", the name is the speaker's.
        check_speakers(
            "\"We will win,\" said Tom Ray \"and we will do it soon.\"",
            &[
                ("We will win", Some("Tom Ray")),
                ("and we will do it soon.", Some("Tom Ray")),
            ],
        );
        check_speakers(
            "The plan is, according to Tom Ray \"a total disaster.\"",
            &[("a total disaster.", Some("Tom Ray"))],
        );
    }

    /// After the speech verb, a phrase of office with the name in apposition to it: the name
    /// speaks when it ends the clause and stands beside the whole phrase; two names are no
    /// one speaker.
    #[test]
    fn a_name_in_apposition_to_an_office_speaks() {
        check_speakers(
            "\"We will see,\" said the Secretary of State, Mike Pompeo.",
            &[("We will see", Some("Mike Pompeo"))],
        );
        check_speakers(
            "\"Not yet,\" said the union's president, Ann Lee, who was in Ohio.",
            &[("Not yet", Some("Ann Lee"))],
        );
        check_speakers(
            "\"It is by their choice,\" said a spokesman, Tom Ray. \"She is ready to appear.\"",
            &[
                ("It is by their choice", Some("Tom Ray")),
                ("She is ready to appear.", Some("Tom Ray")),
            ],
        );
        check_speakers(
            "\"Later,\" said the two leaders, Ann Lee and Tom Ray.",
            &[("Later", None)],
        );
        check_speakers(
            "\"It is over,\" said the report, Tom Ray noted.",
            &[("It is over", None)],
        );
        check_speakers(
            "\"Options are open,\" said the Democratic leader of the Senate, Justin Alfond.",
            &[("Options are open", Some("Justin Alfond"))],
        );
        // The name beside the object of a preposition in the phrase, a place after a place, a
        // list of names, a plural head: no one speaker.
        for sentence in [
            "\"We will win this,\" said a spokesman for the governor of Texas, Greg Abbott.",
            "\"We will win this,\" said an aide to the senator, Ted Cruz.",
            "\"We will win this,\" said the son of the late senator, John McCain.",
            "\"We will win this,\" said a lawyer representing the teenager, Kyle Rittenhouse.",
            "\"We will win this,\" said the mayor of Flint, Michigan.",
            "\"We will win this,\" said her lawyers, Ben Crump, Tom Ray and Jeff Storms.",
            "\"We will win this,\" said the lawyers, Ben Crump and Tom Ray.",
        ] {
            check_speakers(sentence, &[("We will win this", None)]);
        }
    }

    /// After the speech verb, the speaker's titles and office come before the name, however
    /// many words they take ("said Georgia Secretary of State Ann Lee"); without a title, a
    /// name more than four words on is no subject.
    #[test]
    fn an_office_after_the_verb_leads_to_the_name() {
        check_speakers(
            "\"We count every vote,\" said Ohio Secretary of State Ann Lee.",
            &[("We count every vote", Some("Ann Lee"))],
        );
        check_speakers(
            "\"No,\" said White House Deputy Press Secretary Tom Ray.",
            &[("No", Some("Tom Ray"))],
        );
        check_speakers(
            "\"Soon,\" said Secretary of the Interior Jo Kim.",
            &[("Soon", Some("Jo Kim"))],
        );
        check_speakers(
            "\"No,\" said Monday night in the Rose Garden Tom Ray.",
            &[("No", None)],
        );
    }

    /// The subject of a speech verb after an aside is the name before the aside when that name
    /// opens a clause; otherwise the clause's subject, as before.
    #[test]
    fn a_name_before_an_aside_speaks_when_it_opens_its_clause() {
        check_speakers(
            "Speaker Ann Park rejected it before Lee spoke, and Senator Jo Kim, the party leader, denounced the offer as \"a trap.\"",
            &[("a trap.", Some("Jo Kim"))],
        );
        check_speakers(
            "\"This ground is sacred,\" Jo Kim, a Republican trying to unseat Representative Ann Park, a Democrat, in the Third District, said in a statement.",
            &[("This ground is sacred", Some("Jo Kim"))],
        );
        check_speakers(
            "A spokesman for the Democratic Party, Jo Kim, said Lee was \"betting against the troops.\"",
            &[("betting against the troops.", Some("Jo Kim"))],
        );
        // After an opening phrase, a title in quotation marks included.
        check_speakers(
            "In an interview, Jo Kim, D-Mo., said the plan \"is a disaster.\"",
            &[("is a disaster.", Some("Jo Kim"))],
        );
        check_speakers(
            "In an appearance on \"Meet the Press,\" Jo Kim, D-Mo., said the plan \"is a disaster.\"",
            &[("is a disaster.", Some("Jo Kim"))],
        );
        // "Park and Kim" is one subject: "and" after no comma opens no clause.
        check_speakers(
            "\"This is a power grab,\" Speaker Ann Park of Ohio and Senator Jo Kim, the party leader, said in a statement.",
            &[("This is a power grab", Some("Ann Park"))],
        );
    }

    /// A quote of one clause is not spoken by the subject of the next one, which "and" or
    /// "but" opens after a comma or the quote.
    #[test]
    fn a_clause_after_and_or_but_speaks_only_for_its_own_quotes() {
        check_speakers(
            "Some senators called the idea \"intriguing,\" but Sen. Jo Kim, D-Mo., said it was a \"mistake.\"",
            &[("intriguing", None), ("mistake.", Some("Jo Kim"))],
        );
        check_speakers(
            "Tom Ray met his cousin. His cousin \"started mouthing off,\" and Ray urged him to be quiet.",
            &[("started mouthing off", None)],
        );
    }

    /// A participle after a clause that a conjunction opens goes with that clause's subject
    /// when the sentence's own subject is no person ("Lee's remarks came as Ray left, saying"),
    /// and with the sentence's subject when it is one ("Lee spoke as Ray left, saying").
    #[test]
    fn a_participle_after_a_clause_speaks_for_its_subject_when_the_sentence_has_no_person() {
        check_speakers(
            "Ann Lee spoke on Monday. Lee's remarks came as Tom Ray turned down the offer, saying \"it is not enough.\"",
            &[("it is not enough.", Some("Tom Ray"))],
        );
        check_speakers(
            "The vote came after Tom Ray rejected the offer, saying \"it is not enough.\"",
            &[("it is not enough.", Some("Tom Ray"))],
        );
        check_speakers(
            "Ann Lee left the stage as Tom Ray arrived, saying \"we won.\"",
            &[("we won.", Some("Ann Lee"))],
        );
        check_speakers(
            "Ann Lee spoke as the crowd cheered, saying \"we won.\"",
            &[("we won.", Some("Ann Lee"))],
        );
        // A pronoun or a role before the conjunction is the subject, a person.
        check_speakers(
            "Ann Lee was charged on Monday. Later, she spoke after Tom Ray testified, saying \"the case is weak.\"",
            &[("the case is weak.", Some("Ann Lee"))],
        );
        check_speakers(
            "Ann Lee is the mayor of Springfield. The mayor spoke as Tom Ray left the stage, saying \"we won.\"",
            &[("we won.", Some("Ann Lee"))],
        );
    }

    /// A place before an apposition is no holder of the office it names: "at the Council on
    /// Foreign Relations, the senator said" makes no senator of the council.
    #[test]
    fn a_place_before_an_apposition_holds_no_office() {
        check_speakers(
            "Ann Lee spoke on Monday. In comments at the Council on Foreign Relations, the senator said the world was safer. Later the senator took a swipe at Ray, calling him \"weak at best.\"",
            &[("weak at best.", Some("Ann Lee"))],
        );
    }

    /// A surname that speaks is not the thing named after it.
    #[test]
    fn a_speaker_is_not_the_thing_named_after_him() {
        check_speakers(
            "Kim spoke at the Kim Center on Monday. \"We must be strong,\" Kim said.",
            &[("We must be strong", Some("Kim"))],
        );
    }

    /// A short quote that opens its sentence as a word of it ("“Today” show host …") is no
    /// quote; a short quote followed by its speaker is.
    #[test]
    fn a_short_quote_opening_a_sentence_as_its_word_is_no_quote() {
        let quotes =
            |input: &str| -> Vec<String> { speakers(input).into_iter().map(|(t, _)| t).collect() };
        for (input, expected) in [
            (
                "\"Today\" show host Ann Lee asked him, \"Are you sure of this?\"",
                &["Are you sure of this?"][..],
            ),
            ("\"Buy American\" rules were dropped on Friday.", &[]),
            ("\"No way\" he said.", &["No way"]),
            ("\"Yes\" was all he said.", &["Yes"]),
            (
                "\"Enough\" was his only answer, Ann Lee recalled.",
                &["Enough"],
            ),
            (
                "\"No comment\" came the reply from Ann Lee.",
                &["No comment"],
            ),
            ("\"Fake news\" again, Ann Lee tweeted.", &["Fake news"]),
            ("\"No way\" said Ann Lee.", &["No way"]),
            ("\"Never,\" Lee said.", &["Never"]),
            ("\"Never.\" That was all.", &["Never."]),
        ] {
            assert_eq!(quotes(input), expected, "{input}");
        }
    }

    /// The title of a show or a film in quotation marks, where the sentence says it was shown,
    /// is no quote; speech after a person's name is.
    #[test]
    fn a_quoted_title_is_no_quote() {
        let quotes =
            |input: &str| -> Vec<String> { speakers(input).into_iter().map(|(t, _)| t).collect() };
        for title in [
            "\"We will win,\" Ann Lee said on CBS's \"Face the Nation.\"",
            "\"We will win,\" Ann Lee told \"Fox & Friends.\"",
            "\"We will win,\" Ann Lee said on the CNN program \"State of the Union.\"",
            "\"We will win,\" Ann Lee said Tuesday night on Fox News' \"On the Record with Greta Van Susteren.\"",
            "Ann Lee, who spoke in an episode of \"The Late Show with Stephen Colbert,\" said \"We will win,\" and left.",
        ] {
            assert_eq!(quotes(title), ["We will win"], "{title}");
        }
        assert_eq!(
            quotes("\"We will win,\" Ann Lee said on CBS's \"60 Minutes.\""),
            ["We will win"]
        );
        for speech in [
            "Ann Lee told Tom Ray \"No.\"",
            "Ann Lee said on Monday: \"Never Again.\"",
            "Ann Lee told CNN: \"Never Again.\"",
            "Ann Lee told CNN, \"Absolutely.\"",
            "Ann Lee told NBC's Chuck Todd \"Never Again.\"",
            "Ann Lee told the AP \"No.\"",
        ] {
            assert_eq!(quotes(speech).len(), 1, "{speech}");
        }
    }

    /// A number in the narrative around a quote is a fact to compare, so the narrative is a
    /// claim even when it is otherwise only the attribution.
    #[test]
    fn a_quote_s_narrative_with_a_number_is_a_claim() {
        let statements = |input: &str| -> Vec<String> {
            let doc = ingest_str(input, None);
            extract(&doc, &segment(&doc))
                .claims
                .into_iter()
                .filter(|c| c.kind == ClaimKind::Statement)
                .map(|c| c.text)
                .collect()
        };
        assert_eq!(
            statements("Asked about the 63 members who voted no, Kim said, \"I won.\""),
            ["Asked about the 63 members who voted no, Kim said"]
        );
        assert_eq!(
            statements("\"It was a good protest,\" Jo Kim, 45, said."),
            ["Jo Kim, 45, said."]
        );
        assert!(statements("\"It was a good protest,\" Jo Kim said on Twitter.").is_empty());
    }

    #[test]
    fn a_body_that_speaks_does_not_take_he_from_a_person() {
        check_speakers(
            "The White House said nothing.\n\nRep. Ann Lee said the panel is ready.\n\nThe House panel\u{2019}s subpoenas \"will work,\" Lee told reporters. \"We need more,\" he added.",
            &[
                ("will work", Some("Ann Lee")),
                ("We need more", Some("Ann Lee")),
            ],
        );
    }

    #[test]
    fn participles_of_speech_attribute_to_the_clause_subject() {
        check_speakers(
            "Tom Ray spoke on Monday. The ad ends with Ann Lee claiming, \"our faith made us strong.\"",
            &[("our faith made us strong.", Some("Ann Lee"))],
        );
        check_speakers(
            "Tom Ray spoke on Monday. Ann Lee doubled down, proclaiming that \"I will always speak up.\"",
            &[("I will always speak up.", Some("Ann Lee"))],
        );
    }

    #[test]
    fn a_quote_the_narrative_leads_into_is_not_the_last_speakers() {
        // Standing by itself, the next paragraph's quote goes on with the last speaker...
        check_speakers(
            "\"We will rebuild,\" Ann Lee said.\n\n\"And we will win.\"",
            &[
                ("We will rebuild", Some("Ann Lee")),
                ("And we will win.", Some("Ann Lee")),
            ],
        );
        // ...but words the writer quotes inside a sentence of their own, with no speech verb,
        // are not hers: here they are her critics'.
        check_speakers(
            "\"We will rebuild,\" Ann Lee said.\n\nCritics charge that Lee stands for \"ending the program.\"",
            &[
                ("We will rebuild", Some("Ann Lee")),
                ("ending the program.", None),
            ],
        );
    }

    #[test]
    fn a_role_is_the_last_person_with_that_title() {
        check_speakers(
            "Gov. Ann Lee spoke on Monday. Tom Ray listened. \"We will rebuild,\" the governor said.",
            &[("We will rebuild", Some("Ann Lee"))],
        );
        check_speakers(
            "President Ann Lee met Vice President Tom Ray. \"We agree,\" the president said.",
            &[("We agree", Some("Ann Lee"))],
        );
    }

    #[test]
    fn the_outlet_spoken_to_is_not_the_speaker() {
        check_speakers(
            "Justice Mary Ford gave an interview to The Daily Ledger on Monday. \"I will not retire,\" she said.",
            &[("I will not retire", Some("Mary Ford"))],
        );
    }

    /// A name right after a past-tense verb is its object, not the clause's subject.
    #[test]
    fn a_name_after_a_verb_is_its_object() {
        check_speakers(
            "An executive called Gov. Ann Lee to urge her to reject it, and Tom Ray, a banker, \
             sent her a letter saying, \"We are worried about the bill.\"",
            &[("We are worried about the bill.", Some("Tom Ray"))],
        );
    }

    #[test]
    fn a_candidate_may_be_the_governor() {
        check_speakers(
            "Republican presidential candidate Tom Ray spoke in Iowa. \"We must act,\" the Texas \
             governor said. Senate candidate Ann Lee, the mayor of Ames, spoke next. \"Not so,\" \
             the governor said.",
            &[("We must act", Some("Tom Ray")), ("Not so", None)],
        );
        // ... but not the holder of the office sought.
        check_speakers(
            "Republican presidential candidate Tom Ray spoke in Iowa. \"It has failed,\" the \
             president said.",
            &[("It has failed", None)],
        );
    }

    #[test]
    fn a_pronoun_subject_keeps_the_last_person() {
        check_speakers(
            "Tom Ray spoke in Dayton. He also wrote to Gov. Ann Lee about it. \"We must act,\" he said.",
            &[("We must act", Some("Tom Ray"))],
        );
        // A name after a preposition opening the sentence is its object: the subject when
        // nobody follows the comma, not otherwise.
        check_speakers(
            "Tom Ray spoke in Dayton. About Ann Lee, he said: \"We must act.\"",
            &[("We must act.", Some("Tom Ray"))],
        );
        check_speakers(
            "Tom Ray spoke in Dayton. For Ann Lee, the vote was personal. \"I lost my son,\" \
             she said.",
            &[("I lost my son", Some("Ann Lee"))],
        );
    }

    #[test]
    fn the_subject_follows_an_opening_phrase() {
        check_speakers(
            "After reporter Ann Lee asked about the budget, Tom Ray stood up and said, \"No comment today.\"",
            &[("No comment today.", Some("Tom Ray"))],
        );
    }

    #[test]
    fn partial_quotes_after_quoting_verbs_and_colons() {
        check_speakers(
            "Tom Ray called the plan \"a disaster for the city\" on Monday.",
            &[("a disaster for the city", Some("Tom Ray"))],
        );
        check_speakers(
            "Tom Ray was quick to reply: \"That is simply wrong.\"",
            &[("That is simply wrong.", Some("Tom Ray"))],
        );
        // A second verb after the quote, joined by "and", does not hide the first's subject.
        check_speakers(
            "Before the vote, Ann Lee called the plan a \"gross abuse of power by the mayor\" and vowed that \"the council will fight it.\"",
            &[
                ("gross abuse of power by the mayor", Some("Ann Lee")),
                ("the council will fight it.", Some("Ann Lee")),
            ],
        );
    }

    #[test]
    fn a_name_qualifying_a_person_is_not_the_subject() {
        check_speakers(
            "Tom Ray's lawyer, Ann Lee, said \"he did nothing wrong at all.\"",
            &[("he did nothing wrong at all.", Some("Ann Lee"))],
        );
    }

    #[test]
    fn clauses_split_at_but() {
        let t = "The striker had a chance to level in the 84th minute, but blazed his penalty over the bar.";
        let parts: Vec<&str> = split_clauses(t, 0..t.len())
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(
            parts,
            [
                "The striker had a chance to level in the 84th minute",
                "but blazed his penalty over the bar."
            ]
        );
    }

    /// [`opens_a_clause`] as it was, lower-casing all the rest of the sentence: the reference
    /// the proptest holds it to.
    fn opens_a_clause_whole(rest: &str) -> bool {
        let lower = rest.trim_start().to_lowercase();
        let starts = |w: &str| lower.starts_with(w) && lower[w.len()..].starts_with(' ');
        let joins = ["but", "while", "whereas", "although", "though", "yet"]
            .iter()
            .any(|w| starts(w));
        let and_new_subject = starts("and") && {
            let after = lower[3..].trim_start();
            let first = after.split(' ').next().unwrap_or("");
            matches!(
                first,
                "he" | "she" | "they" | "it" | "we" | "i" | "the" | "his" | "her" | "their"
            ) || rest.trim_start()[3..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        joins || and_new_subject
    }

    #[test]
    fn clauses_open_after_a_comma() {
        for (rest, expected) in [
            (" but the rest", true),
            (" and he left", true),
            (" and Kane scored", true),
            (" and  the  rest", true),
            (" and then", false),
            (" andrew said", false),
            (" butter", false),
            (" which", false),
            ("", false),
        ] {
            assert_eq!(opens_a_clause(rest), expected, "{rest:?}");
        }
    }

    proptest::proptest! {
        /// Reading only the first two words after a comma decides as reading all the rest:
        /// over the joining words, pronouns, capitals, runs of white space of several kinds,
        /// and letters whose lower case is longer or depends on what follows (İ, Σ, K).
        #[test]
        fn a_clause_opens_as_the_whole_rest_says(
            rest in "( |  |\t|\u{a0}|and|AND|And|but|he|she|the|theirs|it|I|\u{130}|\u{3a3}|\u{212a}|x|Kane|,){0,8}"
        ) {
            proptest::prop_assert_eq!(opens_a_clause(&rest), opens_a_clause_whole(&rest));
        }
    }
}
