//! Who the data is about: my name, acting for a client (a coach's switch), and a person's data as a
//! whole exported (for their right of access).

use std::path::Path;

use leadback_core::assessment::InstrumentLibrary;
use leadback_core::clients::results_csv;
use leadback_core::{Clock, Person, PersonName};
use leadback_store::Store;

use crate::{ActionError, assessments, files};

/// Sets (or changes) the name of the person using Leadback; the name is checked by the caller
/// (`PersonName::parse`) before anything is opened.
pub fn set_my_name(
    store: &mut Store,
    clock: &dyn Clock,
    name: &PersonName,
) -> Result<Person, ActionError> {
    Ok(store.set_my_name(name, clock.now())?)
}

/// Acts for `person_id` from now on (a client, or "me" again).
pub fn act_for(store: &mut Store, person_id: i64) -> Result<Person, ActionError> {
    Ok(store.act_for(person_id)?)
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exported {
    pub rows: usize,
    pub tables: usize,
}

/// Writes everything stored about `person_id` as one JSON file.
pub fn export_json(
    store: &Store,
    clock: &dyn Clock,
    person_id: i64,
    path: &Path,
) -> Result<Exported, ActionError> {
    files::check_not_data(store, path)?;
    let doc = store.export_person(person_id, clock.now())?;
    files::write(store, path, doc.to_json()?)?;
    Ok(Exported {
        rows: doc.row_count(),
        tables: doc.tables.len(),
    })
}

/// Writes `person_id`'s assessment results as CSV, one row per finished assessment (scored by the
/// rule in [`assessments`]); returns how many rows.
pub fn export_results_csv(
    store: &Store,
    instruments: &InstrumentLibrary,
    person_id: i64,
    path: &Path,
) -> Result<usize, ActionError> {
    files::check_not_data(store, path)?;
    store.person(person_id)?;
    let entries = assessments::history(store, instruments, person_id)?;
    files::write(store, path, results_csv(&entries))?;
    Ok(entries.len())
}
