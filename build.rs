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
//!   then the number of records: a look-up searches only its bucket.

use std::path::PathBuf;

#[path = "src/align/wordnet_bucket.rs"]
mod wordnet_bucket;
use wordnet_bucket::{BUCKETS, bucket};

const TABLE: &str = "src/align/wordnet.txt";

fn main() {
    println!("cargo::rerun-if-changed={TABLE}");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/align/wordnet_bucket.rs");
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
    let lemma_buckets = buckets(&table, &lemmas, 3);
    let form_buckets = buckets(&table, &forms, 4);
    lemmas.extend([0, 0, ids.len()]);
    for (name, values) in [
        ("wordnet-lemmas.bin", &lemmas),
        ("wordnet-ids.bin", &ids),
        ("wordnet-forms.bin", &forms),
        ("wordnet-lemma-buckets.bin", &lemma_buckets),
        ("wordnet-form-buckets.bin", &form_buckets),
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
