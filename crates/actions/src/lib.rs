//! The use cases: each thing a person can do with Leadback (score an assessment, import a cohort's
//! results, export a participant's results, check a file before it is written…) is one function
//! here, taking the store, a clock where time matters and its typed input, and returning a typed
//! result or an [`ActionError`]. The desktop shell and the `leadback` CLI both call these, so a rule
//! lives once and the two front ends cannot drift apart: they read arguments, call, and present.
//!
//! This crate owns flows and the rules between core and store. It must never depend on a front end
//! (no tauri, no clap, no terminal or window code), and it holds no SQL (that is the store's) and
//! no domain arithmetic (that is core's).

pub mod assessments;
pub mod coaching;
pub mod cohort;
pub mod data;
pub mod energy;
mod error;
pub mod exercises;
pub mod files;
pub mod habits;
pub mod instruments;
pub mod journal;
pub mod loop_backup;
pub mod observers;
pub mod people;
pub mod programmes;
pub mod reports;
pub mod sync;

pub use error::{ActionError, Code};
