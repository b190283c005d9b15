//! `leadback habits …`: list habits with their numbers, add one, check in.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use clap::Subcommand;
use leadback_actions::habits as actions;
use leadback_core::Clock;
use leadback_core::habits::{
    CheckState, HabitStance, Measure, Schedule, builtin_library, parse_amount, period_schedule,
};
use leadback_store::HabitOverview;

use super::{find_habit, habit_reminders, me, open_store_to_read, open_with_me, read_damage};
use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum HabitsCommand {
    /// Your habits with today's state, strength and streaks.
    List {
        /// Compute as of this day instead of today (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        as_of: Option<NaiveDate>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The habits Leadback suggests, with their ids.
    Library,
    /// Add a habit: a library id, or a name of your own.
    Add {
        /// A library id (see `leadback habits library`) or the name of your own habit.
        habit: String,
        /// "daily", "3/week", "2/3" (2 times in 3 days)…
        #[arg(long)]
        schedule: Option<String>,
        /// front, behind, servant or rest.
        #[arg(long)]
        stance: Option<String>,
        /// Make it measurable: what it counts ("minutes", "times"); needs --target.
        #[arg(
            long,
            value_name = "UNIT",
            requires = "target",
            conflicts_with = "schedule"
        )]
        measure: Option<String>,
        /// The amount to reach each period (or, with --at-most, to stay within).
        #[arg(
            long,
            value_name = "N",
            requires = "measure",
            allow_hyphen_values = true
        )]
        target: Option<String>,
        /// The target's period: day, week or month (default day).
        #[arg(long, value_name = "PERIOD", requires = "measure")]
        per: Option<String>,
        /// The target is a ceiling: at most N each period.
        #[arg(long, requires = "measure")]
        at_most: bool,
    },
    /// Check in a habit for today or an earlier day.
    Check {
        /// The habit's name (or the start of it).
        name: String,
        /// The day (YYYY-MM-DD); default today. Days to come are refused.
        #[arg(long, value_name = "DATE")]
        date: Option<NaiveDate>,
        /// done, not-done or skip (default done); a measurable habit takes --amount, or skip.
        #[arg(long, conflicts_with = "amount")]
        state: Option<String>,
        /// A measurable habit's amount for the day (zero or more).
        #[arg(long, value_name = "N", allow_hyphen_values = true)]
        amount: Option<String>,
        /// A line of reflection, in place of the day's note ("" removes it); without it, the
        /// day's note stays.
        #[arg(long)]
        note: Option<String>,
    },
    /// Set when a habit reminds you (replacing its reminders), or clear them.
    #[command(group(clap::ArgGroup::new("when").required(true).args(["at", "clear"])))]
    Remind {
        /// The habit's name (or the start of it).
        name: String,
        /// A time of day, HH:MM; repeat for more.
        #[arg(long, value_name = "HH:MM")]
        at: Vec<String>,
        /// The days, e.g. mon,tue,fri; default every day.
        #[arg(long, value_name = "DAYS", requires = "at")]
        days: Option<String>,
        /// Remove every reminder of the habit.
        #[arg(long, conflicts_with = "at")]
        clear: bool,
    },
    /// Archive a habit: it leaves your list and its reminders stop; its history stays.
    Archive {
        /// The habit's name (or the start of it).
        name: String,
    },
}

