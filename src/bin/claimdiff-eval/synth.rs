//! Synthetic clusters: N sources about one event, made from the project's own articles, for
//! the benchmarks (`claimdiff-eval synth`, `benches/pipeline.rs`, `scripts/bench`).
//!
//! Source `i` is a copy of base article `i mod bases` (by default the seed pair, so sources
//! alternate between the two outlets' articles) with a few edits of its own, planted by the
//! mutator (`plant.rs`) with a generator seeded once per cluster, so a seed always gives the
//! same cluster:
//! - each of a dropped sentence, a changed number, words changed or cut in a quote and a
//!   misspelt name, with probability 1/2 each (at least one of them);
//! - then, with probability 1/2, two neighbouring sentences swapped (never the first, never
//!   one with a quote mark).
//!
//! So the sources share most claims and differ a little, as several outlets' coverage of one
//! event does. Every source is plain text (the base's clean text, edited).
//!
//! This file is also compiled into `benches/pipeline.rs` with `#[path]`: it may use only the
//! library and `crate::plant`.

use std::ops::Range;

use claimdiff::ingest::{Format, ingest_str};
use claimdiff::segment::segment;
use claimdiff::text;

use crate::plant::{Kind, plant_kinds};

/// The default bases: the seed pair (the first is HTML-ish text; its clean text is used).
pub const SEED_PAIR: [&str; 2] = [
    include_str!("../../../fixtures/seeds/000_1d63caa255d4b3ee.txt"),
    include_str!("../../../fixtures/seeds/003_8725cc8dd04a3928.txt"),
];

/// The edits a source may get, each with probability 1/2.
const KINDS: [Kind; 4] = [Kind::Drop, Kind::Number, Kind::QuoteWords, Kind::Name];

/// One generated source.
#[derive(Debug, Clone)]
pub struct Source {
    /// Its name: `s001`, `s002`, ...
    pub id: String,
    /// Its text (plain text).
    pub text: String,
}

/// `n` sources made from `bases` (raw articles, text or HTML, format sniffed) with seed `seed`.
/// An empty `bases` means the seed pair.
pub fn cluster(bases: &[String], n: usize, seed: u64) -> Vec<Source> {
    let bases: Vec<String> = if bases.is_empty() {
        SEED_PAIR.iter().map(|s| s.to_string()).collect()
    } else {
        bases.to_vec()
    };
    let clean: Vec<String> = bases.iter().map(|b| ingest_str(b, None).text).collect();
    let mut rng = fastrand::Rng::with_seed(seed);
    (0..n)
        .map(|i| Source {
            id: format!("s{:03}", i + 1),
            text: variant(&clean[i % clean.len()], &mut rng),
        })
        .collect()
}

/// One edited copy of a clean text.
fn variant(text: &str, rng: &mut fastrand::Rng) -> String {
    let mut kinds: Vec<Kind> = KINDS.iter().copied().filter(|_| rng.bool()).collect();
    if kinds.is_empty() {
        kinds.push(KINDS[rng.usize(..KINDS.len())]);
    }
    let copy = plant_kinds(text, rng, &kinds).copy;
    if !rng.bool() {
        return copy;
    }
    // Two neighbouring sentences swapped, neither the first nor holding a quote mark (which
    // would move a quote's opening or closing mark away from the rest of it).
    let doc = ingest_str(&copy, Some(Format::Text));
    let sentences: Vec<Range<usize>> = segment(&doc).into_iter().map(|s| s.range).collect();
    let plain = |r: &Range<usize>| !doc.text[r.clone()].chars().any(text::is_double_quote);
    let swappable: Vec<usize> = (1..sentences.len().saturating_sub(1))
        .filter(|&i| plain(&sentences[i]) && plain(&sentences[i + 1]))
        .collect();
    if swappable.is_empty() {
        return copy;
    }
    let i = swappable[rng.usize(..swappable.len())];
    let (x, y) = (&sentences[i], &sentences[i + 1]);
    let t = &doc.text;
    format!(
        "{}{}{}{}{}",
        &t[..x.start],
        &t[y.clone()],
        &t[x.end..y.start],
        &t[x.clone()],
        &t[y.end..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_the_same_cluster_and_sources_differ_a_little() {
        let a = cluster(&[], 6, 1);
        let b = cluster(&[], 6, 1);
        assert_eq!(a.len(), 6);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.id, y.id);
            assert_eq!(x.text, y.text);
        }
        let base = ingest_str(SEED_PAIR[0], None);
        let sentences: Vec<&str> = segment(&base)
            .into_iter()
            .map(|s| &base.text[s.range])
            .collect();
        for s in a.iter().step_by(2) {
            assert_ne!(s.text.trim(), base.text.trim());
            // Most of the base survives: a few edits, not a rewrite.
            let kept = sentences.iter().filter(|x| s.text.contains(**x)).count();
            assert!(
                kept + 4 >= sentences.len(),
                "{kept}/{}: {}",
                sentences.len(),
                s.text
            );
        }
        assert_ne!(cluster(&[], 6, 2)[0].text, a[0].text);
    }
}
