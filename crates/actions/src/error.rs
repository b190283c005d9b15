use std::path::PathBuf;

use leadback_core::assessment::{LibraryError, ScoringError};
use leadback_store::StoreError;

/// What kind of failure an [`ActionError`] is, for a front end to decide how to show it (the shell
/// maps it to its IPC code, the CLI to its exit code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// Something the person gave breaks a rule; the message says which.
    InvalidInput,
    /// What was asked for does not exist.
    NotFound,
    /// The store's own error decides (see [`ActionError::Store`]).
    Store,
    /// A stored record no longer scores or reads: a bug or damaged data.
    Internal,
    /// Something on this computer is missing or cannot be used (e.g. no font for a report).
    Unavailable,
}

/// The one error of this crate.
#[derive(Debug, thiserror::Error)]
pub enum ActionError {
    /// Asked for the result of an assessment that is not finished (see
    /// [`crate::assessments`] for the rule).
    #[error("This assessment is not finished yet, so it has no result.")]
    Unfinished { id: i64 },
    /// A value the person gave breaks a rule.
    #[error("{0}")]
    Invalid(String),
    /// A file the person chose cannot be used; nothing was changed.
    #[error("{}: {message}", path.display())]
    File { path: PathBuf, message: String },
    #[error("{0}")]
    NotFound(String),
    #[error(transparent)]
    Scoring(#[from] ScoringError),
    #[error(transparent)]
    Library(#[from] LibraryError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The report could not be drawn (no usable font on this computer).
    #[error(transparent)]
    Report(#[from] leadback_report::ReportError),
}

impl ActionError {
    pub fn code(&self) -> Code {
        match self {
            Self::Unfinished { .. } | Self::Invalid(_) | Self::File { .. } => Code::InvalidInput,
            Self::NotFound(_) | Self::Library(_) => Code::NotFound,
            Self::Scoring(_) => Code::Internal,
            Self::Store(_) => Code::Store,
            Self::Report(_) => Code::Unavailable,
        }
    }
}
