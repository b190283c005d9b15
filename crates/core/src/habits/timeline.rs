//! Walking a habit's history day by day, and the calendar periods charts group days into. Every
//! computation walks the calendar rather than the records, because a day with no record still
//! counts (as not done), and it walks it once, in order, so ten years cost a few thousand steps.

use std::iter::Peekable;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CheckIns, CheckState};

/// Every date from `from` to `to` (inclusive) with its record, `None` when not entered.
pub(super) fn days(
    check_ins: &CheckIns,
    from: NaiveDate,
    to: NaiveDate,
) -> impl Iterator<Item = (NaiveDate, Option<CheckState>)> + '_ {
    DayWalk {
        next: (from <= to).then_some(from),
        to,
        // `range` panics on a reversed range; an empty walk needs no records anyway.
        records: check_ins.range(from..=to.max(from)).peekable(),
    }
}

struct DayWalk<'a, I: Iterator<Item = (&'a NaiveDate, &'a CheckState)>> {
    next: Option<NaiveDate>,
    to: NaiveDate,
    records: Peekable<I>,
}

impl<'a, I: Iterator<Item = (&'a NaiveDate, &'a CheckState)>> Iterator for DayWalk<'a, I> {
    type Item = (NaiveDate, Option<CheckState>);

    fn next(&mut self) -> Option<Self::Item> {
        let date = self.next?;
        self.next = date.succ_opt().filter(|d| *d <= self.to);
        let state = match self.records.peek() {
            Some((d, s)) if **d == date => {
                let state = **s;
                self.records.next();
                Some(state)
            }
            _ => None,
        };
        Some((date, state))
    }
}

/// The first recorded day: a habit's history starts there, whatever state it holds.
pub(super) fn first_record(check_ins: &CheckIns) -> Option<NaiveDate> {
    check_ins.keys().next().copied()
}

/// How charts and rates group days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Period {
    Day,
    /// An ISO week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
}

impl Period {
    /// The first day of the period holding `date`.
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        match self {
            Self::Day => date,
            Self::Week => date
                .checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
                .unwrap_or(date),
            Self::Month => date.with_day(1).unwrap_or(date),
        }
    }

    /// The last day of the period holding `date`.
    pub fn end_of(self, date: NaiveDate) -> NaiveDate {
        match self {
            Self::Day => date,
            Self::Week => date
                .checked_add_days(Days::new(u64::from(
                    6 - date.weekday().num_days_from_monday(),
                )))
                .unwrap_or(date),
            Self::Month => {
                let first = date.with_day(1).unwrap_or(date);
                first
                    .checked_add_months(chrono::Months::new(1))
                    .and_then(|next| next.pred_opt())
                    .unwrap_or(date)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn walks_every_day_and_finds_the_records() {
        let check_ins: CheckIns = [
            (date(2026, 1, 1), CheckState::Done),
            (date(2026, 1, 3), CheckState::Skipped),
            (date(2026, 1, 9), CheckState::Done),
        ]
        .into_iter()
        .collect();
        let walked: Vec<_> = days(&check_ins, date(2026, 1, 2), date(2026, 1, 4)).collect();
        assert_eq!(
            walked,
            vec![
                (date(2026, 1, 2), None),
                (date(2026, 1, 3), Some(CheckState::Skipped)),
                (date(2026, 1, 4), None),
            ]
        );
        assert_eq!(
            days(&check_ins, date(2026, 1, 5), date(2026, 1, 4)).count(),
            0
        );
        assert_eq!(first_record(&check_ins), Some(date(2026, 1, 1)));
    }

    #[test]
    fn weeks_run_monday_to_sunday_and_months_to_their_last_day() {
        // 2026-03-29 is a Sunday.
        assert_eq!(Period::Week.start_of(date(2026, 3, 29)), date(2026, 3, 23));
        assert_eq!(Period::Week.end_of(date(2026, 3, 23)), date(2026, 3, 29));
        assert_eq!(Period::Month.start_of(date(2024, 2, 17)), date(2024, 2, 1));
        assert_eq!(Period::Month.end_of(date(2024, 2, 17)), date(2024, 2, 29));
        assert_eq!(Period::Month.end_of(date(2025, 12, 31)), date(2025, 12, 31));
        assert_eq!(Period::Day.end_of(date(2025, 12, 31)), date(2025, 12, 31));
    }
}
