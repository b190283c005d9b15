//! `leadback`: the app without a window, for coaches' scripts, tests and benchmarks. It reads and
//! writes the same database as the desktop app through the same core and store; it owns argument
//! parsing and terminal output only, never rules or SQL.

mod commands;
mod error;
mod output;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use leadback_core::{Clock, SystemClock};

use crate::error::CliError;

#[derive(Debug, Parser)]
#[command(name = "leadback", version, about = "Leadback from the command line")]
struct Cli {
    /// The data folder (default: $LEADBACK_DATA_DIR, else the platform's app-data folder).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Where the data is, its schema version, an integrity check and how many rows each table holds.
    Info,
    /// Show your profile, or set your name with --name.
    Me {
        /// Your new name.
        #[arg(long)]
        name: Option<String>,
    },
    /// The self-assessment instrument.
    #[command(subcommand)]
    Instrument(InstrumentCommand),
    /// Score an answers file without touching the database.
    Score {
        /// A JSON file: {"instrument": ID, "version": N, "answers": {ITEM: VALUE|null}, "scenarios": {SCENARIO: OPTION}}
        file: PathBuf,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Take the self-assessment in the terminal; answers are saved as you give them.
    Assess,
}

#[derive(Debug, Subcommand)]
enum InstrumentCommand {
    /// Show the built-in instrument as loaded and validated.
    Show {
        /// Print it as JSON.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    let mut input = std::io::stdin().lock();
    match run(cli, &SystemClock, &mut input, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = writeln!(std::io::stderr(), "leadback: {err}");
            ExitCode::from(err.exit_code())
        }
    }
}

fn run(
    cli: Cli,
    clock: &dyn Clock,
    input: &mut dyn std::io::BufRead,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let data_dir = || leadback_store::paths::data_dir_from_env(cli.data_dir.as_deref());
    match cli.command {
        Command::Info => commands::info::run(&data_dir()?, out),
        Command::Me { name } => commands::me::run(data_dir, name.as_deref(), clock, out),
        Command::Instrument(InstrumentCommand::Show { json }) => {
            commands::instrument::show(json, out)
        }
        Command::Score { file, json } => commands::score::run(&file, json, out),
        Command::Assess => commands::assess::run(&data_dir()?, clock, input, out),
    }
}
