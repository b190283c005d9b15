//! Retreat programmes (the built-in one, imported and authored ones), a participant's progress
//! through them, their results file, and the facilitator's cohort view.

use std::path::{Path, PathBuf};

use leadback_actions::cohort::{self, ExportResults};
use leadback_core::cohort::CohortSummary;
use leadback_core::programmes::{self, Programme, ProgrammeProgress, progress};
use leadback_store::{BackupReason, ProgrammeDeletion, StoredProgramme};
use tauri::State;

use crate::commands::my_id;
use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;

fn invalid(err: impl std::fmt::Display) -> IpcError {
    IpcError::new(ErrorCode::InvalidInput, err.to_string())
}

/// Reads an exchange file, at most one byte past the largest allowed, so the size check in core
/// refuses an oversized file (or a device that never ends) without reading it all.
fn read(path: &Path) -> Result<String, IpcError> {
    let bytes = super::read_chosen_file(path, programmes::exchange::MAX_FILE_BYTES)?;
    String::from_utf8(bytes).map_err(|_| invalid(format!("{} is not a text file.", path.display())))
}

/// Every programme: the built-in ones first, then imported and authored ones.
pub(super) fn all_programmes(state: &AppState) -> Result<Vec<Programme>, IpcError> {
    let (all, warnings) = leadback_actions::programmes::all(
        &*state.store()?,
        state.exercises()?,
        state.habit_library()?,
    )?;
    for warning in warnings {
        log::warn!("{warning}");
    }
    Ok(all)
}

fn find(state: &AppState, id: &str) -> Result<Programme, IpcError> {
    Ok(leadback_actions::programmes::find(
        all_programmes(state)?,
        id,
    )?)
}

#[tauri::command]
pub async fn get_programmes(state: State<'_, AppState>) -> Result<Vec<Programme>, IpcError> {
    all_programmes(&state)
}

/// Reads a programme file and shows what it holds; nothing is saved.
#[tauri::command]
pub async fn preview_programme_file(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<Programme, IpcError> {
    let name = path.display().to_string();
    Programme::import_file(
        &name,
        &read(&path)?,
        state.exercises()?,
        state.habit_library()?,
    )
    .map_err(invalid)
}

/// Saves a programme file after the person has seen its preview.
#[tauri::command]
pub async fn import_programme_file(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<Programme, IpcError> {
    let name = path.display().to_string();
    let programme = Programme::import_file(
        &name,
        &read(&path)?,
        state.exercises()?,
        state.habit_library()?,
    )
    .map_err(invalid)?;
    save(&state, &programme, "imported")?;
    Ok(programme)
}

/// Saves a programme a facilitator wrote in the app, after checking it like a file.
#[tauri::command]
pub async fn save_authored_programme(
    state: State<'_, AppState>,
    programme: Programme,
) -> Result<Programme, IpcError> {
    let programme = programme
        .check("the programme", state.exercises()?, state.habit_library()?)
        .map_err(invalid)?;
    save(&state, &programme, "authored")?;
    Ok(programme)
}

fn save(state: &AppState, programme: &Programme, origin: &str) -> Result<(), IpcError> {
    let builtin = builtin(state)?;
    if let Some(same) = builtin.iter().find(|p| p.id == programme.id) {
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
        origin: origin.to_owned(),
    };
    let mut store = state.store()?;
    if origin == "imported" {
        store.backup_now(BackupReason::BeforeImport, state.clock.now())?;
    }
    Ok(store.save_programme(&stored, state.clock.now())?)
}

/// What deleting an imported or authored programme would remove, for the confirmation.
#[tauri::command]
pub async fn programme_deletion_preview(
    state: State<'_, AppState>,
    id: String,
) -> Result<ProgrammeDeletion, IpcError> {
    let builtin = builtin(&state)?;
    Ok(state.store()?.programme_deletion_preview(&id, &builtin)?)
}

/// Deletes an imported or authored programme with the progress ticked off in it and the results
/// imported for it; returns what went. The programme that comes with Leadback stays.
#[tauri::command]
pub async fn delete_programme(
    state: State<'_, AppState>,
    id: String,
) -> Result<ProgrammeDeletion, IpcError> {
    let builtin = builtin(&state)?;
    Ok(state.store()?.delete_programme(&id, &builtin)?)
}

fn builtin(state: &AppState) -> Result<Vec<Programme>, IpcError> {
    programmes::builtin(state.exercises()?, state.habit_library()?).map_err(invalid)
}

/// Writes a programme as a file for participants to import.
#[tauri::command]
pub async fn export_programme(
    state: State<'_, AppState>,
    programme_id: String,
    path: PathBuf,
) -> Result<(), IpcError> {
    let programme = find(&state, &programme_id)?;
    Ok(leadback_actions::files::write(
        &*state.store()?,
        &path,
        programme.export_file(),
    )?)
}

#[tauri::command]
pub async fn get_programme_progress(
    state: State<'_, AppState>,
    programme_id: String,
) -> Result<ProgrammeProgress, IpcError> {
    let programme = find(&state, &programme_id)?;
    let store = state.store()?;
    let done = store.programme_items_done(my_id(&store)?, &programme.id)?;
    Ok(progress(&programme, &done))
}

#[tauri::command]
pub async fn set_programme_item_done(
    state: State<'_, AppState>,
    programme_id: String,
    item_key: String,
    done: bool,
) -> Result<ProgrammeProgress, IpcError> {
    let programme = find(&state, &programme_id)?;
    if programme.item(&item_key).is_none() {
        return Err(IpcError::new(
            ErrorCode::NotFound,
            format!("{:?} has no item {item_key:?}.", programme.title),
        ));
    }
    let mut store = state.store()?;
    let me = my_id(&store)?;
    store.set_programme_item_done(me, &programme.id, &item_key, done, state.clock.now())?;
    Ok(progress(
        &programme,
        &store.programme_items_done(me, &programme.id)?,
    ))
}

/// Writes a participant's results file for a programme: their first and last assessment since
/// starting it and the exercises they finished, under the code they chose (a name only if given).
#[tauri::command]
pub async fn export_results(
    state: State<'_, AppState>,
    programme_id: String,
    participant_code: String,
    name: Option<String>,
    path: PathBuf,
) -> Result<(), IpcError> {
    let programme = find(&state, &programme_id)?;
    let store = state.store()?;
    let library = crate::commands::instruments::library(&state, &store)?;
    let input = ExportResults {
        programme: &programme,
        participant_code: &participant_code,
        name: name.as_deref(),
        path: &path,
    };
    Ok(cohort::export_results(
        &store,
        &library,
        my_id(&store)?,
        input,
    )?)
}

/// Imports participants' results files: every file is checked before any is stored.
#[tauri::command]
pub async fn import_results(
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
) -> Result<u32, IpcError> {
    let count = cohort::import_results(&mut *state.store()?, &*state.clock, &paths)?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// The cohort's anonymised picture for one programme.
#[tauri::command]
pub async fn get_cohort_summary(
    state: State<'_, AppState>,
    programme_id: String,
) -> Result<CohortSummary, IpcError> {
    let programmes = all_programmes(&state)?;
    Ok(cohort::summary(
        &*state.store()?,
        &programmes,
        &programme_id,
    )?)
}
