//! Align: which claims of different sources say the same thing.
//!
//! Candidate pairs come from an inverted index over content-word stems, so the cost grows with
//! the input rather than with its square. Each candidate is scored from content-word overlap
//! (IDF-weighted Dice and containment) and character-level similarity (strsim's Sørensen-Dice
//! on bigrams); the best one-to-one matches above a threshold are merged greedily into groups
//! holding at most one claim per source. Every claim ends in exactly one group.
//!
//! Statements are scored by a small fitted model ([`model`]), run only on pairs whose
//! probability can change the alignment; quotes by the overlap score above, with a path for
//! word-for-word runs. This is the only module that knows the
//! similarity library.

pub mod lexicon;
pub mod model;
mod wordnet_bucket;
mod wordnet_rules;

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::check::quote_speaker;
use crate::extract::numbers::{NumberKind, WEEKDAYS};
use crate::extract::{Claim, ClaimKind};
use crate::text;

/// A claim of one source: (source index, claim index within that source).
pub type ClaimRef = (usize, usize);

/// A sentence of one source: (source index, sentence index within that source).
type SentenceRef = (usize, usize);

/// Claims of different sources that say the same thing (or one claim alone).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The claims, at most one per source, ordered by source.
    pub claims: Vec<ClaimRef>,
    /// How alike the claims are, 0 to 1 (1 for a claim alone).
    pub score: f64,
}

/// Tuning of the matcher.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlignOptions {
    /// Lowest score at which two quotes are the same remark.
    pub quote_threshold: f64,
    /// Lowest score at which two quotes sharing a verbatim run (four words, or all of the
    /// shorter quote) are the same remark.
    pub verbatim_threshold: f64,
    /// Lowest probability (from the statement [`model`]) at which two statements are the same
    /// claim.
    pub statement_threshold: f64,
    /// Lowest overlap score at which two statements sharing two or more rare words (found in
    /// at most three claims of a comparison of twenty or more) are the same claim.
    pub rare_threshold: f64,
    /// Lowest probability (from the statement [`model`]) at which a quote and a statement
    /// (a paraphrase of it) are the same claim.
    pub mixed_threshold: f64,
    /// Lowest probability (from the statement [`model`]) at which two whole sentences say the
    /// same thing, so that their most alike claims align.
    pub sentence_threshold: f64,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            quote_threshold: 0.36,
            verbatim_threshold: 0.22,
            statement_threshold: 0.50,
            rare_threshold: 0.18,
            mixed_threshold: 0.50,
            sentence_threshold: 0.50,
        }
    }
}

/// What the matcher knows of one claim.
struct Features {
    kind: ClaimKind,
    /// Claims with the same text (exactly) have the same id: everything the score of a pair
    /// reads is a function of the two texts, so a pair of texts is scored once.
    text_id: u32,
    /// The content stems, without repeats, as ids numbering the comparison's stems in
    /// alphabetical order (so sorted as the stems are): comparing ids is comparing stems.
    stems: Vec<u32>,
    /// How many words the claim has.
    word_count: usize,
    /// Hashes of the claim's word keys, for the longest common run.
    word_ids: Vec<u64>,
    /// For each word, whether it is a plain content word: not a stop word, not capitalised.
    /// For quotes only (empty for a statement): only two quotes look for a verbatim run.
    plain: Vec<bool>,
    /// The key without white space and its character bigrams ([`Bigrams`]), made on first
    /// use: only pairs whose overlap score counts need them.
    bigrams: std::cell::OnceCell<Bigrams>,
    /// What the statement model needs, with the claim's key ([`model::Profile::folded`]).
    profile: model::Profile,
    /// How many days of the week the claim's numbers hold (the number reader's: not "Super
    /// Tuesday", "monday" or "Saturday Night Live"): at most so many days of its key may stand for
    /// other days in [`same_but_numbers`].
    weekdays: usize,
}

impl Features {
    /// The claim's [`text::key`].
    fn key(&self) -> &str {
        self.profile.folded()
    }

    /// The claim's key without white space and its character bigrams.
    fn bigrams(&self) -> &Bigrams {
        self.bigrams.get_or_init(|| Bigrams::of(self.key()))
    }
}

impl Bigrams {
    /// The bigrams of a key.
    fn of(key: &str) -> Bigrams {
        if !key.is_ascii() {
            return Bigrams::by_chars(key);
        }
        // A byte is its character: the white space taken out and the pairs read off the bytes
        // left.
        let bytes: Vec<u8> = key
            .bytes()
            .filter(|c| !matches!(c, b' ' | b'\t'..=b'\r'))
            .collect();
        let bigrams = bytes
            .windows(2)
            .map(|w| model::pack(u32::from(w[0]), u32::from(w[1])))
            .collect();
        // ASCII in, ASCII out: always valid UTF-8, so never lossy.
        let squeezed = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Bigrams { squeezed, bigrams }
    }

    /// [`Bigrams::of`] a key, read a character at a time.
    fn by_chars(key: &str) -> Bigrams {
        let mut squeezed = String::with_capacity(key.len());
        let mut bigrams: Vec<u64> = Vec::with_capacity(key.len());
        let mut last: Option<char> = None;
        for c in key.chars().filter(|c| !c.is_whitespace()) {
            squeezed.push(c);
            if let Some(l) = last {
                bigrams.push(model::pack(u32::from(l), u32::from(c)));
            }
            last = Some(c);
        }
        Bigrams { squeezed, bigrams }
    }
}

/// A claim's key without white space, and its character bigrams in order: the Sørensen-Dice
/// similarity of two claims (as `strsim::sorensen_dice` computes it) counted by
/// [`model::shared_counted`], without building a map of strings per pair.
struct Bigrams {
    squeezed: String,
    bigrams: Vec<u64>,
}

/// Every candidate pair of claims of different sources with its score, best first, whether or
/// not it reaches the threshold. Candidates come from the inverted index: claims sharing no
/// content word are never scored.
pub fn scored_pairs(sources: &[&[Claim]]) -> Vec<(f64, ClaimRef, ClaimRef)> {
    let (features, stems) = features_of(sources, &[], Cut::default());
    let pairs = scored(&features, stems, None);
    in_rank(&pairs).map(|c| (c.score, c.a, c.b)).collect()
}

/// A candidate pair of claims as the aligner ranks it.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// What the pair ranks by: its own score, or more when its sentences vouch for it.
    score: f64,
    /// Its own score ([`Parts::kind_score`]).
    own: f64,
    a: ClaimRef,
    b: ClaimRef,
    parts: Parts,
    /// The claims' keys as ranks among the comparison's keys, lower first ([`key_ranks`]):
    /// ordering these is ordering the keys.
    tie: (u32, u32),
    /// Whether `parts.probability` is the model's. When not, a bound showed the probability
    /// below every threshold this pair can use (see [`Floors`]), the model was not run, and the
    /// probability is left at 0, and so is `parts.chars` for two statements that cannot pass on
    /// rare words: such a pair is kept only if its sentences vouch for it, which makes it exact
    /// first. Two quotes whose overlap score keeps them from aligning are left unscored too;
    /// their probability is asked for only if a group would hold both (see [`Lazy`]).
    /// (`parts.run` is only computed for two quotes, which alone use it, and only when their
    /// overlap score leaves it to decide ([`Floors::run_decides`]);
    /// `parts.chars` only for two claims of the same kind: a quote and a statement are ranked
    /// and kept by the model's probability alone.)
    exact: bool,
}

impl Candidate {
    /// The order of the ranking, best first: by score; then by the claims' texts, so that
    /// source order does not matter; then by own score (a pair raised by its sentences after
    /// one equal to it) and by the claims.
    fn rank(&self, other: &Candidate) -> std::cmp::Ordering {
        self.rank_key().cmp(&other.rank_key())
    }

    /// What [`Candidate::rank`] orders by, as integers: the scores as [`total_order`] gives
    /// them (complemented: the higher first), the keys' ranks, the claims.
    fn rank_key(&self) -> (u64, u64, u64, ClaimRef, ClaimRef) {
        (
            !total_order(self.score),
            model::pack(self.tie.0, self.tie.1),
            !total_order(self.own),
            self.a,
            self.b,
        )
    }

    /// Runs the model on the pair if it has not been.
    fn make_exact(&mut self, features: &[Vec<Features>]) {
        if self.exact {
            return;
        }
        let (fa, fb) = (&features[self.a.0][self.a.1], &features[self.b.0][self.b.1]);
        self.parts.probability = model::probability(&model::features(&fa.profile, &fb.profile));
        if fa.kind == fb.kind {
            self.parts.chars = chars_part(fa, fb);
        }
        self.own = self.parts.kind_score(fa.kind, fb.kind);
        self.score = self.own;
        self.exact = true;
    }
}

/// The candidates in the order of [`Candidate::rank`], best first. Their keys are sorted beside
/// their indices, not the candidates themselves (large to move); no two keys are equal, so the
/// order is the rank's.
fn in_rank(candidates: &[Candidate]) -> impl Iterator<Item = &Candidate> {
    let mut order: Vec<_> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (c.rank_key(), i))
        .collect();
    order.sort_unstable();
    order.into_iter().map(move |(_, i)| &candidates[i])
}

/// A number that orders as [`f64::total_cmp`] orders `x`: its bits, with those of a negative
/// number flipped below the sign (so that the more negative is the smaller) and the sign bit
/// flipped (so that negatives come before positives).
fn total_order(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// The lowest model probability each pair of claims can make use of in an alignment: below
/// it, the pair's fate is the same whatever its exact probability, so the model need not run
/// (see [`model::probability_from`]).
struct Floors {
    options: AlignOptions,
    /// Whether the comparison is large enough for rare words to count.
    rarity: bool,
    /// Whether two quotes whose overlap score keeps them apart whatever the model says are
    /// left unscored, their probability asked for only if a group would join them (see
    /// [`Lazy`]). Not with many sources, where the quotes alike are gathered by text first.
    lazy_quotes: bool,
}

impl Floors {
    /// The floor for claims of kinds `a` and `b` with these parts (all but the probability).
    fn floor(&self, a: ClaimKind, b: ClaimKind, parts: &Parts) -> f64 {
        let o = &self.options;
        match (a, b) {
            // Two quotes: the probability only decides whether they may be one remark.
            (ClaimKind::Quote, ClaimKind::Quote) => QUOTE_MIN_PROBABILITY,
            // Two statements the same but for their numbers are kept whatever the model says,
            // and ranked by the higher of its probability and their overlap score: all of it
            // counts.
            (ClaimKind::Statement, ClaimKind::Statement) if parts.numbers_only => 0.0,
            // Other two statements: aligned on the model's word, or on rare words with the
            // probability counting in their score only when above the overlap score.
            (ClaimKind::Statement, ClaimKind::Statement) => {
                if self.rarity && parts.rare >= 2 && parts.score() >= o.rare_threshold {
                    o.statement_threshold.min(parts.score())
                } else {
                    o.statement_threshold
                }
            }
            _ => o.mixed_threshold,
        }
    }

    /// Whether two quotes' verbatim run ([`Parts::run`]) can decide anything: only when their
    /// overlap score is enough with a verbatim run and not without. Otherwise it is left at 0.
    fn run_decides(&self, parts: &Parts) -> bool {
        let (o, score) = (&self.options, parts.score());
        score >= o.verbatim_threshold && score < o.quote_threshold
    }

    /// Whether two quotes with these parts may align, as far as their overlap score goes: if
    /// not, their probability only says whether a group may hold both (see [`Lazy`]).
    fn quotes_may_align(&self, parts: &Parts) -> bool {
        let o = &self.options;
        parts.score() >= o.quote_threshold
            || (parts.verbatim_run() && parts.score() >= o.verbatim_threshold)
    }
}

/// Whether two quotes may be one remark (the model's probability at least
/// [`QUOTE_MIN_PROBABILITY`]), for the pairs [`scored`] left without the model because their
/// overlap score keeps them from aligning by themselves: a group may still reach both through
/// other claims, and only then is the model run, once a pair. The answer is the one the model
/// would have given in `scored`: the same call, on the claims in the same order.
struct Lazy<'f> {
    features: &'f [Vec<Features>],
    /// Each pair left unscored, both ways round: the pair as scored, and its shared stems.
    pending: HashMap<(ClaimRef, ClaimRef), (ClaimRef, ClaimRef, usize)>,
    /// The answers given so far.
    known: std::cell::RefCell<HashMap<(ClaimRef, ClaimRef), bool>>,
}

