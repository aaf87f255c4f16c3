//! Speakers and channels: who said a quote, and where.
//!
//! Reads the narrative around a quote block for a speech verb and its subject: "X said", "said
//! X", "X said:", "X told Y", "according to X", a pronoun ("he said" → the last person who was
//! the subject of a sentence or a speaker). A quote with no attribution of its own takes the one
//! of the paragraph that introduces it, or of the quote just before it. Channels are the
//! phrases "on Twitter", "to ITV", "told ITV", "in a statement" next to the speech verb.

use std::ops::Range;

use crate::text;

/// Verbs that introduce direct speech, in all the forms news writing uses.
static SPEECH_VERBS: text::WordSet = text::WordSet::new(&[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "posted",
    "explained",
    "explains",
    "continued",
    "continues",
    "argued",
    "argues",
    "asked",
    "asks",
    "replied",
    "replies",
    "stated",
    "states",
    "declared",
    "declares",
    "insisted",
    "insists",
    "noted",
    "notes",
    "warned",
    "warns",
    "admitted",
    "admits",
    "acknowledged",
    "acknowledges",
    "claimed",
    "claims",
    "recalled",
    "recalls",
    "remarked",
    "conceded",
    "concedes",
    "suggested",
    "suggests",
    "announced",
    "announces",
    "responded",
    "responds",
    "urged",
    "urges",
    "complained",
    "joked",
    "quipped",
    "predicted",
    "concluded",
    "observed",
    "shouted",
    "cried",
    "exclaimed",
    "answered",
    "commented",
    "stressed",
    "emphasized",
    "emphasised",
    "maintained",
    "contended",
    "testified",
    "vowed",
    "promised",
    "boasted",
    "charged",
    "countered",
    "scoffed",
    "mused",
    "agreed",
    "pleaded",
    "confirmed",
    "revealed",
    "wondered",
    "reiterated",
    "thundered",
    "fumed",
    "griped",
    "lamented",
    "speculated",
    "predicts",
    "saying",
    "telling",
    "adding",
    "writing",
    "tweeting",
    "claiming",
    "proclaimed",
    "proclaiming",
    "promising",
    "demanded",
    "demanding",
    "insisting",
    "arguing",
    "declaring",
]);

/// Words that may stand between a subject and its speech verb ("Okafor also said").
static BETWEEN: text::WordSet = text::WordSet::new(&[
    "also",
    "later",
    "then",
    "has",
    "had",
    "have",
    "once",
    "previously",
    "recently",
    "again",
    "repeatedly",
    "further",
    "simply",
    "had",
    "was",
    "is",
    "would",
    "will",
    "has",
    "just",
    "reportedly",
    "allegedly",
    "first",
    "famously",
    "publicly",
    "privately",
    "quickly",
]);

/// The personal pronouns that stand for a speaker.
pub static PRONOUNS: text::WordSet = text::WordSet::new(&["he", "she"]);

/// Verbs that quote the subject's own words as their object without introducing speech:
/// "Perry called it “a war on religion”", "accusing him of “lying”". They attribute only a
/// quote that follows them in their clause, and never in the passive ("was called").
static QUOTING_VERBS: text::WordSet = text::WordSet::new(&[
    "call",
    "called",
    "calling",
    "calls",
    "dubbed",
    "dubbing",
    "labeled",
    "labelled",
    "labeling",
    "labelling",
    "branded",
    "branding",
    "termed",
    "terming",
    "described",
    "describing",
    "accused",
    "accusing",
    "pledged",
    "pledges",
    "pledging",
    "vows",
    "vowing",
    "decried",
    "decrying",
    "denounced",
    "denouncing",
    "urging",
]);

/// Verbs that quote the subject's words only through "as": "Lee dismissed the plan as “a
/// disgrace”", not "Lee mocked Ray's pledge to “build a wall”" (Ray's words).
static AS_VERBS: text::WordSet = text::WordSet::new(&[
    "dismissed",
    "dismisses",
    "dismissing",
    "derided",
    "deriding",
    "mocked",
    "mocking",
    "characterized",
    "characterised",
    "characterizing",
    "characterising",
]);

/// Verbs that quote the subject's words only through "to X as": "Lee referred to the plan as
/// “a disgrace”", not "the plan, also referred to as “principles”" (no object: a passive).
static REFERRING_VERBS: text::WordSet =
    text::WordSet::new(&["referred", "refers", "referring", "refer"]);

/// How many narrative words may stand between a quoting verb and the quote it attributes.
const QUOTING_REACH: usize = 12;

/// Words that are passive auxiliaries before a participle ("was called").
static PASSIVE: text::WordSet = text::WordSet::new(&[
    "was", "were", "is", "are", "be", "been", "being", "get", "got",
]);

/// Nouns of office that refer back to a named holder: "the president said", "said the Texas
/// governor". Advisers, spokesmen, hosts and other roles whose holder is usually someone else
/// than the person the article follows are left out.
pub static ROLE_HEADS: text::WordSet = text::WordSet::new(&[
    "president",
    "senator",
    "congressman",
    "congresswoman",
    "representative",
    "lawmaker",
    "governor",
    "mayor",
    "secretary",
    "speaker",
    "leader",
    "justice",
    "judge",
    "chairman",
    "chairwoman",
    "nominee",
    "candidate",
    "minister",
    "chancellor",
    "premier",
    "ambassador",
    "commissioner",
    "sheriff",
    "king",
    "queen",
    "pope",
    "coach",
    "manager",
    "captain",
    "striker",
    "goalkeeper",
]);