pub fn run(
    data_dir: &Path,
    command: HabitsCommand,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match command {
        HabitsCommand::List { as_of, json } => {
            list(data_dir, as_of, json, clock, out).map_err(read_damage(data_dir))
        }
        HabitsCommand::Library => library(out),
        HabitsCommand::Add {
            habit,
            schedule,
            stance,
            measure,
            target,
            per,
            at_most,
        } => {
            let measure = measure
                .map(|unit| measured(&unit, target.as_deref(), per.as_deref(), at_most))
                .transpose()?;
            let wanted = Wanted {
                id_or_name: &habit,
                schedule: schedule.as_deref(),
                stance: stance.as_deref(),
                measure,
            };
            add(data_dir, wanted, clock, out)
        }
        HabitsCommand::Check {
            name,
            date,
            state,
            amount,
            note,
        } => {
            let entry = match (state, amount) {
                (_, Some(amount)) => Entry::Amount(
                    parse_amount("The amount", &amount)
                        .map_err(|e| CliError::Usage(e.to_string()))?,
                ),
                (state, None) => {
                    let state = state.as_deref().unwrap_or("done");
                    Entry::State(CheckState::parse(state).ok_or_else(|| {
                        CliError::Usage(format!("{state:?} is not a state: done, not-done or skip"))
                    })?)
                }
            };
            check(data_dir, &name, date, entry, note.as_deref(), clock, out)
        }
        HabitsCommand::Remind {
            name,
            at,
            days,
            clear,
        } => habit_reminders::remind(data_dir, &name, &at, days.as_deref(), clear, out),
        HabitsCommand::Archive { name } => habit_reminders::archive(data_dir, &name, clock, out),
    }
}

fn list(
    data_dir: &Path,
    as_of: Option<NaiveDate>,
    json: bool,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let store = open_store_to_read(data_dir)?;
    let me = me(&store)?.id;
    let as_of = as_of.unwrap_or_else(|| clock.today());
    let habits = store.habit_overviews(me, false, as_of)?;
    if json {
        let rows: Vec<serde_json::Value> = habits.iter().map(json_row).collect();
        serde_json::to_writer_pretty(&mut *out, &rows).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    if habits.is_empty() {
        writeln!(
            out,
            "No habits yet. Add one from the library with: leadback habits add ID (see leadback habits library)"
        )?;
    }
    for h in &habits {
        let today = h.today.map_or("·", |s| match s {
            CheckState::Done => "✓",
            CheckState::NotDone => "✗",
            CheckState::Skipped => "–",
        });
        let schedule = match (&h.habit.measure, h.period_amount) {
            (Some(measure), Some(sum)) => {
                format!("{sum} so far, {}", measure.describe(h.habit.schedule))
            }
            _ => h.habit.schedule.to_string(),
        };
        writeln!(
            out,
            "{today} {:<40} {:<18} strength {:>5.1}%  streak {} (best {})",
            h.habit.name,
            schedule,
            h.strength * 100.0,
            h.streaks.current,
            h.streaks.best
        )?;
    }
    Ok(())
}

fn json_row(h: &HabitOverview) -> serde_json::Value {
    serde_json::json!({
        "id": h.habit.id,
        "name": h.habit.name,
        "stance": h.habit.stance,
        "schedule": h.habit.schedule.to_string(),
        "times": h.habit.schedule.times(),
        "days": h.habit.schedule.days(),
        "strength": (h.strength * 1e6).round() / 1e6,
        "current_streak": h.streaks.current,
        "best_streak": h.streaks.best,
        "today": h.today,
        "unit": h.habit.measure.as_ref().map(|m| &m.unit),
        "target": h.habit.measure.as_ref().map(|m| m.target),
        "at_most": h.habit.measure.as_ref().map(|m| m.at_most),
        "today_amount": h.today_amount,
        "period_amount": h.period_amount,
    })
}

fn library(out: &mut dyn Write) -> Result<(), CliError> {
    let library = builtin_library()?;
    for habit in library.habits() {
        writeln!(
            out,
            "{:<34} {:<8} {:<16} {}",
            habit.id,
            habit.stance.as_str(),
            habit.schedule.to_string(),
            habit.name
        )?;
    }
    Ok(())
}

/// What `habits add` was asked for.
struct Wanted<'a> {
    id_or_name: &'a str,
    schedule: Option<&'a str>,
    stance: Option<&'a str>,
    /// A measurable habit's measure and period.
    measure: Option<(Measure, Schedule)>,
}

/// `--measure UNIT --target N [--per day|week|month] [--at-most]`, checked.
fn measured(
    unit: &str,
    target: Option<&str>,
    per: Option<&str>,
    at_most: bool,
) -> Result<(Measure, Schedule), CliError> {
    let usage = |e: &dyn std::fmt::Display| CliError::Usage(e.to_string());
    let target = parse_amount("The target", target.unwrap_or("")).map_err(|e| usage(&e))?;
    let per = per.unwrap_or("day");
    let period = period_schedule(per)
        .ok_or_else(|| usage(&format!("{per:?} is not a period: day, week or month")))?;
    Ok((
        Measure::new(unit, target, at_most).map_err(|e| usage(&e))?,
        period,
    ))
}

