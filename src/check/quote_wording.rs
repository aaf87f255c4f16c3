//! `quote.wording`: the same remark by the same speaker, quoted with different words.
//!
//! Typography (curly vs straight marks, dashes, white space, case) and bracketed editorial
//! insertions ("[summer 2024]") are never a difference. The finding carries a word-level diff.

use similar::{Algorithm, DiffTag as Tag, capture_diff_slices};

use super::{
    Context, DiffOp, DiffTag, Finding, FindingKind, Severity, claims_of_kind, same_person,
};
use crate::align::ClaimRef;
use crate::extract::{Claim, ClaimKind};
use crate::text;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// Finds quotes worded differently within each group.
pub fn run(ctx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (gi, g) in ctx.groups.iter().enumerate() {
        let quotes = claims_of_kind(ctx, g, ClaimKind::Quote);
        if quotes.len() < 2 {
            continue;
        }
        let claims: Vec<&Claim> = quotes.iter().map(|(_, c)| *c).collect();
        let relations = Relations::new(&claims);
        let Some((i, j)) = differing_pair(&relations) else {
            continue;
        };
        let ((first_ref, first), (other_ref, other)) = (quotes[i], quotes[j]);
        // Speakers that differ are said in the message; whether that is a misattribution is
        // quote.speaker's call (it needs explicit attributions and near-verbatim quotes).
        // A speaker one source names and the other does not is said with its source: the
        // headline does not tell the reader that both give the remark to that person.
        let (a, b) = (ctx.ids[first_ref.0].as_str(), ctx.ids[other_ref.0].as_str());
        let who = match (&first.speaker, &other.speaker) {
            (Some(x), Some(y)) if !same_person(x, y) => Err(format!("{x} in {a}, {y} in {b}")),
            (Some(x), None) => Err(format!("{x} in {a}; {b} names no speaker")),
            (None, Some(y)) => Err(format!("{y} in {b}; {a} names no speaker")),
            (x, _) => Ok(x.clone()),
        };
        // The two the diff compares first, then the others (`order` by index in `quotes`).
        let order: Vec<usize> = [i, j]
            .into_iter()
            .chain(
                (0..quotes.len()).filter(|&k| quotes[k].0 != first_ref && quotes[k].0 != other_ref),
            )
            .collect();
        let ordered: Vec<(ClaimRef, &Claim)> = order.iter().map(|&k| quotes[k]).collect();
        let values: Vec<(usize, String)> =
            ordered.iter().map(|(r, c)| (r.0, c.text.clone())).collect();
        let texts: Vec<&Claim> = ordered.iter().map(|(_, c)| *c).collect();
        let relations = relations.reordered(&texts, &order);
        let readings = super::readings(&values, |x, y| relations.agree(x, y));
        let message = match &who {
            _ if super::distinct_sources(&readings) > 2 => format!(
                "{} worded differently: {}",
                // Among three sources or more, the speaker is named when two of them or more
                // name one and none names another.
                match one_speaker(&ordered) {
                    Some(s) => format!("{s}'s quote is"),
                    None => "a quote is".to_string(),
                },
                super::sides(ctx.ids, &readings, |r| {
                    // Each wording where it departs from the main one (the second for the
                    // main one itself).
                    let main = if std::ptr::eq(r, &readings[0]) {
                        &readings[1]
                    } else {
                        &readings[0]
                    };
                    format!("“{}”", where_it_differs(&r.text, &main.text))
                })
            ),
            Err(both) => format!("a quote is worded differently (given to {both})"),
            Ok(Some(s)) => format!(
                "{s}'s quote is worded differently in {} and {}",
                ctx.ids[first_ref.0], ctx.ids[other_ref.0]
            ),
            Ok(None) => format!(
                "a quote is worded differently in {} and {}",
                ctx.ids[first_ref.0], ctx.ids[other_ref.0]
            ),
        };
        out.push(Finding {
            kind: FindingKind::QuoteWording,
            severity: Severity::Warning,
            message,
            group: Some(gi),
            // The two the diff compares come first, then the others.
            claims: ordered.iter().map(|(r, _)| *r).collect(),
            values,
            diff: Some(word_diff(&first.text, &other.text)),
            readings,
        });
    }
    out
}

/// The speaker that two or more of these quotes name, when none names another (a name
/// misspelt is the same person's).
fn one_speaker<'c>(quotes: &[(ClaimRef, &'c Claim)]) -> Option<&'c str> {
    let mut named = quotes.iter().filter_map(|(_, c)| c.speaker.as_deref());
    let first = named.next()?;
    let mut count = 1;
    for s in named {
        if !super::quote_speaker::one_person(first, s) {
            return None;
        }
        count += 1;
    }
    (count >= 2).then_some(first)
}

/// The first two quotes of a group that are worded differently, if any. Quotes that agree as
/// far as they go are no rewording: a partial quote ("no one is above the law" of "Today's
/// indictment is a reminder that no one is above the law"), a quote trimmed differently at its
/// ends, a quote with words left out at an ellipsis, and two partial quotes of a longer one
/// that a third source gives whole ("act of terror", "act of hate" of "act of terror and an act
/// of hate").
fn differing_pair(r: &Relations<'_>) -> Option<(usize, usize)> {
    let n = r.quotes.len();
    if n < 2 {
        return None;
    }
    for x in 0..n {
        for y in x + 1..n {
            let covered = (0..n).any(|z| z != x && z != y && r.part_of(x, z) && r.part_of(y, z));
            if !r.agree(x, y) && !covered {
                return Some((x, y));
            }
        }
    }
    None
}

/// How the quotes of a group relate, by index, from their wording keys computed once.
struct Relations<'a> {
    quotes: &'a [&'a Claim],
    /// Each quote's wording keys: without what it has in brackets, and, when it has any, with
    /// it too ("He should pay \[for\] it" is "He should pay it" or "He should pay for it").
    keys: Vec<Vec<Vec<String>>>,
    /// Whether some quote masks a word (a word put for the words it fits depends on the order
    /// of the quotes when several masks fit one word: the keys are then worked out again for
    /// another order rather than reordered).
    masked: bool,
    /// Each quote's [`Fragments`].
    fragments: Vec<Fragments>,
}

impl<'a> Relations<'a> {
    fn new(quotes: &'a [&'a Claim]) -> Relations<'a> {
        // Each text read once: with many sources a group holds the same quote many times over.
        let mut read: HashMap<&str, usize> = HashMap::default();
        let mut traced: Vec<Vec<Traced>> = Vec::with_capacity(quotes.len());
        for c in quotes {
            if let Some(&first) = read.get(c.text.as_str()) {
                let keys = traced[first].clone();
                traced.push(keys);
                continue;
            }
            let mut keys = vec![wording_key_traced(&c.text, Brackets::Insertion)];
            if c.text.contains(['[', '(']) {
                keys.push(wording_key_traced(&c.text, Brackets::Spoken));
            }
            read.insert(&c.text, traced.len());
            traced.push(keys);
        }
        // A compound one source writes as one word ("workforce") is that word in another
        // ("work force").
        join_compounds(traced.iter_mut().flatten().collect());
        // A word one source masks ("f***ing") is the same word written out in another.
        let masked = put_masks(
            traced
                .iter_mut()
                .flatten()
                .flat_map(|(keys, _)| keys.iter_mut())
                .collect(),
        );
        // The fragments between ellipses are cut from the keys so read (brackets left out).
        let fragments = quotes
            .iter()
            .zip(&traced)
            .map(|(c, readings)| fragments(&c.text, &readings[0]))
            .collect();
        let keys: Vec<Vec<Vec<String>>> = traced
            .into_iter()
            .map(|readings| readings.into_iter().map(|(k, _)| k).collect())
            .collect();
        Relations {
            quotes,
            keys,
            masked,
            fragments,
        }
    }

    /// The relations of the same quotes in another order: `quotes[k]` is the quote at
    /// `order[k]` here. The wording keys are moved, not computed again (unless a mask was put
    /// for words, which the order can change).
    fn reordered<'b>(self, quotes: &'b [&'b Claim], order: &[usize]) -> Relations<'b> {
        if self.masked {
            return Relations::new(quotes);
        }
        let (mut keys, mut fragments) = (self.keys, self.fragments);
        Relations {
            quotes,
            keys: order
                .iter()
                .map(|&k| std::mem::take(&mut keys[k]))
                .collect(),
            masked: false,
            fragments: order
                .iter()
                .map(|&k| std::mem::take(&mut fragments[k]))
                .collect(),
        }
    }

    /// Quote x is the same words as y, an excerpt of y, or y with words left out at an
    /// ellipsis.
    fn part_of(&self, x: usize, y: usize) -> bool {
        self.keys[x].iter().any(|kx| {
            self.keys[y]
                .iter()
                .any(|ky| kx == ky || is_excerpt(kx, ky) || elided(&self.fragments[x], ky, false))
        })
    }

    /// The two agree as far as they go: either is part of the other, or they overlap (words
    /// left out at an ellipsis or not).
    fn agree(&self, x: usize, y: usize) -> bool {
        self.part_of(x, y)
            || self.part_of(y, x)
            || self.keys[x]
                .iter()
                .any(|kx| self.keys[y].iter().any(|ky| overlapping(kx, ky)))
            || [(x, y), (y, x)].iter().any(|&(s, l)| {
                self.keys[l]
                    .iter()
                    .any(|kl| elided(&self.fragments[s], kl, true))
            })
    }
}