impl<'f> Lazy<'f> {
    fn new(features: &'f [Vec<Features>], candidates: &[Candidate]) -> Lazy<'f> {
        let quote = |r: &ClaimRef| features[r.0][r.1].kind == ClaimKind::Quote;
        let pending = candidates
            .iter()
            .filter(|c| !c.exact && quote(&c.a) && quote(&c.b))
            .flat_map(|c| {
                let v = (c.a, c.b, c.parts.shared);
                [((c.a, c.b), v), ((c.b, c.a), v)]
            })
            .collect();
        Lazy {
            features,
            pending,
            known: Default::default(),
        }
    }

    /// Whether `x` and `y`, a pair left unscored, may be one remark; `false` for any other.
    fn alike(&self, x: ClaimRef, y: ClaimRef) -> bool {
        let Some(&(a, b, shared)) = self.pending.get(&(x, y)) else {
            return false;
        };
        *self.known.borrow_mut().entry((a, b)).or_insert_with(|| {
            let (fa, fb) = (&self.features[a.0][a.1], &self.features[b.0][b.1]);
            model::probability_knowing(
                &fa.profile,
                &fb.profile,
                QUOTE_MIN_PROBABILITY,
                Some(shared),
            )
            .is_some_and(|p| p >= QUOTE_MIN_PROBABILITY)
        })
    }
}

/// The matcher's view of every claim, and how many distinct stems they have (their ids run from
/// 0 to that). A claim that is its whole sentence takes the sentence's words from `cut`
/// (`cut[s][i]`: sentence `i` of source `s`, whose text is `sentences[s][i]`) when given,
/// instead of cutting it again.
fn features_of(
    sources: &[&[Claim]],
    sentences: &[Vec<&str>],
    cut: Cut,
) -> (Vec<Vec<Features>>, usize) {
    // Room from the start (a claim has a few distinct content stems of its own), so that the
    // maps are not grown and hashed again as they fill.
    let claims: usize = sources.iter().map(|c| c.len()).sum();
    let mut text_ids: HashMap<&str, u32> =
        HashMap::with_capacity_and_hasher(claims, Default::default());
    // The text of every content stem, by hash.
    let mut stem_texts: HashMap<u64, std::rc::Rc<str>> =
        HashMap::with_capacity_and_hasher(4 * claims, Default::default());
    // Each claim's features, with its stems as hashes until they are numbered.
    let mut with_stems: Vec<Vec<(Features, Vec<u64>)>> = Vec::with_capacity(sources.len());
    for (s, claims) in sources.iter().enumerate() {
        let mut fs = Vec::with_capacity(claims.len());
        for c in claims.iter() {
            let next = text_ids.len() as u32;
            let text_id = *text_ids.entry(c.text.as_str()).or_insert(next);
            // A claim that is its sentence, or a piece of it with clean edges, takes its words
            // from the sentence's instead of cutting them again.
            let written =
                sentence_cut(sentences, cut.words, (s, c.sentence)).and_then(|(t, written)| {
                    if t == c.text {
                        return Some(written.as_slice());
                    }
                    // Where the claim's range falls in its sentence, when its text is that
                    // stretch of the sentence.
                    let start = *cut.starts.get(s)?.get(c.sentence)?;
                    let at = c.range.start.checked_sub(start)?;
                    let range = at..at + c.text.len();
                    if t.get(range.clone())? != c.text {
                        return None;
                    }
                    text::words_within_at(t, written, range).map(|at| &written[at])
                });
            let words = match written {
                Some(written) => model::Words::cut(&c.text, written),
                None => model::Words::new(&c.text),
            };
            let word_ids = words.keys.iter().map(|w| model::hash(w)).collect();
            // Only two quotes look for a verbatim run (`wording_run`), which reads these.
            let plain = if c.kind == ClaimKind::Quote {
                words
                    .written
                    .iter()
                    .zip(&words.keys)
                    .map(|(w, k)| !text::is_capitalised(w.text) && !text::is_stop_word(k))
                    .collect()
            } else {
                Vec::new()
            };
            let word_count = words.keys.len();
            let mut stems = Vec::with_capacity(word_count);
            let out = model::StemsOut {
                hashes: &mut stems,
                texts: &mut stem_texts,
            };
            let f = Features {
                kind: c.kind,
                text_id,
                stems: Vec::new(),
                word_ids,
                plain,
                word_count,
                bigrams: std::cell::OnceCell::new(),
                profile: model::Profile::of(words, &c.numbers, Some(out)),
                weekdays: c
                    .numbers
                    .iter()
                    .filter(|n| n.kind == NumberKind::Weekday)
                    .count(),
            };
            fs.push((f, stems));
        }
        with_stems.push(fs);
    }
    // Stem ids: each stem's rank among all the comparison's stems, in alphabetical order.
    // Sorted by their first eight bytes as a number first (`key8`: the same order as the
    // strings' where it differs), so that most comparisons compare no strings.
    let mut all: Vec<(u64, &str, u64)> = stem_texts
        .iter()
        .map(|(h, t)| (wordnet_bucket::key8(t), &**t, *h))
        .collect();
    all.sort_unstable();
    let id_of: HashMap<u64, u32> = all
        .iter()
        .enumerate()
        .map(|(i, (_, _, h))| (*h, i as u32))
        .collect();
    let features = with_stems
        .into_iter()
        .map(|fs| {
            fs.into_iter()
                .map(|(f, hashes)| {
                    let mut stems: Vec<u32> = hashes.iter().map(|h| id_of[h]).collect();
                    stems.sort_unstable();
                    stems.dedup();
                    Features { stems, ..f }
                })
                .collect()
        })
        .collect();
    (features, all.len())
}

/// A sentence's text and its words, when both are given.
fn sentence_cut<'w, 'd>(
    sentences: &[Vec<&'d str>],
    cut: &'w [Vec<Vec<text::Word<'d>>>],
    (s, i): SentenceRef,
) -> Option<(&'d str, &'w Vec<text::Word<'d>>)> {
    let t = sentences.get(s)?.get(i)?;
    Some((t, cut.get(s)?.get(i)?))
}

/// How much each stem of a claim weighs in a comparison of `total` claims where `df` gives a
/// stem's document frequency.
struct Weights {
    /// The inverse document frequency of each stem, in the order of `Features::stems`.
    idf: Vec<f64>,
    /// For each stem, whether it is rare (in at most [`RARE_DF`] claims).
    rare: Vec<bool>,
    /// The sum of `idf`.
    sum: f64,
}

fn weights(features: &[Vec<Features>], df: &[usize]) -> Vec<Vec<Weights>> {
    let total: usize = features.iter().map(Vec::len).sum();
    features
        .iter()
        .map(|fs| {
            fs.iter()
                .map(|f| {
                    let idf: Vec<f64> = f
                        .stems
                        .iter()
                        .map(|s| (1.0 + total as f64 / df[*s as usize].max(1) as f64).ln())
                        .collect();
                    Weights {
                        sum: idf.iter().sum(),
                        idf,
                        rare: f.stems.iter().map(|s| df[*s as usize] <= RARE_DF).collect(),
                    }
                })
                .collect()
        })
        .collect()
}

/// Every candidate pair of claims of different sources, scored, in the order of the claims.
/// With `floors`, the model runs only on pairs that may reach their floor; without, on all.
fn scored(features: &[Vec<Features>], stems: usize, floors: Option<&Floors>) -> Vec<Candidate> {
    // Each stem's document frequency over all claims, and the inverted index, by stem id: the
    // claims of stem `i` are `postings[starts[i]..starts[i + 1]]`, in the order of the claims.
    let mut df: Vec<usize> = vec![0; stems];
    for f in features.iter().flatten() {
        for stem in &f.stems {
            df[*stem as usize] += 1;
        }
    }
    let mut starts: Vec<usize> = Vec::with_capacity(stems + 1);
    starts.push(0);
    for n in &df {
        starts.push(starts[starts.len() - 1] + n);
    }
    let mut postings: Vec<ClaimRef> = vec![(0, 0); starts[stems]];
    let mut next = starts.clone();
    for (s, fs) in features.iter().enumerate() {
        for (c, f) in fs.iter().enumerate() {
            for stem in &f.stems {
                postings[next[*stem as usize]] = (s, c);
                next[*stem as usize] += 1;
            }
        }
    }
    let index = starts.windows(2).map(|w| &postings[w[0]..w[1]]);
    let weights = weights(features, &df);

    // Candidate pairs: claims of different sources sharing a stem. Stems in many claims (the
    // story's subject) make no candidates by themselves, so the work stays near linear.
    // Each pair as one number: the two claims' places in the order of the claims (`claim_at`
    // gives the claim back), the first in the high half, so that sorting the numbers sorts the
    // pairs (cheaper than sorting pairs of pairs).
    let mut first: Vec<usize> = Vec::with_capacity(features.len());
    let mut claim_at: Vec<ClaimRef> = Vec::with_capacity(features.iter().map(Vec::len).sum());
    for (s, fs) in features.iter().enumerate() {
        first.push(claim_at.len());
        claim_at.extend((0..fs.len()).map(|c| (s, c)));
    }
    debug_assert!(claim_at.len() <= u32::MAX as usize);
    let pack = |a: &ClaimRef, b: &ClaimRef| -> u64 {
        let (x, y) = ((first[a.0] + a.1) as u32, (first[b.0] + b.1) as u32);
        model::pack(x.min(y), x.max(y))
    };
    let cap = posting_cap(features.len());
    let many = features.len() > MANY_SOURCES;
    let mut shared: Vec<u64> = Vec::new();
    let text_of = |r: &ClaimRef| features[r.0][r.1].text_id;
    for refs in index.filter(|r| r.len() <= cap) {
        // With many sources, claims written identically are linked below, once each; here two
        // claims of each text stand for all of them (two, in case one shares a source).
        let picked: Cow<[ClaimRef]> = if many {
            let mut kept: HashMap<u32, usize> = HashMap::default();
            refs.iter()
                .filter(|r| {
                    let n = kept.entry(text_of(r)).or_insert(0);
                    *n += 1;
                    *n <= 2
                })
                .copied()
                .collect()
        } else {
            Cow::Borrowed(refs)
        };
        for (i, a) in picked.iter().enumerate() {
            for b in &picked[i + 1..] {
                if a.0 != b.0 {
                    shared.push(pack(a, b));
                }
            }
        }
    }
    // Claims written identically are always candidates, whatever their words (a line of
    // symbols or of a script without stems, or a subject stem too common to index): the runs
    // of equal keys in the claims sorted by key.
    let (by_key, key_rank) = key_ranks(features);
    let same_text = by_key.chunk_by(|x, y| key_rank[x.0][x.1] == key_rank[y.0][y.1]);
    for refs in same_text {
        if many {
            // Linked to the first of another source, not to each other: the group they make is
            // the same, and the pairs stay linear in the number of sources.
            for b in &refs[1..] {
                if let Some(a) = refs.iter().find(|a| a.0 != b.0) {
                    shared.push(pack(a, b));
                }
            }
        } else if refs.len() <= cap {
            for (i, a) in refs.iter().enumerate() {
                for b in refs[i + 1..].iter().filter(|b| b.0 != a.0) {
                    shared.push(pack(a, b));
                }
            }
        }
    }
    shared.sort_unstable();
    shared.dedup();
    let mut pairs: Vec<Candidate> = Vec::with_capacity(shared.len());
    // Many sources repeat claims word for word: each ordered pair of texts (of given kinds,
    // which set the floor) is scored once.
    // A pair of texts each held by one claim alone is met once (the pairs are sorted and without
    // repeats): it is scored without being kept.
    type Scored = Option<(Parts, bool)>;
    let mut scored_texts: HashMap<(u32, u32, ClaimKind, ClaimKind), Scored> = HashMap::default();
    let mut holders: Vec<u32> = Vec::new();
    for f in features.iter().flatten() {
        let t = f.text_id as usize;
        if holders.len() <= t {
            holders.resize(t + 1, 0);
        }
        holders[t] += 1;
    }
    for (a, b) in shared.iter().map(|p| {
        let (a, b) = model::unpack(*p);
        (claim_at[a as usize], claim_at[b as usize])
    }) {
        let fa = &features[a.0][a.1];
        let fb = &features[b.0][b.1];
        let score = || parts(fa, fb, &weights[a.0][a.1], &weights[b.0][b.1], floors);
        let p = if holders[fa.text_id as usize] == 1 && holders[fb.text_id as usize] == 1 {
            score()
        } else {
            *scored_texts
                .entry((fa.text_id, fb.text_id, fa.kind, fb.kind))
                .or_insert_with(score)
        };
        if let Some((parts, exact)) = p {
            let own = parts.kind_score(fa.kind, fb.kind);
            let (ra, rb) = (key_rank[a.0][a.1], key_rank[b.0][b.1]);
            pairs.push(Candidate {
                score: own,
                own,
                a,
                b,
                parts,
                tie: (ra.min(rb), ra.max(rb)),
                exact,
            });
        }
    }
    pairs
}

/// Aligns the claims of several sources into groups, each claim judged by its own text.
pub fn align(sources: &[&[Claim]], options: &AlignOptions) -> Vec<Group> {
    align_in_context(sources, &[], options)
}

/// [`align_in_context`], given each sentence cut into words as well (`words[s][i]` is
/// [`text::words`] of `sentences[s][i]`, as extraction cut it), so that a claim that is its
/// whole sentence, and a sentence judged whole, are not cut again. The words are trusted (other
/// words would give other groups), so only [`crate::analyze`] calls it.
pub(crate) fn align_cut(
    sources: &[&[Claim]],
    sentences: &[Vec<&str>],
    words: &[Vec<Vec<text::Word>>],
    starts: &[Vec<usize>],
    options: &AlignOptions,
) -> Vec<Group> {
    let cut = Cut { words, starts };
    align_bounded(sources, sentences, cut, options, true)
}

/// What [`align_cut`] is given beyond the sentences: each sentence's words (`words[s][i]`) and
/// where it starts in its document's clean text (`starts[s][i]`, the offsets [`Claim::range`]
/// counts from); empty when not given.
#[derive(Clone, Copy, Default)]
struct Cut<'w, 'd> {
    words: &'w [Vec<Vec<text::Word<'d>>>],
    starts: &'w [Vec<usize>],
}

