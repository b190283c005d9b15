//! Read models over habits: what the home screen, the habit screen and the CLI show, computed once
//! here with the domain's formulas, so every surface shows the same numbers. Strength and streaks
//! come from each habit's derived values (`derived`), brought up to date from the check-ins that
//! changed, so a screen's cost does not grow with the years of history.

use chrono::NaiveDate;
use std::collections::BTreeMap;

use leadback_core::habits::{
    Amounts, CheckIns, CheckState, CompletionRate, DailyStrength, DayAmount, DerivedHabit, Measure,
    Period, Schedule, Streaks, StrengthExplanation, completion_rates, explain_measured,
    explain_strength, measured_strength_on, measured_strength_series, met_between, met_days,
    period_sum, streaks, strength_on, strength_series,
};
use serde::Serialize;
use ts_rs::TS;

use crate::{CheckInRecord, HabitRecord, Store, StoreError};

mod derived;

pub(crate) use derived::prepare as prepare_derived;

/// A habit with where it stands today.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HabitOverview {
    pub habit: HabitRecord,
    /// Today's state, if checked in ("done" for a measurable habit's amount).
    pub today: Option<CheckState>,
    /// Today's note, if one was written.
    pub today_note: Option<String>,
    /// A measurable habit's amount entered today; null otherwise.
    pub today_amount: Option<f64>,
    /// A measurable habit's sum over the period ending today (the last 7 days for a weekly
    /// target), to set against its target; null for a yes/no habit.
    pub period_amount: Option<f64>,
    /// 0–1, at the end of today.
    pub strength: f64,
    /// For a measurable habit, runs of days that met the target.
    pub streaks: Streaks,
    /// The last seven days, oldest first (today last); for a measurable habit, "done" is a day
    /// whose period met the target.
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
        let habits = self.habits(person_id, include_archived)?;
        let mut recent = self.last_week(person_id, today)?;
        let mut derived = self.numbers_as_of(&habits, today)?;
        habits
            .into_iter()
            .map(|habit| {
                let (states, note) = recent.remove(&habit.id).unwrap_or_default();
                let numbers = derived.remove(&habit.id).unwrap_or_default();
                match habit.measure.clone() {
                    Some(measure) => self.measured_overview(habit, &measure, numbers, note, today),
                    None => Ok(overview(habit, &states, numbers, note, today)),
                }
            })
            .collect()
    }

    /// A measurable habit's row: its numbers (derived) and only the days its last week's sums
    /// read, so its cost does not grow with the years either.
    fn measured_overview(
        &self,
        habit: HabitRecord,
        measure: &Measure,
        numbers: (f64, Streaks),
        today_note: Option<String>,
        today: NaiveDate,
    ) -> Result<HabitOverview, StoreError> {
        let period = habit.schedule;
        let week_ago = today
            .checked_sub_days(chrono::Days::new(6))
            .unwrap_or(today);
        let reach = chrono::Days::new(u64::from(period.days()) - 1);
        let amounts = self.habit_amounts_from(
            habit.id,
            week_ago.checked_sub_days(reach).unwrap_or(week_ago),
        )?;
        let met = match self.first_entry(habit.id)? {
            Some(first) if first <= today => {
                met_between(measure, period, &amounts, first.max(week_ago), today)
            }
            _ => CheckIns::new(),
        };
        let entered = amounts.get(&today).copied();
        let mut row = overview(habit, &met, numbers, today_note, today);
        row.today = entered.map(|day| match day {
            DayAmount::Amount(_) => CheckState::Done,
            DayAmount::Skipped => CheckState::Skipped,
        });
        row.today_amount = match entered {
            Some(DayAmount::Amount(amount)) => Some(amount),
            _ => None,
        };
        row.period_amount = Some(period_sum(period, &amounts, today));
        Ok(row)
    }

    /// The first day with a check-in (of any state) of a habit.
    fn first_entry(&self, habit_id: i64) -> Result<Option<NaiveDate>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT min(day) FROM check_in WHERE habit_id = ?1 AND state IS NOT NULL",
            )?
            .query_row([habit_id], |row| row.get(0))?)
    }

    /// A measurable habit's numbers from every amount (the habit page, a day in the past).
    fn measured(
        &self,
        habit: &HabitRecord,
        measure: &Measure,
        today: NaiveDate,
    ) -> Result<Measured, StoreError> {
        let measure = measure.clone();
        let amounts = self.habit_amounts(habit.id)?;
        let met = met_days(&measure, habit.schedule, &amounts, today);
        Ok(Measured {
            strength: measured_strength_on(&measure, habit.schedule, &amounts, today),
            streaks: streaks(Schedule::DAILY, &met, today),
            period: habit.schedule,
            measure,
            amounts,
            met,
        })
    }

    /// Strength and streaks as of `today`: from the derived values, or, for a day before the
    /// last one they were computed for (`--as-of` in the past), from every check-in.
    fn numbers_as_of(
        &self,
        habits: &[HabitRecord],
        today: NaiveDate,
    ) -> Result<BTreeMap<i64, (f64, Streaks)>, StoreError> {
        let derived = self.derived_habits(habits, today)?;
        let mut numbers = BTreeMap::new();
        for habit in habits {
            let entry = match (derived.get(&habit.id), &habit.measure) {
                (Some(d), _) if d.through() == today => {
                    (d.strength_on(today).unwrap_or(0.0), d.streaks)
                }
                // A measurable habit from every amount: before the derived values' last day, or
                // with no entry yet (an "at most" habit then stands at full strength, as in Loop).
                (_, Some(measure)) => {
                    let measured = self.measured(habit, measure, today)?;
                    (measured.strength, measured.streaks)
                }
                (Some(_), None) => {
                    let check_ins = self.habit_states(habit.id)?;
                    (
                        strength_on(habit.schedule, &check_ins, today),
                        streaks(habit.schedule, &check_ins, today),
                    )
                }
                (None, None) => (0.0, Streaks::default()),
            };
            numbers.insert(habit.id, entry);
        }
        Ok(numbers)
    }

    /// The last seven days' states and today's note, by habit.
    fn last_week(
        &self,
        person_id: i64,
        today: NaiveDate,
    ) -> Result<BTreeMap<i64, (CheckIns, Option<String>)>, StoreError> {
        let week_ago = today
            .checked_sub_days(chrono::Days::new(6))
            .unwrap_or(today);
        let mut by_habit: BTreeMap<i64, (CheckIns, Option<String>)> = BTreeMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.habit_id, c.day, c.state, c.note FROM check_in c JOIN habit h ON h.id = c.habit_id
             WHERE h.person_id = ?1 AND c.day BETWEEN ?2 AND ?3",
        )?;
        let mut rows = stmt.query(rusqlite::params![person_id, week_ago, today])?;
        while let Some(row) = rows.next()? {
            let habit: i64 = row.get(0)?;
            let day: NaiveDate = row.get(1)?;
            let state: Option<String> = row.get(2)?;
            let note: Option<String> = row.get(3)?;
            let entry = by_habit.entry(habit).or_default();
            if let Some(state) = state {
                entry.0.insert(day, crate::check_ins::parse_state(&state)?);
            }
            if day == today {
                entry.1 = note;
            }
        }
        Ok(by_habit)
    }

    fn habit_states(&self, habit_id: i64) -> Result<CheckIns, StoreError> {
        Ok(self
            .check_ins(habit_id)?
            .into_iter()
            .filter_map(|e| e.state.map(|s| (e.day, s)))
            .collect())
    }

    pub fn habit_detail(&self, habit_id: i64, today: NaiveDate) -> Result<HabitDetail, StoreError> {
        let habit = self.habit(habit_id)?;
        let entries = self.check_ins(habit_id)?;
        if let Some(measure) = &habit.measure {
            let measured = self.measured(&habit, measure, today)?;
            return Ok(measured.detail(habit, entries, today));
        }
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
        let derived = self
            .derived_habits(std::slice::from_ref(&habit), today)?
            .remove(&habit.id)
            .filter(|d| d.through() == today);
        let numbers = match &derived {
            Some(d) => (d.strength_on(today).unwrap_or(0.0), d.streaks),
            None => (
                strength_on(schedule, &check_ins, today),
                streaks(schedule, &check_ins, today),
            ),
        };
        Ok(HabitDetail {
            strength: derived.map_or_else(
                || strength_series(schedule, &check_ins, from, today),
                |d: DerivedHabit| d.series(from),
            ),
            weekly: completion_rates(schedule, &check_ins, Period::Week, today),
            monthly: completion_rates(schedule, &check_ins, Period::Month, today),
            explanation: explain_strength(schedule, &check_ins, today),
            overview: overview(habit, &check_ins, numbers, today_note, today),
            entries,
        })
    }
}

