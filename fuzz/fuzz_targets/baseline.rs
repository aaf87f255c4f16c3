//! Fuzz target: `Baseline::parse` on any UTF-8; what parses writes and parses back equal.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimdiff_fuzz::check_baseline(data);
});
