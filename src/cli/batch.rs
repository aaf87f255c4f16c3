//! `claimdiff batch`: a line-to-line filter from clusters (JSON Lines) to reports (JSON Lines).
//!
//! Lines are read one at a time and each cluster is handed to a worker (rayon) as soon as it
//! is read; reports are written in input order as soon as every earlier one is out. At most a
//! window of clusters is read and not yet written, so memory stays bounded whatever the length
//! of the input, and no worker waits for a slow cluster of another. A cluster that cannot be
//! read gives an error record on its line and the batch goes on.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use claimdiff::batch::{self, Origin};
use claimdiff::ingest::{Format, ingest};
use claimdiff::{Input, Options, analyze};

use super::exit_codes;
use super::io;

/// Clusters read and not yet written, at most, per worker thread.
const WINDOW_PER_THREAD: usize = 16;

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
    let window = WINDOW_PER_THREAD * pool.current_num_threads();
    let progress = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    progress.set_style(
        ProgressStyle::with_template("{spinner} {pos} clusters in {elapsed} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    // Reports are numbered in reading order; those done before an earlier one wait here.
    let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, (Vec<u8>, bool))>();
    let mut waiting: BTreeMap<usize, (Vec<u8>, bool)> = BTreeMap::new();
    let (mut read, mut written) = (0usize, 0usize);
    let mut line_no = 0usize;
    let mut at_end = false;
    // Whether standard output was closed (`| head`): whoever reads has what it wanted.
    let closed = pool.in_place_scope(|scope| -> Result<bool> {
        loop {
            // Read and hand out clusters while the window has room.
            while !at_end && read - written < window {
                let mut buf = Vec::new();
                let n = reader
                    .read_until(b'\n', &mut buf)
                    .map_err(|e| anyhow!("{shown}: {}", io::reason(&e)))?;
                if n == 0 {
                    at_end = true;
                    break;
                }
                line_no += 1;
                // A byte-order mark before the first record (a file saved by an editor that
                // writes one) is not part of it, as a source's is not part of its text.
                if line_no == 1 && buf.starts_with("\u{FEFF}".as_bytes()) {
                    buf.drain(.."\u{FEFF}".len());
                }
                if buf.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let (seq, n, tx) = (read, line_no, done_tx.clone());
                scope.spawn(move |_| {
                    // The receiver lives until every cluster is written.
                    let _ = tx.send((seq, guarded(n, &buf, settings)));
                });
                read += 1;
            }
            if written == read {
                break;
            }
            // What is ready goes out before waiting for more: a consumer downstream (a pipe,
            // Spark's RDD.pipe) sees reports as they are made.
            if !waiting.contains_key(&written) && pipe_closed(out.flush())? {
                return Ok(true);
            }
            while !waiting.contains_key(&written) {
                let (seq, result) = done_rx
                    .recv()
                    .map_err(|_| anyhow!("a worker thread stopped"))?;
                waiting.insert(seq, result);
            }
            while let Some((line, ok)) = waiting.remove(&written) {
                written += 1;
                if !ok {
                    failed += 1;
                    progress.set_message(format!("{failed} failed"));
                }
                if pipe_closed(out.write_all(&line))? {
                    return Ok(true);
                }
                progress.inc(1);
            }
        }
        pipe_closed(out.flush())
    })?;
    if closed {
        return Ok(exit_codes::SUCCESS);
    }
    progress.finish_and_clear();
    if failed > 0 {
        eprintln!(
            "claimdiff batch: {failed} of {written} cluster{} failed; each has an error record on its line",
            super::plural(written)
        );
        if !settings.allow_errors {
            return Ok(exit_codes::CLUSTERS_FAILED);
        }
    }
    Ok(exit_codes::SUCCESS)
}

/// The outcome of a write to standard output: `true` when the reader has closed the pipe
/// (`| head`: it has what it wanted), an error for any other failure.
fn pipe_closed(r: std::io::Result<()>) -> Result<bool> {
    match r {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(true),
        r => r.context("standard output").map(|()| false),
    }
}

/// [`cluster`], with a panic (a bug) turned into an error record so that one cluster cannot
/// stop a batch of millions.
fn guarded(line_no: usize, bytes: &[u8], settings: &Settings) -> (Vec<u8>, bool) {
    match catch_unwind(AssertUnwindSafe(|| cluster(line_no, bytes, settings))) {
        Ok(r) => r,
        Err(_) => (
            batch::error_line(
                None,
                line_no,
                "internal error: claimdiff failed on this cluster (please report it)",
            )
            .into_bytes(),
            false,
        ),
    }
}

/// One input line to one output line, and whether the cluster succeeded.
fn cluster(line_no: usize, bytes: &[u8], settings: &Settings) -> (Vec<u8>, bool) {
    let failure =
        |id: Option<&str>, e: &str| (batch::error_line(id, line_no, e).into_bytes(), false);
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
            (batch::report_line_bytes(&cluster.id, report), true)
        }
        Err(e) => failure(Some(&cluster.id), &format!("{e:#}")),
    }
}
