//! App preferences that live outside the database: starting at login.

use tauri::{AppHandle, Runtime};
use tauri_plugin_autostart::ManagerExt;

use crate::error::{ErrorCode, IpcError};

fn autostart_error(err: impl std::fmt::Display) -> IpcError {
    IpcError::new(
        ErrorCode::Storage,
        format!("Could not change starting at login: {err}"),
    )
}

/// Whether Leadback starts (in the tray) when the person logs in.
#[tauri::command]
pub async fn get_start_at_login<R: Runtime>(app: AppHandle<R>) -> Result<bool, IpcError> {
    app.autolaunch().is_enabled().map_err(autostart_error)
}

/// Turns starting at login on or off (off unless the person opts in).
#[tauri::command]
pub async fn set_start_at_login<R: Runtime>(
    app: AppHandle<R>,
    enabled: bool,
) -> Result<bool, IpcError> {
    let launcher = app.autolaunch();
    if enabled {
        launcher.enable().map_err(autostart_error)?;
    } else if launcher.is_enabled().map_err(autostart_error)? {
        launcher.disable().map_err(autostart_error)?;
    }
    launcher.is_enabled().map_err(autostart_error)
}
