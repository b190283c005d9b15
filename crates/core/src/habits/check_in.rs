//! What a habit is tagged with and what a person records about it each day. Input rules live here
//! so the app, the CLI and the Loop importer refuse the same things with the same messages.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

use crate::assessment::Stance;
use crate::validation::{ValidationError, single_line};

/// The stance a habit builds, or `rest`: the texts treat rest as its own practice (leading from the
/// back "gives us a break"), not as a way of leading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum HabitStance {
    Front,
    Behind,
    Servant,
    Rest,
}

impl HabitStance {
    /// Every habit stance, in the order roll-ups list them.
    pub const ALL: [HabitStance; 4] = [Self::Front, Self::Behind, Self::Servant, Self::Rest];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Front => "front",
            Self::Behind => "behind",
            Self::Servant => "servant",
            Self::Rest => "rest",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// The assessment stance this habit practises; `None` for rest, which the assessment measures
    /// as energy instead.
    pub fn stance(self) -> Option<Stance> {
        match self {
            Self::Front => Some(Stance::Front),
            Self::Behind => Some(Stance::Behind),
            Self::Servant => Some(Stance::Servant),
            Self::Rest => None,
        }
    }
}

impl From<Stance> for HabitStance {
    fn from(stance: Stance) -> Self {
        match stance {
            Stance::Front => Self::Front,
            Stance::Behind => Self::Behind,
            Stance::Servant => Self::Servant,
        }
    }
}

impl fmt::Display for HabitStance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a person recorded for one day. "Not entered" is the absence of a record, never a state,
/// so back-filling and imports can tell "I didn't" from "I didn't say".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CheckState {
    Done,
    /// Had the chance and did not do it: counts against the habit.
    NotDone,
    /// "No chance today": steps out of the timeline (see the module docs).
    Skipped,
}

impl CheckState {
    pub const ALL: [CheckState; 3] = [Self::Done, Self::NotDone, Self::Skipped];

    /// The stored and serialized text.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::NotDone => "not_done",
            Self::Skipped => "skipped",
        }
    }

    /// Reads the stored text, and the command line's spellings `not-done` and `skip`.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "done" => Some(Self::Done),
            "not_done" | "not-done" => Some(Self::NotDone),
            "skipped" | "skip" => Some(Self::Skipped),
            _ => None,
        }
    }
}

/// One day's record, as it crosses IPC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CheckIn {
    pub date: NaiveDate,
    pub state: CheckState,
}

/// A habit's history: at most one state per local date, in date order. Every computation in this
/// module walks it once, so building it (`collect()` from `(date, state)` pairs) is the only
/// sorting the caller pays for.
pub type CheckIns = BTreeMap<NaiveDate, CheckState>;

/// The longest habit name: it has to fit a row on the home screen.
pub const HABIT_NAME_MAX_CHARS: usize = 80;

/// The longest check-in note: a reflection of a few paragraphs, not a document.
pub const NOTE_MAX_CHARS: usize = 5_000;

/// A habit's name: trimmed, one line, 1 to [`HABIT_NAME_MAX_CHARS`] characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HabitName(String);

impl HabitName {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        single_line("The habit's name", raw, HABIT_NAME_MAX_CHARS).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// Checks a check-in note: line breaks (any convention, stored as `\n`) and tabs are welcome, other
/// control characters are not; surrounding blank space is trimmed, and a blank note is no note.
pub fn check_in_note(raw: &str) -> Result<Option<String>, ValidationError> {
    const FIELD: &str = "The note";
    let text = raw.replace("\r\n", "\n").replace('\r', "\n");
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let len = trimmed.chars().count();
    if len > NOTE_MAX_CHARS {
        return Err(ValidationError::TooLong {
            field: FIELD,
            len,
            max: NOTE_MAX_CHARS,
        });
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(ValidationError::ControlCharacter { field: FIELD });
    }
    Ok(Some(trimmed.to_owned()))
}

/// Why a check-in's date was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CheckInError {
    #[error(
        "{date} is still to come (today is {today}); check-ins can only be for today or earlier."
    )]
    FutureDate { date: NaiveDate, today: NaiveDate },
    #[error(
        "{date} is more than {} years ago; check-ins can go back to {earliest}.",
        MAX_BACKFILL_YEARS
    )]
    TooLongAgo {
        date: NaiveDate,
        earliest: NaiveDate,
    },
}