/// Is `w` (a word key) a noun of office that can refer back to its holder ("the governor")?
pub fn is_role_head(w: &str) -> bool {
    ROLE_HEADS.contains(w)
}

/// How many words may stand between "the" and a noun of office ("the four-term Texas
/// congressman").
const ROLE_MODIFIERS: usize = 3;

/// A role phrase ending with the word at `head`: "the \[modifiers\] governor". Returns the index
/// of "the" and whether "former" is among the modifiers.
pub fn role_ending_at(words: &[NarrativeWord], head: usize) -> Option<(usize, bool)> {
    if !is_role_head(&words[head].key) {
        return None;
    }
    let mut former = false;
    for m in (head.saturating_sub(ROLE_MODIFIERS + 1)..head).rev() {
        if words[m + 1].after_quote || words[m + 1].comma_before {
            return None;
        }
        match words[m].key.as_ref() {
            "the" => return Some((m, former)),
            "former" | "ex" => former = true,
            w if is_lesser_rank(w) => return None,
            _ => {}
        }
    }
    None
}

/// A role phrase starting with "the" at `from`: "the \[modifiers\] governor", not followed by
/// the holder's name ("the governor, Ann Lee" is left to the name). Returns the index of the
/// head and whether "former" is among the modifiers.
pub fn role_starting_at(
    words: &[NarrativeWord],
    from: usize,
    name_starting_at: &dyn Fn(usize) -> Option<Range<usize>>,
) -> Option<(usize, bool)> {
    if words.get(from)?.key != "the" {
        return None;
    }
    for k in from + 1..(from + ROLE_MODIFIERS + 2).min(words.len()) {
        if words[k].after_quote || words[k].comma_before {
            return None;
        }
        if is_role_head(&words[k].key) {
            let named = words
                .get(k + 1)
                .is_some_and(|n| !n.after_quote && name_starting_at(n.range.start).is_some());
            if named {
                return None;
            }
            let mods = &words[from + 1..k];
            if mods.iter().any(|w| is_lesser_rank(&w.key)) {
                return None;
            }
            let former = mods
                .iter()
                .any(|w| matches!(w.key.as_ref(), "former" | "ex"));
            return Some((k, former));
        }
    }
    None
}

/// Does `w` make an office a different, lesser one ("vice president", "deputy secretary")?
pub fn is_lesser_rank(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "vice" | "deputy" | "assistant" | "associate" | "lieutenant" | "lt" | "under"
    )
}

/// Prepositions: a name right after one is not the subject of the verb that follows it.
/// Words that are also conjunctions ("after Lee said") are left out.
static PREPOSITIONS: text::WordSet = text::WordSet::new(&[
    "of",
    "to",
    "at",
    "with",
    "for",
    "about",
    "by",
    "from",
    "against",
    "on",
    "in",
    "into",
    "toward",
    "towards",
    "over",
    "under",
    "including",
    "between",
    "among",
    "via",
    "per",
    "during",
    "unlike",
    "across",
    "near",
    "behind",
    "inside",
]);

/// Is `w` (a word key) a preposition?
pub fn is_preposition(w: &str) -> bool {
    PREPOSITIONS.contains(w)
}

/// Is `w` a verb that quotes its subject's words as its object ("called", "accusing")?
pub fn is_quoting_verb(w: &str) -> bool {
    QUOTING_VERBS.contains(w)
}

/// Does the verb at `v` quote its subject's words: a quoting verb; a verb of [`AS_VERBS`]
/// with "as" before the quote ("dismissed it as “...”"); a referring verb with "to", an object
/// and "as" ("referred to him as “...”")?
fn quotes_as_object(words: &[NarrativeWord], v: usize) -> bool {
    let key = words[v].key.as_ref();
    if is_quoting_verb(key) {
        return true;
    }
    // Where the object may start: after the verb, or after "to" and one word of object. The
    // prefix first: most words are not "refer…", and it costs less than the set.
    let from = if AS_VERBS.contains(key) {
        v + 1
    } else if key.starts_with("refer")
        && REFERRING_VERBS.contains(key)
        && words.get(v + 1).is_some_and(|w| w.key == "to")
    {
        v + 3
    } else {
        return false;
    };
    // "as" before the quote ("as a “...”").
    let mut as_seen = false;
    for w in words.iter().skip(from).take(QUOTING_REACH) {
        if w.after_quote {
            break;
        }
        as_seen |= w.key == "as";
        if w.before_quote {
            return as_seen;
        }
    }
    false
}

static CHANNEL_NOUNS: text::WordSet = text::WordSet::new(&[
    "statement",
    "interview",
    "letter",
    "post",
    "tweet",
    "speech",
    "email",
    "e-mail",
    "memo",
    "video",
    "op-ed",
    "podcast",
    "blog",
    "press",
    "news",
    "radio",
    "television",
    "broadcast",
    "message",
    "release",
    "filing",
    "note",
    "conversation",
    "call",
    "appearance",
    "address",
    "column",
    "essay",
    "op-ed",
    "editorial",
]);

