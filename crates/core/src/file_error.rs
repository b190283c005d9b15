//! Why a content file (an instrument, the habit library, an exercise) was refused: either it is not
//! TOML of the expected shape, or it reads but breaks rules, and then every broken rule is listed
//! at once, each naming its place, so whoever wrote the file can fix it from the message alone.
//! Each kind of file has its own problem type; the error around it is this one.

use std::fmt::{Debug, Display};

use serde::de::DeserializeOwned;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Error)]
pub enum FileError<P>
where
    P: Debug + Display,
{
    /// The text is not TOML, or has a field of the wrong type or an unknown field.
    #[error("{file}: {message}")]
    Syntax { file: String, message: String },
    /// The file reads, but breaks one or more of the rules of its kind.
    #[error("{file}: {}", list_problems(problems))]
    Invalid { file: String, problems: Vec<P> },
}

impl<P: Debug + Display> FileError<P> {
    /// The individual problems, empty for a syntax error.
    pub fn problems(&self) -> &[P] {
        match self {
            Self::Syntax { .. } => &[],
            Self::Invalid { problems, .. } => problems,
        }
    }

    /// The file's name, as the caller gave it.
    pub fn file(&self) -> &str {
        match self {
            Self::Syntax { file, .. } | Self::Invalid { file, .. } => file,
        }
    }

    /// Reads the TOML `text` of `file` into its raw form, before the rules are checked.
    pub(crate) fn read_toml<R: DeserializeOwned>(file: &str, text: &str) -> Result<R, Self> {
        toml::from_str(text).map_err(|e| Self::Syntax {
            file: file.to_owned(),
            message: e.to_string().trim_end().to_owned(),
        })
    }

    /// `value` when checking it found no problems; otherwise the problems, all of them.
    pub(crate) fn unless_problems<T>(file: &str, value: T, problems: Vec<P>) -> Result<T, Self> {
        if problems.is_empty() {
            Ok(value)
        } else {
            Err(Self::Invalid {
                file: file.to_owned(),
                problems,
            })
        }
    }
}

/// A file's problems in one message: the problem itself when there is one, else how many and
/// each on a line of its own.
fn list_problems<P: Display>(problems: &[P]) -> String {
    match problems {
        [one] => one.to_string(),
        many => {
            let mut out = format!("{} problems:", many.len());
            for problem in many {
                out.push_str("\n  - ");
                out.push_str(&problem.to_string());
            }
            out
        }
    }
}
