//! How often a habit is meant to happen: every day, N times a week, or N times in M days — the
//! schedules of the best habit trackers (Loop stores the same thing as a fraction N/M). One type
//! covers all three, because the maths only ever needs N and M; "a week" is simply M = 7.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

/// The longest window a schedule may span: "N times a year" is the rarest habit worth tracking.
pub const MAX_SCHEDULE_DAYS: u32 = 365;

/// `times` done days in every `days` days, 1 ≤ times ≤ days ≤ 365. Daily is 1 in 1, "3 times a
/// week" is 3 in 7. Only `Schedule::new` and the checked deserializer build one, so the maths
/// never sees a zero or an impossible fraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "RawSchedule")]
#[ts(export)]
pub struct Schedule {
    times: u32,
    days: u32,
}

#[derive(Deserialize)]
struct RawSchedule {
    times: i64,
    days: i64,
}

impl TryFrom<RawSchedule> for Schedule {
    type Error = ScheduleError;

    fn try_from(raw: RawSchedule) -> Result<Self, Self::Error> {
        Self::new(raw.times, raw.days)
    }
}

/// Why a schedule was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScheduleError {
    #[error("a schedule needs at least 1 time, not {times}")]
    TooFewTimes { times: i64 },
    #[error("a schedule spans 1 to 365 days, not {days}")]
    DaysOutOfRange { days: i64 },
    #[error("{times} times in {days} days is more than once a day")]
    MoreTimesThanDays { times: i64, days: i64 },
    #[error(
        "{text:?} is not a schedule; try \"daily\", \"3 times a week\", \"2 times in 3 days\" or \"2/3\""
    )]
    Unreadable { text: String },
}

impl Schedule {
    pub const DAILY: Schedule = Schedule { times: 1, days: 1 };

    /// `times` in every `days` days. Takes `i64` because that is what SQLite and Loop's files hold.
    pub fn new(times: i64, days: i64) -> Result<Self, ScheduleError> {
        let checked_days = u32::try_from(days)
            .ok()
            .filter(|d| (1..=MAX_SCHEDULE_DAYS).contains(d))
            .ok_or(ScheduleError::DaysOutOfRange { days })?;
        if times < 1 {
            return Err(ScheduleError::TooFewTimes { times });
        }
        if times > days {
            return Err(ScheduleError::MoreTimesThanDays { times, days });
        }
        let checked_times =
            u32::try_from(times).map_err(|_| ScheduleError::TooFewTimes { times })?;
        Ok(Self {
            times: checked_times,
            days: checked_days,
        })
    }

    /// `times` a week (in every 7 days).
    pub fn per_week(times: i64) -> Result<Self, ScheduleError> {
        Self::new(times, 7)
    }

    /// N: how many done days the schedule asks for.
    pub fn times(self) -> u32 {
        self.times
    }

    /// M: in how many days.
    pub fn days(self) -> u32 {
        self.days
    }

    /// N / M: 1 for a daily habit, 3/7 for three times a week.
    pub fn frequency(self) -> f64 {
        f64::from(self.times) / f64::from(self.days)
    }

    pub fn is_daily(self) -> bool {
        self.times == self.days && self.days == 1
    }

    /// Reads what a person types: the descriptions this type prints ("every day", "3 times a
    /// week", "once in 3 days", "2 times in 3 days"), and the shorthands "daily", "weekly",
    /// "3/week", "3 per week", "2 in 3 days" and "2/3".
    pub fn parse(text: &str) -> Result<Self, ScheduleError> {
        let lower = text.trim().to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let unreadable = || ScheduleError::Unreadable {
            text: text.to_owned(),
        };
        let count = |word: &str| match word {
            "once" => Some(1),
            "twice" => Some(2),
            _ => word.parse::<i64>().ok(),
        };
        let (times, rest): (i64, &[&str]) = match words.as_slice() {
            ["daily"] | ["every", "day"] => return Ok(Self::DAILY),
            ["weekly"] => return Self::per_week(1),
            [one] => {
                let (n, m) = one.split_once('/').ok_or_else(unreadable)?;
                let n = n.parse().map_err(|_| unreadable())?;
                return match m {
                    "week" => Self::per_week(n),
                    m => Self::new(n, m.parse().map_err(|_| unreadable())?),
                };
            }
            [n, "times", rest @ ..] | [n, rest @ ..] => (count(n).ok_or_else(unreadable)?, rest),
            [] => return Err(unreadable()),
        };
        match rest {
            ["a" | "per", "week"] => Self::per_week(times),
            ["in", m, "days"] | ["in", m] => Self::new(times, m.parse().map_err(|_| unreadable())?),
            _ => Err(unreadable()),
        }
    }
}

