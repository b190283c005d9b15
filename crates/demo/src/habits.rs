//! Habits and the daily check-ins: which habits the person takes on and when, which they archive,
//! how each is kept up day by day, and the energy check-in most evenings.

use std::f64::consts::TAU;

use chrono::{Datelike, Weekday};
use leadback_core::habits::{
    CheckState, HabitLibrary, HabitName, HabitStance, Schedule, WEEK, check_in_note,
};
use leadback_store::NewHabit;

use super::life::Life;
use super::texts::{ENERGY_NOTES, MISSED_NOTES, OWN_HABITS, SKIPPED_NOTES, done_notes};
use super::{Demo, at};
use crate::DemoError;

#[derive(Debug, Clone)]
pub(super) struct HabitSpec {
    pub(super) library_id: Option<String>,
    pub(super) name: String,
    pub(super) stance: Option<HabitStance>,
    pub(super) why: Option<String>,
    pub(super) schedule: Schedule,
}

/// One habit as added, and how the person keeps it up.
#[derive(Debug, Clone)]
pub(super) struct HabitPlan {
    pub(super) id: i64,
    stance: Option<HabitStance>,
    schedule: Schedule,
    /// Day indexes: added on `first`, checked in until `end` (exclusive: archived, or today).
    first: usize,
    end: usize,
    /// How often it is done when life is ordinary, 0–1; the weekly level drifts around it.
    pub(super) adherence: f64,
    /// How much a done day makes the next one likelier (0: independent days).
    persistence: f64,
    /// Given up before being archived (rather than archived because it became second nature).
    fades: bool,
    /// For schedules counted in weeks: the weekdays it is usually done on.
    weekdays: Vec<Weekday>,
}

impl HabitPlan {
    /// Work habits mostly have no chance at weekends, on holiday or when ill.
    fn at_work(&self) -> bool {
        self.stance != Some(HabitStance::Rest)
    }
}

const WORKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

