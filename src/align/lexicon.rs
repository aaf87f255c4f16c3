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

use std::collections::HashMap;
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

struct Lexicon {
    concepts: HashMap<&'static str, Vec<u32>>,
    irregular: HashMap<&'static str, Vec<&'static str>>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut concepts = HashMap::new();
        let mut irregular = HashMap::new();
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split(' ');
            let Some(head) = fields.next() else { continue };
            if let Some(form) = head.strip_prefix('=') {
                irregular.insert(form, fields.collect());
            } else {
                let mut ids: Vec<u32> = fields
                    .filter_map(|f| u32::from_str_radix(f, 36).ok())
                    .collect();
                ids.sort_unstable();
                concepts.insert(head, ids);
            }
        }
        Lexicon {
            concepts,
            irregular,
        }
    })
}

/// The concept ids of a lower-case word, through all its base forms, sorted and without
/// repeats; empty for a word WordNet does not relate to any other.
pub fn concepts(word: &str) -> Vec<u32> {
    let lex = lexicon();
    let mut out: Vec<u32> = Vec::new();
    let mut add = |base: &str| {
        if let Some(ids) = lex.concepts.get(base) {
            out.extend(ids);
        }
    };
    add(word);
    for base in lex.irregular.get(word).into_iter().flatten() {
        add(base);
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
}