/// Aligns the claims of several sources into groups, knowing the sentences they come from:
/// `sentences[s][i]` is the text of sentence `i` of source `s` (a claim names its sentence in
/// [`Claim::sentence`]; a source without sentences given is judged claim by claim).
///
/// Two sentences the model rates as saying the same thing as wholes align their most alike
/// claims, even when the extractor split them differently (a quote and its narrative in one,
/// a paraphrase in the other).
pub fn align_in_context(
    sources: &[&[Claim]],
    sentences: &[Vec<&str>],
    options: &AlignOptions,
) -> Vec<Group> {
    align_bounded(sources, sentences, Cut::default(), options, true)
}

/// [`align_in_context`], with the model run only where its probability can matter when
/// `bounded` (as always outside tests), or on every candidate pair.
fn align_bounded(
    sources: &[&[Claim]],
    sentences: &[Vec<&str>],
    cut: Cut,
    options: &AlignOptions,
    bounded: bool,
) -> Vec<Group> {
    let (features, stems) = features_of(sources, sentences, cut);
    let total: usize = features.iter().map(Vec::len).sum();
    let many = sources.len() > MANY_SOURCES;
    let floors = Floors {
        options: *options,
        rarity: total >= MIN_CLAIMS_FOR_RARITY,
        lazy_quotes: !many,
    };
    let mut candidates = scored(&features, stems, bounded.then_some(&floors));
    let by_sentence = sentence_matches(
        sources,
        &features,
        sentences,
        cut.words,
        &mut candidates,
        options,
    );
    for &(i, p) in &by_sentence {
        let c = &mut candidates[i];
        let (ka, kb) = (features[c.a.0][c.a.1].kind, features[c.b.0][c.b.1].kind);
        let ranked = if ka == kb { p } else { p / 2.0 };
        c.score = c.score.max(ranked);
    }
    let sentence_pairs: HashSet<(ClaimRef, ClaimRef)> = by_sentence
        .iter()
        .map(|&(i, _)| (candidates[i].a, candidates[i].b))
        .collect();
    // Rank: a pair raised by its sentences takes its place among the rest.
    let scored: Vec<(f64, ClaimRef, ClaimRef, Parts)> = in_rank(&candidates)
        .map(|c| (c.score, c.a, c.b, c.parts))
        .collect();
    // Two quotes share a group only when they could be one remark by themselves: never through
    // a third claim (a statement paraphrasing each, or a quote like both).
    let is_quote = |r: &ClaimRef| features[r.0][r.1].kind == ClaimKind::Quote;
    let alike_quotes: HashSet<(ClaimRef, ClaimRef)> = scored
        .iter()
        .filter(|(_, a, b, p)| is_quote(a) && is_quote(b) && p.probability >= QUOTE_MIN_PROBABILITY)
        .flat_map(|(_, a, b, _)| [(*a, *b), (*b, *a)])
        .collect();
    let lazy = Lazy::new(&features, &candidates);
    // With many sources only some claims of each text are paired (see `scored`): quotes are
    // alike when their texts are, or when they are written identically.
    let text_of = |r: &ClaimRef| features[r.0][r.1].text_id;
    let alike_texts: HashSet<(u32, u32)> = if many {
        alike_quotes
            .iter()
            .map(|(a, b)| (text_of(a), text_of(b)))
            .collect()
    } else {
        Default::default()
    };
    // The part of `alike` that reads only the two claims' texts (so the merging of groups with
    // many sources may judge it once for all claims of each text).
    let alike_texts_of = |x: &ClaimRef, y: &ClaimRef| {
        alike_texts.contains(&(text_of(x), text_of(y))) || {
            let (kx, ky) = (features[x.0][x.1].key(), features[y.0][y.1].key());
            kx == ky && !kx.is_empty()
        }
    };
    let alike = |x: &ClaimRef, y: &ClaimRef| {
        alike_quotes.contains(&(*x, *y)) || lazy.alike(*x, *y) || (many && alike_texts_of(x, y))
    };
    // Every two claims of one group are a scored candidate pair (two content words in
    // common, or all of a short claim's), or are written identically: a statement does not
    // join another through a third it has next to nothing in common with ("Rice said on PBS"
    // / "Rice said ..." / "Obama has said ..."). With many sources only some claims of each
    // text are paired (see `scored`), so there the test is left to two quotes.
    let candidate_pairs: HashSet<(ClaimRef, ClaimRef)> = if many {
        HashSet::default()
    } else {
        let mut pairs = HashSet::with_capacity_and_hasher(2 * scored.len(), Default::default());
        pairs.extend(scored.iter().flat_map(|(_, a, b, _)| [(*a, *b), (*b, *a)]));
        pairs
    };
    let related = |x: &ClaimRef, y: &ClaimRef| {
        many || candidate_pairs.contains(&(*x, *y)) || {
            let (kx, ky) = (features[x.0][x.1].key(), features[y.0][y.1].key());
            kx == ky
        }
    };
    // Two quotes each source gives to a different person are one remark only when they are
    // nearly word for word the same (the same quote handed to another person, which
    // quote.speaker reports, perhaps reworded a little too); worded differently, they are two
    // people's remarks on one subject ("It's a power grab for the American people" / "a
    // power grab on behalf of the people"). So with a speaker found from a pronoun or from the
    // quotes around: two people saying much the same ("on the wrong side of history") is
    // common in a story, one remark worded differently and given to two people is not.
    // Whether two speakers' names are two people, once a pair of names: groups of many sources
    // ask it of every two of their quotes, and a story has few speakers.
    let two_people: std::cell::RefCell<HashMap<(&str, &str), bool>> = Default::default();
    // Whoever says them, two quotes with too few of their words in order are not paired
    // (`quote_speaker::mostly_in_order`), however high their overlap score or the model's
    // probability (the model reads paraphrase; a quote is someone's words): two remarks on one
    // subject. Like the overlap score, it decides which pairs start or join a group, not which
    // claims a group may hold: a copy of a much reworded quote with a word changed joins the
    // group of the quote it copies. Asked once a pair of texts.
    let in_order_of: std::cell::RefCell<HashMap<(u32, u32), bool>> = Default::default();
    // Each text's wording key, made when first asked for (text ids run from 0).
    let texts = features.iter().flatten().map(|f| f.text_id as usize + 1);
    let wording_keys: Vec<std::cell::OnceCell<Vec<String>>> =
        vec![Default::default(); texts.max().unwrap_or(0)];
    let wording_key = |r: &ClaimRef| {
        wording_keys[text_of(r) as usize]
            .get_or_init(|| crate::check::quote_wording::wording_key(&sources[r.0][r.1].text))
    };
    let in_order = |x: &ClaimRef, y: &ClaimRef| {
        // Written alike (typography and case aside), they are one quote's words.
        let (fx, fy) = (&features[x.0][x.1], &features[y.0][y.1]);
        let (tx, ty) = (text_of(x), text_of(y));
        fx.key() == fy.key()
            || *in_order_of
                .borrow_mut()
                .entry((tx.min(ty), tx.max(ty)))
                .or_insert_with(|| {
                    quote_speaker::mostly_in_order_keys(wording_key(x), wording_key(y))
                })
    };
    let two_remarks = |x: &ClaimRef, y: &ClaimRef| {
        let (cx, cy) = (&sources[x.0][x.1], &sources[y.0][y.1]);
        match (cx.speaker.as_deref(), cy.speaker.as_deref()) {
            (Some(sa), Some(sb)) => {
                sa != sb
                    && *two_people
                        .borrow_mut()
                        .entry((sa, sb))
                        .or_insert_with(|| !quote_speaker::one_person(sa, sb))
                    && {
                        // A phrase of a few words ("No collusion!") is common to many people:
                        // only written identically is it one remark given to two.
                        let (fx, fy) = (&features[x.0][x.1], &features[y.0][y.1]);
                        let (kx, ky) = (wording_key(x), wording_key(y));
                        if fx.word_count.min(fy.word_count) < FEW_WORDS {
                            // Their words, punctuation aside ("Yes, we can" / "Yes we can").
                            kx != ky
                        } else {
                            !quote_speaker::nearly_verbatim_keys(kx, ky)
                        }
                    }
            }
            _ => false,
        }
    };
    let compatible = |xs: &[ClaimRef], ys: &[ClaimRef]| {
        xs.iter().all(|x| {
            ys.iter().all(|y| {
                x.0 != y.0
                    && related(x, y)
                    && (!is_quote(x) || !is_quote(y) || (alike(x, y) && !two_remarks(x, y)))
            })
        })
    };
    let pairs = scored
        .into_iter()
        .filter(
            |(_, a, b, p)| match (features[a.0][a.1].kind, features[b.0][b.1].kind) {
                (ClaimKind::Quote, ClaimKind::Quote) => {
                    p.probability >= QUOTE_MIN_PROBABILITY
                        && (p.score() >= options.quote_threshold
                            || (p.verbatim_run() && p.score() >= options.verbatim_threshold))
                        && one_word_enough(p, &features[a.0][a.1], &features[b.0][b.1])
                        && !two_remarks(a, b)
                        && in_order(a, b)
                }
                (ClaimKind::Statement, ClaimKind::Statement)
                    if sentence_pairs.contains(&(*a, *b)) =>
                {
                    true
                }
                (ClaimKind::Statement, ClaimKind::Statement) => {
                    p.numbers_only
                        || p.probability >= options.statement_threshold
                        || (total >= MIN_CLAIMS_FOR_RARITY
                            && p.rare >= 2
                            && p.score() >= options.rare_threshold)
                }
                // A quote and a statement, by the model or by their sentences: only with
                // enough of the content in common, as for two quotes.
                _ => {
                    (p.probability >= options.mixed_threshold || sentence_pairs.contains(&(*a, *b)))
                        && mixed_may_align(p, &features[a.0][a.1], &features[b.0][b.1])
                }
            },
        )
        .map(|(s, a, b, _)| (s, a, b));
    // With many sources a group holds a claim of each of hundreds of sources, and `compatible`
    // on every claim of the group for each claim that joins it made the merging grow with the
    // square of the sources. There every two claims are related, so what `compatible` asks of
    // two groups is known from each as a whole ([`Members`]): no source in both, and each two
    // quotes alike and not two people's remarks, which for claims of one text given to one
    // speaker (`class_ok`, once a pair of such classes) is one answer: `alike_texts_of` and
    // `two_remarks` read only the texts and the speakers. Where it says no, every pair of the
    // two classes is asked as `compatible` asks it, so the answer is the same. (With many
    // sources that never turns a no into a yes: the claim-level likeness `alike_quotes` is
    // within `alike_texts`, and `Lazy` asks the model the floor it failed. It is a safeguard.)
    let class_ok_of: std::cell::RefCell<HashMap<(QuoteClass, QuoteClass), bool>> =
        Default::default();
    let class_of = |r: &ClaimRef| (text_of(r), sources[r.0][r.1].speaker.as_deref());
    let class_ok = |x: &ClaimRef, y: &ClaimRef| {
        *class_ok_of
            .borrow_mut()
            .entry((class_of(x), class_of(y)))
            .or_insert_with(|| alike_texts_of(x, y) && !two_remarks(x, y))
    };
    let compatible_many = |gx: &Members, gy: &Members| {
        let (small, large) = if gx.sources.len() <= gy.sources.len() {
            (gx, gy)
        } else {
            (gy, gx)
        };
        small.sources.iter().all(|s| !large.sources.contains(s))
            && gx.quotes.iter().all(|(_, xs)| {
                gy.quotes.iter().all(|(_, ys)| {
                    class_ok(&xs[0], &ys[0])
                        || xs
                            .iter()
                            .all(|x| ys.iter().all(|y| alike(x, y) && !two_remarks(x, y)))
                })
            })
    };
    let members_of = |claims: &[ClaimRef]| {
        let mut m = Members::default();
        for c in claims {
            m.add(*c, is_quote(c).then(|| class_of(c)));
        }
        m
    };
    // Greedy merging with at most one claim per source in a group.
    let mut group_of: HashMap<ClaimRef, usize> = HashMap::default();
    let mut groups: Vec<(Vec<ClaimRef>, Vec<f64>)> = Vec::new();
    // Each group's [`Members`], with many sources only (pushed with `groups`, index for index).
    let mut members: Vec<Members> = Vec::new();
    for (score, a, b) in pairs {
        match (group_of.get(&a).copied(), group_of.get(&b).copied()) {
            (None, None) => {
                groups.push((vec![a, b], vec![score]));
                if many {
                    members.push(members_of(&[a, b]));
                }
                group_of.insert(a, groups.len() - 1);
                group_of.insert(b, groups.len() - 1);
            }
            (Some(g), None) | (None, Some(g)) => {
                let new = if group_of.contains_key(&a) { b } else { a };
                let joins = if many {
                    let new_members = members_of(&[new]);
                    let fits = compatible_many(&members[g], &new_members);
                    if fits {
                        members[g].extend(new_members);
                    }
                    fits
                } else {
                    compatible(&groups[g].0, &[new])
                };
                if joins {
                    groups[g].0.push(new);
                    groups[g].1.push(score);
                    group_of.insert(new, g);
                }
            }
            (Some(g), Some(h))
                if g != h
                    && if many {
                        compatible_many(&members[g], &members[h])
                    } else {
                        compatible(&groups[g].0, &groups[h].0)
                    } =>
            {
                let (moved, scores) = std::mem::take(&mut groups[h]);
                for c in &moved {
                    group_of.insert(*c, g);
                }
                groups[g].0.extend(moved);
                groups[g].1.extend(scores);
                groups[g].1.push(score);
                if many {
                    let moved = std::mem::take(&mut members[h]);
                    members[g].extend(moved);
                }
            }
            _ => {}
        }
    }
    let mut out: Vec<Group> = groups
        .into_iter()
        .filter(|(c, _)| !c.is_empty())
        .map(|(mut claims, scores)| {
            claims.sort();
            let score = scores.iter().sum::<f64>() / scores.len() as f64;
            Group { claims, score }
        })
        .collect();
    for (s, fs) in features.iter().enumerate() {
        for c in 0..fs.len() {
            if !group_of.contains_key(&(s, c)) {
                out.push(Group {
                    claims: vec![(s, c)],
                    score: 1.0,
                });
            }
        }
    }
    out.sort_by(|a, b| a.claims.cmp(&b.claims));
    out
}

