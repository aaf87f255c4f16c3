//! The statement matcher's model: lexical features of a pair of texts and a logistic
//! regression over them that says how likely the two say the same thing.
//!
//! The features are word and character n-gram overlaps, word order (edit distance, longest
//! common subsequence), and what one text has that the other lacks (numbers, capitalised
//! names, content words). The weights were fitted on the tuning half of the Microsoft
//! Research Paraphrase Corpus (pairs with an even `#1 ID`) by `claimdiff-eval fit-mrpc`; see
//! ARCHITECTURE.md. Nothing of the corpus is kept but these weights.

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use super::lexicon;
use crate::extract::numbers::{Number, NumberKind, Value};
use crate::text;

/// How many features a pair has.
pub const FEATURES: usize = 43;

/// The names of the features, in order.
pub const NAMES: [&str; FEATURES] = [
    "word_f1",
    "word_min_share",
    "word_max_share",
    "bigram_f1",
    "bigram_min_share",
    "bigram_max_share",
    "trigram_f1",
    "trigram_min_share",
    "trigram_max_share",
    "fourgram_f1",
    "fourgram_min_share",
    "fourgram_max_share",
    "content_f1",
    "content_min_share",
    "content_max_share",
    "prefix5_f1",
    "prefix5_min_share",
    "prefix5_max_share",
    "char3_f1",
    "char3_min_share",
    "char3_max_share",
    "char4_f1",
    "char4_min_share",
    "char4_max_share",
    "word_edit_distance",
    "lcs_min_share",
    "lcs_max_share",
    "numbers_unmatched",
    "numbers_any",
    "names_unmatched",
    "content_unmatched_min",
    "content_unmatched_max",
    "length_ratio",
    "length_difference",
    "log_length",
    "related_f1",
    "related_min_share",
    "related_max_share",
    "related_unmatched_min",
    "related_unmatched_max",
    "related_only",
    "unmatched_run_min",
    "unmatched_run_max",
];

/// The fitted weights of the features, in the order of [`NAMES`], on their raw scale.
// BEGIN fitted weights (claimdiff-eval fit-mrpc --write)
pub const WEIGHTS: [f64; FEATURES] = [
    -1.516349, // word_f1
    0.321358,  // word_min_share
    -0.154589, // word_max_share
    0.228755,  // bigram_f1
    1.139614,  // bigram_min_share
    0.355499,  // bigram_max_share
    -1.490262, // trigram_f1
    -1.653636, // trigram_min_share
    -1.386071, // trigram_max_share
    -0.088349, // fourgram_f1
    -0.627447, // fourgram_min_share
    -0.228501, // fourgram_max_share
    -0.703841, // content_f1
    -0.608917, // content_min_share
    -1.058601, // content_max_share
    -0.148431, // prefix5_f1
    1.339317,  // prefix5_min_share
    1.657149,  // prefix5_max_share
    0.896838,  // char3_f1
    2.706774,  // char3_min_share
    0.780438,  // char3_max_share
    -0.899433, // char4_f1
    1.510600,  // char4_min_share
    -1.232672, // char4_max_share
    -1.131993, // word_edit_distance
    0.512098,  // lcs_min_share
    1.661940,  // lcs_max_share
    -0.278940, // numbers_unmatched
    0.322718,  // numbers_any
    0.059337,  // names_unmatched
    -0.064809, // content_unmatched_min
    -0.038794, // content_unmatched_max
    -7.776326, // length_ratio
    -0.480624, // length_difference
    2.601001,  // log_length
    0.097160,  // related_f1
    0.378166,  // related_min_share
    1.724243,  // related_max_share
    -0.085871, // related_unmatched_min
    -0.013221, // related_unmatched_max
    0.136620,  // related_only
    0.046496,  // unmatched_run_min
    -0.176456, // unmatched_run_max
];
/// The fitted intercept.
pub const BIAS: f64 = -2.449419;
// END fitted weights

/// Longest texts (in words) whose edit distance and common subsequence are computed exactly;
/// longer ones use their word overlap instead, so that a pathological claim stays cheap.
const MAX_ORDER_WORDS: usize = 400;

/// What the model needs of one text, computed once. Words, stems, n-grams and names are kept
/// as 64-bit hashes: the features only count equal items, and comparing integers is what makes
/// scoring thousands of candidate pairs cheap.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// The text's lists of hashes, one after another in one allocation (a profile is made for
    /// every claim, and most are dropped after a few comparisons), each ending where `ends`
    /// says: the stems of every word in order ([`Profile::stems`]); the same sorted, the word
    /// 1-grams ([`Profile::unigrams`]); the content stems, sorted, without repeats
    /// ([`Profile::content`]); the first five letters of every word, sorted, a looser stem
    /// ("acquisition", "acquired": [`Profile::prefixes`]); and the capitalised words other
    /// than the first, folded, sorted, without repeats ([`Profile::names`]).
    hashes: Vec<u64>,
    /// Where each list of `hashes` ends.
    ends: [usize; 5],
    /// Hashes of the word 2-, 3- and 4-grams, each sorted, made on first use
    /// ([`Profile::grams`]): most pairs are settled before their longer n-grams are compared.
    grams: std::sync::OnceLock<[Vec<u64>; 3]>,
    /// The folded text ([`text::key`]).
    folded: String,
    /// How many characters `folded` has (for [`Profile::chars_len`]).
    folded_chars: usize,
    /// The character 3-grams and 4-grams of `folded`, packed (or hashed), in the order of the
    /// text (counted against another text's by [`shared_counted`]): made on first use
    /// ([`Profile::chars`]), since most pairs are settled before their character n-grams are
    /// compared (a `OnceLock`, so that a profile can still be shared between threads).
    chars: std::sync::OnceLock<[Vec<u64>; 2]>,
    /// How many of the character 3-grams fall in each bucket ([`char3_bucket`]), made on first
    /// use; `None` for a text with more than 255 in one bucket (a line of one letter).
    char3_counts: std::sync::OnceLock<Option<Box<[u8; CHAR3_BUCKETS]>>>,
    /// The values of the numbers (but days of the week).
    numbers: Vec<Value>,
    /// The content words, in order.
    words: Vec<ContentWord>,
    /// The content words' stems and prefixes as bits ([`ContentWord::bits`]): a word of another
    /// text whose bits are not all here is the same as none of these words.
    word_bits: WordBits,
    /// The WordNet concept ids ([`lexicon::concepts`]) of every content word, word after word
    /// ([`Profile::concepts`]), then as many indices into `words`, the word of each
    /// ([`Profile::concept_word`]): one allocation for the two lists, always of even length.
    concepts_then_words: Vec<u32>,
    /// A number no other profile made by [`Profile::of`] has (a clone has its original's, as it
    /// has its content); 0 for one made otherwise.
    id: u64,
}

/// Where [`Profile::of`] puts the content stems of a text: their hashes in order, and the
/// text of each stem by hash (shared by all the texts of a comparison, so that each stem is
/// copied once).
pub(crate) struct StemsOut<'a> {
    /// The hashes of the content stems, in order.
    pub hashes: &'a mut Vec<u64>,
    /// The text of every stem seen, by hash.
    pub texts: &'a mut FxHashMap<u64, Rc<str>>,
}

/// A content word as the related-word matching sees it.
#[derive(Debug, Clone, Default)]
struct ContentWord {
    /// Hash of the Snowball stem.
    stem: u64,
    /// Hash of the first five letters for words of five letters or more, 0 for shorter ones
    /// (see [`ContentWord::new`]).
    prefix: u64,
}

impl ContentWord {
    /// A content word of this stem and prefix hashes. A prefix hash of 0 is taken as 1, so
    /// that 0 can stand for none (two prefixes hashing to 0 and 1 would count as the same).
    fn new(stem: u64, prefix: Option<u64>) -> ContentWord {
        ContentWord {
            stem,
            prefix: prefix.map_or(0, |p| p.max(1)),
        }
    }

    /// The same word, or the same stem or five-letter prefix; computed without branching, as
    /// [`match_words_into`] tries every pair.
    fn same(&self, other: &ContentWord) -> bool {
        (self.stem == other.stem) | ((self.prefix == other.prefix) & (self.prefix != 0))
    }

    /// The bits of a [`WordBits`] its stem and its prefix set.
    fn bits(&self) -> [usize; 2] {
        let bit = |h: u64| (h.wrapping_mul(SCRAMBLE) >> (64 - WORD_BITS.trailing_zeros())) as usize;
        [bit(self.stem), bit(self.prefix)]
    }

    /// Whether a word of a text whose words set `bits` may be the [`same`](ContentWord::same)
    /// as one of them: always when it is. (A prefix of 0, none, matches nothing, whatever its
    /// bit.)
    fn may_be_in(&self, bits: &WordBits) -> bool {
        let [s, p] = self.bits();
        let has = |i: usize| bits[i / 64] >> (i % 64) & 1 == 1;
        has(s) || (self.prefix != 0 && has(p))
    }
}

/// How many bits a text's [`WordBits`] has.
const WORD_BITS: usize = 256;

/// A set of bits, one for each stem and each prefix of a text's content words, where several
/// may share a bit: a filter on which words can be the same.
type WordBits = [u64; WORD_BITS / 64];

/// The [`WordBits`] of a text's content words.
fn word_bits(words: &[ContentWord]) -> WordBits {
    let mut bits = [0; WORD_BITS / 64];
    for i in words.iter().flat_map(ContentWord::bits) {
        bits[i / 64] |= 1 << (i % 64);
    }
    bits
}

/// What the model needs of one word part (a folded, lower-case word or a piece of a hyphenated
/// one): its stem and its WordNet concepts. Computed once per thread and word: the same words
/// come back in every claim and sentence of a story.
#[derive(Debug, Clone)]
struct Part {
    /// The Snowball stem (shared: a comparison keeps the stems of its texts without copying
    /// them).
    stem_text: Rc<str>,
    /// Hash of the Snowball stem.
    stem: u64,
    /// WordNet concept ids; empty for words with other than ASCII letters.
    concepts: Vec<u32>,
    /// Whether it is a stop word ([`text::is_stop_word`]).
    stop: bool,
    /// Whether it has a hyphen, so that its content words are its pieces.
    hyphenated: bool,
    /// Hash of its first five characters, for words of five characters or more.
    prefix: Option<u64>,
    /// Hash of its first five characters (all of them for a shorter word), as a profile's
    /// list of prefixes holds it.
    prefix_any: u64,
}

