//! Observer (360) forms: people who work with someone rate them on the same Likert items, in the
//! third person, and the answers are combined into a self-versus-others view per stance.
//!
//! The flow is offline and file-based so it works without any server: [`ObserverForm`] describes
//! one request, [`render_html`] turns it into a single self-contained HTML file the observer opens in
//! any browser, and the file it saves comes back through [`verify_answers`], which refuses anything
//! that is not exactly an untouched answer to that request. [`aggregate`] then scores each observer
//! like a self-assessment and withholds every stance fewer than [`MIN_OBSERVERS`] observers scored,
//! so no single observer's answers can be inferred from what is shown.
//!
//! Like the rest of core this is pure: callers pass bytes and dates in, and store which requests
//! were sent and answered (a request's id is what makes each answer file count once).

mod aggregate;
mod answers;
mod error;
mod form;

#[cfg(test)]
mod aggregate_tests;
#[cfg(test)]
mod answers_tests;
#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod form_tests;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::assessment::Instrument;

pub use aggregate::{MIN_OBSERVERS, ObserverStances, ObserverSummary, StanceView, aggregate};
pub use answers::{
    ANSWERS_FORMAT, ANSWERS_VERSION, ExpectedRequest, MAX_ANSWERS_BYTES, ObserverAnswers,
    canonical_text, checksum, peek_request_id, verify_answers,
};
pub use error::{ObserverError, ObserverFileError};
pub use form::{NAME_MAX_CHARS, ObserverForm, REQUEST_ID_MAX_CHARS, render_html};

/// One statement as an observer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ObserverItem {
    pub id: String,
    /// The third-person wording.
    pub text: String,
}

/// The Likert items in the order they are asked, in their observer wording. Fails when any item
/// lacks it: a form mixing first- and third-person statements would confuse the observer.
pub fn observer_items(instrument: &Instrument) -> Result<Vec<ObserverItem>, ObserverError> {
    instrument
        .items()
        .iter()
        .map(|item| {
            item.observer_text
                .as_ref()
                .map(|text| ObserverItem {
                    id: item.id.clone(),
                    text: text.clone(),
                })
                .ok_or_else(|| ObserverError::NoObserverWording {
                    instrument: instrument.id().to_owned(),
                })
        })
        .collect()
}
