//! The one checked way in and out of files a person chooses: a file is read at most one byte past
//! its limit, and every file Leadback writes for a person goes through [`write`], which refuses the
//! database, its companions and its backups folder and writes beside the target first (so a crash
//! never leaves half a file under its name).

use std::path::{Path, PathBuf};

use leadback_store::{Store, backup, paths};

use crate::ActionError;

/// Reads a file the person chose, never more than one byte past `max` (the caller's size check
/// then refuses it); a file that cannot be read is an error naming it.
pub fn read_chosen(path: &Path, max: usize) -> Result<Vec<u8>, ActionError> {
    paths::read_at_most(path, max).map_err(|e| ActionError::File {
        path: path.to_path_buf(),
        message: format!("could not be read: {e}"),
    })
}

/// [`read_chosen`] as text: a file that is not UTF-8 is refused.
pub fn read_chosen_text(path: &Path, max: usize) -> Result<String, ActionError> {
    String::from_utf8(read_chosen(path, max)?).map_err(|_| ActionError::File {
        path: path.to_path_buf(),
        message: "is not a text file.".to_owned(),
    })
}

/// Checks a path to save `what` (e.g. "a report") at, before anything is made: its name ends in
/// `.extension`, it is not a folder, it names its folder and that folder exists, and it is not
/// where Leadback keeps its data.
pub fn check_output(
    store: &Store,
    path: &Path,
    extension: &str,
    what: &str,
) -> Result<(), ActionError> {
    let refuse = |why: String| ActionError::File {
        path: path.to_path_buf(),
        message: format!("{why} Nothing was written."),
    };
    let fits = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(extension));
    if !fits {
        return Err(refuse(format!(
            "is not the name of {what}: give a name ending in .{extension}."
        )));
    }
    check_target(store, path)
}

/// Checks a path to save a file at, whatever its name: it is not a folder, it names its folder and
/// that folder exists, and it is not where Leadback keeps its data.
pub fn check_target(store: &Store, path: &Path) -> Result<(), ActionError> {
    let refuse = |why: &str| ActionError::File {
        path: path.to_path_buf(),
        message: format!("{why} Nothing was written."),
    };
    if path.is_dir() {
        return Err(refuse("is a folder."));
    }
    // A bare or relative name means nothing to the app (its working folder is arbitrary); the CLI
    // makes names absolute against the shell's folder before calling.
    let folder_exists = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .is_some_and(Path::is_dir);
    if !folder_exists {
        return Err(refuse("is in a folder that does not exist."));
    }
    check_not_data(store, path)
}

/// Refuses a path over the database (or its `-wal`/`-shm` companions) or inside its backups
/// folder: a save dialog pointed at the data folder must not destroy the data it is saving.
pub fn check_not_data(store: &Store, path: &Path) -> Result<(), ActionError> {
    let in_backups = store
        .path()
        .and_then(|database| resolved(&backup::backups_dir(database)))
        .zip(resolved(path))
        .is_some_and(|(backups, target)| target.starts_with(backups));
    if in_backups || is_live_database(store, path) {
        return Err(ActionError::File {
            path: path.to_path_buf(),
            message: "is where Leadback keeps its data; choose another file. Nothing was written."
                .to_owned(),
        });
    }
    Ok(())
}

/// Writes a file for the person: refused over the data (see [`check_not_data`]), then written
/// beside the target and renamed into place.
pub fn write(store: &Store, path: &Path, bytes: impl AsRef<[u8]>) -> Result<(), ActionError> {
    check_not_data(store, path)?;
    Ok(paths::write_file(path, bytes)?)
}

/// Whether `path` is the open database file or one of its companions (`-wal`, `-shm`).
pub fn is_live_database(store: &Store, path: &Path) -> bool {
    let (Some(target), Some(database)) = (resolved(path), store.path().and_then(resolved)) else {
        return false;
    };
    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    target.parent() == database.parent()
        && name(&target)
            .zip(name(&database))
            .is_some_and(|(target, database)| target.starts_with(&database))
}

/// Where `path` points, links and `..` resolved; a file that does not exist yet is resolved
/// through its folder (the current folder for a bare name).
fn resolved(path: &Path) -> Option<PathBuf> {
    path.canonicalize().ok().or_else(|| {
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        let folder = folder.map_or_else(|| Path::new(".").canonicalize(), Path::canonicalize);
        Some(folder.ok()?.join(path.file_name()?))
    })
}
