//! The statement matcher's model: lexical features of a pair of texts and a logistic
//! regression over them that says how likely the two say the same thing.
//!
//! The features are word and character n-gram overlaps, word order (edit distance, longest
//! common subsequence), and what one text has that the other lacks (numbers, capitalised
//! names, content words). The weights were fitted on the tuning half of the Microsoft
//! Research Paraphrase Corpus (pairs with an even `#1 ID`) by `claimdiff-eval fit-mrpc`; see
//! ARCHITECTURE.md. Nothing of the corpus is kept but these weights.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use crate::extract::numbers::{Number, Value};
use crate::text;

/// How many features a pair has.
pub const FEATURES: usize = 15;

/// The names of the features, in order.
pub const NAMES: [&str; FEATURES] = [
    "word_f1",
    "word_min_share",
    "bigram_f1",
    "trigram_max_share",
    "trigram_f1",
    "fourgram_f1",
    "char4_f1",
    "word_edit_distance",
    "lcs_min_share",
    "numbers_unmatched",
    "numbers_any",
    "names_unmatched",
    "content_unmatched_max",
    "length_ratio",
    "log_length",
];

/// The fitted weights of the features, in the order of [`NAMES`], on their raw scale.
// BEGIN fitted weights (claimdiff-eval fit-mrpc --write)
pub const WEIGHTS: [f64; FEATURES] = [
    -4.616705, // word_f1
    6.945141,  // word_min_share
    0.358099,  // bigram_f1
    0.130008,  // trigram_max_share
    -3.396798, // trigram_f1
    -1.626304, // fourgram_f1
    2.245945,  // char4_f1
    -1.440809, // word_edit_distance
    2.750603,  // lcs_min_share
    -0.285726, // numbers_unmatched
    0.210770,  // numbers_any
    0.027510,  // names_unmatched
    -0.195905, // content_unmatched_max
    -3.609869, // length_ratio
    1.443084,  // log_length
];
/// The fitted intercept.
pub const BIAS: f64 = -2.249748;
// END fitted weights

/// Longest texts (in words) whose edit distance and common subsequence are computed exactly;
/// longer ones use their word overlap instead, so that a pathological claim stays cheap.
const MAX_ORDER_WORDS: usize = 400;

/// What the model needs of one text, computed once.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Stems of every word, in order.
    stems: Vec<String>,
    /// Hashes of the word n-grams (1 to 4), each sorted.
    grams: [Vec<u64>; 4],
    /// Hashes of the character 4-grams of the folded text, sorted.
    chars: Vec<u64>,
    /// Content stems, sorted, without repeats.
    content: Vec<String>,
    /// The values of the numbers.
    numbers: Vec<Value>,
    /// Capitalised words other than the first, folded, sorted, without repeats.
    names: Vec<String>,
}

fn hash<T: Hash + ?Sized>(t: &T) -> u64 {
    let mut h = DefaultHasher::new();
    t.hash(&mut h);
    h.finish()
}

impl Profile {
    /// The profile of a text and the numbers found in it.
    pub fn new(text_: &str, numbers: &[Number]) -> Profile {
        let words = text::words(text_);
        let stems: Vec<String> = words
            .iter()
            .map(|w| {
                let k = text::key(w.text);
                let k = k
                    .strip_suffix("'s")
                    .or_else(|| k.strip_suffix('\''))
                    .unwrap_or(&k)
                    .to_string();
                text::stem(&k)
            })
            .collect();
        let grams = std::array::from_fn(|n| {
            let mut v: Vec<u64> = stems.windows(n + 1).map(hash).collect();
            v.sort_unstable();
            v
        });
        let folded: Vec<char> = text::key(text_).chars().collect();
        let mut chars: Vec<u64> = folded.windows(4).map(hash).collect();
        chars.sort_unstable();
        let mut content = text::content_stems(text_);
        content.sort();
        content.dedup();
        let mut names: Vec<String> = words
            .iter()
            .skip(1)
            .filter(|w| text::is_capitalised(w.text))
            .map(|w| text::key(w.text))
            .collect();
        names.sort();
        names.dedup();
        Profile {
            stems,
            grams,
            chars,
            content,
            numbers: numbers.iter().map(|n| n.value).collect(),
            names,
        }
    }
}

