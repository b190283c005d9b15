//! Habit reminders, scheduled by the app itself (the notification plugin can only schedule on
//! mobile). A background task wakes at the next reminder time (at least once a minute, and
//! whenever reminders change), asks the domain's reminder maths what is due, and shows a desktop
//! notification. Reminders missed while the computer slept are not fired in a burst: only one
//! scheduled within the last few minutes is shown; summer time and a new time zone neither repeat
//! nor lose one (see core's `habits::reminders`).

use std::time::Duration;

use chrono::{NaiveDateTime, TimeDelta, Weekday};
use leadback_core::habits::{ClockReading, ReminderRule, WEEK};
use leadback_store::{HabitRecord, ReminderRecord};
use tauri::{AppHandle, Manager, Runtime};
#[cfg(not(target_os = "linux"))]
use tauri_plugin_notification::NotificationExt;

use crate::state::AppState;

/// How late a reminder may still be shown (the machine was busy, the task slept a little long).
const GRACE: TimeDelta = TimeDelta::minutes(5);

/// The longest the task sleeps, so a changed clock or a wake from suspend is noticed soon.
const MAX_SLEEP: Duration = Duration::from_secs(60);

/// How often the task looks at a test's clock (`test_clock.rs`), which may jump at any moment.
const LOOK_AT_TEST_CLOCK_EVERY: Duration = Duration::from_millis(200);

/// The stored weekday mask (bit 0 = Monday) as weekdays.
pub fn weekdays(mask: i64) -> Vec<Weekday> {
    (0..7)
        .zip(WEEK)
        .filter(|(bit, _)| mask & (1 << bit) != 0)
        .map(|(_, day)| day)
        .collect()
}

fn rule(record: &ReminderRecord) -> Option<ReminderRule> {
    ReminderRule::new([record.time], weekdays(record.weekdays)).ok()
}

/// The habits with a reminder due since the last look (and timely: see [`ReminderRule::due`], with
/// [`GRACE`]); each habit once, however many of its reminders are due.
pub fn due(reminders: &[ReminderRecord], last: ClockReading, now: ClockReading) -> Vec<i64> {
    // Reminders come sorted by time, so one habit's may stand apart: keep each habit's first.
    let mut seen = std::collections::BTreeSet::new();
    reminders
        .iter()
        .filter(|r| {
            rule(r)
                .and_then(|rule| rule.due(last, now, GRACE))
                .is_some()
        })
        .map(|r| r.habit_id)
        .filter(|habit| seen.insert(*habit))
        .collect()
}

/// When the next reminder after `now` is due, if any.
pub fn next(reminders: &[ReminderRecord], now: NaiveDateTime) -> Option<NaiveDateTime> {
    reminders
        .iter()
        .filter_map(|r| rule(r)?.next_after(now))
        .min()
}

fn look(state: &AppState) -> ClockReading {
    ClockReading::new(state.clock.local_now())
}

/// Starts the reminder task for the life of the app. Each pass shows what is due and waits until
/// the desktop has it, so one pass is over before the next looks.
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        let mut last = look(&state);
        let mut logged = None;
        loop {
            let now = look(&state);
            let reminders = state
                .store()
                .and_then(|store| Ok(store.reminders(None)?))
                .unwrap_or_else(|err| {
                    log::warn!("reminders could not be read: {err}");
                    Vec::new()
                });
            for habit_id in due(&reminders, last, now) {
                if let Some((title, body)) = reminder(&state, habit_id) {
                    send(&app, title, body).await;
                }
            }
            if state.test_clock && logged != Some(now) {
                // What the desktop test waits for before it moves its clock on.
                log::info!("reminders looked at {}, {}", now.local, now.instant);
                logged = Some(now);
            }
            last = last.then(now);
            let look_every = if state.test_clock {
                LOOK_AT_TEST_CLOCK_EVERY
            } else {
                MAX_SLEEP
            };
            let sleep = next(&reminders, last.local)
                .and_then(|at| (at - now.local).to_std().ok())
                .map_or(look_every, |until| until.min(look_every));
            tokio::select! {
                () = tokio::time::sleep(sleep) => {}
                () = state.reminder_wakeup.notified() => {}
            }
        }
    });
}

