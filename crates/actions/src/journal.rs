//! The journal: reflections, check-in notes and notes of its own, searched, added to and written
//! out as Markdown.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::{HabitStance, check_in_date, check_in_note};
use leadback_store::{JournalEntry, JournalQuery, Store};

use crate::{ActionError, files};

/// A few words to find, not a document.
pub const SEARCH_MAX_CHARS: usize = 200;

/// The most entries one search returns.
const LIMIT: u32 = 500;

/// What to look for; every part is optional.
#[derive(Debug, Clone, Copy, Default)]
pub struct Search<'a> {
    pub words: Option<&'a str>,
    /// front, behind, servant or rest.
    pub stance: Option<&'a str>,
    pub exercise_id: Option<&'a str>,
}

/// `person_id`'s journal, newest first (at most 500 entries), searched and filtered.
pub fn search(
    store: &Store,
    exercises: &ExerciseLibrary,
    person_id: i64,
    search: Search<'_>,
) -> Result<Vec<JournalEntry>, ActionError> {
    if let Some(stance) = search.stance
        && HabitStance::parse(stance).is_none()
    {
        return Err(ActionError::Invalid(format!(
            "{stance:?} is not a stance: front, behind, servant or rest."
        )));
    }
    if let Some(id) = search.exercise_id
        && exercises.get(id).is_none()
    {
        return Err(ActionError::NotFound(format!(
            "There is no exercise {id:?}."
        )));
    }
    if search
        .words
        .is_some_and(|s| s.chars().count() > SEARCH_MAX_CHARS)
    {
        return Err(ActionError::Invalid(format!(
            "Search for at most {SEARCH_MAX_CHARS} characters."
        )));
    }
    let query = JournalQuery {
        search: search.words,
        stance: search.stance,
        exercise_id: search.exercise_id,
        limit: LIMIT,
    };
    Ok(store.journal(person_id, &query)?)
}

/// Adds a note of its own to the journal on `day` (today or earlier); returns its id.
pub fn add_note(
    store: &mut Store,
    person_id: i64,
    day: NaiveDate,
    text: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<i64, ActionError> {
    let day = check_in_date(day, today).map_err(|e| ActionError::Invalid(e.to_string()))?;
    let text = check_in_note(text)?
        .ok_or_else(|| ActionError::Invalid("The note is empty.".to_owned()))?;
    Ok(store.add_journal_note(person_id, day, &text, now)?)
}

/// Writes `person_id`'s whole journal as Markdown to `path`, titled with their name.
pub fn export(store: &Store, person_id: i64, path: &Path) -> Result<(), ActionError> {
    let person = store.person(person_id)?;
    let markdown = store.journal_markdown(person_id, &format!("{}'s journal", person.name))?;
    files::write(store, path, markdown)
}