/// Up to eight words of a quote, from a little before where it first departs from `other`,
/// with "…" where words are left out. The two are compared as [`word_diff`] compares them (by
/// their wording keys, each key word traced back to the written words it came from). Words one
/// quote has before or after all of the other's (a quote trimmed differently) are passed over
/// when the two also differ inside: the excerpt shows the rewording, not the trim.
fn where_it_differs(text: &str, other: &str) -> String {
    const SHOWN: usize = 8;
    const BEFORE: usize = 3;
    // An ellipsis written with spaces (". . .") is one written word, so that the excerpt
    // cannot cut it.
    let [_, three, spaced] = ELLIPSES;
    let (text, other) = (text.replace(spaced, three), other.replace(spaced, three));
    // The written words, with where each starts.
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let Lined { a, b, chunks } = line_up(&text, &other);
    let (na, nb) = (a.starts.len(), b.starts.len());
    let changes: Vec<Chunk> = chunks.into_iter().filter(|c| !c.equal).collect();
    // Words on one side only, before or after everything of the other side. (Words replaced
    // at an end are a change: "I think the vice president…" / "As the vice president…".)
    let trim = |c: &&Chunk| {
        (c.a.is_empty() || c.b.is_empty())
            && ((c.a.start == 0 && c.b.start == 0) || (c.a.end == na && c.b.end == nb))
    };
    // The written word where the change starts: for words `other` has more at the end of this
    // quote, its last.
    let first = changes
        .iter()
        .find(|c| !trim(c))
        .or(changes.first())
        .and_then(|c| a.starts.get(c.a.start).or(a.starts.last()))
        .map_or(0, |&at| {
            words
                .partition_point(|(start, _)| *start <= at)
                .saturating_sub(1)
        });
    let start = first
        .saturating_sub(BEFORE)
        .min(words.len().saturating_sub(SHOWN));
    let end = (start + SHOWN).min(words.len());
    let shown = words[start..end]
        .iter()
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ");
    // An ellipsis for the words left out, unless the quote has one there already.
    let opens = start > 0 && !ELLIPSES.iter().any(|e| shown.starts_with(e));
    let closes = end < words.len() && !ELLIPSES.iter().any(|e| shown.ends_with(e));
    format!(
        "{}{shown}{}",
        if opens { "…" } else { "" },
        if closes { "…" } else { "" }
    )
}

/// A quote read for a word diff: its wording key, and the key words gathered into units, each
/// a run of written words read together (one written word, "We're" for "we are", or the words
/// of a number, "twenty four" for "24"). A diff marks whole units, so that the text it shows
/// is cut only between written words.
struct Keyed<'s> {
    /// The quote as written.
    text: &'s str,
    /// Its wording key.
    keys: Vec<String>,
    /// The unit of each key word.
    unit: Vec<usize>,
    /// Where each unit starts in the text.
    starts: Vec<usize>,
}

impl<'s> Keyed<'s> {
    /// A quote read for a diff from its wording key traced to its written words
    /// ([`wording_key_traced`]).
    fn new(text: &'s str, (keys, spans): Traced) -> Keyed<'s> {
        let mut unit = Vec::with_capacity(keys.len());
        let mut starts = Vec::new();
        // Key words whose written words overlap are one unit. A unit starts with the marks
        // written before its first word ("(and)", "‘Baby"), when a space parts them from the
        // unit before.
        let mut end = 0;
        for span in spans {
            if starts.is_empty() || span.start >= end {
                let before = &text[end..span.start];
                starts.push(match before.rfind(char::is_whitespace) {
                    Some(at) => end + at + before[at..].chars().next().map_or(0, char::len_utf8),
                    None => span.start,
                });
            }
            end = end.max(span.end);
            unit.push(starts.len() - 1);
        }
        Keyed {
            text,
            keys,
            unit,
            starts,
        }
    }

    /// The key words of each unit, joined by spaces: what a unit reads as.
    fn unit_words(&self) -> Vec<String> {
        let mut out = vec![String::new(); self.starts.len()];
        for (k, &u) in self.keys.iter().zip(&self.unit) {
            if !out[u].is_empty() {
                out[u].push(' ');
            }
            out[u].push_str(k);
        }
        out
    }

    /// Where the key words of units `r` are among the key words.
    fn keys_of(&self, r: &Range<usize>) -> Range<usize> {
        self.unit.partition_point(|&u| u < r.start)..self.unit.partition_point(|&u| u < r.end)
    }

    /// The text of units `r`, with what follows the last up to the next (and, from the first
    /// unit, what comes before it): the stretches of a quote's units, in order, make it up. A
    /// quote without a unit (no word the key reads) is its one stretch.
    fn stretch(&self, r: &Range<usize>) -> &'s str {
        if self.starts.is_empty() {
            return self.text;
        }
        if r.is_empty() {
            return "";
        }
        let start = if r.start == 0 {
            0
        } else {
            self.starts[r.start]
        };
        let end = self.starts.get(r.end).copied().unwrap_or(self.text.len());
        &self.text[start..end]
    }
}

/// A stretch of a diff of two quotes' units: the same wording on both sides, or a change (units
/// of the first taken out, units of the second put in; either may be none).
struct Chunk {
    /// Whether the wording is the same.
    equal: bool,
    /// The units of the first quote.
    a: Range<usize>,
    /// The units of the second.
    b: Range<usize>,
}

/// Two quotes read for a diff, and their units lined up.
struct Lined<'s> {
    /// The first quote.
    a: Keyed<'s>,
    /// The second.
    b: Keyed<'s>,
    /// Their units lined up, in order.
    chunks: Vec<Chunk>,
}

