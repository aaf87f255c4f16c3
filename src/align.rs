//! Align: which claims of different sources say the same thing.
//!
//! Candidate pairs come from an inverted index over content-word stems, so the cost grows with
//! the input rather than with its square. Each candidate is scored from content-word overlap
//! (IDF-weighted Dice and containment) and character-level similarity (strsim's Sørensen-Dice
//! on bigrams); the best one-to-one matches above a threshold are merged greedily into groups
//! holding at most one claim per source. Every claim ends in exactly one group.
//!
//! This is the only module that knows the similarity library.

use std::collections::{BTreeMap, HashMap};

use crate::extract::{Claim, ClaimKind};
use crate::text;

/// A claim of one source: (source index, claim index within that source).
pub type ClaimRef = (usize, usize);

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
    /// Lowest score at which two statements are the same claim.
    pub statement_threshold: f64,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            quote_threshold: 0.35,
            statement_threshold: 0.30,
        }
    }
}

/// What the matcher knows of one claim.
struct Features {
    kind: ClaimKind,
    stems: Vec<String>,
    key: String,
}

/// Every candidate pair of claims of different sources with its score, best first, whether or
/// not it reaches the threshold. Candidates come from the inverted index: claims sharing no
/// content word are never scored.
pub fn scored_pairs(sources: &[&[Claim]]) -> Vec<(f64, ClaimRef, ClaimRef)> {
    let features = features_of(sources);
    scored(&features)
}

fn features_of(sources: &[&[Claim]]) -> Vec<Vec<Features>> {
    sources
        .iter()
        .map(|claims| {
            claims
                .iter()
                .map(|c| {
                    let mut stems = text::content_stems(&c.text);
                    stems.sort();
                    stems.dedup();
                    Features {
                        kind: c.kind,
                        stems,
                        key: text::key(&c.text),
                    }
                })
                .collect()
        })
        .collect()
}

fn scored(features: &[Vec<Features>]) -> Vec<(f64, ClaimRef, ClaimRef)> {
    // Document frequency of each stem over all claims, and the inverted index.
    let total: usize = features.iter().map(Vec::len).sum();
    let mut index: HashMap<&str, Vec<ClaimRef>> = HashMap::new();
    for (s, fs) in features.iter().enumerate() {
        for (c, f) in fs.iter().enumerate() {
            for stem in &f.stems {
                index.entry(stem.as_str()).or_default().push((s, c));
            }
        }
    }
    let idf = |stem: &str| {
        let df = index.get(stem).map_or(0, Vec::len);
        ((1.0 + total as f64) / (1.0 + df as f64)).ln() + 1.0
    };

    // Candidate pairs: claims of different sources sharing a stem.
    let mut shared: BTreeMap<(ClaimRef, ClaimRef), ()> = BTreeMap::new();
    for refs in index.values() {
        for (i, a) in refs.iter().enumerate() {
            for b in &refs[i + 1..] {
                if a.0 != b.0 {
                    let pair = if a < b { (*a, *b) } else { (*b, *a) };
                    shared.insert(pair, ());
                }
            }
        }
    }
    let mut pairs: Vec<(f64, ClaimRef, ClaimRef)> = Vec::new();
    for &(a, b) in shared.keys() {
        let fa = &features[a.0][a.1];
        let fb = &features[b.0][b.1];
        if fa.kind != fb.kind {
            continue;
        }
        let score = similarity(fa, fb, &idf);
        if score > 0.0 {
            pairs.push((score, a, b));
        }
    }
    // Best first; ties broken by the claims' texts so that source order does not matter.
    pairs.sort_by(|x, y| {
        y.0.total_cmp(&x.0).then_with(|| {
            let kx = tie_key(features, x.1, x.2);
            let ky = tie_key(features, y.1, y.2);
            kx.cmp(&ky)
        })
    });

    pairs
}

