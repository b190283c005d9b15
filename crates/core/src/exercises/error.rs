//! Why an exercise file was refused. Whoever wrote the file must be able to fix it from the message
//! alone, so every problem names the file, the place (the exercise, a step by its number, a prompt)
//! and what is wrong; all problems are reported at once.

use thiserror::Error;

use crate::FileError;
use crate::habits::HabitLibraryError;
use crate::validation::ValidationError;

/// Why an exercise file was refused.
pub type ExerciseError = FileError<ExerciseProblem>;

/// Why a set of exercise files could not become a library.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ExerciseLibraryError {
    /// The habit library the exercises link to did not load.
    #[error("the habit library did not load: {0}")]
    Habits(HabitLibraryError),
    /// One error per refused file, in the order the files were given.
    #[error("{}", files(.0))]
    Files(Vec<ExerciseError>),
}

fn files(errors: &[ExerciseError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// One fault and where it is, e.g. `step 2: the timer is 0 s; …`.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{at}: {fault}")]
pub struct ExerciseProblem {
    /// `the exercise`, `step 2`, `step 2, prompt "who-stepped-up"`, `step 2, prompt #1`.
    pub at: String,
    pub fault: ExerciseFault,
}

#[derive(Debug, Clone, PartialEq, Error)]
pub enum ExerciseFault {
    #[error("the {field} is missing")]
    Missing { field: &'static str },
    #[error("the id {id:?} must be kebab-case: lowercase letters and digits joined by single '-'")]
    InvalidId { id: String },
    #[error("the id {id:?} is already used by {first}")]
    DuplicateId { id: String, first: String },
    #[error("{0}")]
    Text(ValidationError),
    #[error("the version is {found}; it must be a whole number from 1 up")]
    BadVersion { found: i64 },
    #[error("the stance is {found:?}; expected \"front\", \"behind\", \"servant\" or \"rest\"")]
    UnknownStance { found: String },
    #[error("the duration is {found} minutes; it must be from 1 to {max}")]
    BadDuration { found: i64, max: u32 },
    #[error("links to the habit {id:?}, which the habit library does not have")]
    UnknownHabit { id: String },
    #[error("there are no steps; add at least one [[steps]] table")]
    NoSteps,
    #[error("has {found} {what}; at most {max} are allowed")]
    TooMany {
        what: &'static str,
        found: usize,
        max: usize,
    },
    #[error("the timer is {seconds} s; it must be from 1 s to {max} s (3 hours)")]
    TimerOutOfRange { seconds: i64, max: u32 },
    #[error(
        "a bell every {every} s must be more than 0 and less than the timer's {seconds} s; leave it out for only the closing bell"
    )]
    BadInterval { every: i64, seconds: i64 },
    #[error("the kind is {found:?}; expected \"text\" or \"rating\"")]
    UnknownPromptKind { found: String },
    #[error(
        "the step timers add up to {timed_seconds} s, more than the {minutes} minutes the exercise says it takes"
    )]
    TimersExceedDuration { timed_seconds: u64, minutes: u32 },
}
