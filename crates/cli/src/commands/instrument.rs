use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use leadback_actions::instruments::{self as actions, Libraries};
use leadback_core::Clock;
use leadback_core::assessment::{
    BUILTIN_FILE_NAME, InstrumentLibrary, builtin, instrument_consistency,
};
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::builtin_library;
use leadback_store::Store;

use crate::error::CliError;
use crate::output;

#[derive(Debug, Subcommand)]
pub enum InstrumentCommand {
    /// Show the built-in instrument as loaded and validated.
    Show {
        /// Print it as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Import your own instrument file (the built-in one's TOML schema), checked first.
    Import { file: PathBuf },
    /// The built-in and imported instruments; `*` marks the one new assessments use.
    List {
        /// Print them as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Choose the instrument new assessments are taken on.
    Use {
        id: String,
        /// The version (default: the newest imported).
        #[arg(long)]
        version: Option<i64>,
    },
    /// Cronbach's alpha per stance over every finished assessment in this database.
    Consistency {
        /// The instrument (default: the one new assessments use).
        id: Option<String>,
        /// The version (default: the newest).
        #[arg(long)]
        version: Option<i64>,
        /// Print it as JSON.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(
    data_dir: &Path,
    command: InstrumentCommand,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match command {
        InstrumentCommand::Show { json } => show(json, out),
        InstrumentCommand::Import { file } => import(data_dir, &file, clock, out),
        InstrumentCommand::List { json } => list(data_dir, json, out),
        InstrumentCommand::Use { id, version } => choose(data_dir, &id, version, out),
        InstrumentCommand::Consistency { id, version, json } => {
            consistency(data_dir, id.as_deref(), version, json, out)
        }
    }
}

pub fn show(json: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let instrument = builtin()?;
    let view = instrument.view();
    if json {
        serde_json::to_writer_pretty(&mut *out, view).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{} ({BUILTIN_FILE_NAME})", view.title)?;
    writeln!(out, "id {} · version {}", view.id, view.version)?;
    writeln!(out, "scale: {}", output::scale(&view.scale))?;
    writeln!(out, "\n{} items — {}", view.items.len(), view.stem)?;
    for item in &view.items {
        let reverse = if item.reverse { " (reverse)" } else { "" };
        writeln!(
            out,
            "  {:<12} {:<8}{reverse} {}",
            item.id, item.stance, item.text
        )?;
    }
    writeln!(out, "\n{} scenarios", view.scenarios.len())?;
    for scenario in &view.scenarios {
        writeln!(
            out,
            "  {:<12} {} (fits: {})",
            scenario.id, scenario.title, scenario.fitting
        )?;
    }
    writeln!(
        out,
        "\n{} energy items — {}",
        view.energy.items.len(),
        view.energy.stem
    )?;
    for item in &view.energy.items {
        let reverse = if item.reverse { " (reverse)" } else { "" };
        writeln!(out, "  {:<12}{reverse} {}", item.id, item.text)?;
    }
    Ok(())
}

/// The instruments as this database sees them: the built-in one, every imported one, and the one
/// new assessments use. Stored files that no longer load are reported on stderr and skipped.
pub fn library(store: &Store) -> Result<InstrumentLibrary, CliError> {
    let (library, warnings) = store.instrument_library(InstrumentLibrary::builtin()?)?;
    for warning in warnings {
        // A warning that cannot be shown is no reason to stop.
        let _ = writeln!(std::io::stderr(), "leadback: warning: {warning}");
    }
    Ok(library)
}

/// `leadback instrument import FILE`: checks a coach's instrument file and keeps it.
pub fn import(
    data_dir: &Path,
    file: &Path,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let mut store = super::open_store(data_dir)?;
    let habits = builtin_library()?;
    let exercises = ExerciseLibrary::builtin().map_err(|e| CliError::Usage(e.to_string()))?;
    let instruments = library(&store)?;
    let libraries = Libraries {
        instruments: &instruments,
        habits: &habits,
        exercises: &exercises,
    };
    let checked = actions::import_file(&mut store, clock, libraries, file)?;
    let instrument = &checked.instrument;
    let what = format!(
        "{} version {}: {} ({} items, {} scenarios)",
        instrument.id(),
        instrument.version(),
        instrument.view().title,
        instrument.items().len(),
        instrument.scenarios().len()
    );
    if !checked.new {
        writeln!(out, "Already imported, nothing changed: {what}")?;
        return Ok(());
    }
    let version = i64::from(instrument.version());
    writeln!(out, "Imported {what}")?;
    writeln!(
        out,
        "New assessments still use {}; choose with: leadback instrument use {} --version {version}",
        library(&store)?.current().id(),
        instrument.id()
    )?;
    Ok(())
}

/// `leadback instrument list`: every instrument, `*` marking the one new assessments use.
pub fn list(data_dir: &Path, json: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let store = super::open_store(data_dir)?;
    let summaries = library(&store)?.summaries();
    if json {
        serde_json::to_writer_pretty(&mut *out, &summaries).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    for s in &summaries {
        let mark = if s.current { "*" } else { " " };
        let origin = s.imported_at.map_or_else(
            || "built in".to_owned(),
            |at| format!("imported {}", at.format("%Y-%m-%d")),
        );
        writeln!(
            out,
            "{mark} {:<20} v{:<3} {:>3} items  {origin:<20} {}",
            s.id, s.version, s.items, s.title
        )?;
    }
    writeln!(out, "\n* new assessments use this one")?;
    Ok(())
}

/// `leadback instrument use ID [--version N]`: the instrument new assessments are taken on
/// (without a version: the newest one imported under that id).
pub fn choose(
    data_dir: &Path,
    id: &str,
    version: Option<i64>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let mut store = super::open_store(data_dir)?;
    let mut library = library(&store)?;
    let version = resolve(&library, id, version)?;
    library.choose(id, version)?;
    store.choose_instrument(id, version)?;
    writeln!(
        out,
        "New assessments now use {id} version {version}: {}",
        library.current().view().title
    )?;
    Ok(())
}

/// The version asked for, or the newest one of `id`; an unknown id is a usage error.
fn resolve(library: &InstrumentLibrary, id: &str, version: Option<i64>) -> Result<i64, CliError> {
    let newest = library
        .summaries()
        .into_iter()
        .filter(|s| s.id == id)
        .map(|s| i64::from(s.version))
        .max();
    match (version, newest) {
        (Some(v), _) => Ok(v),
        (None, Some(v)) => Ok(v),
        (None, None) => Err(CliError::Usage(format!(
            "There is no instrument {id:?}; see leadback instrument list."
        ))),
    }
}

/// `leadback instrument consistency [ID] [--version N]`: Cronbach's alpha per stance over every
/// finished assessment on that instrument in this database (default: the current one).
pub fn consistency(
    data_dir: &Path,
    id: Option<&str>,
    version: Option<i64>,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let store = super::open_store(data_dir)?;
    let library = library(&store)?;
    let instrument = match id {
        Some(id) => library.find(id, resolve(&library, id, version)?)?,
        None => library.current(),
    };
    let sheets = store.completed_sheets(instrument.id(), i64::from(instrument.version()))?;
    let result = instrument_consistency(instrument, &sheets);
    if json {
        serde_json::to_writer_pretty(&mut *out, &result).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "Internal consistency in this database (Cronbach's alpha): {} ({} version {}), {} finished assessments",
        result.title, result.instrument_id, result.instrument_version, result.finished
    )?;
    for stance in &result.stances {
        let what = match stance.alpha {
            Some(alpha) => format!(
                "alpha {alpha:.2} over {} complete assessments",
                stance.assessments
            ),
            None if stance.assessments < result.min_assessments => format!(
                "needs at least {} complete assessments ({} so far)",
                result.min_assessments, stance.assessments
            ),
            None => format!(
                "no alpha: the answers do not vary ({} complete assessments)",
                stance.assessments
            ),
        };
        writeln!(
            out,
            "  {:<8} {} items  {what}",
            stance.stance.as_str(),
            stance.items
        )?;
    }
    writeln!(
        out,
        "Alpha says how consistently a stance's items are answered alike here; 0.7 or more is usually read as consistent."
    )?;
    Ok(())
}
