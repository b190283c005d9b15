//! Input rules shared by every way data gets in (the app, the CLI, imports). A value that breaks one
//! is refused before anything is written, with a message a person can act on.

use thiserror::Error;

/// Why a value a person typed was refused. `field` is the human name of the field ("Your name").
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ValidationError {
    #[error("{field} can't be empty.")]
    Empty { field: &'static str },
    #[error("{field} is too long: {len} characters, at most {max} allowed.")]
    TooLong {
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("{field} can't contain line breaks, tabs or other control characters.")]
    ControlCharacter { field: &'static str },
    #[error("{field} can't be in the future.")]
    FutureDate { field: &'static str },
    #[error("{field} must be between {first} and {last}.")]
    OutsideDays {
        field: &'static str,
        first: chrono::NaiveDate,
        last: chrono::NaiveDate,
    },
}

/// Trims `raw` and checks it is a one-line text of 1 to `max` characters.
pub fn single_line(field: &'static str, raw: &str, max: usize) -> Result<String, ValidationError> {
    checked_text(field, raw, max, false, |_| false)
}

/// A text of several lines: trimmed, at most `max` characters, tabs and line breaks allowed but no
/// other control characters.
pub(crate) fn multi_line(
    field: &'static str,
    raw: &str,
    max: usize,
    may_be_empty: bool,
) -> Result<String, ValidationError> {
    checked_text(field, raw, max, may_be_empty, |c| {
        matches!(c, '\n' | '\r' | '\t')
    })
}

/// Trims `raw` and checks it: not empty (unless it may be), at most `max` characters, and no
/// control characters but the `allowed` ones.
fn checked_text(
    field: &'static str,
    raw: &str,
    max: usize,
    may_be_empty: bool,
    allowed: impl Fn(char) -> bool,
) -> Result<String, ValidationError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() && !may_be_empty {
        return Err(ValidationError::Empty { field });
    }
    let len = trimmed.chars().count();
    if len > max {
        return Err(ValidationError::TooLong { field, len, max });
    }
    if trimmed.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(ValidationError::ControlCharacter { field });
    }
    Ok(trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_surrounding_space() {
        assert_eq!(single_line("Name", "  Ada \n", 10), Ok("Ada".to_owned()));
    }

    #[test]
    fn counts_characters_not_bytes() {
        // Ten accented letters are twenty bytes but must still fit a ten-character limit.
        assert!(single_line("Name", &"é".repeat(10), 10).is_ok());
        assert_eq!(
            single_line("Name", &"é".repeat(11), 10),
            Err(ValidationError::TooLong {
                field: "Name",
                len: 11,
                max: 10
            })
        );
    }

    #[test]
    fn refuses_blank_and_control_characters() {
        assert_eq!(
            single_line("Name", " \t ", 10),
            Err(ValidationError::Empty { field: "Name" })
        );
        assert_eq!(
            single_line("Name", "Ada\nLovelace", 20),
            Err(ValidationError::ControlCharacter { field: "Name" })
        );
    }
}
