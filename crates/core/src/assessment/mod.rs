//! The self-assessment: the front / behind / servant instrument, how an answer sheet is scored, and
//! the profile, feedback and suggestions a result turns into.
//!
//! The instrument is data (`assets/instruments/*.toml`), not code, so a coach can load their own and
//! a new version never changes how an old assessment is scored. Parsing refuses a malformed file with
//! a message naming the file, the place and the problem. Scoring and feedback are pure functions of
//! (instrument, answers): the store keeps raw answers and the instrument's id and version, and the
//! scores are recomputed from them, so the same sheet gives the same result forever.
//!
//! Nothing here reads files: callers pass a file's name and text, and the built-in instrument is
//! compiled in ([`BUILTIN`], [`builtin`]).

mod consistency;
mod error;
mod feedback;
mod history;
mod library;
mod model;
mod parse;
mod parse_check;
mod parse_feedback;
mod scoring;
mod steps;

#[cfg(test)]
mod builtin_tests;
#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod parse_feedback_tests;
#[cfg(test)]
mod parse_tests;
#[cfg(test)]
mod scoring_tests;

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use consistency::{
    InstrumentConsistency, MIN_ASSESSMENTS, StanceConsistency, consistency, cronbach_alpha,
    instrument_consistency,
};
pub use error::{Fault, InstrumentError, Problem, ScoringError};
pub use feedback::{
    AssessmentResult, BandFeedback, ProfileResult, StanceFeedback, Suggestions, evaluate,
};
pub use history::{HistoryEntry, ScoredAssessment};
pub use library::{
    CustomInstrumentError, InstrumentLibrary, InstrumentPreview, InstrumentSummary, LibraryError,
    MAX_INSTRUMENT_BYTES, StoredInstrument, check_size, summary,
};
pub use model::{
    Band, EnergyItem, EnergySection, Instrument, InstrumentView, Item, ProfileLabel, Scale,
    Scenario, ScenarioOption, SuggestionRule, SuggestionWhen,
};
pub use scoring::{AnswerCounts, AnswerSheet, Balance, Progress, Scores, StanceScores, score};
pub use steps::{Questionnaire, Step};

/// The built-in instrument's file name, for error messages and for the CLI to show where it came from.
pub const BUILTIN_FILE_NAME: &str = "leadback-core.toml";

/// The built-in instrument's text, compiled into the binary so the app and the CLI work with no files.
pub const BUILTIN: &str = include_str!("../../../../assets/instruments/leadback-core.toml");

/// The built-in instrument, parsed and validated. A test guarantees it parses; the `Result` is there
/// so a caller never has to panic if that ever stopped being true.
pub fn builtin() -> Result<Instrument, InstrumentError> {
    Instrument::parse(BUILTIN_FILE_NAME, BUILTIN)
}

/// The three ways of leading the instrument measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Stance {
    /// Sets the vision and the pace, demonstrates, directs, decides.
    Front,
    /// The shepherd: lets others go first and set the path, and is there if needed.
    Behind,
    /// Puts people's needs first: listens, asks, develops and praises.
    Servant,
}

impl Stance {
    /// Every stance, in the order results list them.
    pub const ALL: [Stance; 3] = [Stance::Front, Stance::Behind, Stance::Servant];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Front => "front",
            Self::Behind => "behind",
            Self::Servant => "servant",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// Of three values kept one per stance (a struct's `front`, `behind` and `servant` fields),
    /// the one of this stance.
    pub fn pick<T>(self, front: T, behind: T, servant: T) -> T {
        match self {
            Self::Front => front,
            Self::Behind => behind,
            Self::Servant => servant,
        }
    }

    /// The stance's place in [`Stance::ALL`], for per-stance arrays.
    fn index(self) -> usize {
        match self {
            Self::Front => 0,
            Self::Behind => 1,
            Self::Servant => 2,
        }
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
