//! Sessions with a client: their agenda and notes, what was run or used in them, and the homework
//! set there with the day it is due.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validation::{ValidationError, multi_line};

pub const AGENDA_MAX_CHARS: usize = 2_000;

/// Session notes are Markdown; a megabyte of them must save (2 million characters fit).
pub const NOTES_MAX_CHARS: usize = 2_000_000;

/// A session as planned or held: when (the coach's local time) and the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SessionInput {
    pub starts_at: NaiveDateTime,
    pub agenda: String,
}

impl SessionInput {
    /// The agenda, trimmed (it may be empty).
    pub fn validate(&self) -> Result<String, ValidationError> {
        multi_line("The agenda", &self.agenda, AGENDA_MAX_CHARS, true)
    }
}

/// Session notes (Markdown) as typed: kept exactly, only their length is limited.
pub fn validate_notes(notes: &str) -> Result<(), ValidationError> {
    let len = notes.chars().count();
    if len > NOTES_MAX_CHARS {
        return Err(ValidationError::TooLong {
            field: "Session notes",
            len,
            max: NOTES_MAX_CHARS,
        });
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Session {
    pub id: i64,
    pub person_id: i64,
    pub starts_at: NaiveDateTime,
    pub agenda: String,
    pub notes: String,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HomeworkKind {
    Habit,
    Exercise,
}

impl HomeworkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Habit => "habit",
            Self::Exercise => "exercise",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "habit" => Some(Self::Habit),
            "exercise" => Some(Self::Exercise),
            _ => None,
        }
    }
}

/// Homework set in a session, with how far the client got since.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Homework {
    pub id: i64,
    pub session_id: i64,
    pub kind: HomeworkKind,
    /// The habit's or the exercise's name.
    pub title: String,
    pub habit_id: Option<i64>,
    pub exercise_id: Option<String>,
    pub assigned_on: NaiveDate,
    /// Habit: days checked in as done since it was set. Exercise: times finished since.
    pub done: i64,
    /// Habit only: its strength today, 0 to 1.
    pub strength: Option<f64>,
    /// The day it should be done by, if the coach set one.
    pub due_on: Option<NaiveDate>,
}

/// How far ahead homework may be due: a year is longer than any coaching agreement.
pub const DUE_MAX_DAYS_AHEAD: i64 = 366;

/// A due day for homework set on `assigned_on`: none, or from that day to a year after it.
pub fn validate_due(
    assigned_on: NaiveDate,
    due_on: Option<NaiveDate>,
) -> Result<Option<NaiveDate>, ValidationError> {
    let Some(due) = due_on else {
        return Ok(None);
    };
    let last = assigned_on + chrono::Days::new(DUE_MAX_DAYS_AHEAD.unsigned_abs());
    if due < assigned_on || due > last {
        return Err(ValidationError::OutsideDays {
            field: "The day homework is due",
            first: assigned_on,
            last,
        });
    }
    Ok(Some(due))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SessionItemKind {
    Assessment,
    Habit,
    Exercise,
    Programme,
}

impl SessionItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Assessment => "assessment",
            Self::Habit => "habit",
            Self::Exercise => "exercise",
            Self::Programme => "programme",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "assessment" => Some(Self::Assessment),
            "habit" => Some(Self::Habit),
            "exercise" => Some(Self::Exercise),
            "programme" => Some(Self::Programme),
            _ => None,
        }
    }
}

/// What was run or used in a session, as the coach picks it: one of the client's assessments or
/// habits, or an exercise or programme from the library by its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum SessionItemInput {
    Assessment { assessment_id: i64 },
    Habit { habit_id: i64 },
    Exercise { exercise_id: String },
    Programme { programme_id: String },
}

impl SessionItemInput {
    pub fn kind(&self) -> SessionItemKind {
        match self {
            Self::Assessment { .. } => SessionItemKind::Assessment,
            Self::Habit { .. } => SessionItemKind::Habit,
            Self::Exercise { .. } => SessionItemKind::Exercise,
            Self::Programme { .. } => SessionItemKind::Programme,
        }
    }
}

/// One thing run or used in a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SessionItem {
    pub id: i64,
    pub session_id: i64,
    pub kind: SessionItemKind,
    /// The assessment's or the habit's id; none for exercises and programmes.
    pub record_id: Option<i64>,
    /// The exercise's or the programme's library id; none for assessments and habits.
    pub library_id: Option<String>,
    /// What the coach sees: the habit's, exercise's or programme's name, or "Assessment".
    pub title: String,
    /// Assessments only: whether it was finished.
    pub finished: Option<bool>,
    pub added_at: DateTime<Utc>,
}
