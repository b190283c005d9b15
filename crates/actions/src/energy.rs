//! A day's energy, 1 (drained) to 5 (full), with an optional note.

use chrono::{DateTime, NaiveDate, Utc};
use leadback_core::habits::{check_in_date, check_in_note};
use leadback_store::{EnergyRecord, Store};

use crate::ActionError;
use crate::habits::NoteChange;

/// Records `person_id`'s energy on `day` (today or earlier). `NoteChange::Keep` leaves the day's
/// note as it is; `Set` replaces it (blank removes it). Everything is checked first.
pub fn set(
    store: &mut Store,
    person_id: i64,
    day: NaiveDate,
    level: i64,
    note: NoteChange<'_>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<EnergyRecord, ActionError> {
    let day = check_in_date(day, today).map_err(|e| ActionError::Invalid(e.to_string()))?;
    if !(1..=5).contains(&level) {
        return Err(ActionError::Invalid(format!(
            "Energy is a number from 1 to 5, not {level}."
        )));
    }
    match note {
        NoteChange::Keep => Ok(store.set_energy_keeping_note(person_id, day, level, now)?),
        NoteChange::Set(note) => {
            let note = note.map(check_in_note).transpose()?.flatten();
            Ok(store.set_energy(person_id, day, level, note.as_deref(), now)?)
        }
    }
}