/// Aligns the claims of several sources into groups.
pub fn align(sources: &[&[Claim]], options: &AlignOptions) -> Vec<Group> {
    let features = features_of(sources);
    let pairs = scored(&features).into_iter().filter(|(score, a, _)| {
        let threshold = match features[a.0][a.1].kind {
            ClaimKind::Quote => options.quote_threshold,
            ClaimKind::Statement => options.statement_threshold,
        };
        *score >= threshold
    });
    // Greedy merging with at most one claim per source in a group.
    let mut group_of: HashMap<ClaimRef, usize> = HashMap::new();
    let mut groups: Vec<(Vec<ClaimRef>, Vec<f64>)> = Vec::new();
    for (score, a, b) in pairs {
        match (group_of.get(&a).copied(), group_of.get(&b).copied()) {
            (None, None) => {
                groups.push((vec![a, b], vec![score]));
                group_of.insert(a, groups.len() - 1);
                group_of.insert(b, groups.len() - 1);
            }
            (Some(g), None) | (None, Some(g)) => {
                let new = if group_of.contains_key(&a) { b } else { a };
                if groups[g].0.iter().all(|c| c.0 != new.0) {
                    groups[g].0.push(new);
                    groups[g].1.push(score);
                    group_of.insert(new, g);
                }
            }
            (Some(g), Some(h)) if g != h => {
                let disjoint = groups[g]
                    .0
                    .iter()
                    .all(|c| groups[h].0.iter().all(|d| d.0 != c.0));
                if disjoint {
                    let (moved, scores) = std::mem::take(&mut groups[h]);
                    for c in &moved {
                        group_of.insert(*c, g);
                    }
                    groups[g].0.extend(moved);
                    groups[g].1.extend(scores);
                    groups[g].1.push(score);
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

fn tie_key(features: &[Vec<Features>], a: ClaimRef, b: ClaimRef) -> (&str, &str) {
    let ka = features[a.0][a.1].key.as_str();
    let kb = features[b.0][b.1].key.as_str();
    if ka <= kb { (ka, kb) } else { (kb, ka) }
}

/// The similarity of two claims, 0 to 1.
fn similarity(a: &Features, b: &Features, idf: &dyn Fn(&str) -> f64) -> f64 {
    let weight = |stems: &[String]| stems.iter().map(|s| idf(s)).sum::<f64>();
    let (wa, wb) = (weight(&a.stems), weight(&b.stems));
    if wa == 0.0 || wb == 0.0 {
        return 0.0;
    }
    let mut common = 0.0;
    let mut shared = 0;
    for s in &a.stems {
        if b.stems.binary_search(s).is_ok() {
            common += idf(s);
            shared += 1;
        }
    }
    if shared < 2 && a.stems.len().min(b.stems.len()) > 2 {
        return 0.0;
    }
    let dice = 2.0 * common / (wa + wb);
    let containment = common / wa.min(wb);
    let chars = strsim::sorensen_dice(&a.key, &b.key);
    0.45 * dice + 0.25 * containment + 0.30 * chars
}

/// A pairwise similarity score for two texts, for callers outside the pipeline (evaluation).
pub fn text_similarity(a: &str, b: &str) -> f64 {
    let fa = Features {
        kind: ClaimKind::Statement,
        stems: sorted(text::content_stems(a)),
        key: text::key(a),
    };
    let fb = Features {
        kind: ClaimKind::Statement,
        stems: sorted(text::content_stems(b)),
        key: text::key(b),
    };
    similarity(&fa, &fb, &|_| 1.0)
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(kind: ClaimKind, text: &str) -> Claim {
        Claim {
            kind,
            text: text.to_string(),
            range: 0..text.len(),
            sentence: 0,
            block: None,
            speaker: None,
            channel: None,
            numbers: vec![],
            names: vec![],
        }
    }

    /// Aligns two lists of statements; checks which pairs end in one group.
    fn check(a: &[&str], b: &[&str], expected: &[(usize, usize)]) {
        let ca: Vec<Claim> = a.iter().map(|t| claim(ClaimKind::Statement, t)).collect();
        let cb: Vec<Claim> = b.iter().map(|t| claim(ClaimKind::Statement, t)).collect();
        let groups = align(&[&ca, &cb], &AlignOptions::default());
        let mut got: Vec<(usize, usize)> = groups
            .iter()
            .filter(|g| g.claims.len() == 2)
            .map(|g| (g.claims[0].1, g.claims[1].1))
            .collect();
        got.sort();
        assert_eq!(got, expected);
        let total: usize = groups.iter().map(|g| g.claims.len()).sum();
        assert_eq!(total, a.len() + b.len(), "every claim in exactly one group");
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
