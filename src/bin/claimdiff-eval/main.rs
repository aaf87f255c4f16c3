//! `claimdiff-eval`: how right claimdiff is on real data, as one table.
//!
//! Four parts, each skipped with a message when its data is absent:
//! 1. matching on an MRPC-format file (tune on even `#1 ID`s, report on odd ones);
//! 2. quote attribution on BASIL's annotated quotes;
//! 3. a mutation self-test on a folder of real articles (planted edits, fixed seed);
//! 4. the seed pair's answer key.
//!
//! `cargo run --release --bin claimdiff-eval` prints the table (Markdown); `--format json`
//! gives the same figures for scripts and tests.
//!
//! `claimdiff-eval synth --sources N --seed S` writes a synthetic cluster of N sources for the
//! benchmarks (`synth.rs`; see `docs/performance.md`).

mod basil;
mod fit;
mod gold;
mod mrpc;
mod mutate;
mod plant;
mod synth;
mod table;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use table::Table;

/// Measure how right claimdiff is on real data.
#[derive(Debug, Parser)]
#[command(name = "claimdiff-eval", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    data: DataArgs,
    /// Output format of the table.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
    /// Run only these parts (default: all).
    #[arg(long, value_enum, value_delimiter = ',')]
    only: Vec<Part>,
    /// Print what each part got wrong, after the table (for MRPC, the tuning half only).
    #[arg(long)]
    show_misses: bool,
}

#[derive(Debug, clap::Args)]
struct DataArgs {
    /// The folder of shared data (holding `mrpc/` and `basil/`).
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// An MRPC-format file (default: DATA/mrpc/msr_paraphrase_train.txt).
    #[arg(long)]
    mrpc: Option<PathBuf>,
    /// The BASIL folder (default: DATA/basil).
    #[arg(long)]
    basil: Option<PathBuf>,
    /// A folder of real articles (.txt, .html) for the mutation self-test (default: DATA/basil).
    #[arg(long)]
    articles: Option<PathBuf>,
    /// Seed of the mutation self-test's random choices.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// The seed pair's answer key (default: DATA/../gold/seed-pair.json).
    #[arg(long)]
    gold: Option<PathBuf>,
}

