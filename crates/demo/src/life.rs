//! The person behind the data: what each day was like (holidays, illness, busy weeks, days the app
//! stays closed), how slowly their practice shows, and where they stand and grow as a leader.

use chrono::{Days, NaiveDate};
use leadback_core::assessment::Stance;

use super::Demo;
use super::rng::Rng;

/// What each day of the person's life was like, shared by all their habits and their energy.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Day {
    pub(super) away: bool,
    pub(super) ill: bool,
    pub(super) busy: bool,
    /// The app was not opened: nothing at all is entered.
    pub(super) closed: bool,
}

#[derive(Debug)]
pub(super) struct Life {
    start: NaiveDate,
    pub(super) days: Vec<Day>,
    /// How long it takes the person's practice to show (days): see [`Life::progress`].
    pub(super) pace: f64,
}

impl Life {
    pub(super) fn date(&self, index: usize) -> NaiveDate {
        self.start + Days::new(u64::try_from(index).unwrap_or(0))
    }

    pub(super) fn day(&self, index: usize) -> Day {
        self.days.get(index).copied().unwrap_or_default()
    }

    /// 0 at the start, towards 1 as the practice settles in.
    pub(super) fn progress(&self, index: usize) -> f64 {
        1.0 - (-(index as f64) / self.pace).exp()
    }
}

/// The three stances as fractions of the answer scale, as the person would rate themselves.
#[derive(Debug, Clone, Copy)]
pub(super) struct Stances {
    pub(super) front: f64,
    pub(super) behind: f64,
    pub(super) servant: f64,
}

impl Stances {
    pub(super) fn get(&self, stance: Stance) -> f64 {
        stance.pick(self.front, self.behind, self.servant)
    }

    pub(super) fn leading(&self) -> Stance {
        let mut best = Stance::Front;
        for stance in Stance::ALL {
            if self.get(stance) > self.get(best) {
                best = stance;
            }
        }
        best
    }
}

/// Where the person starts and how far their practice moves them.
#[derive(Debug, Clone, Copy)]
pub(super) struct Growth {
    pub(super) from: Stances,
    pub(super) by: Stances,
}

impl Demo<'_> {
    /// Holidays, illness, busy weeks and days the app stays closed, spread over `span` days.
    pub(super) fn life(&mut self, start: NaiveDate, span: usize, calm: bool) -> Life {
        let mut days = vec![Day::default(); span];
        let years = span as f64 / 365.0;
        let mut events =
            |rng: &mut Rng, per_year: f64, min: usize, max: usize, mark: fn(&mut Day)| {
                let count = (per_year * years + rng.unit()).floor() as usize;
                for _ in 0..count {
                    let from = rng.below(span.max(1));
                    let to = (from + rng.between(min, max + 1)).min(span);
                    days.get_mut(from..to).into_iter().flatten().for_each(mark);
                }
            };
        if calm {
            events(&mut self.rng, 4.0, 5, 7, |d| d.busy = true);
            events(&mut self.rng, 5.0, 1, 2, |d| d.closed = true);
        } else {
            events(&mut self.rng, 2.0, 5, 16, |d| d.away = true);
            events(&mut self.rng, 1.0, 2, 7, |d| d.ill = true);
            events(&mut self.rng, 3.0, 10, 25, |d| d.busy = true);
            events(&mut self.rng, 4.0, 2, 10, |d| d.closed = true);
            events(&mut self.rng, 0.35, 20, 45, |d| d.closed = true);
            for day in &mut days {
                day.closed |= self.rng.chance(0.05);
            }
        }
        Life {
            start,
            days,
            pace: 365.0 * self.rng.range(0.8, 1.8),
        }
    }

    /// Where this person starts (mostly out in front) and how far practice moves them.
    pub(super) fn growth(&mut self) -> Growth {
        let rng = &mut self.rng;
        Growth {
            from: Stances {
                front: rng.range(0.62, 0.82),
                behind: rng.range(0.22, 0.42),
                servant: rng.range(0.36, 0.56),
            },
            by: Stances {
                front: -rng.range(0.08, 0.22),
                behind: rng.range(0.14, 0.32),
                servant: rng.range(0.08, 0.26),
            },
        }
    }
}