impl Part {
    fn new(part: &str) -> Part {
        let alphabetic = part.chars().all(|c| c.is_ascii_alphabetic());
        // A lemma of the WordNet table has both worked out already (by the build script).
        let known = if alphabetic {
            lexicon::lemma_part(part)
        } else {
            None
        };
        let (stem_text, concepts) = match known {
            Some((stem, concepts)) => (stem.to_string(), concepts),
            None if alphabetic => (text::stem(part), lexicon::concepts_of_other(part)),
            None => (text::stem(part), Vec::new()),
        };
        let prefix_any = hash(prefix5(part));
        Part {
            stem: hash(&stem_text),
            stem_text: stem_text.into(),
            concepts,
            stop: text::is_stop_word(part),
            hyphenated: part.contains('-'),
            prefix: (part.chars().count() >= 5).then_some(prefix_any),
            prefix_any,
        }
    }
}

/// The lists [`Profile::of`] fills before copying them into the profile, kept by each thread
/// from one profile to the next so that they are not allocated and grown for every text.
#[derive(Default)]
struct Scratch {
    stems: Vec<u64>,
    content: Vec<u64>,
    prefixes: Vec<u64>,
    names: Vec<u64>,
    concepts: Vec<u32>,
    concept_word: Vec<u32>,
}

impl Scratch {
    /// Empties the lists (keeping their room, up to a bound: a text of megabytes given to the
    /// library does not leave its lists for the thread's life).
    fn clear(&mut self) {
        /// The most room a list keeps between profiles.
        const MOST_KEPT: usize = 1 << 16;
        fn clear<T>(v: &mut Vec<T>) {
            v.clear();
            v.shrink_to(MOST_KEPT);
        }
        clear(&mut self.stems);
        clear(&mut self.content);
        clear(&mut self.prefixes);
        clear(&mut self.names);
        clear(&mut self.concepts);
        clear(&mut self.concept_word);
    }
}

thread_local! {
    /// [`Profile::of`]'s lists.
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Most words the per-thread cache holds before it starts afresh (about 20 MB at most).
const CACHE_WORDS: usize = 100_000;

/// Runs `f` on the cached [`Part`] of a word part, computing it on first use.
fn with_part<R>(part: &str, f: impl FnOnce(&Part) -> R) -> R {
    thread_local! {
        static PARTS: RefCell<FxHashMap<String, Part>> = RefCell::new(FxHashMap::default());
    }
    PARTS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(p) = cache.get(part) {
            return f(p);
        }
        if cache.len() >= CACHE_WORDS {
            cache.clear();
        }
        let computed = Part::new(part);
        let out = f(&computed);
        cache.insert(part.to_string(), computed);
        out
    })
}

/// A word's folded key without a possessive ending ("council's" → "council").
fn without_possessive(k: &str) -> &str {
    k.strip_suffix("'s")
        .or_else(|| k.strip_suffix('\''))
        .unwrap_or(k)
}

/// The first five characters of a key.
fn prefix5(k: &str) -> &str {
    match k.as_bytes().get(..5) {
        // Fewer than five bytes are fewer than five characters.
        None => k,
        // Five ASCII bytes are the first five characters.
        Some(first) if first.is_ascii() => &k[..5],
        Some(_) => k.char_indices().nth(5).map_or(k, |(i, _)| &k[..i]),
    }
}

/// [`match_words_into`] with lists of its own: (which words of `a` are matched, which of `b`,
/// how many matched through WordNet only).
#[cfg(test)]
fn match_words(a: &Profile, b: &Profile) -> (Vec<bool>, Vec<bool>, usize) {
    let mut m = Matching::default();
    let related = match_words_into(a, b, &mut m);
    (m.a, m.b, related)
}

/// Lists [`match_words_into`] fills in, kept by each thread from one pair to the next so that
/// a pair allocates nothing.
#[derive(Default)]
struct Matching {
    /// Which words of the first text are matched.
    a: Vec<bool>,
    /// Which words of the second text are matched.
    b: Vec<bool>,
    /// Pairs of words sharing a concept, packed ([`pack`]).
    related_pairs: Vec<u64>,
    /// Words of the first text that may be the same as a word of the second.
    candidates: Vec<u32>,
}

impl Matching {
    /// Empties the lists, with no word matched of texts of `na` and `nb` content words.
    fn reset(&mut self, na: usize, nb: usize) {
        self.a.clear();
        self.a.resize(na, false);
        self.b.clear();
        self.b.resize(nb, false);
        self.related_pairs.clear();
    }
}

/// Matches the content words of two texts one to one, first by stem or prefix, then by
/// relation in WordNet, into `m` (reset first: `m.a` says which words of `a` are matched, `m.b`
/// which of `b`); returns how many matched through WordNet only.
fn match_words_into(a: &Profile, b: &Profile, m: &mut Matching) -> usize {
    let (aw, bw) = (&a.words, &b.words);
    m.reset(aw.len(), bw.len());
    let Matching {
        a: ma,
        b: mb,
        related_pairs,
        candidates,
    } = m;
    if bw.len() <= 64 {
        // The words of `b` as bits: for each word of `a`, which are the same word, computed
        // without a branch per pair (which of them match is a coin toss); the lowest free one
        // is taken.
        // The low `bw.len()` bits: none for no word, all 64 for 64.
        let mut free: u64 = u64::MAX.checked_shr(64 - bw.len() as u32).unwrap_or(0);
        // Most words of a pair of texts are in one only: the filter settles them. The words
        // it leaves are listed first, without a branch per word (whether a word passes is a
        // coin toss too).
        candidates.clear();
        candidates.resize(aw.len(), 0);
        let mut n = 0;
        for (i, x) in aw.iter().enumerate() {
            candidates[n] = i as u32;
            n += usize::from(x.may_be_in(&b.word_bits));
        }
        for &i in &candidates[..n] {
            let x = &aw[i as usize];
            let same = bw
                .iter()
                .enumerate()
                .fold(0u64, |acc, (j, y)| acc | u64::from(x.same(y)) << j);
            let open = same & free;
            let lowest = open & open.wrapping_neg();
            free &= !lowest;
            ma[i as usize] = lowest != 0;
        }
        for (j, m) in mb.iter_mut().enumerate() {
            *m = (free >> j) & 1 == 0;
        }
    } else {
        for (i, x) in aw.iter().enumerate() {
            if let Some(j) = (0..bw.len()).find(|&j| !mb[j] && x.same(&bw[j])) {
                ma[i] = true;
                mb[j] = true;
            }
        }
    }
    // Pairs of still unmatched words sharing a concept; then each word of `a` in order takes the
    // first word of `b` it is related to that is still free.
    // Each pair packed as one integer, `wa` in the high half: sorting the integers is sorting
    // the pairs.
    if ma.contains(&false) && mb.contains(&false) {
        fn entries(p: &Profile) -> impl Iterator<Item = (u32, u32)> + '_ {
            p.concepts()
                .iter()
                .copied()
                .zip(p.concept_word().iter().copied())
        }
        // `a`'s entries chained by concept, the chains' heads in a table by concept id: each
        // entry of `b` finds the words of `a` sharing its concept by one look-up, with nothing
        // sorted. The chains stay built for the next pair with the same `a` (the aligner
        // scores a claim against all its candidates in a row), and so does knowing that `a`
        // can be chained.
        let chained = CONCEPT_CHAINS.with(|chains| {
            let chains = &mut *chains.borrow_mut();
            if !chains.can_chain(a) {
                return false;
            }
            chains.build(a);
            for (c, wb) in entries(b) {
                // Most concepts of `b` are none of `a`'s: the bit says so from a table small
                // enough to stay in the nearest cache, where the heads' table is not.
                if !chains.has(c) || mb[wb as usize] {
                    continue;
                }
                let mut e = chains.head[c as usize];
                while e != 0 {
                    let k = usize::from(e - 1);
                    let wa = a.concept_word()[k];
                    if !ma[wa as usize] {
                        related_pairs.push(pack(wa, wb));
                    }
                    e = chains.next[k];
                }
            }
            true
        });
        if !chained {
            // Concept ids past the table's range (none in the shipped table), or a text of
            // 65,535 concept entries or more (thousands of words; a sentence is at most
            // `segment::MAX_SENTENCE_BYTES`): every pair of entries.
            for (c, wa) in entries(a).filter(|(_, wa)| !ma[*wa as usize]) {
                for (_, wb) in entries(b).filter(|(d, wb)| *d == c && !mb[*wb as usize]) {
                    related_pairs.push(pack(wa, wb));
                }
            }
        }
        related_pairs.sort_unstable();
        related_pairs.dedup();
    }
    let mut related = 0;
    for (x, y) in related_pairs.iter().map(|p| unpack(*p)) {
        let (x, y) = (x as usize, y as usize);
        if !ma[x] && !mb[y] {
            ma[x] = true;
            mb[y] = true;
            related += 1;
        }
    }
    related
}

/// Whether at most `limit` words of `b` may be matched to a word of `a` by
/// [`match_words_into`]: counting those that may be the same as one of `a`'s
/// ([`ContentWord::may_be_in`]) and those with a WordNet concept that a word of `a` has, and
/// stopping past `limit`. A word shares a concept with few others, so this bound is far closer
/// than all of the shorter text. `false` when `b` has more than 64 content words, either text
/// is too long to match word by word, or `a` cannot be chained.
fn may_match(a: &Profile, b: &Profile, limit: usize) -> bool {
    let nb = b.words.len();
    if nb > 64 || a.words.len().max(nb) > MAX_ORDER_WORDS {
        return false;
    }
    let mut may: u64 = 0;
    for (j, y) in b.words.iter().enumerate() {
        may |= u64::from(y.may_be_in(&a.word_bits)) << j;
    }
    let mut count = may.count_ones() as usize;
    if count > limit {
        return false;
    }
    CONCEPT_CHAINS.with(|chains| {
        let chains = &mut *chains.borrow_mut();
        if !chains.can_chain(a) {
            return false;
        }
        chains.build(a);
        for (&c, &wb) in b.concepts().iter().zip(b.concept_word()) {
            let bit = 1 << wb;
            if may & bit == 0 && chains.has(c) {
                may |= bit;
                count += 1;
                if count > limit {
                    return false;
                }
            }
        }
        true
    })
}