impl DataArgs {
    fn mrpc(&self) -> PathBuf {
        self.mrpc
            .clone()
            .unwrap_or_else(|| self.data.join("mrpc/msr_paraphrase_train.txt"))
    }
    fn basil(&self) -> PathBuf {
        self.basil
            .clone()
            .unwrap_or_else(|| self.data.join("basil"))
    }
    fn articles(&self) -> PathBuf {
        self.articles
            .clone()
            .unwrap_or_else(|| self.data.join("basil"))
    }
    fn gold(&self) -> PathBuf {
        self.gold
            .clone()
            .unwrap_or_else(|| self.data.join("../gold/seed-pair.json"))
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Sweep the statement threshold over the MRPC tuning half (even `#1 ID`s) and print
    /// accuracy and F1 at each value; the odd half is never looked at.
    TuneMrpc {
        /// Lowest threshold tried.
        #[arg(long, default_value_t = 0.10)]
        from: f64,
        /// Highest threshold tried.
        #[arg(long, default_value_t = 0.60)]
        to: f64,
        /// Step between thresholds.
        #[arg(long, default_value_t = 0.02)]
        step: f64,
    },
    /// Fit the statement model's weights on the MRPC tuning half (even `#1 ID`s) and print
    /// them as the constants of `src/align/model.rs`.
    FitMrpc {
        /// Write the weights into this file (`src/align/model.rs`) between its
        /// `fitted weights` markers instead of printing them.
        #[arg(long, value_name = "FILE")]
        write: Option<PathBuf>,
        /// Also report cross-validated accuracy and F1 on the tuning half with this many
        /// folds (weights fitted on the other folds, each pair judged by its best candidate).
        #[arg(long)]
        folds: Option<usize>,
    },
    /// Print, for every pair of the MRPC tuning half (even `#1 ID`s), its label, the
    /// pipeline's answer and the model's features (of the whole sentences and of the claim
    /// pair the model rates highest), as tab-separated values for analysis elsewhere.
    DumpMrpc,
    /// Write one synthetic cluster for the benchmarks: N edited copies of the seed pair's
    /// articles (or of `--base` files), alternating between them, each with a few planted
    /// edits (a sentence dropped, a number changed, a quote's words changed, a name misspelt,
    /// sentences swapped) chosen by a fixed seed. By default one JSON Lines line for
    /// `claimdiff batch`: {"id": ..., "sources": [{"id": "s001", "text": ..., "format":
    /// "text"}, ...]}.
    Synth {
        /// How many sources (at least 2).
        #[arg(long, default_value_t = 2)]
        sources: usize,
        /// Seed of the random edits.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// An article to copy (repeatable; default: the seed pair).
        #[arg(long, value_name = "FILE")]
        base: Vec<PathBuf>,
        /// Write the sources as DIR/s001.txt, DIR/s002.txt, ... instead (DIR is created),
        /// for `claimdiff compare DIR/*`.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Print findings picked at random from the BASIL triples, with their claims, for a
    /// person to judge.
    Sample {
        /// How many findings.
        #[arg(long, default_value_t = 20)]
        count: usize,
        /// Seed of the random choice.
        #[arg(long, default_value_t = 20)]
        seed: u64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Part {
    Mrpc,
    Basil,
    Mutations,
    Seed,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimdiff-eval: error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> Result<(), String> {
    match &cli.command {
        Some(Command::TuneMrpc { from, to, step }) => {
            let path = cli.data.mrpc();
            let pairs = mrpc::load(&path)?;
            print!("{}", mrpc::sweep(&pairs, *from, *to, *step));
            return Ok(());
        }
        Some(Command::FitMrpc { write, folds }) => {
            let pairs = mrpc::load(&cli.data.mrpc())?;
            let even: Vec<&mrpc::Pair> = pairs.iter().filter(|p| p.id % 2 == 0).collect();
            if let Some(k) = folds {
                let (acc, f1) = fit::cross_validate(&even, *k);
                eprintln!("{k}-fold cross-validation on the tuning half: {acc:.2}% / F1 {f1:.2}");
            }
            let (w, b) = fit::fit(&even);
            eprintln!(
                "sentence-level accuracy on the tuning half: {:.1}%",
                fit::accuracy(&even, &w, b)
            );
            let code = fit::as_rust(&w, b);
            match write {
                None => print!("{code}"),
                Some(path) => fit::write_into(path, &code)?,
            }
            return Ok(());
        }
        Some(Command::DumpMrpc) => {
            let pairs = mrpc::load(&cli.data.mrpc())?;
            let even: Vec<&mrpc::Pair> = pairs.iter().filter(|p| p.id % 2 == 0).collect();
            print!("{}", fit::dump(&even));
            return Ok(());
        }
        Some(Command::Synth {
            sources,
            seed,
            base,
            dir,
        }) => {
            if *sources < 2 {
                return Err("synth: --sources must be at least 2".into());
            }
            let bases = base
                .iter()
                .map(|p| read(p))
                .collect::<Result<Vec<_>, _>>()?;
            let cluster = synth::cluster(&bases, *sources, *seed);
            match dir {
                Some(dir) => {
                    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                    for s in &cluster {
                        let path = dir.join(format!("{}.txt", s.id));
                        std::fs::write(&path, &s.text)
                            .map_err(|e| format!("{}: {e}", path.display()))?;
                    }
                }
                None => {
                    let line = serde_json::json!({
                        "id": format!("synth-n{sources}-seed{seed}"),
                        "sources": cluster
                            .iter()
                            .map(|s| serde_json::json!({"id": s.id, "text": s.text, "format": "text"}))
                            .collect::<Vec<_>>(),
                    });
                    println!("{line}");
                }
            }
            return Ok(());
        }
        Some(Command::Sample { count, seed }) => {
            let dir = cli.data.basil();
            if !dir.is_dir() {
                return Err(format!("{}: no such folder", dir.display()));
            }
            print!("{}", basil::sample(&dir, *count, *seed)?);
            return Ok(());
        }
        None => {}
    }
    let wants = |p: Part| cli.only.is_empty() || cli.only.contains(&p);
    let mut table = Table::default();
    let mut misses: Vec<String> = Vec::new();
    if wants(Part::Mrpc) {
        let path = cli.data.mrpc();
        if present(&path, "MRPC") {
            let pairs = mrpc::load(&path)?;
            mrpc::evaluate(&pairs, &mut table, &mut misses);
        }
    }
    if wants(Part::Basil) {
        let dir = cli.data.basil();
        if present(&dir, "BASIL") {
            basil::evaluate(&dir, &mut table, &mut misses)?;
        }
    }
    if wants(Part::Mutations) {
        let dir = cli.data.articles();
        if present(&dir, "the articles for the mutation self-test") {
            mutate::evaluate(&dir, cli.data.seed, &mut table, &mut misses)?;
        }
    }
    if wants(Part::Seed) {
        let path = cli.data.gold();
        if present(&path, "the seed answer key") {
            gold::evaluate(&path, &mut table, &mut misses)?;
        }
    }
    match cli.format {
        Format::Markdown => print!("{}", table.markdown()),
        Format::Json => println!("{}", table.json()),
    }
    if cli.show_misses {
        for m in &misses {
            println!("{m}");
        }
    }
    Ok(())
}

/// Whether `path` exists; says so on stderr when it does not.
fn present(path: &Path, what: &str) -> bool {
    if path.exists() {
        true
    } else {
        eprintln!("skipped {what}: {} is absent", path.display());
        false
    }
}

/// Reads a file as UTF-8 text, with an error naming it.
fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The share `n / d` as a percentage (0 when `d` is 0).
fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}
