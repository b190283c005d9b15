//! The desktop shell: glue between the window and the domain. It opens the store, registers the
//! plugins and the IPC commands (one module per feature under `commands/`, each a few lines:
//! validate, call the store or core, map the error), and nothing more. Rules belong in
//! `leadback-core`, SQL in `leadback-store`; this crate must never grow either.

mod args;
mod commands;
mod error;
mod memory;
#[cfg(any(test, feature = "bench"))]
#[doc(hidden)]
pub mod mock;
mod reminders;
mod state;
#[cfg(debug_assertions)]
mod test_clock;
mod tray;
#[cfg(target_os = "linux")]
pub mod webview_env;

use tauri::Manager;

pub use error::{ErrorCode, IpcError};

/// How long the day's backup waits for the first screen before it starts anyway (onboarding, a
/// locked database or a hidden start never show the home screen).
const BACKUP_WAITS_FOR_FIRST_SCREEN: std::time::Duration = std::time::Duration::from_secs(10);

/// Runs the start-up `quick_check` at once, and the day's backup once the home screen has its
/// data, both in the background through connections of their own: the first screen never waits
/// for a read of the whole file, nor shares the processor with a copy of it. A damaged file
/// closes the store: every command then reports it and the UI offers the newest good backup.
fn check_then_back_up(app: tauri::AppHandle) {
    tauri::async_runtime::spawn(async move {
        let checker = app.clone();
        let healthy = tauri::async_runtime::spawn_blocking(move || {
            checker.state::<state::AppState>().finish_startup_check()
        })
        .await
        .unwrap_or(false);
        if !healthy {
            return;
        }
        let state = app.state::<state::AppState>();
        let first_screen = state.first_screen.notified();
        let _ = tokio::time::timeout(BACKUP_WAITS_FOR_FIRST_SCREEN, first_screen).await;
        let _ = tauri::async_runtime::spawn_blocking(move || {
            let state = app.state::<state::AppState>();
            let Some((database, key)) = state.database_file() else {
                return;
            };
            let now = state.clock.now();
            match leadback_store::backup::backup_file_if_due(&database, key.as_deref(), now) {
                Ok(Some(taken)) => log::info!("daily backup: {}", taken.path.display()),
                Ok(None) => {}
                Err(err) => log::error!("the daily backup failed: {err}"),
            }
            // The check, the first screen's reads and the copy are done: what they used is free.
            memory::release_free_heap();
        })
        .await;
    });
}

/// Builds and runs the app until its last window closes.
pub fn run() -> tauri::Result<()> {
    let data_dir_flag = args::data_dir_flag(std::env::args_os().skip(1));
    let start_hidden = std::env::args_os().any(|arg| arg == args::START_HIDDEN);
    tauri::Builder::default()
        // Must be first: a second launch focuses the running window instead of opening the
        // database twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(
            tauri_plugin_log::Builder::new()
                .level(log::LevelFilter::Info)
                .build(),
        )
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        // Only Rust opens things (the backups folder); the UI is granted none of its commands.
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec![args::START_HIDDEN]),
        ))
        .setup(move |app| {
            let state = state::AppState::open(data_dir_flag.as_deref());
            app.manage(state);
            if start_hidden {
                // Started at login with no window: the tray icon is all there is, at once.
                tray::ensure(app.handle());
                if let Some(window) = app.get_webview_window("main") {
                    let _ = window.hide();
                }
            } else {
                // Made when the home screen has its data (`home_ready`), or after a while.
                let handle = app.handle().clone();
                tauri::async_runtime::spawn(async move {
                    tokio::time::sleep(tray::LATEST).await;
                    tray::ensure(&handle);
                });
            }
            reminders::spawn(app.handle().clone());
            check_then_back_up(app.handle().clone());
            commands::sync::spawn_auto(app.handle().clone());
            Ok(())
        })
        .on_window_event(tray::on_window_event)
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
}
