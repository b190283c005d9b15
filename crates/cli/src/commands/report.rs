//! `leadback report --person NAME --out FILE.pdf [--with-notes]`: the same PDF report the app
//! exports, for "me" or one client.

use std::io::Write;
use std::path::Path;

use leadback_actions::reports::{self, WriteReport};
use leadback_core::Clock;
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::builtin_library;
use leadback_store::ReportLibraries;

use crate::error::CliError;

pub fn run(
    data_dir: &Path,
    name: &str,
    file: &Path,
    with_notes: bool,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let store = super::open_store(data_dir)?;
    let person = super::person_named(&store, name)?;
    let instruments = super::instrument::library(&store)?;
    let habits = builtin_library()?;
    let exercises = ExerciseLibrary::builtin()
        .map_err(|e| CliError::Usage(format!("The exercise library cannot be loaded: {e}")))?;
    let libraries = ReportLibraries {
        instruments: &instruments,
        habits: &habits,
        exercises: &exercises,
    };
    let input = WriteReport {
        person_id: person.id,
        path: &super::absolute(file),
        include_notes: with_notes,
    };
    let written = reports::write(&store, clock, libraries, input)?;
    writeln!(
        out,
        "Wrote the report for {} to {}: {} pages{}.",
        person.name,
        file.display(),
        written.pages,
        if with_notes {
            ", with session notes"
        } else {
            ""
        }
    )?;
    if let Some(note) = reports::missing_note(&written.missing) {
        writeln!(out, "{note}")?;
    }
    Ok(())
}
