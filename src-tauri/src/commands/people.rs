//! People besides "me": a coach's clients with their consent, sessions and homework; which person
//! the app acts for (every "my …" command follows it); and erasing a client.

use std::path::PathBuf;

use leadback_actions::coaching::{
    self, AssignHomework, HomeworkChoice, HomeworkLibraries, NewSession,
};
use leadback_core::Person;
use leadback_core::clients::{
    ClientInput, ClientOverview, Consent, ConsentInput, ErasePreview, Homework, HomeworkKind,
    PersonSummary, Session, SessionInput, TimelineKind,
};
use serde::Deserialize;
use tauri::State;
use ts_rs::TS;

use crate::commands::data::ExportSummary;
use crate::error::IpcError;
use crate::state::AppState;

/// "Me" first, then every client by name.
#[tauri::command]
pub async fn list_people(state: State<'_, AppState>) -> Result<Vec<PersonSummary>, IpcError> {
    Ok(state.store()?.people()?)
}

/// The person every "my …" command acts for now.
#[tauri::command]
pub async fn get_acting_person(state: State<'_, AppState>) -> Result<Option<Person>, IpcError> {
    Ok(state.store()?.acting_person()?)
}

/// Acts for this person from now on (a client, or "me" again).
#[tauri::command]
pub async fn switch_person(state: State<'_, AppState>, person_id: i64) -> Result<Person, IpcError> {
    Ok(leadback_actions::people::act_for(
        &mut *state.store()?,
        person_id,
    )?)
}

/// A new client, with the consent they gave.
#[tauri::command]
pub async fn add_client(
    state: State<'_, AppState>,
    client: ClientInput,
    consent: ConsentInput,
) -> Result<PersonSummary, IpcError> {
    Ok(coaching::add_client(
        &mut *state.store()?,
        &*state.clock,
        &client,
        &consent,
    )?)
}

#[tauri::command]
pub async fn update_client(
    state: State<'_, AppState>,
    person_id: i64,
    client: ClientInput,
) -> Result<PersonSummary, IpcError> {
    let mut store = state.store()?;
    Ok(coaching::update_client(
        &mut store,
        &*state.clock,
        person_id,
        &client,
    )?)
}

/// Consent given again or on new terms; the earlier records stay as history.
#[tauri::command]
pub async fn record_consent(
    state: State<'_, AppState>,
    person_id: i64,
    consent: ConsentInput,
) -> Result<Consent, IpcError> {
    let mut store = state.store()?;
    Ok(coaching::record_consent(
        &mut store,
        &*state.clock,
        person_id,
        &consent,
    )?)
}

/// The client withdrew their consent today.
#[tauri::command]
pub async fn withdraw_consent(
    state: State<'_, AppState>,
    person_id: i64,
) -> Result<Consent, IpcError> {
    let mut store = state.store()?;
    Ok(coaching::withdraw_consent(
        &mut store,
        &*state.clock,
        person_id,
    )?)
}

/// Everything the client overview shows: details, consent history, latest result, sessions,
/// homework with progress, and the timeline.
#[tauri::command]
pub async fn get_client_overview(
    state: State<'_, AppState>,
    person_id: i64,
) -> Result<ClientOverview, IpcError> {
    client_overview(&state, person_id)
}

pub(crate) fn client_overview(
    state: &AppState,
    person_id: i64,
) -> Result<ClientOverview, IpcError> {
    let exercises = state.exercises()?;
    let title_of = |id: &str| {
        exercises
            .get(id)
            .map_or_else(|| id.to_owned(), |e| e.title.clone())
    };
    let store = state.store()?;
    let summary = store.person_summary(person_id)?;
    let library = crate::commands::instruments::library(state, &store)?;
    let latest = leadback_actions::assessments::latest(&store, &library, person_id)?;
    let mut homework = store.homework(person_id, state.clock.today())?;
    for work in homework
        .iter_mut()
        .filter(|w| w.kind == HomeworkKind::Exercise)
    {
        work.title = title_of(&work.title);
    }
    let mut timeline = store.timeline(person_id)?;
    for entry in timeline
        .iter_mut()
        .filter(|e| e.kind == TimelineKind::Exercise)
    {
        entry.title = title_of(&entry.title);
    }
    Ok(ClientOverview {
        unfinished_since: store
            .open_assessment(person_id)?
            .map(|open| open.started_at),
        consents: store.consents(person_id)?,
        sessions: store.sessions(person_id)?,
        summary,
        latest,
        homework,
        timeline,
    })
}

