//! Adding words to a note someone already wrote. When two features write the same day's note (a
//! check-in and an exercise's reflections, an app's note and an imported one), what is there
//! stays whole and the new words go after it; nothing a person wrote is replaced.

use super::check_in::NOTE_MAX_CHARS;

/// Between the note that was there and what is added to it.
const SEPARATOR: &str = "\n\n";

/// Marks added words that were cut to fit.
const CUT: char = '…';

/// The note after `addition` is added to `existing`: the existing note first, a blank line, then
/// the addition. Words already in the note are not added again. When the two together would pass
/// [`NOTE_MAX_CHARS`], the existing note stays whole and only as much of the addition as fits is
/// added, ending in "…" (nothing, if not even a word fits). `None` only when both are blank.
pub fn add_to_note(existing: Option<&str>, addition: &str) -> Option<String> {
    let addition = addition.trim();
    let existing = existing.map(str::trim).filter(|e| !e.is_empty());
    let Some(existing) = existing else {
        return (!addition.is_empty()).then(|| fit(addition, NOTE_MAX_CHARS));
    };
    if addition.is_empty() || existing.contains(addition) {
        return Some(existing.to_owned());
    }
    let used = existing.chars().count() + SEPARATOR.chars().count();
    let room = NOTE_MAX_CHARS.saturating_sub(used);
    let added = fit(addition, room);
    if added.trim_end_matches(CUT).trim().is_empty() {
        return Some(existing.to_owned());
    }
    Some(format!("{existing}{SEPARATOR}{added}"))
}

/// `text` if it has at most `max` characters, else its first `max - 1` and "…".
fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let kept: String = text.chars().take(max - 1).collect();
    format!("{}{CUT}", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_addition_goes_after_the_note_with_a_blank_line() {
        assert_eq!(
            add_to_note(Some("Asked Mia first."), "She had the answer."),
            Some("Asked Mia first.\n\nShe had the answer.".to_owned())
        );
    }

    #[test]
    fn with_no_note_the_addition_is_the_note() {
        assert_eq!(
            add_to_note(None, " Heard them out. "),
            Some("Heard them out.".into())
        );
        assert_eq!(add_to_note(Some("  "), "Heard."), Some("Heard.".into()));
        assert_eq!(add_to_note(None, "  "), None);
    }

    #[test]
    fn words_already_in_the_note_are_not_added_twice() {
        let note = "Asked Mia first.\n\nShe had the answer.";
        assert_eq!(
            add_to_note(Some(note), "She had the answer."),
            Some(note.to_owned())
        );
        assert_eq!(add_to_note(Some(note), ""), Some(note.to_owned()));
    }

    #[test]
    fn a_long_note_stays_whole_and_only_what_fits_is_added() {
        let mine = "m".repeat(NOTE_MAX_CHARS - 10);
        let merged = add_to_note(Some(&mine), &"r".repeat(100)).unwrap();
        assert_eq!(merged.chars().count(), NOTE_MAX_CHARS);
        assert!(
            merged.starts_with(&format!("{mine}\n\n")),
            "the note is whole"
        );
        assert!(merged.ends_with("rrrrrrr…"), "{merged:?}");

        let full = "m".repeat(NOTE_MAX_CHARS);
        assert_eq!(add_to_note(Some(&full), "more"), Some(full.clone()));
        let nearly = "m".repeat(NOTE_MAX_CHARS - 3);
        assert_eq!(
            add_to_note(Some(&nearly), "more"),
            Some(nearly.clone()),
            "a lone … is not worth adding"
        );
    }

    #[test]
    fn a_long_addition_alone_is_cut_to_a_note() {
        let merged = add_to_note(None, &"r".repeat(NOTE_MAX_CHARS + 50)).unwrap();
        assert_eq!(merged.chars().count(), NOTE_MAX_CHARS);
        assert!(merged.ends_with('…'));
    }
}
