//! Build script: indexes the WordNet table (`src/align/wordnet.txt`) at compile time, so that
//! the library looks a word up by a binary search over fixed-size records instead of scanning
//! the 1.5 MB of text for line breaks and parsing base-36 ids on every look-up. The table
//! itself stays the source of truth; the index is derived from it on every build where it
//! changed.
//!
//! Writes to `OUT_DIR`, each a run of little-endian `u32`:
//! - `wordnet-lemmas.bin`: per lemma line, in table order (sorted by lemma): the lemma's byte
//!   offset in the table, its length, and where its ids start in `wordnet-ids.bin` (in ids);
//!   then one closing record whose third field is the number of ids;
//! - `wordnet-ids.bin`: the concept ids of all lemmas, parsed from base 36;
//! - `wordnet-forms.bin`: per irregular-form line (`=form base ...`): the form's offset (after
//!   the `=`) and length, and the offset and length of its bases;
//! - `wordnet-lemma-buckets.bin` and `wordnet-form-buckets.bin`: for each bucket of words by
//!   their first two letters (`src/align/wordnet_bucket.rs`), the first record of that bucket or a later one,
//!   then the number of records: a look-up searches only its bucket;
//! - `wordnet-parts.bin`: per lemma record, what the aligner would work out for the lemma as a
//!   word on first meeting it, worked out here once: the offset and length of its Snowball
//!   stem in `wordnet-stems.txt`, and where its concept ids through all its base forms
//!   (`src/align/wordnet_rules.rs`) start in `wordnet-part-ids.bin`; then one closing record
//!   whose third field is the number of those ids;
//! - `wordnet-lemma-keys.bin` and `wordnet-form-keys.bin`: per lemma and per form record, the
//!   first eight bytes of its word as a big-endian `u64` (zero bytes after a shorter word), as
//!   little-endian `u64`s: ordered as the words are, so that a look-up's binary search compares
//!   numbers held side by side instead of reaching into the table's text at each step;
//! - `wordnet-stems.txt`: the stems, one after another;
//! - `wordnet-part-ids.bin`: the concept ids through all base forms of each lemma, in turn.

use std::path::PathBuf;

#[path = "src/align/wordnet_bucket.rs"]
mod wordnet_bucket;
use wordnet_bucket::{BUCKETS, bucket, key8};

#[path = "src/align/wordnet_rules.rs"]
mod wordnet_rules;

const TABLE: &str = "src/align/wordnet.txt";

