//! Why an observer form could not be made or combined ([`ObserverError`]), and why a file brought
//! back from an observer was refused ([`ObserverFileError`]). Every message says what is wrong in
//! words the person importing the file can act on.

use thiserror::Error;

use super::answers::{ANSWERS_FORMAT, ANSWERS_VERSION};
use super::form::REQUEST_ID_MAX_CHARS;
use crate::assessment::ScoringError;
use crate::validation::ValidationError;

/// Why an observer form could not be made, or observers' answers could not be combined.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ObserverError {
    /// A custom instrument without third-person wording for (some of) its items.
    #[error(
        "the instrument {instrument:?} has no observer wording for its statements, so it cannot be used for observer forms"
    )]
    NoObserverWording { instrument: String },
    /// The request id is the caller's token; it must be safe in a file and in the checksum text.
    #[error(
        "the request id {found:?} must be 1 to {max} letters, digits, '-' or '_'",
        max = REQUEST_ID_MAX_CHARS
    )]
    InvalidRequestId { found: String },
    /// The subject's or the observer's name.
    #[error(transparent)]
    InvalidName(#[from] ValidationError),
    /// One observer's answers do not fit the instrument; `observer` is its place in the list, from 1.
    #[error("observer {observer}'s answers: {source}")]
    Answers {
        observer: usize,
        #[source]
        source: ScoringError,
    },
    /// An observer answered an id that is not one of the Likert items (energy items and scenarios
    /// are not part of observer forms).
    #[error("observer {observer} answered {id:?}, which is not a statement on the observer form")]
    NotOnTheForm { observer: usize, id: String },
}

/// Why a file brought back from an observer was refused. Variants that know which request the file
/// claims to answer carry its id, so the caller can say "this file answers request X".
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ObserverFileError {
    #[error(
        "the file is {size} bytes; an observer's answers file is never more than {max} bytes, so this is not one"
    )]
    TooLarge { size: usize, max: usize },
    #[error(
        "the file is not text (it stops being valid UTF-8 at byte {valid_up_to}), so it is not an observer's answers file"
    )]
    NotUtf8 { valid_up_to: usize },
    #[error("the file is not valid JSON: {message} (line {line}, column {column})")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}", wrong_format(found.as_deref()))]
    WrongFormat { found: Option<String> },
    #[error(
        "the answers file is format version {found}; this version of Leadback reads version {ANSWERS_VERSION} only"
    )]
    UnsupportedVersion { found: String },
    #[error("the answers file is damaged: {problem}")]
    Malformed { problem: String },
    #[error(
        "the file was changed after the observer saved it (its checksum does not match its answers), so it cannot be trusted; ask the observer to send the file again"
    )]
    ChecksumMismatch { request_id: String },
    #[error("this file answers request {found}, not request {expected}")]
    OtherRequest { expected: String, found: String },
    #[error(
        "the answers are to {found_id} version {found_version}, but the request was for {expected_id} version {expected_version}"
    )]
    WrongInstrument {
        expected_id: String,
        expected_version: u32,
        found_id: String,
        found_version: i64,
    },
    #[error("the file answers a statement {id:?} that is not on the observer form")]
    UnknownItem { id: String },
    #[error("the answer {value} to statement {id:?} is outside the scale {min} to {max}")]
    OutOfScale {
        id: String,
        value: i64,
        min: i64,
        max: i64,
    },
    #[error("the observer did not answer any statement, so there is nothing to add")]
    NoAnswers { request_id: String },
}

fn wrong_format(found: Option<&str>) -> String {
    match found {
        Some(found) => {
            format!("this is a {found:?} file, not an observer's answers file ({ANSWERS_FORMAT:?})")
        }
        None => "this is not an observer's answers file (it has no \"format\" field)".to_owned(),
    }
}