/// Reads two quotes for a diff and lines up their units. A word one masks ("f***ing") is the
/// same word written out in the other, as [`Relations`] reads them; and, as there too, words
/// in brackets are read both as an insertion and as spoken ("He should pay \[for\] it"): the
/// reading that leaves the fewest units changed is kept, the insertion on a tie.
fn line_up<'s>(a: &'s str, b: &'s str) -> Lined<'s> {
    let read = |ra: Brackets, rb: Brackets| {
        let (mut ta, mut tb) = (wording_key_traced(a, ra), wording_key_traced(b, rb));
        join_compounds(vec![&mut ta, &mut tb]);
        let (mut ka, mut kb) = (Keyed::new(a, ta), Keyed::new(b, tb));
        put_masks(ka.keys.iter_mut().chain(&mut kb.keys).collect());
        let chunks = chunks(&ka, &kb);
        let changed = changed_units(&chunks);
        (
            changed,
            Lined {
                a: ka,
                b: kb,
                chunks,
            },
        )
    };
    let mut best = read(Brackets::Insertion, Brackets::Insertion);
    let spoken = |s: &str| s.contains(['[', '(']);
    let others = [
        (spoken(a), Brackets::Spoken, Brackets::Insertion),
        (spoken(b), Brackets::Insertion, Brackets::Spoken),
        (spoken(a) && spoken(b), Brackets::Spoken, Brackets::Spoken),
    ];
    for (ra, rb) in others.into_iter().filter(|o| o.0).map(|o| (o.1, o.2)) {
        if best.0 == 0 {
            break;
        }
        let other = read(ra, rb);
        if other.0 < best.0 {
            best = other;
        }
    }
    best.1
}

/// The two quotes' units lined up, in order. The units are diffed first, each read as its key
/// words, so that a unit the same on both sides is lined up whole ("that that's" / "that's":
/// the first "that" is taken out); where they differ, the key words of the units are diffed
/// ([`key_chunks`]). The key words of the whole quotes diffed alone are kept instead when they
/// change fewer units.
fn chunks(a: &Keyed<'_>, b: &Keyed<'_>) -> Vec<Chunk> {
    let (na, nb) = (a.starts.len(), b.starts.len());
    if na == 0 && nb == 0 {
        // Neither has a word the key reads ("—" / "–"): the same wording.
        return vec![Chunk {
            equal: true,
            a: 0..0,
            b: 0..0,
        }];
    }
    let (ua, ub) = (a.unit_words(), b.unit_words());
    let mut out: Vec<Chunk> = Vec::new();
    let mut push = |c: Chunk| match out.last_mut() {
        Some(last) if last.equal == c.equal => (last.a.end, last.b.end) = (c.a.end, c.b.end),
        _ => out.push(c),
    };
    let (mut at_a, mut at_b) = (0, 0);
    let ops = capture_diff_slices(Algorithm::Myers, &ua, &ub);
    for op in ops.iter().filter(|op| op.tag() == Tag::Equal) {
        let (old, new) = (op.old_range(), op.new_range());
        if at_a < old.start || at_b < new.start {
            for c in key_chunks(a, b, at_a..old.start, at_b..new.start) {
                push(c);
            }
        }
        push(Chunk {
            equal: true,
            a: old.clone(),
            b: new.clone(),
        });
        (at_a, at_b) = (old.end, new.end);
    }
    if at_a < na || at_b < nb {
        for c in key_chunks(a, b, at_a..na, at_b..nb) {
            push(c);
        }
    }
    // Units lined up first can pair a contraction's words with the other side's written apart
    // elsewhere ("We're here and we are there" / "We are here and we're there"): the key words
    // alone are kept when they change fewer units.
    let by_units = changed_units(&out);
    // (Where every unit is one key word, the two are the same diff.)
    let one_for_one = |k: &Keyed<'_>| k.keys.len() == k.starts.len();
    if by_units > 0 && !(one_for_one(a) && one_for_one(b)) {
        let by_keys = key_chunks(a, b, 0..na, 0..nb);
        if changed_units(&by_keys) < by_units {
            return by_keys;
        }
    }
    out
}

/// How many units, of both quotes, the changes of a diff hold.
fn changed_units(chunks: &[Chunk]) -> usize {
    chunks
        .iter()
        .filter(|c| !c.equal)
        .map(|c| c.a.len() + c.b.len())
        .sum()
}

/// Units `ua` of `a` and `ub` of `b` lined up by their key words: units whose key words are
/// all matched, to key words of units likewise matched, are equal ("We're" / "We are"); the
/// rest are changes ("can't" against "can": the unit changes, though "can" is in both).
fn key_chunks(a: &Keyed<'_>, b: &Keyed<'_>, ua: Range<usize>, ub: Range<usize>) -> Vec<Chunk> {
    let (ka, kb) = (a.keys_of(&ua), b.keys_of(&ub));
    // Runs of matched key words whose units touch, as (units of `a`, units of `b`, key words
    // matched): the first and last units of each side.
    let mut runs: Vec<([usize; 2], [usize; 2], usize)> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &a.keys[ka.clone()], &b.keys[kb.clone()]) {
        let (tag, old, new) = op.as_tag_tuple();
        if tag != Tag::Equal {
            continue;
        }
        for (i, j) in old.zip(new) {
            let (ua, ub) = (a.unit[ka.start + i], b.unit[kb.start + j]);
            match runs.last_mut() {
                Some((ra, rb, n)) if ra[1] == ua || rb[1] == ub => {
                    (ra[1], rb[1], *n) = (ua, ub, *n + 1);
                }
                _ => runs.push(([ua, ua], [ub, ub], 1)),
            }
        }
    }
    // How many key words units `first..=last` have.
    let keys_in = |k: &Keyed<'_>, [first, last]: [usize; 2]| k.keys_of(&(first..last + 1)).len();
    let mut out: Vec<Chunk> = Vec::new();
    let (mut at_a, mut at_b) = (ua.start, ub.start);
    for (ra, rb, n) in runs {
        if keys_in(a, ra) != n || keys_in(b, rb) != n {
            // Not all of these units' words are matched: a change, with what lies around.
            continue;
        }
        if at_a < ra[0] || at_b < rb[0] {
            out.push(Chunk {
                equal: false,
                a: at_a..ra[0],
                b: at_b..rb[0],
            });
        }
        match out.last_mut() {
            Some(last) if last.equal && last.a.end == ra[0] && last.b.end == rb[0] => {
                (last.a.end, last.b.end) = (ra[1] + 1, rb[1] + 1);
            }
            _ => out.push(Chunk {
                equal: true,
                a: ra[0]..ra[1] + 1,
                b: rb[0]..rb[1] + 1,
            }),
        }
        (at_a, at_b) = (ra[1] + 1, rb[1] + 1);
    }
    if at_a < ua.end || at_b < ub.end {
        out.push(Chunk {
            equal: false,
            a: at_a..ua.end,
            b: at_b..ub.end,
        });
    }
    out
}

/// The ways an ellipsis is written: the character, three dots, three spaced dots.
const ELLIPSES: [&str; 3] = ["…", "...", ". . ."];

/// The wording keys of the stretches of a quote between its ellipses, when it has two or more.
type Fragments = Option<Vec<Vec<String>>>;

/// A quote's [`Fragments`], cut from its wording key traced to its written words (so that they
/// read words as the key does: compounds joined, masks put).
fn fragments(quote: &str, (keys, spans): &Traced) -> Fragments {
    // Where each ellipsis starts; without one there is one fragment.
    let mut cuts: Vec<usize> = ELLIPSES
        .iter()
        .flat_map(|e| quote.match_indices(e).map(|(at, _)| at))
        .collect();
    if cuts.is_empty() {
        return None;
    }
    cuts.sort_unstable();
    let mut fragments: Vec<Vec<String>> = Vec::new();
    let mut last = None;
    for (k, span) in keys.iter().zip(spans) {
        // How many ellipses come before the word: its fragment.
        let at = cuts.partition_point(|&c| c < span.start);
        match fragments.last_mut() {
            Some(f) if last == Some(at) => f.push(k.clone()),
            _ => fragments.push(vec![k.clone()]),
        }
        last = Some(at);
    }
    (fragments.len() >= 2).then_some(fragments)
}