impl Demo<'_> {
    /// The library's yes/no habits in a random order, then own ones. (The measurable practices
    /// are left out, so the demo's ten years stay what the benchmarks have always measured.)
    pub(super) fn specs(
        &mut self,
        library: &HabitLibrary,
        count: usize,
    ) -> Result<Vec<HabitSpec>, DemoError> {
        let mut from_library: Vec<HabitSpec> = library
            .habits()
            .iter()
            .filter(|h| h.measure.is_none())
            .map(|h| HabitSpec {
                library_id: Some(h.id.clone()),
                name: h.name.clone(),
                stance: Some(h.stance),
                why: Some(h.why.clone()),
                schedule: h.schedule,
            })
            .collect();
        self.rng.shuffle(&mut from_library);
        let mut specs: Vec<HabitSpec> = from_library.into_iter().take(count).collect();
        let mut round = 1;
        while specs.len() < count {
            for (name, stance, schedule) in OWN_HABITS {
                if specs.len() == count {
                    break;
                }
                let name = if round == 1 {
                    name.to_owned()
                } else {
                    format!("{name} ({round})")
                };
                specs.push(HabitSpec {
                    library_id: None,
                    name,
                    stance,
                    why: None,
                    schedule: Schedule::parse(schedule)
                        .map_err(|e| DemoError::Data(e.to_string()))?,
                });
            }
            round += 1;
        }
        Ok(specs)
    }

    pub(super) fn add_habit(
        &mut self,
        spec: &HabitSpec,
        life: &Life,
        first: usize,
        end: usize,
    ) -> Result<HabitPlan, DemoError> {
        let name = HabitName::parse(&spec.name)?;
        let new = NewHabit {
            library_id: spec.library_id.as_deref(),
            name: &name,
            stance: spec.stance,
            why: spec.why.as_deref(),
            schedule: spec.schedule,
            measure: None,
        };
        let minute = 19 * 60 + 30 + self.rng.below(60);
        let record = self
            .store
            .add_habit(self.me, &new, at(life.date(first), minute))?;
        self.made.habits += 1;
        let mut plan = HabitPlan {
            id: record.id,
            stance: spec.stance,
            schedule: spec.schedule,
            first,
            end,
            adherence: self.rng.range(0.5, 0.93),
            persistence: self.rng.range(0.3, 0.8),
            fades: false,
            weekdays: Vec::new(),
        };
        let times = usize::try_from(spec.schedule.times()).unwrap_or(1);
        if spec.schedule.days() == 7 {
            let mut pool = if plan.at_work() {
                WORKDAYS.to_vec()
            } else {
                WEEK.to_vec()
            };
            self.rng.shuffle(&mut pool);
            pool.truncate(times);
            plan.weekdays = pool;
        }
        Ok(plan)
    }

    /// Archives about one habit in six, some given up (fading first), some second nature by then.
    pub(super) fn archive_some(
        &mut self,
        plans: &mut [HabitPlan],
        life: &Life,
        span: usize,
    ) -> Result<(), DemoError> {
        let wanted = (plans.len() + 2) / 6;
        let mut candidates: Vec<usize> = (0..plans.len())
            .filter(|&i| plans.get(i).is_some_and(|p| p.first + 120 < span))
            .collect();
        self.rng.shuffle(&mut candidates);
        for index in candidates.into_iter().take(wanted) {
            let Some(plan) = plans.get_mut(index) else {
                continue;
            };
            let latest = (span - 14).min(plan.first + 3 * 365);
            let day = self
                .rng
                .between(plan.first + 90, latest.max(plan.first + 91));
            plan.end = day.min(span);
            plan.fades = self.rng.chance(0.6);
            self.store
                .set_habit_archived(plan.id, true, at(life.date(plan.end), 21 * 60))?;
            self.made.archived += 1;
        }
        Ok(())
    }

    /// A habit's check-ins: a two-state Markov chain per day (done / not done) whose level drifts
    /// week by week around the habit's own adherence, bent by what the day was like.
    pub(super) fn check_ins(
        &mut self,
        plan: &HabitPlan,
        life: &Life,
        note_rate: f64,
    ) -> Result<(), DemoError> {
        let records_misses = self.rng.range(0.15, 0.6);
        let mut level = plan.adherence;
        let mut done_before = false;
        for index in plan.first..plan.end {
            let age = index - plan.first;
            if age.is_multiple_of(7) {
                let mut target = plan.adherence + 0.08 * life.progress(index);
                if plan.fades && plan.end - index < 90 {
                    target *= (plan.end - index) as f64 / 90.0;
                }
                level += 0.05 * self.rng.normal() + 0.15 * (target - level);
                level = level.clamp(0.03, 0.97);
            }
            let day = life.day(index);
            if day.closed {
                done_before = false;
                continue;
            }
            let date = life.date(index);
            let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
            let daily = plan.schedule.is_daily();
            let no_chance = plan.at_work() && (day.away || day.ill || (daily && weekend));
            // New habits get a honeymoon of three weeks.
            let mut p = level + if age < 21 { 0.1 } else { 0.0 };
            if day.busy {
                p *= 0.7;
            }
            if day.ill {
                p *= 0.3;
            }
            if day.away && !plan.at_work() {
                p *= 1.2;
            }
            p = p.min(0.97);
            if daily {
                p = if done_before {
                    p + plan.persistence * (1.0 - p)
                } else {
                    p * (1.0 - plan.persistence)
                };
            } else if plan.weekdays.is_empty() {
                p *= f64::from(plan.schedule.times()) / f64::from(plan.schedule.days());
            } else if !plan.weekdays.contains(&date.weekday()) {
                p *= 0.08;
            }
            let planned = daily || plan.weekdays.contains(&date.weekday());
            let state = if no_chance && self.rng.chance(0.8) {
                // Mostly marked "no chance today"; some left blank, which breaks a streak.
                self.rng.chance(0.7).then_some(CheckState::Skipped)
            } else if self.rng.chance(p) {
                Some(CheckState::Done)
            } else if self.rng.chance(0.02) {
                Some(CheckState::Skipped)
            } else if planned && self.rng.chance(if daily { records_misses } else { 0.15 }) {
                Some(CheckState::NotDone)
            } else {
                None
            };
            done_before = state == Some(CheckState::Done);
            let Some(state) = state else {
                continue;
            };
            let rate = match state {
                CheckState::Done => note_rate,
                CheckState::NotDone | CheckState::Skipped => note_rate / 2.0,
            };
            let note = if self.rng.chance(rate) {
                let pool = match state {
                    CheckState::Done => done_notes(plan.stance),
                    CheckState::NotDone => MISSED_NOTES,
                    CheckState::Skipped => SKIPPED_NOTES,
                };
                let text = self.made_up(pool);
                check_in_note(&text)?
            } else {
                None
            };
            let minute = 20 * 60 + self.rng.below(150);
            self.store.check_in(
                plan.id,
                date,
                Some(state),
                note.as_deref(),
                at(date, minute),
            )?;
            self.made.check_ins += 1;
            self.made.check_in_notes += usize::from(note.is_some());
        }
        Ok(())
    }

    /// Energy on most open days: seasons, weekdays, busy weeks and illness, and a slow lift as the
    /// practice settles in. Returns each day's level (`None` when not recorded).
    pub(super) fn energy(
        &mut self,
        life: &Life,
        recorded: f64,
    ) -> Result<Vec<Option<i64>>, DemoError> {
        let baseline = 3.0 + self.rng.range(-0.3, 0.3);
        let season = self.rng.range(0.0, TAU);
        let mut levels = Vec::with_capacity(life.days.len());
        for (index, day) in life.days.iter().enumerate() {
            if day.closed || !self.rng.chance(recorded) {
                levels.push(None);
                continue;
            }
            let date = life.date(index);
            let weekday = match date.weekday() {
                Weekday::Mon => -0.25,
                Weekday::Fri => 0.1,
                Weekday::Sat | Weekday::Sun => 0.35,
                _ => 0.0,
            };
            let seasonal = 0.35 * (TAU * f64::from(date.ordinal()) / 365.0 + season).sin();
            let mut value = baseline
                + seasonal
                + weekday
                + 0.6 * life.progress(index)
                + 0.7 * self.rng.normal();
            if day.busy {
                value -= 0.8;
            }
            if day.ill {
                value -= 1.5;
            }
            if day.away {
                value += 0.7;
            }
            let level = (value.round() as i64).clamp(1, 5);
            let note = if self.rng.chance(0.04) {
                let text = if day.ill {
                    "Off sick, mostly resting."
                } else if day.away {
                    "Holiday. Slept in."
                } else if day.busy {
                    "Deadline week."
                } else {
                    self.rng.text(ENERGY_NOTES)
                };
                check_in_note(text)?
            } else {
                None
            };
            let minute = 21 * 60 + self.rng.below(90);
            self.store
                .set_energy(self.me, date, level, note.as_deref(), at(date, minute))?;
            self.made.energy += 1;
            levels.push(Some(level));
        }
        Ok(levels)
    }
}
