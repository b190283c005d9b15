//! What a report is made from: [`ReportData`], which the store gathers for one person.

use chrono::NaiveDate;

use super::observers::ObserverComparison;
use crate::Person;
use crate::assessment::{AssessmentResult, HistoryEntry};
use crate::clients::Session;
use crate::habits::HabitStance;

/// Everything a report is made from, gathered by the store for one person.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportData {
    pub person: Person,
    /// Whoever prepared the report: the app's "me", when the report is about a client.
    pub coach: Option<Person>,
    pub generated_on: NaiveDate,
    /// Every finished assessment, oldest first.
    pub history: Vec<HistoryEntry>,
    /// The full result of the newest finished assessment.
    pub latest: Option<AssessmentResult>,
    /// Names of the habits and exercises the latest result suggests (found in the libraries).
    pub suggested_habits: Vec<String>,
    pub suggested_exercises: Vec<String>,
    /// The person's habits that are not archived, in their own order.
    pub habits: Vec<HabitSummary>,
    /// Every exercise the person finished at least once.
    pub exercises: Vec<ExerciseSummary>,
    /// Session notes, oldest first; `None` unless the coach chose to include them.
    pub sessions: Option<Vec<Session>>,
    /// The observers' (360) view beside the person's own scores, as the app shows it; `None`
    /// when no observer has answered.
    pub observers: Option<ObserverComparison>,
}

/// One habit as the report shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct HabitSummary {
    pub name: String,
    pub stance: Option<HabitStance>,
    /// In words, e.g. "3 times a week".
    pub schedule: String,
    /// 0–1, as of the report's date.
    pub strength: f64,
    pub current_streak: u32,
    pub best_streak: u32,
}

/// One exercise the person has done.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseSummary {
    pub exercise_id: String,
    /// The library's title, or the id for an exercise no longer in the library.
    pub title: String,
    pub times: u32,
    pub last_done: NaiveDate,
}