/// How many items two sorted multisets share.
fn shared_sorted<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// (F1, smaller share, larger share) of the overlap of two sorted multisets.
fn overlap<T: Ord>(a: &[T], b: &[T]) -> (f64, f64, f64) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let c = shared_sorted(a, b) as f64;
    let (p, r) = (c / a.len() as f64, c / b.len() as f64);
    (2.0 * c / (a.len() + b.len()) as f64, p.min(r), p.max(r))
}

/// Word-level edit distance and longest common subsequence of two stem sequences.
fn order(a: &[String], b: &[String]) -> (usize, usize) {
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

/// The features of a pair of texts, in the order of [`NAMES`].
pub fn features(a: &Profile, b: &Profile) -> [f64; FEATURES] {
    let (word_f1, word_min, _) = overlap(&a.grams[0], &b.grams[0]);
    let (bigram_f1, _, _) = overlap(&a.grams[1], &b.grams[1]);
    let (trigram_f1, _, trigram_max) = overlap(&a.grams[2], &b.grams[2]);
    let (fourgram_f1, _, _) = overlap(&a.grams[3], &b.grams[3]);
    let (char_f1, _, _) = overlap(&a.chars, &b.chars);
    let (la, lb) = (a.stems.len(), b.stems.len());
    let longer = la.max(lb).max(1) as f64;
    let (edit, lcs_min) = if la.max(lb) <= MAX_ORDER_WORDS {
        let (d, l) = order(&a.stems, &b.stems);
        (d as f64 / longer, l as f64 / longer)
    } else {
        (1.0 - word_f1, word_min)
    };
    let unmatched_numbers = |x: &Profile, y: &Profile| {
        x.numbers
            .iter()
            .filter(|v| !y.numbers.iter().any(|w| w.same(v)))
            .count()
    };
    let numbers = unmatched_numbers(a, b) + unmatched_numbers(b, a);
    let names = a.names.len() + b.names.len() - 2 * shared_sorted(&a.names, &b.names);
    let shared_content = shared_sorted(&a.content, &b.content);
    let unmatched = (a.content.len() - shared_content).max(b.content.len() - shared_content);
    [
        word_f1,
        word_min,
        bigram_f1,
        trigram_max,
        trigram_f1,
        fourgram_f1,
        char_f1,
        edit,
        lcs_min,
        numbers.min(4) as f64,
        f64::from(u8::from(!a.numbers.is_empty() || !b.numbers.is_empty())),
        names.min(6) as f64,
        unmatched.min(15) as f64,
        la.min(lb) as f64 / longer,
        (1.0 + (la + lb) as f64).ln(),
    ]
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

    #[test]
    fn identical_texts_overlap_fully() {
        let a = profile("The council approved the budget on Tuesday.");
        let f = features(&a, &a);
        assert_eq!(f[0], 1.0);
        assert_eq!(f[7], 0.0, "no edits");
        assert_eq!(f[8], 1.0, "the whole text is common");
        assert_eq!(f[9], 0.0);
        assert_eq!(f[11], 0.0);
    }

    #[test]
    fn what_one_text_lacks_is_counted() {
        let a = profile("Shares of Acme rose 5 percent on Monday.");
        let b = profile("Shares of Acme rose 7 percent on Monday after Zenith reported.");
        let f = features(&a, &b);
        assert_eq!(f[9], 2.0, "5 and 7 are each unmatched");
        assert_eq!(f[11], 1.0, "Zenith");
        assert_eq!(
            f[12], 3.0,
            "7, after, zenith, report: 4 words of b minus the stop word"
        );
        assert!(f[13] < 1.0);
    }

    #[test]
    fn edit_distance_and_subsequence() {
        let s = |t: &str| t.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(order(&s("a b c d"), &s("a c d e")), (2, 3));
        assert_eq!(order(&s("a b"), &s("a b")), (0, 2));
        assert_eq!(order(&s("x"), &[]), (1, 0));
    }
}
