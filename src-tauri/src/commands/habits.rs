//! Habits: the library, the person's own list, daily check-ins (today and back-filled), energy,
//! reminders, the numbers behind each habit, and importing from Loop Habit Tracker.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime};
use leadback_actions::{energy, habits};
use leadback_core::habits::{
    CheckState, HabitStance, LibraryHabit, Measure, Schedule, StanceRollup,
};
use leadback_store::loop_import::LoopImportSummary;
use leadback_store::{
    CheckInRecord, EnergyRecord, HabitDetail, HabitOverview, HabitRecord, ReminderRecord, Store,
};
use serde::Deserialize;
use tauri::State;
use ts_rs::TS;

use crate::commands::{ensure_mine, my_id};
use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;

/// One of my habits; another person's is as good as missing.
fn my_habit(store: &Store, habit_id: i64) -> Result<HabitRecord, IpcError> {
    let habit = store.habit(habit_id)?;
    ensure_mine(store, habit.person_id, "habit", habit_id)?;
    Ok(habit)
}

/// The habits Leadback suggests, drawn from the source texts.
#[tauri::command]
pub async fn get_habit_library(state: State<'_, AppState>) -> Result<Vec<LibraryHabit>, IpcError> {
    Ok(state.habit_library()?.habits().to_vec())
}

/// My habits with today's state, strength and streaks.
#[tauri::command]
pub async fn get_habits(
    state: State<'_, AppState>,
    include_archived: bool,
) -> Result<Vec<HabitOverview>, IpcError> {
    let store = state.store()?;
    let me = my_id(&store)?;
    Ok(store.habit_overviews(me, include_archived, state.clock.today())?)
}

/// Adds a habit from the library with its default schedule; one I already have (not archived) is
/// returned as I have it, so a programme or a second click never adds an empty twin.
#[tauri::command]
pub async fn add_library_habit(
    state: State<'_, AppState>,
    library_id: String,
) -> Result<HabitRecord, IpcError> {
    let mut store = state.store()?;
    let me = my_id(&store)?;
    let wanted = habits::FromLibrary {
        library_id: &library_id,
        stance: None,
        schedule: None,
    };
    let library = state.habit_library()?;
    let now = state.clock.now();
    Ok(habits::add_from_library(&mut store, library, me, wanted, now)?.0)
}

/// The fields of a habit the person writes themselves.
#[derive(Debug, Deserialize, TS)]
#[ts(export)]
pub struct HabitInput {
    pub name: String,
    pub stance: Option<HabitStance>,
    pub why: Option<String>,
    /// For a measurable habit, 1; `days` is then its period (1, 7 or 30).
    pub times: i64,
    pub days: i64,
    /// Set for a measurable habit: its unit, target and whether the target is a ceiling.
    pub measure: Option<Measure>,
}

impl HabitInput {
    fn own(&self) -> Result<habits::OwnHabit<'_>, IpcError> {
        Ok(habits::OwnHabit {
            name: &self.name,
            stance: self.stance,
            why: self.why.as_deref(),
            schedule: Schedule::new(self.times, self.days)?,
            measure: self.measure.as_ref(),
        })
    }
}

/// Adds a habit of my own.
#[tauri::command]
pub async fn add_own_habit(
    state: State<'_, AppState>,
    habit: HabitInput,
) -> Result<HabitRecord, IpcError> {
    let own = habit.own()?;
    let mut store = state.store()?;
    let me = my_id(&store)?;
    Ok(habits::add_own(&mut store, me, own, state.clock.now())?)
}

#[tauri::command]
pub async fn update_habit(
    state: State<'_, AppState>,
    habit_id: i64,
    habit: HabitInput,
) -> Result<HabitRecord, IpcError> {
    let own = habit.own()?;
    let mut store = state.store()?;
    let me = my_id(&store)?;
    Ok(habits::update(&mut store, me, habit_id, own)?)
}

#[tauri::command]
pub async fn archive_habit(
    state: State<'_, AppState>,
    habit_id: i64,
    archived: bool,
) -> Result<HabitRecord, IpcError> {
    let mut store = state.store()?;
    let me = my_id(&store)?;
    Ok(habits::archive(
        &mut store,
        &*state.clock,
        me,
        habit_id,
        archived,
    )?)
}

#[tauri::command]
pub async fn reorder_habits(
    state: State<'_, AppState>,
    habit_ids: Vec<i64>,
) -> Result<(), IpcError> {
    let mut store = state.store()?;
    let me = my_id(&store)?;
    Ok(habits::reorder(&mut store, me, &habit_ids)?)
}