/// For [`match_words_into`]: one text's concept entries chained by concept.
struct Chains {
    /// By concept id, the first entry (plus one) of the text's concept entries with that
    /// concept, 0 for none; read only where `present` has the concept's bit (elsewhere it may
    /// hold an earlier text's).
    head: Vec<u16>,
    /// By entry, the next entry (plus one) with the same concept.
    next: Vec<u16>,
    /// By concept id, a bit set when `head` is (2^16 bits).
    present: Vec<u64>,
    /// The concepts whose bits are set: those of the text chained, or of one whose chaining
    /// was cut short (a panic the batch caught).
    set: Vec<u32>,
    /// The [`Profile::id`] of the text chained, 0 for none.
    of: u64,
}

impl Chains {
    /// Whether `p` can be chained: it is the text chained already, or its concept ids are all
    /// below 2^16 and it has fewer than 2^16 entries.
    fn can_chain(&self, p: &Profile) -> bool {
        (p.id != 0 && p.id == self.of)
            || (p.concepts().iter().all(|c| *c < 1 << 16)
                && p.concepts().len() < usize::from(u16::MAX))
    }

    /// Chains the entries of `p` (concept ids below 2^16, fewer than 2^16 entries), unless
    /// they are already: a text with an id ([`Profile::id`]) is chained once for all the
    /// pairs it starts in a row. The heads stay set between calls (those of the last text
    /// chained); they are cleared when another text is chained.
    fn build(&mut self, p: &Profile) {
        debug_assert!(p.concepts().len() < usize::from(u16::MAX));
        if p.id != 0 && p.id == self.of {
            return;
        }
        self.of = 0;
        // Only the bits are cleared: a head is read only where its bit is set.
        for c in &self.set {
            if let Some(bits) = self.present.get_mut(*c as usize / 64) {
                *bits = 0;
            }
        }
        self.set.clear();
        self.set.extend_from_slice(p.concepts());
        self.next.clear();
        self.next.resize(p.concepts().len(), 0);
        for (k, c) in p.concepts().iter().enumerate().rev() {
            // A concept met for the first time has no chain yet: its head is not read.
            self.next[k] = if self.has(*c) {
                self.head[*c as usize]
            } else {
                self.present[*c as usize / 64] |= 1 << (c % 64);
                0
            };
            self.head[*c as usize] = k as u16 + 1;
        }
        self.of = p.id;
    }

    /// Whether the text chained has concept `c` (none of 2^16 or more).
    fn has(&self, c: u32) -> bool {
        self.present
            .get(c as usize / 64)
            .is_some_and(|bits| bits >> (c % 64) & 1 == 1)
    }
}

thread_local! {
    /// For [`match_words_into`]: the chains of the last first text chained on this thread.
    static CONCEPT_CHAINS: RefCell<Chains> = RefCell::new(Chains {
        head: vec![0; 1 << 16],
        next: Vec::new(),
        present: vec![0; (1 << 16) / 64],
        set: Vec::new(),
        of: 0,
    });
}

/// The next [`Profile::id`].
static NEXT_PROFILE_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The odd number [`shared_counted`], [`char3_bucket`] and [`ContentWord::bits`] multiply by
/// (Fibonacci hashing: the top bits of the product spread the items evenly).
const SCRAMBLE: u64 = 0x9e37_79b9_7f4a_7c15;

/// Two 32-bit numbers as one 64-bit number ordered as the pair is.
pub(crate) fn pack(high: u32, low: u32) -> u64 {
    (u64::from(high) << 32) | u64::from(low)
}

/// The pair [`pack`] made.
pub(crate) fn unpack(x: u64) -> (u32, u32) {
    ((x >> 32) as u32, x as u32)
}

/// The longest run of unmatched words.
fn longest_unmatched(matched: &[bool]) -> usize {
    let (mut best, mut run) = (0, 0);
    for m in matched {
        run = if *m { 0 } else { run + 1 };
        best = best.max(run);
    }
    best
}

/// FNV-1a, 64 bits, of a string.
pub(crate) fn hash(s: &str) -> u64 {
    hash_bytes(FNV_OFFSET, s.as_bytes())
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn hash_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// One hash of a sequence of hashes (a word n-gram): each item folded in with a rotation and
/// a multiplication, as FxHash does (the items are hashes already, so one round each suffices).
fn hash_seq(items: &[u64]) -> u64 {
    items.iter().fold(FNV_OFFSET, |h, x| {
        (h.rotate_left(26) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95)
    })
}

/// A character 3-gram, packed exactly (21 bits a character).
fn char3(w: &[char]) -> u64 {
    (u64::from(w[0]) << 42) | (u64::from(w[1]) << 21) | u64::from(w[2])
}

/// A character 4-gram: packed exactly when every character is in the Basic Multilingual Plane
/// (16 bits each), hashed otherwise.
fn char4(w: &[char]) -> u64 {
    if w.iter().all(|c| u32::from(*c) < 0x1_0000) {
        w.iter().fold(0, |h, c| (h << 16) | u64::from(*c))
    } else {
        hash_seq(&[char3(w), u64::from(w[3])])
    }
}

/// A text cut into words and folded: what both a [`Profile`] and the aligner's own view of a
/// claim start from, so that it is done once.
#[derive(Debug, Clone)]
pub struct Words<'a> {
    /// The words as written: [`text::words`] of the text, or of a text it is a stretch of,
    /// when it is given the stretch's words (their offsets are then into that text; only
    /// their text is read).
    pub(crate) written: std::borrow::Cow<'a, [text::Word<'a>]>,
    /// The [`text::key`] of each word (borrowed from the word when it is its own key).
    pub keys: Vec<std::borrow::Cow<'a, str>>,
    /// The [`text::key`] of the whole text.
    pub key: String,
}

impl<'a> Words<'a> {
    /// The words of a text.
    pub fn new(text_: &'a str) -> Words<'a> {
        Words::cut(text_, text::words(text_))
    }

    /// The words of a text already cut into words (`written` must be [`text::words`] of
    /// `text_`, or of a text `text_` is a stretch of with offsets into that text, as a debug
    /// assertion checks).
    pub(crate) fn cut(
        text_: &'a str,
        written: impl Into<std::borrow::Cow<'a, [text::Word<'a>]>>,
    ) -> Words<'a> {
        let written = written.into();
        debug_assert!(
            written
                .iter()
                .map(|w| w.text)
                .eq(text::words(text_).iter().map(|w| w.text))
        );
        Words {
            keys: written.iter().map(|w| text::key_cow(w.text)).collect(),
            written,
            key: text::key(text_),
        }
    }
}

impl Profile {
    /// The profile of a text and the numbers found in it.
    pub fn new(text_: &str, numbers: &[Number]) -> Profile {
        Profile::of(Words::new(text_), numbers, None)
    }

    /// The profile of a text cut into words, and the numbers found in it. When `content_stems`
    /// is given, the stems of the content words (those [`text::content_stems`] gives) are
    /// pushed onto it in order, as their hashes, and each stem's text is kept in `texts` under
    /// its hash.
    pub(crate) fn of(
        words: Words,
        numbers: &[Number],
        mut content_stems: Option<StemsOut>,
    ) -> Profile {
        SCRATCH.with(|scratch| {
            let scratch = &mut *scratch.borrow_mut();
            scratch.clear();
            let Scratch {
                stems,
                content,
                prefixes,
                names,
                concepts,
                concept_word,
            } = scratch;
            let keys = &words.keys;
            let mut content_words = Vec::with_capacity(keys.len());
            // A content word: its stem, its concepts, its prefix.
            let mut push_content = |p: &Part| {
                content.push(p.stem);
                if let Some(out) = content_stems.as_mut() {
                    out.hashes.push(p.stem);
                    out.texts
                        .entry(p.stem)
                        .or_insert_with(|| p.stem_text.clone());
                }
                let j = content_words.len() as u32;
                concepts.extend_from_slice(&p.concepts);
                concept_word.resize(concepts.len(), j);
                content_words.push(ContentWord::new(p.stem, p.prefix));
            };
            for key in keys {
                let k = without_possessive(key);
                // Content words: stop words dropped, hyphenated compounds split ("25-yard"
                // shares "yard" with "12 yards"), as in `text::content_stems`. A word without
                // a hyphen is its one piece.
                let hyphenated = with_part(k, |p| {
                    stems.push(p.stem);
                    // The prefix of the word as written, possessive and all: the part's, unless
                    // the part is shorter.
                    prefixes.push(if k.len() == key.len() {
                        p.prefix_any
                    } else {
                        hash(prefix5(key))
                    });
                    let content = !k.is_empty() && !p.stop;
                    if content && !p.hyphenated {
                        push_content(p);
                    }
                    content && p.hyphenated
                });
                if hyphenated {
                    for part in k.split('-').filter(|p| !p.is_empty()) {
                        with_part(part, |p| {
                            if !p.stop {
                                push_content(p);
                            }
                        });
                    }
                }
            }
            content.sort_unstable();
            content.dedup();
            names.extend(
                words
                    .written
                    .iter()
                    .zip(keys)
                    .skip(1)
                    .filter(|(w, _)| text::is_capitalised(w.text))
                    .map(|(_, k)| hash(k)),
            );
            names.sort_unstable();
            names.dedup();
            prefixes.sort_unstable();
            // The lists side by side, each allocation of the size it needs.
            let lists: [&[u64]; 5] = [stems, stems, content, prefixes, names];
            let mut hashes = Vec::with_capacity(lists.iter().map(|l| l.len()).sum());
            let mut ends = [0; 5];
            for (end, list) in ends.iter_mut().zip(lists) {
                hashes.extend_from_slice(list);
                *end = hashes.len();
            }
            // The second list, the unigrams, sorted in place.
            hashes[ends[0]..ends[1]].sort_unstable();
            let mut all_concepts = Vec::with_capacity(2 * concepts.len());
            all_concepts.extend_from_slice(concepts);
            all_concepts.extend_from_slice(concept_word);
            // Emptied now (and again before the next use, in case this one was cut short by a
            // panic the batch caught), so that a very long text's lists do not stay.
            scratch.clear();
            Profile {
                id: NEXT_PROFILE_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
                concepts_then_words: all_concepts,
                word_bits: word_bits(&content_words),
                words: content_words,
                hashes,
                ends,
                grams: std::sync::OnceLock::new(),
                folded_chars: words.key.chars().count(),
                folded: words.key,
                chars: std::sync::OnceLock::new(),
                char3_counts: std::sync::OnceLock::new(),
                // A day of the week is a word of the text to the model, as it was fitted.
                numbers: numbers
                    .iter()
                    .filter(|n| n.kind != NumberKind::Weekday)
                    .map(|n| n.value)
                    .collect(),
            }
        })
    }

