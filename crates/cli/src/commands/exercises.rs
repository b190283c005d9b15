//! `leadback exercise list`, `cohort import|summary`, `journal`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Subcommand;
use leadback_core::Clock;
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::builtin_library;
use leadback_store::{Store, StoreError};

use crate::error::CliError;
use crate::output::{self, counted};

#[derive(Debug, Subcommand)]
pub enum CohortCommand {
    /// Import participants' results files (all are checked before any is stored).
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Per stance: participants, mean before, mean after, mean change.
    Summary {
        #[arg(long)]
        programme: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub(super) fn libraries() -> Result<(ExerciseLibrary, leadback_core::habits::HabitLibrary), CliError>
{
    let habits = builtin_library()?;
    let exercises = ExerciseLibrary::builtin().map_err(|e| CliError::Usage(e.to_string()))?;
    Ok((exercises, habits))
}

pub fn list(json: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let (exercises, _) = libraries()?;
    if json {
        serde_json::to_writer_pretty(&mut *out, exercises.exercises())
            .map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    for exercise in exercises.exercises() {
        writeln!(
            out,
            "{:<28} {:<8} {:>3} min  {}",
            exercise.id,
            exercise.stance.as_str(),
            exercise.duration_minutes,
            exercise.title
        )?;
    }
    Ok(())
}

/// Writes a file the person asked for through the one checked path; a file that cannot be written
/// is their input to fix (exit 2), as before.
pub(super) fn write(store: &Store, file: &Path, bytes: impl AsRef<[u8]>) -> Result<(), CliError> {
    leadback_actions::files::write(store, &super::absolute(file), bytes).map_err(written(file))
}

/// A file that cannot be written is the person's input to fix (exit 2), named as they gave it.
fn written(file: &Path) -> impl FnOnce(leadback_actions::ActionError) -> CliError + '_ {
    move |err| match err {
        leadback_actions::ActionError::Store(StoreError::WriteFile { source, .. }) => {
            CliError::InputFile {
                path: file.to_path_buf(),
                message: format!("could not be written: {source}"),
            }
        }
        other => other.into(),
    }
}

/// Opens every file first; only if all are valid are they stored, in one transaction.
pub fn import_results(
    data_dir: &Path,
    files: &[PathBuf],
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let mut store = super::open_store(data_dir)?;
    let count = leadback_actions::cohort::import_results(&mut store, clock, files)?;
    writeln!(
        out,
        "Imported {}.",
        counted(count, "results file", "results files")
    )?;
    Ok(())
}

pub fn summary(
    data_dir: &Path,
    programme: Option<&str>,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let store = super::open_store(data_dir)?;
    let programme_id = match programme {
        Some(id) => id.to_owned(),
        None => leadback_actions::cohort::only_cohort(&store)?,
    };
    let (exercises, habits) = libraries()?;
    let libraries = leadback_actions::programmes::Libraries {
        exercises: &exercises,
        habits: &habits,
    };
    let (programmes, _) = leadback_actions::programmes::all(&store, libraries)?;
    let summary = leadback_actions::cohort::summary(&store, &programmes, &programme_id)?;
    if json {
        let stances: BTreeMap<&str, serde_json::Value> = summary
            .stances
            .iter()
            .map(|s| {
                let change = s.change.as_ref();
                (
                    s.stance.as_str(),
                    serde_json::json!({
                        "n": s.n,
                        "mean_before": change.map(|c| c.mean_before),
                        "mean_after": change.map(|c| c.mean_after),
                        "mean_change": change.map(|c| c.mean_change),
                        "spread": change.map(|c| c.spread),
                    }),
                )
            })
            .collect();
        let doc = serde_json::json!({ "programme": summary.programme_id, "participants": summary.participants, "stances": stances });
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{} — {}",
        summary.programme_id,
        counted(summary.participants, "participant", "participants")
    )?;
    for s in &summary.stances {
        match &s.change {
            Some(c) => writeln!(
                out,
                "  {:<8} n={:<3} before {:>5.1}  after {:>5.1}  change {:>+5.1} (sd {:.1})",
                s.stance.as_str(),
                s.n,
                c.mean_before,
                c.mean_after,
                c.mean_change,
                c.spread
            )?,
            None => writeln!(
                out,
                "  {:<8} n={:<3} fewer than {} with both scores: not shown",
                s.stance.as_str(),
                s.n,
                summary.min_group
            )?,
        }
    }
    Ok(())
}

pub fn journal(
    data_dir: &Path,
    search: Option<&str>,
    export: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let store = super::open_store(data_dir)?;
    let me = super::me(&store)?;
    if let Some(file) = export {
        leadback_actions::journal::export(&store, me.id, &super::absolute(file))
            .map_err(written(file))?;
        writeln!(out, "Wrote the journal to {}.", file.display())?;
        return Ok(());
    }
    let (exercises, _) = libraries()?;
    let words = leadback_actions::journal::Search {
        words: search,
        ..Default::default()
    };
    let entries = leadback_actions::journal::search(&store, &exercises, me.id, words)?;
    if entries.is_empty() {
        writeln!(
            out,
            "Nothing in the journal{}.",
            search.map_or(String::new(), |q| format!(" matches {q:?}"))
        )?;
    }
    for entry in entries {
        writeln!(
            out,
            "{}  {:<10} {}",
            entry.day,
            entry.kind,
            entry.text.replace('\n', " ")
        )?;
    }
    Ok(())
}

pub fn add_note(
    data_dir: &Path,
    text: &str,
    date: Option<NaiveDate>,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let mut store = super::open_store(data_dir)?;
    let me = super::me(&store)?;
    let day = date.unwrap_or_else(|| clock.today());
    leadback_actions::journal::add_note(&mut store, me.id, day, text, clock.today(), clock.now())?;
    writeln!(out, "Added to the journal for {}.", output::day(day))?;
    Ok(())
}
