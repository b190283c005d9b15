//! The UI's "the home screen has its data" signal: logged on every start, and the end point that
//! `benches/startup.sh` measures start-up to (the same signal the bare Tauri app gives).

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use tauri::{AppHandle, Runtime, State};

use crate::state::AppState;

static ANNOUNCED: AtomicBool = AtomicBool::new(false);

/// Called whenever the home screen has drawn its data; only the first call after start counts:
/// it lets the day's backup begin (see `lib.rs`) and makes the tray icon. With `LEADBACK_READY_FILE` set (by the start-up
/// benchmark), it also writes the wall clock in nanoseconds since the Unix epoch to that file.
#[tauri::command]
pub async fn home_ready<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<(), crate::IpcError> {
    if ANNOUNCED.swap(true, Ordering::Relaxed) {
        return Ok(());
    }
    state.first_screen.notify_one();
    crate::tray::ensure(&app);
    log::info!("the home screen has its data");
    if let Some(path) = std::env::var_os("LEADBACK_READY_FILE") {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        if let Err(err) = std::fs::write(&path, nanos.to_string()) {
            log::warn!("could not write the start-up mark: {err}");
        }
    }
    Ok(())
}
