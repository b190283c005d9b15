//! The environment Leadback sets for its own web view on Linux, and only for it.
//!
//! WebKitGTK reads a few variables when it starts its processes. Leadback sets two when the person
//! has not set them (a value already there, even an empty one, is theirs and stays):
//! - `WEBKIT_SKIA_ENABLE_CPU_RENDERING=1`: page tiles painted on the CPU. Leadback's screens are
//!   text, forms and a few charts, which the CPU paints as fast, and GPU painting costs memory the
//!   web process keeps (with Mesa's software GL its shader compiler alone held about 30 MiB after
//!   the first screen; see `benches/startup.sh`). Compositing stays on the GPU either way.
//! - `WEBKIT_DISABLE_DMABUF_RENDERER=1`: with some GPU drivers WebKitGTK's DMA-BUF renderer shows
//!   an empty window, a problem people report across WebKitGTK apps; the shared-memory path
//!   draws the same screens everywhere.
//!
//! What Leadback set is for its web view alone: a program it opens (the file manager showing the
//! backups folder) starts without those variables, as if started from the desktop.

use std::ffi::OsString;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

/// The variables Leadback sets when they are not set, with their values.
pub const DEFAULTS: [(&str, &str); 2] = [
    ("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "1"),
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
];

/// The names Leadback set itself at start-up (not the person).
static SET_BY_APP: OnceLock<Vec<&'static str>> = OnceLock::new();

/// Which of [`DEFAULTS`] to set, given how the environment reads (`get`).
pub fn missing(get: impl Fn(&str) -> Option<OsString>) -> Vec<(&'static str, &'static str)> {
    DEFAULTS
        .into_iter()
        .filter(|(name, _)| get(name).is_none())
        .collect()
}

/// Sets the defaults the person has not set. Must run first in `main`, before any thread starts.
pub fn apply_defaults() {
    let missing = missing(|name| std::env::var_os(name));
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
        let nothing = missing(|_| None);
        assert_eq!(nothing, DEFAULTS.to_vec());
        let theirs =
            missing(|name| (name == "WEBKIT_DISABLE_DMABUF_RENDERER").then(|| OsString::from("0")));
        assert_eq!(theirs, [("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "1")]);
        let empty_is_theirs = missing(|_| Some(OsString::new()));
        assert!(empty_is_theirs.is_empty());
    }

    #[test]
    fn a_folder_opens_without_the_variables_leadback_set_for_itself() {
        let (program, args) = OPENERS[0];
        let command = opener(
            program,
            args,
            Path::new("/home/ada/backups"),
            &["WEBKIT_DISABLE_DMABUF_RENDERER"],
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
