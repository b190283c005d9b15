//! A client's sessions beyond their notes: the list, the timeline, what was run or used in each
//! session (assessments, habits, exercises, programmes) and the day homework is due. Every command
//! names the person, session or record it works on; none follows the acting person.

use chrono::NaiveDate;
use leadback_actions::coaching;
use leadback_core::clients::{
    Homework, Session, SessionItem, SessionItemInput, SessionItemKind, TimelineEntry,
};
use tauri::State;

use crate::commands::people::client_overview;
use crate::commands::programmes::all_programmes;
use crate::error::IpcError;
use crate::state::AppState;

/// A person's sessions, newest first.
#[tauri::command]
pub async fn list_sessions(
    state: State<'_, AppState>,
    person_id: i64,
) -> Result<Vec<Session>, IpcError> {
    let store = state.store()?;
    store.person(person_id)?;
    Ok(store.sessions(person_id)?)
}

/// A person's sessions, finished assessments and exercises, and habits taken on, newest first.
#[tauri::command]
pub async fn get_client_timeline(
    state: State<'_, AppState>,
    person_id: i64,
) -> Result<Vec<TimelineEntry>, IpcError> {
    Ok(client_overview(&state, person_id)?.timeline)
}

/// What was run or used in each of a person's sessions, session by session.
#[tauri::command]
pub async fn list_session_items(
    state: State<'_, AppState>,
    person_id: i64,
) -> Result<Vec<SessionItem>, IpcError> {
    let mut items = {
        let store = state.store()?;
        store.person(person_id)?;
        store.session_items(person_id)?
    };
    name_items(&state, &mut items)?;
    Ok(items)
}

/// Notes that an assessment, habit, exercise or programme was run or used in a session; the same
/// thing noted twice is kept once.
#[tauri::command]
pub async fn add_session_item(
    state: State<'_, AppState>,
    session_id: i64,
    item: SessionItemInput,
) -> Result<SessionItem, IpcError> {
    let programmes = match item {
        SessionItemInput::Programme { .. } => all_programmes(&state)?,
        _ => Vec::new(),
    };
    let added = coaching::add_session_item(
        &mut *state.store()?,
        &*state.clock,
        state.exercises()?,
        &programmes,
        session_id,
        &item,
    )?;
    let mut items = [added];
    name_items(&state, &mut items)?;
    let [added] = items;
    Ok(added)
}

/// Takes an item off its session; the assessment, habit or exercise itself stays.
#[tauri::command]
pub async fn remove_session_item(
    state: State<'_, AppState>,
    item_id: i64,
) -> Result<SessionItem, IpcError> {
    let removed = coaching::remove_session_item(&mut *state.store()?, item_id)?;
    let mut items = [removed];
    name_items(&state, &mut items)?;
    let [removed] = items;
    Ok(removed)
}

/// Sets the day homework is due (from the day it was set to a year later), or clears it with
/// `null`; returns the client's homework with its progress.
#[tauri::command]
pub async fn set_homework_due(
    state: State<'_, AppState>,
    homework_id: i64,
    due_on: Option<NaiveDate>,
) -> Result<Vec<Homework>, IpcError> {
    let person_id = coaching::set_homework_due(&mut *state.store()?, homework_id, due_on)?;
    Ok(client_overview(&state, person_id)?.homework)
}

/// Exercises and programmes by their titles in the libraries (an id no longer there stays as is).
fn name_items(state: &AppState, items: &mut [SessionItem]) -> Result<(), IpcError> {
    let named = |kind| items.iter().any(|i: &SessionItem| i.kind == kind);
    let programmes = if named(SessionItemKind::Programme) {
        all_programmes(state)?
    } else {
        Vec::new()
    };
    let exercises = state.exercises()?;
    for item in items.iter_mut() {
        let Some(id) = item.library_id.as_deref() else {
            continue;
        };
        let title = match item.kind {
            SessionItemKind::Exercise => exercises.get(id).map(|e| e.title.clone()),
            SessionItemKind::Programme => programmes
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.title.clone()),
            SessionItemKind::Assessment | SessionItemKind::Habit => None,
        };
        if let Some(title) = title {
            item.title = title;
        }
    }
    Ok(())
}
