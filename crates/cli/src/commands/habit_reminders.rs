//! `leadback habits remind|archive`: when a habit reminds you, and putting one away.

use std::io::Write;
use std::path::Path;

use chrono::{NaiveTime, Weekday};
use leadback_actions::habits as reminders;
use leadback_core::Clock;

use super::{find_habit, open_with_me};
use crate::error::CliError;

/// Replaces a habit's reminders: every --at on the --days (default every day); --clear removes
/// them. Everything is checked before anything is written.
pub(super) fn remind(
    data_dir: &Path,
    name: &str,
    at: &[String],
    days: Option<&str>,
    clear: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let weekdays = match days {
        Some(days) => reminders::weekday_mask(&parse_days(days)?),
        None => 127,
    };
    let reminders = if clear {
        Vec::new()
    } else {
        at.iter()
            .map(|text| {
                let time = NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| {
                    CliError::Usage(format!(
                        "{text:?} is not a time of day like 07:30. Nothing was written."
                    ))
                })?;
                Ok(reminders::Reminder { time, weekdays })
            })
            .collect::<Result<Vec<_>, CliError>>()?
    };
    let (mut store, me) = open_with_me(data_dir)?;
    let habit = find_habit(&store, me, name)?;
    let saved = reminders::set_reminders(&mut store, me, habit.id, &reminders)?;
    if saved.is_empty() {
        writeln!(out, "{} has no reminders now.", habit.name)?;
    } else {
        let times: Vec<String> = saved
            .iter()
            .map(|r| r.time.format("%H:%M").to_string())
            .collect();
        writeln!(out, "{} reminds you at {}.", habit.name, times.join(", "))?;
    }
    Ok(())
}

/// "mon,tue,fri" (any case, three letters or whole names) as weekdays.
fn parse_days(text: &str) -> Result<Vec<Weekday>, CliError> {
    text.split(',')
        .map(str::trim)
        .filter(|day| !day.is_empty())
        .map(|day| {
            day.parse::<Weekday>().map_err(|_| {
                CliError::Usage(format!(
                    "{day:?} is not a day of the week: give days like mon,tue,fri. Nothing was written."
                ))
            })
        })
        .collect()
}

/// Archives a habit of mine.
pub(super) fn archive(
    data_dir: &Path,
    name: &str,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (mut store, me) = open_with_me(data_dir)?;
    let habit = find_habit(&store, me, name)?;
    if habit.archived_at.is_some() {
        writeln!(out, "{} is archived already; nothing changed.", habit.name)?;
        return Ok(());
    }
    reminders::archive(&mut store, clock, me, habit.id, true)?;
    writeln!(
        out,
        "Archived {}: it is no longer on your list and its reminders stop; its history stays.",
        habit.name
    )?;
    Ok(())
}