/// Does a quote with an ellipsis ("your voice ... on the committee"), as its [`Fragments`],
/// give, fragment by fragment and in order, words of the other quote? When `trimmed`, the two
/// may also be trimmed differently at the ends: the first fragment starting before the other
/// quote does (ending with two words or more of its start), or the last ending after it
/// (starting with two words or more of its end), with at least half its words found ("However,
/// we would be remiss … if we did not" / "We would be remiss in our duty to you if we did
/// not").
fn elided(fragments: &Fragments, long: &[String], trimmed: bool) -> bool {
    /// The fewest words of a fragment found at an end of the other quote.
    const AT_AN_END: usize = 2;
    let Some(fragments) = fragments else {
        return false;
    };
    let (mut at, mut found) = (0, 0);
    let last = fragments.len() - 1;
    for (k, f) in fragments.iter().enumerate() {
        if let Some(p) = long[at..].windows(f.len()).position(|w| w == f.as_slice()) {
            at += p + f.len();
            found += f.len();
            continue;
        }
        if !trimmed {
            return false;
        }
        // The longest end of this fragment at the other's start (the first fragment) or
        // beginning of it at the other's end (the last).
        let at_start = (k == 0)
            .then(|| {
                (AT_AN_END..f.len().min(long.len()) + 1)
                    .rev()
                    .find(|&n| f[f.len() - n..] == long[..n])
            })
            .flatten();
        let rest = &long[at..];
        let at_end = (k == last)
            .then(|| {
                (AT_AN_END..f.len().min(rest.len()) + 1)
                    .rev()
                    .find(|&n| f[..n] == rest[rest.len() - n..])
            })
            .flatten();
        match (at_start, at_end) {
            (Some(n), _) => {
                at = n;
                found += n;
            }
            (None, Some(n)) => {
                at = long.len();
                found += n;
            }
            (None, None) => return false,
        }
    }
    let words: usize = fragments.iter().map(Vec::len).sum();
    found * 2 >= words
}

/// Are two quotes the same words trimmed differently at the ends: one longest common run of
/// three words or more, covering half the shorter quote (or of [`LONG_RUN`] words or more,
/// which two remarks do not share by chance), with nothing but extra words before it in one
/// quote and after it in one? Of two longest runs, the search finds the first in its
/// first argument, so both orders are tried: the answer does not depend on which quote comes
/// first ("84th minute Mayor by 7-2 ..." / "by 7-2 84th minute Mayor").
pub(super) fn overlapping(a: &[String], b: &[String]) -> bool {
    overlapping_by(a, b, LONG_RUN)
}

/// [`overlapping`], with runs of `long_run` words or more counting whatever the share of the
/// shorter quote they cover.
pub(super) fn overlapping_by(a: &[String], b: &[String], long_run: usize) -> bool {
    overlapping_at_first_run(a, b, long_run) || overlapping_at_first_run(b, a, long_run)
}

/// Words in a row that two quotes, one ending with them and the other starting with them,
/// share only when they are one remark trimmed differently, however long the rest.
const LONG_RUN: usize = 8;

/// [`overlapping_by`], judged at the longest common run that ends first in `a`.
fn overlapping_at_first_run(a: &[String], b: &[String], long_run: usize) -> bool {
    let (len, end_a, end_b) = crate::align::longest_run_at(a, b);
    let (start_a, start_b) = (end_a - len, end_b - len);
    len >= 3
        && (len * 2 >= a.len().min(b.len()) || len >= long_run)
        && (start_a == 0 || start_b == 0)
        && (end_a == a.len() || end_b == b.len())
}

/// The words of a quote that count for wording: typography folded, case ignored, bracketed and
/// parenthesised insertions removed ("[of Congress]", "(local)"; a bracket never closed is
/// only a mark), dots of abbreviations dropped ("F.B.I." / "FBI"), titles' abbreviations
/// written out ("Gen." / "General"), "&" read as "and", hyphenated words split, contractions
/// expanded ("we're" / "we are"), numbers in words read as digits ("twenty-four" / "24").
pub fn wording_key(s: &str) -> Vec<String> {
    wording_key_traced(s, Brackets::Insertion).0
}

/// How a wording key reads the words in brackets or parentheses.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Brackets {
    /// As an insertion of the writer's: left out.
    Insertion,
    /// As spoken: the words kept, the brackets read as spaces ("He should pay \[for\] it").
    Spoken,
}

/// The byte ranges of `s` inside a bracket or parenthesis and its closing match, the two
/// included, in order, nested ones merged into the outer. A bracket or parenthesis that is
/// never closed ("We lost :(") opens nothing, and a closing one without its opening closes
/// nothing.
fn bracketed(s: &str) -> Vec<Range<usize>> {
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut out: Vec<Range<usize>> = Vec::new();
    for (at, c) in s.char_indices() {
        let opening = match c {
            '[' | '(' => {
                open.push((c, at));
                continue;
            }
            ']' => '[',
            ')' => '(',
            _ => continue,
        };
        if let Some(k) = open.iter().rposition(|&(o, _)| o == opening) {
            let from = open[k].1;
            open.truncate(k);
            // What this pair holds replaces the pairs closed inside it.
            while out.last().is_some_and(|r| r.start > from) {
                out.pop();
            }
            out.push(from..at + 1);
        }
    }
    out
}

/// A wording key and, for each key word, the bytes of the quote it was read from.
type Traced = (Vec<String>, Vec<Range<usize>>);

/// [`wording_key`], with, for each key word, the bytes of `s` it was read from: the written
/// word ("We're" for both "we" and "are"), or the written words of a number ("twenty four"
/// for "24"). `brackets` says how the words in brackets are read.
fn wording_key_traced(s: &str, brackets: Brackets) -> Traced {
    // Most quotes have no asterisk, bracket, parenthesis or "&": their words are read in
    // place. Otherwise the text is read again, each byte with the place of the character of
    // `s` it comes from. A word masked with asterisks ("f***ing") is one word: the asterisks
    // become a letter (see `MASK`) so that the word is not cut at them.
    let (kept, origin): (std::borrow::Cow<str>, Option<Vec<usize>>) =
        if s.contains(['*', '[', '(', ']', ')', '&']) {
            let hidden = match brackets {
                Brackets::Insertion => bracketed(s),
                Brackets::Spoken => Vec::new(),
            };
            let mut hidden = hidden.iter().peekable();
            let mut kept = String::with_capacity(s.len());
            let mut origin = Vec::with_capacity(s.len());
            let mut buf = [0; 4];
            for (at, c) in s.char_indices() {
                while hidden.next_if(|r| r.end <= at).is_some() {}
                if hidden.peek().is_some_and(|r| r.start <= at) {
                    continue;
                }
                let put: &str = match c {
                    '[' | '(' | ']' | ')' if brackets == Brackets::Spoken => " ",
                    '&' => " and ",
                    '*' => MASK.encode_utf8(&mut buf),
                    _ => c.encode_utf8(&mut buf),
                };
                kept.push_str(put);
                origin.extend(std::iter::repeat_n(at, put.len()));
            }
            (kept.into(), Some(origin))
        } else {
            (s.into(), None)
        };
    // The bytes of `s` a word of `kept` was read from.
    let written = |start: usize, end: usize| match &origin {
        None => start..end,
        Some(origin) => {
            let last = origin[end - 1];
            origin[start]..last + s[last..].chars().next().map_or(0, char::len_utf8)
        }
    };
    let mut out = Vec::new();
    let mut spans = Vec::new();
    for w in text::words(&kept) {
        push_key_words(w.text, &mut out);
        spans.resize(out.len(), written(w.start, w.end));
    }
    // "He's been" is "he has been", "he's got" "he has got", "he's had" "he has had" (other
    // participles leave it open: "it's taken years", "it's taken by force"): an "is" read
    // from "'s" (one written word with the word before it) is "has" before these.
    for i in 2..out.len() {
        if out[i - 1] == "is"
            && spans[i - 1] == spans[i - 2]
            && matches!(out[i].as_str(), "been" | "got" | "gotten" | "had")
        {
            out[i - 1] = "has".to_string();
        }
    }
    // "24 hours" and "twenty-four hours" are one wording.
    let (out, from) = crate::extract::numbers::digits_for_words_traced(out);
    let spans = from
        .into_iter()
        .map(|r| spans[r.start].start..spans[r.end - 1].end)
        .collect();
    (out, spans)
}

