//! A coach's clients: who they are (name, contact, tags), what they agreed to (consent, with its
//! history), the sessions held with them and the homework set in those sessions. Inputs are checked
//! here, before anything is written; the records are what the UI shows.

mod overview;
mod people;
mod results;
mod sessions;

pub use overview::{ClientOverview, ErasePreview, TimelineEntry, TimelineKind};
pub use people::{
    CONTACT_MAX_CHARS, ClientDetails, ClientInput, Consent, ConsentInput, MAX_TAGS, PersonSummary,
    TAG_MAX_CHARS, TERMS_MAX_CHARS,
};
pub use results::results_csv;
pub use sessions::{
    AGENDA_MAX_CHARS, DUE_MAX_DAYS_AHEAD, Homework, HomeworkKind, NOTES_MAX_CHARS, Session,
    SessionInput, SessionItem, SessionItemInput, SessionItemKind, validate_due, validate_notes,
};

#[cfg(test)]
mod tests;
