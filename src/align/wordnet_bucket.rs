//! The buckets of the WordNet index: words grouped by their first two letters, so that a
//! look-up searches one bucket, and each word's key within its bucket. Shared by the build
//! script (`build.rs`, which writes where each bucket starts and every word's key) and the
//! library (`lexicon`, which reads them), so the two number the buckets and make the keys the
//! same way.

/// How many buckets [`bucket`] sorts words into.
pub const BUCKETS: usize = 26 * 27;

/// The bucket of a word by its first letter, then by its second or its end; `None` for a word
/// that does not start with two letters `a` to `z` or one such letter alone (no word of the
/// table does). Words in sorted order have their buckets in order.
pub fn bucket(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let letter = |c: u8| c.is_ascii_lowercase().then(|| usize::from(c - b'a'));
    let first = letter(*b.first()?)?;
    let second = match b.get(1) {
        None => 0,
        Some(c) => letter(*c)? + 1,
    };
    Some(first * 27 + second)
}

/// The first eight bytes of a word as a big-endian number, zero bytes after a shorter word:
/// words in byte order have their keys in order, so a binary search over the keys finds where
/// a word would be.
pub fn key8(word: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let n = word.len().min(8);
    bytes[..n].copy_from_slice(&word.as_bytes()[..n]);
    u64::from_be_bytes(bytes)
}
