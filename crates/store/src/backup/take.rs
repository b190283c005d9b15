//! Taking a backup: a checked copy of the database, made with `VACUUM INTO`, and the check that a
//! file is a whole Leadback database this version can open.

use std::path::Path;

use chrono::{DateTime, Timelike, Utc};
use rusqlite::Connection;

use super::kinds::{BackupFile, BackupReason, backups_dir, io_error};
use super::names::{file_name, list_backups, names_in, parse_name, rotate};
use crate::connection::{check, open_read_only};
use crate::migrations::latest_schema_version;
use crate::{StoreError, paths};

/// Copies the database behind `conn` into a new, checked backup in `dir`, then rotates the folder.
pub(crate) fn take(
    conn: &Connection,
    dir: &Path,
    reason: BackupReason,
    now: DateTime<Utc>,
    key: Option<&str>,
) -> Result<BackupFile, StoreError> {
    take_sparing(conn, dir, reason, now, key, None)
}

/// [`take`], with rotation leaving `spare` alone: the safety backup before a restore must not
/// remove the backup about to be restored.
pub(crate) fn take_sparing(
    conn: &Connection,
    dir: &Path,
    reason: BackupReason,
    now: DateTime<Utc>,
    key: Option<&str>,
    spare: Option<&Path>,
) -> Result<BackupFile, StoreError> {
    std::fs::create_dir_all(dir).map_err(|source| io_error("create", dir, source))?;
    // Within one second, each backup takes the next number, so names order them even after
    // rotation has removed some.
    let attempt = names_in(dir)?
        .iter()
        .filter_map(|name| parse_name(name))
        .filter(|(taken_at, _, _)| *taken_at == now.with_nanosecond(0).unwrap_or(now))
        .map(|(_, _, attempt)| attempt + 1)
        .max()
        .unwrap_or(0);
    let target = dir.join(file_name(now, reason, attempt));
    // Written under a name rotation and listing ignore, and renamed only once it is checked.
    let partial = target.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    let written = conn
        .execute("VACUUM INTO ?1", [partial.to_string_lossy()])
        .map_err(StoreError::from)
        // An encrypted database's copy is encrypted with the same passphrase.
        .and_then(|_| verify(&partial, key).map(|_| ()));
    if let Err(err) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(err);
    }
    std::fs::rename(&partial, &target).map_err(|source| io_error("finish", &target, source))?;
    rotate(dir, &target, spare)?;
    let bytes = std::fs::metadata(&target)
        .map_err(|source| io_error("read the size of", &target, source))?
        .len();
    Ok(BackupFile {
        path: target,
        taken_at: now,
        reason,
        bytes,
    })
}

pub(crate) fn daily(
    conn: &Connection,
    dir: &Path,
    now: DateTime<Utc>,
    key: Option<&str>,
) -> Result<Option<BackupFile>, StoreError> {
    let today = now.date_naive();
    if list_backups(dir)?
        .iter()
        .any(|b| b.taken_at.date_naive() == today)
    {
        return Ok(None);
    }
    take(conn, dir, BackupReason::Daily, now, key).map(Some)
}

/// [`Store::backup_if_due`] through a connection of its own, read-only, so the app can take the
/// day's backup in the background while the person carries on.
pub fn backup_file_if_due(
    database: &Path,
    key: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<BackupFile>, StoreError> {
    let conn = open_read_only(database, key)?;
    daily(&conn, &backups_dir(database), now, key)
}

/// Checks that `file` is a whole Leadback database this version can open; returns its schema
/// version. Opens it read-only: a file that fails is left exactly as it was.
pub fn verify(file: &Path, key: Option<&str>) -> Result<i64, StoreError> {
    let refused = |detail: String| StoreError::BadBackup {
        path: file.to_path_buf(),
        detail,
    };
    if !file.is_file() {
        return Err(refused("there is no such file".to_owned()));
    }
    let conn = open_read_only(file, key).map_err(|err| refused(err.to_string()))?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|err| match key {
            Some(_) => refused(format!(
                "it does not open with the current passphrase, or is not a SQLite database ({err})"
            )),
            None if paths::is_encrypted(file) => {
                refused("it is encrypted with a passphrase, or is not a SQLite database".to_owned())
            }
            None => refused(format!("it is not a SQLite database ({err})")),
        })?;
    if version < 1 {
        return Err(refused("it is not a Leadback database".to_owned()));
    }
    if version > latest_schema_version() {
        return Err(refused(format!(
            "it was made by a newer Leadback (schema {version}; this one knows up to {})",
            latest_schema_version()
        )));
    }
    let has_people: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'person')",
            [],
            |row| row.get(0),
        )
        .map_err(|err| refused(err.to_string()))?;
    if !has_people {
        return Err(refused("it is not a Leadback database".to_owned()));
    }
    let problems = check(&conn, "integrity_check").map_err(|err| refused(err.to_string()))?;
    if !problems.is_empty() {
        return Err(refused(format!("it is damaged: {}", problems.join("; "))));
    }
    Ok(version)
}
