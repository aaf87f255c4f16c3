//! Argument parsing and the subcommands: `compare`, `claims`, `schema`.

mod exit_codes;
mod io;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};

use claimdiff::render::{self, OutputFormat, RenderOptions};
use claimdiff::{Input, Options, analyze};

const EXAMPLES: &str = "\
Examples:
  claimdiff compare fixtures/seeds/000_1d63caa255d4b3ee.txt fixtures/seeds/003_8725cc8dd04a3928.txt
  claimdiff compare fox.txt nyt.txt hpo.txt --format json -o report.json
  claimdiff claims fixtures/seeds/003_8725cc8dd04a3928.txt";

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
    /// List the claims of one or more articles, to see what the extractor sees.
    Claims {
        /// The articles (plain text or HTML).
        #[arg(required = true, num_args = 1.., value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Print the JSON Schema of the JSON report.
    Schema,
}

#[derive(Debug, clap::Args)]
struct OutputArgs {
    /// Output format.
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
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Text,
    Json,
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
            let format = match output.format {
                FormatArg::Text => OutputFormat::Text,
                FormatArg::Json => OutputFormat::Json,
            };
            let color = io::use_color(
                output.color_choice(),
                output.output.is_some(),
                format == OutputFormat::Text,
            );
            let text = render::render(&report, format, RenderOptions { color });
            io::emit(&text, output.output.as_deref())?;
            Ok(exit_codes::SUCCESS)
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
            };
            io::emit(&text, output.output.as_deref())?;
            Ok(exit_codes::SUCCESS)
        }
        Command::Schema => {
            io::emit(&render::json::schema(), None)?;
            Ok(exit_codes::SUCCESS)
        }
    }
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

fn read_inputs(files: &[PathBuf], output: &OutputArgs) -> Result<Vec<Input>> {
    let forced = output.input_format.map(|f| match f {
        InputFormatArg::Text => claimdiff::ingest::Format::Text,
        InputFormatArg::Html => claimdiff::ingest::Format::Html,
    });
    files.iter().map(|f| io::read_input(f, forced)).collect()
}