/// Pushes the key words of one written word of a quote.
fn push_key_words(word: &str, out: &mut Vec<String>) {
    // "F.B.I." is "FBI"; "same-sex" is "same sex".
    let k = text::key_cow(word);
    let k = if k.contains('.') {
        std::borrow::Cow::Owned(k.chars().filter(|c| *c != '.').collect())
    } else {
        k
    };
    // "O.K.", "OK" and "okay" are one word, written in a house's style.
    if k == "ok" {
        out.push("okay".to_string());
        return;
    }
    // "Sen. Reid" is "Senator Reid": a title's abbreviation is house style.
    if text::is_capitalised(word)
        && let Some((_, full)) = TITLE_ABBREVIATIONS.iter().find(|(a, _)| *a == k)
    {
        out.push(full.to_string());
        return;
    }
    for part in k.split('-').filter(|p| !p.is_empty()) {
        expand_contraction(part, out);
    }
}

/// Joins, in each of `quotes` (wording keys traced to their written words), two words one
/// after the other that another quote writes as one ("work force" / "workforce", "e-mail" /
/// "email"): a compound written open, hyphenated or closed is one word, in a house's style.
/// Only two words of letters that are not stop words are joined ("24 7" is not "247", "now
/// here" not "nowhere", "a part" not "apart"); the joined word is read from both written
/// words.
fn join_compounds(mut quotes: Vec<&mut Traced>) {
    let letters = |w: &str| w.chars().all(char::is_alphabetic);
    // Where to join, found first (quote, first word), then joined.
    let mut joins: Vec<(usize, usize)> = Vec::new();
    {
        let closed: rustc_hash::FxHashSet<&str> = quotes
            .iter()
            .flat_map(|(keys, _)| keys.iter())
            .filter(|w| w.len() >= 4 && letters(w))
            .map(String::as_str)
            .collect();
        if closed.is_empty() {
            return;
        }
        let mut joined = String::new();
        for (q, (keys, _)) in quotes.iter().enumerate() {
            let mut i = 0;
            while i + 1 < keys.len() {
                let (x, y) = (&keys[i], &keys[i + 1]);
                joined.clear();
                joined.push_str(x);
                joined.push_str(y);
                if closed.contains(joined.as_str())
                    && letters(x)
                    && letters(y)
                    && !text::is_stop_word(x)
                    && !text::is_stop_word(y)
                {
                    joins.push((q, i));
                    i += 1;
                }
                i += 1;
            }
        }
    }
    // From the last, so that the places found before stay where they were.
    for &(q, i) in joins.iter().rev() {
        let (keys, spans) = &mut *quotes[q];
        let y = keys.remove(i + 1);
        keys[i].push_str(&y);
        let end = spans.remove(i + 1).end;
        spans[i].end = end;
    }
}

/// What an asterisk of a masked word ("f***ing") becomes in a wording key: a letter no word is
/// written with.
const MASK: char = '\u{02E3}';

/// Puts, for each word that fits a masked word among `words` ("fucking" for "f***ing"), the
/// masked word: so that a word one quote masks is the same word written out in another.
/// Returns whether some word is masked.
fn put_masks(mut words: Vec<&mut String>) -> bool {
    let masks: Vec<String> = words
        .iter()
        .filter(|w| w.contains(MASK))
        .map(|w| w.to_string())
        .collect();
    if !masks.is_empty() {
        for w in &mut words {
            if let Some(m) = masks.iter().find(|m| fits_mask(w, m)) {
                w.clone_from(m);
            }
        }
    }
    !masks.is_empty()
}

/// Does `word`, written out, fit `masked`, a word with asterisks (as [`MASK`]): the same
/// letters before and after them, and one letter or more, but not many more, in their place
/// ("fucking" fits "f***ing")?
fn fits_mask(word: &str, masked: &str) -> bool {
    let (Some(first), Some(last)) = (masked.find(MASK), masked.rfind(MASK)) else {
        return false;
    };
    let (before, after) = (&masked[..first], &masked[last + MASK.len_utf8()..]);
    let stars = masked[first..last + MASK.len_utf8()].chars().count();
    !before.is_empty()
        && !word.contains(MASK)
        && word.len() > before.len() + after.len()
        && word.starts_with(before)
        && word.ends_with(after)
        && word[before.len()..word.len() - after.len()].chars().count() <= stars + 2
}

/// Titles and their abbreviations (as word keys), for [`wording_key`].
const TITLE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("sen", "senator"),
    ("sens", "senators"),
    ("rep", "representative"),
    ("reps", "representatives"),
    ("gov", "governor"),
    ("govs", "governors"),
    ("gen", "general"),
    ("lt", "lieutenant"),
    ("col", "colonel"),
    ("sgt", "sergeant"),
    ("capt", "captain"),
    ("adm", "admiral"),
    ("prof", "professor"),
    ("pres", "president"),
    ("supt", "superintendent"),
];

/// The words whose "'s" is "is" or "has", never a possessive.
const PRONOUNS_OF_IS: &[&str] = &[
    "it", "he", "she", "that", "there", "here", "what", "who", "where", "how", "when", "why",
];

/// Pushes a word, expanding a contraction into its words ("can't" → "can not").
fn expand_contraction(w: &str, out: &mut Vec<String>) {
    const WHOLE: &[(&str, &[&str])] = &[
        ("can't", &["can", "not"]),
        ("cannot", &["can", "not"]),
        ("won't", &["will", "not"]),
        ("shan't", &["shall", "not"]),
        ("let's", &["let", "us"]),
        // Speech as a transcript spells it, which another house writes out.
        ("gonna", &["going", "to"]),
        ("wanna", &["want", "to"]),
        ("gotta", &["got", "to"]),
        ("kinda", &["kind", "of"]),
        ("sorta", &["sort", "of"]),
        ("outta", &["out", "of"]),
        ("lemme", &["let", "me"]),
        ("gimme", &["give", "me"]),
    ];
    if let Some((_, parts)) = WHOLE.iter().find(|(c, _)| *c == w) {
        out.extend(parts.iter().map(|p| p.to_string()));
        return;
    }
    // "'s" after a pronoun is "is" ("it's", "he's", "that's"; "has" before "been", see
    // [`wording_key_traced`]); after any other word it may be a possessive ("Trump's"), which
    // is kept as written.
    if let Some(stem) = w.strip_suffix("'s")
        && PRONOUNS_OF_IS.contains(&stem)
    {
        out.push(stem.to_string());
        out.push("is".to_string());
        return;
    }
    const SUFFIXES: &[(&str, &str)] = &[
        ("n't", "not"),
        ("'re", "are"),
        ("'m", "am"),
        ("'ll", "will"),
        ("'ve", "have"),
        ("'d", "would"),
    ];
    for (suffix, full) in SUFFIXES {
        if let Some(stem) = w.strip_suffix(suffix).filter(|s| !s.is_empty()) {
            out.push(stem.to_string());
            out.push(full.to_string());
            return;
        }
    }
    out.push(w.to_string());
}

/// Is `short` a contiguous run of the words of `long`: a partial quote of the same remark?
pub fn is_excerpt(short: &[String], long: &[String]) -> bool {
    !short.is_empty() && short.len() <= long.len() && long.windows(short.len()).any(|w| w == short)
}

