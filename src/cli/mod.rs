//! Argument parsing and the subcommands: `compare`, `check`, `claims`, `batch`, `schema`.

mod batch;
mod exit_codes;
mod io;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};

use claimdiff::baseline::Baseline;
use claimdiff::render::{self, OutputFormat, RenderOptions};
use claimdiff::report::{Report, SeverityOut};
use claimdiff::{Input, Options, analyze};

const EXAMPLES: &str = "\
Examples:
  claimdiff compare fixtures/seeds/000_1d63caa255d4b3ee.txt fixtures/seeds/003_8725cc8dd04a3928.txt
  claimdiff compare fox.txt nyt.txt hpo.txt --format html -o report.html
  claimdiff check fox.txt nyt.txt --baseline claimdiff-baseline.json --format github
  claimdiff claims fixtures/seeds/003_8725cc8dd04a3928.txt";

const CHECK_EXAMPLES: &str = "\
Exit status: 0 when no finding at or above --fail-on lies outside the baseline, 1 when one does,
2 on a usage or input error.

Examples:
  claimdiff check a.txt b.html                                   # fail on any warning or error
  claimdiff check a.txt b.html --write-baseline claimdiff-baseline.json
  claimdiff check a.txt b.html --baseline claimdiff-baseline.json --format sarif -o claimdiff.sarif";

