//! Finding programmes: the built-in ones first, then those imported or written here.

use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::HabitLibrary;
use leadback_core::programmes::{self, Programme};
use leadback_store::Store;

use crate::ActionError;

/// Every programme, built-in ones first; a stored one that no longer validates against today's
/// libraries is left out and named in the second list (for the caller to log or show).
pub fn all(
    store: &Store,
    exercises: &ExerciseLibrary,
    habits: &HabitLibrary,
) -> Result<(Vec<Programme>, Vec<String>), ActionError> {
    let mut all =
        programmes::builtin(exercises, habits).map_err(|e| ActionError::Invalid(e.to_string()))?;
    let mut warnings = Vec::new();
    for stored in store.programmes()? {
        match Programme::import_file(&stored.id, &stored.body, exercises, habits) {
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
