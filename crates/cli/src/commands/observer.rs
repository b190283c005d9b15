//! `leadback observer export|import|list`: observer (360) forms from the command line. `export`
//! asks an observer and writes their form (one `.html` page they open in any browser); `import`
//! keeps the answers file that page saved; `list` shows who was asked and the combined view, which
//! withholds every stance fewer than three observers scored.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use leadback_core::assessment::{InstrumentLibrary, Stance};
use leadback_core::observers::StanceView;
use leadback_core::{Clock, Person};
use leadback_store::Store;

use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum ObserverCommand {
    /// Ask an observer (a name or a role) and write their form: one web page they open in any
    /// browser, which saves their answers as a file.
    Export {
        /// "me", or a client's name exactly as `leadback people list` shows it.
        #[arg(long, value_name = "NAME")]
        person: String,
        /// The observer's name or role, e.g. "Sam" or "her manager".
        #[arg(long, value_name = "WHO")]
        observer: String,
        /// The form to write (.html).
        #[arg(long, value_name = "FILE.html")]
        out: PathBuf,
    },
    /// Keep the answers file an observer's form saved (checked, and used once).
    Import {
        #[arg(long, value_name = "NAME")]
        person: String,
        file: PathBuf,
    },
    /// Who was asked, and the observers' view beside the person's own.
    List {
        #[arg(long, value_name = "NAME")]
        person: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(
    data_dir: &Path,
    command: ObserverCommand,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match command {
        ObserverCommand::Export {
            person,
            observer,
            out: file,
        } => export(data_dir, &person, &observer, &file, clock, out),
        ObserverCommand::Import { person, file } => import(data_dir, &person, &file, clock, out),
        ObserverCommand::List { person, json } => list(data_dir, &person, json, out),
    }
}

/// The store, the person called `name` and the instruments their answers are read with.
fn about(data_dir: &Path, name: &str) -> Result<(Store, Person, InstrumentLibrary), CliError> {
    let store = super::open_store(data_dir)?;
    let person = super::person_named(&store, name)?;
    let library = super::instrument::library(&store)?;
    Ok((store, person, library))
}

/// Asks `observer` for their view of the person called `name` and writes their form to `file`.
pub fn export(
    data_dir: &Path,
    name: &str,
    observer: &str,
    file: &Path,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (mut store, person, library) = about(data_dir, name)?;
    let (request, answers_file) = leadback_actions::observers::ask(
        &mut store,
        clock,
        &library,
        person.id,
        observer,
        &super::absolute(file),
    )?;
    writeln!(
        out,
        "Asked {} about {}: their form is {}. They open it in any browser and send back {}; \
         then: leadback observer import --person {:?} FILE",
        request.observer,
        person.name,
        file.display(),
        answers_file,
        name
    )?;
    Ok(())
}

/// Keeps the answers in `file` about the person called `name`.
pub fn import(
    data_dir: &Path,
    name: &str,
    file: &Path,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (mut store, person, library) = about(data_dir, name)?;
    let request =
        leadback_actions::observers::import_answers(&mut store, clock, &library, person.id, file)?;
    writeln!(
        out,
        "{}'s answers about {} are in.",
        request.observer, person.name
    )?;
    Ok(())
}

/// Who was asked about the person called `name`, and the combined view beside their own.
pub fn list(data_dir: &Path, name: &str, json: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let (store, person, library) = about(data_dir, name)?;
    let view = store.observer_view(person.id, &library)?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &view).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    if view.requests.is_empty() {
        writeln!(out, "No observers asked about {} yet.", person.name)?;
        return Ok(());
    }
    for request in &view.requests {
        let status = request.answered_at.map_or_else(
            || "waiting".to_owned(),
            |at| format!("answered {}", at.format("%Y-%m-%d")),
        );
        writeln!(out, "{:<30} {status}", request.observer)?;
    }
    writeln!(
        out,
        "\nOwn view and observers' view ({} answered):",
        view.summary.observers
    )?;
    for stance in Stance::ALL {
        let own = view
            .own
            .get(stance)
            .map_or_else(|| "–".to_owned(), |s| format!("{s:.1}"));
        let observers = match view.summary.stances.get(stance) {
            StanceView::Shown { mean, gap, .. } => format!(
                "{mean:.1} (gap {})",
                gap.map_or_else(|| "–".to_owned(), |g| format!("{g:+.1}"))
            ),
            StanceView::Withheld { answered, needed } => {
                format!("withheld: {answered} of the {needed} observers needed")
            }
        };
        writeln!(
            out,
            "  {:<8} own {own:>5}   observers {observers}",
            stance.as_str()
        )?;
    }
    Ok(())
}
