//! `leadback programme export|delete`: sharing a programme as a file, and deleting one imported or
//! written here (without --yes: says what would go).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use leadback_core::programmes;

use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum ProgrammeCommand {
    /// Write a programme as a file participants can import.
    Export { id: String, file: PathBuf },
    /// Delete a programme imported or written here, with what was ticked off in it and the
    /// results imported for it (without --yes: says what would go). The built-in one stays.
    Delete {
        id: String,
        #[arg(long)]
        yes: bool,
    },
}

pub fn run(
    data_dir: &Path,
    command: ProgrammeCommand,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match command {
        ProgrammeCommand::Export { id, file } => {
            super::exercises::export_programme(data_dir, &id, &file, out)
        }
        ProgrammeCommand::Delete { id, yes } => delete(data_dir, &id, yes, out),
    }
}

fn delete(data_dir: &Path, id: &str, yes: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let (exercises, habits) = super::exercises::libraries()?;
    let builtin =
        programmes::builtin(&exercises, &habits).map_err(|e| CliError::Usage(e.to_string()))?;
    let mut store = super::open_store(data_dir)?;
    let preview = store.programme_deletion_preview(id, &builtin)?;
    let what = format!(
        "“{}” with {} item(s) ticked off in it and {} participant results file(s)",
        preview.title, preview.items_done, preview.cohort_results
    );
    if !yes {
        return Err(CliError::Usage(format!(
            "Deleting {id} deletes {what}, for good. Add --yes to delete it. Nothing was changed."
        )));
    }
    store.delete_programme(id, &builtin)?;
    writeln!(out, "Deleted {what}.")?;
    Ok(())
}
