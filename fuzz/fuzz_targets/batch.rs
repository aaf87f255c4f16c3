//! Fuzz target: batch records (`claimdiff::batch`) on any UTF-8, line by line; see
//! `check_batch`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimdiff_fuzz::check_batch(data);
});
