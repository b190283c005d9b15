//! Habits: the small daily practices that shift how a person leads, and the numbers that show
//! whether they are sticking — strength, streaks, completion rates, a per-stance roll-up — plus
//! the arithmetic of reminders.
//!
//! The library of habits is data (`assets/habits/library.toml`), drawn from the source texts and
//! validated like the instrument. Everything else is a pure function of a [`Schedule`] and the
//! person's check-ins ([`CheckIns`]: one [`CheckState`] per local calendar date; a date with no
//! record is "not entered"). Nothing here reads the clock: the caller passes "today" (`as_of`) and,
//! for reminders, the local wall-clock time, so a test can pin both and a habit day is always the
//! person's calendar date, whatever DST does to the hours.
//!
//! A **skipped** day ("no chance today") neither raises nor lowers the strength that day, neither
//! breaks nor extends a streak, and is not expected in a completion rate. The strength's window
//! of "the last M days" is Loop's: M calendar days, in which a skipped day counts as not done (see
//! `strength`). "Not done" and "not entered" both count as not done, except that today, while it
//! is not entered yet, is not held against the person.

mod check_in;
mod derived;
mod explain;
mod library;
mod measure;
mod notes;
mod rates;
mod reminders;
mod rollup;
mod schedule;
mod streaks;
mod strength;
mod timeline;

#[cfg(test)]
mod library_tests;
#[cfg(test)]
mod loop_fixture_tests;
#[cfg(test)]
mod strength_tests;

pub use check_in::{
    CheckIn, CheckInError, CheckIns, CheckState, HABIT_NAME_MAX_CHARS, HabitName, HabitStance,
    MAX_BACKFILL_YEARS, NOTE_MAX_CHARS, check_in_date, check_in_note,
};
pub use derived::{DerivedHabit, StreakCheckpoint};
pub use explain::{StrengthExplanation, explain_strength};
pub use library::{
    HabitFault, HabitLibrary, HabitLibraryError, HabitProblem, LibraryHabit, SOURCE_MAX_CHARS,
    WHY_MAX_CHARS,
};
pub use measure::{
    Amounts, DayAmount, MAX_AMOUNT, Measure, MeasureError, UNIT_MAX_CHARS, checked_amount,
    explain_measured, measured_strength_on, measured_strength_series, met_between, met_days,
    parse_amount, period_schedule, period_sum,
};
pub use notes::add_to_note;
pub use rates::{CompletionRate, completion_rates};
pub use reminders::{ClockReading, MAX_REMINDER_TIMES, ReminderError, ReminderRule, WEEK};
pub use rollup::{StanceRollup, StanceRollupPoint, stance_rollup};
pub use schedule::{MAX_SCHEDULE_DAYS, Schedule, ScheduleError};
pub use streaks::{StreakFold, Streaks, streaks};
pub use strength::{DailyStrength, multiplier, strength_on, strength_series, strength_step};
pub use timeline::Period;

/// The built-in habit library's file name, for error messages.
pub const BUILTIN_LIBRARY_FILE_NAME: &str = "library.toml";

/// The built-in habit library's text, compiled in so the app and the CLI work with no files.
pub const BUILTIN_LIBRARY: &str = include_str!("../../../../assets/habits/library.toml");

/// The built-in habit library, parsed and validated. A test guarantees it parses; the `Result` is
/// there so a caller never has to panic if that ever stopped being true.
pub fn builtin_library() -> Result<HabitLibrary, HabitLibraryError> {
    HabitLibrary::parse(BUILTIN_LIBRARY_FILE_NAME, BUILTIN_LIBRARY)
}
