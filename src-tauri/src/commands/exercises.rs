//! Guided exercises and the journal: runs saved step by step, reflections saved as they are typed,
//! finishing with an optional check-in of the linked habit, and the searchable journal.

use std::path::PathBuf;

use chrono::NaiveDate;
use leadback_actions::exercises::{self, Finish};
use leadback_actions::journal::{self, Search};
use leadback_core::exercises::{Exercise, ReflectionAnswer};
use leadback_store::{ExerciseRun, JournalEntry, Store};
use tauri::State;

use crate::commands::programmes::all_programmes;
use crate::commands::{ensure_mine, my_id};
use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;

#[tauri::command]
pub async fn get_exercises(state: State<'_, AppState>) -> Result<Vec<Exercise>, IpcError> {
    Ok(state.exercises()?.exercises().to_vec())
}

#[tauri::command]
pub async fn get_open_exercise_run(
    state: State<'_, AppState>,
) -> Result<Option<ExerciseRun>, IpcError> {
    let store = state.store()?;
    Ok(store.open_exercise_run(my_id(&store)?)?)
}

/// Starts an exercise (or returns its unfinished run to resume).
#[tauri::command]
pub async fn start_exercise(
    state: State<'_, AppState>,
    exercise_id: String,
    programme_item: Option<String>,
) -> Result<ExerciseRun, IpcError> {
    let exercise = exercise(&state, &exercise_id)?;
    let programmes = match programme_item {
        Some(_) => all_programmes(&state)?,
        None => Vec::new(),
    };
    let mut store = state.store()?;
    let me = my_id(&store)?;
    let started = exercises::start(
        &mut store,
        exercise,
        me,
        programme_item.as_deref(),
        &programmes,
        state.clock.now(),
    )?;
    Ok(started.run)
}

/// Saves one reflection the moment it changes; `answer: null` clears it.
#[tauri::command]
pub async fn save_reflection(
    state: State<'_, AppState>,
    run_id: i64,
    step: i64,
    prompt_id: String,
    answer: Option<ReflectionAnswer>,
) -> Result<(), IpcError> {
    let mut store = state.store()?;
    let run = my_run(&store, run_id)?;
    let exercise = exercise(&state, &run.exercise_id)?;
    let now = state.clock.now();
    Ok(exercises::save_reflection(
        &mut store, exercise, &run, step, &prompt_id, answer, now,
    )?)
}

#[tauri::command]
pub async fn move_in_exercise(
    state: State<'_, AppState>,
    run_id: i64,
    step: i64,
) -> Result<(), IpcError> {
    let mut store = state.store()?;
    let run = my_run(&store, run_id)?;
    let exercise = exercise(&state, &run.exercise_id)?;
    Ok(exercises::move_to(&mut store, exercise, &run, step)?)
}

/// Finishes a run. With `checkInHabit`, today's check-in of the exercise's linked habit is marked
/// done and the run's written reflections are added after the day's note (never over it), in the
/// same transaction.
#[tauri::command]
pub async fn finish_exercise(
    state: State<'_, AppState>,
    run_id: i64,
    check_in_habit: bool,
) -> Result<ExerciseRun, IpcError> {
    let mut store = state.store()?;
    let run = my_run(&store, run_id)?;
    let exercise = exercise(&state, &run.exercise_id)?;
    let how = Finish {
        reflection: None,
        check_in: check_in_habit,
    };
    let finished = exercises::finish(
        &mut store,
        exercise,
        state.habit_library()?,
        &run,
        how,
        state.clock.today(),
        state.clock.now(),
    )?;
    Ok(finished.run)
}

/// The journal, newest first, optionally searched and filtered.
#[tauri::command]
pub async fn get_journal(
    state: State<'_, AppState>,
    search: Option<String>,
    stance: Option<String>,
    exercise_id: Option<String>,
) -> Result<Vec<JournalEntry>, IpcError> {
    let store = state.store()?;
    let search = Search {
        words: search.as_deref(),
        stance: stance.as_deref(),
        exercise_id: exercise_id.as_deref(),
    };
    Ok(journal::search(
        &store,
        state.exercises()?,
        my_id(&store)?,
        search,
    )?)
}

#[tauri::command]
pub async fn add_journal_note(
    state: State<'_, AppState>,
    day: NaiveDate,
    text: String,
) -> Result<i64, IpcError> {
    let mut store = state.store()?;
    let me = my_id(&store)?;
    let (today, now) = (state.clock.today(), state.clock.now());
    Ok(journal::add_note(&mut store, me, day, &text, today, now)?)
}

/// Writes the whole journal as Markdown to the file the person chose.
#[tauri::command]
pub async fn export_journal(state: State<'_, AppState>, path: PathBuf) -> Result<(), IpcError> {
    let store = state.store()?;
    let me = store
        .me()?
        .ok_or_else(|| IpcError::new(ErrorCode::NotFound, "There is no profile yet."))?;
    Ok(journal::export(&store, me.id, &path)?)
}

/// One of my runs; another person's is as good as missing.
fn my_run(store: &Store, run_id: i64) -> Result<ExerciseRun, IpcError> {
    let run = store.exercise_run(run_id)?;
    ensure_mine(store, run.person_id, "exercise run", run_id)?;
    Ok(run)
}

/// An exercise of the library by its id; an unknown one is "not found".
pub(crate) fn exercise<'a>(state: &'a AppState, id: &str) -> Result<&'a Exercise, IpcError> {
    state
        .exercises()?
        .get(id)
        .ok_or_else(|| IpcError::new(ErrorCode::NotFound, format!("There is no exercise {id:?}.")))
}
