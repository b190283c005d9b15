//! The Leadback domain: what a person is, what counts as valid input, and (as the product grows) how
//! a questionnaire is scored and a habit's strength is computed. Everything here is pure and
//! deterministic: it never touches SQLite, the file system, the network or a window, and time comes
//! in through a [`clock::Clock`] so tests can fix it. It must never depend on `rusqlite`, `tauri` or
//! any crate that does I/O; the store and the shell depend on it, never the other way round.

pub mod assessment;
pub mod clients;
pub mod clock;
pub mod cohort;
pub mod exercises;
mod file_error;
pub mod habits;
pub mod observers;
pub mod person;
pub mod programmes;
pub mod report;
pub mod validation;

pub use clock::{Clock, FixedClock, SystemClock};
pub use file_error::FileError;
pub use person::{Person, PersonKind, PersonName};
pub use validation::ValidationError;
