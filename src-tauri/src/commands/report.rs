//! A person's PDF report, written where the coach chose to save it: the same file the CLI's
//! `leadback report` makes (`leadback-report` draws it from the domain's report content).

use std::path::PathBuf;

use leadback_actions::reports::{self, WriteReport};
use leadback_store::ReportLibraries;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::commands::instruments;
use crate::error::IpcError;
use crate::state::AppState;

/// What [`export_report`] wrote.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ReportSummary {
    #[ts(type = "number")]
    pub pages: usize,
    #[ts(type = "number")]
    pub bytes: usize,
    /// Which characters no font on this computer has, in a sentence for the coach (the report
    /// was still written, with boxes in their place); `None` when every character was drawn.
    pub missing_note: Option<String>,
}

/// Writes the report about `person_id` (me or a client) to `path`, a `.pdf` file: profile,
/// history, habits and exercises, and the session notes only when `include_notes`.
#[tauri::command]
pub async fn export_report(
    state: State<'_, AppState>,
    person_id: i64,
    path: PathBuf,
    include_notes: bool,
) -> Result<ReportSummary, IpcError> {
    let store = state.store()?;
    let instruments = instruments::library(&state, &store)?;
    let libraries = ReportLibraries {
        instruments: &instruments,
        habits: state.habit_library()?,
        exercises: state.exercises()?,
    };
    let input = WriteReport {
        person_id,
        path: &path,
        include_notes,
    };
    let written = reports::write(&store, &*state.clock, libraries, input)?;
    Ok(ReportSummary {
        pages: written.pages,
        bytes: written.bytes,
        missing_note: reports::missing_note(&written.missing),
    })
}
