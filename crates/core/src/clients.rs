//! A coach's clients: who they are (name, contact, tags), what they agreed to (consent, with its
//! history), the sessions held with them and the homework set in those sessions. Inputs are checked
//! here, before anything is written; the records are what the UI shows.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::assessment::HistoryEntry;
use crate::person::{NAME_MAX_CHARS, Person};
use crate::validation::{ValidationError, single_line};

/// An email address, a phone number or both: one line.
pub const CONTACT_MAX_CHARS: usize = 200;
pub const TAG_MAX_CHARS: usize = 40;
pub const MAX_TAGS: usize = 20;
/// What was agreed, in the coach's words.
pub const TERMS_MAX_CHARS: usize = 2_000;
pub const AGENDA_MAX_CHARS: usize = 2_000;
/// Session notes are Markdown; a megabyte of them must save (2 million characters fit).
pub const NOTES_MAX_CHARS: usize = 2_000_000;

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

/// A session as planned or held: when (the coach's local time) and the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SessionInput {
    pub starts_at: NaiveDateTime,
    pub agenda: String,
}

impl SessionInput {
    /// The agenda, trimmed (it may be empty).
    pub fn validate(&self) -> Result<String, ValidationError> {
        multi_line("The agenda", &self.agenda, AGENDA_MAX_CHARS, true)
    }
}

/// Session notes (Markdown) as typed: kept exactly, only their length is limited.
pub fn validate_notes(notes: &str) -> Result<(), ValidationError> {
    let len = notes.chars().count();
    if len > NOTES_MAX_CHARS {
        return Err(ValidationError::TooLong {
            field: "Session notes",
            len,
            max: NOTES_MAX_CHARS,
        });
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Session {
    pub id: i64,
    pub person_id: i64,
    pub starts_at: NaiveDateTime,
    pub agenda: String,
    pub notes: String,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HomeworkKind {
    Habit,
    Exercise,
}

impl HomeworkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Habit => "habit",
            Self::Exercise => "exercise",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "habit" => Some(Self::Habit),
            "exercise" => Some(Self::Exercise),
            _ => None,
        }
    }
}

/// Homework set in a session, with how far the client got since.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Homework {
    pub id: i64,
    pub session_id: i64,
    pub kind: HomeworkKind,
    /// The habit's or the exercise's name.
    pub title: String,
    pub habit_id: Option<i64>,
    pub exercise_id: Option<String>,
    pub assigned_on: NaiveDate,
    /// Habit: days checked in as done since it was set. Exercise: times finished since.
    pub done: i64,
    /// Habit only: its strength today, 0 to 1.
    pub strength: Option<f64>,
    /// The day it should be done by, if the coach set one.
    pub due_on: Option<NaiveDate>,
}

/// How far ahead homework may be due: a year is longer than any coaching agreement.
pub const DUE_MAX_DAYS_AHEAD: i64 = 366;

/// A due day for homework set on `assigned_on`: none, or from that day to a year after it.
pub fn validate_due(
    assigned_on: NaiveDate,
    due_on: Option<NaiveDate>,
) -> Result<Option<NaiveDate>, ValidationError> {
    let Some(due) = due_on else {
        return Ok(None);
    };
    let last = assigned_on + chrono::Days::new(DUE_MAX_DAYS_AHEAD.unsigned_abs());
    if due < assigned_on || due > last {
        return Err(ValidationError::OutsideDays {
            field: "The day homework is due",
            first: assigned_on,
            last,
        });
    }
    Ok(Some(due))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SessionItemKind {
    Assessment,
    Habit,
    Exercise,
    Programme,
}

impl SessionItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Assessment => "assessment",
            Self::Habit => "habit",
            Self::Exercise => "exercise",
            Self::Programme => "programme",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "assessment" => Some(Self::Assessment),
            "habit" => Some(Self::Habit),
            "exercise" => Some(Self::Exercise),
            "programme" => Some(Self::Programme),
            _ => None,
        }
    }
}

/// What was run or used in a session, as the coach picks it: one of the client's assessments or
/// habits, or an exercise or programme from the library by its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum SessionItemInput {
    Assessment { assessment_id: i64 },
    Habit { habit_id: i64 },
    Exercise { exercise_id: String },
    Programme { programme_id: String },
}

impl SessionItemInput {
    pub fn kind(&self) -> SessionItemKind {
        match self {
            Self::Assessment { .. } => SessionItemKind::Assessment,
            Self::Habit { .. } => SessionItemKind::Habit,
            Self::Exercise { .. } => SessionItemKind::Exercise,
            Self::Programme { .. } => SessionItemKind::Programme,
        }
    }
}

