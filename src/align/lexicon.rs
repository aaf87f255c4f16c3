//! Related words, from WordNet 3.0: which two words can stand for each other ("buy" and
//! "purchase", "resign" and "resignation", "bought" and "buy").
//!
//! The table `wordnet.txt` is generated from the WordNet database by `scripts/gen-wordnet`
//! and compiled into the library, so that every machine reads the same table (WordNet's
//! licence is in the table's header). Each word has concept ids: its synsets and the synsets
//! one derivation, similarity or pertainym link away; two words are related when they share
//! one. (The generator leaves out an id whose words all hold another id as well: it relates
//! nothing the other does not, and shorter lists make the matching cheaper.) A word not in the
//! table is looked up by its base forms: irregular forms from WordNet's exception lists
//! ("bought" → "buy") and WordNet's suffix rules ("companies" → "company"). For a lemma of the
//! table, the build script has gathered those ids and the word's stem ahead of time
//! ([`lemma_part`]): six words in ten of news text are lemmas, and each would otherwise cost the
//! stemmer and several look-ups the first time a thread meets it.

use super::wordnet_bucket::{BUCKETS, bucket, key8};
use super::wordnet_rules::concepts_of;

/// The generated table.
const TABLE: &str = include_str!("wordnet.txt");

/// The build script's index of the table (see `build.rs`), as little-endian `u32` runs: per
/// lemma (offset, length, first id), closed by a record holding the number of ids; the ids;
/// per irregular form (offset, length, offset of its bases, their length). A look-up is a
/// binary search over these fixed-size records, comparing against the table's text in place,
/// so nothing is parsed or built at start-up (a hash map of the 56,000 lemmas took 10 ms,
/// twice the time of a whole comparison).
const LEMMAS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet-lemmas.bin"));
const IDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet-ids.bin"));
const FORMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet-forms.bin"));
/// Where each bucket of words ([`bucket`]) starts among the lemma records and the form records.
const LEMMA_BUCKETS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet-lemma-buckets.bin"));
const FORM_BUCKETS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet-form-buckets.bin"));
/// Each lemma's and each form's [`key8`], in record order (see `build.rs`).
const LEMMA_KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet-lemma-keys.bin"));
const FORM_KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet-form-keys.bin"));
/// What the build script worked out for each lemma as a word (see `build.rs`): per lemma record,
/// its stem's offset and length in [`STEMS`] and where its ids through all base forms start in
/// [`PART_IDS`], closed by a record holding the number of those ids.
const PARTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet-parts.bin"));
const STEMS: &str = include_str!(concat!(env!("OUT_DIR"), "/wordnet-stems.txt"));
const PART_IDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet-part-ids.bin"));

/// Field `field` of record `i` of a run of records of `width` `u32`s.
fn field(run: &[u8], width: usize, i: usize, field: usize) -> usize {
    let at = (i * width + field) * 4;
    u32::from_le_bytes([run[at], run[at + 1], run[at + 2], run[at + 3]]) as usize
}

/// The index of the record of `run` (`width` `u32`s each, the first two a text's offset and
/// length in the table; sorted by that text, with `buckets` saying where each bucket of texts
/// starts and `keys` giving each text's [`key8`]) whose text is `head`. The binary search
/// compares the keys, held side by side; only records whose key is the head's have their text
/// compared.
fn find(run: &[u8], width: usize, buckets: &[u8], keys: &[u8], head: &str) -> Option<usize> {
    debug_assert_eq!(
        buckets.len(),
        (BUCKETS + 1) * 4,
        "a start per bucket, then the count"
    );
    let b = bucket(head)?;
    let (mut lo, end) = (field(buckets, 1, b, 0), field(buckets, 1, b + 1, 0));
    let key_at = |i: usize| {
        let at = i * 8;
        keys.get(at..at + 8)
            .and_then(|k| k.try_into().ok())
            .map_or(u64::MAX, u64::from_le_bytes)
    };
    let wanted = key8(head);
    // The first record of the bucket whose key is not below the head's.
    let mut hi = end;
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if key_at(mid) < wanted {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    (lo..end).take_while(|&i| key_at(i) == wanted).find(|&i| {
        let at = field(run, width, i, 0);
        TABLE.as_bytes().get(at..at + field(run, width, i, 1)) == Some(head.as_bytes())
    })
}

/// The concept ids of a lemma, as the table lists them; `None` when it is not in the table.
fn lemma_ids(lemma: &str) -> Option<impl Iterator<Item = u32> + use<>> {
    let i = find(LEMMAS, 3, LEMMA_BUCKETS, LEMMA_KEYS, lemma)?;
    let (from, to) = (field(LEMMAS, 3, i, 2), field(LEMMAS, 3, i + 1, 2));
    Some((from..to).map(|k| field(IDS, 1, k, 0) as u32))
}

/// The base forms the table gives an irregular form ("bought" → "buy"), space-separated.
fn form_bases(form: &str) -> Option<&'static str> {
    let i = find(FORMS, 4, FORM_BUCKETS, FORM_KEYS, form)?;
    let at = field(FORMS, 4, i, 2);
    TABLE.get(at..at + field(FORMS, 4, i, 3))
}