/// A measurable habit's history and numbers, as every screen reads them: strength by the
/// measurable rule, streaks and rates over the days that met the target.
struct Measured {
    measure: Measure,
    period: Schedule,
    amounts: Amounts,
    met: CheckIns,
    strength: f64,
    streaks: Streaks,
}

impl Measured {
    fn overview(
        &self,
        habit: HabitRecord,
        today_note: Option<String>,
        today: NaiveDate,
    ) -> HabitOverview {
        let entered = self.amounts.get(&today).copied();
        let mut overview = overview(
            habit,
            &self.met,
            (self.strength, self.streaks),
            today_note,
            today,
        );
        overview.today = entered.map(|day| match day {
            DayAmount::Amount(_) => CheckState::Done,
            DayAmount::Skipped => CheckState::Skipped,
        });
        overview.today_amount = match entered {
            Some(DayAmount::Amount(amount)) => Some(amount),
            _ => None,
        };
        overview.period_amount = Some(period_sum(self.period, &self.amounts, today));
        overview
    }

    fn detail(
        self,
        habit: HabitRecord,
        entries: Vec<CheckInRecord>,
        today: NaiveDate,
    ) -> HabitDetail {
        let added = habit.created_at.date_naive().min(today);
        let from = entries.first().map_or(added, |e| e.day.min(added));
        let today_note = entries
            .iter()
            .find(|e| e.day == today)
            .and_then(|e| e.note.clone());
        HabitDetail {
            strength: measured_strength_series(
                &self.measure,
                self.period,
                &self.amounts,
                from,
                today,
            ),
            weekly: completion_rates(Schedule::DAILY, &self.met, Period::Week, today),
            monthly: completion_rates(Schedule::DAILY, &self.met, Period::Month, today),
            explanation: explain_measured(&self.measure, self.period, &self.amounts, today),
            overview: self.overview(habit, today_note, today),
            entries,
        }
    }
}

fn overview(
    habit: HabitRecord,
    check_ins: &CheckIns,
    (strength, streaks): (f64, Streaks),
    today_note: Option<String>,
    today: NaiveDate,
) -> HabitOverview {
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
        today_note,
        today_amount: None,
        period_amount: None,
        strength,
        streaks,
        last_week,
        habit,
    }
}