static PLATFORMS: text::WordSet = text::WordSet::new(&[
    "twitter",
    "facebook",
    "instagram",
    "tiktok",
    "x",
    "social",
    "television",
    "tv",
    "radio",
    "youtube",
    "snapchat",
    "linkedin",
    "truth",
    "threads",
    "air",
    "camera",
]);

/// Is `w` a speech verb whose object is the one spoken to, not the speaker ("told CNN",
/// "urged Congress", "demanding Barr “...”")?
pub fn addresses_its_object(w: &str) -> bool {
    matches!(
        w,
        "told"
            | "tells"
            | "telling"
            | "asked"
            | "asks"
            | "asking"
            | "urged"
            | "urges"
            | "warned"
            | "warns"
            | "promising"
            | "demanding"
            | "demanded"
    )
}

/// Is `w` a speech verb?
pub fn is_speech_verb(w: &str) -> bool {
    SPEECH_VERBS.contains(w)
}

/// A word of the narrative around a quote, with its offset in the clean text.
#[derive(Debug, Clone)]
pub struct NarrativeWord<'a> {
    /// Lower-case key of the word (borrowed when the word is its own key).
    pub key: std::borrow::Cow<'a, str>,
    /// The word as written.
    pub text: &'a str,
    /// Byte range in the clean text.
    pub range: Range<usize>,
    /// A quote lies between this word and the one before it.
    pub after_quote: bool,
    /// A comma stands between this word and the one before it.
    pub comma_before: bool,
    /// A quote lies between this word and the next one (or the end of the sentence).
    pub before_quote: bool,
    /// A quote opens right after this word, with nothing but white space and quotation marks
    /// between them (no comma or colon): "said Lee “put forth ...”" makes Lee the subject of
    /// the quoted words, where "said Lee: “...”" makes Lee the speaker.
    pub quote_right_after: bool,
}

/// The narrative words of a sentence (its range in `doc_text`, and its words as
/// [`text::words`] cuts them): the words outside the given quote ranges.
pub fn narrative<'a>(
    doc_text: &str,
    sentence: Range<usize>,
    words: &[text::Word<'a>],
    quotes: &[Range<usize>],
) -> Vec<NarrativeWord<'a>> {
    debug_assert!(
        words.last().is_none_or(|w| w.end <= sentence.len()),
        "words of another text"
    );
    let mut out = Vec::with_capacity(words.len());
    let mut last_end = sentence.start;
    for w in words {
        let r = sentence.start + w.start..sentence.start + w.end;
        if quotes.iter().any(|q| q.start < r.end && r.start < q.end) {
            continue;
        }
        let after_quote = quotes
            .iter()
            .any(|q| q.start >= last_end && q.end <= r.start);
        let comma_before = doc_text[last_end.min(r.start)..r.start].contains(',');
        last_end = r.end;
        out.push(NarrativeWord {
            key: text::key_cow(w.text),
            text: w.text,
            range: r,
            after_quote,
            comma_before,
            before_quote: false,
            quote_right_after: false,
        });
    }
    for i in 0..out.len() {
        out[i].before_quote = match out.get(i + 1) {
            Some(n) => n.after_quote,
            None => quotes
                .iter()
                .any(|q| q.start >= out[i].range.end && q.start < sentence.end),
        };
        if out[i].before_quote {
            let end = out[i].range.end;
            out[i].quote_right_after = quotes
                .iter()
                .filter(|q| q.start >= end && q.start < sentence.end)
                .min_by_key(|q| q.start)
                .is_some_and(|q| {
                    doc_text.get(end..q.start).is_some_and(|gap| {
                        gap.chars().all(|c| c.is_whitespace() || is_quote_mark(c))
                    })
                });
        }
    }
    out
}

/// Is `c` a quotation mark (straight, curly or angle)?
fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}'
    )
}

/// Who a phrase points at, before it is resolved to a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A name mention, by its byte range in the clean text.
    Name(Range<usize>),
    /// "he" or "she".
    Pronoun,
    /// An attribution with an unnamed speaker ("said the spokesman", "they said").
    Unnamed,
    /// The first person named in a byte range of the clean text: the subject of the clause
    /// that ends with the speech verb.
    FirstPersonIn(Range<usize>),
    /// A noun of office standing for its holder ("the president said"): the head noun, and
    /// whether the phrase says "former".
    Role(String, bool),
}

/// An attribution found in narrative words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Who.
    pub subject: Subject,
    /// Where, when stated ("on Twitter", "to ITV", "in a statement").
    pub channel: Option<String>,
    /// Offset of the speech verb, to prefer the one nearest the quote.
    pub at: usize,
    /// Found by a verb that quotes its subject's words ("called it “a disgrace”") rather than
    /// a speech verb: it counts only when its subject is resolved to a person.
    pub quoting: bool,
    /// Where the clause of its subject starts when "and", "but" or "yet" opens it ("...
    /// called it “intriguing,” but Sen. Kim said ..."): a quote that ends before it is another
    /// clause's. 0 otherwise.
    pub from: usize,
}

