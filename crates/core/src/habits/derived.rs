//! What a habit's history comes to — its daily strength and its streaks — kept so that a screen
//! reads it instead of walking years of check-ins, and brought up to date from the day that changed
//! rather than from the first record (as Loop keeps its computed scores).
//!
//! It is never the truth, only a shortcut to it: [`DerivedHabit::update`] after any changes gives,
//! bit for bit, what [`DerivedHabit::build`] gives from all the records, because it resumes exactly
//! the walk the formulas make. The strength resumes from the day before the change, with the
//! window of the last M days read again from the records. Streaks resume from a
//! [`StreakCheckpoint`]: the fold of the days up to one that no later change can touch any more
//! (every M-day run reaching it lies before the change).

use chrono::{Days, NaiveDate};

use super::measure::{
    Amounts, Measure, MeasuredEngine, measured_strength_series, met_between, met_days,
};
use super::streaks::{StreakFold, kept, timeline};
use super::strength::Engine;
use super::timeline::{days, first_record};
use super::{CheckIns, CheckState, DailyStrength, Schedule, Streaks};

/// A checkpoint every this many days of the timeline (days not skipped)...
const CHECKPOINT_EVERY: u32 = 32;

/// ...once its runs end at least this many timeline days before the last day walked, so that
/// back-filling the last two weeks resumes from a checkpoint.
const CHECKPOINT_MARGIN: usize = 14;

/// The streaks' fold up to a day, and what resuming from it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreakCheckpoint {
    /// Timeline days (not skipped) folded, from the first record.
    pub entries: u32,
    /// The last day folded.
    pub through: NaiveDate,
    /// A change on this day or earlier may change a folded day: the checkpoint is then dropped.
    pub stable_after: NaiveDate,
    /// Resuming walks the records from this day (the M-day runs reaching past `through`).
    pub resume_from: NaiveDate,
    pub fold: StreakFold,
}

/// A habit's daily strength from its first record, and its streaks, as of the last day computed.
#[derive(Debug, Clone, PartialEq)]
pub struct DerivedHabit {
    /// For a measurable habit, once in its period's days.
    pub schedule: Schedule,
    /// Set for a measurable habit: strength follows its amounts, streaks the days meeting it.
    pub measure: Option<Measure>,
    /// The first day with a record.
    pub first: NaiveDate,
    /// The strength at the end of each day from `first`; the last is [`DerivedHabit::through`]'s.
    pub strength: Vec<f64>,
    /// The streaks as of `through`.
    pub streaks: Streaks,
    /// Oldest first.
    pub checkpoints: Vec<StreakCheckpoint>,
}

impl DerivedHabit {
    /// Everything from the records, up to `to`; `None` when there is no record up to `to`.
    pub fn build(schedule: Schedule, check_ins: &CheckIns, to: NaiveDate) -> Option<Self> {
        let first = first_record(check_ins).filter(|first| *first <= to)?;
        let mut engine = Engine::new(schedule);
        let strength = days(check_ins, first, to)
            .map(|(_, state)| engine.push(state))
            .collect();
        let (streaks, checkpoints) = walk_streaks(schedule, check_ins, first, None, to);
        Some(Self {
            schedule,
            measure: None,
            first,
            strength,
            streaks,
            checkpoints,
        })
    }

    /// A measurable habit's values from its amounts, up to `to`: strength by the measurable rule,
    /// streaks over the days that met the target (a daily timeline: whether a day met it depends
    /// only on it and the days before); `None` with no entry up to `to`.
    pub fn build_measured(
        measure: &Measure,
        period: Schedule,
        amounts: &Amounts,
        to: NaiveDate,
    ) -> Option<Self> {
        let first = amounts
            .keys()
            .next()
            .copied()
            .filter(|first| *first <= to)?;
        let strength = measured_strength_series(measure, period, amounts, first, to)
            .into_iter()
            .map(|day| day.strength)
            .collect();
        let met = met_days(measure, period, amounts, to);
        let (streaks, checkpoints) = walk_streaks(Schedule::DAILY, &met, first, None, to);
        Some(Self {
            schedule: period,
            measure: Some(measure.clone()),
            first,
            strength,
            streaks,
            checkpoints,
        })
    }

