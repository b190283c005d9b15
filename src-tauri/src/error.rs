//! The one error type that crosses IPC: `{ code, message }`. The UI switches on `code` and shows
//! `message`. Every crate's own error is mapped to it here, once.

use leadback_core::ValidationError;
use leadback_core::assessment::{LibraryError, ScoringError};
use leadback_core::habits::{CheckInError, ScheduleError};
use leadback_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// A value the person entered breaks a rule; the message says which and how to fix it.
    InvalidInput,
    /// The call itself was malformed (missing or wrongly typed arguments). The shell rejects these
    /// before our code runs; the UI's api module gives them this code.
    BadRequest,
    /// The record asked for does not exist (any more).
    NotFound,
    /// The database was written by a newer Leadback; nothing was changed.
    NewerDatabase,
    /// The database file is damaged; nothing was changed.
    DamagedDatabase,
    /// The data folder or database could not be read or written.
    Storage,
    /// The data is locked with a passphrase: nothing can be read until it is unlocked.
    Locked,
    /// The client withdrew consent: nothing new (assessment, session, homework, observer form) is
    /// taken for them until their consent is recorded again; nothing was changed.
    ConsentWithdrawn,
    /// A bug: something that should not happen did.
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
#[ts(export)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl From<ValidationError> for IpcError {
    fn from(err: ValidationError) -> Self {
        Self::new(ErrorCode::InvalidInput, err.to_string())
    }
}

impl From<ScoringError> for IpcError {
    fn from(err: ScoringError) -> Self {
        Self::new(ErrorCode::InvalidInput, capitalise(&err.to_string()))
    }
}

impl From<ScheduleError> for IpcError {
    fn from(err: ScheduleError) -> Self {
        Self::new(ErrorCode::InvalidInput, capitalise(&err.to_string()))
    }
}

impl From<CheckInError> for IpcError {
    fn from(err: CheckInError) -> Self {
        Self::new(ErrorCode::InvalidInput, err.to_string())
    }
}

impl From<LibraryError> for IpcError {
    fn from(err: LibraryError) -> Self {
        Self::new(ErrorCode::NotFound, capitalise(&err.to_string()))
    }
}

/// Domain messages are written to follow "error:"; shown alone they start a sentence.
fn capitalise(message: &str) -> String {
    let mut chars = message.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect::<String>() + "."
    })
}

impl From<StoreError> for IpcError {
    fn from(err: StoreError) -> Self {
        let code = match &err {
            StoreError::NewerSchema { .. } => ErrorCode::NewerDatabase,
            StoreError::Damaged { .. } => ErrorCode::DamagedDatabase,
            StoreError::Locked => ErrorCode::Locked,
            StoreError::NotFound { .. } | StoreError::NoProgramme { .. } => ErrorCode::NotFound,
            StoreError::ConsentWithdrawn { .. } => ErrorCode::ConsentWithdrawn,
            StoreError::Finished { .. }
            | StoreError::HabitKind { .. }
            | StoreError::EntryKind { .. }
            | StoreError::AlreadyAnswered { .. }
            | StoreError::BuiltInProgramme { .. }
            | StoreError::WouldReplaceAuthored { .. }
            | StoreError::Observer(_)
            | StoreError::ObserverFile(_)
            | StoreError::AnswersNotSent
            | StoreError::AnswersForSomeoneElse { .. }
            | StoreError::Loop(_)
            | StoreError::BadBackup { .. }
            | StoreError::BadExport(_)
            | StoreError::NotEmpty { .. }
            | StoreError::WeakPassphrase { .. }
            | StoreError::WrongPassphrase => ErrorCode::InvalidInput,
            StoreError::InvalidRecord(_) => ErrorCode::Internal,
            StoreError::NoDataDir
            | StoreError::CreateDataDir { .. }
            | StoreError::Migration(_)
            | StoreError::Backup(_)
            | StoreError::Sync(_)
            | StoreError::WriteFile { .. }
            | StoreError::Sqlite(_) => ErrorCode::Storage,
        };
        log::error!("store error ({code:?}): {err}");
        Self::new(code, err.to_string())
    }
}

impl From<leadback_actions::ActionError> for IpcError {
    fn from(err: leadback_actions::ActionError) -> Self {
        use leadback_actions::{ActionError, Code};
        let code = match err.code() {
            Code::InvalidInput => ErrorCode::InvalidInput,
            Code::NotFound => ErrorCode::NotFound,
            Code::Internal => ErrorCode::Internal,
            Code::Store | Code::Unavailable => ErrorCode::Storage,
        };
        match err {
            ActionError::Store(err) => err.into(),
            ActionError::Scoring(err) => err.into(),
            ActionError::Library(err) => err.into(),
            other => Self::new(code, other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_code_and_message_for_the_ui() {
        let err = IpcError::from(ValidationError::Empty { field: "Your name" });
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "code": "invalid_input", "message": "Your name can't be empty." })
        );
    }

    #[test]
    fn withdrawn_consent_has_its_own_code_and_a_plain_reason() {
        let err = IpcError::from(StoreError::ConsentWithdrawn {
            person: "Sam".into(),
            on: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        });
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["code"], "consent_withdrawn");
        assert_eq!(
            json["message"],
            "Sam withdrew consent on 2026-12-01: record their consent again before starting an assessment, a session, homework or an observer form. Nothing was changed."
        );
    }

    #[test]
    fn a_newer_database_keeps_its_own_code() {
        let err = IpcError::from(StoreError::NewerSchema {
            path: "/x/leadback.sqlite3".into(),
            found: 9,
            supported: 1,
        });
        assert_eq!(err.code, ErrorCode::NewerDatabase);
        assert!(err.message.contains("newer version of Leadback"));
    }
}
