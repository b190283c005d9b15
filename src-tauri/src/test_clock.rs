//! A clock a test moves, for the desktop tests (`tests/desktop/clock.sh`): they cannot wait hours
//! for a reminder, put the computer to sleep or move it to another time zone, so they write the
//! time into a file instead. The file holds one instant with the offset from UTC in force, as
//! `date -Iseconds` prints it (`2027-03-28T03:00:30+02:00`); it is read at every look at the clock,
//! and the clock stands still until the file changes. The reminder task looks at it often, since
//! the time may jump at any moment, and logs each time it looked at ("reminders looked at …"),
//! which the test waits for before it moves the clock on.
//!
//! Never in a release build, and only when the app is started with both `LEADBACK_TEST_CLOCK`
//! (the file) and `LEADBACK_TESTING=1`: nothing a person does in the app reaches it.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use leadback_core::Clock;

pub const FILE: &str = "LEADBACK_TEST_CLOCK";
pub const TESTING: &str = "LEADBACK_TESTING";

#[derive(Debug)]
pub struct FileClock {
    path: PathBuf,
    /// The last time read, kept when the file cannot be read (a test writing it the moment it is
    /// read).
    last: Mutex<DateTime<FixedOffset>>,
}

fn read(path: &Path) -> Result<DateTime<FixedOffset>, String> {
    let text = std::fs::read_to_string(path).map_err(|err| err.to_string())?;
    DateTime::parse_from_rfc3339(text.trim()).map_err(|err| format!("{:?}: {err}", text.trim()))
}

impl FileClock {
    pub fn open(path: PathBuf) -> Result<Self, String> {
        let now = read(&path)?;
        Ok(Self {
            path,
            last: Mutex::new(now),
        })
    }

    fn read(&self) -> DateTime<FixedOffset> {
        let mut last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
        match read(&self.path) {
            Ok(now) => *last = now,
            Err(err) => log::warn!("the test clock kept its time: {err}"),
        }
        *last
    }
}

impl Clock for FileClock {
    fn now(&self) -> DateTime<Utc> {
        self.read().to_utc()
    }

    fn today(&self) -> NaiveDate {
        self.read().date_naive()
    }

    fn local_now(&self) -> DateTime<FixedOffset> {
        self.read()
    }
}

/// The test clock, when the app was started with both variables and its file holds a time.
pub fn from_env() -> Option<FileClock> {
    let path = std::env::var_os(FILE)?;
    if std::env::var_os(TESTING).is_none_or(|value| value != "1") {
        log::warn!("{FILE} is ignored: it takes {TESTING}=1 too");
        return None;
    }
    match FileClock::open(PathBuf::from(&path)) {
        Ok(clock) => {
            log::warn!("on the test clock in {}", clock.path.display());
            Some(clock)
        }
        Err(err) => {
            log::error!("the test clock in {path:?} cannot be read: {err}");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_time_and_offset_and_keeps_the_last_good_one() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("clock");
        std::fs::write(&file, "2027-03-28T01:59:30+01:00\n").unwrap();
        let clock = FileClock::open(file.clone()).unwrap();
        assert_eq!(clock.local_now().to_rfc3339(), "2027-03-28T01:59:30+01:00");
        assert_eq!(clock.now().to_rfc3339(), "2027-03-28T00:59:30+00:00");
        std::fs::write(&file, "2027-03-28T03:00:30+02:00").unwrap();
        assert_eq!(clock.local_now().to_rfc3339(), "2027-03-28T03:00:30+02:00");
        std::fs::write(&file, "half past three").unwrap();
        assert_eq!(clock.local_now().to_rfc3339(), "2027-03-28T03:00:30+02:00");
        // Late in the evening in New York, already the next day in UTC: today is New York's.
        std::fs::write(&file, "2027-03-28T22:00:00-04:00").unwrap();
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2027, 3, 28).unwrap());
        assert!(FileClock::open(dir.path().join("missing")).is_err());
    }
}
