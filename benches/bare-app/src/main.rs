//! A bare Tauri 2 "hello world": one window, one static page, one command. It is the floor that
//! `benches/startup.sh` measures Leadback's start-up time and memory against, so it does only what
//! any Tauri app must: open a webview, load a page, and tell Rust the page is up.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::time::{SystemTime, UNIX_EPOCH};

/// Called by the page once it has rendered. When `LEADBACK_READY_FILE` is set, writes the wall
/// clock in nanoseconds since the Unix epoch there (the same signal Leadback gives; see
/// `benches/startup.sh`).
#[tauri::command]
fn ready() {
    if let Some(path) = std::env::var_os("LEADBACK_READY_FILE") {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        // A benchmark aid: if the file cannot be written the script times out and says so.
        let _ = std::fs::write(path, nanos.to_string());
    }
}

fn main() -> std::process::ExitCode {
    match tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!())
    {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(_) => std::process::ExitCode::FAILURE,
    }
}