    /// The list `k` of [`Profile::hashes`].
    fn list(&self, k: usize) -> &[u64] {
        let start = k.checked_sub(1).map_or(0, |j| self.ends[j]);
        &self.hashes[start..self.ends[k]]
    }

    /// Hashes of the stems of every word, in order.
    fn stems(&self) -> &[u64] {
        self.list(0)
    }

    /// Hashes of the stems of every word (the word 1-grams), sorted.
    fn unigrams(&self) -> &[u64] {
        self.list(1)
    }

    /// Hashes of the content stems, sorted, without repeats.
    fn content(&self) -> &[u64] {
        self.list(2)
    }

    /// Hashes of the first five letters of every word, sorted.
    fn prefixes(&self) -> &[u64] {
        self.list(3)
    }

    /// Hashes of the capitalised words other than the first, folded, sorted, without repeats.
    fn names(&self) -> &[u64] {
        self.list(4)
    }

    /// The WordNet concept ids of every content word, word after word.
    fn concepts(&self) -> &[u32] {
        let all = &self.concepts_then_words;
        debug_assert!(all.len().is_multiple_of(2), "as many words as concepts");
        &all[..all.len() / 2]
    }

    /// Beside each of [`Profile::concepts`], the index into `words` of its word.
    fn concept_word(&self) -> &[u32] {
        let all = &self.concepts_then_words;
        &all[all.len() / 2..]
    }

    /// The hashes of the word `n + 1`-grams, sorted (`n` from 0 to 3), the longer ones made on
    /// first use.
    fn grams(&self, n: usize) -> &[u64] {
        if n == 0 {
            return self.unigrams();
        }
        &self.grams.get_or_init(|| {
            std::array::from_fn(|k| {
                let mut v: Vec<u64> = self.stems().windows(k + 2).map(hash_seq).collect();
                v.sort_unstable();
                v
            })
        })[n - 1]
    }

    /// How many word `n + 1`-grams the text has, without making them.
    fn grams_len(&self, n: usize) -> usize {
        self.stems().len().saturating_sub(n)
    }

    /// The folded text ([`text::key`]).
    pub(crate) fn folded(&self) -> &str {
        &self.folded
    }

    /// The character 3-grams (`[0]`) and 4-grams (`[1]`) of the folded text, made on first
    /// use.
    fn chars(&self) -> &[Vec<u64>; 2] {
        self.chars.get_or_init(|| {
            if self.folded.is_ascii() {
                // A byte is its character: the n-grams straight from the bytes.
                let b = self.folded.as_bytes();
                let c = |i: usize| char::from(b[i]);
                [
                    (0..b.len().saturating_sub(2))
                        .map(|i| char3(&[c(i), c(i + 1), c(i + 2)]))
                        .collect::<Vec<u64>>(),
                    (0..b.len().saturating_sub(3))
                        .map(|i| char4(&[c(i), c(i + 1), c(i + 2), c(i + 3)]))
                        .collect(),
                ]
            } else {
                let folded: Vec<char> = self.folded.chars().collect();
                [
                    folded.windows(3).map(char3).collect::<Vec<u64>>(),
                    folded.windows(4).map(char4).collect(),
                ]
            }
        })
    }

    /// How many character `n + 3`-grams the folded text has, without making them.
    fn chars_len(&self, n: usize) -> usize {
        self.folded_chars.saturating_sub(n + 2)
    }

    /// The character 3-grams counted by bucket ([`Profile::char3_counts`]), made on first use.
    fn char3_counts(&self) -> Option<&[u8; CHAR3_BUCKETS]> {
        self.char3_counts
            .get_or_init(|| {
                let mut counts = Box::new([0u8; CHAR3_BUCKETS]);
                // Each 3-gram as `char3` packs it, rolled on a character at a time: the last
                // three characters, 21 bits each, the oldest shifted out past bit 62.
                let mut gram: u64 = 0;
                let mut add = |i: usize, c: u64| -> Option<()> {
                    gram = ((gram << 21) | c) & (u64::MAX >> 1);
                    if i >= 2 {
                        let n = &mut counts[char3_bucket(gram)];
                        *n = n.checked_add(1)?;
                    }
                    Some(())
                };
                if self.folded.is_ascii() {
                    for (i, b) in self.folded.bytes().enumerate() {
                        add(i, u64::from(b))?;
                    }
                } else {
                    for (i, c) in self.folded.chars().enumerate() {
                        add(i, u64::from(c))?;
                    }
                }
                Some(counts)
            })
            .as_deref()
    }
}

/// Buckets of character 3-grams for [`most_shared_char3`].
const CHAR3_BUCKETS: usize = 512;

/// The bucket of a character 3-gram: the top bits of its scrambled value.
fn char3_bucket(gram: u64) -> usize {
    (gram.wrapping_mul(SCRAMBLE) >> (64 - CHAR3_BUCKETS.trailing_zeros())) as usize
}

/// At most how many character 3-grams two texts share: equal n-grams fall in the same bucket,
/// so the texts share at most the smaller of their counts in each. A pass over two short
/// arrays of counts instead of counting the n-grams themselves, and much closer than the smaller text's
/// count: on BASIL's candidate pairs it settles four in five of those the n-grams would.
fn most_shared_char3(a: &Profile, b: &Profile) -> usize {
    let (Some(x), Some(y)) = (a.char3_counts(), b.char3_counts()) else {
        return a.chars_len(0).min(b.chars_len(0));
    };
    // In blocks of 64 buckets summed in 16 bits (at most 64 × 255), which vectorises.
    x.chunks_exact(64)
        .zip(y.chunks_exact(64))
        .map(|(x, y)| {
            let block: u16 = x.iter().zip(y).map(|(p, q)| u16::from(*p.min(q))).sum();
            usize::from(block)
        })
        .sum()
}

/// How many items two multisets share, each given as a list in any order: the items of the
/// shorter are counted in a table, then each item of the other takes one of its count. For
/// lists that are compared once or twice each (character n-grams), cheaper than sorting both
/// for a merge ([`shared_sorted`]).
pub(crate) fn shared_counted(a: &[u64], b: &[u64]) -> usize {
    thread_local! {
        static TABLE: RefCell<CountTable> = RefCell::default();
    }
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if a.is_empty() {
        return 0;
    }
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        let shared = t.shared(a, b);
        // A table made for a very long text (a claim of megabytes given to the library) is not
        // kept for the thread's life.
        if t.slots.len() > MOST_KEPT_SLOTS {
            *t = CountTable::default();
        }
        shared
    })
}

/// Most slots [`shared_counted`]'s table keeps between counts (1 MiB): enough for texts of
/// 16,384 n-grams, far more than a sentence (`segment::MAX_SENTENCE_BYTES`).
const MOST_KEPT_SLOTS: usize = 1 << 16;

/// The table [`shared_counted`] counts in, kept by each thread: open addressing with linear
/// probing; a slot is taken only when its stamp is the current count's, so that the table is
/// never cleared between counts.
#[derive(Default)]
struct CountTable {
    slots: Vec<CountSlot>,
    stamp: u32,
}

#[derive(Clone, Copy, Default)]
struct CountSlot {
    item: u64,
    count: u32,
    stamp: u32,
}

impl CountTable {
    /// How many items `a` (not empty, counted in the table) and `b` share.
    fn shared(&mut self, a: &[u64], b: &[u64]) -> usize {
        // Four times as many slots as items: an item's first slot is nearly always free or its
        // own, so that the common case is settled without a branch (whether an item is new or
        // found is a coin toss) and the rest probe on.
        let size = (4 * a.len()).next_power_of_two().max(16);
        if self.slots.len() < size || self.stamp == u32::MAX {
            self.slots = vec![CountSlot::default(); size.max(self.slots.len())];
            self.stamp = 0;
        }
        self.stamp += 1;
        let stamp = self.stamp;
        let mask = size - 1;
        let shift = 64 - size.trailing_zeros();
        let home = |x: u64| (x.wrapping_mul(SCRAMBLE) >> shift) as usize;
        let slots = &mut self.slots[..size];
        for &x in a {
            let mut i = home(x);
            let s = slots[i];
            let free = s.stamp != stamp;
            if free | (s.item == x) {
                // The first slot: taken afresh, or this item's, counted once more.
                slots[i] = CountSlot {
                    item: x,
                    count: if free { 1 } else { s.count + 1 },
                    stamp,
                };
                continue;
            }
            loop {
                i = (i + 1) & mask;
                let s = &mut slots[i];
                if s.stamp != stamp {
                    *s = CountSlot {
                        item: x,
                        count: 1,
                        stamp,
                    };
                    break;
                }
                if s.item == x {
                    s.count += 1;
                    break;
                }
            }
        }
        let mut shared = 0;
        for &y in b {
            let mut i = home(y);
            let s = slots[i];
            let used = s.stamp == stamp;
            if !used | (s.item == y) {
                // The first slot settles it: none of this item, or its count, which gives one.
                let hit = used & (s.count > 0);
                slots[i].count -= u32::from(hit);
                shared += usize::from(hit);
                continue;
            }
            loop {
                i = (i + 1) & mask;
                let s = &mut slots[i];
                if s.stamp != stamp {
                    break;
                }
                if s.item == y {
                    if s.count > 0 {
                        s.count -= 1;
                        shared += 1;
                    }
                    break;
                }
            }
        }
        shared
    }
}

/// How many items two sorted multisets share. Branch-free steps: which side advances is
/// computed, not branched on, since two texts' n-grams interleave unpredictably.
pub(crate) fn shared_sorted<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(x >= y);
    }
    n
}

/// [`shared_sorted`] of two pairs of multisets at once: the two merges step in the same loop,
/// so that the processor overlaps their chains of dependent loads.
fn shared_sorted_two(a: [&[u64]; 2], b: [&[u64]; 2]) -> [usize; 2] {
    let (mut i, mut j, mut n) = ([0; 2], [0; 2], [0; 2]);
    while i[0] < a[0].len() && j[0] < b[0].len() && i[1] < a[1].len() && j[1] < b[1].len() {
        for k in 0..2 {
            let (x, y) = (a[k][i[k]], b[k][j[k]]);
            n[k] += usize::from(x == y);
            i[k] += usize::from(x <= y);
            j[k] += usize::from(x >= y);
        }
    }
    std::array::from_fn(|k| n[k] + shared_sorted(&a[k][i[k]..], &b[k][j[k]..]))
}