/// Finds the attributions in a stretch of narrative words. `name_at_end` tells whether a name
/// mention ends at a given offset (returning its range), `name_at_start` whether one starts.
pub fn attributions(
    words: &[NarrativeWord],
    name_ending_at: &dyn Fn(usize) -> Option<Range<usize>>,
    name_starting_at: &dyn Fn(usize) -> Option<Range<usize>>,
) -> Vec<Attribution> {
    let mut out = Vec::new();
    for (v, w) in words.iter().enumerate() {
        let according = w.key == "according" && words.get(v + 1).is_some_and(|n| n.key == "to");
        // A quoting verb counts when a quote follows it within its clause and it is active.
        let quoting = quotes_as_object(words, v)
            && !(v > 0 && PASSIVE.contains(words[v - 1].key.as_ref()))
            && quote_follows(words, v);
        if !is_speech_verb(&w.key) && !according && !quoting {
            continue;
        }
        // Every speech verb ending so is a participle ("saying", "adding", "telling").
        let participle = w.key.ends_with("ing");
        let mut subject = None;
        if according {
            if let Some(n) = words.get(v + 2).filter(|n| !n.after_quote) {
                subject = name_after(words, v + 2, name_starting_at, false).or_else(|| {
                    let _ = n;
                    Some(Subject::Unnamed)
                });
            }
        } else {
            // Subject before the verb: a name or a pronoun, past a few adverbs.
            let mut j = v;
            while j > 0 && !words[j].after_quote {
                let p = &words[j - 1];
                if BETWEEN.contains(p.key.as_ref()) || (p.key.ends_with("ly") && p.key.len() > 4) {
                    j -= 1;
                    continue;
                }
                // "X, the aide to Y, said": a name closing an aside is not the subject.
                let aside = words[j].comma_before;
                if PRONOUNS.contains(p.key.as_ref()) {
                    subject = Some(Subject::Pronoun);
                } else if p.key == "who" && p.comma_before && j >= 2 {
                    // "Ann Lee of Texas, who said": the name before the relative pronoun.
                    subject = name_before(words, j - 1, name_ending_at).map(Subject::Name);
                } else if aside {
                    // "Chuck Schumer, the Democratic leader, denounced": the name before the
                    // aside; otherwise left to the clause subject below.
                    subject = name_before_aside(words, j, name_ending_at).map(Subject::Name);
                } else if name_ending_at(p.range.end).is_some() {
                    match name_before(words, j, name_ending_at) {
                        Some(r) => subject = Some(Subject::Name(r)),
                        // "the ad ends with Lee claiming “...”": the name the participle
                        // goes with is its subject.
                        None if participle && j == v && follows_with(words, j) => {
                            subject = name_ending_at(p.range.end).map(Subject::Name);
                        }
                        // "a poll in Iowa said": the subject is the thing before the phrase;
                        // "an ad in Iowa describing ...": the participle's clause has one.
                        None if !participle => subject = Some(Subject::Unnamed),
                        None => {}
                    }
                } else if let Some((_, former)) = role_ending_at(words, j - 1) {
                    subject = Some(Subject::Role(p.key.to_string(), former));
                } else if matches!(
                    p.key.as_ref(),
                    "they"
                        | "it"
                        | "we"
                        | "spokesman"
                        | "spokeswoman"
                        | "spokesperson"
                        | "official"
                        | "officials"
                        | "aide"
                        | "aides"
                        | "statement"
                        | "source"
                        | "sources"
                ) {
                    subject = Some(Subject::Unnamed);
                }
                break;
            }
            // Subject after the verb: "said Okafor", "said Sen. John McCain" (not after "told",
            // whose object is the one spoken to, nor after a participle: "..., saying a small
            // group reaped the rewards" says what was said, and its speaker is the clause's).
            let addressed = quoting || addresses_its_object(&w.key);
            if subject.is_none()
                && !addressed
                && !participle
                && v + 1 < words.len()
                && !words[v + 1].after_quote
            {
                // After a quote the order is inverted ("“...,” said Lee “and soon.”"): the
                // quote that follows goes on with Lee's words.
                let reported = !w.after_quote;
                subject = name_after(words, v + 1, name_starting_at, reported);
                if subject.is_none()
                    && let Some((head, former)) = role_starting_at(words, v + 1, name_starting_at)
                    && role_closes(words, head)
                {
                    subject = Some(Subject::Role(words[head].key.to_string(), former));
                }
                if subject.is_none() {
                    subject = appositive_name(words, v + 1, name_starting_at).map(Subject::Name);
                }
                if subject.is_none()
                    && matches!(words[v + 1].key.as_ref(), "the" | "a" | "an" | "one")
                {
                    subject = Some(Subject::Unnamed);
                }
            }
            // The subject of the clause the verb ends: "Romney released a statement saying",
            // "Lauten, the aide to Rep. Fincher, wrote", "She doubled down, telling CNN".
            if subject.is_none() {
                let start = words[..v].iter().rposition(|p| p.after_quote).unwrap_or(0);
                if let Some(first) = words[start..v].first() {
                    if first.after_quote && matches!(first.key.as_ref(), "and" | "but" | "or") {
                        // "Lee called it “a disaster” and vowed ...": the verb shares the
                        // subject of the clause before the quote, which that clause's own verb
                        // gives; the words after the quote name no one.
                    } else if PRONOUNS.contains(first.key.as_ref()) {
                        subject = Some(Subject::Pronoun);
                    } else {
                        // When the clause's subject is no person ("Rice's remarks came as
                        // Netanyahu turned down the offer, saying"), a clause after it that a
                        // conjunction opens with a name is the participle's: its subject is the
                        // one who speaks, not the first person of the sentence (who may own the
                        // subject). With a person before the conjunction, by name, pronoun or
                        // role ("Lee spoke as Ray left, saying", "she spoke after", "the
                        // president lashed out after"), the participle stays theirs.
                        let person = |w: &NarrativeWord| {
                            PRONOUNS.contains(w.key.as_ref())
                                || matches!(w.key.as_ref(), "i" | "we" | "they")
                                || crate::extract::names::is_title(&w.key)
                                || name_starting_at(w.range.start).is_some_and(|r| {
                                    // A possessive ("Rice's remarks") owns the subject.
                                    words
                                        .iter()
                                        .find(|x| x.range.start < r.end && r.end <= x.range.end)
                                        .is_none_or(|x| {
                                            !x.text.ends_with("'s")
                                                && !x.text.ends_with("\u{2019}s")
                                        })
                                })
                        };
                        let from = words[start..v]
                            .iter()
                            .zip(&words[start + 1..=v])
                            .position(|(c, n)| {
                                SUBORDINATORS.contains(&c.key.as_ref())
                                    && !n.after_quote
                                    && name_starting_at(n.range.start).is_some()
                            })
                            .filter(|&k| participle && !words[start..start + k].iter().any(person))
                            .map_or(first.range.start, |k| words[start + k + 1].range.start);
                        subject = Some(Subject::FirstPersonIn(from..w.range.start));
                    }
                }
            }
        }
        if quoting && subject == Some(Subject::Unnamed) {
            continue;
        }
        if let Some(subject) = subject {
            let from = match &subject {
                Subject::Name(r) if r.start < w.range.start => {
                    clause_opener(words, r.start).map_or(0, |c| words[c].range.start)
                }
                _ => 0,
            };
            out.push(Attribution {
                subject,
                channel: channel(words, v),
                at: w.range.start,
                quoting,
                from,
            });
        }
    }
    out
}

