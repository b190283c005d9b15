//! Guided exercises: the walk at the back, listening first, a real break and the others — each a
//! few ordered steps with optional timers and reflection prompts, for the exercise player.
//!
//! Like the instrument and the habit library, exercises are data (`assets/exercises/*.toml`, one
//! file per exercise), not code: the content can be read, reviewed and traced to the source texts
//! without reading Rust, and a new wording is a new `version`, not a migration. Parsing refuses a bad
//! file with its name, the step's number and the reason, all problems at once; a linked habit must
//! exist in the habit library passed in.
//!
//! `quick-pause` is a genuine one-minute "pause before you speak" exercise whose first timer is only
//! 3 seconds, so the end-to-end tests can run an exercise with a timer without waiting.
//!
//! Nothing here reads files: callers pass a file's name and text, and the built-in exercises are
//! compiled in ([`BUILTIN`], [`ExerciseLibrary::builtin`]).

mod error;
mod library;
mod model;
mod parse;
pub(crate) mod text;

#[cfg(test)]
mod builtin_tests;
#[cfg(test)]
mod parse_tests;

pub use error::{ExerciseError, ExerciseFault, ExerciseLibraryError, ExerciseProblem};
pub use library::{BUILTIN, ExerciseLibrary};
pub use model::{
    Exercise, ExerciseStep, PromptKind, RATING_MAX, RATING_MIN, ReflectionAnswer, ReflectionError,
    ReflectionPrompt, StepTimer,
};
pub use parse::{
    INSTRUCTION_MAX_CHARS, MAX_DURATION_MINUTES, MAX_PROMPTS_PER_STEP, MAX_STEPS,
    MAX_TIMER_SECONDS, PROMPT_MAX_CHARS, SUMMARY_MAX_CHARS, TITLE_MAX_CHARS,
};
pub use text::ID_MAX_CHARS;
