//! The per-stance roll-up: how strong a person's practice of each stance is over time, drawn next
//! to their assessment scores. It is the plain mean of the strengths of the habits tagged with the
//! stance — each habit counts once, however often it is scheduled — so a stance practised through
//! one strong habit and one neglected one sits halfway.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{DailyStrength, HabitStance, Period};

/// One stance's practice strength over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StanceRollup {
    pub stance: HabitStance,
    /// Oldest first; only periods in which some habit of the stance has a strength.
    pub points: Vec<StanceRollupPoint>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StanceRollupPoint {
    /// The period's first day (the day itself, the Monday, or the 1st of the month).
    pub date: NaiveDate,
    /// Per day, the mean strength (0–1) of the stance's habits that have one that day; per week
    /// or month, the mean of those daily means.
    pub strength: f64,
    /// How many habits were averaged (per week or month: on the day with the most).
    pub habits: u32,
}

/// Running totals of one stance in the period being filled.
#[derive(Debug, Clone, Copy)]
struct Totals {
    start: NaiveDate,
    daily_means: f64,
    days: u32,
    habits: u32,
}

impl Totals {
    fn point(self) -> StanceRollupPoint {
        StanceRollupPoint {
            date: self.start,
            strength: self.daily_means / f64::from(self.days),
            habits: self.habits,
        }
    }
}

/// Rolls habits' strength series (as from [`super::strength_series`]) up per stance and period.
/// One entry per stance that has a habit, in [`HabitStance::ALL`] order. The series may cover
/// different ranges; a day counts the habits that have a strength on it. Linear in the days of
/// the series: each day's values are summed in a calendar of the stance's days, in the order the
/// habits are given.
pub fn stance_rollup(
    habits: &[(HabitStance, &[DailyStrength])],
    period: Period,
) -> Vec<StanceRollup> {
    HabitStance::ALL
        .into_iter()
        .filter(|stance| habits.iter().any(|(s, _)| s == stance))
        .map(|stance| {
            let series: Vec<&[DailyStrength]> = habits
                .iter()
                .filter(|(s, _)| *s == stance)
                .map(|(_, series)| *series)
                .collect();
            StanceRollup {
                stance,
                points: points(&series, period),
            }
        })
        .collect()
}

/// One stance's points: per day the mean over its habits, then per period the mean of the days.
fn points(series: &[&[DailyStrength]], period: Period) -> Vec<StanceRollupPoint> {
    let dates = series.iter().flat_map(|s| s.iter().map(|d| d.date));
    let (Some(first), Some(last)) = (dates.clone().min(), dates.max()) else {
        return Vec::new();
    };
    let span = usize::try_from((last - first).num_days()).unwrap_or(0) + 1;
    let mut sums = vec![0.0_f64; span];
    let mut counts = vec![0_u32; span];
    for day in series.iter().flat_map(|s| s.iter()) {
        if let Ok(i) = usize::try_from((day.date - first).num_days()) {
            sums[i] += day.strength;
            counts[i] += 1;
        }
    }
    let mut points = Vec::new();
    let mut open: Option<Totals> = None;
    let days = first.iter_days().take(span);
    for ((date, sum), count) in days.zip(sums).zip(counts) {
        if count == 0 {
            continue;
        }
        let mean = sum / f64::from(count);
        let start = period.start_of(date);
        let totals = match open {
            Some(t) if t.start == start => t,
            previous => {
                if let Some(done) = previous {
                    points.push(done.point());
                }
                Totals {
                    start,
                    daily_means: 0.0,
                    days: 0,
                    habits: 0,
                }
            }
        };
        open = Some(Totals {
            daily_means: totals.daily_means + mean,
            days: totals.days + 1,
            habits: totals.habits.max(count),
            ..totals
        });
    }
    if let Some(t) = open {
        points.push(t.point());
    }
    points
}

#[cfg(test)]
mod tests {
    use chrono::Days;

    use super::*;

    fn series(first: NaiveDate, values: &[f64]) -> Vec<DailyStrength> {
        values
            .iter()
            .zip(0..)
            .map(|(&strength, d)| DailyStrength {
                date: first.checked_add_days(Days::new(d)).unwrap(),
                strength,
            })
            .collect()
    }

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn daily_means_per_stance_over_the_habits_that_have_a_value() {
        let a = series(date(2), &[0.2, 0.4]);
        let b = series(date(3), &[0.6, 0.8]);
        let c = series(date(2), &[1.0]);
        let habits: Vec<(HabitStance, &[DailyStrength])> = vec![
            (HabitStance::Behind, &a),
            (HabitStance::Rest, &c),
            (HabitStance::Behind, &b),
        ];
        let rollup = stance_rollup(&habits, Period::Day);
        let stances: Vec<_> = rollup.iter().map(|r| r.stance).collect();
        assert_eq!(stances, vec![HabitStance::Behind, HabitStance::Rest]);
        let behind: Vec<_> = rollup[0]
            .points
            .iter()
            .map(|p| (p.date, (p.strength * 100.0).round(), p.habits))
            .collect();
        assert_eq!(
            behind,
            vec![(date(2), 20.0, 1), (date(3), 50.0, 2), (date(4), 80.0, 1)]
        );
        assert_eq!(rollup[1].points.len(), 1);
    }

    #[test]
    fn weekly_points_average_the_daily_means_from_monday() {
        // Sunday 1 March, then the week of Monday 2 March.
        let a = series(date(1), &[0.7, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
        let habits: Vec<(HabitStance, &[DailyStrength])> = vec![(HabitStance::Servant, &a)];
        let rollup = stance_rollup(&habits, Period::Week);
        let points = &rollup[0].points;
        assert_eq!(points.len(), 2);
        assert_eq!(
            points[0].date,
            date(1).checked_sub_days(Days::new(6)).unwrap()
        );
        assert!((points[0].strength - 0.7).abs() < 1e-12);
        assert_eq!(points[1].date, date(2));
        assert!((points[1].strength - 0.4).abs() < 1e-12);
    }

    #[test]
    fn a_stance_with_an_empty_series_is_listed_without_points() {
        let empty: Vec<DailyStrength> = Vec::new();
        let habits: Vec<(HabitStance, &[DailyStrength])> = vec![(HabitStance::Front, &empty)];
        let rollup = stance_rollup(&habits, Period::Month);
        assert_eq!(rollup.len(), 1);
        assert!(rollup[0].points.is_empty());
        assert!(stance_rollup(&[], Period::Month).is_empty());
    }
}