/// One thing run or used in a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SessionItem {
    pub id: i64,
    pub session_id: i64,
    pub kind: SessionItemKind,
    /// The assessment's or the habit's id; none for exercises and programmes.
    pub record_id: Option<i64>,
    /// The exercise's or the programme's library id; none for assessments and habits.
    pub library_id: Option<String>,
    /// What the coach sees: the habit's, exercise's or programme's name, or "Assessment".
    pub title: String,
    /// Assessments only: whether it was finished.
    pub finished: Option<bool>,
    pub added_at: DateTime<Utc>,
}

/// One line of a client's timeline, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TimelineKind {
    Session,
    Assessment,
    Exercise,
    HabitStarted,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TimelineEntry {
    pub kind: TimelineKind,
    /// When, in the coach's local time for sessions and UTC for what the app recorded.
    pub at: NaiveDateTime,
    pub title: String,
    /// The session, assessment, exercise run or habit it is about.
    pub id: i64,
}

/// Everything the client overview shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientOverview {
    pub summary: PersonSummary,
    /// Every consent record, newest first.
    pub consents: Vec<Consent>,
    /// The latest finished assessment, scored.
    pub latest: Option<HistoryEntry>,
    /// When their unfinished assessment was started, if one waits to be resumed.
    pub unfinished_since: Option<DateTime<Utc>>,
    /// Newest first.
    pub sessions: Vec<Session>,
    pub homework: Vec<Homework>,
    pub timeline: Vec<TimelineEntry>,
}

/// What erasing a person deletes, for the confirmation that names it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErasePreview {
    pub name: String,
    pub sessions: i64,
    pub assessments: i64,
    pub habits: i64,
    pub check_ins: i64,
    pub exercise_runs: i64,
    pub journal_entries: i64,
    pub consents: i64,
    /// Observer forms asked for, and how many came back with answers.
    pub observer_forms: i64,
    pub observer_answers: i64,
}

/// A person's assessment results as CSV (RFC 4180: comma-separated, CRLF line ends, fields with
/// commas, quotes or line breaks quoted), one row per finished assessment, oldest first; a score
/// that could not be given is an empty field.
pub fn results_csv(entries: &[HistoryEntry]) -> String {
    let field = |text: &str| {
        if text.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_owned()
        }
    };
    let score = |value: Option<f64>| value.map_or_else(String::new, |v| format!("{v:.1}"));
    let mut csv = String::from(
        "completed_at,instrument,version,front,behind,servant,situational,energy,profile\r\n",
    );
    for e in entries {
        let row = [
            e.completed_at.to_rfc3339(),
            field(&e.instrument_id),
            e.instrument_version.to_string(),
            score(e.scores.stances.front),
            score(e.scores.stances.behind),
            score(e.scores.stances.servant),
            score(e.scores.situational),
            score(e.scores.energy),
            field(&e.profile.label),
        ];
        csv.push_str(&row.join(","));
        csv.push_str("\r\n");
    }
    csv
}

