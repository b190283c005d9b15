//! A person's habits: adding one (from the library or their own), changing it, checking in,
//! their reminders, archiving one, and the stance roll-up of their strength.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use leadback_core::Clock;
use leadback_core::habits::{
    CheckState, HabitLibrary, HabitName, HabitStance, Measure, MeasureError, Period, ReminderRule,
    Schedule, StanceRollup, WEEK, check_in_date, check_in_note, checked_amount, stance_rollup,
};
use leadback_store::{CheckInRecord, HabitRecord, NewHabit, ReminderRecord, Store, StoreError};

use crate::ActionError;

/// One reminder: a time of day on the weekdays of a mask (bit 0 = Monday … bit 6 = Sunday), as
/// the store keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminder {
    pub time: NaiveTime,
    pub weekdays: i64,
}

/// The mask of these weekdays (bit 0 = Monday).
pub fn weekday_mask(days: &[Weekday]) -> i64 {
    days.iter()
        .map(|day| 1_i64 << day.num_days_from_monday())
        .fold(0, |mask, bit| mask | bit)
}

/// A habit as the person writes it themselves (or changes one).
#[derive(Debug, Clone, Copy)]
pub struct OwnHabit<'a> {
    pub name: &'a str,
    pub stance: Option<HabitStance>,
    /// Why it matters to them, kept like a note.
    pub why: Option<&'a str>,
    /// For a measurable habit, once in its period's days (see [`leadback_core::habits::period_schedule`]).
    pub schedule: Schedule,
    /// Set for a measurable habit: what it counts and aims for (checked by [`Measure::new`]).
    pub measure: Option<&'a Measure>,
}

impl From<MeasureError> for ActionError {
    fn from(err: MeasureError) -> Self {
        Self::Invalid(err.to_string())
    }
}

impl OwnHabit<'_> {
    fn checked(&self) -> Result<(HabitName, Option<String>), ActionError> {
        let name = HabitName::parse(self.name)?;
        let why = self.why.map(check_in_note).transpose()?.flatten();
        if self.measure.is_some() && self.schedule.times() != 1 {
            return Err(ActionError::Invalid(
                "A measurable habit's target is per day, per week or per month.".to_owned(),
            ));
        }
        if let Some(measure) = self.measure {
            // A value built elsewhere (an IPC argument) is checked like a typed one.
            Measure::new(&measure.unit, measure.target, measure.at_most)?;
        }
        Ok((name, why))
    }
}

/// Adds a habit `person_id` wrote themselves.
pub fn add_own(
    store: &mut Store,
    person_id: i64,
    habit: OwnHabit<'_>,
    now: DateTime<Utc>,
) -> Result<HabitRecord, ActionError> {
    let (name, why) = habit.checked()?;
    let new = NewHabit {
        library_id: None,
        name: &name,
        stance: habit.stance,
        why: why.as_deref(),
        schedule: habit.schedule,
        measure: habit.measure.cloned(),
    };
    Ok(store.add_habit(person_id, &new, now)?)
}

/// Changes `person_id`'s habit `habit_id` to `habit`.
pub fn update(
    store: &mut Store,
    person_id: i64,
    habit_id: i64,
    habit: OwnHabit<'_>,
) -> Result<HabitRecord, ActionError> {
    let (name, why) = habit.checked()?;
    habit_of(store, person_id, habit_id)?;
    Ok(store.update_habit(
        habit_id,
        &name,
        habit.stance,
        why.as_deref(),
        habit.schedule,
        habit.measure,
    )?)
}

/// A habit of the library to add, optionally with a stance or schedule of the person's own.
#[derive(Debug, Clone, Copy)]
pub struct FromLibrary<'a> {
    pub library_id: &'a str,
    pub stance: Option<HabitStance>,
    pub schedule: Option<Schedule>,
}