/// A word diff from `a` to `b`, with the text as written. What [`wording_key`] reads alike is
/// not a difference (typography, case, "We're" / "We are", "Gen." / "General", "twenty-four" /
/// "24", "f***ing" / "fucking"; words in brackets, left out or read as spoken, whichever
/// changes less); a written word is marked whole or not at all.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffOp> {
    let Lined {
        a: ka,
        b: kb,
        chunks,
    } = line_up(a, b);
    let mut out: Vec<DiffOp> = Vec::new();
    let mut push = |tag: DiffTag, text: &str, new_text: Option<String>| {
        if !text.is_empty() {
            out.push(DiffOp {
                tag,
                text: text.to_string(),
                new_text,
            });
        }
    };
    for c in chunks {
        let (ta, tb) = (ka.stretch(&c.a), kb.stretch(&c.b));
        // (An equal stretch is empty in `a` only when neither quote has a word: "" / "(".)
        if c.equal && !ta.is_empty() {
            push(DiffTag::Equal, ta, (ta != tb).then(|| tb.to_string()));
        } else {
            push(DiffTag::Delete, ta, None);
            push(DiffTag::Insert, tb, None);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_excerpt(text: &str, other: &str, expected: &str) {
        assert_eq!(where_it_differs(text, other), expected, "{text} / {other}");
    }

    #[test]
    fn the_excerpt_shows_where_the_wording_changes_not_where_a_quote_is_trimmed() {
        // One source quotes a sentence more, the other words the rest differently: the
        // excerpt is around the change, for both.
        let long = "I'm not ashamed to admit that I'm a Christian, but you don't need to be in \
                    the pew every Sunday to know there's something wrong";
        let short = "But you don't need to be in the pews every Sunday to know that there's \
                     something wrong";
        check_excerpt(long, short, "…be in the pew every Sunday to know…");
        check_excerpt(short, long, "…be in the pews every Sunday to know…");
        // A change at the end is a change, not a trim.
        check_excerpt(
            "We reject his visit.",
            "We reject his message.",
            "We reject his visit.",
        );
        check_excerpt(
            "Flynn lied and they destroyed his life",
            "Flynn lied, and it destroyed his life, and I feel badly",
            "Flynn lied and they destroyed his life",
        );
        // Words one quote has in the middle: the excerpt starts a little before them.
        check_excerpt(
            "She said the city will rebuild every home and every school by next spring",
            "She said the city will rebuild every school by next spring",
            "…will rebuild every home and every school by…",
        );
        // Written words that key alike line up ("We're" / "We are", "long-term" / "long
        // term", a dash spaced or not): the change is the last words.
        check_excerpt(
            "We're going to fix the bridge and the road and the tunnel and the school this year.",
            "We are going to fix the bridge and the road and the tunnel and the school next year.",
            "…and the tunnel and the school this year.",
        );
        check_excerpt(
            "a long-term plan for the bridge — and the road we drive every day",
            "a long term plan for the bridge—and the road we walk every day",
            "…— and the road we drive every day",
        );
        // Words replaced at the start are a change there, even with another change further on.
        check_excerpt(
            "I think the vice president very well knows that the words do not come out right",
            "As the vice president very well knows, the words never come out right",
            "I think the vice president very well knows…",
        );
        // Where the quote has an ellipsis at the cut, it is not doubled.
        check_excerpt(
            "We will fix the bridge ... and the road this year and next",
            "We will fix the bridge and the street this year and next",
            "... and the road this year and next",
        );
        check_excerpt(
            "As the vice president very well knows ... sometimes the words don't come out",
            "I think the vice president very well knows that sometimes the words don't",
            "As the vice president very well knows ...",
        );
        // A spaced ellipsis is one word, never cut.
        check_excerpt(
            "We will fix the bridge this year . . . and the road next year and then the tunnel",
            "We will fix the bridge this year . . . and the street next year and then the tunnel",
            "... and the road next year and then…",
        );
        // Only a trim: its start, as there is nothing else to show.
        check_excerpt(
            "Today's indictment shows that no one is above the law",
            "no one is above the law",
            "Today's indictment shows that no one is above…",
        );
    }

    /// The two quotes a diff rebuilds: each side's words, with the equal stretches as written
    /// on that side.
    fn sides(ops: &[DiffOp]) -> (String, String) {
        let side = |skip: DiffTag, text: fn(&DiffOp) -> &str| {
            ops.iter().filter(|o| o.tag != skip).map(text).collect()
        };
        (
            side(DiffTag::Insert, |o| &o.text),
            side(DiffTag::Delete, |o| {
                o.new_text.as_deref().unwrap_or(&o.text)
            }),
        )
    }

    fn check(a: &str, b: &str, expected: &[(DiffTag, &str)]) {
        let ops = word_diff(a, b);
        assert_eq!(sides(&ops), (a.to_string(), b.to_string()));
        let got: Vec<(DiffTag, String)> = ops.into_iter().map(|d| (d.tag, d.text)).collect();
        let want: Vec<(DiffTag, String)> =
            expected.iter().map(|(t, s)| (*t, s.to_string())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn typography_is_not_a_difference() {
        assert_eq!(
            wording_key("I can’t — go “home”"),
            wording_key("i can't - go \"home\"")
        );
        for (a, b) in [
            (
                "We’re asking, some good & some bad",
                "we are asking, some good and some bad",
            ),
            ("same-sex marriage", "same sex marriage"),
            ("I can't", "I cannot"),
            ("decorated F.B.I. agent", "decorated FBI agent"),
            ("Sen. Reid respects that", "Senator Reid respects that"),
            ("I don't think that's O.K.", "I don't think that's okay"),
            (
                "Gov. Lee and Rep. Ray",
                "Governor Lee and Representative Ray",
            ),
            ("these (local) supervisors", "these supervisors"),
            ("a Euros [summer 2024] soon", "a Euros soon"),
            (
                "After 11 hearings and 25,000 pages",
                "After eleven hearings and twenty-five thousand pages",
            ),
            ("for 544 managers", "for five hundred forty-four managers"),
            // "'s" after a pronoun, and speech spelt as it sounds.
            ("It's not enough", "it is not enough"),
            ("he's determined to prevent", "he is determined to prevent"),
            (
                "that’s what she's been saying",
                "that is what she has been saying",
            ),
            ("we’re gonna win this", "we are going to win this"),
            ("He's had enough", "He has had enough"),
            ("I wanna say", "I want to say"),
        ] {
            assert_eq!(wording_key(a), wording_key(b), "{a} / {b}");
        }
        // A possessive is not "is"; "has" is not "is" but before "been", "got" or "had".
        for (a, b) in [
            ("Trump's plan", "Trump is plan"),
            ("he's determined", "he has determined"),
            ("he's been there", "he is been there"),
            ("it's taken by force", "it has taken by force"),
        ] {
            assert_ne!(wording_key(a), wording_key(b), "{a} / {b}");
        }
        assert_eq!(
            wording_key("a Euros [summer 2024] soon"),
            wording_key("a Euros soon")
        );
        check(
            "I can’t go",
            "I can't go",
            &[(DiffTag::Equal, "I can’t go")],
        );
    }

    #[test]
    fn partial_quotes_are_excerpts() {
        let long = wording_key("Today's indictment is a reminder that no one is above the law.");
        assert!(is_excerpt(&wording_key("no one is above the law"), &long));
        assert!(!is_excerpt(&wording_key("no one is below the law"), &long));
    }

    #[test]
    fn quotes_that_agree_as_far_as_they_go() {
        let q = |t: &str| Claim::bare(ClaimKind::Quote, t);
        let pair = |texts: &[&str]| {
            let claims: Vec<Claim> = texts.iter().map(|t| q(t)).collect();
            differing_pair(&Relations::new(&claims.iter().collect::<Vec<_>>()))
        };
        const FULL: &str = "We would be failing our readers and our staff if we did not question \
                    the council's handling of the budget";
        // The quotes of a group, and the first two worded differently (None: they agree).
        type Case<'a> = (&'a [&'a str], Option<(usize, usize)>);
        let cases: &[Case] = &[
            // Trimmed differently at the ends.
            (
                &[
                    "will always speak truth to power. #proud",
                    "I will always speak truth to power",
                ],
                None,
            ),
            // Words left out at an ellipsis.
            (
                &[
                    "if you help me win you may have someone with your voice, someone who fought, on the committee",
                    "If you help me win, you may have someone with your voice ... on the committee",
                ],
                None,
            ),
            // Two partial quotes of a longer one.
            (
                &[
                    "act of terror",
                    "act of hate.",
                    "an act of terror and an act of hate.",
                ],
                None,
            ),
            (&["act of terror", "act of hate."], Some((0, 1))),
            // A word in brackets one source adds, or puts in for the speaker's own.
            (&["He should pay [for] it.", "He should pay for it."], None),
            (
                &["[Obama's] war on religion", "Obama's war on religion"],
                None,
            ),
            (&["He should pay [for] it.", "He should pay it."], None),
            // A word masked in one ("f***ing") and written out in the other.
            (
                &[
                    "not going to pay for that f***ing wall!",
                    "not going to pay for that fucking wall",
                ],
                None,
            ),
            (
                &["pay for that f***ing wall", "pay for that big wall"],
                Some((0, 1)),
            ),
            (
                &["He should pay [for] it.", "He should pay them."],
                Some((0, 1)),
            ),
            // A compound written closed in one and open or hyphenated in another; never digits.
            (
                &[
                    "the new rules will hurt our workforce.",
                    "the new rules will hurt our work force",
                ],
                None,
            ),
            (&["send me an e-mail today", "send me an email today"], None),
            (
                &["open 24 7 from now on", "open 247 from now on"],
                Some((0, 1)),
            ),
            // Never stop words: they are other words.
            (&["God is now here", "God is nowhere"], Some((0, 1))),
            (
                &["We are a part of this", "We are apart of this"],
                Some((0, 1)),
            ),
            // A fragment between ellipses reads compounds as the whole quote does.
            (
                &[
                    "we need our work force … to grow",
                    "we need our workforce and more to grow",
                ],
                None,
            ),
            // Trimmed at opposite ends, with a long run of words in common, however long the
            // rest; a short run is not enough.
            (
                &[
                    "Well, if she's such a keen student of the game, has she really not seen that \
                     the one thing you never do is leave the far post open to a cross?",
                    "...the one thing you never do is leave the far post open to a cross, because \
                     every side that tried it over a hundred years of football has lost the match \
                     in the end.",
                ],
                None,
            ),
            (
                &[
                    "Well, if she's such a student of the game, has she not seen that you never \
                     leave the far post open?",
                    "...you never leave the far post open, because every side that tried it over \
                     a hundred years of football has lost the match in the end.",
                ],
                Some((0, 1)),
            ),
            // Words left out at an ellipsis, and trimmed differently at either end.
            (
                &[
                    "Frankly, we would be failing … if we did not question the council's handling",
                    FULL,
                ],
                None,
            ),
            (
                &[
                    "fix the roads in our city … one way or the other, we have to do it",
                    "We're going to fix the roads in our city, and we're going to do it one way or the \
                 other",
                ],
                None,
            ),
            // ... but not with a word changed inside, nor with little of it found.
            (
                &[
                    "Frankly, we would be failing … if we did not praise the council's handling",
                    FULL,
                ],
                Some((0, 1)),
            ),
            (
                &["As I said before, and again … we would be failing", FULL],
                Some((0, 1)),
            ),
            // A word changed inside is a rewording, trimmed or not.
            (
                &[
                    "we will always speak truth to power",
                    "we will never speak truth to power",
                ],
                Some((0, 1)),
            ),
            (
                &[
                    "your voice ... on the committee",
                    "your vote, then, on the committee",
                ],
                Some((0, 1)),
            ),
        ];
        let wrong: Vec<_> = cases
            .iter()
            .map(|(texts, expected)| (texts, expected, pair(texts)))
            .filter(|(_, expected, got)| got != *expected)
            .collect();
        assert!(wrong.is_empty(), "(quotes, expected, got): {wrong:#?}");
        let mask = |w: &str| w.replace('*', &MASK.to_string());
        assert!(fits_mask("fucking", &mask("f***ing")));
        assert!(!fits_mask("freezing", &mask("f*ing")));
        assert!(!fits_mask("wall", &mask("f***ing")));
    }

    /// Two quotes sharing two runs of the longest length agree or not whichever comes first.
    #[test]
    fn overlap_does_not_depend_on_the_order() {
        let a = wording_key("84th minute Mayor by 7-2 The council voted");
        let b = wording_key("by 7-2 84th minute Mayor");
        assert!(overlapping(&a, &b));
        assert!(overlapping(&b, &a));
    }

    #[test]
    fn changed_words_are_marked() {
        check(
            "I can't fault my preparation or the detail before the game.",
            "I can’t fault my preparation or anything like that.",
            &[
                (DiffTag::Equal, "I can't fault my preparation or "),
                (DiffTag::Delete, "the detail before the game."),
                (DiffTag::Insert, "anything like that."),
            ],
        );
    }

    /// What the wording key reads alike is not marked, and a written word is marked whole.
    #[test]
    fn the_diff_marks_what_the_wording_key_counts() {
        use DiffTag::{Delete, Equal, Insert};
        // A contraction written out, a title abbreviated, a number in words, a masked word:
        // the same wording, each side as written.
        for (a, b) in [
            ("We're going to win it", "We are going to win it"),
            ("Gen. Flynn was honest", "General Flynn was honest"),
            ("for twenty four hours", "for 24 hours"),
            ("It was a f***ing disgrace", "It was a fucking disgrace"),
            ("a long-term plan", "a long term plan"),
        ] {
            check(a, b, &[(Equal, a)]);
        }
        // A compound closed in one and open in the other is the same wording.
        check(
            "to protect our workforce.",
            "to protect our work force",
            &[(Equal, "to protect our workforce.")],
        );
        // A written word the same on both sides lines up whole: the word taken out is the one
        // before it, not a piece of it.
        check(
            "I don't think that that's why we came.",
            "I don't think that's why we came.",
            &[
                (Equal, "I don't think "),
                (Delete, "that "),
                (Equal, "that's why we came."),
            ],
        );
        // ... unless the key words alone change fewer: a contraction and the same words
        // written apart, in other places.
        check(
            "We're here and we are there and we're everywhere today",
            "We are here and we're there and we are everywhere tomorrow",
            &[
                (Equal, "We're here and we are there and we're everywhere "),
                (Delete, "today"),
                (Insert, "tomorrow"),
            ],
        );
        check("we're we are", "we are we're", &[(Equal, "we're we are")]);
        check(
            "I can can't go",
            "I can't go",
            &[(Equal, "I "), (Delete, "can "), (Equal, "can't go")],
        );
        // The change is the word that differs, not the title before it.
        check(
            "Gen. Flynn was very honest",
            "General Flynn was honest",
            &[
                (Equal, "Gen. Flynn was "),
                (Delete, "very "),
                (Equal, "honest"),
            ],
        );
        // "can't" and "can" share a key word, but the written word changes as a whole.
        check(
            "I can't go home",
            "I can go home",
            &[
                (Equal, "I "),
                (Delete, "can't "),
                (Insert, "can "),
                (Equal, "go home"),
            ],
        );
        // A bracketed insertion is part of the stretch it stands in.
        check(
            "The mayor [of Springfield] will rebuild it",
            "He will rebuild it",
            &[
                (Delete, "The mayor [of Springfield] "),
                (Insert, "He "),
                (Equal, "will rebuild it"),
            ],
        );
        check(
            "She said twenty four new homes would be built",
            "She said 25 new homes would be built",
            &[
                (Equal, "She said "),
                (Delete, "twenty four "),
                (Insert, "25 "),
                (Equal, "new homes would be built"),
            ],
        );
    }

    /// Words in brackets are read as spoken when the other quote says them, and a bracket
    /// that never closes hides nothing.
    #[test]
    fn the_diff_reads_brackets_as_the_quotes_relations_do() {
        use DiffTag::{Delete, Equal, Insert};
        for (a, b) in [
            ("He should pay [for] it", "He should pay for it"),
            ("The (big) dog ran", "The big dog ran"),
            ("The [big] dog ran", "The dog ran"),
            ("—", "—"),
            ("—", "–"),
        ] {
            check(a, b, &[(Equal, a)]);
        }
        check(
            "He should pay [for] it and we will win",
            "He should pay for it and we will lose",
            &[
                (Equal, "He should pay [for] it and we will "),
                (Delete, "win"),
                (Insert, "lose"),
            ],
        );
        check(
            "We lost :( but we will win the race",
            "We won but we will lose the race",
            &[
                (Equal, "We "),
                (Delete, "lost :( "),
                (Insert, "won "),
                (Equal, "but we will "),
                (Delete, "win "),
                (Insert, "lose "),
                (Equal, "the race"),
            ],
        );
        check(
            "We will win [the race in the city",
            "We will lose the race in the city",
            &[
                (Equal, "We will "),
                (Delete, "win "),
                (Insert, "lose "),
                (Equal, "[the race in the city"),
            ],
        );
        // A mark written before a word goes with it.
        check(
            "D-Money, Smoothie (and) Shifty",
            "Smoothie, D-Money and Shifty",
            &[
                (Insert, "Smoothie, "),
                (Equal, "D-Money, "),
                (Delete, "Smoothie "),
                (Equal, "(and) Shifty"),
            ],
        );
        check(
            "And I said, ‘Baby, they don’t",
            "And I say, ’Baby, they don’t",
            &[
                (Equal, "And I "),
                (Delete, "said, "),
                (Insert, "say, "),
                (Equal, "‘Baby, they don’t"),
            ],
        );
        check_excerpt(
            "He should pay [for] it, and then we will all go home and rest and win the next one.",
            "He should pay for it, and then we will all go home and rest and lose the next one.",
            "…home and rest and win the next one.",
        );
    }

    /// The excerpt finds the change by the whole quote's key, so that words the key reads
    /// alike across written words (a number in words, a masked word, a bracketed insertion)
    /// do not draw it.
    #[test]
    fn the_excerpt_looks_past_what_the_wording_key_reads_alike() {
        check_excerpt(
            "We will build twenty four new homes and a school next year for the town",
            "We will build 24 new homes and a school next year for the city",
            "…and a school next year for the town",
        );
        check_excerpt(
            "It was a f***ing disgrace and we will fix the bridge this year",
            "It was a fucking disgrace and we will fix the bridge next year",
            "…and we will fix the bridge this year",
        );
        check_excerpt(
            "The mayor [of New York] said we will fix the bridge this year",
            "The mayor said we will fix the bridge next year",
            "…said we will fix the bridge this year",
        );
    }

    proptest::proptest! {
        /// On quote-like text (contractions, titles, number words, masked words, brackets,
        /// "&", hyphens, dashes, ellipses), the diff rebuilds both quotes as written, marks
        /// nothing when the wording keys are the same, and the excerpt is a run of the
        /// quote's words.
        #[test]
        fn the_diff_rebuilds_both_quotes_and_marks_only_what_the_key_counts(
            a in QUOTE_LIKE,
            b in QUOTE_LIKE,
        ) {
            let ops = word_diff(&a, &b);
            proptest::prop_assert_eq!(sides(&ops), (a.clone(), b.clone()));
            // The same wording when the keys agree, brackets read either way.
            let readings = |s: &str| {
                [Brackets::Insertion, Brackets::Spoken].map(|r| wording_key_traced(s, r).0)
            };
            let (ka, kb) = (readings(&a), readings(&b));
            // (From an empty quote, what the other has can only be put in.)
            if ka.iter().any(|k| kb.contains(k)) && !a.is_empty() {
                proptest::prop_assert!(ops.iter().all(|o| o.tag == DiffTag::Equal), "{:?}", ops);
            }
            // The excerpt, with or without an "…" added at either end, is a run of the
            // quote's words (a spaced ellipsis read as one).
            let excerpt = where_it_differs(&a, &b);
            let [_, three, spaced] = ELLIPSES;
            let written = a.replace(spaced, three);
            let written: Vec<&str> = written.split_whitespace().collect();
            let found = [(false, false), (true, false), (false, true), (true, true)]
                .into_iter()
                .any(|(opens, closes)| {
                    let mut e = excerpt.as_str();
                    if opens {
                        e = e.strip_prefix('…').unwrap_or(e);
                    }
                    if closes {
                        e = e.strip_suffix('…').unwrap_or(e);
                    }
                    let words: Vec<&str> = e.split_whitespace().collect();
                    words.is_empty() || written.windows(words.len()).any(|w| w == words.as_slice())
                });
            proptest::prop_assert!(found, "{:?} not in {:?}", excerpt, a);
        }
    }

    /// Quote-like text for the property tests: words and marks a quote's wording key reads.
    const QUOTE_LIKE: &str = concat!(
        r"((We're|we are|can't|can|Gen\.|General|twenty|four|24|f\*\*\*ing|fucking|",
        r"long-term|long|term|O\.K\.|okay|\[of [A-Z][a-z]{1,5}\]|\(and\)|&|and|the|",
        r"bridge|—|-|…|\.\.\.|\. \. \.|[a-z]{1,6}|[,.;?!’“”]|日本|é|\(|\[|\)|\(big\)|big|",
        r"it's|it|is|been|gonna|going|to|work|force|workforce|e-mail|email|",
        r":\(|\*\*\*)[ ]?){0,14}"
    );

    /// The headline of the one quote.wording finding of two texts.
    fn headline(a: &str, b: &str) -> String {
        use crate::ingest::ingest_str;
        use crate::{Input, Options, analyze};
        let inputs = [
            Input::new("a.txt", ingest_str(a, None)),
            Input::new("b.txt", ingest_str(b, None)),
        ];
        let report = analyze(&inputs, &Options::default()).report();
        let wording: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::QuoteWording.into())
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(wording.len(), 1, "{:?}", report.findings);
        wording[0].to_string()
    }

    #[test]
    fn among_three_sources_or_more_the_speaker_named_by_two_is_named() {
        let q = |speaker: Option<&str>| {
            let mut c = Claim::bare(ClaimKind::Quote, "We will win.");
            c.speaker = speaker.map(str::to_string);
            c
        };
        let one = |speakers: &[Option<&str>]| {
            let claims: Vec<Claim> = speakers.iter().map(|s| q(*s)).collect();
            let quotes: Vec<(ClaimRef, &Claim)> = claims
                .iter()
                .enumerate()
                .map(|(i, c)| ((i, 0), c))
                .collect();
            one_speaker(&quotes).map(str::to_string)
        };
        let lee = Some("Ann Lee");
        assert_eq!(one(&[lee, None, Some("Lee")]), Some("Ann Lee".to_string()));
        assert_eq!(one(&[lee, None, None]), None);
        assert_eq!(one(&[lee, Some("Tom Ray"), lee]), None);
    }

    #[test]
    fn the_headline_names_a_speaker_only_as_far_as_the_sources_do() {
        let named = "\"We were the better team on the night,\" Ann Lee said.";
        let reworded = "\"We were probably the better team on the night,\" Ann Lee said.";
        let unnamed = "\"We were probably the better team on the night.\"";
        assert_eq!(
            headline(named, reworded),
            "Ann Lee's quote is worded differently in a and b"
        );
        assert_eq!(
            headline(named, unnamed),
            "a quote is worded differently (given to Ann Lee in a; b names no speaker)"
        );
        assert_eq!(
            headline(unnamed, named),
            "a quote is worded differently (given to Ann Lee in b; a names no speaker)"
        );
    }
}
