//! The shared folder: the group's key sealed with the pairing code, and one folder per device
//! holding its card and its numbered files. A device writes only in its own folder (and the key
//! file, once, when it starts the group), so a file-sync tool never sees two writers on a file.
//! And which folders can be one.

use std::path::{Path, PathBuf};

use leadback_store::Store;
use leadback_store::paths::read_at_most;
use leadback_sync::file::MAX_FILE_BYTES;

use crate::{ActionError, files};

/// The key file's name.
pub(crate) const KEY_FILE: &str = "leadback-sync.key";
/// The ending of every sealed file.
const ENDING: &str = "lbsync";
/// A device's card.
const CARD: &str = "card";

/// The checks before a folder becomes a sync folder: it exists, and it is not where the
/// database lives (the database itself never goes into the folder).
pub(crate) fn check(store: &Store, folder: &Path) -> Result<PathBuf, ActionError> {
    let folder = folder.canonicalize().map_err(|err| ActionError::File {
        path: folder.to_path_buf(),
        message: format!(
            "there is no such folder ({err}); let your sync tool bring the group's folder to this computer, then choose it here"
        ),
    })?;
    if !folder.is_dir() {
        return Err(ActionError::File {
            path: folder,
            message: "this is a file, not a folder".to_owned(),
        });
    }
    not_beside_the_data(store, folder)
}

/// Why a new group's folder cannot be made.
const NO_PLACE: &str = "there is no such folder, nor the folder it would go in: choose a folder your sync tool keeps in step";

/// The folder for a new group: `folder` itself, made here when only its last part is missing
/// (`~/Sync/Leadback`, inside a folder the sync tool already keeps); `true` when it was made.
pub(crate) fn for_start(store: &Store, folder: &Path) -> Result<(PathBuf, bool), ActionError> {
    if folder.exists() {
        return Ok((check(store, folder)?, false));
    }
    let missing = || ActionError::File {
        path: folder.to_path_buf(),
        message: NO_PLACE.to_owned(),
    };
    let (Some(parent), Some(last)) = (folder.parent(), folder.file_name()) else {
        return Err(missing());
    };
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let parent = parent.canonicalize().map_err(|_| missing())?;
    if !parent.is_dir() {
        return Err(missing());
    }
    let folder = not_beside_the_data(store, parent.join(last))?;
    std::fs::create_dir(&folder).map_err(|err| ActionError::File {
        path: folder.clone(),
        message: format!("the folder could not be made ({err})"),
    })?;
    Ok((folder, true))
}

/// `folder` (already absolute), unless it holds Leadback's own data or lies inside it.
fn not_beside_the_data(store: &Store, folder: PathBuf) -> Result<PathBuf, ActionError> {
    if let Some(data) = store
        .path()
        .and_then(Path::parent)
        .and_then(|p| p.canonicalize().ok())
        && (folder.starts_with(&data) || data.starts_with(&folder))
    {
        return Err(ActionError::File {
            path: folder,
            message: "this folder holds Leadback's own data; choose a folder of its own that your sync tool keeps in step".to_owned(),
        });
    }
    Ok(folder)
}

pub(crate) fn key_path(folder: &Path) -> PathBuf {
    folder.join(KEY_FILE)
}

pub(crate) fn device_dir(folder: &Path, device: u64) -> PathBuf {
    folder.join(format!("{device:016x}"))
}

pub(crate) fn card_path(folder: &Path, device: u64) -> PathBuf {
    device_dir(folder, device).join(format!("{CARD}.{ENDING}"))
}

pub(crate) fn file_path(folder: &Path, device: u64, sequence: u64) -> PathBuf {
    device_dir(folder, device).join(format!("{sequence:012}.{ENDING}"))
}

/// A numbered file of a device in the folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Numbered {
    pub device: u64,
    pub sequence: u64,
    pub path: PathBuf,
}