impl Default for Schedule {
    fn default() -> Self {
        Self::DAILY
    }
}

/// The human description: "every day", "3 times a week", "once in 3 days", "2 times in 3 days".
impl fmt::Display for Schedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let times = match self.times {
            1 => "once".to_owned(),
            n => format!("{n} times"),
        };
        match self.days {
            1 => f.write_str("every day"),
            7 => write!(f, "{times} a week"),
            m => write!(f, "{times} in {m} days"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(times: i64, days: i64) -> Schedule {
        Schedule::new(times, days).unwrap()
    }

    #[test]
    fn the_three_kinds_and_their_frequency() {
        assert_eq!(Schedule::DAILY.frequency(), 1.0);
        assert!(Schedule::DAILY.is_daily());
        assert_eq!(Schedule::per_week(3).unwrap().frequency(), 3.0 / 7.0);
        assert_eq!(s(2, 3).frequency(), 2.0 / 3.0);
        assert!(
            !s(2, 2).is_daily(),
            "2 in 2 days is a window, not 'every day'"
        );
    }

    #[test]
    fn impossible_schedules_are_refused() {
        assert_eq!(
            Schedule::new(0, 7),
            Err(ScheduleError::TooFewTimes { times: 0 })
        );
        assert_eq!(
            Schedule::new(4, 3),
            Err(ScheduleError::MoreTimesThanDays { times: 4, days: 3 })
        );
        assert_eq!(
            Schedule::new(1, 0),
            Err(ScheduleError::DaysOutOfRange { days: 0 })
        );
        assert_eq!(
            Schedule::new(1, 366),
            Err(ScheduleError::DaysOutOfRange { days: 366 })
        );
        assert!(Schedule::new(365, 365).is_ok());
        assert!(Schedule::new(-1, i64::MAX).is_err());
    }

    #[test]
    fn described_in_words() {
        let described = |t, d| s(t, d).to_string();
        assert_eq!(described(1, 1), "every day");
        assert_eq!(described(3, 7), "3 times a week");
        assert_eq!(described(1, 7), "once a week");
        assert_eq!(described(2, 3), "2 times in 3 days");
        assert_eq!(described(1, 3), "once in 3 days");
    }

    #[test]
    fn parses_its_own_descriptions_and_the_shorthands() {
        for (t, d) in [(1, 1), (3, 7), (1, 7), (2, 3), (1, 30), (10, 30), (2, 2)] {
            assert_eq!(Schedule::parse(&s(t, d).to_string()), Ok(s(t, d)));
        }
        for (text, t, d) in [
            ("daily", 1, 1),
            ("  Every  Day ", 1, 1),
            ("weekly", 1, 7),
            ("3/week", 3, 7),
            ("3 per week", 3, 7),
            ("twice a week", 2, 7),
            ("2 in 3 days", 2, 3),
            ("2/3", 2, 3),
        ] {
            assert_eq!(Schedule::parse(text), Ok(s(t, d)), "{text}");
        }
        for bad in ["", "often", "3 times", "x/3", "3/x", "5 times a month"] {
            assert!(
                matches!(Schedule::parse(bad), Err(ScheduleError::Unreadable { .. })),
                "{bad}"
            );
        }
        assert_eq!(
            Schedule::parse("4/3"),
            Err(ScheduleError::MoreTimesThanDays { times: 4, days: 3 })
        );
    }

    #[test]
    fn serialized_as_times_and_days_and_checked_when_read() {
        let json = serde_json::to_string(&s(2, 3)).unwrap();
        assert_eq!(json, r#"{"times":2,"days":3}"#);
        assert_eq!(serde_json::from_str::<Schedule>(&json).unwrap(), s(2, 3));
        let err = serde_json::from_str::<Schedule>(r#"{"times":0,"days":3}"#).unwrap_err();
        assert!(err.to_string().contains("at least 1 time"), "{err}");
    }
}
