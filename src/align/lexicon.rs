//! Related words, from WordNet 3.0: which two words can stand for each other ("buy" and
//! "purchase", "resign" and "resignation", "bought" and "buy").
//!
//! The table `wordnet.txt` is generated from the WordNet database by `scripts/gen-wordnet`
//! and compiled into the library, so that every machine reads the same table (WordNet's
//! licence is in the table's header). Each word has concept ids: its synsets and the synsets
//! one derivation, similarity or pertainym link away; two words are related when they share
//! one. A word not in the table is looked up by its base forms: irregular forms from
//! WordNet's exception lists ("bought" → "buy") and WordNet's suffix rules ("companies" →
//! "company").

use std::sync::OnceLock;

/// The generated table.
const TABLE: &str = include_str!("wordnet.txt");

/// WordNet's detachment rules: a suffix and what replaces it in the base form.
const RULES: &[(&str, &str)] = &[
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("er", ""),
    ("est", ""),
    ("er", "e"),
    ("est", "e"),
];

/// The table's two sorted regions: `lemma id ...` lines, then `=form base ...` lines. Looking a
/// word up is a binary search over the lines of a region, straight in the compiled-in text, so
/// nothing is parsed or built at start-up (a hash map of the 56,000 lemmas took 10 ms, twice
/// the time of a whole comparison).
struct Regions {
    lemmas: &'static str,
    forms: &'static str,
}

fn regions() -> &'static Regions {
    static REGIONS: OnceLock<Regions> = OnceLock::new();
    REGIONS.get_or_init(|| {
        // Skip the header: comment lines at the top.
        let mut body = TABLE;
        while body.starts_with('#') {
            body = body.split_once('\n').map_or("", |(_, rest)| rest);
        }
        // The forms come last and are few: find where they start from the end, line by line,
        // rather than scanning the 1.5 MB of lemmas.
        let mut split = body.len();
        while let Some(line_start) = body[..split.saturating_sub(1)]
            .rfind('\n')
            .map(|i| i + 1)
            .filter(|&i| body[i..].starts_with('='))
        {
            split = line_start;
        }
        if split == body.len() && body.starts_with('=') {
            split = 0;
        }
        Regions {
            lemmas: &body[..split],
            forms: &body[split..],
        }
    })
}

/// The rest of the line whose first field is `head`, in a region of lines sorted by first
/// field, without the separating space.
fn find(region: &'static str, head: &str) -> Option<&'static str> {
    let bytes = region.as_bytes();
    let (mut lo, mut hi) = (0usize, bytes.len());
    // Invariant: every line starting before `lo` has a smaller head, and every line starting
    // at or after `hi` a larger one; `lo` is always a line start.
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[lo..mid]
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let end = bytes[start..]
            .iter()
            .position(|b| *b == b'\n')
            .map_or(bytes.len(), |i| start + i);
        let line = region.get(start..end)?;
        let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
        match key.cmp(head) {
            std::cmp::Ordering::Equal => return Some(rest),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    None
}

/// The concept ids of a lower-case word, through all its base forms, sorted and without
/// repeats; empty for a word WordNet does not relate to any other.
pub fn concepts(word: &str) -> Vec<u32> {
    let regions = regions();
    let mut out: Vec<u32> = Vec::new();
    let mut add = |base: &str| {
        if let Some(ids) = find(regions.lemmas, base) {
            out.extend(
                ids.split(' ')
                    .filter_map(|f| u32::from_str_radix(f, 36).ok()),
            );
        }
    };
    add(word);
    if let Some(bases) = find(regions.forms, &format!("={word}")) {
        for base in bases.split(' ') {
            add(base);
        }
    }
    let mut base = String::with_capacity(word.len() + 2);
    for (suffix, replacement) in RULES {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.len() > 1
        {
            base.clear();
            base.push_str(stem);
            base.push_str(replacement);
            add(&base);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Do two sorted lists of concept ids share one?
pub fn related(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(a: &str, b: &str, expected: bool) {
        assert_eq!(
            related(&concepts(a), &concepts(b)),
            expected,
            "{a} / {b} related?"
        );
    }

    #[test]
    fn synonyms_derivations_and_inflections_relate() {
        check("buy", "purchase", true);
        check("bought", "purchased", true);
        check("resigned", "resignation", true);
        check("cities", "metropolis", true);
        check("children", "kid", true);
        check("buy", "sell", false);
        check("zzzz", "zzzz", false);
    }

    #[test]
    fn every_table_line_is_found_by_the_binary_search() {
        let r = regions();
        for region in [r.lemmas, r.forms] {
            let mut previous = "";
            for line in region.lines() {
                let (head, rest) = line.split_once(' ').unwrap_or((line, ""));
                assert!(previous < head, "table not sorted at {head}");
                assert_eq!(find(region, head), Some(rest), "{head}");
                previous = head;
            }
        }
        assert!(r.lemmas.starts_with("a "), "header left in the lemmas");
        assert!(r.forms.starts_with('='), "forms region");
        assert_eq!(find(r.lemmas, "a"), Some("mkj ywl zkd zsm"));
        assert_eq!(find(r.lemmas, "zzzzzz"), None);
        assert_eq!(find(r.lemmas, ""), None);
        assert_eq!(find(r.forms, "=bought"), Some("buy"));
    }
}