/// Every device folder (by id) other than `except`.
pub(crate) fn devices(folder: &Path, except: u64) -> Result<Vec<u64>, ActionError> {
    let mut found = Vec::new();
    for entry in read_dir(folder)? {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.len() == 16
            && entry.path().is_dir()
            && let Ok(device) = u64::from_str_radix(&name, 16)
            && device != except
        {
            found.push(device);
        }
    }
    found.sort_unstable();
    Ok(found)
}

/// A device's numbered files, in order.
pub(crate) fn numbered(folder: &Path, device: u64) -> Result<Vec<Numbered>, ActionError> {
    let dir = device_dir(folder, device);
    let mut found = Vec::new();
    for entry in read_dir(&dir)? {
        let path = entry.path();
        let Some(stem) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(&format!(".{ENDING}")))
        else {
            continue;
        };
        if let Ok(sequence) = stem.parse::<u64>() {
            found.push(Numbered {
                device,
                sequence,
                path,
            });
        }
    }
    found.sort();
    Ok(found)
}

fn read_dir(dir: &Path) -> Result<Vec<std::fs::DirEntry>, ActionError> {
    let unreadable = |err: std::io::Error| ActionError::File {
        path: dir.to_path_buf(),
        message: format!("the sync folder cannot be read ({err})"),
    };
    std::fs::read_dir(dir)
        .map_err(unreadable)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(unreadable)
}

/// A file of the folder, never more than a sync file may be.
pub(crate) fn read(path: &Path) -> Result<Vec<u8>, String> {
    read_at_most(path, MAX_FILE_BYTES).map_err(|err| format!("it cannot be read ({err})"))
}

/// What a computer notes before it starts a group in `folder` as `device`, before anything is
/// in the folder: its device id in hex, a space, the folder.
pub(crate) fn start_note(folder: &Path, device: u64) -> String {
    format!("{device:016x} {}", folder.display())
}

/// Takes away what a start on this computer left in `folder` when it was cut off before the
/// computer entered the group: the key (whose code nobody was shown) and its own empty device
/// folder. `noted` is the start this computer noted first ([`start_note`]). `false`, touching
/// nothing, when the key is anyone else's or the start went further.
pub(crate) fn clear_unfinished_start(
    folder: &Path,
    noted: Option<&str>,
) -> Result<bool, ActionError> {
    let Some((device, noted_folder)) = noted
        .and_then(|noted| noted.split_once(' '))
        .and_then(|(device, path)| Some((u64::from_str_radix(device, 16).ok()?, path)))
    else {
        return Ok(false);
    };
    let own = device_dir(folder, device);
    // Its own folder is empty, or already gone (taken away when the start failed).
    let untouched = match std::fs::read_dir(&own) {
        Ok(mut entries) => entries.next().is_none(),
        Err(err) => err.kind() == std::io::ErrorKind::NotFound,
    };
    if Path::new(noted_folder) != folder || !untouched {
        return Ok(false);
    }
    let leftover = |err: std::io::Error| ActionError::File {
        path: folder.to_path_buf(),
        message: format!("what an earlier start left here could not be taken away ({err})"),
    };
    std::fs::remove_file(key_path(folder)).map_err(leftover)?;
    if own.exists() {
        std::fs::remove_dir(&own).map_err(leftover)?;
    }
    Ok(true)
}

/// Writes one of this computer's files (its key, changes, snapshot or card) into the folder.
/// Tests make it fail through the fail point `sync-folder-write`, as a full disk or a folder
/// that went away would.
pub(crate) fn write(
    store: &Store,
    path: &Path,
    bytes: impl AsRef<[u8]>,
) -> Result<(), ActionError> {
    fail::fail_point!("sync-folder-write", |_| Err(ActionError::File {
        path: path.to_path_buf(),
        message: "the sync folder cannot be written to (no space left on the device)".to_owned(),
    }));
    files::write(store, path, bytes)
}

/// Makes the device's own folder.
pub(crate) fn make_device_dir(folder: &Path, device: u64) -> Result<(), ActionError> {
    let dir = device_dir(folder, device);
    std::fs::create_dir_all(&dir).map_err(|err| ActionError::File {
        path: dir,
        message: format!("the sync folder cannot be written to ({err})"),
    })
}
