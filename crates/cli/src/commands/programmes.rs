//! `leadback programme import|export|delete`: bringing in a programme file a facilitator shared,
//! sharing one as a file, and deleting one imported or written here (without --yes: says what
//! would go).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use leadback_actions::programmes::{self, Libraries};
use leadback_core::Clock;

use crate::error::CliError;
use crate::output::counted;

#[derive(Debug, Subcommand)]
pub enum ProgrammeCommand {
    /// Import a programme file (checked first; the data is backed up before it is kept).
    Import { file: PathBuf },
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
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (exercises, habits) = super::exercises::libraries()?;
    let libraries = Libraries {
        exercises: &exercises,
        habits: &habits,
    };
    let mut store = super::open_store(data_dir)?;
    match command {
        ProgrammeCommand::Import { file } => {
            let file = super::absolute(&file);
            let programme = programmes::import_file(&mut store, &file, libraries, clock.now())?;
            let items: usize = programme.days.iter().map(|day| day.items.len()).sum();
            writeln!(
                out,
                "Imported “{}” ({}, {}).",
                programme.title,
                counted(programme.days.len(), "day", "days"),
                counted(items, "item", "items")
            )?;
        }
        ProgrammeCommand::Export { id, file } => {
            let (all, _) = programmes::all(&store, libraries)?;
            let programme = programmes::find(all, &id)?;
            super::exercises::write(&store, &file, programme.export_file())?;
            writeln!(out, "Wrote {} to {}.", programme.title, file.display())?;
        }
        ProgrammeCommand::Delete { id, yes } => {
            let preview = programmes::deletion_preview(&store, &id, libraries)?;
            let what = format!(
                "“{}” with {} ticked off in it and {}",
                preview.title,
                counted(preview.items_done, "item", "items"),
                counted(
                    preview.cohort_results,
                    "participant results file",
                    "participant results files"
                )
            );
            if !yes {
                return Err(CliError::Usage(format!(
                    "Deleting {id} deletes {what}, for good. Add --yes to delete it. Nothing was changed."
                )));
            }
            programmes::delete(&mut store, &id, libraries)?;
            writeln!(out, "Deleted {what}.")?;
        }
    }
    Ok(())
}
