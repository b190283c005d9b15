//! When a habit's reminders fall due. The app's own scheduler (desktop notifications cannot be
//! scheduled by the OS plugin) wakes up, asks [`ReminderRule::due`] whether anything should be
//! shown now, and sleeps until [`ReminderRule::next_after`].
//!
//! Reminders are set in naive local wall-clock time, the time a person reads. The rules that matter
//! for trust:
//! - a computer that slept through reminders must not fire them in a burst when it wakes: `due`
//!   only ever returns the latest one passed, and only when it is at most `grace` old;
//! - a wall clock that jumps while the computer is awake (summer time, a new time zone) neither
//!   repeats nor loses one: a reminder it jumped over forward is timely, since no time passed (the
//!   instant of each [`ClockReading`] tells a jump from a sleep), and one it passes again after a
//!   jump back is not shown twice ([`ClockReading::then`] does not follow the wall clock back).

use std::collections::BTreeSet;

use chrono::{
    DateTime, Datelike, Days, FixedOffset, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Utc,
    Weekday,
};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

/// More reminders a day than this would be noise, not a reminder.
pub const MAX_REMINDER_TIMES: usize = 24;

/// The days of a week, Monday first. A stored weekday mask counts in this order: bit 0 is Monday,
/// bit 6 Sunday.
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// At which times, on which weekdays. Both lists are non-empty, sorted and without repeats; times
/// are whole minutes (`"08:30:00"`), weekdays are `"Mon"` … `"Sun"`, Monday first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(try_from = "RawReminderRule")]
#[ts(export)]
pub struct ReminderRule {
    times: Vec<NaiveTime>,
    weekdays: Vec<Weekday>,
}

#[derive(Deserialize)]
struct RawReminderRule {
    times: Vec<NaiveTime>,
    weekdays: Vec<Weekday>,
}

impl TryFrom<RawReminderRule> for ReminderRule {
    type Error = ReminderError;

    fn try_from(raw: RawReminderRule) -> Result<Self, Self::Error> {
        Self::new(raw.times, raw.weekdays)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReminderError {
    #[error("a reminder needs at least one time of day")]
    NoTimes,
    #[error("a reminder needs at least one day of the week")]
    NoWeekdays,
    #[error("{count} reminders a day is too many; at most {max}")]
    TooManyTimes { count: usize, max: usize },
}

impl ReminderRule {
    /// Seconds are dropped (reminders are set to the minute), then repeats.
    pub fn new(
        times: impl IntoIterator<Item = NaiveTime>,
        weekdays: impl IntoIterator<Item = Weekday>,
    ) -> Result<Self, ReminderError> {
        let times: BTreeSet<NaiveTime> = times
            .into_iter()
            .filter_map(|t| NaiveTime::from_hms_opt(t.hour(), t.minute(), 0))
            .collect();
        let chosen: Vec<Weekday> = weekdays.into_iter().collect();
        let weekdays: Vec<Weekday> = WEEK.into_iter().filter(|d| chosen.contains(d)).collect();
        if times.is_empty() {
            return Err(ReminderError::NoTimes);
        }
        if times.len() > MAX_REMINDER_TIMES {
            let (count, max) = (times.len(), MAX_REMINDER_TIMES);
            return Err(ReminderError::TooManyTimes { count, max });
        }
        if weekdays.is_empty() {
            return Err(ReminderError::NoWeekdays);
        }
        Ok(Self {
            times: times.into_iter().collect(),
            weekdays,
        })
    }

    /// The same times every day of the week.
    pub fn every_day(times: impl IntoIterator<Item = NaiveTime>) -> Result<Self, ReminderError> {
        Self::new(times, WEEK)
    }

    pub fn times(&self) -> &[NaiveTime] {
        &self.times
    }

    pub fn weekdays(&self) -> &[Weekday] {
        &self.weekdays
    }

    /// The first reminder strictly after `local`. Always within a week; `None` only at the end of
    /// the calendar.
    pub fn next_after(&self, local: NaiveDateTime) -> Option<NaiveDateTime> {
        (0..=7).find_map(|ahead| {
            let date = local.date().checked_add_days(Days::new(ahead))?;
            if !self.weekdays.contains(&date.weekday()) {
                return None;
            }
            self.times
                .iter()
                .map(|t| date.and_time(*t))
                .find(|at| *at > local)
        })
    }

    /// The latest reminder at or before `local`.
    pub fn last_at_or_before(&self, local: NaiveDateTime) -> Option<NaiveDateTime> {
        (0..=7).find_map(|back| {
            let date = local.date().checked_sub_days(Days::new(back))?;
            if !self.weekdays.contains(&date.weekday()) {
                return None;
            }
            self.times
                .iter()
                .rev()
                .map(|t| date.and_time(*t))
                .find(|at| *at <= local)
        })
    }

    /// The one reminder to show now, if any: the latest one the wall clock passed since the last
    /// look (after `last.local`, at or before `now.local`), if it is timely: at most `grace` old by
    /// the wall clock, or passed within `grace` of the last look (the wall clock jumped over it:
    /// summer time began, or the time zone moved east). Older ones — missed while the computer
    /// slept — are dropped, never fired late or in a burst. The caller then keeps
    /// `last.then(now)`.
    pub fn due(
        &self,
        last: ClockReading,
        now: ClockReading,
        grace: TimeDelta,
    ) -> Option<NaiveDateTime> {
        let at = self.last_at_or_before(now.local)?;
        let grace = grace.max(TimeDelta::zero());
        let timely = now.local - at <= grace || now.instant - last.instant <= grace;
        (at > last.local && timely).then_some(at)
    }
}

/// The most the wall clock steps back while time goes on: a move from UTC+14 to UTC−12.
const LARGEST_ZONE_CHANGE: TimeDelta = TimeDelta::hours(26);

/// One look at the clock by a reminder scheduler: the wall-clock time a person reads, and the
/// instant, which summer time and time-zone changes do not move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockReading {
    pub local: NaiveDateTime,
    pub instant: DateTime<Utc>,
}

impl ClockReading {
    pub fn new(now: DateTime<FixedOffset>) -> Self {
        Self {
            local: now.naive_local(),
            instant: now.to_utc(),
        }
    }

