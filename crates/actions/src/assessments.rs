//! Scoring a stored assessment.
//!
//! **The one rule for an unfinished assessment:** it has no result. Asking for the score of an
//! assessment that is not finished is refused with [`ActionError::Unfinished`]; it is never scored
//! with a made-up completion time, and never silently left out of a list that claims to be complete.
//! Lists of results read only finished assessments from the store, so the rule only fires on a
//! direct request (or on damaged data).
//!
//! Each assessment is scored on the instrument version it was taken with, recomputed from the
//! stored answers every time.

use chrono::{DateTime, Utc};
use leadback_core::assessment::{HistoryEntry, InstrumentLibrary, ScoredAssessment, evaluate};
use leadback_store::{AssessmentRecord, Store};

use crate::ActionError;

/// When `record` was finished, or [`ActionError::Unfinished`].
pub fn finished_at(record: &AssessmentRecord) -> Result<DateTime<Utc>, ActionError> {
    record
        .completed_at
        .ok_or(ActionError::Unfinished { id: record.id })
}

/// The full result of a finished assessment: scores, interpretation and suggestions.
pub fn result(
    record: &AssessmentRecord,
    instruments: &InstrumentLibrary,
) -> Result<ScoredAssessment, ActionError> {
    let completed_at = finished_at(record)?;
    let instrument = instruments.find(&record.instrument_id, record.instrument_version)?;
    Ok(ScoredAssessment {
        id: record.id,
        started_at: record.started_at,
        completed_at,
        result: evaluate(instrument, &record.sheet())?,
    })
}

/// One finished assessment as a point in a person's history.
pub fn history_entry(
    record: &AssessmentRecord,
    instruments: &InstrumentLibrary,
) -> Result<HistoryEntry, ActionError> {
    let completed_at = finished_at(record)?;
    let instrument = instruments.find(&record.instrument_id, record.instrument_version)?;
    Ok(HistoryEntry::score(
        record.id,
        completed_at,
        instrument,
        &record.sheet(),
    )?)
}

/// Every finished assessment of `person_id`, oldest first, each scored.
pub fn history(
    store: &Store,
    instruments: &InstrumentLibrary,
    person_id: i64,
) -> Result<Vec<HistoryEntry>, ActionError> {
    store
        .completed_assessments(person_id)?
        .iter()
        .map(|record| history_entry(record, instruments))
        .collect()
}

/// The latest finished assessment of `person_id`, scored; `None` before the first.
pub fn latest(
    store: &Store,
    instruments: &InstrumentLibrary,
    person_id: i64,
) -> Result<Option<HistoryEntry>, ActionError> {
    store
        .completed_assessments(person_id)?
        .last()
        .map(|record| history_entry(record, instruments))
        .transpose()
}