    /// [`DerivedHabit::update`] for a measurable habit: `amounts` holds every entry from
    /// [`DerivedHabit::reads_from`]'s day on.
    pub fn update_measured(
        &mut self,
        amounts: &Amounts,
        changed: Option<NaiveDate>,
        to: NaiveDate,
    ) -> bool {
        let (Some(measure), Some(keep), Some(checkpoint)) = (
            self.measure.clone(),
            self.keep(changed, to),
            self.checkpoint_before(changed).copied(),
        ) else {
            return false;
        };
        let kept_days = days_between(self.first, keep) + 1;
        self.strength.truncate(kept_days);
        let last = self.strength.last().copied().unwrap_or(0.0);
        let window = MeasuredEngine::new(&measure, self.schedule).window_len();
        let recent: Vec<_> = (0..window)
            .rev()
            .map(|back| {
                keep.checked_sub_days(Days::new(back as u64))
                    .and_then(|day| amounts.get(&day).copied())
            })
            .collect();
        let mut engine = MeasuredEngine::resume(&measure, self.schedule, last, &recent);
        if let Some(next) = keep.succ_opt() {
            self.strength.extend(
                next.iter_days()
                    .take_while(|day| *day <= to)
                    .map(|day| engine.push(amounts.get(&day).copied())),
            );
        }

        self.checkpoints
            .retain(|c| changed.is_none_or(|day| c.stable_after < day));
        // Whether a day met the target is read from the period before it, which `amounts` holds.
        let met = met_between(&measure, self.schedule, amounts, checkpoint.resume_from, to);
        let (streaks, more) = walk_streaks(
            Schedule::DAILY,
            &met,
            checkpoint.resume_from,
            Some(checkpoint),
            to,
        );
        self.checkpoints.extend(more);
        self.streaks = streaks;
        true
    }

    /// The last day computed.
    pub fn through(&self) -> NaiveDate {
        offset(self.first, self.strength.len()).map_or(self.first, |d| d.pred_opt().unwrap_or(d))
    }

    /// The strength at the end of `date`: 0 before the first record, `None` after `through`.
    pub fn strength_on(&self, date: NaiveDate) -> Option<f64> {
        if date < self.first {
            return Some(0.0);
        }
        let index = usize::try_from((date - self.first).num_days()).ok()?;
        self.strength.get(index).copied()
    }

    /// The daily strength from `from` to `through` (0 before the first record).
    pub fn series(&self, from: NaiveDate) -> Vec<DailyStrength> {
        let zeros = std::iter::repeat_n(0.0, days_between(from, self.first));
        let kept = self.strength[days_between(self.first, from).min(self.strength.len())..]
            .iter()
            .copied();
        from.iter_days()
            .zip(zeros.chain(kept))
            .map(|(date, strength)| DailyStrength { date, strength })
            .collect()
    }

    /// From which day [`DerivedHabit::update`] needs the records to bring these values to `to`
    /// when the records changed on `changed` and later days; `None` when only a build from every
    /// record will do (a change on or before the first record, `to` before the last day computed,
    /// or no checkpoint before the change).
    pub fn reads_from(&self, changed: Option<NaiveDate>, to: NaiveDate) -> Option<NaiveDate> {
        let keep = self.keep(changed, to)?;
        let checkpoint = self.checkpoint_before(changed)?;
        let Some(measure) = &self.measure else {
            let window = Engine::new(self.schedule).window_len();
            let strength_from =
                keep.checked_sub_days(Days::new(u64::try_from(window).ok()? - 1))?;
            return Some(strength_from.min(checkpoint.resume_from));
        };
        // The period's sum of the first day walked again, for the strength and for the streaks.
        let back = Days::new(
            u64::try_from(MeasuredEngine::new(measure, self.schedule).window_len()).ok()? - 1,
        );
        Some(
            keep.checked_sub_days(back)?
                .min(checkpoint.resume_from.checked_sub_days(back)?),
        )
    }

