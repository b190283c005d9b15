//! Guided exercises and the journal: runs saved step by step, reflections saved as they are typed,
//! finishing with an optional check-in of the linked habit, and the searchable journal.

use std::path::PathBuf;

use chrono::NaiveDate;
use leadback_core::exercises::{Exercise, ReflectionAnswer};
use leadback_core::habits::{HabitStance, check_in_date, check_in_note};
use leadback_core::programmes::ProgrammeActivity;
use leadback_store::{ExerciseRun, JournalEntry, JournalQuery, LinkedCheckIn, Store};
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
    if let Some(key) = &programme_item {
        let wanted = ProgrammeActivity::Exercise {
            exercise: exercise_id.clone(),
        };
        let known = all_programmes(&state)?
            .iter()
            .any(|p| p.item(key).is_some_and(|item| item.activity == wanted));
        if !known {
            return Err(IpcError::new(
                ErrorCode::NotFound,
                format!("No programme has an item {key:?} for this exercise."),
            ));
        }
    }
    let mut store = state.store()?;
    let me = my_id(&store)?;
    Ok(store.start_exercise_run(
        me,
        &exercise.id,
        i64::from(exercise.version),
        programme_item.as_deref(),
        state.clock.now(),
    )?)
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
    check_step(exercise, step)?;
    if exercise.prompt(&prompt_id).is_none() {
        return Err(IpcError::new(
            ErrorCode::InvalidInput,
            format!("{:?} has no question {prompt_id:?}.", exercise.title),
        ));
    }
    let answer = match answer {
        Some(answer) => exercise
            .check_reflection(&prompt_id, answer)
            .map_err(|e| IpcError::new(ErrorCode::InvalidInput, e.to_string()))?,
        None => None,
    };
    let (text, rating) = match &answer {
        Some(ReflectionAnswer::Text(text)) => (Some(text.as_str()), None),
        Some(ReflectionAnswer::Rating(rating)) => (None, Some(*rating)),
        None => (None, None),
    };
    Ok(store.save_reflection(run_id, step, &prompt_id, text, rating, state.clock.now())?)
}

#[tauri::command]
pub async fn move_in_exercise(
    state: State<'_, AppState>,
    run_id: i64,
    step: i64,
) -> Result<(), IpcError> {
    let mut store = state.store()?;
    let run = my_run(&store, run_id)?;
    check_step(exercise(&state, &run.exercise_id)?, step)?;
    Ok(store.set_exercise_step(run_id, step)?)
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
    let linked = exercise(&state, &run.exercise_id)?.habit.clone();
    let linked = linked
        .as_deref()
        .filter(|_| check_in_habit)
        .map(|library_id| LinkedCheckIn {
            library_id,
            day: state.clock.today(),
        });
    let (run, _) = store.finish_exercise_run_with_check_in(run_id, linked, state.clock.now())?;
    Ok(run)
}

/// A few words to find, not a document.
const SEARCH_MAX_CHARS: usize = 200;

/// The journal, newest first, optionally searched and filtered.
#[tauri::command]
pub async fn get_journal(
    state: State<'_, AppState>,
    search: Option<String>,
    stance: Option<String>,
    exercise_id: Option<String>,
) -> Result<Vec<JournalEntry>, IpcError> {
    if let Some(stance) = stance.as_deref()
        && HabitStance::parse(stance).is_none()
    {
        return Err(IpcError::new(
            ErrorCode::InvalidInput,
            format!("{stance:?} is not a stance: front, behind, servant or rest."),
        ));
    }
    if let Some(id) = exercise_id.as_deref() {
        exercise(&state, id)?;
    }
    if search
        .as_deref()
        .is_some_and(|s| s.chars().count() > SEARCH_MAX_CHARS)
    {
        return Err(IpcError::new(
            ErrorCode::InvalidInput,
            format!("Search for at most {SEARCH_MAX_CHARS} characters."),
        ));
    }
    let store = state.store()?;
    let query = JournalQuery {
        search: search.as_deref(),
        stance: stance.as_deref(),
        exercise_id: exercise_id.as_deref(),
        limit: 500,
    };
    Ok(store.journal(my_id(&store)?, &query)?)
}

#[tauri::command]
pub async fn add_journal_note(
    state: State<'_, AppState>,
    day: NaiveDate,
    text: String,
) -> Result<i64, IpcError> {
    let day = check_in_date(day, state.clock.today())?;
    let text = check_in_note(&text)?
        .ok_or_else(|| IpcError::new(ErrorCode::InvalidInput, "The note is empty."))?;
    let mut store = state.store()?;
    let me = my_id(&store)?;
    Ok(store.add_journal_note(me, day, &text, state.clock.now())?)
}

/// Writes the whole journal as Markdown to the file the person chose.
#[tauri::command]
pub async fn export_journal(state: State<'_, AppState>, path: PathBuf) -> Result<(), IpcError> {
    let store = state.store()?;
    leadback_actions::files::check_not_data(&store, &path)?;
    let me = store
        .me()?
        .ok_or_else(|| IpcError::new(ErrorCode::NotFound, "There is no profile yet."))?;
    let markdown = store.journal_markdown(me.id, &format!("{}'s journal", me.name))?;
    Ok(leadback_actions::files::write(&store, &path, markdown)?)
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

/// A step is one of the exercise's steps, or one past the last (the finish screen).
fn check_step(exercise: &Exercise, step: i64) -> Result<(), IpcError> {
    let last = i64::try_from(exercise.steps.len()).unwrap_or(i64::MAX);
    if (0..=last).contains(&step) {
        Ok(())
    } else {
        Err(IpcError::new(
            ErrorCode::InvalidInput,
            format!("Step {step} is outside the exercise (0 to {last})."),
        ))
    }
}
