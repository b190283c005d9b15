use std::path::PathBuf;

use chrono::NaiveDate;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("Could not find a folder for Leadback's data: the system reports no home directory.")]
    NoDataDir,

    #[error("Could not create the data folder {path}: {source}")]
    CreateDataDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "{path} was written by a newer version of Leadback (schema {found}; this version knows up to {supported}). Update Leadback to open it; the file has not been changed."
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error("{path} is damaged ({detail}). It has not been changed.")]
    Damaged { path: PathBuf, detail: String },

    #[error("Could not upgrade the database to the current version: {0}")]
    Migration(#[from] rusqlite_migration::Error),

    #[error("There is no {what} with id {id}.")]
    NotFound { what: &'static str, id: i64 },

    #[error(
        "\"{name}\" is {}; a habit keeps its kind, because its check-ins are read that way. Add a new habit instead. Nothing was changed.",
        if *measurable { "a measurable habit (an amount each day), so it cannot become yes/no" } else { "a yes/no habit, so it cannot become measurable" }
    )]
    HabitKind { name: String, measurable: bool },

    #[error(
        "\"{name}\" is {}. Nothing was saved.",
        if *measurable { "measurable: enter an amount (or skip the day) rather than done or not done" } else { "a yes/no habit: mark it done, not done or skipped rather than entering an amount" }
    )]
    EntryKind { name: String, measurable: bool },

    #[error(
        "{observer}'s answers are already in: an observer form is answered once. Nothing was changed."
    )]
    AlreadyAnswered { observer: String },

    /// A form that cannot be made (a name, or an instrument without observer wording).
    #[error("{}", observer_message(.0))]
    Observer(#[from] leadback_core::observers::ObserverError),

    /// An answers file the domain refused: damaged, edited, or not one at all.
    #[error("This answers file cannot be imported: {0}. Nothing was imported.")]
    ObserverFile(#[from] leadback_core::observers::ObserverFileError),

    #[error(
        "This file answers a form this Leadback did not send (or one that was withdrawn). Nothing was imported."
    )]
    AnswersNotSent,

    #[error("This file answers a form about someone else, not {person}. Nothing was imported.")]
    AnswersForSomeoneElse { person: String },

    #[error("There is no programme {id:?} among the ones imported or written here.")]
    NoProgramme { id: String },

    #[error("“{title}” comes with Leadback and cannot be deleted. Nothing was changed.")]
    BuiltInProgramme { title: String },

    #[error(
        "You wrote “{title}” here with the same id ({id}); importing this file would replace it. Edit a copy of yours or delete it first. Nothing was changed."
    )]
    WouldReplaceAuthored { id: String, title: String },

    #[error(
        "{person} withdrew consent on {on}: record their consent again before starting an assessment, a session, homework or an observer form. Nothing was changed."
    )]
    ConsentWithdrawn { person: String, on: NaiveDate },

    #[error("This {what} is finished, so it can no longer change.")]
    Finished { what: &'static str, id: i64 },

    #[error(transparent)]
    Loop(#[from] crate::loop_import::LoopError),

    #[error("A stored record is not valid: {0}")]
    InvalidRecord(String),

    #[error("{0}")]
    Backup(String),

    #[error("Sync: {0}")]
    Sync(String),

    #[error("{path} cannot be restored: {detail}. Nothing was changed.")]
    BadBackup { path: PathBuf, detail: String },

    #[error("Could not write {path}: {source}")]
    WriteFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("This file cannot be imported: {0}. Nothing was changed.")]
    BadExport(String),

    #[error(
        "This database already holds data (in {table}); an export can only be restored into an empty one. Nothing was changed."
    )]
    NotEmpty { table: String },

    #[error("A passphrase needs at least {min} characters.")]
    WeakPassphrase { min: usize },

    #[error("Your data is locked with a passphrase.")]
    Locked,

    #[error("That passphrase does not open your data. Nothing was changed.")]
    WrongPassphrase,

    #[error("Database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// A name's own message stands alone; anything else says what could not be made.
fn observer_message(err: &leadback_core::observers::ObserverError) -> String {
    match err {
        leadback_core::observers::ObserverError::InvalidName(name) => name.to_string(),
        other => format!("This observer form cannot be made: {other}. Nothing was changed."),
    }
}

impl StoreError {
    /// This error as the start-up check would have reported it, when it is damage SQLite met on
    /// the way ("malformed", "not a database") in the database at `path`.
    pub fn damage_at(self, path: &std::path::Path) -> Self {
        match self {
            Self::Sqlite(err) => crate::connection::classify_open_error(err, path),
            other => other,
        }
    }
}
