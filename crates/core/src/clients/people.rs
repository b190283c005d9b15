//! Who a client is (name, contact, tags) and what they agreed to (consent, with its history).

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::person::{NAME_MAX_CHARS, Person};
use crate::validation::{ValidationError, multi_line, single_line};

/// An email address, a phone number or both: one line.
pub const CONTACT_MAX_CHARS: usize = 200;

pub const TAG_MAX_CHARS: usize = 40;

pub const MAX_TAGS: usize = 20;

/// What was agreed, in the coach's words.
pub const TERMS_MAX_CHARS: usize = 2_000;

/// A client's details as typed in the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientInput {
    pub name: String,
    pub contact: Option<String>,
    pub tags: Vec<String>,
}

/// [`ClientInput`] once checked: trimmed, one-line values; tags unique and sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientDetails {
    pub name: String,
    pub contact: Option<String>,
    pub tags: Vec<String>,
}

impl ClientInput {
    pub fn validate(&self) -> Result<ClientDetails, ValidationError> {
        let name = single_line("The client's name", &self.name, NAME_MAX_CHARS)?;
        let contact = match self.contact.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => Some(single_line("Contact", raw, CONTACT_MAX_CHARS)?),
        };
        if self.tags.len() > MAX_TAGS {
            return Err(ValidationError::TooLong {
                field: "Tags",
                len: self.tags.len(),
                max: MAX_TAGS,
            });
        }
        let mut tags = self
            .tags
            .iter()
            .map(|tag| single_line("A tag", tag, TAG_MAX_CHARS))
            .collect::<Result<Vec<_>, _>>()?;
        tags.sort();
        tags.dedup();
        Ok(ClientDetails {
            name,
            contact,
            tags,
        })
    }
}

/// What a client agreed to, on which day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConsentInput {
    pub agreed_on: NaiveDate,
    pub terms: String,
}

impl ConsentInput {
    /// The terms, trimmed; the day may not be after `today`.
    pub fn validate(&self, today: NaiveDate) -> Result<String, ValidationError> {
        if self.agreed_on > today {
            return Err(ValidationError::FutureDate {
                field: "The day consent was given",
            });
        }
        multi_line("What was agreed", &self.terms, TERMS_MAX_CHARS, false)
    }
}

/// One consent record; the newest one is the client's current consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Consent {
    pub id: i64,
    pub agreed_on: NaiveDate,
    pub terms: String,
    /// Set when the client withdrew it; the record is kept as history.
    pub withdrawn_on: Option<NaiveDate>,
    pub recorded_at: DateTime<Utc>,
}

/// A person in the switcher and the client list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonSummary {
    pub person: Person,
    pub contact: Option<String>,
    pub tags: Vec<String>,
    /// The newest consent record, withdrawn or not; none for "me".
    pub consent: Option<Consent>,
    pub last_session: Option<NaiveDateTime>,
    pub completed_assessments: i64,
}
