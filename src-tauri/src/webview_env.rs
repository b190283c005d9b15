//! The environment Leadback sets for its own web view on Linux, and only for it.
//!
//! WebKitGTK reads a few variables when it starts its processes. Leadback sets these when the
//! person has not set them (a value already there, even an empty one, is theirs and stays):
//! - `WEBKIT_SKIA_ENABLE_CPU_RENDERING=1`: page tiles painted on the CPU. Leadback's screens are
//!   text, forms and a few charts, which the CPU paints as fast, and GPU painting costs memory the
//!   web process keeps (with Mesa's software GL its shader compiler alone held about 30 MiB after
//!   the first screen; see `benches/startup.sh`). Compositing stays on the GPU either way.
//! - `WEBKIT_DISABLE_DMABUF_RENDERER=1`, **only with NVIDIA's own driver**, where WebKitGTK's
//!   DMA-BUF renderer is the one people report showing an empty window. Not everywhere: under
//!   Xvfb with Mesa it stopped the page from presenting new frames (timers and animations stood
//!   still), so on other drivers the renderer stays as WebKitGTK chose.
//!
//! What Leadback set is for its web view alone: a program it opens (the file manager showing the
//! backups folder) starts without those variables, as if started from the desktop.

use std::ffi::OsString;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

/// Painting on the CPU: set whatever the graphics driver.
const CPU_PAINTING: (&str, &str) = ("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "1");

/// The DMA-BUF renderer off: set with NVIDIA's driver only.
const NO_DMABUF: (&str, &str) = ("WEBKIT_DISABLE_DMABUF_RENDERER", "1");

/// Where NVIDIA's own kernel driver says it is loaded.
const NVIDIA_DRIVER: &str = "/proc/driver/nvidia/version";

/// The names Leadback set itself at start-up (not the person).
static SET_BY_APP: OnceLock<Vec<&'static str>> = OnceLock::new();

/// Which defaults to set, given how the environment reads (`get`) and whether NVIDIA's driver is
/// loaded.
pub fn missing(
    get: impl Fn(&str) -> Option<OsString>,
    nvidia: bool,
) -> Vec<(&'static str, &'static str)> {
    let defaults = if nvidia {
        vec![CPU_PAINTING, NO_DMABUF]
    } else {
        vec![CPU_PAINTING]
    };
    defaults
        .into_iter()
        .filter(|(name, _)| get(name).is_none())
        .collect()
}

/// Sets the defaults the person has not set. Must run first in `main`, before any thread starts.
pub fn apply_defaults() {
    let nvidia = Path::new(NVIDIA_DRIVER).exists();
    let missing = missing(|name| std::env::var_os(name), nvidia);
    for (name, value) in &missing {
        // SAFETY: this is the first call in `main`, before Tauri, GTK or any plugin starts a
        // thread, so no other thread can read the environment meanwhile.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var(name, value);
        }
    }
    let _ = SET_BY_APP.set(missing.into_iter().map(|(name, _)| name).collect());
}

/// The variables Leadback set itself, for programs it starts to leave out.
pub fn set_by_app() -> &'static [&'static str] {
    SET_BY_APP.get().map_or(&[], Vec::as_slice)
}

/// The programs that open a folder as the desktop does, tried in turn: the freedesktop one, then
/// GLib's (on desktops without xdg-utils).
const OPENERS: [(&str, &[&str]); 2] = [("xdg-open", &[]), ("gio", &["open"])];

/// `program` with `args` on `folder`, started without the variables in `leave_out`.
pub fn opener(program: &str, args: &[&str], folder: &Path, leave_out: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args).arg(folder);
    for name in leave_out {
        command.env_remove(name);
    }
    command
}

/// Opens `folder` as the desktop does, without the variables Leadback set for itself.
pub fn open_folder(folder: &Path) -> std::io::Result<()> {
    let mut last = std::io::Error::from(std::io::ErrorKind::NotFound);
    for (program, args) in OPENERS {
        match opener(program, args, folder, set_by_app()).spawn() {
            Ok(mut child) => {
                // The opener hands the folder to the file manager and ends; reap it.
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
            Err(err) => last = err,
        }
    }
    Err(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_the_person_has_not_set_is_set() {
        assert_eq!(missing(|_| None, true), [CPU_PAINTING, NO_DMABUF]);
        let theirs = missing(
            |name| (name == NO_DMABUF.0).then(|| OsString::from("0")),
            true,
        );
        assert_eq!(theirs, [CPU_PAINTING]);
        let empty_is_theirs = missing(|_| Some(OsString::new()), true);
        assert!(empty_is_theirs.is_empty());
    }

    #[test]
    fn the_dmabuf_renderer_is_turned_off_only_with_nvidias_driver() {
        assert_eq!(missing(|_| None, false), [CPU_PAINTING]);
        assert!(missing(|_| None, true).contains(&NO_DMABUF));
    }

    #[test]
    fn a_folder_opens_without_the_variables_leadback_set_for_itself() {
        let (program, args) = OPENERS[0];
        let command = opener(
            program,
            args,
            Path::new("/home/ada/backups"),
            &[NO_DMABUF.0],
        );
        assert_eq!(command.get_program(), "xdg-open");
        assert_eq!(
            command.get_args().collect::<Vec<_>>(),
            ["/home/ada/backups"]
        );
        let envs: Vec<_> = command.get_envs().collect();
        assert_eq!(
            envs,
            [(std::ffi::OsStr::new("WEBKIT_DISABLE_DMABUF_RENDERER"), None)],
            "removed, not passed on"
        );
    }
}