/// A quote's text and speaker: two quotes' likeness by text and whether they are two people's
/// remarks depend on their classes alone (see [`Members`]).
type QuoteClass<'s> = (u32, Option<&'s str>);

/// What the merging of groups with many sources needs to know of a group: its sources, and its
/// quotes by [`QuoteClass`], in the order they joined.
#[derive(Default)]
struct Members<'s> {
    sources: HashSet<usize>,
    quotes: Vec<(QuoteClass<'s>, Vec<ClaimRef>)>,
}

impl<'s> Members<'s> {
    /// Adds a claim, with its class when it is a quote.
    fn add(&mut self, c: ClaimRef, class: Option<QuoteClass<'s>>) {
        self.sources.insert(c.0);
        if let Some(class) = class {
            self.add_quotes(class, vec![c]);
        }
    }

    /// Adds another group's members.
    fn extend(&mut self, other: Members<'s>) {
        self.sources.extend(other.sources);
        for (class, claims) in other.quotes {
            self.add_quotes(class, claims);
        }
    }

    /// Adds quotes of one class (a group has few classes: a list is enough).
    fn add_quotes(&mut self, class: QuoteClass<'s>, claims: Vec<ClaimRef>) {
        match self.quotes.iter_mut().find(|(k, _)| *k == class) {
            Some((_, mine)) => mine.extend(claims),
            None => self.quotes.push((class, claims)),
        }
    }
}

