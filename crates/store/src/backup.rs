//! Backups: copies of the database in a `backups/` folder beside it, made with `VACUUM INTO` (a
//! consistent snapshot even while the app writes), checked with `PRAGMA integrity_check` before they
//! count, and rotated so the folder keeps the newest few, one per day for a week and one per week
//! for a month. Restoring copies a backup's pages into the open database with SQLite's online
//! backup API, after backing up what is there now.
//!
//! A backup's time and reason are in its file name (`leadback-20261122T075500Z-daily.sqlite3`), so
//! listing and rotation never depend on file times a copy or a sync tool may have changed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDateTime, Timelike, Utc};
use rusqlite::Connection;

use crate::migrations::{MIGRATIONS, latest_schema_version};
use crate::store::{check, open_read_only};
use crate::{Store, StoreError, paths};

/// The folder beside the database that holds its backups.
pub const BACKUPS_DIR: &str = "backups";

/// How many backups are always kept, whatever their dates: the last few changes can be undone.
pub const KEEP_NEWEST: usize = 3;
/// One backup per day is kept for this many days that have backups.
pub const KEEP_DAILY: usize = 7;
/// One backup per ISO week is kept for this many weeks that have backups.
pub const KEEP_WEEKLY: usize = 4;

const PREFIX: &str = "leadback-";
const SUFFIX: &str = ".sqlite3";
const STAMP: &str = "%Y%m%dT%H%M%SZ";

/// Why a backup was made; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum BackupReason {
    /// The first start of the day.
    Daily,
    /// Before the schema was upgraded by a newer Leadback.
    BeforeMigration,
    /// Before a file was imported.
    BeforeImport,
    /// Before another backup was restored over the database.
    BeforeRestore,
    /// Asked for by the person.
    Manual,
}

impl BackupReason {
    const ALL: [Self; 5] = [
        Self::Daily,
        Self::BeforeMigration,
        Self::BeforeImport,
        Self::BeforeRestore,
        Self::Manual,
    ];

    fn slug(self) -> &'static str {
        match self {
            Self::Daily => "daily",
            Self::BeforeMigration => "before-migration",
            Self::BeforeImport => "before-import",
            Self::BeforeRestore => "before-restore",
            Self::Manual => "manual",
        }
    }
}

/// One backup in the folder.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct BackupFile {
    #[ts(type = "string")]
    pub path: PathBuf,
    /// When it was taken (UTC), from its file name.
    pub taken_at: DateTime<Utc>,
    pub reason: BackupReason,
    /// Its size on disk.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The backups folder for the database at `database`.
pub fn backups_dir(database: &Path) -> PathBuf {
    database
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(BACKUPS_DIR)
}

fn names_in(dir: &Path) -> Result<Vec<String>, StoreError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|source| io_error("read the backups folder", dir, source))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| io_error("read the backups folder", dir, source))?;
        names.extend(entry.file_name().to_str().map(str::to_owned));
    }
    Ok(names)
}

/// The backups in `dir`, newest first. Files that are not Leadback backups are left out (and are
/// never touched by rotation). A missing folder has no backups.
pub fn list_backups(dir: &Path) -> Result<Vec<BackupFile>, StoreError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(io_error("read the backups folder", dir, source)),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| io_error("read the backups folder", dir, source))?;
        let path = entry.path();
        let Some((taken_at, reason, attempt)) = path
            .file_name()
            .and_then(|name| name.to_str())
            .and_then(parse_name)
        else {
            continue;
        };
        let bytes = entry
            .metadata()
            .map_err(|source| io_error("read the size of", &path, source))?
            .len();
        found.push((
            attempt,
            BackupFile {
                path,
                taken_at,
                reason,
                bytes,
            },
        ));
    }
    // Newest first; within one second, the later attempt is the newer.
    found.sort_by(|(a_try, a), (b_try, b)| b.taken_at.cmp(&a.taken_at).then(b_try.cmp(a_try)));
    Ok(found.into_iter().map(|(_, backup)| backup).collect())
}

fn file_name(taken_at: DateTime<Utc>, reason: BackupReason, attempt: u32) -> String {
    let stamp = taken_at.format(STAMP);
    match attempt {
        0 => format!("{PREFIX}{stamp}-{}{SUFFIX}", reason.slug()),
        n => format!("{PREFIX}{stamp}-{}-{n}{SUFFIX}", reason.slug()),
    }
}

