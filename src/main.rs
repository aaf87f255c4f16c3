//! The claimdiff command line: reads files, parses arguments, chooses colour, writes the report
//! and sets the exit code. All analysis lives in the library.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod cli;

use std::process::ExitCode;

/// mimalloc rather than the system allocator: the pipeline makes many small short-lived
/// allocations (words, keys, profiles), and mimalloc serves them markedly faster (see
/// docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::main()
}