#[tauri::command]
pub async fn add_session(
    state: State<'_, AppState>,
    person_id: i64,
    session: SessionInput,
) -> Result<Session, IpcError> {
    let input = NewSession {
        person_id,
        starts_at: session.starts_at,
        agenda: &session.agenda,
        notes: None,
    };
    Ok(coaching::add_session(
        &mut *state.store()?,
        &*state.clock,
        input,
    )?)
}

#[tauri::command]
pub async fn update_session(
    state: State<'_, AppState>,
    session_id: i64,
    session: SessionInput,
) -> Result<Session, IpcError> {
    let mut store = state.store()?;
    Ok(coaching::update_session(
        &mut store,
        &*state.clock,
        session_id,
        &session,
    )?)
}

/// Saves a session's notes exactly as typed (the UI calls this as the coach writes).
#[tauri::command]
pub async fn save_session_notes(
    state: State<'_, AppState>,
    session_id: i64,
    notes: String,
) -> Result<chrono::DateTime<chrono::Utc>, IpcError> {
    let mut store = state.store()?;
    Ok(coaching::save_session_notes(
        &mut store,
        &*state.clock,
        session_id,
        &notes,
    )?)
}

#[tauri::command]
pub async fn delete_session(state: State<'_, AppState>, session_id: i64) -> Result<(), IpcError> {
    Ok(coaching::delete_session(&mut *state.store()?, session_id)?)
}

/// Homework to set: a habit from the library (added to the client's habits) or an exercise.
#[derive(Debug, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum HomeworkInput {
    Habit { library_id: String },
    Exercise { exercise_id: String },
}

/// Sets homework in a session; returns the client's homework with its progress.
#[tauri::command]
pub async fn assign_homework(
    state: State<'_, AppState>,
    session_id: i64,
    homework: HomeworkInput,
) -> Result<Vec<Homework>, IpcError> {
    let homework = match &homework {
        HomeworkInput::Habit { library_id } => HomeworkChoice::Habit { library_id },
        HomeworkInput::Exercise { exercise_id } => HomeworkChoice::Exercise { exercise_id },
    };
    let libraries = HomeworkLibraries {
        habits: state.habit_library()?,
        exercises: state.exercises()?,
    };
    let input = AssignHomework {
        session_id,
        homework,
        due: None,
    };
    let (_, person_id) =
        coaching::assign_homework(&mut *state.store()?, &*state.clock, libraries, input)?;
    state.reminders_changed();
    Ok(client_overview(&state, person_id)?.homework)
}

/// What erasing this client would delete, for the confirmation.
#[tauri::command]
pub async fn erase_preview(
    state: State<'_, AppState>,
    person_id: i64,
) -> Result<ErasePreview, IpcError> {
    Ok(state.store()?.erase_preview(person_id)?)
}

/// Erases a client and everything about them. `confirm_name` must be their name as typed by the
/// coach, so a slip of the mouse erases no one.
#[tauri::command]
pub async fn erase_person(
    state: State<'_, AppState>,
    person_id: i64,
    confirm_name: String,
) -> Result<ErasePreview, IpcError> {
    Ok(coaching::erase_client(
        &mut *state.store()?,
        person_id,
        &confirm_name,
    )?)
}

/// Writes every row about this person to one JSON file (the export format): their data, for them.
#[tauri::command]
pub async fn export_person_json(
    state: State<'_, AppState>,
    person_id: i64,
    path: PathBuf,
) -> Result<ExportSummary, IpcError> {
    let store = state.store()?;
    let exported = leadback_actions::people::export_json(&store, &*state.clock, person_id, &path)?;
    Ok(ExportSummary {
        rows: exported.rows,
        tables: exported.tables,
    })
}

/// Writes this person's assessment results as CSV, one row per finished assessment; returns how
/// many rows.
#[tauri::command]
pub async fn export_results_csv(
    state: State<'_, AppState>,
    person_id: i64,
    path: PathBuf,
) -> Result<usize, IpcError> {
    let store = state.store()?;
    let library = crate::commands::instruments::library(&state, &store)?;
    Ok(leadback_actions::people::export_results_csv(
        &store, &library, person_id, &path,
    )?)
}
