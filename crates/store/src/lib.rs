//! Leadback's persistence: the single SQLite file that holds everything a person writes, where it
//! lives on disk, how its schema evolves (append-only `.sql` migrations, version in `user_version`),
//! and every query against it. SQL lives here and nowhere else. The store depends on the domain
//! (`leadback-core`) for its types and rules; it must never depend on `tauri` or know about windows,
//! and it never decides what is valid: values arrive already checked by the domain's types.

mod assessments;
pub mod backup;
mod check_ins;
mod connection;
pub mod encryption;
mod erase;
mod error;
mod exercises;
pub mod export;
mod fold;
mod habit_overview;
mod habits;
mod ids;
mod instruments;
mod journal;
mod keeping;
pub mod loop_import;
mod migrations;
mod observer_forms;
mod observers;
pub mod paths;
mod people;
mod programmes;
mod reminders;
mod report;
mod sessions;
mod settings;
mod store;
pub mod sync;
mod timeline;
mod values;

pub use assessments::AssessmentRecord;
pub use backup::{BackupFile, BackupReason};
pub use check_ins::{CheckInRecord, EnergyRecord};
pub use connection::quick_check_file;
pub use error::StoreError;
pub use exercises::{ExerciseRun, LinkedCheckIn, NewReflection, Reflection};
pub use habit_overview::{HabitDetail, HabitOverview};
pub use habits::{HabitRecord, NewHabit};
pub use journal::{JournalEntry, JournalQuery};
pub use migrations::latest_schema_version;
pub use observer_forms::ObserverView;
pub use observers::{AnsweredVia, ObserverRequest};
pub use programmes::{ProgrammeDeletion, StoredProgramme};
pub use reminders::ReminderRecord;
pub use report::ReportLibraries;
pub use store::{Integrity, Store, StoreInfo, TableCount};
