//! `leadback report --person NAME --out FILE.pdf [--with-notes]`: the same PDF report the app
//! exports, for "me" or one client.

use std::io::Write;
use std::path::Path;

use leadback_core::Clock;
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::builtin_library;
use leadback_core::report::Report;
use leadback_report::{Fonts, render};
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
    super::check_output(&store, file, "pdf", "a report is a PDF")?;
    let instruments = super::instrument::library(&store)?;
    let habits = builtin_library()?;
    let exercises = ExerciseLibrary::builtin()
        .map_err(|e| CliError::Usage(format!("The exercise library cannot be loaded: {e}")))?;
    let data = store.report_data(
        person.id,
        clock.today(),
        ReportLibraries {
            instruments: &instruments,
            habits: &habits,
            exercises: &exercises,
        },
        with_notes,
    )?;
    let fonts = Fonts::system().map_err(|e| CliError::Usage(e.to_string()))?;
    let rendered =
        render(&Report::build(&data), &fonts).map_err(|e| CliError::Usage(e.to_string()))?;
    leadback_store::paths::write_file(file, &rendered.bytes)?;
    writeln!(
        out,
        "Wrote the report for {} to {}: {} pages{}.",
        person.name,
        file.display(),
        rendered.pages,
        if with_notes {
            ", with session notes"
        } else {
            ""
        }
    )?;
    Ok(())
}
