//! Text and id rules shared by the exercise, programme and results files. One-line fields reuse
//! [`single_line`](crate::validation::single_line); the helpers here add what those files also
//! need: multi-line instructions and descriptions, and the kebab-case ids other records point at.

use crate::validation::{ValidationError, multi_line};

/// Trims `raw`, turns Windows line ends into `\n`, and checks it is 1 to `max` characters with no
/// control characters other than line breaks and tabs: a paragraph or two of instructions.
pub(crate) fn paragraph(
    field: &'static str,
    raw: &str,
    max: usize,
) -> Result<String, ValidationError> {
    let text = raw.replace("\r\n", "\n").replace('\r', "\n");
    multi_line(field, &text, max, false)
}

/// The longest id or key: enough for a few words, short enough to stay readable in a file.
pub const ID_MAX_CHARS: usize = 60;

/// Lowercase letters and digits joined by single `-`, at most [`ID_MAX_CHARS`] long — the same rule
/// as habit ids, so every id in an exchange file reads the same way.
pub(crate) fn is_kebab_case(id: &str) -> bool {
    id.len() <= ID_MAX_CHARS
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_keeps_its_line_breaks_and_loses_carriage_returns() {
        assert_eq!(
            paragraph("The text", " one\r\ntwo\n\n\tthree ", 50),
            Ok("one\ntwo\n\n\tthree".to_owned())
        );
    }

    #[test]
    fn a_paragraph_refuses_blank_long_and_control_text() {
        assert_eq!(
            paragraph("The text", " \n ", 5),
            Err(ValidationError::Empty { field: "The text" })
        );
        assert!(matches!(
            paragraph("The text", &"é".repeat(6), 5),
            Err(ValidationError::TooLong { len: 6, max: 5, .. })
        ));
        assert_eq!(
            paragraph("The text", "bell\u{7}", 50),
            Err(ValidationError::ControlCharacter { field: "The text" })
        );
    }

    #[test]
    fn kebab_case_ids() {
        for good in ["walk", "walk-at-the-back", "day-1", "a1-b2"] {
            assert!(is_kebab_case(good), "{good}");
        }
        let long = "a".repeat(ID_MAX_CHARS + 1);
        for bad in [
            "",
            "Walk",
            "walk_back",
            "walk--back",
            "-walk",
            "walk-",
            "walk back",
            &long,
        ] {
            assert!(!is_kebab_case(bad), "{bad}");
        }
    }
}
