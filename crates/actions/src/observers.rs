//! Asking an observer (a 360 view): their form is one web page written where the coach chooses,
//! and the answers file it saves is read back in.

use std::collections::BTreeMap;
use std::path::Path;

use leadback_core::Clock;
use leadback_core::assessment::InstrumentLibrary;
use leadback_core::observers::{MAX_ANSWERS_BYTES, render_html};
use leadback_store::{ObserverRequest, Store};

use crate::{ActionError, files};

/// Writes the form of an unanswered request to `path` (an `.html` file); returns the name the
/// observer's answers file will have.
pub fn write_form(
    store: &Store,
    instruments: &InstrumentLibrary,
    request_id: i64,
    path: &Path,
) -> Result<String, ActionError> {
    files::check_output(store, path, "html", "an observer form")?;
    let form = store.observer_form(request_id, instruments)?;
    files::write(store, path, render_html(&form))?;
    Ok(form.answers_file_name())
}

/// Asks `observer` about `person_id` and writes their form to `path` as one action: if the form
/// cannot be written, the request is taken back. Returns the request and its answers file's name.
pub fn ask(
    store: &mut Store,
    clock: &dyn Clock,
    instruments: &InstrumentLibrary,
    person_id: i64,
    observer: &str,
    path: &Path,
) -> Result<(ObserverRequest, String), ActionError> {
    files::check_output(store, path, "html", "an observer form")?;
    let request = store.ask_observer(person_id, observer, instruments, clock.now())?;
    match write_form(store, instruments, request.id, path) {
        Ok(answers_file) => Ok((request, answers_file)),
        Err(err) => {
            store.delete_observer_request(request.id)?;
            Err(err)
        }
    }
}

/// Reads the answers file at `path` about `person_id` and keeps its answers: refused, with nothing
/// written, when it is for another person or request, was imported already, or was changed after
/// saving.
pub fn import_answers(
    store: &mut Store,
    clock: &dyn Clock,
    instruments: &InstrumentLibrary,
    person_id: i64,
    path: &Path,
) -> Result<ObserverRequest, ActionError> {
    let bytes = files::read_chosen(path, MAX_ANSWERS_BYTES)?;
    Ok(store.import_observer_answers(person_id, &bytes, instruments, clock.now())?)
}

/// Asks `observer` (a name or a role) for their view of `person_id`, to answer at this screen or
/// later through a form; nothing is written when the name is blank or too long, or the
/// instrument has no observer wording.
pub fn add_request(
    store: &mut Store,
    clock: &dyn Clock,
    instruments: &InstrumentLibrary,
    person_id: i64,
    observer: &str,
) -> Result<ObserverRequest, ActionError> {
    Ok(store.ask_observer(person_id, observer, instruments, clock.now())?)
}

/// Keeps the answers an observer gave at this screen (the hand-over), checked against the form.
pub fn submit_answers(
    store: &mut Store,
    clock: &dyn Clock,
    instruments: &InstrumentLibrary,
    request_id: i64,
    answers: BTreeMap<String, Option<i64>>,
) -> Result<ObserverRequest, ActionError> {
    Ok(store.submit_observer_answers(request_id, answers, instruments, clock.now())?)
}

/// Withdraws a request nobody has answered; an answered one stays.
pub fn withdraw_request(
    store: &mut Store,
    request_id: i64,
) -> Result<ObserverRequest, ActionError> {
    Ok(store.delete_observer_request(request_id)?)
}
