//! Observer forms end to end, for the app and the CLI alike: asking an observer, the form an
//! unanswered request shows (at the hand-over screen or as an exported page), answers given here
//! or brought back in a file (checked by the domain, tied to their request and person, once), and
//! the combined view beside the person's own scores. The rules are the domain's
//! (`leadback_core::observers`); this file finds the records they apply to.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use leadback_core::assessment::{Instrument, InstrumentLibrary, StanceScores, score};
use leadback_core::observers::{
    ExpectedRequest, ObserverAnswers, ObserverForm, ObserverSummary, aggregate, observer_items,
    peek_request_id, verify_answers,
};
use serde::Serialize;
use ts_rs::TS;

use crate::observers::{AnsweredVia, ObserverRequest};
use crate::{Store, StoreError};

/// Everything the observers card shows about one person.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ObserverView {
    /// Every request, oldest first, answered or not.
    pub requests: Vec<ObserverRequest>,
    /// The instrument the combined view is about: the one of the person's latest assessment, or
    /// the one new assessments use.
    pub instrument_id: String,
    pub instrument_version: i64,
    /// Whether that instrument has observer wording (without it no form can be made).
    pub forms_possible: bool,
    /// The person's own latest scores on it; null stances when they have none.
    pub own: StanceScores,
    /// The observers' combined view; withheld per stance below three observers.
    pub summary: ObserverSummary,
}

fn unreadable(err: &impl std::fmt::Display) -> StoreError {
    StoreError::InvalidRecord(err.to_string())
}

fn version_of(instrument: &Instrument) -> i64 {
    i64::from(instrument.version())
}

impl Store {
    /// The instrument a person's observers answer (their latest assessment's, or the one new
    /// assessments use) and their own latest scores on it.
    fn observed_instrument<'a>(
        &self,
        person_id: i64,
        instruments: &'a InstrumentLibrary,
    ) -> Result<(&'a Instrument, StanceScores), StoreError> {
        let Some(record) = self.completed_assessments(person_id)?.pop() else {
            let none = StanceScores {
                front: None,
                behind: None,
                servant: None,
            };
            return Ok((instruments.current(), none));
        };
        let instrument = instruments
            .find(&record.instrument_id, record.instrument_version)
            .map_err(|e| unreadable(&e))?;
        let own = score(instrument, &record.sheet())
            .map_err(|e| unreadable(&e))?
            .stances;
        Ok((instrument, own))
    }

    /// The requests about `person_id` and the observers' combined view beside their own scores.
    pub fn observer_view(
        &self,
        person_id: i64,
        instruments: &InstrumentLibrary,
    ) -> Result<ObserverView, StoreError> {
        self.person(person_id)?;
        let (instrument, own) = self.observed_instrument(person_id, instruments)?;
        let version = version_of(instrument);
        let answers = self.observer_answer_sets(person_id, (instrument.id(), version))?;
        let summary = aggregate(instrument, &own, &answers).map_err(|e| unreadable(&e))?;
        Ok(ObserverView {
            requests: self.observer_requests(person_id)?,
            instrument_id: instrument.id().to_owned(),
            instrument_version: version,
            forms_possible: observer_items(instrument).is_ok(),
            own,
            summary,
        })
    }

    /// Asks `observer` (a name or a role) for their view of `person_id`. The form's own checks
    /// (the name, the instrument's observer wording) run first; a refusal writes nothing.
    pub fn ask_observer(
        &mut self,
        person_id: i64,
        observer: &str,
        instruments: &InstrumentLibrary,
        now: DateTime<Utc>,
    ) -> Result<ObserverRequest, StoreError> {
        let person = self.person(person_id)?;
        self.ensure_consent(person_id)?;
        let (instrument, _) = self.observed_instrument(person_id, instruments)?;
        let form = ObserverForm::new(
            instrument,
            "check",
            &person.name,
            observer,
            now.date_naive(),
        )?;
        let key = (instrument.id(), version_of(instrument));
        self.add_observer_request(person_id, &form.observer, key, now)
    }

    /// The form of an unanswered request, as the hand-over screen and the exported page show it.
    pub fn observer_form(
        &self,
        request_id: i64,
        instruments: &InstrumentLibrary,
    ) -> Result<ObserverForm, StoreError> {
        let request = self.observer_request(request_id)?;
        if request.answered_at.is_some() {
            return Err(StoreError::AlreadyAnswered {
                observer: request.observer,
            });
        }
        let person = self.person(request.person_id)?;
        let instrument = instruments
            .find(&request.instrument_id, request.instrument_version)
            .map_err(|e| unreadable(&e))?;
        Ok(ObserverForm::new(
            instrument,
            &request.token,
            &person.name,
            &request.observer,
            request.created_at.date_naive(),
        )?)
    }

    /// Keeps answers given at this screen (item id → value, `None` when left out), after the same
    /// checks an answers file gets.
    pub fn submit_observer_answers(
        &mut self,
        request_id: i64,
        answers: BTreeMap<String, Option<i64>>,
        instruments: &InstrumentLibrary,
        now: DateTime<Utc>,
    ) -> Result<ObserverRequest, StoreError> {
        let form = self.observer_form(request_id, instruments)?;
        let given = ObserverAnswers {
            request_id: form.request_id.clone(),
            instrument_id: form.instrument_id.clone(),
            instrument_version: form.instrument_version,
            answers,
        };
        let checked = self.check_answers(&form, given.to_file_json().as_bytes(), instruments)?;
        self.record_observer_answers(request_id, &checked, AnsweredVia::Here, now)
    }

    /// Keeps the answers in an observer's file about `person_id`: refused, with nothing written,
    /// when the file is for another person or a request this database did not make, was
    /// imported already, or was changed after the observer saved it.
    pub fn import_observer_answers(
        &mut self,
        person_id: i64,
        bytes: &[u8],
        instruments: &InstrumentLibrary,
        now: DateTime<Utc>,
    ) -> Result<ObserverRequest, StoreError> {
        let person = self.person(person_id)?;
        let Some(token) = peek_request_id(bytes) else {
            // Not an answers file at all: the domain's check says exactly what is wrong.
            let current = instruments.current();
            let expected = ExpectedRequest {
                request_id: String::new(),
                instrument_id: current.id().to_owned(),
                instrument_version: current.version(),
            };
            verify_answers(bytes, &expected, current)?;
            return Err(StoreError::AnswersNotSent);
        };
        let request = self
            .observer_request_by_token(&token)?
            .ok_or(StoreError::AnswersNotSent)?;
        if request.person_id != person_id {
            return Err(StoreError::AnswersForSomeoneElse {
                person: person.name,
            });
        }
        let form = self.observer_form(request.id, instruments)?;
        let checked = self.check_answers(&form, bytes, instruments)?;
        self.record_observer_answers(request.id, &checked, AnsweredVia::File, now)
    }

    /// The domain's check of an answers file against the form it answers.
    fn check_answers(
        &self,
        form: &ObserverForm,
        bytes: &[u8],
        instruments: &InstrumentLibrary,
    ) -> Result<BTreeMap<String, Option<i64>>, StoreError> {
        let instrument = instruments
            .find(&form.instrument_id, i64::from(form.instrument_version))
            .map_err(|e| unreadable(&e))?;
        Ok(verify_answers(bytes, &form.expected(), instrument)?.answers)
    }
}
