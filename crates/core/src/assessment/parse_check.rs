//! What the instrument parsers share: a [`Checker`] that collects problems while a raw file is
//! turned into the model, and how a place in the file is named in a message.

use std::collections::BTreeMap;

use super::{Fault, Problem, Stance};

/// `item "front-03"`, or `item #3` when the id is missing.
pub(super) fn place(kind: &str, index: usize, id: &str) -> String {
    if id.trim().is_empty() {
        format!("{kind} #{}", index + 1)
    } else {
        format!("{kind} {id:?}")
    }
}

/// Collects problems while the raw file is turned into the model.
#[derive(Debug, Default)]
pub(super) struct Checker {
    pub(super) problems: Vec<Problem>,
    /// Ids of items, energy items and scenarios share one namespace: an answer sheet keys them all.
    shared: BTreeMap<String, String>,
}

impl Checker {
    pub(super) fn fault(&mut self, at: impl Into<String>, fault: Fault) {
        self.problems.push(Problem {
            at: at.into(),
            fault,
        });
    }

    /// Checks that an id is a non-empty slug; returns whether it is.
    pub(super) fn slug(&mut self, at: &str, id: &str) -> bool {
        if id.is_empty() {
            self.fault(at, Fault::EmptyId);
            false
        } else if !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        {
            self.fault(at, Fault::InvalidId { id: id.to_owned() });
            false
        } else {
            true
        }
    }

    pub(super) fn shared_id(&mut self, at: &str, id: &str) {
        let mut shared = std::mem::take(&mut self.shared);
        self.local_id(at, id, &mut shared);
        self.shared = shared;
    }

    /// Checks an id is a slug not yet in `seen`, and records it there.
    pub(super) fn local_id(&mut self, at: &str, id: &str, seen: &mut BTreeMap<String, String>) {
        if !self.slug(at, id) {
            return;
        }
        if let Some(first) = seen.get(id) {
            let (id, first) = (id.to_owned(), first.clone());
            self.fault(at, Fault::DuplicateId { id, first });
        } else {
            seen.insert(id.to_owned(), at.to_owned());
        }
    }

    /// Returns the trimmed text, noting a fault when it is blank.
    pub(super) fn text(&mut self, at: &str, field: &'static str, value: String) -> String {
        let trimmed = value.trim();
        if trimmed.is_empty() {
            self.fault(at, Fault::EmptyText { field });
        }
        trimmed.to_owned()
    }

    pub(super) fn stance(&mut self, at: &str, field: &'static str, raw: &str) -> Option<Stance> {
        let stance = Stance::parse(raw);
        if stance.is_none() {
            self.fault(
                at,
                Fault::UnknownStance {
                    field,
                    found: raw.to_owned(),
                },
            );
        }
        stance
    }

    /// Checks a threshold is a number on the 0–100 score range; returns it in tenths of a point.
    pub(super) fn percent(&mut self, at: &str, field: &'static str, value: f64) -> i64 {
        if value.is_finite() && (0.0..=100.0).contains(&value) {
            (value * 10.0).round() as i64
        } else {
            self.fault(at, Fault::OutOfRange { field, value });
            0
        }
    }
}
