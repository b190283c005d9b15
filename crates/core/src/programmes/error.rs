//! Why a programme was refused. A facilitator must be able to fix their file or their draft from the
//! message alone, so every problem names the place (the programme, a day by its number, an item by
//! its key) and what is wrong; all problems are reported at once.

use thiserror::Error;

use super::ExchangeError;
use super::plain::{capital, small, stop};
use crate::validation::ValidationError;

#[derive(Debug, Clone, PartialEq, Error)]
pub enum ProgrammeError {
    /// The text is not TOML (or the JSON's fields have the wrong type), or has an unknown field;
    /// `at` is the line and column, when the parser knows them.
    #[error("{}", syntax(.file, .at, .problem))]
    Syntax {
        file: String,
        at: Option<(usize, usize)>,
        problem: String,
    },
    /// The file reads, but breaks one or more rules of a programme.
    #[error("{}", list(.file, .problems))]
    Invalid {
        file: String,
        problems: Vec<ProgrammeProblem>,
    },
}

/// What the message is about, starting a sentence: "The file retreat.toml", or a label such as
/// "the programme" (a draft from the app) with a capital.
fn subject(file: &str) -> String {
    if file.starts_with("the ") || file.starts_with("your ") {
        capital(file)
    } else {
        format!("The file {file}")
    }
}

fn syntax(file: &str, at: &Option<(usize, usize)>, problem: &str) -> String {
    let place = at.map_or_else(String::new, |(line, column)| {
        format!("at line {line}, column {column}, ")
    });
    format!(
        "{} cannot be read: {place}{}",
        subject(file),
        stop(&small(problem))
    )
}

impl ProgrammeError {
    /// The individual problems, empty for a syntax error.
    pub fn problems(&self) -> &[ProgrammeProblem] {
        match self {
            Self::Syntax { .. } => &[],
            Self::Invalid { problems, .. } => problems,
        }
    }
}

/// Why a programme file from another machine could not be imported.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ProgrammeFileError {
    /// Not a readable programme file at all: wrong kind, newer version, broken JSON.
    #[error("{0}")]
    Exchange(ExchangeError),
    /// A programme file whose programme breaks the rules, e.g. names an unknown exercise.
    #[error("{0}")]
    Invalid(ProgrammeError),
}

fn list(file: &str, problems: &[ProgrammeProblem]) -> String {
    match problems {
        [one] => format!("{} has a problem. {one}", subject(file)),
        many => {
            let mut out = format!("{} has {} problems:", subject(file), many.len());
            for problem in many {
                out.push_str("\n  - ");
                out.push_str(&problem.to_string());
            }
            out
        }
    }
}

/// One fault and where it is, e.g. `Day 2, item "walk": the exercise "wlak" is not in the
/// library.`
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeProblem {
    /// `the programme`, `day 2`, `day 2, item "walk"`, `day 2, item #3`.
    pub at: String,
    pub fault: ProgrammeFault,
}

impl std::fmt::Display for ProgrammeProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A field's own message ("The title can't be empty.") continues the sentence here.
        let fault = stop(&small(&self.fault.to_string()));
        write!(f, "{}: {fault}", capital(&self.at))
    }
}

impl std::error::Error for ProgrammeProblem {}

#[derive(Debug, Clone, PartialEq, Error)]
pub enum ProgrammeFault {
    #[error("the {field} is missing")]
    Missing { field: &'static str },
    #[error(
        "the {field} {id:?} must be kebab-case: lowercase letters and digits joined by single '-'"
    )]
    InvalidId { field: &'static str, id: String },
    #[error("the key {key:?} is already used by {first}")]
    DuplicateKey { key: String, first: String },
    #[error("{0}")]
    Text(ValidationError),
    #[error("the version is {found}; it must be a whole number from 1 up")]
    BadVersion { found: i64 },
    #[error("there are no {what}; add at least one")]
    Empty { what: &'static str },
    #[error("there are {found} {what}; at most {max} are allowed")]
    TooMany {
        what: &'static str,
        found: usize,
        max: usize,
    },
    #[error(
        "the kind is {found:?}; expected \"assessment\", \"exercise\", \"habit\" or \"prompt\""
    )]
    UnknownKind { found: String },
    #[error("{kind} items take no `{field}`")]
    UnexpectedField {
        kind: &'static str,
        field: &'static str,
    },
    #[error("the exercise {id:?} is not in the exercise library")]
    UnknownExercise { id: String },
    #[error("the habit {id:?} is not in the habit library")]
    UnknownHabit { id: String },
}