/// Records a day's check-in (today or earlier) with an optional note; no state and no note clears
/// the day. Answers only after the write is committed.
#[tauri::command]
pub async fn check_in(
    state: State<'_, AppState>,
    habit_id: i64,
    day: NaiveDate,
    check: Option<CheckState>,
    note: Option<String>,
) -> Result<Option<CheckInRecord>, IpcError> {
    let mut store = state.store()?;
    let me = my_id(&store)?;
    let input = habits::CheckIn {
        habit_id,
        day,
        state: check,
        note: habits::NoteChange::Set(note.as_deref()),
    };
    Ok(habits::check_in(&mut store, &*state.clock, me, input)?)
}

/// Records a day's amount of a measurable habit (today or earlier). With `note` null the day's
/// note stays as it is (the one-step entry from home); otherwise it becomes `note` (blank removes
/// it). Answers only after the write is committed.
#[tauri::command]
pub async fn enter_amount(
    state: State<'_, AppState>,
    habit_id: i64,
    day: NaiveDate,
    amount: f64,
    note: Option<String>,
) -> Result<CheckInRecord, IpcError> {
    let mut store = state.store()?;
    let me = my_id(&store)?;
    let input = habits::AmountIn {
        habit_id,
        day,
        amount,
        note: note.as_deref().map_or(habits::NoteChange::Keep, |n| {
            habits::NoteChange::Set(Some(n))
        }),
    };
    Ok(habits::enter_amount(&mut store, &*state.clock, me, input)?)
}

/// One habit's history, strength series, completion rates and the explanation of its score.
#[tauri::command]
pub async fn get_habit_detail(
    state: State<'_, AppState>,
    habit_id: i64,
) -> Result<HabitDetail, IpcError> {
    let store = state.store()?;
    my_habit(&store, habit_id)?;
    Ok(store.habit_detail(habit_id, state.clock.today())?)
}

/// Records today's (or an earlier day's) energy, 1 (drained) to 5 (full).
#[tauri::command]
pub async fn set_energy(
    state: State<'_, AppState>,
    day: NaiveDate,
    level: i64,
    note: Option<String>,
) -> Result<EnergyRecord, IpcError> {
    let mut store = state.store()?;
    let me = my_id(&store)?;
    let note = habits::NoteChange::Set(note.as_deref());
    let (today, now) = (state.clock.today(), state.clock.now());
    Ok(energy::set(&mut store, me, day, level, note, today, now)?)
}

#[tauri::command]
pub async fn get_energy(state: State<'_, AppState>) -> Result<Vec<EnergyRecord>, IpcError> {
    let store = state.store()?;
    let me = my_id(&store)?;
    Ok(store.energy(me)?)
}

/// Mean strength of my habits per stance, per week, from the first check-in to today.
#[tauri::command]
pub async fn get_stance_rollup(state: State<'_, AppState>) -> Result<Vec<StanceRollup>, IpcError> {
    let store = state.store()?;
    Ok(habits::rollup(&store, &*state.clock, my_id(&store)?)?)
}

/// A reminder as the UI sends it: "HH:MM" and a weekday mask (bit 0 = Monday).
#[derive(Debug, Deserialize, TS)]
#[ts(export)]
pub struct ReminderInput {
    pub time: String,
    pub weekdays: i64,
}

#[tauri::command]
pub async fn set_reminders(
    state: State<'_, AppState>,
    habit_id: i64,
    reminders: Vec<ReminderInput>,
) -> Result<Vec<ReminderRecord>, IpcError> {
    let parsed = reminders
        .iter()
        .map(|r| {
            let time = NaiveTime::parse_from_str(&r.time, "%H:%M").map_err(|_| {
                IpcError::new(
                    ErrorCode::InvalidInput,
                    format!("{:?} is not a time of day like 07:30.", r.time),
                )
            })?;
            Ok(habits::Reminder {
                time,
                weekdays: r.weekdays,
            })
        })
        .collect::<Result<Vec<_>, IpcError>>()?;
    let mut store = state.store()?;
    let me = my_id(&store)?;
    let saved = habits::set_reminders(&mut store, me, habit_id, &parsed)?;
    drop(store);
    state.reminders_changed();
    Ok(saved)
}

#[tauri::command]
pub async fn get_reminders(
    state: State<'_, AppState>,
    habit_id: i64,
) -> Result<Vec<ReminderRecord>, IpcError> {
    let store = state.store()?;
    my_habit(&store, habit_id)?;
    Ok(store.reminders(Some(habit_id))?)
}

/// Imports a Loop Habit Tracker backup (.db) or CSV export (.zip) the person picked.
#[tauri::command]
pub async fn import_loop(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<LoopImportSummary, IpcError> {
    let mut store = state.store()?;
    let me = my_id(&store)?;
    Ok(leadback_actions::loop_backup::import(
        &mut store,
        &*state.clock,
        me,
        &path,
    )?)
}