/// The claim pairs that two whole sentences vouch for: for each pair of sentences of
/// different sources of which at least one was split into several claims (or lost words to
/// the split), the scored pair of their claims the model rates highest, when the model rates
/// the two sentences as saying the same thing. Two quotes are never matched this way: quotes
/// are alike by their own words or not at all. Returns (index into `candidates`, probability
/// of the sentences); the model has run on every candidate pair of those sentences.
fn sentence_matches(
    sources: &[&[Claim]],
    features: &[Vec<Features>],
    sentences: &[Vec<&str>],
    cut: &[Vec<Vec<text::Word>>],
    candidates: &mut [Candidate],
    options: &AlignOptions,
) -> Vec<(usize, f64)> {
    if sentences.len() != sources.len() {
        return Vec::new();
    }
    // Each sentence's claims: how many, and the first (by index).
    let mut claims_of: Vec<Vec<(usize, usize)>> =
        sentences.iter().map(|t| vec![(0, 0); t.len()]).collect();
    for (s, claims) in sources.iter().enumerate() {
        for (i, c) in claims.iter().enumerate().rev() {
            if let Some(n) = claims_of[s].get_mut(c.sentence) {
                *n = (n.0 + 1, i);
            }
        }
    }
    // The one claim of a sentence that has one.
    let one_claim = |s: usize, i: usize| match claims_of[s].get(i) {
        Some(&(1, one)) => Some(one),
        _ => None,
    };
    // Sentences whose claims are not the whole sentence.
    let split: Vec<Vec<bool>> = claims_of
        .iter()
        .enumerate()
        .map(|(s, of)| {
            of.iter()
                .enumerate()
                .map(|(i, &(n, one))| match n {
                    0 => false,
                    1 => {
                        let t = sentences[s][i];
                        sources[s][one].text != t && features[s][one].key() != text::key(t)
                    }
                    _ => true,
                })
                .collect()
        })
        .collect();
    let split = |s: usize, i: usize| split[s].get(i).copied().unwrap_or(false);
    // A claim naming a sentence its source does not have (a library caller's) has no sentence
    // to judge whole.
    let known = |(s, i): SentenceRef| sentences[s].get(i).is_some();
    // The candidate pairs of each pair of sentences: (the sentences, the candidate), sorted.
    let mut members: Vec<((SentenceRef, SentenceRef), usize)> =
        Vec::with_capacity(candidates.len());
    for (i, c) in candidates.iter().enumerate() {
        let (a, b) = (c.a, c.b);
        let (ca, cb) = (&sources[a.0][a.1], &sources[b.0][b.1]);
        if ca.kind == ClaimKind::Quote && cb.kind == ClaimKind::Quote {
            continue;
        }
        let (sa, sb) = ((a.0, ca.sentence), (b.0, cb.sentence));
        if !split(sa.0, sa.1) && !split(sb.0, sb.1) {
            continue;
        }
        if !known(sa) || !known(sb) {
            continue;
        }
        members.push(((sa, sb), i));
    }
    members.sort_unstable();
    // Sentences whose candidate pairs are all a quote and a statement that cannot align (too
    // little content in common) vouch for nothing that could be kept, whichever pair is best:
    // their model is not run.
    let usable = |i: usize| {
        let c = &candidates[i];
        let (fa, fb) = (&features[c.a.0][c.a.1], &features[c.b.0][c.b.1]);
        fa.kind == fb.kind || mixed_may_align(&c.parts, fa, fb)
    };
    let mut kept = Vec::with_capacity(members.len());
    for group in members.chunk_by(|x, y| x.0 == y.0) {
        if group.iter().any(|&(_, i)| usable(i)) {
            kept.extend_from_slice(group);
        }
    }
    let members = kept;
    // A sentence that is one claim word for word has that claim's profile (a profile is a
    // function of the text alone).
    let mut profiles: Vec<Vec<Option<Cow<model::Profile>>>> = sentences
        .iter()
        .map(|t| (0..t.len()).map(|_| None).collect())
        .collect();
    for &((x, y), _) in &members {
        for (s, i) in [x, y] {
            profiles[s][i].get_or_insert_with(|| {
                let t = sentences[s][i];
                match one_claim(s, i) {
                    Some(one) if sources[s][one].text == t => {
                        Cow::Borrowed(&features[s][one].profile)
                    }
                    _ => {
                        let written = sentence_cut(sentences, cut, (s, i)).map(|(_, w)| w);
                        let numbers = crate::extract::numbers::find_cut(t, || written.cloned());
                        let words = match written {
                            Some(written) => model::Words::cut(t, written.as_slice()),
                            None => model::Words::new(t),
                        };
                        Cow::Owned(model::Profile::of(words, &numbers, None))
                    }
                }
            });
        }
    }
    let profile = |(s, i): SentenceRef| profiles[s][i].as_deref();
    let mut out = Vec::new();
    let threshold = options.sentence_threshold;
    for group in members.chunk_by(|x, y| x.0 == y.0) {
        let (sa, sb) = group[0].0;
        // Every sentence of `members` was given its profile above.
        debug_assert!(profile(sa).is_some() && profile(sb).is_some());
        let (Some(pa), Some(pb)) = (profile(sa), profile(sb)) else {
            continue;
        };
        let Some(p) = model::probability_from(pa, pb, threshold).filter(|p| *p >= threshold) else {
            continue;
        };
        // The pair the model rates highest; of equals, the first in rank.
        for &(_, i) in group {
            candidates[i].make_exact(features);
        }
        let best = group.iter().map(|&(_, i)| i).reduce(|x, y| {
            let (cx, cy) = (&candidates[x], &candidates[y]);
            let better = cy.parts.probability > cx.parts.probability
                || (cy.parts.probability == cx.parts.probability && cy.rank(cx).is_lt());
            if better { y } else { x }
        });
        out.extend(best.map(|i| (i, p)));
    }
    out
}

/// Whether a quote and a statement share enough of their content to be one claim, the model
/// aside: enough of the smaller one's content in the other ([`MIXED_MIN_CONTAINMENT`]), and
/// more than one content word unless [`one_word_enough`].
fn mixed_may_align(p: &Parts, a: &Features, b: &Features) -> bool {
    p.containment >= MIXED_MIN_CONTAINMENT && one_word_enough(p, a, b)
}

/// Whether two quotes (or a quote and a statement) sharing a single content word may still be
/// one remark: only when it is the only content word of each ("A circus?" / "What is this, the circus?") or when three
/// quarters of the shorter quote's words or more, function words included, are in the other
/// ("I wish I didn't have to do it" / "... didn't show to do it"). A short quote otherwise
/// shares one common word with too many remarks ("My man!" / "But I am also a black man.").
fn one_word_enough(p: &Parts, a: &Features, b: &Features) -> bool {
    if p.shared != 1 || (a.stems.len() == 1 && b.stems.len() == 1) {
        return true;
    }
    let sorted = |f: &Features| {
        let mut ids = f.word_ids.clone();
        ids.sort_unstable();
        ids
    };
    let words = model::shared_sorted(&sorted(a), &sorted(b));
    words * 4 >= a.word_count.min(b.word_count) * 3
}

/// Every claim of the comparison sorted by its key ([`Features::key`]; claims of one key in the
/// order of the claims), and each claim's key as a rank: the number of different keys before
/// it in that order, so that ranks compare as the keys do.
fn key_ranks(features: &[Vec<Features>]) -> (Vec<ClaimRef>, Vec<Vec<u32>>) {
    let mut by_key: Vec<ClaimRef> = features
        .iter()
        .enumerate()
        .flat_map(|(s, fs)| (0..fs.len()).map(move |c| (s, c)))
        .collect();
    let key = |r: &ClaimRef| features[r.0][r.1].key();
    by_key.sort_by(|x, y| key(x).cmp(key(y)));
    let mut ranks: Vec<Vec<u32>> = features.iter().map(|fs| vec![0; fs.len()]).collect();
    let mut rank = 0;
    for (i, r) in by_key.iter().enumerate() {
        if i > 0 && key(&by_key[i - 1]) != key(r) {
            rank += 1;
        }
        ranks[r.0][r.1] = rank;
    }
    (by_key, ranks)
}

/// A stem in more claims than [`posting_cap`] makes no candidate pairs by itself: such a stem
/// is the story's subject, and pairing every claim holding it would cost the square of the
/// input. A cap fixed for a number of sources keeps the candidate pairs linear in the size of
/// the sources (at most the cap times the stems of all claims), however large they are.
const POSTING_CAP: usize = 24;
/// Claims per source a stem may be in and still make candidates, with many sources: a claim
/// that every source makes has each of its stems in at least one claim per source, so a cap
/// that did not grow with the sources would leave it unaligned beyond 24 sources.
const POSTING_PER_SOURCE: usize = 2;

/// Beyond this many sources, claims written identically are paired once each rather than
/// all with all (up to it, every pair is scored as it always was).
const MANY_SOURCES: usize = POSTING_CAP / POSTING_PER_SOURCE;

/// The posting cap for a comparison of `sources` sources: [`POSTING_CAP`], or two claims per
/// source when that is more.
fn posting_cap(sources: usize) -> usize {
    POSTING_CAP.max(POSTING_PER_SOURCE * sources)
}
/// Two quotes the model gives less than this are different remarks, whatever words they
/// share.
const QUOTE_MIN_PROBABILITY: f64 = 0.1;
/// A quote and a statement are one claim only when at least this share of the smaller one's
/// content (IDF-weighted containment, [`Parts::containment`]) is in the other: the statement
/// model, fitted on sentence pairs that share many words, rates a long quote and a long
/// statement of the same story alike on its common words alone ("government", "Democrats").
/// On BASIL's agreements of a quote and a statement read by a person, 11 of the 12 wrong ones
/// held at most 0.155 (the twelfth 0.22) and the right ones at least 0.207.
const MIXED_MIN_CONTAINMENT: f64 = 0.18;
/// Two quotes given to different people, the shorter of fewer words than this, are one remark
/// only when written identically.
const FEW_WORDS: usize = 4;
/// Words in a row two quotes must share for the verbatim path.
const VERBATIM_RUN: usize = 4;
/// A stem in at most this many claims of the comparison is rare: sharing it is strong evidence.
const RARE_DF: usize = 3;
/// Rarity means something only in a comparison of at least this many claims: in two short
/// texts every word is rare.
const MIN_CLAIMS_FOR_RARITY: usize = 20;

/// Stems a claim needs for its containment in another to count in full.
const FULL_CONTAINMENT_STEMS: f64 = 6.0;
/// Character-bigram similarity of unrelated English sentences, roughly.
const CHAR_BASELINE: f64 = 0.35;

/// The evidence a score is made of.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Parts {
    /// IDF-weighted Dice coefficient of the content stems.
    pub dice: f64,
    /// IDF-weighted share of the smaller claim's stems found in the other, scaled down for
    /// fragments.
    pub containment: f64,
    /// Character-bigram Sørensen-Dice of the folded texts, above the baseline of unrelated text.
    pub chars: f64,
    /// Number of shared content stems.
    pub shared: usize,
    /// Number of shared stems that are rare in the comparison.
    pub rare: usize,
    /// Length in words of the longest run of words the two claims share, in order, holding
    /// two plain content words ([`Parts::verbatim_run`]); found for two quotes only, which
    /// alone use it (0 for other pairs).
    pub run: usize,
    /// Length in words of the shorter claim.
    pub shorter: usize,
    /// For statements, the model's probability that the two say the same thing.
    pub probability: f64,
    /// The two texts are the same but for their numbers ("due Feb. 5" / "due Feb. 4", "later
    /// Friday" / "later Thursday"): the same claim, whatever the model makes of a short
    /// sentence, with a number to compare.
    pub numbers_only: bool,
}

impl Parts {
    /// Does one claim repeat a stretch of the other word for word: four words or more making
    /// up a third of the shorter claim, or all of a shorter claim of two words or more ("very
    /// proud to announce")? A stock phrase ("of the United States") in two long quotes is not
    /// enough.
    pub fn verbatim_run(&self) -> bool {
        (self.run >= VERBATIM_RUN && self.run * 3 >= self.shorter)
            || (self.run >= 2 && self.run == self.shorter)
    }
}

impl Parts {
    /// The overlap score these parts make, 0 to 1.
    pub fn score(&self) -> f64 {
        0.55 * self.dice + 0.20 * self.containment + 0.25 * self.chars
    }

