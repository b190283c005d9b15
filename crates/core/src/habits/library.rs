//! The habit library: the habits Leadback offers, as data (`assets/habits/library.toml`), each
//! tagged with the stance it builds, a one-line "why" and the passage of the source texts it comes
//! from. Parsed like the instrument: loose raw structs first, then our own checks, so a fault is
//! reported with the file, the habit and the problem — all of them at once.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

use super::measure::period_schedule;
use super::{HabitName, HabitStance, Measure, Schedule, ScheduleError};
use crate::FileError;
use crate::validation::{ValidationError, single_line};

/// The longest "why": one line under the habit's name.
pub const WHY_MAX_CHARS: usize = 200;
/// The longest source reference.
pub const SOURCE_MAX_CHARS: usize = 300;

/// A habit the library offers; a person adds it to their own list with its default schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LibraryHabit {
    /// Kebab-case and stable: the assessment's suggestions and people's habits refer to it.
    pub id: String,
    pub name: String,
    pub stance: HabitStance,
    /// One line on why this habit builds the stance.
    pub why: String,
    /// The passage of the source texts it comes from, e.g. `000 §Empowerment & Rest: …`.
    pub source: String,
    /// For a measurable habit, once in its period's days (1, 7 or 30).
    pub schedule: Schedule,
    /// Set for a measurable practice (an amount against a target).
    pub measure: Option<Measure>,
}

/// A validated library. Built only by [`HabitLibrary::parse`].
#[derive(Debug, Clone, PartialEq)]
pub struct HabitLibrary {
    habits: Vec<LibraryHabit>,
}

impl HabitLibrary {
    /// In the file's order.
    pub fn habits(&self) -> &[LibraryHabit] {
        &self.habits
    }

    pub fn get(&self, id: &str) -> Option<&LibraryHabit> {
        self.habits.iter().find(|h| h.id == id)
    }

    /// Parses and validates a library file. `file_name` is only used in messages.
    pub fn parse(file_name: &str, text: &str) -> Result<Self, HabitLibraryError> {
        let raw: RawLibrary = HabitLibraryError::read_toml(file_name, text)?;
        let mut problems = Vec::new();
        if raw.habits.is_empty() {
            problems.push(HabitProblem {
                at: "the library".to_owned(),
                fault: HabitFault::NoHabits,
            });
        }
        let mut seen = BTreeMap::new();
        let habits = raw
            .habits
            .into_iter()
            .enumerate()
            .filter_map(|(i, h)| habit(i, h, &mut seen, &mut problems))
            .collect();
        HabitLibraryError::unless_problems(file_name, Self { habits }, problems)
    }
}

/// Why a habit library file was refused.
pub type HabitLibraryError = FileError<HabitProblem>;

/// One fault and where it is, e.g. `habit "real-break": the stance is "resting" …`.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{at}: {fault}")]
pub struct HabitProblem {
    /// `habit "real-break"`, or `habit #3` when it has no id.
    pub at: String,
    pub fault: HabitFault,
}

