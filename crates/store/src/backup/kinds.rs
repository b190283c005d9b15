//! What a backup is: its reason, its file, where the folder is, and how its file name is made.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::StoreError;

/// The folder beside the database that holds its backups.
pub const BACKUPS_DIR: &str = "backups";

/// How many backups are always kept, whatever their dates: the last few changes can be undone.
pub const KEEP_NEWEST: usize = 3;
/// One backup per day is kept for this many days that have backups.
pub const KEEP_DAILY: usize = 7;
/// One backup per ISO week is kept for this many weeks that have backups.
pub const KEEP_WEEKLY: usize = 4;

pub(super) const PREFIX: &str = "leadback-";
pub(super) const SUFFIX: &str = ".sqlite3";
pub(super) const STAMP: &str = "%Y%m%dT%H%M%SZ";

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
    pub(super) const ALL: [Self; 5] = [
        Self::Daily,
        Self::BeforeMigration,
        Self::BeforeImport,
        Self::BeforeRestore,
        Self::Manual,
    ];

    pub(super) fn slug(self) -> &'static str {
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

pub(super) fn io_error(action: &str, path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Backup(format!("Could not {action} {}: {source}", path.display()))
}
