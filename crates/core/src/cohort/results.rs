//! A participant's results file: what they send the facilitator at the end of a programme — their
//! before and after stance scores and the exercises they completed, under a code they chose.
//!
//! The file carries a SHA-256 checksum of its **canonical JSON**: every other field (`format` and
//! `format_version` included) as one compact JSON object with its keys in sorted byte order, scores
//! as `serde_json` prints an `f64`, exercise ids sorted and unique. Opening recomputes it from the
//! parsed values, so a file edited by hand, or by anything but Leadback, is refused as tampered; a
//! file cut off while copying is refused as truncated. The checksum protects against accidents and
//! casual edits, not against someone who recomputes it: it is not a signature.

use std::collections::BTreeSet;

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use thiserror::Error;
use ts_rs::TS;

use crate::assessment::{Stance, StanceScores};
use crate::exercises::text::is_kebab_case;
use crate::person::NAME_MAX_CHARS;
use crate::programmes::ExchangeError;
use crate::programmes::exchange::{self, RESULTS_FORMAT, object, string};
use crate::validation::{ValidationError, single_line};

/// The newest results file format this version writes and reads.
pub const RESULTS_FORMAT_VERSION: u32 = 1;
/// The longest participant code.
pub const PARTICIPANT_CODE_MAX_CHARS: usize = 40;
/// The most exercise ids one file may list.
pub const MAX_EXERCISES_COMPLETED: usize = 500;

/// A participant's results for one programme. Built only by [`ResultsFile::new`] and
/// [`ResultsFile::open`], so every value is valid and can be sealed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ResultsFile {
    programme_id: String,
    /// Chosen by the participant: one line, 1 to 40 characters. Identifies them in the cohort.
    participant_code: String,
    /// Only when the participant chose to add it.
    name: Option<String>,
    /// Stance scores of the first assessment of the programme, one decimal.
    pre: Option<StanceScores>,
    /// Stance scores of the last assessment of the programme, one decimal.
    post: Option<StanceScores>,
    /// Sorted, each once.
    exercises_completed: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Error)]
pub enum ResultsFileError {
    /// Not a readable results file at all: wrong kind, newer version, broken or cut-off JSON.
    #[error("{0}")]
    Exchange(ExchangeError),
    #[error(
        "the checksum does not match: the file was changed after it was exported; ask the participant to export it again"
    )]
    ChecksumMismatch,
    #[error("{0}")]
    Code(ValidationError),
    #[error("{0}")]
    Name(ValidationError),
    #[error("the programme id {id:?} must be kebab-case")]
    ProgrammeId { id: String },
    #[error("the exercise id {id:?} must be kebab-case")]
    ExerciseId { id: String },
    #[error("lists {found} exercises; at most {max} are allowed")]
    TooManyExercises { found: usize, max: usize },
    #[error("the {when} score for {stance} is {value}; scores are from 0 to 100")]
    Score {
        when: &'static str,
        stance: Stance,
        value: f64,
    },
}

/// The fields of a results file as read, before the checksum and the rules are checked.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawResults {
    #[serde(rename = "format")]
    _format: IgnoredAny,
    #[serde(rename = "format_version")]
    _format_version: IgnoredAny,
    programme_id: String,
    participant_code: String,
    name: Option<String>,
    pre: Option<StanceScores>,
    post: Option<StanceScores>,
    exercises_completed: Vec<String>,
    checksum: String,
}

impl ResultsFile {
    /// Checks and tidies a participant's results: trims the code and name (a blank name is no name),
    /// rounds scores to one decimal, sorts the exercise ids and drops repeats.
    pub fn new(
        programme_id: &str,
        participant_code: &str,
        name: Option<&str>,
        pre: Option<StanceScores>,
        post: Option<StanceScores>,
        exercises_completed: &[String],
    ) -> Result<Self, ResultsFileError> {
        if !is_kebab_case(programme_id) {
            let id = programme_id.to_owned();
            return Err(ResultsFileError::ProgrammeId { id });
        }
        let participant_code = single_line(
            "The participant code",
            participant_code,
            PARTICIPANT_CODE_MAX_CHARS,
        )
        .map_err(ResultsFileError::Code)?;
        let name = match name.map(str::trim).filter(|n| !n.is_empty()) {
            None => None,
            Some(n) => {
                Some(single_line("The name", n, NAME_MAX_CHARS).map_err(ResultsFileError::Name)?)
            }
        };
        if exercises_completed.len() > MAX_EXERCISES_COMPLETED {
            let (found, max) = (exercises_completed.len(), MAX_EXERCISES_COMPLETED);
            return Err(ResultsFileError::TooManyExercises { found, max });
        }
        if let Some(id) = exercises_completed.iter().find(|id| !is_kebab_case(id)) {
            return Err(ResultsFileError::ExerciseId { id: id.clone() });
        }
        let exercises: BTreeSet<&String> = exercises_completed.iter().collect();
        Ok(Self {
            programme_id: programme_id.to_owned(),
            participant_code,
            name,
            pre: pre.map(|s| scores("before", s)).transpose()?,
            post: post.map(|s| scores("after", s)).transpose()?,
            exercises_completed: exercises.into_iter().cloned().collect(),
        })
    }

