//! `leadback`: the app without a window, for coaches' scripts, tests and benchmarks. It reads and
//! writes the same database as the desktop app through the same core and store; it owns argument
//! parsing and terminal output only, never rules or SQL.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use leadback_core::{Clock, PersonName, SystemClock, ValidationError};
use leadback_store::{Integrity, Store, StoreError, paths};

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
}

#[derive(Debug, thiserror::Error)]
enum CliError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("Could not write to the terminal: {0}")]
    Output(#[from] std::io::Error),
}

impl CliError {
    /// 2 for input the user can fix, 1 for everything else.
    fn exit_code(&self) -> u8 {
        match self {
            Self::Invalid(_) => 2,
            Self::Store(_) | Self::Output(_) => 1,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    match run(cli, &SystemClock, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = writeln!(std::io::stderr(), "leadback: {err}");
            ExitCode::from(err.exit_code())
        }
    }
}

fn run(cli: Cli, clock: &dyn Clock, out: &mut dyn Write) -> Result<(), CliError> {
    let data_dir = paths::data_dir_from_env(cli.data_dir.as_deref())?;
    match cli.command {
        Command::Info => {
            let store = Store::open_in(&data_dir)?;
            let info = store.info()?;
            writeln!(out, "data folder:    {}", data_dir.display())?;
            writeln!(
                out,
                "database:       {}",
                paths::database_path(&data_dir).display()
            )?;
            writeln!(out, "schema version: {}", info.schema_version)?;
            match &info.integrity {
                Integrity::Ok => writeln!(out, "integrity:      ok")?,
                Integrity::Problems(lines) => {
                    writeln!(out, "integrity:      {} problem(s)", lines.len())?;
                    for line in lines {
                        writeln!(out, "  {line}")?;
                    }
                }
            }
            writeln!(out, "rows:")?;
            for count in &info.counts {
                writeln!(out, "  {:<14}{}", count.table, count.rows)?;
            }
        }
        Command::Me { name } => {
            // Validate before opening, so bad input never even creates the data folder.
            let name = name.as_deref().map(PersonName::parse).transpose()?;
            let mut store = Store::open_in(&data_dir)?;
            let me = match name {
                Some(name) => Some(store.set_my_name(&name, clock.now())?),
                None => store.me()?,
            };
            match me {
                Some(me) => writeln!(out, "{}", me.name)?,
                None => writeln!(
                    out,
                    "No profile yet. Set your name with: leadback me --name \"Your Name\""
                )?,
            }
        }
    }
    Ok(())
}
