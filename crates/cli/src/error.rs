use std::path::PathBuf;

use leadback_core::ValidationError;
use leadback_core::assessment::{InstrumentError, LibraryError, ScoringError};
use leadback_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("{}: {message}", path.display())]
    InputFile { path: PathBuf, message: String },
    #[error("{}: {source}", path.display())]
    Scoring {
        path: PathBuf,
        #[source]
        source: ScoringError,
    },
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Instrument(#[from] InstrumentError),
    #[error(transparent)]
    HabitLibrary(#[from] leadback_core::habits::HabitLibraryError),
    #[error(transparent)]
    Library(#[from] LibraryError),
    #[error(transparent)]
    Scored(#[from] ScoringError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("Could not write to the terminal: {0}")]
    Output(#[from] std::io::Error),
    #[error("{} not applied (the reasons are above); the rest were.", crate::output::counted(*.0, "sync file was", "sync files were"))]
    SyncRefused(usize),
}

impl CliError {
    /// 2 for input the user can fix, 3 for sync files refused (the rest applied), 1 for
    /// everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Invalid(_) | Self::InputFile { .. } | Self::Scoring { .. } | Self::Usage(_) => 2,
            // An observer's file or form the user can fix (or should not have offered), withdrawn
            // consent, a programme that cannot be deleted.
            Self::Store(
                StoreError::ConsentWithdrawn { .. }
                | StoreError::NoProgramme { .. }
                | StoreError::BuiltInProgramme { .. }
                | StoreError::NotFound { .. }
                | StoreError::Finished { .. }
                | StoreError::HabitKind { .. }
                | StoreError::EntryKind { .. }
                | StoreError::AlreadyAnswered { .. }
                | StoreError::Observer(_)
                | StoreError::ObserverFile(_)
                | StoreError::AnswersNotSent
                | StoreError::AnswersForSomeoneElse { .. },
            ) => 2,
            Self::Instrument(_)
            | Self::HabitLibrary(_)
            | Self::Library(_)
            | Self::Scored(_)
            | Self::Store(_)
            | Self::Output(_) => 1,
            Self::SyncRefused(_) => 3,
        }
    }
}

/// A use case's error, shown as the CLI shows its own: input the user can fix exits with 2.
impl From<leadback_actions::ActionError> for CliError {
    fn from(err: leadback_actions::ActionError) -> Self {
        use leadback_actions::ActionError;
        match err {
            ActionError::Store(err) => err.into(),
            ActionError::Scoring(err) => err.into(),
            ActionError::Library(err) => err.into(),
            ActionError::File { path, message } => Self::InputFile { path, message },
            other @ (ActionError::Unfinished { .. }
            | ActionError::Invalid(_)
            | ActionError::NotFound(_)
            | ActionError::Report(_)) => Self::Usage(other.to_string()),
        }
    }
}
