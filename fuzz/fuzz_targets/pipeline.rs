//! Fuzz target: two or three sources through `analyze`, the report's invariants and every
//! renderer (see `claimdiff_fuzz::check_pipeline` for how the bytes become sources).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimdiff_fuzz::check_pipeline(data);
});
