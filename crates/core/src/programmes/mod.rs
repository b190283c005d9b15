//! Retreat programmes: a multi-day sequence of assessments, exercises, habits to start and
//! free-text prompts, each required or optional — and per-day progress through one.
//!
//! A programme is data like the exercises: the shipped one is TOML in `assets/programmes/`, a
//! facilitator can author one in the app ([`Programme::check`]), and it travels to participants as
//! a JSON exchange file ([`Programme::export_file`], [`Programme::import_file`]). All three are
//! validated by the same rules, against the exercise and habit libraries passed in, so a programme
//! never points at an exercise the machine does not have. The exchange envelope ([`exchange`]) is
//! shared with the participants' results files of [`crate::cohort`].
//!
//! Nothing here reads files or the clock: callers pass text in, and which day is "today" is the
//! caller's to decide from [`ProgrammeProgress`].

mod error;
pub mod exchange;
mod file;
mod model;
mod parse;
mod plain;
mod progress;

#[cfg(test)]
mod file_tests;
#[cfg(test)]
mod parse_tests;

pub use error::{ProgrammeError, ProgrammeFault, ProgrammeFileError, ProgrammeProblem};
pub use exchange::ExchangeError;
pub use file::PROGRAMME_FORMAT_VERSION;
pub use model::{Programme, ProgrammeActivity, ProgrammeDay, ProgrammeItem};
pub use parse::{
    DESCRIPTION_MAX_CHARS, ITEM_PROMPT_MAX_CHARS, MAX_DAYS, MAX_ITEMS_PER_DAY,
    PROGRAMME_TITLE_MAX_CHARS,
};
pub use progress::{DayProgress, ProgrammeProgress, progress};

use crate::exercises::ExerciseLibrary;
use crate::habits::HabitLibrary;

/// The built-in programme files as (file name, text), compiled in.
pub const BUILTIN: &[(&str, &str)] = &[(
    "three-days-at-the-back.toml",
    include_str!("../../../../assets/programmes/three-days-at-the-back.toml"),
)];

/// The built-in programmes, validated against the libraries given (normally the built-in ones). A
/// test guarantees they parse; the `Result` is there so a caller never has to panic.
pub fn builtin(
    exercises: &ExerciseLibrary,
    habits: &HabitLibrary,
) -> Result<Vec<Programme>, ProgrammeError> {
    BUILTIN
        .iter()
        .map(|(file, text)| Programme::parse(file, text, exercises, habits))
        .collect()
}