/// Adds a habit of the library to `person_id`'s list, once: if they have it already (not
/// archived), that habit is returned as it is, with `false`.
pub fn add_from_library(
    store: &mut Store,
    library: &HabitLibrary,
    person_id: i64,
    wanted: FromLibrary<'_>,
    now: DateTime<Utc>,
) -> Result<(HabitRecord, bool), ActionError> {
    let habit = library.get(wanted.library_id).ok_or_else(|| {
        ActionError::NotFound(format!(
            "There is no habit {:?} in the library.",
            wanted.library_id
        ))
    })?;
    let name = HabitName::parse(&habit.name)?;
    if habit.measure.is_some() && wanted.schedule.is_some_and(|s| s.times() != 1) {
        return Err(ActionError::Invalid(format!(
            "\"{}\" is measurable: its target is per day, per week or per month, not a schedule.",
            habit.name
        )));
    }
    let new = NewHabit {
        stance: wanted.stance.or(Some(habit.stance)),
        schedule: wanted.schedule.unwrap_or(habit.schedule),
        ..NewHabit::from_library(habit, &name)
    };
    Ok(store.library_habit_once(person_id, &new, now)?)
}

/// Puts `person_id`'s habits in the order of `habit_ids` (each once).
pub fn reorder(store: &mut Store, person_id: i64, habit_ids: &[i64]) -> Result<(), ActionError> {
    let distinct: std::collections::BTreeSet<_> = habit_ids.iter().collect();
    if distinct.len() != habit_ids.len() {
        return Err(ActionError::Invalid(
            "The new order lists a habit twice.".to_owned(),
        ));
    }
    Ok(store.reorder_habits(person_id, habit_ids)?)
}

/// `person_id`'s habit `habit_id`; someone else's is as good as missing.
pub fn habit_of(store: &Store, person_id: i64, habit_id: i64) -> Result<HabitRecord, ActionError> {
    let habit = store.habit(habit_id)?;
    if habit.person_id != person_id {
        return Err(StoreError::NotFound {
            what: "habit",
            id: habit_id,
        }
        .into());
    }
    Ok(habit)
}

/// Replaces the reminders of `person_id`'s habit `habit_id` (none clears them), in one
/// transaction. Each reminder must make a [`ReminderRule`] (a time, at least one weekday), all
/// together at most as many times a day as a rule allows, and no two at the same time.
pub fn set_reminders(
    store: &mut Store,
    person_id: i64,
    habit_id: i64,
    reminders: &[Reminder],
) -> Result<Vec<ReminderRecord>, ActionError> {
    let invalid = |err: &dyn std::fmt::Display| ActionError::Invalid(sentence(err));
    for reminder in reminders {
        if !(0..=127).contains(&reminder.weekdays) {
            return Err(ActionError::Invalid(format!(
                "{} is not a set of weekdays.",
                reminder.weekdays
            )));
        }
        let days = WEEK
            .into_iter()
            .enumerate()
            .filter(|(bit, _)| reminder.weekdays & (1 << bit) != 0)
            .map(|(_, day)| day);
        ReminderRule::new([reminder.time], days).map_err(|e| invalid(&e))?;
    }
    if !reminders.is_empty() {
        ReminderRule::every_day(reminders.iter().map(|r| r.time)).map_err(|e| invalid(&e))?;
    }
    let times: std::collections::BTreeSet<_> = reminders.iter().map(|r| r.time).collect();
    if times.len() != reminders.len() {
        return Err(ActionError::Invalid(
            "Two reminders are at the same time; give each its own time.".to_owned(),
        ));
    }
    habit_of(store, person_id, habit_id)?;
    let pairs: Vec<(NaiveTime, i64)> = reminders.iter().map(|r| (r.time, r.weekdays)).collect();
    Ok(store.set_reminders(habit_id, &pairs)?)
}

/// Archives `person_id`'s habit (it leaves today's list, its history stays), or brings it back.
pub fn archive(
    store: &mut Store,
    clock: &dyn Clock,
    person_id: i64,
    habit_id: i64,
    archived: bool,
) -> Result<HabitRecord, ActionError> {
    habit_of(store, person_id, habit_id)?;
    Ok(store.set_habit_archived(habit_id, archived, clock.now())?)
}