/// (F1, smaller share, larger share) of an overlap of `shared` items between multisets of
/// `a` and `b` items (all zero when either is empty).
fn shares(a: usize, b: usize, shared: usize) -> (f64, f64, f64) {
    if a == 0 || b == 0 {
        return (0.0, 0.0, 0.0);
    }
    let c = shared as f64;
    let (p, r) = (c / a as f64, c / b as f64);
    (2.0 * c / (a + b) as f64, p.min(r), p.max(r))
}

/// Word-level edit distance and longest common subsequence of two stem sequences. Both are
/// symmetric, so the shorter sequence is the pattern of the bit-parallel algorithms when it
/// fits in a machine word; the table is the fallback.
fn order<T: PartialEq>(a: &[T], b: &[T]) -> (usize, usize) {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return (long.len(), 0);
    }
    if short.len() <= 64 {
        return order_bits(short, long);
    }
    order_table(a, b)
}

/// [`order`] for a pattern `a` of 1 to 64 items, a column of the table per machine word: Myers'
/// bit-vector edit distance in Hyyrö's formulation (vertical and horizontal deltas as bit
/// masks; the first row grows by one per item, so a 1 enters each horizontal delta), and the
/// Allison-Dix bit-vector longest common subsequence.
fn order_bits<T: PartialEq>(a: &[T], b: &[T]) -> (usize, usize) {
    let m = a.len();
    debug_assert!((1..=64).contains(&m));
    let ones = if m == 64 { !0 } else { (1u64 << m) - 1 };
    let top = 1u64 << (m - 1);
    let (mut pv, mut mv, mut dist) = (ones, 0u64, m);
    let mut v = !0u64;
    for y in b {
        let eq = a
            .iter()
            .enumerate()
            .fold(0u64, |acc, (i, x)| acc | (u64::from(x == y) << i));
        // Edit distance.
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let ph = mv | !(xh | pv);
        let mh = pv & xh;
        if ph & top != 0 {
            dist += 1;
        } else if mh & top != 0 {
            dist -= 1;
        }
        let ph = (ph << 1) | 1;
        let mh = mh << 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
        // Longest common subsequence.
        let u = v & eq;
        v = v.wrapping_add(u) | v.wrapping_sub(u);
    }
    (dist, (!v & ones).count_ones() as usize)
}

/// [`order`] by the full table, for any lengths.
fn order_table<T: PartialEq>(a: &[T], b: &[T]) -> (usize, usize) {
    let mut dist: Vec<usize> = (0..=b.len()).collect();
    let mut lcs = vec![0usize; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        let (mut prev_dist, mut prev_lcs) = (dist[0], lcs[0]);
        dist[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let (d, l) = (dist[j + 1], lcs[j + 1]);
            dist[j + 1] = if x == y {
                prev_dist
            } else {
                1 + prev_dist.min(d).min(dist[j])
            };
            lcs[j + 1] = if x == y { prev_lcs + 1 } else { l.max(lcs[j]) };
            prev_dist = d;
            prev_lcs = l;
        }
    }
    (dist[b.len()], lcs[b.len()])
}

/// Where the character n-gram features sit in [`NAMES`]: 3-grams, then 4-grams, each (F1,
/// smaller share, larger share).
const CHARS: std::ops::Range<usize> = 18..24;
/// Where the word-order features (edit distance, common subsequence) sit in [`NAMES`].
const ORDER: std::ops::Range<usize> = 24..27;
/// Where the related-word features sit in [`NAMES`]: the last ones.
const RELATED: std::ops::Range<usize> = 35..FEATURES;

/// The features of a pair of texts, in the order of [`NAMES`].
pub fn features(a: &Profile, b: &Profile) -> [f64; FEATURES] {
    let mut f = [0.0; FEATURES];
    word_features(a, b, &mut f);
    char_features(a, b, &mut f);
    order_features(a, b, &mut f);
    related_features(a, b, &mut f);
    f
}

/// The probability that two texts say the same thing ([`probability`] of their
/// [`features`]) when it may be `floor` or more; `None` when it is surely below `floor`.
///
/// The features are computed in steps: word unigram overlaps; then (after a closer bound on
/// the character 3-grams, from their counts by bucket) related words; word 2- to 4-gram
/// overlaps; word order; character overlaps (the dearest, last: the word order, cheap,
/// settles some pairs without them). After
/// each step, a bound on what the features not yet computed can add (from
/// the sizes of the texts, the words they share and their character 3-grams counted by
/// bucket, `most_shared_char3`) may show that the probability cannot
/// reach `floor`; the rest is then not computed. Most candidate pairs of a comparison are far
/// below any threshold, so most stop early. The related words come before the word n-grams
/// because their bound is the loosest (it allows every content word a match, where most pairs
/// match few), so knowing them settles the most pairs: on BASIL, 17,200 of the 18,700 pairs
/// that reach them, where the word n-grams settled 1,500 of 20,200. A `floor` of 0 always
/// gives the probability.
pub fn probability_from(a: &Profile, b: &Profile, floor: f64) -> Option<f64> {
    probability_knowing(a, b, floor, None)
}

/// [`probability_from`], knowing (when given) how many distinct content stems the texts share,
/// as the aligner does for two claims.
pub fn probability_knowing(
    a: &Profile,
    b: &Profile,
    floor: f64,
    shared_content: Option<usize>,
) -> Option<f64> {
    let mut f = [0.0; FEATURES];
    let shared_stems = word_features_first(a, b, shared_content, &mut f);
    let bounded = floor > 0.0 && floor < 1.0;
    let target = (floor / (1.0 - floor)).ln();
    // What the features of `range` add to the model's sum.
    let dot = |f: &[f64; FEATURES], range: std::ops::Range<usize>| -> f64 {
        f[range.clone()]
            .iter()
            .zip(&WEIGHTS[range])
            .map(|(x, w)| x * w)
            .sum()
    };
    // Whether the features computed so far, which add `known` (summed group by group as they
    // are computed), with the most the others can add, may reach the floor. The margin
    // covers rounding: the bound sums in another order than `probability`.
    let may_reach = |f: &[f64; FEATURES], known: f64, most: f64| {
        debug_assert!((known - dot(f, 0..FEATURES)).abs() < 1e-12);
        BIAS + known + most + 1e-9 >= target
    };
    if bounded {
        // What each group can add depends only on the texts, so it is bounded once. (The word
        // order's bound reads the unigram features only, known already.)
        let (chars, order, related) = (
            most_chars(a, b, usize::MAX),
            most_order(a, b, shared_stems, &f),
            most_related(a, b),
        );
        // The word n-grams after the unigrams, bounded by the stems shared: a pair that cannot
        // reach the floor even so is settled without their merges.
        let grams = most_grams(a, b, shared_stems);
        // What `word_features_first` filled in: all but the n-grams, characters, word order
        // and related words.
        let mut known = dot(&f, 0..GRAMS.start)
            + dot(&f, GRAMS.end..CHARS.start)
            + dot(&f, ORDER.end..RELATED.start);
        if !may_reach(&f, known, grams + chars + order + related) {
            return None;
        }
        // The character n-grams bounded closer, by their counts in buckets (after the cheaper
        // bound above, which settles a third of the pairs without making the counts).
        let chars = most_chars(a, b, most_shared_char3(a, b));
        if !may_reach(&f, known, grams + chars + order + related) {
            return None;
        }
        // The related words bounded closer, by how many words of `b` may be matched at all.
        let (na, nb) = (a.words.len(), b.words.len());
        // The most words of `b` that may be matched with the pair still unable to reach the
        // floor (the bound grows with the number matched).
        let hopeless = with_related_bounds(na, nb, |bounds| {
            bounds
                .iter()
                .take_while(|r| !may_reach(&f, known, grams + chars + order + **r))
                .count()
                .checked_sub(1)
        });
        if hopeless.is_some_and(|limit| may_match(a, b, limit)) {
            return None;
        }
        related_features(a, b, &mut f);
        known += dot(&f, RELATED);
        if !may_reach(&f, known, grams + chars + order) {
            return None;
        }
        gram_features(a, b, &mut f);
        known += dot(&f, GRAMS);
        if !may_reach(&f, known, chars + order) {
            return None;
        }
        order_features(a, b, &mut f);
        known += dot(&f, ORDER);
        if !may_reach(&f, known, chars) {
            return None;
        }
        char_features(a, b, &mut f);
    } else {
        gram_features(a, b, &mut f);
        char_features(a, b, &mut f);
        order_features(a, b, &mut f);
        related_features(a, b, &mut f);
    }
    Some(probability(&f))
}

/// The most the features of `range` can add to the model's sum, over a set of possible
/// values, each given as the values of the features of the range in order.
fn most_over<const N: usize>(
    range: std::ops::Range<usize>,
    values: impl IntoIterator<Item = [f64; N]>,
) -> f64 {
    debug_assert_eq!(range.len(), N);
    values
        .into_iter()
        .map(|v| {
            v.iter()
                .zip(&WEIGHTS[range.clone()])
                .map(|(x, w)| x * w)
                .sum()
        })
        .fold(f64::NEG_INFINITY, f64::max)
}

/// The most the character n-gram features can add when the texts share at most `char3`
/// 3-grams: each n-gram's three features are linear in the number of n-grams shared, which
/// lies between none and all of the smaller multiset (or `char3`, for 3-grams).
fn most_chars(a: &Profile, b: &Profile, char3: usize) -> f64 {
    (0..2)
        .map(|n| {
            let (x, y) = (a.chars_len(n), b.chars_len(n));
            let most = if n == 0 {
                x.min(y).min(char3)
            } else {
                x.min(y)
            };
            let range = CHARS.start + 3 * n..CHARS.start + 3 * n + 3;
            most_over(
                range,
                [0, most].map(|shared| {
                    let (f1, min, max) = shares(x, y, shared);
                    [f1, min, max]
                }),
            )
        })
        .sum()
}

