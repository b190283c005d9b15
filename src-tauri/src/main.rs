// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    #[cfg(target_os = "linux")]
    leadback_app::webview_env::apply_defaults();
    match leadback_app::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            #[allow(clippy::print_stderr)] // The window could not open: stderr is all we have.
            {
                eprintln!("Leadback could not start: {err}");
            }
            std::process::ExitCode::FAILURE
        }
    }
}