/// Mean strength of `person_id`'s habits per stance, per week, from each habit's first check-in
/// to today (archived habits count for the weeks they were kept). The daily strengths are the
/// habits' derived values, brought up to date, not ten years walked again.
pub fn rollup(
    store: &Store,
    clock: &dyn Clock,
    person_id: i64,
) -> Result<Vec<StanceRollup>, ActionError> {
    let today = clock.today();
    let habits: Vec<HabitRecord> = store
        .habits(person_id, true)?
        .into_iter()
        .filter(|habit| habit.stance.is_some())
        .collect();
    let derived = store.derived_habits(&habits, today)?;
    let series: Vec<(HabitStance, Vec<_>)> = habits
        .iter()
        .filter_map(|habit| {
            let stance = habit.stance?;
            let derived = derived.get(&habit.id)?;
            Some((stance, derived.series(derived.first)))
        })
        .collect();
    let borrowed: Vec<(HabitStance, &[_])> =
        series.iter().map(|(s, v)| (*s, v.as_slice())).collect();
    Ok(stance_rollup(&borrowed, Period::Week))
}

/// What a check-in does to the day's note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteChange<'a> {
    /// The day's note stays as it is (a state must then be given).
    Keep,
    /// The day's note becomes this; blank or `None` removes it.
    Set(Option<&'a str>),
}

/// One day's check-in of a habit.
#[derive(Debug, Clone, Copy)]
pub struct CheckIn<'a> {
    pub habit_id: i64,
    /// Today or an earlier day; days to come are refused.
    pub day: NaiveDate,
    /// `None` with no note clears the day.
    pub state: Option<CheckState>,
    pub note: NoteChange<'a>,
}

/// Records a day's check-in of `person_id`'s habit, in one transaction; everything is checked
/// before anything is written. Returns the day as stored (`None` when it was cleared).
pub fn check_in(
    store: &mut Store,
    clock: &dyn Clock,
    person_id: i64,
    input: CheckIn<'_>,
) -> Result<Option<CheckInRecord>, ActionError> {
    let day =
        check_in_date(input.day, clock.today()).map_err(|e| ActionError::Invalid(e.to_string()))?;
    let note = match input.note {
        NoteChange::Keep => None,
        NoteChange::Set(note) => Some(note.map(check_in_note).transpose()?.flatten()),
    };
    habit_of(store, person_id, input.habit_id)?;
    let now = clock.now();
    match (note, input.state) {
        (Some(note), state) => {
            Ok(store.check_in(input.habit_id, day, state, note.as_deref(), now)?)
        }
        (None, Some(state)) => Ok(Some(store.check_in_keeping_note(
            input.habit_id,
            day,
            state,
            now,
        )?)),
        (None, None) => Err(ActionError::Invalid(
            "Give how the day went (done, not done or skipped), or a note.".to_owned(),
        )),
    }
}

/// One day's amount of a measurable habit.
#[derive(Debug, Clone, Copy)]
pub struct AmountIn<'a> {
    pub habit_id: i64,
    /// Today or an earlier day; days to come are refused.
    pub day: NaiveDate,
    /// Zero or more (checked here; kept to thousandths).
    pub amount: f64,
    pub note: NoteChange<'a>,
}

/// Records a day's amount of `person_id`'s measurable habit, in one transaction; everything is
/// checked before anything is written (a negative amount, a day to come, a yes/no habit).
pub fn enter_amount(
    store: &mut Store,
    clock: &dyn Clock,
    person_id: i64,
    input: AmountIn<'_>,
) -> Result<CheckInRecord, ActionError> {
    let day =
        check_in_date(input.day, clock.today()).map_err(|e| ActionError::Invalid(e.to_string()))?;
    let amount = checked_amount("The amount", input.amount)?;
    habit_of(store, person_id, input.habit_id)?;
    let now = clock.now();
    Ok(match input.note {
        NoteChange::Keep => store.check_in_amount_keeping_note(input.habit_id, day, amount, now)?,
        NoteChange::Set(note) => {
            let note = note.map(check_in_note).transpose()?.flatten();
            store.check_in_amount(input.habit_id, day, amount, note.as_deref(), now)?
        }
    })
}

/// Domain messages are written to follow "error:"; alone they start a sentence.
fn sentence(err: &dyn std::fmt::Display) -> String {
    let message = err.to_string();
    let mut chars = message.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect::<String>() + "."
    })
}
