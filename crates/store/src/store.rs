//! Opening the database: the pragmas every connection needs, the start-up checks, and the
//! information `leadback info` reports.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::backup::{BackupFile, BackupReason, backups_dir, daily, take, take_sparing, verify};
use crate::connection::{apply_key, check, classify_open_error, open_read_only, quick_check};
use crate::migrations::{MIGRATIONS, latest_schema_version};
use crate::sync::{Db, WallClock};
use crate::{StoreError, paths};

/// An open, migrated Leadback database.
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Db,
    path: Option<PathBuf>,
    /// The passphrase the file is encrypted with (SQLCipher); none for a plain file.
    pub(crate) key: Option<String>,
    /// Opened without its `quick_check`, which the caller runs beside the first screen.
    check_pending: bool,
    /// The person "my" reads and writes are for, when not "me" (see `Store::act_for`).
    pub(crate) acting: Option<i64>,
    /// The wall clock sync's stamps come from, when not the system's (tests).
    pub(crate) wall_clock: Option<WallClock>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Integrity {
    Ok,
    /// What `PRAGMA integrity_check` reported, one line per problem.
    Problems(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCount {
    pub table: String,
    pub rows: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreInfo {
    pub path: Option<PathBuf>,
    pub schema_version: i64,
    pub integrity: Integrity,
    pub counts: Vec<TableCount>,
}

impl Store {
    /// Opens (creating if needed) the database inside `data_dir`, creating the folder too.
    pub fn open_in(data_dir: &Path) -> Result<Self, StoreError> {
        Self::open_in_with(data_dir, None)
    }

    /// [`Store::open_in`] for a database that may be encrypted with `key`.
    pub fn open_in_with(data_dir: &Path, key: Option<&str>) -> Result<Self, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::CreateDataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        Self::open_with(&paths::database_path(data_dir), key)
    }

    /// Opens (creating if needed) the database file at `path` and brings its schema up to date.
    /// A file from a newer Leadback or a damaged file is refused without being written to.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::open_with(path, None)
    }

    /// [`Store::open`] with the passphrase of an encrypted database. A passphrase that does not
    /// open it, or an encrypted file opened without one, is refused without a write.
    pub fn open_with(path: &Path, key: Option<&str>) -> Result<Self, StoreError> {
        Self::open_checking(path, key, false)
    }

    /// [`Store::open_in_with`] leaving the start-up `quick_check` to the caller (see
    /// [`quick_check_file`]), so the first screen does not wait for a read of the whole file.
    /// A database that needs an upgrade is still checked first: migrating a damaged file could
    /// make it worse.
    pub fn open_in_deferring_check(data_dir: &Path, key: Option<&str>) -> Result<Self, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::CreateDataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        Self::open_checking(&paths::database_path(data_dir), key, true)
    }

    /// Whether this store was opened without its `quick_check`, which is still to run.
    pub fn check_pending(&self) -> bool {
        self.check_pending
    }

    fn open_checking(path: &Path, key: Option<&str>, defer: bool) -> Result<Self, StoreError> {
        match key {
            None if paths::is_encrypted(path) => return Err(StoreError::Locked),
            // SQLCipher would take an empty key as none at all.
            Some("") => return Err(StoreError::WrongPassphrase),
            _ => {}
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        Self::prepare(conn, Some(path.to_path_buf()), key, defer)
    }

    /// A private database in memory, for tests and for commands that must not touch disk.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::prepare(Connection::open_in_memory()?, None, None, false)
    }

    /// Whether the file is encrypted with a passphrase.
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// The passphrase the file was opened with, for connections of its own (the daily backup).
    pub fn passphrase(&self) -> Option<&str> {
        self.key.as_deref()
    }

    fn prepare(
        conn: Connection,
        path: Option<PathBuf>,
        key: Option<&str>,
        defer_check: bool,
    ) -> Result<Self, StoreError> {
        let shown = path.clone().unwrap_or_else(|| PathBuf::from(":memory:"));
        let damaged = |err: rusqlite::Error| classify_open_error(err, &shown);
        if let Some(key) = key {
            apply_key(&conn, key)?;
            // A wrong passphrase shows as "not a database" on the first read.
            if let Err(err) = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| {
                row.get::<_, i64>(0)
            }) {
                return Err(match err.sqlite_error_code() {
                    Some(ErrorCode::NotADatabase) => StoreError::WrongPassphrase,
                    _ => damaged(err),
                });
            }
        }

        // Read-only checks come first so that a file we must refuse is never modified.
        let found: i64 = conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(damaged)?;
        if found > latest_schema_version() {
            return Err(StoreError::NewerSchema {
                path: shown,
                found,
                supported: latest_schema_version(),
            });
        }
        let check_pending = defer_check && found == latest_schema_version();
        if !check_pending {
            let problems = quick_check(&conn).map_err(damaged)?;
            if !problems.is_empty() {
                return Err(StoreError::Damaged {
                    path: shown,
                    detail: problems.join("; "),
                });
            }
        }

        // The journal's index calls it whenever a journal source is written (migrations too).
        crate::fold::register(&conn)?;

        // WAL keeps readers and the writer apart; FULL makes every acknowledged commit durable
        // even across a power cut, which matters more here than write speed.
        conn.pragma_update_and_check(None, "journal_mode", "wal", |_| Ok(()))
            .map_err(damaged)?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;

        // An upgrade is the riskiest write a database ever sees: keep a copy of it as it was.
        if let Some(path) = path.as_deref()
            && (1..latest_schema_version()).contains(&found)
        {
            take(
                &conn,
                &backups_dir(path),
                BackupReason::BeforeMigration,
                Utc::now(),
                key,
            )?;
        }

        let mut conn = conn;
        MIGRATIONS.to_latest(&mut conn)?;
        crate::habit_overview::prepare_derived(&conn)?;
        let mut store = Self {
            conn: Db::new(conn),
            path,
            key: key.map(str::to_owned),
            check_pending,
            acting: None,
            wall_clock: None,
        };
        store.resume_recording()?;
        Ok(store)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))?)
    }

    /// A full `integrity_check` plus the number of rows in each table.
    pub fn info(&self) -> Result<StoreInfo, StoreError> {
        let problems = check(&self.conn, "integrity_check")?;
        let integrity = if problems.is_empty() {
            Integrity::Ok
        } else {
            Integrity::Problems(problems)
        };
        let tables: Vec<String> = self
            .conn
            .prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )?
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        let counts = tables
            .into_iter()
            .map(|table| {
                let quoted = table.replace('"', "\"\"");
                let rows = self.conn.query_row(
                    &format!("SELECT count(*) FROM \"{quoted}\""),
                    [],
                    |row| row.get(0),
                )?;
                Ok(TableCount { table, rows })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(StoreInfo {
            path: self.path.clone(),
            schema_version: self.schema_version()?,
            integrity,
            counts,
        })
    }
}

