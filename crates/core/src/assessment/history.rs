//! A person's finished assessments, each re-scored from its raw answers on the instrument version it
//! was taken on: what the history screen and chart show, in time order.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{AnswerSheet, Instrument, ProfileResult, Scores, ScoringError, evaluate};

/// One finished assessment, as the history lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HistoryEntry {
    pub id: i64,
    pub completed_at: DateTime<Utc>,
    pub instrument_id: String,
    pub instrument_version: u32,
    pub scores: Scores,
    pub profile: ProfileResult,
}

impl HistoryEntry {
    pub fn score(
        id: i64,
        completed_at: DateTime<Utc>,
        instrument: &Instrument,
        sheet: &AnswerSheet,
    ) -> Result<Self, ScoringError> {
        let result = evaluate(instrument, sheet)?;
        Ok(Self {
            id,
            completed_at,
            instrument_id: result.instrument_id,
            instrument_version: result.instrument_version,
            scores: result.scores,
            profile: result.profile,
        })
    }
}

/// A finished assessment with everything its results screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScoredAssessment {
    pub id: i64,
    pub started_at: DateTime<Utc>,
    pub completed_at: DateTime<Utc>,
    pub result: super::AssessmentResult,
}