/// How far back a day can be back-filled. Strength and streaks walk every day from the first
/// check-in to today, so one mistyped year (0001) would make each of them walk 740,000 days.
pub const MAX_BACKFILL_YEARS: u32 = 10;

/// Past days (up to [`MAX_BACKFILL_YEARS`] back) can be back-filled; days still to come cannot be
/// checked in.
pub fn check_in_date(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, CheckInError> {
    let earliest = today
        .checked_sub_months(chrono::Months::new(12 * MAX_BACKFILL_YEARS))
        .unwrap_or(NaiveDate::MIN);
    if date > today {
        Err(CheckInError::FutureDate { date, today })
    } else if date < earliest {
        Err(CheckInError::TooLongAgo { date, earliest })
    } else {
        Ok(date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn stances_round_trip_and_map_onto_the_assessment() {
        for s in HabitStance::ALL {
            assert_eq!(HabitStance::parse(s.as_str()), Some(s));
        }
        for s in Stance::ALL {
            assert_eq!(HabitStance::from(s).stance(), Some(s));
        }
        assert_eq!(HabitStance::Rest.stance(), None);
        assert_eq!(HabitStance::parse("Front"), None);
        assert_eq!(
            serde_json::to_string(&HabitStance::Rest).unwrap(),
            "\"rest\""
        );
    }

    #[test]
    fn check_states_round_trip_and_accept_the_cli_spellings() {
        for s in CheckState::ALL {
            assert_eq!(CheckState::parse(s.as_str()), Some(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
        }
        assert_eq!(CheckState::parse("not-done"), Some(CheckState::NotDone));
        assert_eq!(CheckState::parse("skip"), Some(CheckState::Skipped));
        assert_eq!(CheckState::parse("unknown"), None);
    }

    #[test]
    fn a_habit_name_is_one_short_line() {
        assert_eq!(
            HabitName::parse("  Praise a contribution ").map(HabitName::into_string),
            Ok("Praise a contribution".to_owned())
        );
        assert!(matches!(
            HabitName::parse(&"x".repeat(81)),
            Err(ValidationError::TooLong {
                len: 81,
                max: 80,
                ..
            })
        ));
        assert!(matches!(
            HabitName::parse("two\nlines"),
            Err(ValidationError::ControlCharacter { .. })
        ));
        assert!(matches!(
            HabitName::parse("   "),
            Err(ValidationError::Empty { .. })
        ));
    }

    #[test]
    fn a_note_may_have_several_lines_but_no_other_control_characters() {
        assert_eq!(
            check_in_note("  Who stepped up?\r\n\tAna did.\n "),
            Ok(Some("Who stepped up?\n\tAna did.".to_owned()))
        );
        assert_eq!(check_in_note(" \n\t "), Ok(None));
        assert!(matches!(
            check_in_note("bell\u{7}"),
            Err(ValidationError::ControlCharacter { .. })
        ));
        assert!(check_in_note(&"é".repeat(NOTE_MAX_CHARS)).is_ok());
        assert!(matches!(
            check_in_note(&"é".repeat(NOTE_MAX_CHARS + 1)),
            Err(ValidationError::TooLong { len: 5_001, .. })
        ));
    }

    #[test]
    fn past_days_can_be_back_filled_but_future_days_are_refused() {
        assert_eq!(check_in_date(day(1), day(29)), Ok(day(1)));
        assert_eq!(check_in_date(day(29), day(29)), Ok(day(29)));
        let err = check_in_date(day(30), day(29));
        assert_eq!(
            err,
            Err(CheckInError::FutureDate {
                date: day(30),
                today: day(29)
            })
        );
        assert!(err.unwrap_err().to_string().contains("2026-03-30"));
    }

    #[test]
    fn back_filling_stops_ten_years_back() {
        let today = day(29);
        let earliest = NaiveDate::from_ymd_opt(2016, 3, 29).unwrap();
        assert_eq!(check_in_date(earliest, today), Ok(earliest));
        let year_one = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
        assert_eq!(
            check_in_date(year_one, today),
            Err(CheckInError::TooLongAgo {
                date: year_one,
                earliest
            })
        );
        assert!(check_in_date(earliest.pred_opt().unwrap(), today).is_err());
    }
}
