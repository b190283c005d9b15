//! Recovering a database that cannot be opened from the newest good backup.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::kinds::{BackupFile, STAMP, io_error};
use super::names::list_backups;
use super::take::verify;
use crate::{StoreError, paths};

/// The newest backup in `dir` that passes [`verify`], for recovering a damaged database.
pub fn newest_good_backup(dir: &Path, key: Option<&str>) -> Result<Option<BackupFile>, StoreError> {
    Ok(list_backups(dir)?
        .into_iter()
        .find(|backup| verify(&backup.path, key).is_ok()))
}

/// Puts `backup` in place of a database that cannot be opened. The damaged file (and its `-wal`
/// and `-shm` companions) is moved aside, never deleted; returns where it went.
pub fn recover_from_backup(
    data_dir: &Path,
    backup: &Path,
    key: Option<&str>,
    now: DateTime<Utc>,
) -> Result<PathBuf, StoreError> {
    verify(backup, key)?;
    let database = paths::database_path(data_dir);
    let aside = data_dir.join(format!(
        "{}.damaged-{}",
        paths::DATABASE_FILE,
        now.format(STAMP)
    ));
    for companion in ["", "-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{companion}", database.display()));
        if from.exists() {
            let to = PathBuf::from(format!("{}{companion}", aside.display()));
            std::fs::rename(&from, &to).map_err(|source| io_error("move aside", &from, source))?;
        }
    }
    let partial = database.with_extension("restoring");
    std::fs::copy(backup, &partial).map_err(|source| io_error("copy", backup, source))?;
    std::fs::rename(&partial, &database)
        .map_err(|source| io_error("put back", &database, source))?;
    Ok(aside)
}