/// A text of several lines: trimmed, at most `max` characters, tabs and line breaks allowed but no
/// other control characters.
fn multi_line(
    field: &'static str,
    raw: &str,
    max: usize,
    may_be_empty: bool,
) -> Result<String, ValidationError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() && !may_be_empty {
        return Err(ValidationError::Empty { field });
    }
    let len = trimmed.chars().count();
    if len > max {
        return Err(ValidationError::TooLong { field, len, max });
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(ValidationError::ControlCharacter { field });
    }
    Ok(trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(name: &str, contact: Option<&str>, tags: &[&str]) -> ClientInput {
        ClientInput {
            name: name.into(),
            contact: contact.map(Into::into),
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        }
    }

    #[test]
    fn a_client_is_trimmed_with_unique_sorted_tags_and_no_blank_contact() {
        let details = client(
            "  Noor Haddad ",
            Some("  "),
            &["team lead", " pilot", "pilot"],
        )
        .validate()
        .unwrap();
        assert_eq!(details.name, "Noor Haddad");
        assert_eq!(details.contact, None);
        assert_eq!(details.tags, ["pilot", "team lead"]);
    }

    #[test]
    fn bad_client_fields_name_the_field() {
        let empty = client(" ", None, &[]).validate();
        assert_eq!(
            empty,
            Err(ValidationError::Empty {
                field: "The client's name"
            })
        );
        let long_tag = client("Noor", None, &[&"t".repeat(41)]).validate();
        assert!(matches!(
            long_tag,
            Err(ValidationError::TooLong {
                field: "A tag",
                len: 41,
                ..
            })
        ));
        let many = client("Noor", None, &["x"; 21]).validate();
        assert!(matches!(
            many,
            Err(ValidationError::TooLong { field: "Tags", .. })
        ));
        let contact = client("Noor", Some("a\u{7}b"), &[]).validate();
        assert_eq!(
            contact,
            Err(ValidationError::ControlCharacter { field: "Contact" })
        );
    }

    #[test]
    fn consent_cannot_be_dated_in_the_future_or_say_nothing() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let tomorrow = today.succ_opt().unwrap();
        let input = |day, terms: &str| ConsentInput {
            agreed_on: day,
            terms: terms.into(),
        };
        assert_eq!(
            input(
                today,
                "  Notes kept on this laptop only.\nReport on request. "
            )
            .validate(today),
            Ok("Notes kept on this laptop only.\nReport on request.".into())
        );
        assert!(matches!(
            input(tomorrow, "x").validate(today),
            Err(ValidationError::FutureDate { .. })
        ));
        assert!(matches!(
            input(today, "   ").validate(today),
            Err(ValidationError::Empty { .. })
        ));
    }

    #[test]
    fn a_megabyte_of_notes_is_fine_and_more_than_the_limit_is_refused() {
        assert_eq!(validate_notes(&"a".repeat(1_048_576)), Ok(()));
        assert!(matches!(
            validate_notes(&"a".repeat(NOTES_MAX_CHARS + 1)),
            Err(ValidationError::TooLong {
                field: "Session notes",
                ..
            })
        ));
    }

    #[test]
    fn results_are_csv_with_empty_fields_for_missing_scores_and_quoted_labels() {
        use chrono::TimeZone;

        use crate::assessment::{AnswerSheet, builtin};

        let instrument = builtin().unwrap();
        let mut all_threes = AnswerSheet::default();
        for item in instrument.items() {
            all_threes.answers.insert(item.id.clone(), Some(3));
        }
        let when = Utc.with_ymd_and_hms(2026, 11, 1, 10, 0, 0).unwrap();
        let full = HistoryEntry::score(1, when, &instrument, &all_threes).unwrap();
        let mut empty = HistoryEntry::score(2, when, &instrument, &AnswerSheet::default()).unwrap();
        empty.profile.label = "Front, then \"back\"".into();

        let csv = results_csv(&[full, empty]);
        let lines: Vec<_> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "completed_at,instrument,version,front,behind,servant,situational,energy,profile"
        );
        let first: Vec<_> = lines[1].split(',').collect();
        assert_eq!(first[0], "2026-11-01T10:00:00+00:00");
        assert_eq!(first[1], "leadback-core");
        assert_eq!((first[3], first[4], first[5]), ("50.0", "50.0", "50.0"));
        assert!(
            lines[2].ends_with(",,,,,,\"Front, then \"\"back\"\"\""),
            "{}",
            lines[2]
        );
        assert_eq!(lines.len(), 4, "two rows and the last line end");
    }

    #[test]
    fn homework_is_due_from_the_day_it_is_set_to_a_year_later() {
        let set = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(validate_due(set, None), Ok(None));
        assert_eq!(validate_due(set, Some(set)), Ok(Some(set)));
        let a_year = NaiveDate::from_ymd_opt(2027, 11, 23).unwrap();
        assert_eq!(validate_due(set, Some(a_year)), Ok(Some(a_year)));
        let refused = Err(ValidationError::OutsideDays {
            field: "The day homework is due",
            first: set,
            last: a_year,
        });
        assert_eq!(validate_due(set, set.pred_opt()), refused);
        assert_eq!(validate_due(set, a_year.succ_opt()), refused);
        let message = validate_due(set, set.pred_opt()).map_err(|e| e.to_string());
        assert_eq!(
            message,
            Err("The day homework is due must be between 2026-11-22 and 2027-11-23.".into())
        );
    }

    #[test]
    fn session_items_name_their_kind_in_the_stored_words() {
        for kind in [
            SessionItemKind::Assessment,
            SessionItemKind::Habit,
            SessionItemKind::Exercise,
            SessionItemKind::Programme,
        ] {
            assert_eq!(SessionItemKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(SessionItemKind::parse("journal"), None);
        let input: SessionItemInput =
            serde_json::from_str(r#"{"kind":"programme","programme_id":"three-days"}"#).unwrap();
        assert_eq!(input.kind(), SessionItemKind::Programme);
    }

    #[test]
    fn an_agenda_may_be_empty_but_not_endless() {
        let at = NaiveDate::from_ymd_opt(2026, 11, 22)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap();
        let input = |agenda: &str| SessionInput {
            starts_at: at,
            agenda: agenda.into(),
        };
        assert_eq!(input("  ").validate(), Ok(String::new()));
        assert!(input(&"a".repeat(AGENDA_MAX_CHARS + 1)).validate().is_err());
    }
}