fn main() {
    println!("cargo::rerun-if-changed={TABLE}");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/align/wordnet_bucket.rs");
    println!("cargo::rerun-if-changed=src/align/wordnet_rules.rs");
    let table = std::fs::read_to_string(TABLE).unwrap_or_else(|e| panic!("{TABLE}: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    let (mut lemmas, mut ids, mut forms) = (Vec::new(), Vec::new(), Vec::new());
    let mut offset = 0usize;
    let mut previous: Option<(bool, &str)> = None;
    for line in table.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let line = line.trim_end_matches('\n');
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let (head, rest) = line.split_once(' ').unwrap_or((line, ""));
        let form = head.starts_with('=');
        if let Some((was_form, before)) = previous {
            assert!(
                (was_form, before) < (form, head),
                "{TABLE}: lines not sorted (lemmas, then forms) at {head:?}"
            );
        }
        previous = Some((form, head));
        if let Some(form) = head.strip_prefix('=') {
            let rest_start = start + head.len() + 1;
            forms.extend([start + 1, form.len(), rest_start, rest.len()]);
        } else {
            lemmas.extend([start, head.len(), ids.len()]);
            for id in rest.split(' ').filter(|f| !f.is_empty()) {
                let id = u32::from_str_radix(id, 36)
                    .unwrap_or_else(|e| panic!("{TABLE}: id {id:?} of {head:?}: {e}"));
                ids.push(id as usize);
            }
        }
    }
    let (parts, stems, part_ids) = parts(&table, &lemmas, &ids, &forms);
    let lemma_count = lemmas.len() / 3;
    let lemma_buckets = buckets(&table, &lemmas, 3);
    let form_buckets = buckets(&table, &forms, 4);
    lemmas.extend([0, 0, ids.len()]);
    for (name, values) in [
        ("wordnet-lemmas.bin", &lemmas),
        ("wordnet-ids.bin", &ids),
        ("wordnet-forms.bin", &forms),
        ("wordnet-lemma-buckets.bin", &lemma_buckets),
        ("wordnet-form-buckets.bin", &form_buckets),
        ("wordnet-parts.bin", &parts),
        ("wordnet-part-ids.bin", &part_ids),
    ] {
        let bytes: Vec<u8> = values
            .iter()
            .flat_map(|v| {
                u32::try_from(*v)
                    .unwrap_or_else(|_| panic!("{TABLE}: {v} does not fit in 32 bits"))
                    .to_le_bytes()
            })
            .collect();
        std::fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    for (name, records, width) in [
        ("wordnet-lemma-keys.bin", &lemmas, 3),
        ("wordnet-form-keys.bin", &forms, 4),
    ] {
        // The lemma records end with the closing record, which holds no word.
        let words = if width == 3 {
            lemma_count
        } else {
            forms.len() / 4
        };
        let bytes: Vec<u8> = records
            .chunks_exact(width)
            .take(words)
            .flat_map(|r| key8(&table[r[0]..r[0] + r[1]]).to_le_bytes())
            .collect();
        std::fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    std::fs::write(out.join("wordnet-stems.txt"), stems)
        .unwrap_or_else(|e| panic!("wordnet-stems.txt: {e}"));
}

/// For the lemma records (offset, length, first id; closing record not yet added), the part
/// records (stem offset, stem length, first id of the part ids; a closing record added), the
/// stems one after another, and each lemma's concept ids through all its base forms.
fn parts(
    table: &str,
    lemmas: &[usize],
    ids: &[usize],
    forms: &[usize],
) -> (Vec<usize>, String, Vec<usize>) {
    let text = |at: usize, len: usize| &table[at..at + len];
    let count = lemmas.len() / 3;
    let mut own: std::collections::HashMap<&str, Vec<u32>> = std::collections::HashMap::new();
    for i in 0..count {
        let end = if i + 1 < count {
            lemmas[(i + 1) * 3 + 2]
        } else {
            ids.len()
        };
        let list = ids[lemmas[i * 3 + 2]..end]
            .iter()
            .map(|id| *id as u32)
            .collect();
        own.insert(text(lemmas[i * 3], lemmas[i * 3 + 1]), list);
    }
    let bases: std::collections::HashMap<&str, &str> = forms
        .chunks_exact(4)
        .map(|f| (text(f[0], f[1]), text(f[2], f[3])))
        .collect();
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let (mut parts, mut stems, mut part_ids) = (Vec::new(), String::new(), Vec::new());
    for i in 0..count {
        let lemma = text(lemmas[i * 3], lemmas[i * 3 + 1]);
        let stem = stemmer.stem(lemma);
        parts.extend([stems.len(), stem.len(), part_ids.len()]);
        stems.push_str(&stem);
        let concepts =
            wordnet_rules::concepts_of(lemma, |w| own.get(w).cloned(), |w| bases.get(w).copied());
        part_ids.extend(concepts.into_iter().map(|id| id as usize));
    }
    parts.extend([0, 0, part_ids.len()]);
    (parts, stems, part_ids)
}

/// For records of `width` numbers whose first two are a word's offset and length in `table`
/// (sorted by word), the start of each bucket, then the number of records.
fn buckets(table: &str, records: &[usize], width: usize) -> Vec<usize> {
    let count = records.len() / width;
    let word = |i: usize| &table[records[i * width]..records[i * width] + records[i * width + 1]];
    let mut starts = vec![count; BUCKETS + 1];
    for i in (0..count).rev() {
        let w = word(i);
        let b =
            bucket(w).unwrap_or_else(|| panic!("{TABLE}: {w:?} is not a word of letters a to z"));
        starts[b] = i;
    }
    // An empty bucket starts where the next one does.
    for b in (0..BUCKETS).rev() {
        starts[b] = starts[b].min(starts[b + 1]);
    }
    starts
}