/// Conjunctions that open a clause of their own within a sentence, whose subject a participle
/// after the clause goes with ("..., as Netanyahu declined, saying").
const SUBORDINATORS: [&str; 7] = ["as", "after", "when", "while", "before", "because", "since"];

/// The name that ends with the word before `j`, as a subject: "Gov. Ann Lee of Texas" gives
/// the name before "of"; a name after another preposition ("an ad in Iowa") is none.
fn name_before(
    words: &[NarrativeWord],
    j: usize,
    name_ending_at: &dyn Fn(usize) -> Option<Range<usize>>,
) -> Option<Range<usize>> {
    let r = name_ending_at(words[j - 1].range.end)?;
    let s = words[..j].iter().rposition(|w| w.range.start <= r.start);
    let prep = s
        .filter(|&s| s > 0 && !words[s].after_quote && !words[s].comma_before)
        .map(|s| s - 1)
        .filter(|&b| is_preposition(&words[b].key));
    match prep {
        None => Some(r),
        Some(b) if words[b].key == "of" && b > 0 => name_ending_at(words[b - 1].range.end),
        Some(_) => None,
    }
}

/// The longest aside a subject's name may have before its verb ("Lee, the party's leader in
/// the state senate, said"), in words.
const ASIDE_WORDS: usize = 8;

/// The name before an aside that ends with the word before `j` (which has a comma after it):
/// "and Chuck Schumer, the Democratic leader, denounced" gives Chuck Schumer. None when the
/// aside is longer than [`ASIDE_WORDS`] or holds a quote, or when no name opening a clause
/// comes before it.
fn name_before_aside(
    words: &[NarrativeWord],
    j: usize,
    name_ending_at: &dyn Fn(usize) -> Option<Range<usize>>,
) -> Option<Range<usize>> {
    let lowest = j.saturating_sub(ASIDE_WORDS).max(1);
    let mut k = j - 1;
    loop {
        if words[k].after_quote {
            return None;
        }
        if words[k].comma_before {
            break;
        }
        if k <= lowest {
            return None;
        }
        k -= 1;
    }
    if k == 0 {
        return None;
    }
    let name = name_ending_at(words[k - 1].range.end)?;
    // The name opens a clause: the sentence's first words, or after "and", "but" ("..., and
    // Chuck Schumer, the leader, said"); not "a Democrat, in West Virginia, said" or "when
    // McConnell, R-Ky., suggested", whose clause is not the one the quote is in.
    let first = phrase_start(words, name.start)?;
    // Or after an opening phrase that a preposition starts: "In an interview, Jo Kim, D-Mo.,
    // said".
    let after_opening = words[first].comma_before && is_preposition(&words[0].key);
    let opens = first == 0
        || words[first].after_quote
        || after_opening
        || clause_opener(words, name.start).is_some();
    if !opens {
        return None;
    }
    name_before(words, k, name_ending_at)
}

