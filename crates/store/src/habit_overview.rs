//! Read models over habits: what the home screen, the habit screen and the CLI show, computed once
//! here from the stored check-ins with the domain's formulas, so every surface shows the same
//! numbers.

use chrono::NaiveDate;
use leadback_core::habits::{
    CheckIns, CheckState, CompletionRate, DailyStrength, Period, Streaks, StrengthExplanation,
    completion_rates, explain_strength, streaks, strength_on, strength_series,
};
use serde::Serialize;
use ts_rs::TS;

use crate::{CheckInRecord, HabitRecord, Store, StoreError};

/// A habit with where it stands today.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HabitOverview {
    pub habit: HabitRecord,
    /// Today's state, if checked in.
    pub today: Option<CheckState>,
    /// Today's note, if one was written.
    pub today_note: Option<String>,
    /// 0–1, at the end of today.
    pub strength: f64,
    pub streaks: Streaks,
    /// The last seven days, oldest first (today last).
    pub last_week: Vec<Option<CheckState>>,
}

/// Everything the habit screen shows about one habit.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HabitDetail {
    pub overview: HabitOverview,
    pub entries: Vec<CheckInRecord>,
    /// Daily strength from the first entry (or the day the habit was added) to today.
    pub strength: Vec<DailyStrength>,
    pub weekly: Vec<CompletionRate>,
    pub monthly: Vec<CompletionRate>,
    pub explanation: StrengthExplanation,
}

impl Store {
    /// A person's habits (archived ones too when asked) with today's numbers.
    pub fn habit_overviews(
        &self,
        person_id: i64,
        include_archived: bool,
        today: NaiveDate,
    ) -> Result<Vec<HabitOverview>, StoreError> {
        let mut states = self.check_in_states(person_id)?;
        let mut notes = self.notes_on(person_id, today)?;
        Ok(self
            .habits(person_id, include_archived)?
            .into_iter()
            .map(|habit| {
                let check_ins = states.remove(&habit.id).unwrap_or_default();
                let note = notes.remove(&habit.id);
                HabitOverview {
                    today_note: note,
                    ..overview(habit, &check_ins, today)
                }
            })
            .collect())
    }

    pub fn habit_detail(&self, habit_id: i64, today: NaiveDate) -> Result<HabitDetail, StoreError> {
        let habit = self.habit(habit_id)?;
        let entries = self.check_ins(habit_id)?;
        let check_ins: CheckIns = entries
            .iter()
            .filter_map(|e| e.state.map(|s| (e.day, s)))
            .collect();
        let schedule = habit.schedule;
        let added = habit.created_at.date_naive().min(today);
        let from = entries.first().map_or(added, |e| e.day.min(added));
        let today_note = entries
            .iter()
            .find(|e| e.day == today)
            .and_then(|e| e.note.clone());
        Ok(HabitDetail {
            strength: strength_series(schedule, &check_ins, from, today),
            weekly: completion_rates(schedule, &check_ins, Period::Week, today),
            monthly: completion_rates(schedule, &check_ins, Period::Month, today),
            explanation: explain_strength(schedule, &check_ins, today),
            overview: HabitOverview {
                today_note,
                ..overview(habit, &check_ins, today)
            },
            entries,
        })
    }
}

fn overview(habit: HabitRecord, check_ins: &CheckIns, today: NaiveDate) -> HabitOverview {
    let last_week = (0..7)
        .rev()
        .map(|back| {
            today
                .checked_sub_days(chrono::Days::new(back))
                .and_then(|day| check_ins.get(&day).copied())
        })
        .collect();
    HabitOverview {
        today: check_ins.get(&today).copied(),
        today_note: None,
        strength: strength_on(habit.schedule, check_ins, today),
        streaks: streaks(habit.schedule, check_ins, today),
        last_week,
        habit,
    }
}
