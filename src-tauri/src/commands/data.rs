//! Keeping the data safe: backups (list, take, restore, open the folder), exporting everything,
//! and recovering when the database could not be opened at start-up.

use std::path::{Path, PathBuf};

use leadback_actions::data;
use leadback_store::backup::{self, BackupFile};
use leadback_store::{Store, paths};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
#[cfg(not(target_os = "linux"))]
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;

/// The backups folder and what it holds, newest first.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct Backups {
    pub folder: String,
    pub backups: Vec<BackupFile>,
}

/// Start-up could not open the database: why, and the newest backup that could replace it.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct Recovery {
    pub problem: IpcError,
    /// Only for a damaged file: a newer Leadback's file is not replaced, it needs that version.
    pub backup: Option<BackupFile>,
    pub data_folder: Option<String>,
}

/// Rows and tables written by [`export_everything`].
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ExportSummary {
    #[ts(type = "number")]
    pub rows: usize,
    #[ts(type = "number")]
    pub tables: usize,
}

fn folder(state: &AppState) -> Result<PathBuf, IpcError> {
    state
        .store()?
        .backups_dir()
        .ok_or_else(|| IpcError::new(ErrorCode::Storage, "This database has no folder on disk."))
}

#[tauri::command]
pub async fn get_backups(state: State<'_, AppState>) -> Result<Backups, IpcError> {
    let dir = folder(&state)?;
    Ok(Backups {
        backups: backup::list_backups(&dir)?,
        folder: dir.display().to_string(),
    })
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<BackupFile, IpcError> {
    data::backup_now(&*state.store()?, state.clock.now())?
        .ok_or_else(|| IpcError::new(ErrorCode::Storage, "This database has no folder on disk."))
}

/// Replaces the data with a backup (checked first; the current data is backed up before).
/// Returns that safety backup.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<Option<BackupFile>, IpcError> {
    let now = state.clock.now();
    let mut store = state.store()?;
    let safety = data::restore(&mut store, &path, now)?;
    drop(store);
    // Reminders follow the restored habits.
    state.reminders_changed();
    Ok(safety)
}

#[tauri::command]
pub async fn open_backups_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<(), IpcError> {
    let dir = folder(&state)?;
    std::fs::create_dir_all(&dir).map_err(|err| storage(&dir, err))?;
    #[cfg(target_os = "linux")]
    let opened = {
        let _ = app;
        crate::webview_env::open_folder(&dir)
    };
    #[cfg(not(target_os = "linux"))]
    let opened = app
        .opener()
        .open_path(dir.display().to_string(), None::<&str>);
    opened.map_err(|err| {
        IpcError::new(
            ErrorCode::Storage,
            format!(
                "Could not open {} in the file manager: {err}",
                dir.display()
            ),
        )
    })
}

fn storage(path: &Path, err: impl std::fmt::Display) -> IpcError {
    IpcError::new(
        ErrorCode::Storage,
        format!("Could not write {}: {err}", path.display()),
    )
}

/// Writes everything in the database to one JSON file (the same as `leadback export`).
#[tauri::command]
pub async fn export_everything(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<ExportSummary, IpcError> {
    let exported = data::export_everything(&*state.store()?, &path, state.clock.now())?;
    Ok(ExportSummary {
        rows: exported.rows,
        tables: exported.tables,
    })
}

/// Null when the database is open; otherwise what went wrong and what can be done.
#[tauri::command]
pub async fn get_recovery(state: State<'_, AppState>) -> Result<Option<Recovery>, IpcError> {
    let Some(problem) = state.open_error() else {
        return Ok(None);
    };
    let backup = match (&state.data_dir, problem.code) {
        (Some(dir), ErrorCode::DamagedDatabase) => {
            backup::newest_good_backup(&backup::backups_dir(&paths::database_path(dir)), None)?
        }
        _ => None,
    };
    Ok(Some(Recovery {
        problem: problem.clone(),
        backup,
        data_folder: state.data_dir.as_ref().map(|d| d.display().to_string()),
    }))
}

/// Moves the damaged database aside (never deleting it), puts the newest good backup in its
/// place and opens it. Returns the backup used.
#[tauri::command]
pub async fn recover_from_backup(state: State<'_, AppState>) -> Result<BackupFile, IpcError> {
    let refused = |message: &str| IpcError::new(ErrorCode::InvalidInput, message);
    match state.open_error() {
        Some(problem) if problem.code == ErrorCode::DamagedDatabase => {}
        Some(_) => return Err(refused("Only a damaged database is replaced by a backup.")),
        None => {
            return Err(refused(
                "The database is fine; there is nothing to recover.",
            ));
        }
    }
    let dir = state
        .data_dir
        .clone()
        .ok_or_else(|| refused("There is no data folder."))?;
    let database = paths::database_path(&dir);
    let chosen = backup::newest_good_backup(&backup::backups_dir(&database), None)?
        .ok_or_else(|| refused("There is no backup that passes its checks."))?;
    let aside = backup::recover_from_backup(&dir, &chosen.path, None, state.clock.now())?;
    log::warn!("damaged database moved to {}", aside.display());
    state.set_store(Store::open(&database)?)?;
    state.reminders_changed();
    Ok(chosen)
}