/// The index of the first word of the phrase holding the name that starts at offset `start`:
/// the name's first word, or a title before it ("Senator", "House Speaker"), not past a comma.
fn phrase_start(words: &[NarrativeWord], start: usize) -> Option<usize> {
    let mut first = words.iter().position(|w| w.range.end > start)?;
    while first > 0
        && !words[first].after_quote
        && !words[first].comma_before
        && text::is_capitalised(words[first - 1].text)
    {
        first -= 1;
    }
    Some(first)
}

/// The index of the "and", "but" or "yet" right before the phrase of the name that starts at
/// offset `start`, when one opens its clause (after a comma or a quote).
fn clause_opener(words: &[NarrativeWord], start: usize) -> Option<usize> {
    let first = phrase_start(words, start)?;
    // After a comma or a quote: "Pelosi and Schumer said" is one subject.
    (first > 0
        && !words[first].after_quote
        && matches!(words[first - 1].key.as_ref(), "and" | "but" | "yet")
        && (words[first - 1].comma_before || words[first - 1].after_quote))
        .then(|| first - 1)
}

/// Is the name ending with the word before `j` the object of "with" ("with Lee claiming")?
fn follows_with(words: &[NarrativeWord], j: usize) -> bool {
    let Some(start) = words[..j].last().map(|w| w.range.start) else {
        return false;
    };
    // The words of the name are capitalised; "with" is the first word before them.
    words[..j]
        .iter()
        .rev()
        .find(|w| w.range.start < start && !text::is_capitalised(w.text))
        .is_some_and(|w| w.key == "with")
}

/// Does a quote follow the word at `v` within [`QUOTING_REACH`] words, before any speech verb?
fn quote_follows(words: &[NarrativeWord], v: usize) -> bool {
    for (k, n) in words.iter().enumerate().skip(v).take(QUOTING_REACH + 1) {
        if k > v && is_speech_verb(&n.key) {
            return false;
        }
        if n.before_quote {
            return true;
        }
    }
    false
}

/// Does the role phrase whose head is at `head` end there ("said the governor." or "said the
/// governor, who ..."), rather than go on ("said the governor's plan")?
fn role_closes(words: &[NarrativeWord], head: usize) -> bool {
    words.get(head + 1).is_none_or(|n| {
        n.after_quote
            || n.comma_before
            || matches!(
                n.key.as_ref(),
                "in" | "on" | "at" | "during" | "after" | "before" | "when" | "as" | "who"
            )
    })
}

/// The name in apposition to a phrase of office after a speech verb (the phrase from word
/// `from`): "said the Secretary of State, Mike Pompeo", "said the group's president, Ann Lee",
/// "said her lawyer, Tom Ray, who ...". The phrase opens with a determiner or a possessive,
/// takes at most [`APPOSITIVE_WORDS`] words, ends with a common noun in the singular or holds
/// a title, and has no preposition (but "of" a body: "the leader of the Senate") or participle
/// whose object the name could stand beside ("a spokesman for the governor, Greg Abbott"). The
/// name, of two words or more, comes right after its comma and ends the clause (a comma, a
/// quote, "who", or the end), so "said the two leaders, Ann Lee and Tom Ray" names no one
/// speaker.
fn appositive_name(
    words: &[NarrativeWord],
    from: usize,
    name_starting_at: &dyn Fn(usize) -> Option<Range<usize>>,
) -> Option<Range<usize>> {
    let opener = words.get(from)?;
    if !matches!(
        opener.key.as_ref(),
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
    ) {
        return None;
    }
    let comma = (from + 1..words.len())
        .take(APPOSITIVE_WORDS)
        .find(|&k| words[k].after_quote || words[k].comma_before)?;
    let phrase = &words[from + 1..comma];
    let name = &words[comma];
    let head = phrase.last()?;
    let office =
        !text::is_capitalised(head.text) || phrase.iter().any(|w| super::names::is_title(&w.key));
    // A plural head is several people ("the family's lawyers, Ben Crump, ...").
    let plural = !text::is_capitalised(head.text)
        && head.key.ends_with('s')
        && !head.key.ends_with("ss")
        && !head.key.ends_with("'s");
    // The name stands beside the whole phrase, not beside the object of a preposition in it
    // ("a spokesman for the governor, Greg Abbott"; "the son of the late senator, John
    // McCain"); "of" with a body after it is part of the office ("the leader of the Senate").
    let object_inside = phrase.iter().enumerate().any(|(i, w)| {
        if w.key == "of" {
            !phrase[i + 1..].iter().all(|o| {
                text::is_capitalised(o.text) || matches!(o.key.as_ref(), "the" | "and" | "of")
            })
        } else {
            PREPOSITIONS.contains(&w.key)
                || (w.key.ends_with("ing") && !text::is_capitalised(w.text))
        }
    });
    if !office
        || plural
        || object_inside
        || name.after_quote
        || phrase.iter().any(|w| is_speech_verb(&w.key))
    {
        return None;
    }
    let r = name_starting_at(name.range.start)?;
    // A person's full name: one word after a place is its state ("the mayor of Flint,
    // Michigan").
    let name_words = words[comma..]
        .iter()
        .take_while(|w| w.range.end <= r.end)
        .count();
    let next = words.iter().find(|n| n.range.start >= r.end);
    // A name that another follows is one of a list ("Ben Crump, Antonio Romanucci and ...").
    let listed = next.is_some_and(|n| {
        n.comma_before && !n.after_quote && name_starting_at(n.range.start).is_some()
    });
    let ends = next.is_none_or(|n| n.after_quote || n.comma_before || n.key == "who");
    (name_words >= 2 && ends && !listed).then_some(r)
}

