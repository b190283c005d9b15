//! Keeping a person's data safe and taking it elsewhere: a backup taken by hand, restoring one
//! (the current data backed up first), everything written to one JSON file, and such a file read
//! into an empty database.

use std::path::Path;

use chrono::{DateTime, Utc};
use leadback_store::backup::{BackupFile, BackupReason};
use leadback_store::export::ExportDocument;
use leadback_store::{Store, StoreError};

use crate::{ActionError, files};

/// The largest export read: far beyond ten years of a busy coach's data.
pub const MAX_EXPORT_BYTES: usize = 1 << 30;

/// Takes a backup now and checks it; `None` for a database with no folder on disk.
pub fn backup_now(store: &Store, now: DateTime<Utc>) -> Result<Option<BackupFile>, ActionError> {
    Ok(store.backup_now(BackupReason::Manual, now)?)
}

/// Replaces the data with the backup at `path`, checked first, after backing up the current data
/// (returned). The database in use is not a backup of itself and is refused.
pub fn restore(
    store: &mut Store,
    path: &Path,
    now: DateTime<Utc>,
) -> Result<Option<BackupFile>, ActionError> {
    if files::is_live_database(store, path) {
        return Err(ActionError::File {
            path: path.to_path_buf(),
            message: "is the database in use, not a backup of it. Nothing was changed.".to_owned(),
        });
    }
    Ok(store.restore_backup(path, now)?)
}

/// What [`export_everything`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exported {
    pub rows: usize,
    pub tables: usize,
}

/// Writes everything in the database to one JSON file at `path`, through the one checked path.
pub fn export_everything(
    store: &Store,
    path: &Path,
    now: DateTime<Utc>,
) -> Result<Exported, ActionError> {
    // Refused before the whole database is read, not only when it comes to writing.
    files::check_not_data(store, path)?;
    let doc = store.export_all(now)?;
    files::write(store, path, doc.to_json()?)?;
    Ok(Exported {
        rows: doc.row_count(),
        tables: doc.tables.len(),
    })
}

/// Reads and checks an export file whole, before any database is touched.
pub fn read_export(path: &Path) -> Result<ExportDocument, ActionError> {
    let text = files::read_chosen_text(path, MAX_EXPORT_BYTES)?;
    if text.len() > MAX_EXPORT_BYTES {
        return Err(ActionError::File {
            path: path.to_path_buf(),
            message: format!("is larger than any Leadback export ({MAX_EXPORT_BYTES} bytes)."),
        });
    }
    ExportDocument::from_json(&text).map_err(|err| ActionError::File {
        path: path.to_path_buf(),
        message: err.to_string(),
    })
}

/// Brings `doc`, read from `path` by [`read_export`], into `store`, which must be empty; returns
/// the rows brought in.
pub fn import_export(
    store: &mut Store,
    path: &Path,
    doc: &ExportDocument,
) -> Result<usize, ActionError> {
    store.import_all(doc).map_err(|err| match err {
        StoreError::NotEmpty { .. } | StoreError::BadExport(_) => ActionError::File {
            path: path.to_path_buf(),
            message: err.to_string(),
        },
        other => other.into(),
    })?;
    Ok(doc.row_count())
}