    /// The score that ranks (and describes) a match of claims of these kinds: the overlap
    /// score for two quotes; for two statements, the model's probability or the overlap
    /// score, whichever is higher (two statements matched on rare words are alike even when
    /// the model doubts it); half the probability for a quote and a statement, so that a
    /// quote finds its match among quotes first.
    pub fn kind_score(&self, a: ClaimKind, b: ClaimKind) -> f64 {
        match (a, b) {
            (ClaimKind::Quote, ClaimKind::Quote) => self.score(),
            (ClaimKind::Statement, ClaimKind::Statement) => self.probability.max(self.score()),
            _ => self.probability / 2.0,
        }
    }
}

/// The evidence that two claims say the same thing; `df` gives a stem's document frequency
/// among the `total` claims of the comparison. `None` when they share too little to compare.
/// With `floors`, only what the alignment can use is computed: the model runs only when the
/// probability may reach the pair's floor (see [`model::probability_from`]; the `bool` says
/// whether it did, and when not the probability is left at 0), the verbatim run is found only
/// when the overlap score leaves it to decide ([`Floors::run_decides`]), and the character part of the overlap
/// score is left at 0 where nothing reads it (see [`Candidate::exact`]). Without, everything
/// is computed (the verbatim run for two quotes: no other pair uses it).
fn parts(
    a: &Features,
    b: &Features,
    wa: &Weights,
    wb: &Weights,
    floors: Option<&Floors>,
) -> Option<(Parts, bool)> {
    // The same text, written the same way (typography and case aside), is the same claim
    // whatever its words.
    let identical = a.key() == b.key() && !a.key().is_empty();
    if (wa.sum == 0.0 || wb.sum == 0.0) && !identical {
        return None;
    }
    let mut common = 0.0;
    let mut shared = 0;
    let mut rare = 0;
    // Both stem lists are sorted and without repeats: one merge finds the shared ones, in the
    // order of `a`'s (so that `common` sums in that order).
    let (mut i, mut j) = (0, 0);
    while i < a.stems.len() && j < b.stems.len() {
        let (x, y) = (a.stems[i], b.stems[j]);
        if x == y {
            common += wa.idf[i];
            shared += 1;
            rare += usize::from(wa.rare[i]);
        }
        i += usize::from(x <= y);
        j += usize::from(x >= y);
    }
    if shared < 2 && a.stems.len().min(b.stems.len()) > 2 && !identical {
        return None;
    }
    if identical {
        let p = Parts {
            dice: 1.0,
            containment: 1.0,
            chars: 1.0,
            shared,
            rare,
            run: a.word_count,
            shorter: a.word_count,
            probability: 1.0,
            numbers_only: false,
        };
        return Some((p, true));
    }
    let dice = 2.0 * common / (wa.sum + wb.sum);
    // Containment rewards a clause said inside a longer sentence, but a fragment of two or
    // three words is contained in too much to count fully.
    let smaller = a.stems.len().min(b.stems.len()) as f64;
    let containment = common / wa.sum.min(wb.sum) * (smaller / FULL_CONTAINMENT_STEMS).min(1.0);
    // The character part of the overlap score, the dearest, is left at 0 where an alignment
    // cannot use it (see `Candidate::exact`): a quote and a statement are judged by the model
    // alone, and two statements by the model alone unless they may pass on rare words, so
    // when the model is not run on them their score ranks nothing that is kept.
    let chars_used = floors.is_none_or(|f| {
        a.kind == b.kind && (a.kind == ClaimKind::Quote || (f.rarity && rare >= 2))
    });
    let mut p = Parts {
        dice,
        containment,
        chars: if chars_used { chars_part(a, b) } else { 0.0 },
        shared,
        rare,
        run: 0,
        shorter: a.word_count.min(b.word_count),
        probability: 0.0,
        // Only two statements use it: no byte walk for the other pairs.
        numbers_only: a.kind == ClaimKind::Statement
            && b.kind == ClaimKind::Statement
            && same_but_numbers(a.key(), b.key(), a.weekdays.min(b.weekdays)),
    };
    // A quote and a statement with too little of their content in common never align,
    // whatever the model says or their sentences vouch: their probability decides nothing,
    // so the model is not run (their sentences make it exact if they ask, as for any pair
    // left below its floor).
    if floors.is_some() && a.kind != b.kind && !mixed_may_align(&p, a, b) {
        return Some((p, false));
    }
    let quotes = a.kind == ClaimKind::Quote && b.kind == ClaimKind::Quote;
    if quotes && floors.is_none_or(|f| f.run_decides(&p)) {
        p.run = wording_run(a, b);
    }
    if floors.is_some_and(|f| quotes && f.lazy_quotes && !f.quotes_may_align(&p)) {
        return Some((p, false));
    }
    let floor = floors.map_or(0.0, |f| f.floor(a.kind, b.kind, &p));
    let probability = model::probability_knowing(&a.profile, &b.profile, floor, Some(shared));
    p.probability = probability.unwrap_or(0.0);
    if probability.is_some() && !chars_used && a.kind == b.kind {
        p.chars = chars_part(a, b);
    }
    Some((p, probability.is_some()))
}

/// Are two keys the same text but for their numbers ("due feb. 5" / "due feb. 14", "in court
/// later friday" / "in court later thursday"), each run of digits standing for any other and
/// each day of the week, as a whole word, for any other? At most `days` days may (as many as
/// the number reader found in each claim, so that a day it does not read, "super tuesday",
/// stands only for itself). Two keys without a digit or a day are not.
fn same_but_numbers(a: &str, b: &str, days: usize) -> bool {
    /// The length of the day of the week `s` starts with, as a whole word.
    fn day_at(s: &[u8]) -> Option<usize> {
        // Most words start with a letter no day starts with.
        if !matches!(s.first(), Some(b'm' | b't' | b'w' | b'f' | b's')) {
            return None;
        }
        WEEKDAYS
            .iter()
            .map(|d| d.as_bytes())
            .find(|d| {
                s.get(..d.len()).is_some_and(|w| w.eq_ignore_ascii_case(d))
                    && !s.get(d.len()).is_some_and(u8::is_ascii_alphabetic)
            })
            .map(|d| d.len())
    }
    let word_start = |s: &[u8], k: usize| k == 0 || !s[k - 1].is_ascii_alphabetic();
    // Digits glued to letters, or to letters and a hyphen, are part of a name ("f-35", "g7",
    // "covid-19"), not a number: they stand only for themselves.
    // (Looked at from the start of the run of digits `k` is in.)
    let in_a_name = |s: &[u8], k: usize| {
        let start = k - s[..k]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        match start.checked_sub(1).map(|p| s[p]) {
            Some(c) if c.is_ascii_alphabetic() => true,
            Some(b'-') => start >= 2 && s[start - 2].is_ascii_alphabetic(),
            _ => false,
        }
    };
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j, mut numbers, mut days_left) = (0, 0, false, days);
    while i < a.len() && j < b.len() {
        if a[i].is_ascii_digit() && b[j].is_ascii_digit() && !in_a_name(a, i) && !in_a_name(b, j) {
            while i < a.len() && a[i].is_ascii_digit() {
                i += 1;
            }
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            numbers = true;
        } else if days_left > 0
            && word_start(a, i)
            && word_start(b, j)
            && let Some(n) = day_at(&a[i..])
            && let Some(m) = day_at(&b[j..])
        {
            i += n;
            j += m;
            numbers = true;
            days_left -= 1;
        } else if a[i] == b[j] {
            i += 1;
            j += 1;
        } else {
            return false;
        }
    }
    numbers && i == a.len() && j == b.len()
}

/// The character part of two claims' overlap score: any two English sentences share some
/// character bigrams, so only what lies above that baseline says they are alike.
fn chars_part(a: &Features, b: &Features) -> f64 {
    let raw = sorensen_dice(a, b);
    ((raw - CHAR_BASELINE) / (1.0 - CHAR_BASELINE)).max(0.0)
}

/// How far apart two spellings of a word are: the Damerau-Levenshtein edit distance and the
/// Jaro-Winkler similarity (0 to 1), for the name checks.
pub fn spelling_distance(a: &str, b: &str) -> (usize, f64) {
    (
        strsim::damerau_levenshtein(a, b),
        strsim::jaro_winkler(a, b),
    )
}

/// The length of the longest run of equal consecutive items in `a` and `b`.
pub fn longest_common_run(a: &[String], b: &[String]) -> usize {
    longest_run_at(a, b).0
}

