//! File input and output for the binary: reading sources with clear one-line errors, choosing
//! colour, and writing reports atomically.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, anyhow};

use claimdiff::Input;
use claimdiff::baseline::Baseline;
use claimdiff::ingest::{Format, ingest};

/// When to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR (or CLICOLOR=0) says otherwise.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Whether to colour the output.
pub fn use_color(choice: ColorChoice, to_file: bool, text: bool) -> bool {
    if !text || to_file {
        return false;
    }
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => matches!(
            anstream::AutoStream::choice(&std::io::stdout()),
            anstream::ColorChoice::Always | anstream::ColorChoice::AlwaysAnsi
        ),
    }
}

/// Reads and ingests one source; every error names the file and the problem.
pub fn read_input(path: &Path, forced: Option<Format>, max_bytes: u64) -> Result<Input> {
    let shown = path.display().to_string();
    let meta = fs::metadata(path).map_err(|e| anyhow!("{shown}: {}", reason(&e)))?;
    if meta.is_dir() {
        return Err(anyhow!("{shown}: is a directory, not a file"));
    }
    if meta.len() > max_bytes {
        return Err(anyhow!(
            "{shown}: {} bytes is over the limit of {max_bytes} (--max-bytes); raise it to compare this file",
            meta.len()
        ));
    }
    let bytes = fs::read(path).map_err(|e| anyhow!("{shown}: {}", reason(&e)))?;
    let format = forced.or_else(|| {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension)
    });
    let document = ingest(&bytes, format).map_err(|e| anyhow!("{shown}: {e}"))?;
    Ok(Input::new(shown, document))
}

/// A short, lower-case reason for an I/O error ("no such file").
pub fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            // "Is a directory (os error 21)" → "is a directory"
            let s = s.split(" (os error").next().unwrap_or(&s).to_string();
            let mut c = s.chars();
            c.next().map_or(s.clone(), |f| {
                f.to_lowercase().collect::<String>() + c.as_str()
            })
        }
    }
}

/// Reads a baseline file written by `check --write-baseline`.
pub fn read_baseline(path: &Path) -> Result<Baseline> {
    let shown = path.display();
    let text = fs::read_to_string(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::InvalidData {
            anyhow!("{shown}: not UTF-8 text")
        } else {
            anyhow!("{shown}: {}", reason(&e))
        }
    })?;
    Baseline::parse(&text).map_err(|e| anyhow!("{shown}: {e}"))
}

/// Writes the report to standard output, or atomically to a file (a temporary file beside it,
/// then a rename, so nothing is left half-written).
pub fn emit(text: &str, to: Option<&Path>) -> Result<()> {
    match to {
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
                // A closed pipe (`| head`) is not an error worth reporting.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.context("standard output"),
            }
        }
        Some(path) => {
            let shown = path.display();
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let name = path
                .file_name()
                .ok_or_else(|| anyhow!("{shown}: not a file name"))?;
            let tmp = dir.join(format!(
                ".{}.claimdiff-{}.tmp",
                name.to_string_lossy(),
                std::process::id()
            ));
            let result = fs::write(&tmp, text).and_then(|_| fs::rename(&tmp, path));
            if let Err(e) = result {
                let _ = fs::remove_file(&tmp);
                return Err(anyhow!("{shown}: cannot write: {}", reason(&e)));
            }
            Ok(())
        }
    }
}
