//! What the coach sees of a client at a glance: the timeline, the overview, and what erasing them
//! would delete.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::people::{Consent, PersonSummary};
use super::sessions::{Homework, Session};
use crate::assessment::HistoryEntry;

/// One line of a client's timeline, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TimelineKind {
    Session,
    Assessment,
    Exercise,
    HabitStarted,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TimelineEntry {
    pub kind: TimelineKind,
    /// When, in the coach's local time for sessions and UTC for what the app recorded.
    pub at: NaiveDateTime,
    pub title: String,
    /// The session, assessment, exercise run or habit it is about.
    pub id: i64,
}

/// Everything the client overview shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientOverview {
    pub summary: PersonSummary,
    /// Every consent record, newest first.
    pub consents: Vec<Consent>,
    /// The latest finished assessment, scored.
    pub latest: Option<HistoryEntry>,
    /// When their unfinished assessment was started, if one waits to be resumed.
    pub unfinished_since: Option<DateTime<Utc>>,
    /// Newest first.
    pub sessions: Vec<Session>,
    pub homework: Vec<Homework>,
    pub timeline: Vec<TimelineEntry>,
}

/// What erasing a person deletes, for the confirmation that names it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErasePreview {
    pub name: String,
    pub sessions: i64,
    pub assessments: i64,
    pub habits: i64,
    pub check_ins: i64,
    pub exercise_runs: i64,
    pub journal_entries: i64,
    pub consents: i64,
    /// Observer forms asked for, and how many came back with answers.
    pub observer_forms: i64,
    pub observer_answers: i64,
}