#[derive(Debug, Clone, PartialEq, Error)]
pub enum HabitFault {
    #[error("there are no habits; add at least one [[habits]] table")]
    NoHabits,
    #[error("the {field} is missing")]
    Missing { field: &'static str },
    #[error("the id {id:?} must be kebab-case: lowercase letters and digits joined by single '-'")]
    InvalidId { id: String },
    #[error("the id {id:?} is already used by {first}")]
    DuplicateId { id: String, first: String },
    #[error("{0}")]
    Text(ValidationError),
    #[error("the stance is {found:?}; expected \"front\", \"behind\", \"servant\" or \"rest\"")]
    UnknownStance { found: String },
    #[error("the schedule is wrong: {0}")]
    BadSchedule(ScheduleError),
    #[error("the measure is wrong: {0}")]
    BadMeasure(String),
    #[error("a measurable habit has a measure (with its period in `per`) instead of a schedule")]
    MeasureAndSchedule,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawLibrary {
    habits: Vec<RawHabit>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawHabit {
    id: String,
    name: String,
    stance: String,
    why: String,
    source: String,
    schedule: Option<RawSchedule>,
    measure: Option<RawMeasure>,
}

/// `measure = { unit = "minutes", target = 10, per = "day", at_most = false }`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawMeasure {
    unit: String,
    target: Option<f64>,
    per: String,
    at_most: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawSchedule {
    times: Option<i64>,
    days: Option<i64>,
}

fn habit(
    index: usize,
    raw: RawHabit,
    seen: &mut BTreeMap<String, String>,
    problems: &mut Vec<HabitProblem>,
) -> Option<LibraryHabit> {
    let at = if raw.id.trim().is_empty() {
        format!("habit #{}", index + 1)
    } else {
        format!("habit {:?}", raw.id)
    };
    let mut fault = |fault| {
        problems.push(HabitProblem {
            at: at.clone(),
            fault,
        })
    };

    let id_ok = if raw.id.is_empty() {
        fault(HabitFault::Missing { field: "id" });
        false
    } else if !is_kebab_case(&raw.id) {
        fault(HabitFault::InvalidId { id: raw.id.clone() });
        false
    } else if let Some(first) = seen.get(&raw.id) {
        let (id, first) = (raw.id.clone(), first.clone());
        fault(HabitFault::DuplicateId { id, first });
        false
    } else {
        seen.insert(raw.id.clone(), at.clone());
        true
    };
    let name = HabitName::parse(&raw.name)
        .map(HabitName::into_string)
        .map_err(|e| fault(HabitFault::Text(e)))
        .ok();
    let why = single_line("The why", &raw.why, WHY_MAX_CHARS)
        .map_err(|e| fault(HabitFault::Text(e)))
        .ok();
    let source = single_line("The source", &raw.source, SOURCE_MAX_CHARS)
        .map_err(|e| fault(HabitFault::Text(e)))
        .ok();
    let stance = HabitStance::parse(raw.stance.trim());
    if stance.is_none() {
        fault(if raw.stance.trim().is_empty() {
            HabitFault::Missing { field: "stance" }
        } else {
            HabitFault::UnknownStance {
                found: raw.stance.clone(),
            }
        });
    }
    let measured = raw.measure.map(|m| {
        let period = period_schedule(&m.per).ok_or_else(|| {
            format!(
                "`per` is {:?}; expected \"day\", \"week\" or \"month\"",
                m.per
            )
        });
        let target = m.target.ok_or_else(|| "the target is missing".to_owned());
        target.and_then(|target| {
            Ok((
                Measure::new(&m.unit, target, m.at_most).map_err(|e| e.to_string())?,
                period?,
            ))
        })
    });
    let (schedule, measure) = match (measured, raw.schedule) {
        (Some(_), Some(_)) => {
            fault(HabitFault::MeasureAndSchedule);
            (None, None)
        }
        (Some(Ok((measure, period))), None) => (Some(period), Some(measure)),
        (Some(Err(e)), None) => {
            fault(HabitFault::BadMeasure(e));
            (None, None)
        }
        (None, schedule) => (yes_no_schedule(schedule, &mut fault), None),
    };
    Some(LibraryHabit {
        id: id_ok.then_some(raw.id)?,
        name: name?,
        stance: stance?,
        why: why?,
        source: source?,
        schedule: schedule?,
        measure,
    })
}

fn yes_no_schedule(
    schedule: Option<RawSchedule>,
    fault: &mut impl FnMut(HabitFault),
) -> Option<Schedule> {
    match schedule {
        None => {
            fault(HabitFault::Missing { field: "schedule" });
            None
        }
        Some(RawSchedule { times, days }) => match (times, days) {
            (Some(times), Some(days)) => Schedule::new(times, days)
                .map_err(|e| fault(HabitFault::BadSchedule(e)))
                .ok(),
            (None, _) => {
                fault(HabitFault::Missing {
                    field: "schedule's times",
                });
                None
            }
            (_, None) => {
                fault(HabitFault::Missing {
                    field: "schedule's days",
                });
                None
            }
        },
    }
}

fn is_kebab_case(id: &str) -> bool {
    id.split('-').all(|part| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    })
}