/// What a reminder says: the habit's name, and why it matters to the person (or how to check in).
fn message(habit: &HabitRecord) -> (String, String) {
    let body = habit
        .why
        .clone()
        .unwrap_or_else(|| "Check in from Leadback when you have done it.".to_owned());
    (habit.name.clone(), body)
}

/// The name a notification comes from, in the desktop's list of notifications.
const SENDER: &str = "Leadback";

/// On Linux a notification is sent directly, so it comes from "Leadback" (the notification
/// plugin names the sender after the executable, `leadback-app`, and cannot be told otherwise).
#[cfg(target_os = "linux")]
fn notification(title: &str, body: &str) -> notify_rust::Notification {
    let mut notification = notify_rust::Notification::new();
    notification
        .appname(SENDER)
        .summary(title)
        .body(body)
        .auto_icon();
    notification
}

/// Shows a desktop notification from Leadback, and returns once the desktop has it. One that
/// cannot be shown is logged (there is nobody else to tell).
pub async fn send<R: Runtime>(app: &AppHandle<R>, title: String, body: String) {
    #[cfg(target_os = "linux")]
    {
        let _ = app;
        let notification = notification(&title, &body);
        let shown = tauri::async_runtime::spawn_blocking(move || {
            notification.show().map(drop).map_err(|err| err.to_string())
        })
        .await;
        match shown {
            Ok(Ok(())) => {}
            Ok(Err(err)) => log::warn!("{title:?} could not be shown: {err}"),
            Err(err) => log::warn!("{title:?} could not be shown: {err}"),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = SENDER;
        if let Err(err) = app.notification().builder().title(&title).body(body).show() {
            log::warn!("{title:?} could not be shown: {err}");
        }
    }
}

/// [`send`], for code that cannot wait (a window's close request).
pub fn notify<R: Runtime>(app: &AppHandle<R>, title: &str, body: &str) {
    let (app, title, body) = (app.clone(), title.to_owned(), body.to_owned());
    tauri::async_runtime::spawn(async move { send(&app, title, body).await });
}

/// Whether a due reminder is still worth showing: the habit is on the list of the person the app
/// works for (a coach's clients' habits remind nobody while the coach works as themselves), and
/// nothing is entered for it today.
fn worth_showing(habit: &HabitRecord, acting: Option<i64>, entered_today: bool) -> bool {
    habit.archived_at.is_none() && acting == Some(habit.person_id) && !entered_today
}

/// What to show for a habit whose reminder is due, if it is still worth showing.
fn reminder(state: &AppState, habit_id: i64) -> Option<(String, String)> {
    let today = state.clock.today();
    let read = state.store().and_then(|store| {
        let habit = store.habit(habit_id)?;
        let acting = store.acting_person()?.map(|person| person.id);
        let entered = store.check_ins(habit_id)?.iter().any(|c| c.day == today);
        Ok((habit, acting, entered))
    });
    let (habit, acting, entered_today) = read.ok()?;
    worth_showing(&habit, acting, entered_today).then(|| message(&habit))
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, NaiveTime};

    use super::*;

    fn at(day: u32, hour: u32, minute: u32) -> NaiveDateTime {
        // 2026-11-16 is a Monday.
        NaiveDate::from_ymd_opt(2026, 11, day)
            .unwrap()
            .and_hms_opt(hour, minute, 0)
            .unwrap()
    }

    /// A look at the clock, with no change of time zone between looks.
    fn reading(day: u32, hour: u32, minute: u32) -> ClockReading {
        ClockReading {
            local: at(day, hour, minute),
            instant: at(day, hour, minute).and_utc(),
        }
    }

    fn reminder(habit_id: i64, hour: u32, weekdays: i64) -> ReminderRecord {
        ReminderRecord {
            id: habit_id * 100 + i64::from(hour),
            habit_id,
            time: NaiveTime::from_hms_opt(hour, 0, 0).unwrap(),
            weekdays,
        }
    }

    const WEEKDAYS: i64 = 0b001_1111;

    #[test]
    fn a_reminder_fires_once_when_its_time_passes_on_its_days_only() {
        let reminders = [reminder(1, 9, WEEKDAYS)];
        assert_eq!(
            due(&reminders, reading(16, 8, 59), reading(16, 9, 0)),
            [1],
            "Monday 09:00"
        );
        assert!(
            due(&reminders, reading(16, 9, 0), reading(16, 9, 1)).is_empty(),
            "not twice"
        );
        assert!(
            due(&reminders, reading(21, 8, 59), reading(21, 9, 0)).is_empty(),
            "not on Saturday"
        );
    }

    #[test]
    fn reminders_missed_while_asleep_are_not_fired_in_a_burst() {
        let reminders = [
            reminder(1, 9, WEEKDAYS),
            reminder(2, 12, WEEKDAYS),
            reminder(3, 15, WEEKDAYS),
        ];
        // The laptop slept from 08:00 to 15:02: only the 15:00 reminder is still timely.
        assert_eq!(due(&reminders, reading(16, 8, 0), reading(16, 15, 2)), [3]);
        // Asleep from Monday evening to Wednesday noon: nothing stale fires.
        assert!(due(&reminders, reading(16, 18, 0), reading(18, 12, 30)).is_empty());
    }

    #[test]
    fn a_habit_whose_reminders_stand_apart_is_reminded_once() {
        let minute = |habit_id, minute| ReminderRecord {
            id: habit_id * 100 + i64::from(minute),
            habit_id,
            time: NaiveTime::from_hms_opt(9, minute, 0).unwrap(),
            weekdays: WEEKDAYS,
        };
        // As the store lists them, by time: habit 1 at 09:00 and 09:02, habit 2 between.
        let reminders = [minute(1, 0), minute(2, 1), minute(1, 2)];
        // The laptop woke at 09:03: all three are within the grace period.
        assert_eq!(
            due(&reminders, reading(16, 8, 59), reading(16, 9, 3)),
            [1, 2]
        );
    }

    #[test]
    fn the_task_wakes_for_the_next_reminder() {
        let reminders = [reminder(1, 9, WEEKDAYS), reminder(2, 18, 0b100_0000)];
        assert_eq!(next(&reminders, at(16, 10, 0)), Some(at(17, 9, 0)));
        assert_eq!(
            next(&reminders, at(20, 10, 0)),
            Some(at(22, 18, 0)),
            "Friday → Sunday 18:00"
        );
        assert_eq!(next(&[], at(16, 10, 0)), None);
    }

    fn habit(why: Option<&str>) -> HabitRecord {
        HabitRecord {
            id: 1,
            person_id: 1,
            library_id: None,
            name: "Let someone else go first".to_owned(),
            stance: None,
            why: why.map(str::to_owned),
            schedule: leadback_core::habits::Schedule::DAILY,
            measure: None,
            position: 0,
            archived_at: None,
            created_at: leadback_testkit::now(),
        }
    }

    #[test]
    fn only_the_acting_persons_habits_not_entered_today_remind() {
        let mine = habit(None);
        assert!(worth_showing(&mine, Some(1), false));
        assert!(!worth_showing(&mine, Some(1), true), "checked in today");
        assert!(
            !worth_showing(&mine, Some(2), false),
            "working for someone else"
        );
        assert!(!worth_showing(&mine, None, false), "no profile");
        let archived = HabitRecord {
            archived_at: Some(leadback_testkit::now()),
            ..habit(None)
        };
        assert!(!worth_showing(&archived, Some(1), false));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_reminder_comes_from_leadback_with_the_habits_name_and_why() {
        let (title, body) = message(&habit(Some("Their idea may be the better one.")));
        let shown = notification(&title, &body);
        assert_eq!(shown.appname, "Leadback");
        assert_eq!(shown.summary, "Let someone else go first");
        assert_eq!(shown.body, "Their idea may be the better one.");
        let (_, plain) = message(&habit(None));
        assert_eq!(plain, "Check in from Leadback when you have done it.");
    }

    #[test]
    fn weekday_masks_read_monday_first() {
        assert_eq!(weekdays(0b000_0001), [Weekday::Mon]);
        assert_eq!(weekdays(0b110_0000), [Weekday::Sat, Weekday::Sun]);
        assert_eq!(weekdays(127).len(), 7);
    }
}
