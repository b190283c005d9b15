//! People the app knows: "me", the person who installed it, and (for coaches) their clients.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validation::{ValidationError, single_line};

/// The longest name we accept. Long enough for any real full name, short enough to fit a heading.
pub const NAME_MAX_CHARS: usize = 80;

/// A person's display name: trimmed, one line, 1 to [`NAME_MAX_CHARS`] characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        single_line("Your name", raw, NAME_MAX_CHARS).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PersonKind {
    /// The person using the app on their own behalf. There is at most one.
    Me,
    /// Someone a coach works with.
    Client,
}

impl PersonKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Me => "me",
            Self::Client => "client",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "me" => Some(Self::Me),
            "client" => Some(Self::Client),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Person {
    pub id: i64,
    pub kind: PersonKind,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ten_thousand_character_name_is_refused_with_its_length() {
        let err = PersonName::parse(&"a".repeat(10_000));
        assert_eq!(
            err,
            Err(ValidationError::TooLong {
                field: "Your name",
                len: 10_000,
                max: NAME_MAX_CHARS
            })
        );
    }

    #[test]
    fn a_name_keeps_its_inner_spaces_and_accents() {
        let name = PersonName::parse("  Zoë  van der Berg ");
        assert_eq!(
            name.map(|n| n.as_str().to_owned()),
            Ok("Zoë  van der Berg".to_owned())
        );
    }

    #[test]
    fn kinds_round_trip_through_their_stored_text() {
        for kind in [PersonKind::Me, PersonKind::Client] {
            assert_eq!(PersonKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(PersonKind::parse("admin"), None);
    }
}