/// The longest run of equal consecutive items in `a` and `b`: its length and where it ends in
/// `a` and in `b` (one past its last item).
pub fn longest_run_at<T: PartialEq>(a: &[T], b: &[T]) -> (usize, usize, usize) {
    let mut best = (0, 0, 0);
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { 0 };
            if cur[j + 1] > best.0 {
                best = (cur[j + 1], i + 1, j + 1);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

/// The Sørensen-Dice similarity of the character bigrams of two claims' keys, white space
/// left out: what `strsim::sorensen_dice` computes (its length term counts bytes), from the
/// bigrams each claim keeps.
fn sorensen_dice(a: &Features, b: &Features) -> f64 {
    let (x, y) = (a.bigrams(), b.bigrams());
    if x.squeezed == y.squeezed {
        return 1.0;
    }
    if x.squeezed.len() < 2 || y.squeezed.len() < 2 {
        return 0.0;
    }
    let shared = model::shared_counted(&x.bigrams, &y.bigrams);
    (2 * shared) as f64 / (x.squeezed.len() + y.squeezed.len() - 2) as f64
}

/// The longest verbatim run two claims share, counted only when it holds two plain content
/// words: a shared name with its articles ("the Tea Party movement") is not shared wording.
/// Of two longest runs, the search finds the first in its first argument, so both orders are
/// tried: the run does not depend on which claim comes first.
fn wording_run(a: &Features, b: &Features) -> usize {
    // Only quotes have their plain-word flags (`features_of`).
    debug_assert!(a.kind == ClaimKind::Quote && b.kind == ClaimKind::Quote);
    let at_first_run = |a: &Features, b: &Features| {
        let (len, end, _) = longest_run_at(&a.word_ids, &b.word_ids);
        let plain = a.plain[end - len..end].iter().filter(|p| **p).count();
        if plain >= 2 || len == a.word_count.min(b.word_count) {
            len
        } else {
            0
        }
    };
    at_first_run(a, b).max(at_first_run(b, a))
}

/// Every candidate pair with the parts of its score, for tuning and explanation.
pub fn explain_pairs(sources: &[&[Claim]]) -> Vec<(ClaimRef, ClaimRef, Parts)> {
    let (features, stems) = features_of(sources, &[], Cut::default());
    let mut df = vec![0; stems];
    for f in features.iter().flatten() {
        for s in &f.stems {
            df[*s as usize] += 1;
        }
    }
    let weights = weights(&features, &df);
    let mut out = Vec::new();
    for (sa, fa) in features.iter().enumerate() {
        for (sb, fb) in features.iter().enumerate().skip(sa + 1) {
            for (ca, a) in fa.iter().enumerate() {
                for (cb, b) in fb.iter().enumerate() {
                    if let Some((p, _)) = parts(a, b, &weights[sa][ca], &weights[sb][cb], None) {
                        out.push(((sa, ca), (sb, cb), p));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A claim of a text, with the numbers the extractor reads in it.
    fn claim(kind: ClaimKind, text: &str) -> Claim {
        Claim {
            numbers: crate::extract::numbers::find(text),
            ..Claim::bare(kind, text)
        }
    }

    /// Aligns two lists of statements; checks which pairs end in one group.
    fn check(a: &[&str], b: &[&str], expected: &[(usize, usize)]) {
        check_kind(ClaimKind::Statement, a, b, expected);
    }

    /// [`check`] for claims of one kind.
    fn check_kind(kind: ClaimKind, a: &[&str], b: &[&str], expected: &[(usize, usize)]) {
        let ca: Vec<Claim> = a.iter().map(|t| claim(kind, t)).collect();
        let cb: Vec<Claim> = b.iter().map(|t| claim(kind, t)).collect();
        let groups = align(&[&ca, &cb], &AlignOptions::default());
        let mut got: Vec<(usize, usize)> = groups
            .iter()
            .filter(|g| g.claims.len() == 2)
            .map(|g| (g.claims[0].1, g.claims[1].1))
            .collect();
        got.sort();
        assert_eq!(got, expected, "{a:?} / {b:?}");
        let total: usize = groups.iter().map(|g| g.claims.len()).sum();
        assert_eq!(total, a.len() + b.len(), "every claim in exactly one group");
    }

    /// The verbatim run of two claims sharing two runs of the longest length is the same
    /// whichever comes first: the one with plain content words counts.
    #[test]
    fn the_run_does_not_depend_on_the_order() {
        let a = [claim(
            ClaimKind::Quote,
            "in the end of so big red fast cars",
        )];
        let b = [claim(
            ClaimKind::Quote,
            "big red fast cars and in the end of",
        )];
        let (f, _) = features_of(&[&a, &b], &[], Cut::default());
        assert_eq!(wording_run(&f[0][0], &f[1][0]), 4);
        assert_eq!(wording_run(&f[1][0], &f[0][0]), 4);
    }

    /// Two quotes sharing one content word are one remark when it is all the content of each,
    /// or when most of the shorter one's words are in the other; not when a short quote only
    /// shares a common word with a longer one.
    #[test]
    fn quotes_sharing_one_word_are_one_remark_only_when_most_words_are_shared() {
        for (a, b, expected) in [
            (
                "I wish I didn't have to do it.",
                "I wish I didn't show to do it.",
                true,
            ),
            ("A circus?", "What is this, the circus?", true),
            (
                "I wish I didn't have to.",
                "I wish I didn't have to do it at all, honestly.",
                true,
            ),
            ("But I am also a black man.", "My man!", false),
            (
                "Is that picture you?",
                "I didn't send that picture out.",
                false,
            ),
        ] {
            let want: &[(usize, usize)] = if expected { &[(0, 0)] } else { &[] };
            check_kind(ClaimKind::Quote, &[a], &[b], want);
        }
    }

    /// Two quotes are paired only with enough of their words in order
    /// ([`quote_speaker::mostly_in_order`]): two remarks on one subject share its words, not
    /// their order, however the overlap score and the model rate them.
    #[test]
    fn quotes_are_one_remark_only_with_half_their_words_in_order() {
        for (a, b, expected) in [
            // Different remarks on one subject.
            (
                "Cities are able to make choices with regard to parking permits such as residents' passes, permits and so on of various sorts can be decided city by city",
                "Permits of that sort may well be fine, and cities are able to make a rule for the choice of those sorts of permits",
                false,
            ),
            (
                "I am going to decide whether to run or not based only on what is good for the county's farmers and not on any offer.",
                "I told the governor that my only concern in entering the race or not was whether it was right for the county farmers and not some offer",
                false,
            ),
            // One remark reworded, a clause left out, or trimmed.
            (
                "In the first half we had the clearer openings and the better spells of pressure, but it comes down to finishing.",
                "In the first half we were probably the side that created the clearer openings.",
                true,
            ),
            (
                "I'm not somebody who worries too much about it; I train the same whether I take one free kick or two free kicks in a match",
                "No, I'm always somebody who trains for, if I take one free kick in a match, two free kicks, I always know what I want to do.",
                true,
            ),
            (
                "The council will never accept this plan for the harbour.",
                "The council will never accept this deal for the harbour.",
                true,
            ),
            (
                "rusted bridges scattered like broken toys",
                "scattered like broken toys across the valley",
                true,
            ),
        ] {
            let want: &[(usize, usize)] = if expected { &[(0, 0)] } else { &[] };
            check_kind(ClaimKind::Quote, &[a], &[b], want);
        }
    }

    /// A copy of a much reworded quote, a few words changed, joins the group of the quote it
    /// copies even with less than half its words in order with the other: the order test
    /// decides which pairs start or join a group, as the overlap score does, not which quotes
    /// a group may hold.
    #[test]
    fn a_changed_copy_joins_the_group_of_a_reworded_quote() {
        let texts = [
            "In the first half we had the clearer openings and the better spells of pressure, but it comes down to finishing.",
            "In the first half we were probably the side that created the clearer openings.",
            "In the opening half we were probably the team that made the clearer chances.",
        ];
        // The copy and the first have too little in order to be paired by themselves.
        assert!(!quote_speaker::mostly_in_order(texts[0], texts[2]));
        let claims: Vec<Vec<Claim>> = texts
            .iter()
            .map(|t| vec![claim(ClaimKind::Quote, t)])
            .collect();
        let sources: Vec<&[Claim]> = claims.iter().map(Vec::as_slice).collect();
        let groups = align(&sources, &AlignOptions::default());
        assert_eq!(groups.len(), 1, "{groups:?}");
    }

    /// Compares two articles (plain text) through the whole pipeline and checks whether the
    /// claim of the first whose text is `a` shares a group with the claim of the second whose
    /// text is `b`.
    fn check_together(first: &str, second: &str, (a, b): (&str, &str), expected: bool) {
        let inputs: Vec<crate::Input> = [first, second]
            .iter()
            .map(|t| crate::Input::new("x", crate::ingest::ingest_str(t, None)))
            .collect();
        let analysis = crate::analyze(&inputs, &crate::Options::default());
        let find = |s: usize, text: &str| {
            let claims = &analysis.extractions[s].claims;
            let i = claims.iter().position(|c| c.text == text);
            i.unwrap_or_else(|| panic!("no claim {text:?} in {claims:#?}"))
        };
        let (ia, ib) = (find(0, a), find(1, b));
        let together = analysis
            .groups
            .iter()
            .any(|g| g.claims.contains(&(0, ia)) && g.claims.contains(&(1, ib)));
        assert_eq!(together, expected, "{a:?} / {b:?}: {:?}", analysis.groups);
    }

    /// A quote and a statement are one claim when the statement says what the quote says; not
    /// when they share one word or the common words of the story, however the model rates
    /// them (by themselves, or as the sentences they are in).
    #[test]
    fn a_quote_and_a_statement_are_one_claim_only_with_enough_in_common() {
        for (first, second, pair, expected) in [
            (
                "The mayor said: \"We will fix every bridge in the county by next spring.\"",
                "The mayor promised to fix every bridge in the county by next spring.",
                (
                    "We will fix every bridge in the county by next spring.",
                    "The mayor promised to fix every bridge in the county by next spring.",
                ),
                true,
            ),
            (
                "He spoke of \"clarity about the city's core values.\"",
                "He spoke of keeping the clarity of the city's core values.",
                (
                    "clarity about the city's core values.",
                    "He spoke of keeping the clarity of the city's core values.",
                ),
                true,
            ),
            // The model rates these 0.67 and 0.68: "reason" is the stem of "reasonable".
            (
                "The mayor called the offer \"reasonable.\"",
                "But that was one reason many voters found it unfair.",
                (
                    "reasonable.",
                    "But that was one reason many voters found it unfair.",
                ),
                false,
            ),
            // The sentences, rated 0.62 as wholes, would align their best pair of claims.
            (
                "\"She has a lot of friends,\" the mayor said.",
                "That's a lot.",
                ("She has a lot of friends", "That's a lot."),
                false,
            ),
        ] {
            check_together(first, second, pair, expected);
        }
    }

    /// A long quote and a long statement of one story share its common words (here
    /// "teachers", "school", "Park"), and the model, which does not know what is common in the
    /// story, rates them 0.54; but what the quote says is not in the statement.
    #[test]
    fn a_quote_and_a_statement_sharing_the_story_s_common_words_are_two_claims() {
        let quote = "I am certain that a sensible settlement can be found, but not while Principal \
                     Park continues to keep whole wings of the school locked and Chair Ortiz \
                     refuses to seriously bargain with the Westfield Teachers.";
        let statement = "Teachers rejected the proposal before Park even announced it on Tuesday, \
                         however, maintaining that it did not go nearly far enough and that the \
                         principal ought to reopen the school before any bargaining over the \
                         contract proceeds.";
        let first = format!(
            "Teachers at the school walked out on Monday. Park met the teachers on Tuesday. \
             The school stayed shut. Ortiz said: \"{quote}\""
        );
        let second = format!(
            "Teachers at the school went on strike on Monday. {statement} Park wrote to the \
             teachers. The school board meets again on Friday."
        );
        check_together(&first, &second, (quote, statement), false);
    }

    /// Aligns the articles of each cluster (texts, format sniffed) with the model bounded and
    /// unbounded, and with the sentences' words handed over; the groups must be the same. Two
    /// quotes left unscored ([`Lazy`]) must be alike exactly when the full scoring rates them
    /// [`QUOTE_MIN_PROBABILITY`] or more. Returns how many such pairs were alike (so that a
    /// caller can tell the test reached that case).
    fn check_bound_changes_nothing(clusters: &[Vec<String>]) -> usize {
        let mut lazily_alike = 0;
        for (n, texts) in clusters.iter().enumerate() {
            let docs: Vec<_> = texts
                .iter()
                .map(|t| crate::ingest::ingest_str(t, None))
                .collect();
            let sentences: Vec<_> = docs.iter().map(crate::segment::segment).collect();
            let extractions: Vec<_> = docs
                .iter()
                .zip(&sentences)
                .map(|(d, s)| crate::extract::extract(d, s))
                .collect();
            let claims: Vec<&[Claim]> = extractions.iter().map(|e| e.claims.as_slice()).collect();
            let sentence_texts: Vec<Vec<&str>> = docs
                .iter()
                .zip(&sentences)
                .map(|(d, ss)| ss.iter().map(|s| &d.text[s.range.clone()]).collect())
                .collect();
            let options = AlignOptions::default();
            let bounded = align_bounded(&claims, &sentence_texts, Cut::default(), &options, true);
            let exact = align_bounded(&claims, &sentence_texts, Cut::default(), &options, false);
            assert_eq!(bounded, exact, "cluster {n}");
            // The sentences' words handed over, as `analyze` does, change nothing either.
            let words: Vec<_> = docs
                .iter()
                .zip(&sentences)
                .map(|(d, s)| crate::extract::sentence_words(d, s))
                .collect();
            let starts: Vec<Vec<usize>> = sentences
                .iter()
                .map(|ss| ss.iter().map(|s| s.range.start).collect())
                .collect();
            let cut = align_cut(&claims, &sentence_texts, &words, &starts, &options);
            assert_eq!(cut, exact, "cluster {n}, words given");
            // Each candidate scored with the bound and then made exact (as a pair its
            // sentences vouch for is) has the parts and score of the full scoring, but for the
            // word-for-word run, which only two quotes use, and the character part of a quote
            // and a statement's overlap score, which nothing uses.
            let (features, stems) = features_of(&claims, &[], Cut::default());
            let total: usize = features.iter().map(Vec::len).sum();
            let floors = Floors {
                options,
                rarity: total >= MIN_CLAIMS_FOR_RARITY,
                lazy_quotes: true,
            };
            let mut bounded = scored(&features, stems, Some(&floors));
            let full = scored(&features, stems, None);
            assert_eq!(bounded.len(), full.len(), "cluster {n}");
            let lazy = Lazy::new(&features, &bounded);
            for (c, f) in bounded.iter().zip(&full) {
                if lazy.pending.contains_key(&(c.a, c.b)) {
                    let alike = f.parts.probability >= QUOTE_MIN_PROBABILITY;
                    assert_eq!(lazy.alike(c.a, c.b), alike, "cluster {n}");
                    assert_eq!(lazy.alike(c.b, c.a), alike, "cluster {n}");
                    lazily_alike += usize::from(alike);
                }
            }
            for (c, f) in bounded.iter_mut().zip(&full) {
                c.make_exact(&features);
                let kinds = [c.a, c.b].map(|r| features[r.0][r.1].kind);
                let quotes = kinds == [ClaimKind::Quote; 2];
                let run = if quotes && floors.run_decides(&c.parts) {
                    c.parts.run
                } else {
                    f.parts.run
                };
                let chars = if kinds[0] == kinds[1] {
                    c.parts.chars
                } else {
                    f.parts.chars
                };
                let parts = Parts {
                    run,
                    chars,
                    ..c.parts
                };
                assert_eq!(
                    (c.a, c.b, parts, c.own),
                    (f.a, f.b, f.parts, f.own),
                    "cluster {n}"
                );
            }
        }
        lazily_alike
    }

    /// A claim naming a sentence its source does not have is aligned by its own text, without
    /// a panic, beside a claim of a split sentence.
    #[test]
    fn a_claim_of_an_unknown_sentence_is_judged_alone() {
        let text = "The council approved the new stadium budget on Monday night";
        let mut split = claim(ClaimKind::Statement, text);
        split.sentence = 0;
        let mut unknown = claim(ClaimKind::Statement, text);
        unknown.sentence = 7;
        let (a, b) = (vec![split], vec![unknown]);
        let sentences = vec![
            vec!["The council approved the new stadium budget on Monday night, after a vote."],
            vec!["Another sentence."],
        ];
        let groups = align_in_context(&[&a, &b], &sentences, &AlignOptions::default());
        assert_eq!(groups.len(), 1, "{groups:?}");
        assert_eq!(groups[0].claims, vec![(0, 0), (1, 0)]);
    }

    #[test]
    fn the_bounded_model_aligns_the_fixtures_as_the_full_model_does() {
        let read = |paths: &[&str]| -> Vec<String> {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
            paths
                .iter()
                .map(|p| std::fs::read_to_string(root.join(p)).unwrap())
                .collect()
        };
        let lazily_alike = check_bound_changes_nothing(&[
            read(&[
                "seeds/000_1d63caa255d4b3ee.txt",
                "seeds/003_8725cc8dd04a3928.txt",
            ]),
            read(&["synthetic/council-a.html", "synthetic/council-b.txt"]),
            read(&[
                "threeway/courier.txt",
                "threeway/gazette.txt",
                "threeway/herald.txt",
            ]),
        ]);
        assert!(lazily_alike > 0, "no quotes left unscored were alike");
    }

    /// Two statements the same but for their digits are kept whatever the model says, and
    /// ranked (and their group scored) by the higher of its probability and their overlap: the
    /// bounded model gives them the full model's probability even far below every threshold.
    #[test]
    fn statements_differing_only_in_digits_are_scored_in_full() {
        let pairs = [
            ("Score 3-1 Yankees.", "Score 4-2 Yankees."),
            ("Turnout was 41 percent.", "Turnout was 44 percent."),
            ("Due Feb. 5.", "Due Feb. 14."),
        ];
        let clusters: Vec<Vec<String>> = pairs
            .iter()
            .map(|(a, b)| vec![a.to_string(), b.to_string()])
            .collect();
        check_bound_changes_nothing(&clusters);
    }

    proptest::proptest! {
        /// A key's bigrams read off its bytes are those read a character at a time, white
        /// space of every kind taken out.
        #[test]
        fn ascii_bigrams_are_the_character_bigrams(key in "[a-zA-Z0-9 \t\n\x0b\x0c\r.,'-]{0,40}") {
            let (fast, chars) = (Bigrams::of(&key), Bigrams::by_chars(&key));
            proptest::prop_assert_eq!(fast.squeezed, chars.squeezed);
            proptest::prop_assert_eq!(fast.bigrams, chars.bigrams);
        }
    }

    /// The same on the 100 BASIL events (three reports each), when `../shared/data` is
    /// there; skipped otherwise.
    #[test]
    #[allow(clippy::print_stderr)] // a test saying why it skipped, as tests/basil.rs does
    fn the_bounded_model_aligns_basil_as_the_full_model_does() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/basil");
        let Ok(entries) = std::fs::read_dir(&root) else {
            eprintln!("skipped: {} is absent", root.display());
            return;
        };
        let mut events: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        events.sort();
        let clusters: Vec<Vec<String>> = events
            .iter()
            .filter(|e| e.is_dir())
            .take(100)
            .map(|event| {
                let mut files: Vec<_> = std::fs::read_dir(event)
                    .into_iter()
                    .flatten()
                    .filter_map(|f| f.ok().map(|f| f.path()))
                    .filter(|f| f.extension().is_some_and(|x| x == "txt"))
                    .collect();
                files.sort();
                files
                    .iter()
                    .filter_map(|f| std::fs::read_to_string(f).ok())
                    .collect()
            })
            .collect();
        check_bound_changes_nothing(&clusters);
    }

    proptest::proptest! {
        /// Scores order as integers as they do by `total_cmp`: zeros of both signs, the
        /// infinities, NaNs and subnormals included.
        #[test]
        fn scores_order_as_total_cmp_orders_them(
            x in proptest::num::f64::ANY, y in proptest::num::f64::ANY, bits in proptest::num::u64::ANY
        ) {
            for (x, y) in [(x, y), (x, f64::from_bits(bits)), (-0.0, 0.0), (f64::NAN, -f64::NAN)] {
                proptest::prop_assert_eq!(total_order(x).cmp(&total_order(y)), x.total_cmp(&y));
            }
        }
    }

    /// Two statements that are the same sentence but for a number are one claim, however
    /// short (the model rates this pair 0.46), so that the number is compared.
    #[test]
    fn statements_differing_only_in_a_number_are_one_claim() {
        check(
            &["The federal subpoenas are due Feb. 5."],
            &["The federal subpoenas are due Feb. 14."],
            &[(0, 0)],
        );
        assert!(same_but_numbers("due feb. 5", "due feb. 14", 0));
        assert!(same_but_numbers("5 of 12", "6 of 112", 0));
        assert!(!same_but_numbers("due feb. 5", "due mar. 5", 0));
        assert!(!same_but_numbers("due feb. 5", "due feb. 5 or 6", 0));
        assert!(!same_but_numbers("no digits", "no digits", 0));
        // A day of the week stands for any other, as a whole word.
        check(
            &["He appeared in court later Friday."],
            &["He appeared in court later Thursday."],
            &[(0, 0)],
        );
        assert!(same_but_numbers(
            "later friday's hearing",
            "later sunday's hearing",
            1
        ));
        assert!(!same_but_numbers("fridays", "sundays", 1));
        assert!(!same_but_numbers("a fridayx", "a sundayx", 1));
        assert!(!same_but_numbers("xmonday", "xtuesday", 1));
        // Digits that are part of a name stand only for themselves.
        assert!(!same_but_numbers("bought f-35 jets", "bought f-22 jets", 0));
        assert!(!same_but_numbers("the g7 met", "the g8 met", 0));
        assert!(!same_but_numbers("x12", "x13", 0));
        assert!(!same_but_numbers("f-35 jets", "f-36 jets", 0));
        assert!(same_but_numbers("won 2-1", "won 3-1", 0));
        // Only as many days as the number reader read in each claim.
        assert!(!same_but_numbers("later friday", "later sunday", 0));
        assert!(!same_but_numbers(
            "super tuesday on monday",
            "super friday on sunday",
            1
        ));
        for (a, b) in [
            ("Biden won Super Tuesday.", "Biden won Super Saturday."),
            (
                "The vote is set for monday.",
                "The vote is set for tuesday.",
            ),
        ] {
            check(&[a], &[b], &[]);
        }
        // A day with its part of the day written on is a day the reader reads.
        check(
            &["The jury met Friday-night."],
            &["The jury met Monday-night."],
            &[(0, 0)],
        );
    }

    /// Every two claims of a group have words in common: a claim alike to two others that
    /// share nothing does not make the three one group.
    #[test]
    fn a_group_holds_no_two_claims_with_nothing_in_common() {
        let filler = |s: usize| -> Vec<Claim> {
            (0..7)
                .map(|i| {
                    let t = format!("Filler line {s} number {i} about weather item{s}x{i} only.");
                    claim(ClaimKind::Statement, &t)
                })
                .collect()
        };
        let with = |t: &str, s: usize| {
            let mut v = vec![claim(ClaimKind::Statement, t)];
            v.extend(filler(s));
            v
        };
        let a = with("Zorblat and Quenmar signed the Vextor accord in Kalmin.", 0);
        let b = with("Zorblat and Quenmar signed it.", 1);
        let c = with("The Vextor accord was drafted in Kalmin.", 2);
        let groups = align(&[&a, &b, &c], &AlignOptions::default());
        let group_of = |r: ClaimRef| groups.iter().position(|g| g.claims.contains(&r));
        // The first claim of each source: a is alike to b and to c, b and c share nothing.
        assert!(group_of((0, 0)) == group_of((1, 0)) || group_of((0, 0)) == group_of((2, 0)));
        assert_ne!(group_of((1, 0)), group_of((2, 0)), "{groups:?}");
    }

    #[test]
    fn matching_claims_pair_up_one_to_one() {
        check(
            &[
                "The senator resigned on Thursday after the vote.",
                "Markets fell sharply in early trading.",
            ],
            &[
                "Stocks fell sharply in early trading on Monday.",
                "On Thursday the senator resigned following the vote.",
                "The weather was fine.",
            ],
            &[(0, 1), (1, 0)],
        );
    }
}