/// What `habits check` records.
enum Entry {
    State(CheckState),
    Amount(f64),
}

/// Adds a habit: from the library by id, or the person's own with a name (and optionally a
/// schedule like "3/week" and a stance, or a measure).
fn add(
    data_dir: &Path,
    wanted: Wanted<'_>,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let Wanted {
        id_or_name,
        schedule,
        stance,
        measure,
    } = wanted;
    let library = builtin_library()?;
    let schedule = schedule
        .map(Schedule::parse)
        .transpose()
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let stance = stance
        .map(|s| {
            HabitStance::parse(s).ok_or_else(|| {
                CliError::Usage(format!(
                    "{s:?} is not a stance: front, behind, servant or rest"
                ))
            })
        })
        .transpose()?;
    let (mut store, me) = open_with_me(data_dir)?;
    let now = clock.now();
    let added = if library.get(id_or_name).is_some() && measure.is_none() {
        let wanted = actions::FromLibrary {
            library_id: id_or_name,
            stance,
            schedule,
        };
        let (habit, new) = actions::add_from_library(&mut store, &library, me, wanted, now)?;
        if !new {
            writeln!(
                out,
                "You have {} already ({}); nothing was added.",
                habit.name, habit.schedule
            )?;
            return Ok(());
        }
        habit
    } else {
        let own = actions::OwnHabit {
            name: id_or_name,
            stance,
            why: None,
            schedule: measure
                .as_ref()
                .map_or(schedule.unwrap_or(Schedule::DAILY), |(_, period)| *period),
            measure: measure.as_ref().map(|(measure, _)| measure),
        };
        actions::add_own(&mut store, me, own, now)?
    };
    let how = match &added.measure {
        Some(measure) => measure.describe(added.schedule),
        None => added.schedule.to_string(),
    };
    writeln!(out, "Added {} ({how}).", added.name)?;
    Ok(())
}

fn check(
    data_dir: &Path,
    name: &str,
    date: Option<NaiveDate>,
    entry: Entry,
    note: Option<&str>,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (mut store, me) = open_with_me(data_dir)?;
    let habit = find_habit(&store, me, name)?;
    // Without --note the day's note stays; --note "" clears it.
    let day = date.unwrap_or_else(|| clock.today());
    let note = note.map_or(actions::NoteChange::Keep, |n| {
        actions::NoteChange::Set(Some(n))
    });
    let said = match entry {
        Entry::State(state) => {
            let input = actions::CheckIn {
                habit_id: habit.id,
                day,
                state: Some(state),
                note,
            };
            actions::check_in(&mut store, clock, me, input)?;
            state.as_str().replace('_', " ")
        }
        Entry::Amount(amount) => {
            let input = actions::AmountIn {
                habit_id: habit.id,
                day,
                amount,
                note,
            };
            actions::enter_amount(&mut store, clock, me, input)?;
            match habit.measure.as_ref().map(|m| m.unit.as_str()) {
                Some("") | None => format!("{amount}"),
                Some(unit) => format!("{amount} {unit}"),
            }
        }
    };
    writeln!(out, "{}: {said} on {day}.", habit.name)?;
    Ok(())
}

/// Records a day's energy, 1 (drained) to 5 (full).
pub fn energy(
    data_dir: &Path,
    level: i64,
    date: Option<NaiveDate>,
    note: Option<&str>,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (mut store, me) = open_with_me(data_dir)?;
    // Without --note the day's note stays; --note "" clears it.
    let note = note.map_or(actions::NoteChange::Keep, |n| {
        actions::NoteChange::Set(Some(n))
    });
    let day = date.unwrap_or_else(|| clock.today());
    let saved = leadback_actions::energy::set(
        &mut store,
        me,
        day,
        level,
        note,
        clock.today(),
        clock.now(),
    )?;
    let day = saved.day;
    writeln!(out, "Energy {level} of 5 on {day}.")?;
    Ok(())
}
