//! A coach's own instrument: its file checked (and previewed) before it is kept.

use std::path::Path;

use leadback_core::Clock;
use leadback_core::assessment::{Instrument, InstrumentLibrary, MAX_INSTRUMENT_BYTES, check_size};
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::HabitLibrary;
use leadback_store::{BackupReason, Store};

use crate::{ActionError, files};

/// What the libraries an instrument file is checked against are.
#[derive(Debug, Clone, Copy)]
pub struct Libraries<'a> {
    /// The built-in and stored instruments, as the store gives them.
    pub instruments: &'a InstrumentLibrary,
    pub habits: &'a HabitLibrary,
    pub exercises: &'a ExerciseLibrary,
}

/// An instrument file that passed every check.
#[derive(Debug, Clone)]
pub struct Checked {
    pub instrument: Instrument,
    /// False when this very file was imported before (importing it again changes nothing).
    pub new: bool,
    text: String,
}

/// Reads and checks an instrument file against the libraries (its suggestions must name habits
/// and exercises that exist) and what is stored (a changed file under an id and version already
/// imported is refused). Nothing is saved.
pub fn check_file(
    store: &Store,
    libraries: Libraries<'_>,
    path: &Path,
) -> Result<Checked, ActionError> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let bytes = files::read_chosen(path, MAX_INSTRUMENT_BYTES)?;
    check_size(&name, bytes.len()).map_err(|e| ActionError::Invalid(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| ActionError::File {
        path: path.to_path_buf(),
        message: "is not a text file (it is not UTF-8).".to_owned(),
    })?;
    let existing = match Instrument::parse(&name, &text) {
        Ok(parsed) => store.custom_instrument_text(parsed.id(), i64::from(parsed.version()))?,
        Err(_) => None,
    };
    let (instrument, new) = libraries
        .instruments
        .check_custom(
            &name,
            &text,
            existing.as_deref(),
            |id| libraries.habits.get(id).is_some(),
            |id| libraries.exercises.get(id).is_some(),
        )
        .map_err(|e| ActionError::Invalid(e.to_string()))?;
    Ok(Checked {
        instrument,
        new,
        text,
    })
}

/// Checks an instrument file and keeps it, a backup taken first; the same file again changes
/// nothing. New assessments keep using the instrument chosen before.
pub fn import_file(
    store: &mut Store,
    clock: &dyn Clock,
    libraries: Libraries<'_>,
    path: &Path,
) -> Result<Checked, ActionError> {
    let checked = check_file(store, libraries, path)?;
    if checked.new {
        let instrument = &checked.instrument;
        store.backup_now(BackupReason::BeforeImport, clock.now())?;
        store.add_custom_instrument(
            instrument.id(),
            i64::from(instrument.version()),
            &checked.text,
            clock.now(),
        )?;
    }
    Ok(checked)
}