    /// What a scheduler keeps as its last look after looking at `now`. The wall clock is not
    /// followed back (summer time's repeated hour, a move to a time zone further west): the
    /// reminders it already passed would come again. A wall clock set back further than any
    /// time-zone change (a wrong clock put right) is followed.
    #[must_use]
    pub fn then(self, now: ClockReading) -> ClockReading {
        let back = self.local - now.local;
        let local = if back > TimeDelta::zero() && back <= LARGEST_ZONE_CHANGE {
            self.local
        } else {
            now.local
        };
        ClockReading {
            local,
            instant: now.instant,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    /// March 2026: the 2nd is a Monday, the 8th a Sunday.
    fn at(day: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, day)
            .unwrap()
            .and_time(time(h, m))
    }

    /// A look at the clock with no change of time zone between looks.
    fn look(day: u32, h: u32, m: u32) -> ClockReading {
        look_in(0, day, h, m)
    }

    /// A look at the clock in a time zone `offset` hours from UTC.
    fn look_in(offset: i64, day: u32, h: u32, m: u32) -> ClockReading {
        ClockReading {
            local: at(day, h, m),
            instant: (at(day, h, m) - TimeDelta::hours(offset)).and_utc(),
        }
    }

    fn minutes(m: i64) -> TimeDelta {
        TimeDelta::minutes(m)
    }

    fn weekday_evenings() -> ReminderRule {
        let weekdays = [Weekday::Fri, Weekday::Mon, Weekday::Wed, Weekday::Mon];
        ReminderRule::new([time(20, 0), time(8, 30), time(8, 30)], weekdays).unwrap()
    }

    #[test]
    fn rules_are_normalised_and_checked() {
        let rule = weekday_evenings();
        assert_eq!(rule.times(), &[time(8, 30), time(20, 0)]);
        assert_eq!(rule.weekdays(), &[Weekday::Mon, Weekday::Wed, Weekday::Fri]);
        let with_seconds = NaiveTime::from_hms_opt(8, 30, 59).unwrap();
        let rule = ReminderRule::every_day([with_seconds]).unwrap();
        assert_eq!(rule.times(), &[time(8, 30)]);
        assert_eq!(ReminderRule::new([], WEEK), Err(ReminderError::NoTimes));
        assert_eq!(
            ReminderRule::new([time(9, 0)], []),
            Err(ReminderError::NoWeekdays)
        );
        let every_half_hour = (0..26).map(|i| time(i / 2, (i % 2) * 30));
        assert_eq!(
            ReminderRule::every_day(every_half_hour),
            Err(ReminderError::TooManyTimes { count: 26, max: 24 })
        );
    }

    #[test]
    fn serialised_as_times_and_weekday_names_and_checked_when_read() {
        let json = serde_json::to_string(&weekday_evenings()).unwrap();
        assert_eq!(
            json,
            r#"{"times":["08:30:00","20:00:00"],"weekdays":["Mon","Wed","Fri"]}"#
        );
        let back: ReminderRule = serde_json::from_str(&json).unwrap();
        assert_eq!(back, weekday_evenings());
        let empty = serde_json::from_str::<ReminderRule>(r#"{"times":[],"weekdays":["Mon"]}"#);
        assert!(empty.is_err());
    }

    #[test]
    fn the_next_reminder_is_strictly_later_and_on_a_chosen_weekday() {
        let rule = weekday_evenings();
        assert_eq!(rule.next_after(at(2, 7, 0)), Some(at(2, 8, 30)));
        assert_eq!(rule.next_after(at(2, 8, 30)), Some(at(2, 20, 0)));
        assert_eq!(
            rule.next_after(at(2, 20, 0)),
            Some(at(4, 8, 30)),
            "Tuesday is off"
        );
        assert_eq!(
            rule.next_after(at(6, 21, 0)),
            Some(at(9, 8, 30)),
            "over the weekend"
        );
        let sundays = ReminderRule::new([time(9, 0)], [Weekday::Sun]).unwrap();
        assert_eq!(
            sundays.next_after(at(8, 9, 0)),
            Some(at(15, 9, 0)),
            "a week on"
        );
    }

    #[test]
    fn a_reminder_fires_once_inside_its_grace() {
        let rule = weekday_evenings();
        let grace = minutes(10);
        assert_eq!(
            rule.due(look(2, 8, 29), look(2, 8, 30), grace),
            Some(at(2, 8, 30))
        );
        assert_eq!(
            rule.due(look(2, 8, 25), look(2, 8, 34), grace),
            Some(at(2, 8, 30))
        );
        // The next check, a minute later, has already passed it.
        assert_eq!(rule.due(look(2, 8, 34), look(2, 8, 35), grace), None);
        assert_eq!(
            rule.due(look(2, 8, 0), look(2, 8, 29), grace),
            None,
            "not yet"
        );
        assert_eq!(
            rule.due(look(3, 8, 0), look(3, 8, 31), grace),
            None,
            "Tuesday is off"
        );
    }

    #[test]
    fn after_sleeping_through_several_reminders_nothing_stale_fires() {
        let rule = weekday_evenings();
        let grace = minutes(10);
        // Asleep from Monday morning to Friday 08:35: only Friday 08:30 is fresh enough.
        assert_eq!(
            rule.due(look(2, 7, 0), look(6, 8, 35), grace),
            Some(at(6, 8, 30))
        );
        // Asleep until Friday noon: everything missed is stale.
        assert_eq!(rule.due(look(2, 7, 0), look(6, 12, 0), grace), None);
        // Then the evening one fires on time, as usual.
        assert_eq!(
            rule.due(look(6, 12, 0), look(6, 20, 0), grace),
            Some(at(6, 20, 0))
        );
    }

    #[test]
    fn clock_jumps_fire_nothing_stale_and_nothing_twice() {
        let rule = ReminderRule::every_day([time(2, 30), time(3, 0)]).unwrap();
        let grace = minutes(5);
        // Spring forward (UTC+1 to UTC+2): a minute after 01:59 the clock reads 03:00. 02:30 and
        // 03:00 were both passed: the habit is reminded once.
        let (before, after) = (look_in(1, 29, 1, 59), look_in(2, 29, 3, 0));
        assert_eq!(rule.due(before, after, grace), Some(at(29, 3, 0)));
        // Looked at seven minutes later only: 03:00 is stale.
        assert_eq!(rule.due(before, look_in(2, 29, 3, 6), grace), None);
        // A clock jump days ahead fires nothing from the days in between.
        assert_eq!(rule.due(look(2, 3, 1), look(9, 2, 0), grace), None);
        let late = ReminderRule::every_day([time(23, 0)]).unwrap();
        assert_eq!(
            late.due(look(2, 22, 0), look(5, 23, 2), grace),
            Some(at(5, 23, 0))
        );
        // A negative grace is no grace, not a window into the future.
        assert_eq!(
            late.due(look(5, 22, 0), look(5, 23, 0), minutes(-5)),
            Some(at(5, 23, 0))
        );
        assert_eq!(late.due(look(5, 22, 0), look(5, 23, 1), minutes(-5)), None);
    }

    /// Looks at the clock in turn, as the scheduler does; the reminders shown at each look.
    fn run(rule: &ReminderRule, looks: &[ClockReading]) -> Vec<Option<NaiveDateTime>> {
        let mut last = looks[0];
        let mut shown = Vec::new();
        for now in &looks[1..] {
            shown.push(rule.due(last, *now, minutes(5)));
            last = last.then(*now);
        }
        shown
    }

    #[test]
    fn summer_time_neither_repeats_nor_loses_a_reminder() {
        let night = ReminderRule::every_day([time(2, 30)]).unwrap();
        // Spring forward: a minute after 01:59 (UTC+1) the clock reads 03:00 (UTC+2). 02:30 was
        // jumped over, not slept through: it is shown then, once.
        let spring = [
            look_in(1, 29, 1, 59),
            look_in(2, 29, 3, 0),
            look_in(2, 29, 3, 1),
        ];
        assert_eq!(run(&night, &spring), [Some(at(29, 2, 30)), None]);
        // Fall back: after 02:59 (UTC+2) the clock reads 02:00 (UTC+1) again; 02:30 comes round
        // a second time and is not shown again; the next night's is.
        let autumn = [
            look_in(2, 25, 2, 29),
            look_in(2, 25, 2, 30),
            look_in(2, 25, 2, 59),
            look_in(1, 25, 2, 0),
            look_in(1, 25, 2, 30),
            look_in(1, 25, 3, 1),
            look_in(1, 26, 2, 30),
        ];
        let shown = [
            Some(at(25, 2, 30)),
            None,
            None,
            None,
            None,
            Some(at(26, 2, 30)),
        ];
        assert_eq!(run(&night, &autumn), shown);
    }

    #[test]
    fn a_new_time_zone_neither_repeats_nor_loses_a_reminder() {
        let rule = ReminderRule::every_day([time(9, 0), time(10, 0), time(16, 0)]).unwrap();
        // Paris (UTC+1), then at 09:30 the computer is told it is in New York (UTC−5): 03:30.
        // 09:00 comes round again, already shown today; 10:00 has not been, and is.
        let west = [
            look_in(1, 2, 8, 59),
            look_in(1, 2, 9, 0),
            look_in(1, 2, 9, 30),
            look_in(-5, 2, 3, 31),
            look_in(-5, 2, 9, 0),
            look_in(-5, 2, 10, 0),
        ];
        let shown = [Some(at(2, 9, 0)), None, None, None, Some(at(2, 10, 0))];
        assert_eq!(run(&rule, &west), shown);
        // Back east at 15:58 in New York: the clock reads 21:59 in Paris a minute later. 16:00
        // was jumped over and is shown then, once.
        let east = [
            look_in(-5, 2, 15, 58),
            look_in(1, 2, 21, 59),
            look_in(1, 2, 22, 0),
        ];
        assert_eq!(run(&rule, &east), [Some(at(2, 16, 0)), None]);
    }

    #[test]
    fn a_clock_put_back_further_than_any_time_zone_is_followed() {
        let last = look(9, 10, 0).then(look(2, 10, 0));
        assert_eq!(last, look(2, 10, 0), "a week back: the clock was wrong");
        let last = look_in(14, 2, 10, 0).then(look_in(-12, 1, 8, 1));
        assert_eq!(last.local, at(2, 10, 0), "26 hours back: a time zone");
    }
}