/// The most the word-order features can add, for texts sharing `shared_stems` stems (with
/// repeats): the common subsequence holds at most those, and the edit distance is at least
/// the longer text less the subsequence; the bound takes each feature at its best within
/// that. Texts too long to align exactly take these features from their word overlaps, in `f`
/// already: what they add is known.
fn most_order(a: &Profile, b: &Profile, shared_stems: usize, f: &[f64; FEATURES]) -> f64 {
    let (la, lb) = (a.stems().len(), b.stems().len());
    if la.max(lb) > MAX_ORDER_WORDS {
        return most_over(ORDER, [[1.0 - f[0], f[1], f[2]]]);
    }
    let (longer, shorter) = (la.max(lb), la.min(lb));
    let shared = shared_stems.min(shorter) as f64;
    let (l, s) = (longer.max(1) as f64, shorter.max(1) as f64);
    most_within(
        ORDER,
        [
            ((longer as f64 - shared) / l, longer as f64 / l),
            (0.0, shared / l),
            (0.0, shared / s),
        ],
    )
}

/// The most the features of `range` can add when each lies in its own (lowest, highest)
/// range, the ranges given in the order of the features.
fn most_within<const N: usize>(range: std::ops::Range<usize>, ranges: [(f64, f64); N]) -> f64 {
    debug_assert_eq!(range.len(), N);
    ranges
        .iter()
        .zip(&WEIGHTS[range])
        .map(|((lo, hi), w)| (w * lo).max(w * hi))
        .sum()
}

/// The most the related-word features can add: for each number of content words matched,
/// from none to all of the shorter list, the shares and the unmatched counts are exact; of
/// the matches, at most all are through WordNet; the longest unmatched run of a text is at
/// most its unmatched words, and at least those spread over the gaps between its matches.
/// (With none matched, this is exact.) A function of the two texts' numbers of content words
/// alone, so it is kept per thread for texts of up to [`RELATED_BOUNDS`] words.
fn most_related(a: &Profile, b: &Profile) -> f64 {
    most_related_upto(a.words.len(), b.words.len(), usize::MAX)
}

/// [`most_related`] for texts of `na` and `nb` content words of which at most `most` of the
/// second's can be matched (see [`may_match`]). For texts of fewer than [`RELATED_BOUNDS`]
/// words, each thread keeps the bounds of every number matched.
fn most_related_upto(na: usize, nb: usize, most: usize) -> f64 {
    with_related_bounds(na, nb, |bounds| bounds[most.min(bounds.len() - 1)])
}

/// `f` of [`related_bounds`]`(na, nb)`, which each thread keeps for texts of fewer than
/// [`RELATED_BOUNDS`] words.
fn with_related_bounds<T>(na: usize, nb: usize, f: impl FnOnce(&[f64]) -> T) -> T {
    if na.max(nb) >= RELATED_BOUNDS {
        return f(&related_bounds(na, nb));
    }
    thread_local! {
        static KEPT: RefCell<Vec<Vec<f64>>> = RefCell::new(vec![Vec::new(); RELATED_BOUNDS * RELATED_BOUNDS]);
    }
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        let slot = &mut kept[na * RELATED_BOUNDS + nb];
        if slot.is_empty() {
            *slot = related_bounds(na, nb);
        }
        f(slot)
    })
}

/// Texts with fewer content words than this have their [`most_related_upto`] kept.
const RELATED_BOUNDS: usize = 64;

/// [`most_related`] for texts of `na` and `nb` content words, made afresh.
#[cfg(test)]
fn most_related_of(na: usize, nb: usize) -> f64 {
    related_bounds(na, nb)
        .last()
        .copied()
        .unwrap_or(f64::NEG_INFINITY)
}

/// For texts of `na` and `nb` content words, the most the related-word features can add with
/// at most 0, 1, 2, ... words matched, up to all of the shorter text (none for texts too long
/// to match word by word).
fn related_bounds(na: usize, nb: usize) -> Vec<f64> {
    // Texts too long to match word by word have none matched.
    let most_matched = if na.max(nb) > MAX_ORDER_WORDS {
        0
    } else {
        na.min(nb)
    };
    let (x, y) = (na.max(1) as f64, nb.max(1) as f64);
    let cap = |n: usize, cap: usize| n.min(cap) as f64;
    let mut best = f64::NEG_INFINITY;
    (0..=most_matched)
        .map(|m| {
            let (ua, ub) = (na - m, nb - m);
            let m_ = m as f64;
            let (sa, sb) = (m_ / x, m_ / y);
            // Runs: at least the unmatched words spread over the m + 1 gaps, at most all.
            let least_run = |u: usize| u.div_ceil(m + 1);
            // Exact given m: the shares and the unmatched counts.
            let exact = |v: f64| (v, v);
            best = best.max(most_within(
                RELATED,
                [
                    exact(2.0 * m_ / (x + y)),
                    exact(sa.min(sb)),
                    exact(sa.max(sb)),
                    exact(cap(ua.min(ub), 15)),
                    exact(cap(ua.max(ub), 15)),
                    (0.0, cap(m, 6)),
                    (0.0, cap(ua.min(ub), 15)),
                    (
                        cap(least_run(ua).max(least_run(ub)), 15),
                        cap(ua.max(ub), 15),
                    ),
                ],
            ));
            best
        })
        .collect()
}

/// Fills in the features from word and word n-gram overlaps, numbers, names and lengths, in
/// the order of [`NAMES`] (the character, word-order and related-word ones are left as they
/// are); returns how many stems the texts share (with repeats: their shared unigrams). Written
/// into the caller's array rather than returned, which cost a copy of the array per pair.
fn word_features(a: &Profile, b: &Profile, f: &mut [f64; FEATURES]) -> usize {
    let g0 = word_features_first(a, b, None, f);
    gram_features(a, b, f);
    g0
}

/// Where the word 2-, 3- and 4-gram features sit in [`NAMES`]: [`word_features_first`] leaves
/// them to [`gram_features`].
const GRAMS: std::ops::Range<usize> = 3..12;

/// [`word_features`] but for the word 2-, 3- and 4-grams ([`GRAMS`], left as they are): the
/// unigrams, the content stems (how many distinct ones the texts share, when the caller knows),
/// the prefixes, numbers, names and lengths. Returns how many stems the texts share, with
/// repeats.
fn word_features_first(
    a: &Profile,
    b: &Profile,
    shared_content: Option<usize>,
    f: &mut [f64; FEATURES],
) -> usize {
    let mut put3 = |at: usize, (f1, min, max): (f64, f64, f64)| {
        f[at..at + 3].copy_from_slice(&[f1, min, max]);
    };
    // The overlaps of similar sizes two at a time (see `shared_sorted_two`).
    let [g0, prefixes] =
        shared_sorted_two([a.unigrams(), a.prefixes()], [b.unigrams(), b.prefixes()]);
    let content = shared_content.unwrap_or_else(|| shared_sorted(a.content(), b.content()));
    debug_assert_eq!(content, shared_sorted(a.content(), b.content()));
    put3(0, shares(a.unigrams().len(), b.unigrams().len(), g0));
    put3(12, shares(a.content().len(), b.content().len(), content));
    put3(15, shares(a.prefixes().len(), b.prefixes().len(), prefixes));
    let (la, lb) = (a.stems().len(), b.stems().len());
    let longer = la.max(lb).max(1) as f64;
    let unmatched_numbers = |x: &Profile, y: &Profile| {
        x.numbers
            .iter()
            .filter(|v| !y.numbers.iter().any(|w| w.same(v)))
            .count()
    };
    let numbers = unmatched_numbers(a, b) + unmatched_numbers(b, a);
    let names = a.names().len() + b.names().len() - 2 * shared_sorted(a.names(), b.names());
    let (ua, ub) = (a.content().len() - content, b.content().len() - content);
    f[ORDER.end..RELATED.start].copy_from_slice(&[
        numbers.min(4) as f64,
        f64::from(u8::from(!a.numbers.is_empty() || !b.numbers.is_empty())),
        names.min(6) as f64,
        ua.min(ub).min(15) as f64,
        ua.max(ub).min(15) as f64,
        la.min(lb) as f64 / longer,
        (la.abs_diff(lb) as f64).min(30.0),
        (1.0 + (la + lb) as f64).ln(),
    ]);
    g0
}

/// Fills in the word 2-, 3- and 4-gram features ([`GRAMS`]).
fn gram_features(a: &Profile, b: &Profile, f: &mut [f64; FEATURES]) {
    let [g1, g2] = shared_sorted_two([a.grams(1), a.grams(2)], [b.grams(1), b.grams(2)]);
    let g3 = shared_sorted(a.grams(3), b.grams(3));
    for (n, shared) in [(1, g1), (2, g2), (3, g3)] {
        let (f1, min, max) = shares(a.grams_len(n), b.grams_len(n), shared);
        f[3 * n..3 * n + 3].copy_from_slice(&[f1, min, max]);
    }
}

/// The most the word 2-, 3- and 4-gram features ([`GRAMS`]) can add for texts sharing
/// `shared_stems` stems (with repeats): each n-gram's three features are linear in the number
/// of n-grams shared, which lies between none and the smaller multiset, and is at most the
/// stems shared. (An n-gram shared is a stem shared, its first, and each stem starts as many
/// n-grams as it occurs at most: so the n-grams shared are at most the stems shared, as long as
/// two different runs of words never have the same 64-bit hash, as every feature here takes.)
fn most_grams(a: &Profile, b: &Profile, shared_stems: usize) -> f64 {
    (1..4).map(|n| most_gram(a, b, n, shared_stems)).sum()
}

/// [`most_grams`] for the word `n + 1`-grams alone.
fn most_gram(a: &Profile, b: &Profile, n: usize, shared_stems: usize) -> f64 {
    let (x, y) = (a.grams_len(n), b.grams_len(n));
    let most = x.min(y).min(shared_stems);
    most_over(
        3 * n..3 * n + 3,
        [0, most].map(|shared| {
            let (f1, min, max) = shares(x, y, shared);
            [f1, min, max]
        }),
    )
}

/// Fills in the character n-gram features of `f`.
fn char_features(a: &Profile, b: &Profile, f: &mut [f64; FEATURES]) {
    let (ac, bc) = (a.chars(), b.chars());
    for n in 0..2 {
        let shared = shared_counted(&ac[n], &bc[n]);
        let (f1, min, max) = shares(ac[n].len(), bc[n].len(), shared);
        f[CHARS.start + 3 * n..CHARS.start + 3 * n + 3].copy_from_slice(&[f1, min, max]);
    }
}