/// Most words a phrase of office takes before the name in apposition to it
/// ([`appositive_name`]): "the \[Georgia\] Secretary of State".
const APPOSITIVE_WORDS: usize = 8;

/// The name after a speech verb (from word `from`, past titles), as its subject. With
/// `reported`, a name that a quote opens right after ("said Lee “put forth ...”") is the
/// subject of the quoted words instead, and gives none.
fn name_after(
    words: &[NarrativeWord],
    from: usize,
    name_starting_at: &dyn Fn(usize) -> Option<Range<usize>>,
    reported: bool,
) -> Option<Subject> {
    // Skip titles that the name finder strips ("Sen.", "President"), and an office's object
    // after one ("Georgia Secretary of State", "White House Chief of Staff").
    let mut titled = false;
    for (k, w) in words.iter().enumerate().skip(from).take(OFFICE_WORDS) {
        if w.after_quote && w.range.start != words[from].range.start {
            return None;
        }
        if k >= from + 4 && !titled {
            return None;
        }
        if let Some(r) = name_starting_at(w.range.start) {
            // "said Okafor, who ...", "said Okafor." but not "to say Obama should step down": a
            // name followed by its own verb is the subject of reported speech, not the speaker.
            let next = words.iter().find(|n| n.range.start >= r.end);
            // "said Lee “put forth a plan”": the quote goes on the sentence Lee is the subject
            // of.
            let last = words.iter().take_while(|n| n.range.end <= r.end).last();
            if reported && last.is_some_and(|l| l.quote_right_after) {
                return None;
            }
            let ends = next.is_none_or(|n| {
                n.after_quote
                    || n.comma_before
                    || text::is_capitalised(n.text)
                    || matches!(
                        n.key.as_ref(),
                        "in" | "on"
                            | "to"
                            | "at"
                            | "during"
                            | "after"
                            | "before"
                            | "of"
                            | "from"
                            | "when"
                            | "as"
                            | "and"
                            | "who"
                            | "told"
                            | "wrote"
                            | "said"
                            | "says"
                    )
            });
            return ends.then_some(Subject::Name(r));
        }
        titled |= super::names::is_title(&w.key);
        // "of", "the" and "and" go on inside an office, between capitalised words.
        let inside_office = titled
            && matches!(w.key.as_ref(), "of" | "the" | "and")
            && k > from
            && (text::is_capitalised(words[k - 1].text) || words[k - 1].key == "of")
            && words.get(k + 1).is_some_and(|n| {
                !n.after_quote && (text::is_capitalised(n.text) || n.key == "the")
            });
        if !text::is_capitalised(w.text) && !inside_office {
            return None;
        }
    }
    None
}

/// Most words a speaker's titles and office take after the speech verb, before the name
/// ("said Georgia Secretary of State Brad Raffensperger"); four without an office.
const OFFICE_WORDS: usize = 8;

