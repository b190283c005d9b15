//! A retreat's results: a participant exports their results file, the facilitator imports
//! everyone's and reads the cohort's anonymised summary.

use std::path::{Path, PathBuf};

use leadback_core::Clock;
use leadback_core::assessment::{InstrumentLibrary, score};
use leadback_core::cohort::{CohortSummary, ResultsFile, summarize};
use leadback_core::programmes::{Programme, exchange::MAX_FILE_BYTES};
use leadback_store::{AssessmentRecord, Store};

use crate::{ActionError, assessments, files};

/// What a participant puts in their results file.
#[derive(Debug, Clone, Copy)]
pub struct ExportResults<'a> {
    pub programme: &'a Programme,
    /// The code the participant chose; the facilitator sees this, not their name.
    pub participant_code: &'a str,
    /// Their name, only if they choose to give it.
    pub name: Option<&'a str>,
    pub path: &'a Path,
}

/// Writes `person_id`'s results file for a programme. The rule for "before" and "after": their
/// first and their latest finished assessment (only "before" when there is one, neither when there
/// is none), each scored on its own instrument version; the exercises are those of the programme
/// they finished. Nothing is written when any of it is refused.
pub fn export_results(
    store: &Store,
    instruments: &InstrumentLibrary,
    person_id: i64,
    input: ExportResults<'_>,
) -> Result<(), ActionError> {
    let history = store.completed_assessments(person_id)?;
    let finished = store.finished_exercises(person_id)?;
    let stances = |record: &AssessmentRecord| -> Result<_, ActionError> {
        assessments::finished_at(record)?;
        let instrument = instruments.find(&record.instrument_id, record.instrument_version)?;
        Ok(score(instrument, &record.sheet())?.stances)
    };
    let (pre, post) = match history.as_slice() {
        [] => (None, None),
        [only] => (Some(stances(only)?), None),
        [first, .., last] => (Some(stances(first)?), Some(stances(last)?)),
    };
    let in_programme: Vec<String> = input
        .programme
        .exercise_ids()
        .into_iter()
        .filter(|id| finished.contains(id))
        .collect();
    let file = ResultsFile::new(
        &input.programme.id,
        input.participant_code,
        input.name,
        pre,
        post,
        &in_programme,
    )
    .map_err(|e| ActionError::Invalid(e.to_string()))?;
    files::write(store, input.path, file.seal())
}

/// Imports participants' results files: every file is read and checked before any is stored, and
/// all are stored in one transaction. Returns how many.
pub fn import_results(
    store: &mut Store,
    clock: &dyn Clock,
    paths: &[PathBuf],
) -> Result<usize, ActionError> {
    if paths.is_empty() {
        return Err(ActionError::Invalid(
            "Choose at least one results file.".to_owned(),
        ));
    }
    let mut opened = Vec::with_capacity(paths.len());
    for path in paths {
        let text = files::read_chosen_text(path, MAX_FILE_BYTES)?;
        let file = ResultsFile::open(&text).map_err(|e| ActionError::File {
            path: path.clone(),
            message: e.to_string(),
        })?;
        opened.push((
            file.programme_id().to_owned(),
            file.participant_code().to_owned(),
            text,
        ));
    }
    store.import_cohort_results(&opened, clock.now())?;
    Ok(opened.len())
}

/// Which programme's cohort to summarise when none is named: the only one with results.
pub fn only_cohort(store: &Store) -> Result<String, ActionError> {
    let cohorts = store.cohorts()?;
    match cohorts.as_slice() {
        [(only, _)] => Ok(only.clone()),
        [] => Err(ActionError::NotFound(
            "No results imported yet: import participants' results files first.".to_owned(),
        )),
        _ => {
            let ids: Vec<&str> = cohorts.iter().map(|(id, _)| id.as_str()).collect();
            Err(ActionError::Invalid(format!(
                "Results of several programmes are here ({}); choose one.",
                ids.join(", ")
            )))
        }
    }
}

/// The cohort's anonymised picture for `programme_id` (among `programmes`, which give its
/// exercises). Results of a programme no longer here are still summarised; a programme that is
/// neither here nor has results is [`ActionError::NotFound`].
pub fn summary(
    store: &Store,
    programmes: &[Programme],
    programme_id: &str,
) -> Result<CohortSummary, ActionError> {
    let bodies = store.cohort_results(programme_id)?;
    let programme = programmes.iter().find(|p| p.id == programme_id);
    if bodies.is_empty() && programme.is_none() {
        return Err(ActionError::NotFound(format!(
            "There is no programme {programme_id:?}."
        )));
    }
    let results = bodies
        .iter()
        .map(|body| {
            ResultsFile::open(body)
                .map_err(|e| ActionError::Invalid(format!("A stored results file is damaged: {e}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let exercises = programme.map(Programme::exercise_ids).unwrap_or_default();
    Ok(summarize(programme_id, &exercises, &results))
}