fn parse_name(name: &str) -> Option<(DateTime<Utc>, BackupReason, u32)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (stamp, tail) = rest.split_at_checked(STAMP_LEN)?;
    let taken_at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    let tail = tail.strip_prefix('-')?;
    BackupReason::ALL.into_iter().find_map(|reason| {
        let counter = tail.strip_prefix(reason.slug())?;
        if counter.is_empty() {
            return Some((taken_at, reason, 0));
        }
        let digits = counter.strip_prefix('-')?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some((taken_at, reason, digits.parse().ok()?))
    })
}

/// `20261122T075500Z`
const STAMP_LEN: usize = 16;

/// Which backups rotation keeps, given their times newest first: the [`KEEP_NEWEST`] newest, the
/// newest of each of the [`KEEP_DAILY`] most recent days, and the newest of each of the
/// [`KEEP_WEEKLY`] most recent ISO weeks. Returns the indexes to keep.
pub fn backups_to_keep(newest_first: &[DateTime<Utc>]) -> BTreeSet<usize> {
    let mut keep: BTreeSet<usize> = (0..newest_first.len().min(KEEP_NEWEST)).collect();
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    for (index, taken_at) in newest_first.iter().enumerate() {
        let day = taken_at.date_naive();
        if !days.contains(&day) && days.len() < KEEP_DAILY {
            days.push(day);
            keep.insert(index);
        }
        let week = day.iso_week();
        if !weeks.contains(&week) && weeks.len() < KEEP_WEEKLY {
            weeks.push(week);
            keep.insert(index);
        }
    }
    keep
}

fn io_error(action: &str, path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Backup(format!("Could not {action} {}: {source}", path.display()))
}

/// Copies the database behind `conn` into a new, checked backup in `dir`, then rotates the folder.
pub(crate) fn take(
    conn: &Connection,
    dir: &Path,
    reason: BackupReason,
    now: DateTime<Utc>,
    key: Option<&str>,
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
    rotate(dir, &target)?;
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

fn daily(
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

/// Removes the backups [`backups_to_keep`] does not keep, never the one `just_made`.
fn rotate(dir: &Path, just_made: &Path) -> Result<(), StoreError> {
    let backups = list_backups(dir)?;
    let times: Vec<_> = backups.iter().map(|b| b.taken_at).collect();
    let keep = backups_to_keep(&times);
    for (index, backup) in backups.iter().enumerate() {
        if !keep.contains(&index) && backup.path != just_made {
            std::fs::remove_file(&backup.path)
                .map_err(|source| io_error("remove the old backup", &backup.path, source))?;
        }
    }
    Ok(())
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

impl Store {
    /// The folder this database's backups go to; none for a database in memory.
    pub fn backups_dir(&self) -> Option<PathBuf> {
        self.path().map(backups_dir)
    }

    /// Takes a checked backup now. A database in memory has nothing to back up: `None`.
    pub fn backup_now(
        &self,
        reason: BackupReason,
        now: DateTime<Utc>,
    ) -> Result<Option<BackupFile>, StoreError> {
        match self.backups_dir() {
            Some(dir) => take(&self.conn, &dir, reason, now, self.key.as_deref()).map(Some),
            None => Ok(None),
        }
    }

    /// Takes the day's backup unless one was already taken today (UTC), for any reason.
    pub fn backup_if_due(&self, now: DateTime<Utc>) -> Result<Option<BackupFile>, StoreError> {
        match self.backups_dir() {
            Some(dir) => daily(&self.conn, &dir, now, self.key.as_deref()),
            None => Ok(None),
        }
    }

    /// Replaces everything in the database with the backup at `file`, after checking the file and
    /// backing up the current data. Returns that safety backup (none in memory).
    pub fn restore_backup(
        &mut self,
        file: &Path,
        now: DateTime<Utc>,
    ) -> Result<Option<BackupFile>, StoreError> {
        verify(file, self.key.as_deref())?;
        let safety = self.backup_now(BackupReason::BeforeRestore, now)?;
        // Read through a connection that knows the passphrase, and copied in one step.
        let source = open_read_only(file, self.key.as_deref())?;
        {
            let copy = rusqlite::backup::Backup::new(&source, &mut self.conn)?;
            if copy.step(-1)? != rusqlite::backup::StepResult::Done {
                return Err(StoreError::Backup(
                    "The backup could not be copied in one step; nothing was changed.".to_owned(),
                ));
            }
        }
        // An older backup is brought up to this version's schema, like a database at start-up.
        MIGRATIONS.to_latest(&mut self.conn)?;
        Ok(safety)
    }
}

#[cfg(test)]
#[path = "backup_tests.rs"]
mod tests;
