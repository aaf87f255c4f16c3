//! Fuzz target: `ingest` as text and, when it succeeds, the document's invariants (see
//! `claimdiff_fuzz::check_ingest`).

#![no_main]

use claimdiff::ingest::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimdiff_fuzz::check_ingest(data, Format::Text);
});