/// The channel stated near the speech verb at `v`.
pub fn channel(words: &[NarrativeWord], v: usize) -> Option<String> {
    let verb = &words[v];
    if (verb.key == "told" || verb.key == "tells")
        && let Some(n) = words
            .get(v + 1)
            .filter(|n| text::is_capitalised(n.text) && !n.after_quote)
    {
        return Some(format!(
            "to {}",
            capitalised_run(words, v + 1).unwrap_or_else(|| n.text.to_string())
        ));
    }
    let end = (v + 9).min(words.len());
    let start = v.saturating_sub(6);
    for i in start..end {
        if i > v + 1 && words[i].after_quote {
            break;
        }
        let w = &words[i];
        let next = words.get(i + 1);
        match w.key.as_ref() {
            "on" => {
                if let Some(n) = next
                    && PLATFORMS.contains(n.key.as_ref())
                    && (n.key != "x" || text::is_capitalised(n.text))
                {
                    let extra = if n.key == "social" { " media" } else { "" };
                    return Some(format!("on {}{extra}", n.text));
                }
            }
            "to" if i > v && words[i - 1].key != "according" => {
                if next.is_some_and(|n| text::is_capitalised(n.text))
                    && let Some(run) = capitalised_run(words, i + 1)
                {
                    return Some(format!("to {run}"));
                }
            }
            "in" => {
                let mut j = i + 1;
                if words.get(j).is_some_and(|n| {
                    matches!(n.key.as_ref(), "a" | "an" | "the" | "his" | "her" | "their")
                }) {
                    j += 1;
                }
                // Allow one modifier: "in a written statement".
                for k in j..(j + 2).min(words.len()) {
                    if CHANNEL_NOUNS.contains(words[k].key.as_ref()) {
                        let phrase: Vec<&str> = words[i..=k].iter().map(|w| w.text).collect();
                        let mut p = phrase.join(" ");
                        if matches!(words[k].key.as_ref(), "press" | "news")
                            && let Some(c) = words.get(k + 1)
                        {
                            p.push(' ');
                            p.push_str(c.text);
                        }
                        return Some(p);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

fn capitalised_run(words: &[NarrativeWord], from: usize) -> Option<String> {
    let mut parts = Vec::new();
    for w in words.iter().skip(from) {
        if !parts.is_empty() && w.after_quote {
            break;
        }
        if text::is_capitalised(w.text) {
            parts.push(w.text);
        } else {
            break;
        }
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Does a stretch of narrative introduce speech that follows it (ends with a colon, or has a
/// speech verb or a reaction noun)?
pub fn introduces_speech(sentence: &str, words: &[NarrativeWord]) -> bool {
    sentence.trim_end().ends_with(':')
        || words.iter().any(|w| {
            is_speech_verb(&w.key)
                || matches!(
                    w.key.as_ref(),
                    "reaction" | "statement" | "interview" | "explained"
                )
        })
}

/// Words of a text, for tests.
#[cfg(test)]
fn words_of(s: &str) -> Vec<text::Word<'_>> {
    text::words(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs attribution on a sentence whose quotes are marked with straight double quotes, with
    /// capitalised words as names; returns (speaker text or "pronoun"/"unnamed", channel).
    fn check(sentence: &str, expected: Option<(&str, Option<&str>)>) {
        let mut quotes = Vec::new();
        let mut open = None;
        for (i, c) in sentence.char_indices() {
            if c == '"' {
                match open.take() {
                    None => open = Some(i),
                    Some(s) => quotes.push(s..i + 1),
                }
            }
        }
        let ws = narrative(sentence, 0..sentence.len(), &text::words(sentence), &quotes);
        let names: Vec<Range<usize>> = words_of(sentence)
            .iter()
            .filter(|w| text::is_capitalised(w.text) && w.start > 0)
            .map(|w| w.start..w.end)
            .collect();
        let end = |o: usize| names.iter().find(|r| r.end == o).cloned();
        let start = |o: usize| names.iter().find(|r| r.start == o).cloned();
        let got = attributions(&ws, &end, &start).into_iter().next().map(|a| {
            let who = match a.subject {
                Subject::Name(r) => sentence[r].to_string(),
                Subject::Pronoun => "pronoun".into(),
                Subject::Unnamed => "unnamed".into(),
                Subject::FirstPersonIn(r) => format!("first person in {:?}", &sentence[r]),
                Subject::Role(head, former) => {
                    format!("role {}{head}", if former { "former " } else { "" })
                }
            };
            (who, a.channel)
        });
        let want = expected.map(|(w, c)| (w.to_string(), c.map(str::to_string)));
        assert_eq!(got, want, "attribution in {sentence:?}");
    }

    #[test]
    fn verb_before_and_after() {
        check(
            "\"I'm done,\" said Okafor, who cried.",
            Some(("Okafor", None)),
        );
        check(
            "\"I'm done,\" Okafor said on Twitter.",
            Some(("Okafor", Some("on Twitter"))),
        );
        check("Then he said: \"No way.\"", Some(("pronoun", None)));
        check(
            "The keeper Dubois told ITV: \"Fine.\"",
            Some(("Dubois", Some("to ITV"))),
        );
        check("\"Fine,\" according to Smith.", Some(("Smith", None)));
        check(
            "He went so far as to say Obama should \"step down\" now.",
            Some(("pronoun", None)),
        );
        check(
            "\"We wait,\" a spokesman said in a statement.",
            Some(("unnamed", Some("in a statement"))),
        );
        check("\"Nothing here.\" The match ended.", None);
    }

    #[test]
    fn roles_stand_for_their_holder() {
        check(
            "\"We go on,\" the four-term senator said.",
            Some(("role senator", None)),
        );
        check(
            "\"We go on,\" said the former governor.",
            Some(("role former governor", None)),
        );
        // A lesser rank is another office: left to the clause.
        check(
            "\"We go on,\" the vice president said.",
            Some(("first person in \"the vice president \"", None)),
        );
    }

    #[test]
    fn quoting_verbs_attribute_the_quote_they_introduce() {
        check(
            "Later Lee called the plan \"a disgrace to us all.\"",
            Some(("Lee", None)),
        );
        check("Later Lee was accused of \"lying to us all.\"", None);
        check("Later Lee called it a shame.", None);
        check(
            "Later Lee referred to the plan as \"a disgrace.\"",
            Some(("Lee", None)),
        );
        check(
            "Later Lee referred to the man as a \"jackass.\"",
            Some(("Lee", None)),
        );
        check(
            "Later Lee dismissed the plan as \"a disgrace.\"",
            Some(("Lee", None)),
        );
        // Without "as", the words mocked are someone else's.
        check("Later Lee mocked the pledge to \"build a wall.\"", None);
        check("Later Lee mocked Ray as \"a clown.\"", Some(("Lee", None)));
        // A passive with no auxiliary: the plan is referred to, by nobody named.
        check(
            "Later Lee wants the plan, also referred to as \"principles,\" done.",
            None,
        );
        check("Later Lee referred to \"the plan\" twice.", None);
    }

    #[test]
    fn names_after_prepositions_and_before_relatives() {
        check(
            "\"We go on,\" a poll in Iowa said.",
            Some(("unnamed", None)),
        );
        check(
            "\"We go on,\" Gov. Ann Lee of Texas said.",
            Some(("Lee", None)),
        );
        check(
            "Then came Lee of Texas, who said \"we go on.\"",
            Some(("Lee", None)),
        );
    }
}
