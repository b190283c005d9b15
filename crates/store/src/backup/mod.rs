//! Backups: copies of the database in a `backups/` folder beside it, made with `VACUUM INTO` (a
//! consistent snapshot even while the app writes), checked with `PRAGMA integrity_check` before they
//! count, and rotated so the folder keeps the newest few, one per day for a week and one per week
//! for a month. Restoring copies a backup's pages into the open database with SQLite's online
//! backup API, after backing up what is there now.
//!
//! A backup's time and reason are in its file name (`leadback-20261122T075500Z-daily.sqlite3`), so
//! listing and rotation never depend on file times a copy or a sync tool may have changed.

mod kinds;
mod names;
mod recover;
mod take;

pub use kinds::{
    BACKUPS_DIR, BackupFile, BackupReason, KEEP_DAILY, KEEP_NEWEST, KEEP_WEEKLY, backups_dir,
};
pub use names::{backups_to_keep, list_backups};
pub use recover::{newest_good_backup, recover_from_backup};
pub use take::{backup_file_if_due, verify};
pub(crate) use take::{daily, take, take_sparing};
