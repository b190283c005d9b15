//! `leadback`: the app without a window, for coaches' scripts, tests and benchmarks. It reads and
//! writes the same database as the desktop app through the same core and store; it owns argument
//! parsing and terminal output only, never rules or SQL.

mod commands;
mod error;
mod output;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
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
    Instrument(commands::instrument::InstrumentCommand),
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
    /// Your habits: list them, add one, check in.
    #[command(subcommand)]
    Habits(commands::habits::HabitsCommand),
    /// Record how much energy you have today (1 drained … 5 full).
    Energy {
        level: i64,
        /// The day (YYYY-MM-DD); default today.
        #[arg(long, value_name = "DATE")]
        date: Option<NaiveDate>,
        /// A note for the day ("" removes it); without it, the day's note stays.
        #[arg(long)]
        note: Option<String>,
    },
    /// The guided exercises: list them, start one, finish a run.
    #[command(subcommand)]
    Exercise(commands::exercise_runs::ExerciseCommand),
    /// Retreat programmes.
    #[command(subcommand)]
    Programme(commands::programmes::ProgrammeCommand),
    /// A facilitator's view of participants' results.
    #[command(subcommand)]
    Cohort(commands::exercises::CohortCommand),
    /// Your journal: every reflection, check-in note and note, newest first.
    Journal {
        /// Only entries with these words (a trailing * matches the start of a word).
        #[arg(long)]
        search: Option<String>,
        /// Write the whole journal to this Markdown file instead.
        #[arg(long, value_name = "FILE")]
        export: Option<PathBuf>,
        #[command(subcommand)]
        add: Option<JournalCommand>,
    },
    /// Bring in data from another app, or from a Leadback export.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Backups of the database, kept beside it in backups/.
    #[command(subcommand)]
    Backup(BackupCommand),
    /// Write everything in the database to one JSON file.
    Export { file: PathBuf },
    /// The people in the database: you, and a coach's clients.
    #[command(subcommand)]
    People(PeopleCommand),
    /// One client: add, correct, consent, erase.
    #[command(subcommand)]
    Person(commands::person::PersonCommand),
    /// A coach's sessions with a client.
    #[command(subcommand)]
    Session(commands::sessions::SessionCommand),
    /// Homework for a client, set in their latest session.
    #[command(subcommand)]
    Homework(commands::homework::HomeworkCommand),
    /// Observer (360) forms: ask an observer with a form file, bring their answers back, see the
    /// combined view.
    #[command(subcommand)]
    Observer(commands::observer::ObserverCommand),
    /// Write a person's PDF report: profile, history, habits and exercises (session notes only
    /// with --with-notes).
    Report {
        /// "me", or a client's name exactly as `leadback people list` shows it.
        #[arg(long, value_name = "NAME")]
        person: String,
        /// The PDF file to write.
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// Include the notes of every session with the person.
        #[arg(long)]
        with_notes: bool,
    },
    /// Fill an empty data folder with made-up, realistic data: to look around, take screenshots or
    /// measure at scale.
    Demo(commands::demo::DemoArgs),
    /// Sync with your other computers through a folder your own sync tool keeps in step.
    #[command(subcommand)]
    Sync(commands::sync::SyncCommand),
}

#[derive(Debug, Subcommand)]
enum PeopleCommand {
    /// You first, then every client by name, with their consent and assessments.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum BackupCommand {
    /// Take a checked backup now.
    Now,
    /// The backups kept, newest first.
    List,
    /// Put a backup in place of the current data (which is backed up first).
    Restore { file: PathBuf },
}

#[derive(Debug, Subcommand)]
enum JournalCommand {
    /// Write a note into the journal.
    Add {
        text: String,
        #[arg(long, value_name = "DATE")]
        date: Option<NaiveDate>,
    },
}

#[derive(Debug, Subcommand)]
enum ImportCommand {
    /// A Loop Habit Tracker backup (.db) or CSV export (.zip).
    Loop { file: PathBuf },
    /// A file from `leadback export`, into an empty database (e.g. on a new computer).
    Backup { file: PathBuf },
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
        Command::Instrument(command) => {
            commands::instrument::run(&data_dir()?, command, clock, out)
        }
        Command::Score { file, json } => commands::score::run(&file, json, out),
        Command::Assess => commands::assess::run(&data_dir()?, clock, input, out),
        Command::Habits(command) => commands::habits::run(&data_dir()?, command, clock, out),
        Command::Energy { level, date, note } => {
            commands::habits::energy(&data_dir()?, level, date, note.as_deref(), clock, out)
        }
        Command::Exercise(command) => {
            commands::exercise_runs::run(&data_dir()?, command, clock, out)
        }
        Command::Programme(command) => commands::programmes::run(&data_dir()?, command, clock, out),
        Command::Sync(command) => commands::sync::run(&data_dir()?, command, clock, out),
        Command::Cohort(commands::exercises::CohortCommand::Import { files }) => {
            commands::exercises::import_results(&data_dir()?, &files, clock, out)
        }
        Command::Cohort(commands::exercises::CohortCommand::Summary { programme, json }) => {
            commands::exercises::summary(&data_dir()?, programme.as_deref(), json, out)
        }
        Command::Journal {
            add: Some(JournalCommand::Add { text, date }),
            ..
        } => commands::exercises::add_note(&data_dir()?, &text, date, clock, out),
        Command::Journal {
            search,
            export,
            add: None,
        } => commands::exercises::journal(&data_dir()?, search.as_deref(), export.as_deref(), out),
        Command::Import(ImportCommand::Loop { file }) => {
            commands::import::loop_file(&data_dir()?, &file, clock, out)
        }
        Command::Import(ImportCommand::Backup { file }) => {
            commands::data::import_backup(&data_dir()?, &file, out)
        }
        Command::Backup(BackupCommand::Now) => commands::data::now(&data_dir()?, clock, out),
        Command::Backup(BackupCommand::List) => commands::data::list(&data_dir()?, out),
        Command::Backup(BackupCommand::Restore { file }) => {
            commands::data::restore(&data_dir()?, &file, clock, out)
        }
        Command::Export { file } => commands::data::export(&data_dir()?, &file, clock, out),
        Command::People(PeopleCommand::List { json }) => {
            commands::people::list(&data_dir()?, json, out)
        }
        Command::Observer(command) => commands::observer::run(&data_dir()?, command, clock, out),
        Command::Person(command) => commands::person::run(&data_dir()?, command, clock, out),
        Command::Homework(command) => commands::homework::run(&data_dir()?, command, clock, out),
        Command::Session(command) => commands::sessions::run(&data_dir()?, command, clock, out),
        Command::Report {
            person,
            out: file,
            with_notes,
        } => commands::report::run(&data_dir()?, &person, &file, with_notes, clock, out),
        Command::Demo(args) => commands::demo::run(&data_dir()?, &args, clock, out),
    }
}
