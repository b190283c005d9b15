//! A person's PDF report, written where the coach chose to save it: the same file the CLI's
//! `leadback report` makes (`leadback-report` draws it from the domain's report content).

use std::path::PathBuf;

use leadback_core::report::Report;
use leadback_report::{Fonts, ReportError, render};
use leadback_store::ReportLibraries;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::commands::{check_save_path, instruments, refuse_overwriting_data};
use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;

/// What [`export_report`] wrote.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ReportSummary {
    #[ts(type = "number")]
    pub pages: usize,
    #[ts(type = "number")]
    pub bytes: usize,
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
    check_save_path(&path, "pdf", "a report")?;
    let data = {
        let store = state.store()?;
        refuse_overwriting_data(&store, &path)?;
        let instruments = instruments::library(&state, &store)?;
        let libraries = ReportLibraries {
            instruments: &instruments,
            habits: state.habit_library()?,
            exercises: state.exercises()?,
        };
        store.report_data(person_id, state.clock.today(), libraries, include_notes)?
    };
    let fonts = Fonts::system().map_err(unusable_font)?;
    let rendered = render(&Report::build(&data), &fonts).map_err(unusable_font)?;
    leadback_store::paths::write_file(&path, &rendered.bytes)?;
    Ok(ReportSummary {
        pages: rendered.pages,
        bytes: rendered.bytes.len(),
    })
}

fn unusable_font(err: ReportError) -> IpcError {
    IpcError::new(ErrorCode::Storage, err.to_string())
}
