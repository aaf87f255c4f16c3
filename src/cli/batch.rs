//! `claimdiff batch`: a line-to-line filter from clusters (JSON Lines) to reports (JSON Lines).
//!
//! Lines are read in chunks; the clusters of a chunk run in parallel (rayon) and their output
//! lines are written in input order before the next chunk is read, so memory stays bounded by
//! one chunk whatever the length of the input. A cluster that cannot be read gives an error
//! record on its line and the batch goes on.

use std::io::{BufRead, BufReader, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use claimdiff::batch::{self, Origin};
use claimdiff::ingest::{Format, ingest};
use claimdiff::{Input, Options, analyze};

use super::exit_codes;
use super::io;

/// Clusters read, run and written together, per worker thread.
const CHUNK_PER_THREAD: usize = 16;

/// What a batch needs besides its input.
pub struct Settings {
    /// Read every source as this format unless its record says otherwise.
    pub forced: Option<Format>,
    /// Refuse a source larger than this.
    pub max_bytes: u64,
    /// Worker threads; 0 for one per core.
    pub threads: usize,
    /// Exit 0 even when clusters failed.
    pub allow_errors: bool,
}

/// Runs a batch from `file` ("-" for standard input) to standard output; returns the exit code.
pub fn run(file: &Path, settings: &Settings) -> Result<u8> {
    let shown = file.display().to_string();
    let mut reader: Box<dyn BufRead> = if file == Path::new("-") {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        if file.is_dir() {
            return Err(anyhow!("{shown}: is a directory, not a file"));
        }
        let f = std::fs::File::open(file).map_err(|e| anyhow!("{shown}: {}", io::reason(&e)))?;
        Box::new(BufReader::new(f))
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.threads)
        .build()
        .context("cannot start the worker threads")?;
    let chunk_size = CHUNK_PER_THREAD * pool.current_num_threads();
    let progress = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    progress.set_style(
        ProgressStyle::with_template("{spinner} {pos} clusters in {elapsed} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut line_no, mut total, mut failed) = (0usize, 0usize, 0usize);
    let mut at_end = false;
    while !at_end {
        let mut chunk: Vec<(usize, Vec<u8>)> = Vec::with_capacity(chunk_size);
        while chunk.len() < chunk_size {
            let mut buf = Vec::new();
            let n = reader
                .read_until(b'\n', &mut buf)
                .map_err(|e| anyhow!("{shown}: {}", io::reason(&e)))?;
            if n == 0 {
                at_end = true;
                break;
            }
            line_no += 1;
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            chunk.push((line_no, buf));
        }
        let results: Vec<(String, bool)> = pool.install(|| {
            chunk
                .par_iter()
                .map(|(n, bytes)| guarded(*n, bytes, settings))
                .collect()
        });
        for (line, ok) in results {
            total += 1;
            if !ok {
                failed += 1;
                progress.set_message(format!("{failed} failed"));
            }
            match out.write_all(line.as_bytes()) {
                // A closed pipe (`| head`): whoever reads has what it wanted.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    return Ok(exit_codes::SUCCESS);
                }
                r => r.context("standard output")?,
            }
            progress.inc(1);
        }
        // What a chunk produced goes out before the next is read: a consumer downstream
        // (a pipe, Spark's RDD.pipe) sees reports as they are made.
        match out.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(exit_codes::SUCCESS),
            r => r.context("standard output")?,
        }
    }
    progress.finish_and_clear();
    if failed > 0 {
        eprintln!(
            "claimdiff batch: {failed} of {total} cluster{} failed; each has an error record on its line",
            if total == 1 { "" } else { "s" }
        );
        if !settings.allow_errors {
            return Ok(exit_codes::CLUSTERS_FAILED);
        }
    }
    Ok(exit_codes::SUCCESS)
}

/// [`cluster`], with a panic (a bug) turned into an error record so that one cluster cannot
/// stop a batch of millions.
fn guarded(line_no: usize, bytes: &[u8], settings: &Settings) -> (String, bool) {
    match catch_unwind(AssertUnwindSafe(|| cluster(line_no, bytes, settings))) {
        Ok(r) => r,
        Err(_) => (
            batch::error_line(
                None,
                line_no,
                "internal error: claimdiff failed on this cluster (please report it)",
            ),
            false,
        ),
    }
}

/// One input line to one output line, and whether the cluster succeeded.
fn cluster(line_no: usize, bytes: &[u8], settings: &Settings) -> (String, bool) {
    let failure = |id: Option<&str>, e: &str| (batch::error_line(id, line_no, e), false);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.trim_end_matches(['\n', '\r']),
        Err(e) => {
            return failure(
                batch::line_id(&String::from_utf8_lossy(bytes)).as_deref(),
                &format!(
                    "not UTF-8 text: invalid byte 0x{:02X} at offset {} of the line",
                    bytes.get(e.valid_up_to()).copied().unwrap_or(0),
                    e.valid_up_to()
                ),
            );
        }
    };
    let cluster = match batch::parse_line(text) {
        Ok(c) => c,
        Err(e) => return failure(batch::line_id(text).as_deref(), &e.to_string()),
    };
    let inputs: Result<Vec<Input>> = cluster
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let name = s.name(i);
            let format = s.format.or(settings.forced);
            let input = match &s.origin {
                Origin::Path(p) => io::read_input(&PathBuf::from(p), format, settings.max_bytes)?,
                Origin::Text(t) => {
                    if t.len() as u64 > settings.max_bytes {
                        return Err(anyhow!(
                            "{name}: {} bytes is over the limit of {} (--max-bytes)",
                            t.len(),
                            settings.max_bytes
                        ));
                    }
                    let document =
                        ingest(t.as_bytes(), format).map_err(|e| anyhow!("{name}: {e}"))?;
                    Input::new(name, document)
                }
            };
            Ok(match &s.id {
                Some(id) => input.with_id(id.clone()),
                None => input,
            })
        })
        .collect();
    match inputs {
        Ok(inputs) => {
            let report = analyze(&inputs, &Options::default()).report();
            (batch::report_line(&cluster.id, report), true)
        }
        Err(e) => failure(Some(&cluster.id), &format!("{e:#}")),
    }
}