    /// Brings these values to `to` after the records changed on `changed` and later days.
    /// `check_ins` holds every record from [`DerivedHabit::reads_from`]'s day on (earlier ones are
    /// ignored). Returns `false`, changing nothing, when that day was `None`: build instead.
    pub fn update(
        &mut self,
        check_ins: &CheckIns,
        changed: Option<NaiveDate>,
        to: NaiveDate,
    ) -> bool {
        if self.measure.is_some() {
            return false;
        }
        let (Some(keep), Some(checkpoint)) = (
            self.keep(changed, to),
            self.checkpoint_before(changed).copied(),
        ) else {
            return false;
        };
        let kept_days = days_between(self.first, keep) + 1;
        self.strength.truncate(kept_days);
        let last = self.strength.last().copied().unwrap_or(0.0);
        let mut engine = Engine::new(self.schedule);
        let window = engine.window_len();
        let recent: Vec<bool> = (0..window)
            .rev()
            .map(|back| {
                keep.checked_sub_days(Days::new(back as u64))
                    .and_then(|day| check_ins.get(&day))
                    == Some(&CheckState::Done)
            })
            .collect();
        engine = Engine::resume(self.schedule, last, &recent);
        if let Some(next) = keep.succ_opt() {
            self.strength
                .extend(days(check_ins, next, to).map(|(_, state)| engine.push(state)));
        }

        self.checkpoints
            .retain(|c| changed.is_none_or(|day| c.stable_after < day));
        let (streaks, more) = walk_streaks(
            self.schedule,
            check_ins,
            checkpoint.resume_from,
            Some(checkpoint),
            to,
        );
        self.checkpoints.extend(more);
        self.streaks = streaks;
        true
    }

    /// The last day whose strength stays: the day before the change, at most `through`.
    fn keep(&self, changed: Option<NaiveDate>, to: NaiveDate) -> Option<NaiveDate> {
        let through = self.through();
        if to < through || self.strength.is_empty() {
            return None;
        }
        match changed {
            Some(day) if day <= self.first => None,
            Some(day) => Some(day.pred_opt()?.min(through)),
            None => Some(through),
        }
    }

    fn checkpoint_before(&self, changed: Option<NaiveDate>) -> Option<&StreakCheckpoint> {
        self.checkpoints
            .iter()
            .rev()
            .find(|c| changed.is_none_or(|day| c.stable_after < day))
    }
}

/// Folds the streaks over the days from `from` to `to` — after `start`'s day when resuming from
/// it — and returns them as of `to` with the checkpoints passed on the way.
fn walk_streaks(
    schedule: Schedule,
    check_ins: &CheckIns,
    from: NaiveDate,
    start: Option<StreakCheckpoint>,
    to: NaiveDate,
) -> (Streaks, Vec<StreakCheckpoint>) {
    let timeline = timeline(check_ins, from, to);
    let kept = kept(schedule, &timeline, to);
    let m = usize::try_from(schedule.days()).unwrap_or(1);
    let (mut fold, mut entries) = start.map_or((StreakFold::default(), 0), |c| (c.fold, c.entries));
    let mut checkpoints = Vec::new();
    for (i, (day, kept)) in timeline.iter().zip(kept).enumerate() {
        if start.is_some_and(|c| day.date <= c.through) {
            continue;
        }
        fold.push(day.date, kept);
        entries += 1;
        // Every run of M days holding this day ends before the last CHECKPOINT_MARGIN days, so the
        // day's "kept" is final and only a change inside those runs can alter it.
        if entries.is_multiple_of(CHECKPOINT_EVERY) && i + m + CHECKPOINT_MARGIN <= timeline.len() {
            let resume = timeline[(i + 2).saturating_sub(m)].date;
            checkpoints.push(StreakCheckpoint {
                entries,
                through: day.date,
                stable_after: timeline[i + m - 1].date,
                // With M = 1 the next day is enough; never later than it, so a day no longer
                // skipped just after `through` is walked.
                resume_from: resume.min(day.date.succ_opt().unwrap_or(day.date)),
                fold,
            });
        }
    }
    (fold.streaks(), checkpoints)
}

fn offset(from: NaiveDate, days: usize) -> Option<NaiveDate> {
    from.checked_add_days(Days::new(u64::try_from(days).ok()?))
}

/// Whole days from `from` to `to`, 0 when `to` is not later.
fn days_between(from: NaiveDate, to: NaiveDate) -> usize {
    usize::try_from((to - from).num_days()).unwrap_or(0)
}
