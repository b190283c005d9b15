//! Habit strength: Loop Habit Tracker's published score, re-implemented from its description (Loop
//! is GPL; this is the maths, not its code). People who come from Loop know this number and bring
//! their history with them, so matching Loop's own exports to four decimals is a feature.
//!
//! With N/M the schedule ([`Schedule`]) and `frequency = N/M`:
//! - the window: if frequency < 1, N and M are doubled (so 3 a week is judged as 6 in 14 days,
//!   which forgives an uneven week);
//! - each day, in date order, `value = min(1, done days among the last M days / N)`, the last M
//!   days ending on and including that day;
//! - `multiplier = 0.5^(sqrt(frequency) / 13)`, so without practice a daily habit's strength halves
//!   in 13 days, and a rarer habit's more slowly;
//! - `strength = previous × multiplier + value × (1 − multiplier)`, starting from 0.
//!
//! "Not done" and "not entered" are both simply not done. A skipped day is Loop's (2.x): that day's
//! strength stays as it was the day before, but the window is still the last M *calendar* days, in
//! which a skipped day counts as not done (it is no practice, and it does not stretch the window
//! back to older days).

use std::collections::VecDeque;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::timeline::{days, first_record};
use super::{CheckIns, CheckState, Schedule};

/// How much of yesterday's strength survives a day: `0.5^(sqrt(frequency) / 13)`.
pub fn multiplier(frequency: f64) -> f64 {
    0.5_f64.powf(frequency.sqrt() / 13.0)
}

/// One day's step: the strength after a day worth `value` (0–1), from `previous`.
pub fn strength_step(frequency: f64, previous: f64, value: f64) -> f64 {
    let m = multiplier(frequency);
    previous * m + value * (1.0 - m)
}

/// A habit's strength (0–1) at the end of one day.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DailyStrength {
    pub date: NaiveDate,
    pub strength: f64,
}

/// The strength at the end of each day from `from` to `to` (inclusive; empty if `from > to`).
/// History before `from` counts; records after `to` are ignored. Linear in the days walked, with
/// an O(1) sliding window, so ten years of daily history is a few microseconds' work.
pub fn strength_series(
    schedule: Schedule,
    check_ins: &CheckIns,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<DailyStrength> {
    let capacity = usize::try_from((to - from).num_days() + 1).unwrap_or(0);
    let mut series = Vec::with_capacity(capacity);
    let start = first_record(check_ins).map_or(from, |first| first.min(from));
    let mut engine = Engine::new(schedule);
    for (date, state) in days(check_ins, start, to) {
        let strength = engine.push(state);
        if date >= from {
            series.push(DailyStrength { date, strength });
        }
    }
    series
}

/// The strength at the end of `date`.
pub fn strength_on(schedule: Schedule, check_ins: &CheckIns, date: NaiveDate) -> f64 {
    Engine::run(schedule, check_ins, date).strength()
}

/// The running computation: the strength so far and the done days in the current window.
#[derive(Debug, Clone)]
pub(super) struct Engine {
    multiplier: f64,
    /// N after doubling.
    needed: u32,
    /// M after doubling.
    size: usize,
    /// The last `size` calendar days, oldest first: was each one done?
    window: VecDeque<bool>,
    done_in_window: u32,
    strength: f64,
}

impl Engine {
    pub(super) fn new(schedule: Schedule) -> Self {
        let frequency = schedule.frequency();
        let scale = if frequency < 1.0 { 2 } else { 1 };
        let size = usize::try_from(schedule.days() * scale).unwrap_or(1);
        Self {
            multiplier: multiplier(frequency),
            needed: schedule.times() * scale,
            size,
            window: VecDeque::with_capacity(size),
            done_in_window: 0,
            strength: 0.0,
        }
    }

    /// The engine after every day from the first record to `to`.
    pub(super) fn run(schedule: Schedule, check_ins: &CheckIns, to: NaiveDate) -> Self {
        let mut engine = Self::new(schedule);
        if let Some(first) = first_record(check_ins) {
            for (_, state) in days(check_ins, first, to) {
                engine.push(state);
            }
        }
        engine
    }

    /// The engine at the end of a day whose strength was `strength`, `recent` being whether each
    /// of the last [`Engine::window_len`] days up to it was done, oldest first: exactly the engine
    /// a walk from the first record would have reached, so what follows is bit for bit the same.
    pub(super) fn resume(schedule: Schedule, strength: f64, recent: &[bool]) -> Self {
        let mut engine = Self::new(schedule);
        let skip = recent.len().saturating_sub(engine.size);
        for &done in &recent[skip..] {
            engine.window.push_back(done);
            engine.done_in_window += u32::from(done);
        }
        engine.strength = strength;
        engine
    }

    /// How many days back the window reaches (M, doubled for a habit rarer than daily).
    pub(super) fn window_len(&self) -> usize {
        self.size
    }

    pub(super) fn strength(&self) -> f64 {
        self.strength
    }

    pub(super) fn multiplier(&self) -> f64 {
        self.multiplier
    }

    /// Moves on one day and returns the strength at its end.
    pub(super) fn push(&mut self, state: Option<CheckState>) -> f64 {
        let done = state == Some(CheckState::Done);
        if self.window.len() == self.size && self.window.pop_front() == Some(true) {
            self.done_in_window -= 1;
        }
        self.window.push_back(done);
        if done {
            self.done_in_window += 1;
        }
        if state == Some(CheckState::Skipped) {
            // The day is in the window (as not done) but leaves the strength where it was.
            return self.strength;
        }
        let value = (f64::from(self.done_in_window) / f64::from(self.needed)).min(1.0);
        self.strength = self.strength * self.multiplier + value * (1.0 - self.multiplier);
        self.strength
    }
}