/// Fills in the word-order features of `f`: edit distance and common subsequence of the
/// stems, or the word overlap for texts too long to align exactly.
fn order_features(a: &Profile, b: &Profile, f: &mut [f64; FEATURES]) {
    let (la, lb) = (a.stems().len(), b.stems().len());
    let (longer, shorter) = (la.max(lb).max(1) as f64, la.min(lb).max(1) as f64);
    let (edit, lcs_min, lcs_max) = if la.max(lb) <= MAX_ORDER_WORDS {
        let (d, l) = order(a.stems(), b.stems());
        (d as f64 / longer, l as f64 / longer, l as f64 / shorter)
    } else {
        (1.0 - f[0], f[1], f[2])
    };
    f[ORDER].copy_from_slice(&[edit, lcs_min, lcs_max]);
}

/// Fills in the related-word features of `f`, from matching the content words one to one.
fn related_features(a: &Profile, b: &Profile, f: &mut [f64; FEATURES]) {
    thread_local! {
        static MATCHING: RefCell<Matching> = RefCell::default();
    }
    MATCHING.with(|m| {
        let m = &mut *m.borrow_mut();
        let related = if a.words.len().max(b.words.len()) <= MAX_ORDER_WORDS {
            match_words_into(a, b, m)
        } else {
            m.reset(a.words.len(), b.words.len());
            0
        };
        related_from(a, b, &m.a, &m.b, related, f);
    });
}

/// The related-word features from which words of each text are matched (`ma`, `mb`) and how
/// many matched through WordNet only.
fn related_from(
    a: &Profile,
    b: &Profile,
    ma: &[bool],
    mb: &[bool],
    related: usize,
    f: &mut [f64; FEATURES],
) {
    let matched = ma.iter().filter(|m| **m).count();
    let (na, nb) = (a.words.len().max(1) as f64, b.words.len().max(1) as f64);
    let (sa, sb) = (matched as f64 / na, matched as f64 / nb);
    let (ua, ub) = (a.words.len() - matched, b.words.len() - matched);
    let (ra, rb) = (longest_unmatched(ma), longest_unmatched(mb));
    f[RELATED].copy_from_slice(&[
        2.0 * matched as f64 / (na + nb),
        sa.min(sb),
        sa.max(sb),
        ua.min(ub).min(15) as f64,
        ua.max(ub).min(15) as f64,
        related.min(6) as f64,
        ra.min(rb).min(15) as f64,
        ra.max(rb).min(15) as f64,
    ]);
}

