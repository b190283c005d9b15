//! Retreat programmes: finding them (the built-in ones first, then those imported or written
//! here), importing a file, saving one a facilitator wrote, deleting one, sharing one as a file,
//! and a participant ticking off its items.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{DateTime, Utc};
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::HabitLibrary;
use leadback_core::programmes::{self, Programme, ProgrammeProgress, exchange};
use leadback_store::{BackupReason, ProgrammeDeletion, Store, StoredProgramme};

use crate::{ActionError, files};

/// The libraries a programme's items are checked against.
#[derive(Debug, Clone, Copy)]
pub struct Libraries<'a> {
    pub exercises: &'a ExerciseLibrary,
    pub habits: &'a HabitLibrary,
}

fn invalid(err: impl std::fmt::Display) -> ActionError {
    ActionError::Invalid(err.to_string())
}

/// The programmes that come with Leadback.
pub fn builtin(libraries: Libraries<'_>) -> Result<Vec<Programme>, ActionError> {
    programmes::builtin(libraries.exercises, libraries.habits).map_err(invalid)
}

/// Every programme, built-in ones first; a stored one that no longer validates against today's
/// libraries is left out and named in the second list (for the caller to log or show).
pub fn all(
    store: &Store,
    libraries: Libraries<'_>,
) -> Result<(Vec<Programme>, Vec<String>), ActionError> {
    let mut all = builtin(libraries)?;
    let mut warnings = Vec::new();
    for stored in store.programmes()? {
        let read = Programme::import_file(
            &stored.id,
            &stored.body,
            libraries.exercises,
            libraries.habits,
        );
        match read {
            Ok(programme) if !all.iter().any(|p| p.id == programme.id) => all.push(programme),
            Ok(_) => {}
            Err(err) => warnings.push(format!(
                "stored programme {:?} no longer validates: {err}",
                stored.id
            )),
        }
    }
    Ok((all, warnings))
}

/// The programme called `id` among `all`, or [`ActionError::NotFound`].
pub fn find(all: Vec<Programme>, id: &str) -> Result<Programme, ActionError> {
    all.into_iter()
        .find(|p| p.id == id)
        .ok_or_else(|| ActionError::NotFound(format!("There is no programme {id:?}.")))
}

/// Reads and checks a programme file; nothing is saved (the person sees it before importing).
pub fn preview_file(path: &Path, libraries: Libraries<'_>) -> Result<Programme, ActionError> {
    let text = files::read_chosen_text(path, exchange::MAX_FILE_BYTES)?;
    let name = path.display().to_string();
    Programme::import_file(&name, &text, libraries.exercises, libraries.habits).map_err(invalid)
}

/// Imports a programme file (checked as [`preview_file`] does), after a backup of the data.
pub fn import_file(
    store: &mut Store,
    path: &Path,
    libraries: Libraries<'_>,
    now: DateTime<Utc>,
) -> Result<Programme, ActionError> {
    let programme = preview_file(path, libraries)?;
    save(store, &programme, Origin::Imported, libraries, now)?;
    Ok(programme)
}

/// Saves a programme a facilitator wrote in the app, after checking it as a file is checked.
pub fn save_authored(
    store: &mut Store,
    programme: Programme,
    libraries: Libraries<'_>,
    now: DateTime<Utc>,
) -> Result<Programme, ActionError> {
    let programme = programme
        .check("the programme", libraries.exercises, libraries.habits)
        .map_err(invalid)?;
    save(store, &programme, Origin::Authored, libraries, now)?;
    Ok(programme)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Imported,
    Authored,
}

/// Keeps `programme`; one that comes with Leadback is never replaced.
fn save(
    store: &mut Store,
    programme: &Programme,
    origin: Origin,
    libraries: Libraries<'_>,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    if let Some(same) = builtin(libraries)?.iter().find(|p| p.id == programme.id) {
        return Err(invalid(format!(
            "“{}” comes with Leadback and cannot be replaced; give your programme an id of its own (\"Edit a copy\" does).",
            same.title
        )));
    }
    let stored = StoredProgramme {
        id: programme.id.clone(),
        version: i64::from(programme.version),
        title: programme.title.clone(),
        body: programme.export_file(),
        origin: match origin {
            Origin::Imported => "imported",
            Origin::Authored => "authored",
        }
        .to_owned(),
    };
    if origin == Origin::Imported {
        store.backup_now(BackupReason::BeforeImport, now)?;
    }
    Ok(store.save_programme(&stored, now)?)
}

/// What deleting an imported or authored programme would remove, for a confirmation.
pub fn deletion_preview(
    store: &Store,
    id: &str,
    libraries: Libraries<'_>,
) -> Result<ProgrammeDeletion, ActionError> {
    Ok(store.programme_deletion_preview(id, &builtin(libraries)?)?)
}

/// Deletes an imported or authored programme with the progress ticked off in it and the results
/// imported for it; returns what went. The programmes that come with Leadback stay.
pub fn delete(
    store: &mut Store,
    id: &str,
    libraries: Libraries<'_>,
) -> Result<ProgrammeDeletion, ActionError> {
    Ok(store.delete_programme(id, &builtin(libraries)?)?)
}

/// Writes `programme` as a file for participants to import.
pub fn export(store: &Store, programme: &Programme, path: &Path) -> Result<(), ActionError> {
    files::write(store, path, programme.export_file())
}

/// How far `person_id` is through `programme`.
pub fn progress(
    store: &Store,
    programme: &Programme,
    person_id: i64,
) -> Result<ProgrammeProgress, ActionError> {
    let done: BTreeSet<String> = store.programme_items_done(person_id, &programme.id)?;
    Ok(programmes::progress(programme, &done))
}

/// Ticks an item of `programme` off for `person_id` (or back on), and returns their progress.
pub fn set_item_done(
    store: &mut Store,
    programme: &Programme,
    person_id: i64,
    item_key: &str,
    done: bool,
    now: DateTime<Utc>,
) -> Result<ProgrammeProgress, ActionError> {
    if programme.item(item_key).is_none() {
        return Err(ActionError::NotFound(format!(
            "{:?} has no item {item_key:?}.",
            programme.title
        )));
    }
    store.set_programme_item_done(person_id, &programme.id, item_key, done, now)?;
    progress(store, programme, person_id)
}
