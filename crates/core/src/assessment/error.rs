//! Why an instrument file was refused, and why an answer sheet could not be scored. A coach loading
//! their own file must be able to fix it from the message alone, so every problem names where it is
//! (the item, scenario, band or rule) and what is wrong; all problems are reported at once.

use thiserror::Error;

use super::Stance;
use crate::FileError;

/// Why an instrument file was refused.
pub type InstrumentError = FileError<Problem>;

/// One fault and where it is, e.g. `item "front-03": unknown stance "frnt" …`.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{at}: {fault}")]
pub struct Problem {
    /// Where in the file: `the instrument`, `item "front-03"`, `scenario "hike"`, `front band "low"`…
    pub at: String,
    pub fault: Fault,
}

#[derive(Debug, Clone, PartialEq, Error)]
pub enum Fault {
    #[error("the {field} is missing")]
    Missing { field: &'static str },
    #[error("the id is empty")]
    EmptyId,
    #[error("the id {id:?} may only contain lowercase letters, digits, '-' and '_'")]
    InvalidId { id: String },
    #[error("the id {id:?} is already used by {first}")]
    DuplicateId { id: String, first: String },
    #[error("the {field} is empty")]
    EmptyText { field: &'static str },
    #[error("the version is {found}; it must be a whole number from 1 up")]
    BadVersion { found: i64 },
    #[error("the {field} is {found:?}; expected \"front\", \"behind\" or \"servant\"")]
    UnknownStance { field: &'static str, found: String },
    #[error("the minimum ({min}) must be below the maximum ({max})")]
    ScaleBounds { min: i64, max: i64 },
    #[error(
        "a scale from {min} to {max} has {expected} points, so it needs {expected} labels, not {found}"
    )]
    ScaleLabels {
        min: i64,
        max: i64,
        expected: i128,
        found: usize,
    },
    #[error("has {found} item(s); at least {min} are needed to score the stance")]
    TooFewItems {
        stance: Stance,
        found: usize,
        min: usize,
    },
    #[error(
        "has {found} option(s) for the \"{stance}\" stance; it needs exactly one option per stance"
    )]
    OptionsPerStance { stance: Stance, found: usize },
    #[error("has no bands")]
    NoBands,
    #[error("runs from {from} to {to}; a band must end above where it starts, within 0 to 100")]
    BandRange { from: i64, to: i64 },
    #[error("scores from {from} to {to} fall in no band")]
    BandGap { from: i64, to: i64 },
    #[error("scores from {from} to {to} fall in more than one band")]
    BandOverlap { from: i64, to: i64 },
    #[error("needs at least one {field}")]
    EmptyList { field: &'static str },
    #[error("the {field} is {value}; it must be a number from 0 to 100")]
    OutOfRange { field: &'static str, value: f64 },
    #[error("names the stance \"{stance}\" more than once")]
    RepeatedStance { stance: Stance },
    #[error("no profile label covers the case where {leading} lead")]
    MissingProfile { leading: String },
    #[error("covers the same leading stances as {first}")]
    DuplicateProfile { first: String },
    #[error("refers to the profile {id:?}, which no profile label defines")]
    UnknownProfile { id: String },
    #[error("lists {found} {field}; exactly {expected} are needed")]
    SuggestionCount {
        field: &'static str,
        found: usize,
        expected: usize,
    },
    #[error("lists {id:?} more than once")]
    RepeatedSuggestion { id: String },
    #[error("can never apply: {fallback}, before it, has no conditions and always applies first")]
    UnreachableRule { fallback: String },
    #[error(
        "the last rule has conditions, so some results would get no suggestions; end with a rule without `when`"
    )]
    NoFallbackRule,
}

/// Why an answer sheet could not be scored against an instrument.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScoringError {
    #[error(
        "the answers are for {found_id} version {found_version}, not {expected_id} version {expected_version}"
    )]
    WrongInstrument {
        expected_id: String,
        expected_version: u32,
        found_id: String,
        found_version: i64,
    },
    #[error("there is no item {id:?} in this instrument")]
    UnknownItem { id: String },
    #[error("the answer {value} to item {id:?} is outside the scale {min} to {max}")]
    OutOfScale {
        id: String,
        value: i64,
        min: i64,
        max: i64,
    },
    #[error("there is no scenario {id:?} in this instrument")]
    UnknownScenario { id: String },
    #[error("scenario {scenario:?} has no option {option:?}")]
    UnknownOption { scenario: String, option: String },
}