/// The probability, 0 to 1, that two texts with these features say the same thing.
pub fn probability(x: &[f64; FEATURES]) -> f64 {
    let z: f64 = BIAS + x.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::numbers;

    fn profile(t: &str) -> Profile {
        Profile::new(t, &numbers::find(t))
    }

    /// The bucket counts are those of the character 3-grams the features count, for text in
    /// ASCII and beyond it (curly quotes, accents, a character past 16 bits).
    #[test]
    fn char3_buckets_count_the_char3_grams() {
        for t in [
            "The council approved the budget on Tuesday.",
            "\u{201C}It\u{2019}s done,\u{201D} said Jos\u{E9} \u{1F600} Pe\u{F1}a.",
            "ab",
            "",
        ] {
            let p = profile(t);
            let mut expected = [0u8; CHAR3_BUCKETS];
            for g in &p.chars()[0] {
                expected[char3_bucket(*g)] += 1;
            }
            assert_eq!(
                p.char3_counts().map(|c| c.to_vec()),
                Some(expected.to_vec()),
                "{t:?}"
            );
        }
    }

    #[test]
    fn identical_texts_overlap_fully() {
        let a = profile("The council approved the budget on Tuesday.");
        let f = features(&a, &a);
        let at = |name: &str| f[NAMES.iter().position(|n| *n == name).unwrap()];
        assert_eq!(at("word_f1"), 1.0);
        assert_eq!(at("word_edit_distance"), 0.0, "no edits");
        assert_eq!(at("lcs_min_share"), 1.0, "the whole text is common");
        assert_eq!(at("numbers_unmatched"), 0.0);
        assert_eq!(at("names_unmatched"), 0.0);
    }

    #[test]
    fn what_one_text_lacks_is_counted() {
        let a = profile("Shares of Acme rose 5 percent on Monday.");
        let b = profile("Shares of Acme rose 7 percent on Monday after Zenith reported.");
        let f = features(&a, &b);
        let at = |name: &str| f[NAMES.iter().position(|n| *n == name).unwrap()];
        assert_eq!(at("numbers_unmatched"), 2.0, "5 and 7 are each unmatched");
        assert_eq!(at("names_unmatched"), 1.0, "Zenith");
        assert_eq!(at("content_unmatched_max"), 3.0, "b's 7, zenith and report");
        assert_eq!(at("content_unmatched_min"), 1.0, "a's 5");
        assert!(at("length_ratio") < 1.0);
    }

    #[test]
    fn edit_distance_and_subsequence() {
        let s = |t: &str| t.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(order(&s("a b c d"), &s("a c d e")), (2, 3));
        assert_eq!(order(&s("a b"), &s("a b")), (0, 2));
        assert_eq!(order(&s("x"), &[]), (1, 0));
        assert_eq!(order::<String>(&[], &[]), (0, 0));
    }

    #[test]
    fn the_kept_related_bound_is_the_computed_one() {
        let of = |n: usize| Profile {
            words: vec![ContentWord::default(); n],
            ..Profile::default()
        };
        // Twice each, so that the second reads what the first kept; past the kept sizes too.
        for _ in 0..2 {
            for (na, nb) in [
                (0, 0),
                (0, 5),
                (3, 7),
                (7, 3),
                (63, 63),
                (64, 2),
                (2, 90),
                (400, 401),
            ] {
                assert_eq!(
                    most_related(&of(na), &of(nb)),
                    most_related_of(na, nb),
                    "{na}, {nb}"
                );
            }
        }
        assert!(most_related_of(3, 7) != most_related_of(3, 3));
    }

    /// A table used again and again counts afresh each time, across its stamp's wrapping round
    /// and its growing, and items that all start at one slot probe on past it.
    #[test]
    fn the_counting_table_starts_afresh_every_count() {
        let sorted_shared = |a: &[u64], b: &[u64]| {
            let (mut a, mut b) = (a.to_vec(), b.to_vec());
            a.sort_unstable();
            b.sort_unstable();
            shared_sorted(&a, &b)
        };
        let mut table = CountTable::default();
        // A count that leaves an item counted (two 9s, none taken), then the stamp taken to the
        // last few: after its wrapping round, the table must not read that count again.
        assert_eq!(table.shared(&[9, 9], &[1]), 0);
        table.stamp = u32::MAX - 3;
        let lists: [(&[u64], &[u64]); 3] = [
            (&[1, 2, 2, 3], &[2, 2, 2, 3, 9]),
            (&[7], &[1, 2, 9]),
            (&[4, 4, 4, 4], &[4, 4, 9]),
        ];
        for round in 0..12 {
            let (a, b) = lists[round % lists.len()];
            assert_eq!(table.shared(a, b), sorted_shared(a, b), "round {round}");
        }
        // Growing, and counting afresh in the larger table.
        assert_eq!(table.shared(&[9; 40], &[9; 50]), 40);
        assert_eq!(table.shared(&[9; 40], &[9; 50]), 40);
        // Items whose first slots are all the same (the top bits of the scrambled item).
        let same_slot: Vec<u64> = (0..64u64)
            .map(|i| i.wrapping_mul(SCRAMBLE.wrapping_neg()))
            .collect();
        let mut table = CountTable::default();
        assert_eq!(table.shared(&same_slot[..10], &same_slot), 10);
        assert_eq!(table.shared(&same_slot, &same_slot), 64);
    }

    #[test]
    fn a_prefix_is_the_first_five_characters() {
        for (key, prefix) in [
            ("", ""),
            ("news", "news"),
            ("court", "court"),
            ("courts", "court"),
            ("éclair", "éclai"),
            ("caf\u{e9}s", "caf\u{e9}s"),
            ("cafés!", "cafés"),
            ("naïveté", "naïve"),
            ("\u{1F600}abcdef", "\u{1F600}abcd"),
        ] {
            assert_eq!(prefix5(key), prefix, "{key:?}");
        }
    }

    #[test]
    fn dear_features_are_where_the_bound_expects_them() {
        assert_eq!(NAMES[ORDER.start], "word_edit_distance");
        assert_eq!(NAMES[ORDER.end - 1], "lcs_max_share");
        assert_eq!(NAMES[RELATED.start], "related_f1");
        assert_eq!(NAMES[RELATED.end - 1], "unmatched_run_max");
    }

    /// Words that share stems, prefixes, WordNet concepts and numbers, so that random texts
    /// made of them overlap in every way the features count.
    const VOCABULARY: [&str; 16] = [
        "the", "council", "councils", "approved", "approval", "budget", "buy", "purchase",
        "Tuesday", "Acme", "rose", "5", "7", "percent", "shares", "bought",
    ];

    /// A chaining cut short by a panic (which the batch catches) leaves nothing behind for the
    /// next.
    #[test]
    fn chains_are_right_however_the_last_chaining_ended() {
        let text = |concepts: Vec<u32>| Profile {
            concepts_then_words: [concepts.clone(), vec![0; concepts.len()]].concat(),
            words: vec![ContentWord::default()],
            ..Profile::default()
        };
        let mut chains = Chains {
            head: vec![0; 1 << 16],
            next: Vec::new(),
            present: vec![0; (1 << 16) / 64],
            set: Vec::new(),
            of: 0,
        };
        // A concept past the table: the chaining (last entry first) stops after setting the
        // head of concept 3.
        let cut_short = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            chains.build(&text(vec![70_000, 3]))
        }));
        assert!(cut_short.is_err());
        chains.build(&text(vec![1, 5]));
        // Only the new text's concepts are present (a head elsewhere is never read), and each
        // heads the chain of its own entry.
        let present: Vec<u32> = (0..1 << 16).filter(|c| chains.has(*c)).collect();
        assert_eq!(present, [1, 5]);
        assert_eq!((chains.head[1], chains.head[5]), (1, 2));
        assert_eq!(chains.next, [0, 0]);
    }

    proptest::proptest! {
        /// The bounded probability is the probability whenever it is given, and is withheld
        /// only when the probability is below the floor.
        #[test]
        fn the_bound_never_hides_a_probability_at_its_floor(
            a in proptest::collection::vec(0..VOCABULARY.len(), 1..30),
            b in proptest::collection::vec(0..VOCABULARY.len(), 1..30),
            kept in 0usize..30,
            floor in 0.0f64..1.0,
        ) {
            let text = |w: &[usize]| w.iter().map(|i| VOCABULARY[*i]).collect::<Vec<_>>().join(" ");
            // Often a run of the first text's words opening the second (see below).
            let b: Vec<usize> = a[..kept.min(a.len())].iter().chain(&b).copied().collect();
            let (a, b) = (profile(&text(&a)), profile(&text(&b)));
            let exact = probability(&features(&a, &b));
            match probability_from(&a, &b, floor) {
                Some(p) => proptest::prop_assert_eq!(p, exact),
                None => proptest::prop_assert!(exact < floor, "{exact} withheld at {floor}"),
            }
        }

        /// Each group's bound is at least what its features add, whatever the floor: the
        /// word n-grams after the unigrams, the character n-grams, the word order and the
        /// related words.
        #[test]
        fn each_bound_holds_what_its_features_add(
            a in proptest::collection::vec(0..VOCABULARY.len(), 1..30),
            b in proptest::collection::vec(0..VOCABULARY.len(), 1..30),
            kept in 0usize..30,
        ) {
            let text = |w: &[usize]| w.iter().map(|i| VOCABULARY[*i]).collect::<Vec<_>>().join(" ");
            // The second text opens with a run of the first's words, so that the texts share
            // runs of words as often as words.
            let b: Vec<usize> = a[..kept.min(a.len())].iter().chain(&b).copied().collect();
            let (a, b) = (profile(&text(&a)), profile(&text(&b)));
            let f = features(&a, &b);
            let shared_stems = word_features(&a, &b, &mut [0.0; FEATURES]);
            let adds = |r: std::ops::Range<usize>| -> f64 {
                r.map(|i| f[i] * WEIGHTS[i]).sum()
            };
            let most = [
                most_grams(&a, &b, shared_stems),
                most_chars(&a, &b, most_shared_char3(&a, &b)),
                most_order(&a, &b, shared_stems, &f),
                most_related(&a, &b),
            ];
            for (group, most) in [GRAMS, CHARS, ORDER, RELATED].into_iter().zip(most) {
                let exact = adds(group.clone());
                proptest::prop_assert!(exact <= most + 1e-9, "{group:?}: {exact} > {most}");
            }
            // Each word n-gram's bound alone too (the 3- and 4-grams weigh against the
            // 2-grams, so their sum would hide a 2-gram bound too low).
            for n in 1..4 {
                let (exact, most) = (adds(3 * n..3 * n + 3), most_gram(&a, &b, n, shared_stems));
                proptest::prop_assert!(exact <= most + 1e-9, "{}-grams: {exact} > {most}", n + 1);
            }
            // The closer bound on the related words: whenever `may_match` finds at most
            // `limit` words of `b` that may be matched, at most that many are, and the related
            // words add no more than the bound for that many.
            let (_, matched_b, _) = match_words(&a, &b);
            let matched = matched_b.iter().filter(|m| **m).count();
            let (na, nb) = (a.words.len(), b.words.len());
            proptest::prop_assert!(may_match(&a, &b, nb), "every word of b is at most all");
            for limit in 0..=nb {
                if may_match(&a, &b, limit) {
                    proptest::prop_assert!(matched <= limit, "{matched} matched, at most {limit}");
                    let (exact, most) = (adds(RELATED), most_related_upto(na, nb, limit));
                    proptest::prop_assert!(exact <= most + 1e-9, "{limit}: {exact} > {most}");
                }
            }
        }

        /// Words are matched as the rule says, read naively: first each word of `a` in order
        /// takes the first free word of `b` of the same stem or prefix; then each still
        /// unmatched word of `a` takes the first free word of `b` sharing a concept with it.
        /// For concept ids in the look-up table's range and beyond it (the scan of all pairs),
        /// for texts of up to 64 content words and longer, and for pairs in any order, the
        /// same first text in a row or not.
        #[test]
        fn words_match_as_the_rule_says(
            texts in proptest::collection::vec(proptest::collection::vec((0u64..6,
                proptest::option::of(0u64..4), proptest::collection::btree_set(0u32..12, 0..4)),
                0..14), 3),
            pairs in proptest::collection::vec((0usize..3, 0usize..3), 1..6),
            offset in proptest::prop_oneof![proptest::strategy::Just(0u32), proptest::strategy::Just(70_000u32)],
            padding in proptest::collection::vec(proptest::prop_oneof![
                proptest::strategy::Just(0usize), 48usize..60], 3),
        ) {
            type Word = (u64, Option<u64>, std::collections::BTreeSet<u32>);
            // Some texts led by words that match none (stems of their own), so that their
            // other words sit at the high bits of a mask of 64, or beyond.
            let texts: Vec<Vec<Word>> = texts
                .into_iter()
                .zip(padding)
                .enumerate()
                .map(|(t, (words, n))| {
                    (0..n)
                        .map(|k| (1000 * (t as u64 + 1) + k as u64, None, Default::default()))
                        .chain(words)
                        .collect()
                })
                .collect();
            // Each text with an id of its own, as `Profile::of` gives, so that the chains of
            // one are kept for the pairs it starts in a row and made anew for another's.
            let profile = |words: &[Word]| -> Profile {
                let (concepts, concept_word): (Vec<u32>, Vec<u32>) = words
                    .iter()
                    .enumerate()
                    .flat_map(|(j, (_, _, cs))| cs.iter().map(move |c| (c + offset, j as u32)))
                    .unzip();
                let content_words: Vec<ContentWord> = words
                    .iter()
                    .map(|(stem, prefix, _)| ContentWord::new(*stem, *prefix))
                    .collect();
                Profile {
                    word_bits: word_bits(&content_words),
                    words: content_words,
                    concepts_then_words: [concepts, concept_word].concat(),
                    id: NEXT_PROFILE_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
                    ..Profile::default()
                }
            };
            let profiles: Vec<Profile> = texts.iter().map(|t| profile(t)).collect();
            for (x, y) in pairs {
                let (a, b) = (&texts[x], &texts[y]);
                let (pa, pb) = (&profiles[x], &profiles[y]);
                let mut ma = vec![false; a.len()];
                let mut mb = vec![false; b.len()];
                for (i, w) in pa.words.iter().enumerate() {
                    if let Some(j) = (0..b.len()).find(|&j| !mb[j] && w.same(&pb.words[j])) {
                        (ma[i], mb[j]) = (true, true);
                    }
                }
                let mut related = 0;
                for i in 0..a.len() {
                    if ma[i] {
                        continue;
                    }
                    if let Some(j) = (0..b.len()).find(|&j| !mb[j] && !a[i].2.is_disjoint(&b[j].2)) {
                        (ma[i], mb[j]) = (true, true);
                        related += 1;
                    }
                }
                proptest::prop_assert_eq!(match_words(pa, pb), (ma, mb, related));
            }
        }

        /// Counted in a table, two lists share as many items as sorted and merged, whatever
        /// their lengths (a table of 16 slots and past it, the shorter list on either side),
        /// repeats and order, and one table serves count after count.
        #[test]
        fn counted_lists_share_what_sorted_ones_do(
            lists in proptest::collection::vec(
                (
                    proptest::collection::vec(0u64..300, 0..200),
                    proptest::collection::vec(0u64..300, 0..200),
                ),
                1..4,
            ),
            high in proptest::prelude::any::<u64>(),
        ) {
            for (a, b) in lists {
                // Some items far apart, so that the top bits differ before hashing too.
                let lift = |v: &Vec<u64>| -> Vec<u64> {
                    v.iter().map(|x| if x % 7 == 0 { x ^ high } else { *x }).collect()
                };
                let (a, b) = (lift(&a), lift(&b));
                let (mut sorted_a, mut sorted_b) = (a.clone(), b.clone());
                sorted_a.sort_unstable();
                sorted_b.sort_unstable();
                let merged = shared_sorted(&sorted_a, &sorted_b);
                proptest::prop_assert_eq!(shared_counted(&a, &b), merged);
                proptest::prop_assert_eq!(shared_counted(&b, &a), merged);
            }
        }

        /// The bound counts a text's character n-grams without making them, as many as it
        /// makes, for texts short and long, beyond ASCII and beyond the BMP.
        #[test]
        fn chars_are_counted_as_made(text in "[a-z \u{E9}\u{1F600}]{0,12}") {
            let p = Profile::new(&text, &[]);
            for n in 0..2 {
                proptest::prop_assert_eq!(p.chars_len(n), p.chars()[n].len());
            }
        }

        /// Two texts share at most as many character 3-grams as the bucket counts allow, for
        /// texts of few letters (so that n-grams repeat), beyond ASCII and the BMP, and texts
        /// with more than 255 of one n-gram (which fall back on the smaller text's count).
        #[test]
        fn buckets_bound_the_shared_char3(
            a in "[ab \u{E9}\u{1F600}]{0,40}",
            b in "[ab \u{E9}\u{1F600}]{0,40}",
            long in proptest::prop_oneof![proptest::strategy::Just(0usize), 250usize..300],
        ) {
            let a = format!("{a}{}", "a".repeat(long));
            let (a, b) = (Profile::new(&a, &[]), Profile::new(&b, &[]));
            let exact = shared_counted(&a.chars()[0], &b.chars()[0]);
            let most = most_shared_char3(&a, &b);
            proptest::prop_assert!(exact <= most, "{exact} > {most}");
            proptest::prop_assert!(most <= a.chars_len(0).min(b.chars_len(0)));
        }

        /// The bit-parallel edit distance and subsequence are the table's, for any lengths up
        /// to past a machine word and a small alphabet (so that items repeat).
        #[test]
        fn bits_agree_with_the_table(
            a in proptest::collection::vec(0u8..4, 0..80),
            b in proptest::collection::vec(0u8..4, 0..80),
        ) {
            proptest::prop_assert_eq!(order(&a, &b), order_table(&a, &b));
            proptest::prop_assert_eq!(order(&b, &a), order_table(&a, &b));
        }
    }
}
