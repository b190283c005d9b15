//! Bringing in a person's history from Loop Habit Tracker (a `.db` backup or a CSV `.zip`).

use std::path::Path;

use leadback_core::Clock;
use leadback_store::StoreError;
use leadback_store::loop_import::{self, LoopImportSummary};

use crate::ActionError;

/// Reads and checks the whole file before anything is written (a backup is taken first, then
/// everything goes in one transaction); a file that is not Loop's is an error naming it. Habits
/// already here are matched, not doubled.
pub fn import(
    store: &mut leadback_store::Store,
    clock: &dyn Clock,
    person_id: i64,
    path: &Path,
) -> Result<LoopImportSummary, ActionError> {
    let not_loop = |message: String| ActionError::File {
        path: path.to_path_buf(),
        message,
    };
    let export = loop_import::read_file(path).map_err(|e| not_loop(e.to_string()))?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    store
        .import_loop(person_id, &name, &export, clock.now())
        .map_err(|e| match e {
            StoreError::Loop(e) => not_loop(e.to_string()),
            other => other.into(),
        })
}
