//! The self-assessment: taking it (answers saved one by one), finishing it, and its results and
//! history. Every answer is checked against the instrument the assessment was started on before it
//! is saved; scores are always recomputed from the stored answers.

use leadback_actions::assessments::{self, Answer};
use leadback_core::assessment::{
    HistoryEntry, Questionnaire, ScoredAssessment, StanceConsistency, consistency,
};
use leadback_store::{AssessmentRecord, Store};
use tauri::State;

use crate::commands::instruments;
use crate::commands::{ensure_mine, my_id};
use crate::error::IpcError;
use crate::state::AppState;

/// The instrument new assessments are taken on, with its questions in the order they are asked.
#[tauri::command]
pub async fn get_questionnaire(state: State<'_, AppState>) -> Result<Questionnaire, IpcError> {
    let library = instruments::library(&state, &*state.store()?)?;
    Ok(Questionnaire::new(library.current().view()))
}

/// My unfinished assessment, if any, to offer resuming it.
#[tauri::command]
pub async fn get_open_assessment(
    state: State<'_, AppState>,
) -> Result<Option<AssessmentRecord>, IpcError> {
    let store = state.store()?;
    Ok(store.open_assessment(my_id(&store)?)?)
}

/// Starts an assessment on the current instrument, or resumes the unfinished one.
#[tauri::command]
pub async fn start_assessment(state: State<'_, AppState>) -> Result<AssessmentRecord, IpcError> {
    let mut store = state.store()?;
    let library = instruments::library(&state, &store)?;
    let me = my_id(&store)?;
    Ok(assessments::start(
        &mut store,
        &library,
        me,
        state.clock.now(),
    )?)
}

/// Saves the answer to one item (`value: null` skips it) and where to resume.
#[tauri::command]
pub async fn answer_item(
    state: State<'_, AppState>,
    assessment_id: i64,
    item_id: String,
    value: Option<i64>,
    position: i64,
) -> Result<(), IpcError> {
    let answer = Answer::Item {
        id: &item_id,
        value,
    };
    save(&state, assessment_id, answer, position)
}

/// Saves the option chosen in one scenario (`optionId: null` skips it) and where to resume.
#[tauri::command]
pub async fn answer_scenario(
    state: State<'_, AppState>,
    assessment_id: i64,
    scenario_id: String,
    option_id: Option<String>,
    position: i64,
) -> Result<(), IpcError> {
    let answer = Answer::Scenario {
        id: &scenario_id,
        option: option_id.as_deref(),
    };
    save(&state, assessment_id, answer, position)
}

/// Remembers the step the person moved to without answering (back, forward).
#[tauri::command]
pub async fn move_in_assessment(
    state: State<'_, AppState>,
    assessment_id: i64,
    position: i64,
) -> Result<(), IpcError> {
    let mut store = state.store()?;
    let record = my_assessment(&store, assessment_id)?;
    let library = instruments::library(&state, &store)?;
    Ok(assessments::move_to(
        &mut store, &library, &record, position,
    )?)
}

/// Finishes the assessment and returns its result.
#[tauri::command]
pub async fn finish_assessment(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> Result<ScoredAssessment, IpcError> {
    let mut store = state.store()?;
    my_assessment(&store, assessment_id)?;
    let library = instruments::library(&state, &store)?;
    Ok(assessments::finish(
        &mut store,
        &library,
        assessment_id,
        state.clock.now(),
    )?)
}

/// Throws away an unfinished assessment and its answers.
#[tauri::command]
pub async fn discard_assessment(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> Result<(), IpcError> {
    let mut store = state.store()?;
    my_assessment(&store, assessment_id)?;
    Ok(assessments::discard(&mut store, assessment_id)?)
}

/// A finished assessment's result, recomputed from its answers.
#[tauri::command]
pub async fn get_assessment_result(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> Result<ScoredAssessment, IpcError> {
    let store = state.store()?;
    let record = my_assessment(&store, assessment_id)?;
    let library = instruments::library(&state, &store)?;
    Ok(assessments::result(&record, &library)?)
}

/// Cronbach's alpha per stance over every finished assessment in this database taken with the
/// current instrument (a coach's clients and their own), or how many there are so far.
#[tauri::command]
pub async fn get_consistency(
    state: State<'_, AppState>,
) -> Result<Vec<StanceConsistency>, IpcError> {
    let store = state.store()?;
    let library = instruments::library(&state, &store)?;
    let instrument = library.current();
    let sheets = store.completed_sheets(instrument.id(), i64::from(instrument.version()))?;
    Ok(consistency(instrument, &sheets))
}

/// Every finished assessment of mine, oldest first, each scored on its own instrument version.
#[tauri::command]
pub async fn get_assessment_history(
    state: State<'_, AppState>,
) -> Result<Vec<HistoryEntry>, IpcError> {
    let store = state.store()?;
    let library = instruments::library(&state, &store)?;
    Ok(assessments::history(&store, &library, my_id(&store)?)?)
}

/// One of my assessments; another person's is as good as missing.
fn my_assessment(store: &Store, id: i64) -> Result<AssessmentRecord, IpcError> {
    let record = store.assessment(id)?;
    ensure_mine(store, record.person_id, "assessment", id)?;
    Ok(record)
}

fn save(
    state: &AppState,
    assessment_id: i64,
    answer: Answer<'_>,
    position: i64,
) -> Result<(), IpcError> {
    let mut store = state.store()?;
    let record = my_assessment(&store, assessment_id)?;
    let library = instruments::library(state, &store)?;
    let now = state.clock.now();
    Ok(assessments::answer(
        &mut store, &library, &record, answer, position, now,
    )?)
}
