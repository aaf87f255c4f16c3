//! The claimdiff command line: reads files, parses arguments, chooses colour, writes the report
//! and sets the exit code. All analysis lives in the library.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
