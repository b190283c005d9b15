//! The tray icon, and keeping the app alive in it while reminders are set: closing the window then
//! hides it instead of quitting (the person is told so once).

use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime, Window, WindowEvent};

use crate::state::AppState;

const NOTICE_SHOWN: &str = "tray-notice-shown";

/// How long a start that never reaches the home screen (onboarding, a locked database) waits
/// before making the tray icon anyway.
pub const LATEST: std::time::Duration = std::time::Duration::from_secs(10);

/// Makes the tray icon unless it is there, on the main thread (where GTK wants it). Leadback does
/// this once the home screen has its data, not before: registering the icon with the desktop
/// (over D-Bus) would otherwise delay the first screen, and nothing needs it sooner.
pub fn ensure<R: Runtime>(app: &AppHandle<R>) {
    let handle = app.clone();
    let queued = app.run_on_main_thread(move || {
        if handle.tray_by_id("main").is_some() {
            return;
        }
        if let Err(err) = create(&handle) {
            // No tray on this desktop: reminders still work while the window is open.
            log::warn!("no tray icon: {err}");
        }
    });
    if let Err(err) = queued {
        log::warn!("no tray icon: {err}");
    }
}

fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let open = MenuItem::with_id(app, "open", "Open Leadback", true, None::<&str>)?;
    let check_in = MenuItem::with_id(app, "check-in", "Check in today…", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit Leadback", true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&check_in, &open, &quit])?;
    let mut tray = TrayIconBuilder::with_id("main")
        .tooltip("Leadback")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id().as_ref() {
            // The home screen is where today's check-ins are: showing the window is enough.
            "open" | "check-in" => show_main(app),
            "quit" => app.exit(0),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    Ok(())
}

pub fn show_main<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

/// With reminders set, closing the window hides it so they keep coming; without, it quits.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    let app = window.app_handle();
    // Hiding the window with no tray icon to bring it back would leave the app out of reach.
    if app.tray_by_id("main").is_none() {
        return;
    }
    let state = app.state::<AppState>();
    let Ok(mut store) = state.store() else {
        return;
    };
    let has_reminders = store.reminders(None).is_ok_and(|r| !r.is_empty());
    if !has_reminders {
        return;
    }
    api.prevent_close();
    let _ = window.hide();
    if store.setting(NOTICE_SHOWN).ok().flatten().is_none() {
        let _ = store.set_setting(NOTICE_SHOWN, "yes");
        crate::reminders::notify(
            app,
            "Leadback is still running",
            "It stays in the tray so your habit reminders can reach you. Quit from the tray icon.",
        );
    }
}
