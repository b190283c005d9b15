//! Where "now" comes from. Domain code takes a `&dyn Clock` instead of reading the system time, so
//! a test can pin the date and a habit day is always the person's local calendar date.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Utc};

pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;
    /// The person's local calendar date: the day a check-in or an answer belongs to.
    fn today(&self) -> NaiveDate;
    /// The current instant with the person's offset from UTC at it: their wall-clock time, which
    /// reminders are set in (it moves when summer time or the time zone changes; the instant does
    /// not).
    fn local_now(&self) -> DateTime<FixedOffset>;
}

/// The real clock, in the machine's local time zone.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn today(&self) -> NaiveDate {
        Local::now().date_naive()
    }

    fn local_now(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset()
    }
}

/// A clock stopped at one instant, for tests and for reproducible command-line runs.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock {
    now: DateTime<Utc>,
}

impl FixedClock {
    pub fn new(now: DateTime<Utc>) -> Self {
        Self { now }
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.now
    }

    fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }

    /// In UTC, like [`Clock::today`] here.
    fn local_now(&self) -> DateTime<FixedOffset> {
        self.now.fixed_offset()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn fixed_clock_reports_the_instant_it_was_given() {
        let instant = Utc.with_ymd_and_hms(2026, 3, 29, 1, 30, 0).single();
        let Some(instant) = instant else {
            panic!("a valid test instant")
        };
        let clock = FixedClock::new(instant);
        assert_eq!(clock.now(), instant);
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 3, 29).unwrap_or_default()
        );
    }
}
