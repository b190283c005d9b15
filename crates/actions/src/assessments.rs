//! Taking the self-assessment (start or resume, answer step by step, move, finish, discard) and
//! scoring a stored one. Every answer is checked against the instrument version the assessment was
//! started on before it is saved, and saved with the step to resume at in one transaction, so an
//! assessment started in the app can be finished in the CLI and back.
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
use leadback_core::assessment::{
    HistoryEntry, Instrument, InstrumentLibrary, Questionnaire, ScoredAssessment, evaluate,
};
use leadback_store::{AssessmentRecord, Store};

use crate::ActionError;

/// The answer to one step of the questionnaire; `None` skips the step.
#[derive(Debug, Clone, Copy)]
pub enum Answer<'a> {
    /// A statement (or an energy item) rated on the instrument's scale.
    Item { id: &'a str, value: Option<i64> },
    /// The option chosen in a scenario.
    Scenario {
        id: &'a str,
        option: Option<&'a str>,
    },
}

/// Starts an assessment for `person_id` on the instrument new assessments use, or returns their
/// unfinished one (whatever instrument it was started on) to resume it.
pub fn start(
    store: &mut Store,
    instruments: &InstrumentLibrary,
    person_id: i64,
    now: DateTime<Utc>,
) -> Result<AssessmentRecord, ActionError> {
    let current = instruments.current();
    Ok(store.start_assessment(person_id, current.id(), i64::from(current.version()), now)?)
}

/// The instrument `record` was started on.
pub fn instrument_of<'a>(
    record: &AssessmentRecord,
    instruments: &'a InstrumentLibrary,
) -> Result<&'a Instrument, ActionError> {
    Ok(instruments.find(&record.instrument_id, record.instrument_version)?)
}

/// Saves one answer (or a skip) and the step to resume at, after checking both against the
/// assessment's own instrument; nothing is written when either is refused.
pub fn answer(
    store: &mut Store,
    instruments: &InstrumentLibrary,
    record: &AssessmentRecord,
    answer: Answer<'_>,
    position: i64,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    let instrument = instrument_of(record, instruments)?;
    match answer {
        Answer::Item { id, value } => instrument.check_answer(id, value)?,
        Answer::Scenario { id, option } => instrument.check_choice(id, option)?,
    }
    check_position(position, instrument)?;
    match answer {
        Answer::Item { id, value } => store.save_answer(record.id, id, value, position, now)?,
        Answer::Scenario { id, option } => {
            store.save_choice(record.id, id, option, position, now)?
        }
    }
    Ok(())
}

/// Remembers the step the person moved to without answering (back, forward).
pub fn move_to(
    store: &mut Store,
    instruments: &InstrumentLibrary,
    record: &AssessmentRecord,
    position: i64,
) -> Result<(), ActionError> {
    check_position(position, instrument_of(record, instruments)?)?;
    Ok(store.set_assessment_position(record.id, position)?)
}

/// Finishes the assessment and returns its result.
pub fn finish(
    store: &mut Store,
    instruments: &InstrumentLibrary,
    assessment_id: i64,
    now: DateTime<Utc>,
) -> Result<ScoredAssessment, ActionError> {
    let record = store.complete_assessment(assessment_id, now)?;
    result(&record, instruments)
}

/// Throws away an unfinished assessment and its answers (a finished one is refused).
pub fn discard(store: &mut Store, assessment_id: i64) -> Result<(), ActionError> {
    Ok(store.discard_assessment(assessment_id)?)
}

/// A position is a step of the questionnaire: 0 to the number of questions (the finish screen).
fn check_position(position: i64, instrument: &Instrument) -> Result<(), ActionError> {
    let last = Questionnaire::new(instrument.view()).finish_position();
    if (0..=last).contains(&position) {
        Ok(())
    } else {
        Err(ActionError::Invalid(format!(
            "Step {position} is outside the questionnaire (0 to {last})."
        )))
    }
}

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
    let instrument = instrument_of(record, instruments)?;
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
    let instrument = instrument_of(record, instruments)?;
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