/// Backups of this store's database.
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
        let version = verify(file, self.key.as_deref())?;
        let safety = match self.backups_dir() {
            Some(dir) => Some(take_sparing(
                &self.conn,
                &dir,
                BackupReason::BeforeRestore,
                now,
                self.key.as_deref(),
                Some(file),
            )?),
            None => None,
        };
        if self.in_sync_group() {
            self.restore_in_group(file, version)?;
            return Ok(safety);
        }
        // Read through a connection that knows the passphrase, and copied in one step.
        let source = open_read_only(file, self.key.as_deref())?;
        {
            let copy = rusqlite::backup::Backup::new(&source, self.conn.raw_mut())?;
            if copy.step(-1)? != rusqlite::backup::StepResult::Done {
                return Err(StoreError::Backup(
                    "The backup could not be copied in one step; nothing was changed.".to_owned(),
                ));
            }
        }
        // An older backup is brought up to this version's schema, like a database at start-up.
        MIGRATIONS.to_latest(self.conn.raw_mut())?;
        crate::habit_overview::prepare_derived(&self.conn)?;
        Ok(safety)
    }

    /// Whether this device records its changes for a sync group.
    pub(crate) fn in_sync_group(&self) -> bool {
        self.conn.capture().is_some()
    }

    /// A restore on a device in a sync group: the backup's data becomes everyone's, sent on like
    /// any change, and this device stays in its group (see [`crate::sync`]'s `replace`). A backup
    /// from an older version is brought up to date in a copy beside the database first, encrypted
    /// as it is; the copy is removed afterwards, and the backup itself is only read.
    fn restore_in_group(&mut self, file: &Path, version: i64) -> Result<(), StoreError> {
        if version == latest_schema_version() {
            let source = open_read_only(file, self.key.as_deref())?;
            self.conn.replace_in_group(&source)?;
            return Ok(());
        }
        // Beside this database (the backup may be on a read-only stick), or in the temporary
        // folder for one in memory.
        let folder = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .map_or_else(std::env::temp_dir, Path::to_path_buf);
        let copy = folder.join(format!(
            "leadback-restore-upgrading-{}.sqlite3",
            std::process::id()
        ));
        let cleanup = |copy: &Path| {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let mut name = copy.as_os_str().to_owned();
                name.push(suffix);
                let _ = std::fs::remove_file(PathBuf::from(name));
            }
        };
        let result = (|| {
            std::fs::copy(file, &copy).map_err(|err| {
                StoreError::Backup(format!(
                    "The backup could not be copied to bring it up to date ({err}); nothing was changed."
                ))
            })?;
            let mut source = Connection::open(&copy)?;
            if let Some(key) = self.key.as_deref() {
                apply_key(&source, key)?;
            }
            crate::fold::register(&source)?;
            MIGRATIONS.to_latest(&mut source)?;
            self.conn.replace_in_group(&source)?;
            Ok(())
        })();
        cleanup(&copy);
        result
    }
}
