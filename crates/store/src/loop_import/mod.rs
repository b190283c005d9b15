//! Reading Loop Habit Tracker's files, so people keep their history when they move to Leadback:
//! its SQLite backup (`.db`, any schema version we can recognise) and its CSV export (a `.zip`).
//! Both readers produce the same [`LoopExport`]; nothing is written until the whole file has been
//! read and checked, and then in one transaction.
//!
//! The facts about Loop's formats used here come from its files (see `../shared/fixtures/` and the
//! habits issue): repetition timestamps are milliseconds at UTC midnight; values are 2 = done by
//! hand, 1 = Loop's own fill-in for non-daily habits (not a check-in), 0 = not done, 3 = skipped,
//! −1 = unknown; numerical habits store amounts × 1000.

mod backup;
mod csv_zip;
mod write;

use chrono::NaiveDate;
use thiserror::Error;

pub use backup::read_backup;
pub use csv_zip::read_csv_zip;
pub use write::{LoopImportSummary, RefusedHabit};

/// Reads a Loop file of either kind, told apart by its first bytes rather than its name.
pub fn read_file(path: &std::path::Path) -> Result<LoopExport, LoopError> {
    use std::io::Read;
    let file = path.display().to_string();
    let mut reader = std::fs::File::open(path).map_err(|e| LoopError::NotLoop {
        file: file.clone(),
        reason: format!("it could not be opened ({e})"),
    })?;
    let mut magic = [0u8; 16];
    let read = reader.read(&mut magic).unwrap_or(0);
    if magic[..read].starts_with(b"SQLite format 3") {
        read_backup(path)
    } else if magic[..read].starts_with(b"PK") {
        let reader = std::fs::File::open(path).map_err(|e| LoopError::NotLoop {
            file: file.clone(),
            reason: format!("it could not be opened ({e})"),
        })?;
        read_csv_zip(&file, std::io::BufReader::new(reader))
    } else {
        Err(LoopError::NotLoop {
            file,
            reason: "it is neither a Loop backup (.db) nor a Loop CSV export (.zip)".into(),
        })
    }
}

/// Loop's schema versions we know the shape of (`PRAGMA user_version` of its backups).
pub const KNOWN_BACKUP_VERSIONS: std::ops::RangeInclusive<i64> = 8..=25;

/// Everything read from one Loop file.
#[derive(Debug, Clone, PartialEq)]
pub struct LoopExport {
    pub habits: Vec<LoopHabit>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LoopHabit {
    /// Identifies the habit across imports of the same data: Loop's uuid when it has one, else its
    /// position and name.
    pub key: String,
    pub name: String,
    /// Loop's question ("Did you …?") or description, whichever it has.
    pub description: Option<String>,
    pub freq_num: i64,
    pub freq_den: i64,
    pub archived: bool,
    pub position: i64,
    /// For Loop's measurable ("numerical") habits: what they count and aim for.
    pub numerical: Option<LoopMeasure>,
    pub entries: Vec<LoopEntry>,
}

/// A measurable habit's unit and target as Loop keeps them (the period is its frequency's
/// denominator: 1, 7 or 30 days).
#[derive(Debug, Clone, PartialEq)]
pub struct LoopMeasure {
    pub unit: String,
    pub target: f64,
    pub at_most: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LoopEntry {
    pub day: NaiveDate,
    pub value: LoopValue,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LoopValue {
    Done,
    NotDone,
    Skipped,
    /// Loop computed this day as covered by the schedule; the person did not check in.
    Auto,
    Unknown,
    /// A measurable habit's amount, as Loop shows it (its stored value ÷ 1000).
    Amount(f64),
}

impl LoopValue {
    /// Loop's stored integer for a measurable habit: the amount × 1000, except Loop's markers
    /// for a skipped (3) and an unknown (−1) day, which its score reads as such.
    fn from_amount_code(code: i64) -> Option<Self> {
        match code {
            3 => Some(Self::Skipped),
            -1 => Some(Self::Unknown),
            amount if amount >= 0 => Some(Self::Amount(amount as f64 / 1000.0)),
            _ => None,
        }
    }

    /// Loop's stored integer for a yes/no habit.
    fn from_code(code: i64) -> Option<Self> {
        match code {
            2 => Some(Self::Done),
            1 => Some(Self::Auto),
            0 => Some(Self::NotDone),
            3 => Some(Self::Skipped),
            -1 => Some(Self::Unknown),
            _ => None,
        }
    }
}

#[derive(Debug, Error)]
pub enum LoopError {
    #[error("{file} is not a Loop Habit Tracker backup: {reason}")]
    NotLoop { file: String, reason: String },
    #[error(
        "{file} comes from Loop Habit Tracker schema version {version}, which Leadback cannot read (it reads versions {}–{}). Nothing was imported.",
        KNOWN_BACKUP_VERSIONS.start(),
        KNOWN_BACKUP_VERSIONS.end()
    )]
    UnknownVersion { file: String, version: i64 },
    #[error("{file}: {place}: {problem}. Nothing was imported.")]
    Malformed {
        file: String,
        place: String,
        problem: String,
    },
}