/// The concept ids of a lower-case word, through all its base forms, sorted and without
/// repeats; empty for a word WordNet does not relate to any other.
pub fn concepts(word: &str) -> Vec<u32> {
    concepts_of(word, lemma_ids, form_bases)
}

/// [`concepts`] of a word known to be no lemma ([`lemma_part`] found none): the same ids,
/// without looking the word itself up again.
pub fn concepts_of_other(word: &str) -> Vec<u32> {
    concepts_of(
        word,
        |base| if base == word { None } else { lemma_ids(base) },
        form_bases,
    )
}

/// For a lemma of the table, its Snowball stem ([`crate::text::stem`]) and its [`concepts`],
/// worked out by the build script: one look-up instead of the stemmer and a look-up for each
/// base form. `None` for a word that is no lemma.
pub fn lemma_part(word: &str) -> Option<(&'static str, Vec<u32>)> {
    let i = find(LEMMAS, 3, LEMMA_BUCKETS, LEMMA_KEYS, word)?;
    let at = field(PARTS, 3, i, 0);
    let stem = STEMS.get(at..at + field(PARTS, 3, i, 1))?;
    let (from, to) = (field(PARTS, 3, i, 2), field(PARTS, 3, i + 1, 2));
    Some((
        stem,
        (from..to)
            .map(|k| field(PART_IDS, 1, k, 0) as u32)
            .collect(),
    ))
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
    fn every_table_line_is_found_through_the_index() {
        let (mut lemmas, mut forms) = (0, 0);
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let (head, rest) = line.split_once(' ').unwrap_or((line, ""));
            if let Some(form) = head.strip_prefix('=') {
                forms += 1;
                assert_eq!(form_bases(form), Some(rest), "{head}");
            } else {
                lemmas += 1;
                let expected: Vec<u32> = rest
                    .split(' ')
                    .map(|id| u32::from_str_radix(id, 36).unwrap())
                    .collect();
                let ids: Vec<u32> = lemma_ids(head).expect(head).collect();
                assert_eq!(ids, expected, "{head}");
            }
        }
        assert_eq!(
            lemmas,
            LEMMAS.len() / 12 - 1,
            "a lemma record per lemma line"
        );
        assert_eq!(forms, FORMS.len() / 16, "a form record per form line");
        assert!(
            lemmas > 50_000 && forms > 3_000,
            "{lemmas} lemmas, {forms} forms"
        );
        let a: Vec<u32> = lemma_ids("a").unwrap().collect();
        let parse = |id| u32::from_str_radix(id, 36).unwrap();
        assert_eq!(a, ["cqt", "hwa", "i97", "ieh"].map(parse));
        assert!(lemma_ids("zzzzzz").is_none());
        assert!(lemma_ids("").is_none());
        assert!(form_bases("").is_none());
        assert_eq!(form_bases("bought"), Some("buy"));
        assert_eq!(form_bases("buy"), None);
    }

    #[test]
    fn every_lemma_has_the_stem_and_concepts_worked_out_on_first_use() {
        let mut checked = 0;
        for line in TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with('='))
        {
            let lemma = line.split(' ').next().unwrap_or(line);
            let (stem, ids) = lemma_part(lemma).expect(lemma);
            assert_eq!(stem, crate::text::stem(lemma), "stem of {lemma}");
            assert_eq!(ids, concepts(lemma), "concepts of {lemma}");
            checked += 1;
        }
        assert!(checked > 50_000, "{checked} lemmas");
        assert_eq!(lemma_part("bought"), None, "a form, not a lemma");
        for other in ["bought", "companies", "rallied", "zzzz"] {
            assert_eq!(concepts_of_other(other), concepts(other), "{other}");
        }
        let (stem, ids) = lemma_part("glasses").expect("a lemma");
        assert_eq!(stem, "glass");
        assert!(
            ids.len() > lemma_ids("glasses").expect("a lemma").count(),
            "the ids of \"glass\" too"
        );
    }
}
