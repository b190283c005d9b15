//! Observer (360) forms: a person asks observers (a name or a role) for their view; each answers
//! once, at this screen (the hand-over) or through an exported form file whose answers file comes
//! back checksummed and tied to its request. The combined view withholds every stance fewer than
//! three observers scored, and never shows one observer's answers. The store and the domain hold
//! the rules (the CLI uses the same); these commands find the instruments and read the files.

use std::collections::BTreeMap;
use std::path::PathBuf;

use leadback_actions::observers;
use leadback_core::observers::ObserverForm;
use leadback_store::{ObserverRequest, ObserverView};
use tauri::State;

use crate::commands::instruments;
use crate::error::IpcError;
use crate::state::AppState;

/// The requests about `person_id` and the observers' combined view beside their own scores.
#[tauri::command]
pub async fn get_observer_view(
    state: State<'_, AppState>,
    person_id: i64,
) -> Result<ObserverView, IpcError> {
    let store = state.store()?;
    let library = instruments::library(&state, &store)?;
    Ok(store.observer_view(person_id, &library)?)
}

/// Asks `observer` (a name or a role) for their view of `person_id`; nothing is written when the
/// name is blank or too long, or the instrument has no observer wording.
#[tauri::command]
pub async fn add_observer_request(
    state: State<'_, AppState>,
    person_id: i64,
    observer: String,
) -> Result<ObserverRequest, IpcError> {
    let mut store = state.store()?;
    let library = instruments::library(&state, &store)?;
    Ok(observers::add_request(
        &mut store,
        &*state.clock,
        &library,
        person_id,
        &observer,
    )?)
}

/// The items of an unanswered request in the third person, for the hand-over screen.
#[tauri::command]
pub async fn get_observer_form(
    state: State<'_, AppState>,
    request_id: i64,
) -> Result<ObserverForm, IpcError> {
    let store = state.store()?;
    let library = instruments::library(&state, &store)?;
    Ok(store.observer_form(request_id, &library)?)
}

/// Keeps the answers an observer gave at this screen (item id → value, null when left out); the
/// same checks as an answers file, and the request is then answered for good.
#[tauri::command]
pub async fn submit_observer_answers(
    state: State<'_, AppState>,
    request_id: i64,
    answers: BTreeMap<String, Option<i64>>,
) -> Result<ObserverRequest, IpcError> {
    let mut store = state.store()?;
    let library = instruments::library(&state, &store)?;
    Ok(observers::submit_answers(
        &mut store,
        &*state.clock,
        &library,
        request_id,
        answers,
    )?)
}

/// Writes an unanswered request's form to `path` (an `.html` file the observer opens in any
/// browser); returns the name its answers file will have.
#[tauri::command]
pub async fn export_observer_form(
    state: State<'_, AppState>,
    request_id: i64,
    path: PathBuf,
) -> Result<String, IpcError> {
    let store = state.store()?;
    let library = instruments::library(&state, &store)?;
    Ok(observers::write_form(&store, &library, request_id, &path)?)
}

/// Reads an answers file about `person_id` and keeps its answers: refused, with nothing written,
/// when it is for another person or request, was imported already, or was changed after saving.
#[tauri::command]
pub async fn import_observer_answers(
    state: State<'_, AppState>,
    person_id: i64,
    path: PathBuf,
) -> Result<ObserverRequest, IpcError> {
    let mut store = state.store()?;
    let library = instruments::library(&state, &store)?;
    Ok(observers::import_answers(
        &mut store,
        &*state.clock,
        &library,
        person_id,
        &path,
    )?)
}

/// Withdraws a request nobody has answered; an answered one stays.
#[tauri::command]
pub async fn withdraw_observer_request(
    state: State<'_, AppState>,
    request_id: i64,
) -> Result<ObserverRequest, IpcError> {
    Ok(observers::withdraw_request(
        &mut *state.store()?,
        request_id,
    )?)
}
