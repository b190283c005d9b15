//! What a validated exercise holds: everything the player needs to run it step by step. The types
//! are exported to TypeScript as they are, so the player renders exactly what the file said.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::habits::{HabitStance, check_in_note};
use crate::validation::ValidationError;

/// The lowest and highest answer to a rating prompt.
pub const RATING_MIN: i64 = 1;
pub const RATING_MAX: i64 = 5;

/// A guided exercise: a few ordered steps, some timed, some asking for a reflection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Exercise {
    /// Kebab-case and stable: the assessment's suggestions, programmes and saved reflections refer
    /// to it.
    pub id: String,
    /// Raised when the steps change, so a saved reflection can say which wording it answered.
    pub version: u32,
    pub title: String,
    /// One line for a list of exercises.
    pub summary: String,
    /// The stance it practises, or rest.
    pub stance: HabitStance,
    /// The passage of the source texts it comes from, e.g. `000 §Empowerment & Rest: …`.
    pub source: String,
    /// About how long it takes, all steps included.
    pub duration_minutes: u32,
    /// A habit of the library that finishing the exercise can check in.
    pub habit: Option<String>,
    /// In the order they are done; never empty.
    pub steps: Vec<ExerciseStep>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExerciseStep {
    /// What to do, in a paragraph or two; may contain line breaks.
    pub instruction: String,
    pub timer: Option<StepTimer>,
    /// Asked at the end of the step, in this order.
    pub prompts: Vec<ReflectionPrompt>,
}

/// A countdown for a step. A bell always rings at the end; with `bell_every_seconds`, a softer bell
/// also rings every that many seconds before it (at N, 2N, … while less than `seconds`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StepTimer {
    /// From 1 to [`MAX_TIMER_SECONDS`](super::MAX_TIMER_SECONDS).
    pub seconds: u32,
    /// Less than `seconds`.
    pub bell_every_seconds: Option<u32>,
}

/// A question asked after a step. Its id is unique within the exercise, so a saved answer can be
/// found again when the exercise is resumed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReflectionPrompt {
    pub id: String,
    pub kind: PromptKind,
    /// For a rating, the text names what 1 and 5 mean.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum PromptKind {
    /// A few words or a paragraph, saved like a check-in note.
    Text,
    /// A whole number from [`RATING_MIN`] to [`RATING_MAX`].
    Rating,
}

impl PromptKind {
    pub const ALL: [PromptKind; 2] = [Self::Text, Self::Rating];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Rating => "rating",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw)
    }
}

/// What a person answered to one prompt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
#[ts(export)]
pub enum ReflectionAnswer {
    Text(String),
    Rating(i64),
}

/// Why an answer to a reflection prompt was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReflectionError {
    #[error("exercise {exercise:?} has no reflection prompt {prompt:?}")]
    UnknownPrompt { exercise: String, prompt: String },
    #[error("prompt {prompt:?} asks for a {expected}, not a {found}")]
    WrongKind {
        prompt: String,
        expected: &'static str,
        found: &'static str,
    },
    #[error("the rating {value} is outside 1 to 5")]
    OutOfRange { value: i64 },
    #[error("{0}")]
    Text(ValidationError),
}

impl Exercise {
    pub fn prompt(&self, id: &str) -> Option<&ReflectionPrompt> {
        self.steps
            .iter()
            .flat_map(|s| &s.prompts)
            .find(|p| p.id == id)
    }

    /// Seconds of all the step timers together.
    pub fn timed_seconds(&self) -> u64 {
        self.steps
            .iter()
            .filter_map(|s| s.timer)
            .map(|t| u64::from(t.seconds))
            .sum()
    }

    /// Checks an answer before it is saved: the prompt must exist, a rating must be 1–5 and a text
    /// must be a valid note (it may become the linked habit's check-in note). A blank text answer
    /// is `Ok(None)`: nothing to save.
    pub fn check_reflection(
        &self,
        prompt_id: &str,
        answer: ReflectionAnswer,
    ) -> Result<Option<ReflectionAnswer>, ReflectionError> {
        let prompt = self
            .prompt(prompt_id)
            .ok_or_else(|| ReflectionError::UnknownPrompt {
                exercise: self.id.clone(),
                prompt: prompt_id.to_owned(),
            })?;
        let found = match &answer {
            ReflectionAnswer::Text(_) => PromptKind::Text,
            ReflectionAnswer::Rating(_) => PromptKind::Rating,
        };
        if found != prompt.kind {
            return Err(ReflectionError::WrongKind {
                prompt: prompt_id.to_owned(),
                expected: prompt.kind.as_str(),
                found: found.as_str(),
            });
        }
        match answer {
            ReflectionAnswer::Text(text) => check_in_note(&text)
                .map(|t| t.map(ReflectionAnswer::Text))
                .map_err(ReflectionError::Text),
            ReflectionAnswer::Rating(value) if (RATING_MIN..=RATING_MAX).contains(&value) => {
                Ok(Some(ReflectionAnswer::Rating(value)))
            }
            ReflectionAnswer::Rating(value) => Err(ReflectionError::OutOfRange { value }),
        }
    }
}
