//! Retreat programmes (the built-in one, imported and authored ones), a participant's progress
//! through them, their results file, and the facilitator's cohort view.

use std::path::PathBuf;

use leadback_actions::cohort::{self, ExportResults};
use leadback_actions::programmes::{self, Libraries};
use leadback_core::cohort::CohortSummary;
use leadback_core::programmes::{Programme, ProgrammeProgress};
use leadback_store::ProgrammeDeletion;
use tauri::State;

use crate::commands::my_id;
use crate::error::IpcError;
use crate::state::AppState;

/// The libraries programmes are checked against.
fn libraries(state: &AppState) -> Result<Libraries<'_>, IpcError> {
    Ok(Libraries {
        exercises: state.exercises()?,
        habits: state.habit_library()?,
    })
}

/// Every programme: the built-in ones first, then imported and authored ones.
pub(super) fn all_programmes(state: &AppState) -> Result<Vec<Programme>, IpcError> {
    let (all, warnings) = programmes::all(&*state.store()?, libraries(state)?)?;
    for warning in warnings {
        log::warn!("{warning}");
    }
    Ok(all)
}

fn find(state: &AppState, id: &str) -> Result<Programme, IpcError> {
    Ok(programmes::find(all_programmes(state)?, id)?)
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
    Ok(programmes::preview_file(&path, libraries(&state)?)?)
}

/// Saves a programme file after the person has seen its preview.
#[tauri::command]
pub async fn import_programme_file(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<Programme, IpcError> {
    let now = state.clock.now();
    let mut store = state.store()?;
    Ok(programmes::import_file(
        &mut store,
        &path,
        libraries(&state)?,
        now,
    )?)
}

/// Saves a programme a facilitator wrote in the app, after checking it like a file.
#[tauri::command]
pub async fn save_authored_programme(
    state: State<'_, AppState>,
    programme: Programme,
) -> Result<Programme, IpcError> {
    let now = state.clock.now();
    let mut store = state.store()?;
    Ok(programmes::save_authored(
        &mut store,
        programme,
        libraries(&state)?,
        now,
    )?)
}

/// What deleting an imported or authored programme would remove, for the confirmation.
#[tauri::command]
pub async fn programme_deletion_preview(
    state: State<'_, AppState>,
    id: String,
) -> Result<ProgrammeDeletion, IpcError> {
    let store = state.store()?;
    Ok(programmes::deletion_preview(
        &store,
        &id,
        libraries(&state)?,
    )?)
}

/// Deletes an imported or authored programme with the progress ticked off in it and the results
/// imported for it; returns what went. The programme that comes with Leadback stays.
#[tauri::command]
pub async fn delete_programme(
    state: State<'_, AppState>,
    id: String,
) -> Result<ProgrammeDeletion, IpcError> {
    let mut store = state.store()?;
    Ok(programmes::delete(&mut store, &id, libraries(&state)?)?)
}

/// Writes a programme as a file for participants to import.
#[tauri::command]
pub async fn export_programme(
    state: State<'_, AppState>,
    programme_id: String,
    path: PathBuf,
) -> Result<(), IpcError> {
    let programme = find(&state, &programme_id)?;
    Ok(programmes::export(&*state.store()?, &programme, &path)?)
}

#[tauri::command]
pub async fn get_programme_progress(
    state: State<'_, AppState>,
    programme_id: String,
) -> Result<ProgrammeProgress, IpcError> {
    let programme = find(&state, &programme_id)?;
    let store = state.store()?;
    Ok(programmes::progress(&store, &programme, my_id(&store)?)?)
}

#[tauri::command]
pub async fn set_programme_item_done(
    state: State<'_, AppState>,
    programme_id: String,
    item_key: String,
    done: bool,
) -> Result<ProgrammeProgress, IpcError> {
    let programme = find(&state, &programme_id)?;
    let mut store = state.store()?;
    let me = my_id(&store)?;
    let now = state.clock.now();
    Ok(programmes::set_item_done(
        &mut store, &programme, me, &item_key, done, now,
    )?)
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
