//! Starting a group: the folder checked (or made), the group's key sealed with a new pairing code
//! and put there, and this computer entered as its first device with its records sent.

use std::path::Path;

use chrono::{DateTime, Utc};
use leadback_store::Store;
use leadback_sync::group::{GroupKey, PairingCode, new_device_id};

use super::lock::{SyncLock, Wait};
use super::outbox::{write_card, write_snapshot};
use super::{
    Options, STARTING, Started, device_name, enter, folder, group_error, invalid, joined,
    refuse_if_joined, undo_entry,
};
use crate::ActionError;

/// Starts a sync group in `folder` with this computer as its first device, named `name`. The
/// folder is made when only its last part is missing; it is taken away again if starting fails.
/// Refused while another process starts or joins a group for the same data.
pub fn start(
    store: &mut Store,
    folder: &Path,
    name: &str,
    options: Options,
    now: DateTime<Utc>,
) -> Result<Started, ActionError> {
    let _lock = SyncLock::take(store, Wait::No)?;
    refuse_if_joined(store)?;
    let name = device_name(name)?;
    let (folder, made) = folder::for_start(store, folder)?;
    let started = start_in(store, &folder, &name, options, now);
    if started.is_err() && made {
        // Nothing else can be in a folder made a moment ago for this group.
        let _ = std::fs::remove_dir_all(&folder);
    }
    started
}

fn start_in(
    store: &mut Store,
    folder: &Path,
    name: &str,
    options: Options,
    now: DateTime<Utc>,
) -> Result<Started, ActionError> {
    let noted = store.setting(STARTING)?;
    if folder::key_path(folder).exists()
        && !folder::clear_unfinished_start(folder, noted.as_deref())?
    {
        return Err(invalid(
            "This folder already holds a sync group: join it with the pairing code shown on the computer that started it.",
        ));
    }
    let key = GroupKey::generate();
    let code = PairingCode::generate().map_err(group_error)?;
    let sealed = key.seal(&code, options.work_factor).map_err(group_error)?;
    let device = new_device_id().map_err(group_error)?;
    // Noted before anything is in the folder, so that a start cut off there can be told apart
    // from a group another computer started.
    let note = folder::start_note(folder, device);
    store.set_setting(STARTING, &note)?;
    folder::make_device_dir(folder, device)?;
    folder::write(store, &folder::key_path(folder), sealed)?;
    enter(store, folder, &key, device, name)?;
    let sent = joined(store).and_then(|joined| {
        write_snapshot(store, &joined)?;
        write_card(store, &joined, now)
    });
    if let Err(err) = sent {
        undo_entry(store, folder, device, Some(&note))?;
        return Err(err);
    }
    Ok(Started {
        code: code.to_string(),
        folder: folder.to_path_buf(),
        device: name.to_owned(),
    })
}
