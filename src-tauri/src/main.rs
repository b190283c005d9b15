// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    #[cfg(target_os = "linux")]
    paint_on_the_cpu();
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

/// WebKitGTK paints page tiles with Skia, on the GPU by default. Leadback's screens are text,
/// forms and a few charts, which the CPU paints as fast, and GPU painting costs memory the web
/// process keeps: with Mesa's software GL (llvmpipe, common on virtual machines and on laptops
/// without a working driver) its shader compiler alone held about 30 MiB of heap after the first
/// screen (see `benches/startup.sh`). Compositing stays on the GPU either way.
///
/// Someone who prefers GPU painting sets `WEBKIT_SKIA_ENABLE_CPU_RENDERING=0`: a value already in
/// the environment is left as it is. The web process inherits this process's environment.
#[cfg(target_os = "linux")]
fn paint_on_the_cpu() {
    const VAR: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";
    if std::env::var_os(VAR).is_none() {
        // SAFETY: nothing has started a thread yet (this is the first line of `main`, before
        // Tauri, GTK or any plugin runs), so no other thread can read the environment meanwhile.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var(VAR, "1");
        }
    }
}