/// Reconcile the claims of several news reports of the same event.
///
/// claimdiff extracts the factual claims of each article (quotes with their speaker, numbers,
/// names, narrative statements), aligns the claims that say the same thing, and reports where
/// the sources agree and where they differ: a quote worded differently, a number that
/// conflicts, a name spelt two ways, a quote given to two different people, a claim only one
/// source makes.
#[derive(Debug, Parser)]
#[command(name = "claimdiff", version, about, long_about, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compare two or more articles about the same event and report agreements and differences.
    #[command(after_help = EXAMPLES)]
    Compare {
        /// The articles (plain text or HTML), two or more.
        #[arg(required = true, num_args = 2.., value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Compare articles for CI: fail (exit 1) when a finding at or above --fail-on is not in the
    /// baseline.
    #[command(after_help = CHECK_EXAMPLES)]
    Check {
        /// The articles (plain text or HTML), two or more.
        #[arg(required = true, num_args = 2.., value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The lowest severity that fails the check.
        #[arg(long, value_enum, default_value_t = FailOn::Warning)]
        fail_on: FailOn,
        /// Findings accepted earlier (written by --write-baseline); they do not fail the check
        /// and are left out of the report.
        #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
        baseline: Option<PathBuf>,
        /// Record every current finding as accepted in FILE, then exit 0.
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// List the claims of one or more articles, to see what the extractor sees.
    Claims {
        /// The articles (plain text or HTML).
        #[arg(required = true, num_args = 1.., value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Compare many clusters of articles: one cluster per JSON line in, one report per line out.
    ///
    /// Reports come out in input order, one per line. Exit 1 when a cluster failed (its line is
    /// an error record), 2 when the input cannot be read.
    #[command(after_help = BATCH_HELP)]
    Batch {
        /// The clusters, one JSON object per line; `-` for standard input.
        #[arg(value_name = "FILE|-")]
        file: PathBuf,
        /// Read every source as this format unless its record gives one.
        #[arg(long = "input-format", value_enum)]
        input_format: Option<InputFormatArg>,
        /// Refuse a source larger than this many bytes (suffixes K, M, G); that cluster fails.
        #[arg(long, value_name = "SIZE", default_value = "4M", value_parser = parse_size)]
        max_bytes: u64,
        /// Worker threads (default: one per core, or RAYON_NUM_THREADS).
        #[arg(long, value_name = "N", default_value_t = 0)]
        threads: usize,
        /// Exit 0 even when clusters failed (their lines are still error records), for engines
        /// that take a non-zero exit as a failed task (Spark's RDD.pipe).
        #[arg(long)]
        allow_errors: bool,
    },
    /// Print the JSON Schema of the JSON report.
    Schema,
}

const BATCH_HELP: &str = "\
Input line:  {\"id\": \"e1\", \"sources\": [{\"path\": \"fox.txt\"}, {\"id\": \"nyt\", \"text\": \"...\", \"format\": \"html\"}]}
Output line: the JSON report of `compare --format json` on one line, with \"id\": \"e1\" first;
             or, for a cluster that failed, {\"id\": \"e1\", \"line\": 3, \"error\": \"...\"}.
Paths are relative to the working directory. Blank lines are skipped. A source's \"id\" names it
in the report (\"nyt:4\") when every source of the cluster has one.

Examples:
  claimdiff batch clusters.jsonl > reports.jsonl
  cat clusters.jsonl | claimdiff batch - --threads 2";

#[derive(Debug, clap::Args)]
struct OutputArgs {
    /// Output format: text for people, json (the documented contract), markdown for a pull
    /// request, html (one self-contained page), sarif (code scanning), github (Actions
    /// annotations).
    #[arg(long, short = 'f', value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// When to colour the text report: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// Read every input as this format instead of guessing from the extension and content.
    #[arg(long = "input-format", value_enum)]
    input_format: Option<InputFormatArg>,
    /// Refuse a source larger than this many bytes (suffixes K, M, G: binary units). News
    /// articles are rarely over 200K; memory use is about 150 bytes per input byte.
    #[arg(long, value_name = "SIZE", default_value = "4M", value_parser = parse_size)]
    max_bytes: u64,
}

/// A size: a number of bytes with an optional K, M or G suffix (1024-based).
fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => t.split_at(i),
        None => (t, ""),
    };
    let scale: u64 = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => {
            return Err(format!(
                "`{s}` is not a size (examples: 500000, 512K, 4M, 1G)"
            ));
        }
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("`{s}` is not a size (examples: 500000, 512K, 4M, 1G)"))
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Text,
    Json,
    Markdown,
    Html,
    Sarif,
    Github,
}

impl From<FormatArg> for OutputFormat {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Text => OutputFormat::Text,
            FormatArg::Json => OutputFormat::Json,
            FormatArg::Markdown => OutputFormat::Markdown,
            FormatArg::Html => OutputFormat::Html,
            FormatArg::Sarif => OutputFormat::Sarif,
            FormatArg::Github => OutputFormat::Github,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    fn severity(self) -> SeverityOut {
        match self {
            FailOn::Error => SeverityOut::Error,
            FailOn::Warning => SeverityOut::Warning,
            FailOn::Info => SeverityOut::Info,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum InputFormatArg {
    Text,
    Html,
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                exit_codes::ERROR
            } else {
                exit_codes::SUCCESS
            });
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("claimdiff: error: {e:#}");
            ExitCode::from(exit_codes::ERROR)
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Compare { files, output } => {
            let inputs = read_inputs(&files, &output)?;
            let report = analyze(&inputs, &Options::default()).report();
            emit_report(&report, &output)?;
            Ok(exit_codes::SUCCESS)
        }
        Command::Check {
            files,
            fail_on,
            baseline,
            write_baseline,
            output,
        } => {
            let inputs = read_inputs(&files, &output)?;
            let report = analyze(&inputs, &Options::default()).report();
            if let Some(path) = write_baseline {
                let b = Baseline::from_report(&report);
                io::emit(&b.to_json(), Some(&path))?;
                eprintln!(
                    "claimdiff check: wrote {} accepted finding{} to {}",
                    b.entries.len(),
                    plural(b.entries.len()),
                    path.display()
                );
                return Ok(exit_codes::SUCCESS);
            }
            check(report, fail_on.severity(), baseline.as_deref(), &output)
        }
        Command::Claims { files, output } => {
            let inputs = read_inputs(&files, &output)?;
            let report = analyze(&inputs, &Options::default()).report();
            let text = match output.format {
                FormatArg::Json => render::json::render(&report),
                FormatArg::Text => {
                    let color = io::use_color(output.color_choice(), output.output.is_some(), true);
                    render::claims::render(&report, RenderOptions { color })
                }
                other => {
                    return Err(anyhow::anyhow!(
                        "claims: --format {} is not available here; use text or json",
                        other
                            .to_possible_value()
                            .map_or(String::new(), |v| v.get_name().to_string())
                    ));
                }
            };
            io::emit(&text, output.output.as_deref())?;
            Ok(exit_codes::SUCCESS)
        }
        Command::Batch {
            file,
            input_format,
            max_bytes,
            threads,
            allow_errors,
        } => batch::run(
            &file,
            &batch::Settings {
                forced: input_format.map(InputFormatArg::format),
                max_bytes,
                threads,
                allow_errors,
            },
        ),
        Command::Schema => {
            io::emit(&render::json::schema(), None)?;
            Ok(exit_codes::SUCCESS)
        }
    }
}

/// Renders the report in the chosen format and writes it where asked.
fn emit_report(report: &Report, output: &OutputArgs) -> Result<()> {
    let format = OutputFormat::from(output.format);
    let color = io::use_color(
        output.color_choice(),
        output.output.is_some(),
        format == OutputFormat::Text,
    );
    let text = render::render(report, format, RenderOptions { color });
    io::emit(&text, output.output.as_deref())
}

/// The check: findings the baseline accepts are set aside, the rest are reported, and the exit
/// code says whether any of them is at or above `fail_on`. A summary goes to standard error.
fn check(
    mut report: Report,
    fail_on: SeverityOut,
    baseline: Option<&std::path::Path>,
    output: &OutputArgs,
) -> Result<u8> {
    let baseline = match baseline {
        Some(path) => Some(io::read_baseline(path)?),
        None => None,
    };
    let judgement = baseline.as_ref().map(|b| b.judge(&report));
    if let Some(j) = &judgement {
        let new = j.new.clone();
        report.retain_findings(|i| new.binary_search(&i).is_ok());
    }
    emit_report(&report, output)?;
    let failing = report
        .findings
        .iter()
        .filter(|f| f.severity >= fail_on)
        .count();
    let accepted = judgement.as_ref().map_or(0, |j| j.accepted.len());
    let accepted_note = if accepted > 0 {
        format!(" ({accepted} accepted by the baseline)")
    } else {
        String::new()
    };
    if failing > 0 {
        eprintln!(
            "claimdiff check: failed: {failing} finding{} at or above {} not in the baseline{accepted_note}",
            plural(failing),
            fail_on.as_str()
        );
    } else {
        eprintln!(
            "claimdiff check: passed: no finding at or above {} outside the baseline{accepted_note}",
            fail_on.as_str()
        );
    }
    for e in judgement.iter().flat_map(|j| &j.stale) {
        eprintln!(
            "claimdiff check: stale baseline entry, no longer found: {}",
            e.describe()
        );
    }
    Ok(if failing > 0 {
        exit_codes::FINDINGS
    } else {
        exit_codes::SUCCESS
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl OutputArgs {
    fn color_choice(&self) -> io::ColorChoice {
        match self.color {
            ColorArg::Auto => io::ColorChoice::Auto,
            ColorArg::Always => io::ColorChoice::Always,
            ColorArg::Never => io::ColorChoice::Never,
        }
    }
}

impl InputFormatArg {
    fn format(self) -> claimdiff::ingest::Format {
        match self {
            InputFormatArg::Text => claimdiff::ingest::Format::Text,
            InputFormatArg::Html => claimdiff::ingest::Format::Html,
        }
    }
}

fn read_inputs(files: &[PathBuf], output: &OutputArgs) -> Result<Vec<Input>> {
    let forced = output.input_format.map(InputFormatArg::format);
    files
        .iter()
        .map(|f| io::read_input(f, forced, output.max_bytes))
        .collect()
}