    pub fn programme_id(&self) -> &str {
        &self.programme_id
    }

    pub fn participant_code(&self) -> &str {
        &self.participant_code
    }

    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    pub fn pre(&self) -> Option<&StanceScores> {
        self.pre.as_ref()
    }

    pub fn post(&self) -> Option<&StanceScores> {
        self.post.as_ref()
    }

    pub fn exercises_completed(&self) -> &[String] {
        &self.exercises_completed
    }

    /// The file's text: pretty JSON with the checksum of its canonical form.
    pub fn seal(&self) -> String {
        let mut fields = self.fields();
        fields.push(("checksum", Value::String(self.checksum())));
        format!("{:#}\n", object(fields))
    }

    /// Opens a results file. Refuses malformed or cut-off JSON, a file of another kind, one from a
    /// newer Leadback, a checksum that does not match (checked before the rules, so an edited file
    /// is reported as edited), and values that break the rules.
    pub fn open(text: &str) -> Result<Self, ResultsFileError> {
        exchange::open(text, RESULTS_FORMAT, RESULTS_FORMAT_VERSION)
            .map_err(ResultsFileError::Exchange)?;
        let raw: RawResults =
            exchange::fields(text, RESULTS_FORMAT).map_err(ResultsFileError::Exchange)?;
        // The values exactly as read, unchecked: only their checksum is taken before `new` checks
        // and tidies them.
        let read = Self {
            programme_id: raw.programme_id,
            participant_code: raw.participant_code,
            name: raw.name,
            pre: raw.pre,
            post: raw.post,
            exercises_completed: raw.exercises_completed,
        };
        if !raw.checksum.eq_ignore_ascii_case(&read.checksum()) {
            return Err(ResultsFileError::ChecksumMismatch);
        }
        Self::new(
            &read.programme_id,
            &read.participant_code,
            read.name.as_deref(),
            read.pre,
            read.post,
            &read.exercises_completed,
        )
    }

    /// The lowercase hex SHA-256 of the canonical JSON (see the module's documentation).
    pub fn checksum(&self) -> String {
        // `Value`'s plain `Display` is compact JSON: no spaces, no line breaks.
        let digest = Sha256::digest(object(self.fields()).to_string().as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Every field of the file but its checksum.
    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("format", string(RESULTS_FORMAT)),
            ("format_version", Value::from(RESULTS_FORMAT_VERSION)),
            ("programme_id", string(&self.programme_id)),
            ("participant_code", string(&self.participant_code)),
            ("name", self.name.as_deref().map_or(Value::Null, string)),
            ("pre", scores_value(self.pre.as_ref())),
            ("post", scores_value(self.post.as_ref())),
            ("exercises_completed", ids_value(&self.exercises_completed)),
        ]
    }
}

fn scores_value(scores: Option<&StanceScores>) -> Value {
    scores.map_or(Value::Null, |s| {
        let score = |v: Option<f64>| v.map_or(Value::Null, Value::from);
        object(vec![
            ("front", score(s.front)),
            ("behind", score(s.behind)),
            ("servant", score(s.servant)),
        ])
    })
}

fn ids_value(ids: &[String]) -> Value {
    Value::Array(ids.iter().map(|id| string(id)).collect())
}

/// Checks each score is on 0–100 and rounds it to one decimal, as scoring gives it.
fn scores(when: &'static str, s: StanceScores) -> Result<StanceScores, ResultsFileError> {
    let check = |stance: Stance| -> Result<Option<f64>, ResultsFileError> {
        match s.get(stance) {
            None => Ok(None),
            Some(value) if value.is_finite() && (0.0..=100.0).contains(&value) => {
                Ok(Some((value * 10.0).round() / 10.0))
            }
            Some(value) => Err(ResultsFileError::Score {
                when,
                stance,
                value,
            }),
        }
    };
    Ok(StanceScores {
        front: check(Stance::Front)?,
        behind: check(Stance::Behind)?,
        servant: check(Stance::Servant)?,
    })
}
