//! `leadback import loop FILE`.

use std::io::Write;
use std::path::Path;

use leadback_core::Clock;
use leadback_store::loop_import;

use crate::error::CliError;

pub fn loop_file(
    data_dir: &Path,
    file: &Path,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    // Read and check the whole file before opening the database: a bad file writes nothing.
    let export = loop_import::read_file(file).map_err(|e| CliError::InputFile {
        path: file.to_path_buf(),
        message: e.to_string(),
    })?;
    let mut store = super::open_store(data_dir)?;
    let me = super::me(&store)?;
    let name = file.display().to_string();
    let summary = store
        .import_loop(me.id, &name, &export, clock.now())
        .map_err(|e| match e {
            leadback_store::StoreError::Loop(e) => CliError::InputFile {
                path: file.to_path_buf(),
                message: e.to_string(),
            },
            other => CliError::Store(other),
        })?;
    writeln!(
        out,
        "Imported {} new habit(s) ({} already here), {} check-in(s) ({} days already had an entry), {} note(s) on days without a check-in.",
        summary.habits_added,
        summary.habits_matched,
        summary.check_ins_added,
        summary.check_ins_unchanged,
        summary.notes_kept
    )?;
    for refused in &summary.refused {
        writeln!(out, "Not imported: {} — {}", refused.name, refused.reason)?;
    }
    Ok(())
}
