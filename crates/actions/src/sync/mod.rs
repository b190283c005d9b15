//! Sync between a person's computers through a folder they already keep in step (Syncthing,
//! Nextcloud, Dropbox, a network share, a USB stick): starting a group, joining it with the
//! pairing code, syncing now, where things stand, and leaving. The database never goes into the
//! folder: each device writes its own sealed files of changes there and applies the others'.

mod body;
mod folder;
mod inbox;
mod join;
mod lock;
mod outbox;
mod run;
mod start;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use leadback_store::Store;
use leadback_sync::group::{CODE_WORK_FACTOR, GroupError, GroupKey, PairingCode};
use serde::Serialize;
use ts_rs::TS;

use crate::ActionError;
pub use join::{JoinRequest, OpenedGroup, join};
use lock::SyncLock;
pub use lock::{Wait, lock_path};
use outbox::{read_cards, write_card};
pub use run::{ReadyFile, Run, sync_now, sync_now_or_wait};
pub use start::start;

/// This device's settings for sync (kept in the database, never synced or exported).
const FOLDER: &str = "sync.folder";
const KEY: &str = "sync.key";
const NAME: &str = "sync.name";
const SEQUENCE: &str = "sync.sequence";
/// A file being written: "sequence outbox-seq", until it is in the folder.
const PENDING: &str = "sync.pending";
const SYNCED_AT: &str = "sync.synced_at";
/// The other devices' files this device refused for damage (device id in hex → the first such
/// file): told on its card, so each of those devices sends a snapshot past it.
const WANTS_SNAPSHOT: &str = "sync.wants_snapshot";
/// This device's last snapshot in the folder, and when a sync wrote it.
const LAST_SNAPSHOT: &str = "sync.last_snapshot";
const LAST_SNAPSHOT_AT: &str = "sync.last_snapshot_at";
/// A start under way: the device id it took and the folder (see `folder::clear_unfinished_start`).
const STARTING: &str = "sync.starting";

/// How a sync runs; the defaults are what a person gets.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// How hard the pairing code is stretched (tests use less, to run quickly).
    pub work_factor: u8,
    /// Once this many of this device's files are applied everywhere, they are folded into one
    /// snapshot.
    pub compact_after: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            work_factor: CODE_WORK_FACTOR,
            compact_after: 50,
        }
    }
}

/// A group just started: the code to type on the next device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "SyncStarted")]
pub struct Started {
    /// Shown as four groups of four, e.g. `7K3Q-M9ZD-0XWE-4HRT`.
    pub code: String,
    pub folder: PathBuf,
    pub device: String,
}

/// One file that was applied here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "SyncAppliedFile")]
pub struct AppliedFile {
    pub file: String,
    pub from: String,
    #[ts(type = "number")]
    pub rows: usize,
}

/// A file that was not applied, and why (in plain words).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "SyncRefused")]
pub struct Refused {
    pub file: String,
    pub reason: String,
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "SyncOutcome")]
pub struct Outcome {
    /// Files this device wrote.
    pub sent: Vec<String>,
    pub applied: Vec<AppliedFile>,
    pub refused: Vec<Refused>,
    /// Texts that lost a conflict, kept in the journal.
    #[ts(type = "number")]
    pub kept_copies: usize,
    /// Files left for later (waiting for a file they build on).
    #[ts(type = "number")]
    pub waiting: usize,
}

/// A device of the group, as its card in the folder says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "SyncDevice")]
pub struct Device {
    pub id: String,
    pub name: String,
    pub this_device: bool,
    /// When it last synced (RFC 3339), if it has.
    pub synced_at: Option<String>,
}

/// Where sync stands on this computer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "SyncStatus")]
pub struct Status {
    pub in_group: bool,
    pub folder: Option<PathBuf>,
    pub devices: Vec<Device>,
    /// Changes made here not yet written to the folder.
    #[ts(type = "number")]
    pub unsent: usize,
    pub synced_at: Option<String>,
}

/// The name this computer goes by in a group, for both front ends: its host name, or "This
/// computer" when none can be read.
pub fn this_computer_name() -> String {
    let from_env = ["HOSTNAME", "COMPUTERNAME"]
        .into_iter()
        .filter_map(|var| std::env::var(var).ok());
    let from_files = ["/etc/hostname", "/proc/sys/kernel/hostname"]
        .into_iter()
        .filter_map(|file| std::fs::read_to_string(file).ok());
    from_env
        .chain(from_files)
        .map(|name| name.trim().to_owned())
        .find(|name| !name.is_empty())
        .unwrap_or_else(|| "This computer".to_owned())
}

/// The longest name a computer goes by in a group.
pub(super) const LONGEST_NAME: usize = 60;

/// A computer's name as typed: trimmed, not empty, one line, at most [`LONGEST_NAME`] characters.
fn device_name(name: &str) -> Result<String, ActionError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(invalid(
            "Give this computer a name, such as “Office desktop”.",
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(invalid("A computer's name is one line of text."));
    }
    if name.chars().count() > LONGEST_NAME {
        return Err(invalid(format!(
            "A computer's name is at most {LONGEST_NAME} characters."
        )));
    }
    Ok(name.to_owned())
}

fn invalid(message: impl Into<String>) -> ActionError {
    ActionError::Invalid(message.into())
}

fn group_error(err: GroupError) -> ActionError {
    invalid(err.to_string())
}

/// The group's settings on this device, once in a group.
struct Joined {
    device: u64,
    folder: PathBuf,
    key: GroupKey,
    name: String,
}

fn joined(store: &Store) -> Result<Joined, ActionError> {
    let not_in_group = || {
        invalid(
            "This computer is not in a sync group. Start one, or join one with its pairing code.",
        )
    };
    let device = store.sync_device()?.ok_or_else(not_in_group)?;
    let folder = store.setting(FOLDER)?.ok_or_else(not_in_group)?;
    let key = store.setting(KEY)?.ok_or_else(not_in_group)?;
    Ok(Joined {
        device,
        folder: PathBuf::from(folder),
        key: GroupKey::from_secret_text(&key).map_err(group_error)?,
        name: store
            .setting(NAME)?
            .unwrap_or_else(|| "this computer".to_owned()),
    })
}

fn refuse_if_joined(store: &Store) -> Result<(), ActionError> {
    if store.sync_device()?.is_some() {
        let folder = store.setting(FOLDER)?.unwrap_or_default();
        return Err(invalid(format!(
            "This computer already syncs through {folder}. Leave that group first."
        )));
    }
    Ok(())
}

/// A new pairing code for the group this computer is in, for when the first one is lost: the
/// group's key is sealed again with it in the folder (the old code stops working; computers
/// already in the group are not affected).
pub fn new_code(store: &Store, options: Options, wait: Wait<'_>) -> Result<Started, ActionError> {
    let _lock = SyncLock::take(store, wait)?;
    let joined = joined(store)?;
    let code = PairingCode::generate().map_err(group_error)?;
    let sealed = joined
        .key
        .seal(&code, options.work_factor)
        .map_err(group_error)?;
    folder::write(store, &folder::key_path(&joined.folder), sealed)?;
    Ok(Started {
        code: code.to_string(),
        folder: joined.folder,
        device: joined.name,
    })
}

fn enter(
    store: &mut Store,
    folder: &Path,
    key: &GroupKey,
    device: u64,
    name: &str,
) -> Result<(), ActionError> {
    use age::secrecy::ExposeSecret;
    store.set_setting(FOLDER, &folder.to_string_lossy())?;
    store.set_setting(KEY, key.to_secret_text().expose_secret())?;
    store.set_setting(NAME, name)?;
    store.sync_start_recording(device)?;
    Ok(())
}

/// Takes this computer out of the group it entered a moment ago, when its first records could
/// not be put in the folder (a full disk, a folder that went away): the error is told with this
/// computer as it was, so starting or joining again works. What it wrote in the folder goes
/// where it can: its own device folder, and a start's key (whose code nobody was shown; if it
/// cannot go now, the start noted again takes it away next time).
fn undo_entry(
    store: &mut Store,
    folder: &Path,
    device: u64,
    start_note: Option<&str>,
) -> Result<(), ActionError> {
    store.sync_stop_recording()?;
    let _ = std::fs::remove_dir_all(folder::device_dir(folder, device));
    if let Some(note) = start_note {
        store.set_setting(STARTING, note)?;
        let _ = std::fs::remove_file(folder::key_path(folder));
    }
    Ok(())
}

/// Renames this computer in its group: the other computers show the new name once they read
/// its card in the folder (their next sync or look at the group). A sync running meanwhile would
/// write the card again under the old name, so this waits for it (or is refused, per `wait`).
pub fn rename(
    store: &mut Store,
    name: &str,
    now: DateTime<Utc>,
    wait: Wait<'_>,
) -> Result<String, ActionError> {
    let name = device_name(name)?;
    let _lock = SyncLock::take(store, wait)?;
    let mut joined = joined(store)?;
    store.set_setting(NAME, &name)?;
    joined.name = name.clone();
    write_card(store, &joined, now)?;
    Ok(name)
}

/// Where sync stands.
pub fn status(store: &Store) -> Result<Status, ActionError> {
    let Ok(joined) = joined(store) else {
        return Ok(Status {
            in_group: false,
            folder: None,
            devices: Vec::new(),
            unsent: 0,
            synced_at: None,
        });
    };
    let cards = read_cards(&joined.folder, &joined.key, 0);
    let mut devices: Vec<Device> = cards
        .into_iter()
        .map(|(id, card)| Device {
            id: format!("{id:016x}"),
            name: card.name,
            this_device: id == joined.device,
            synced_at: Some(card.synced_at),
        })
        .collect();
    let synced_at = store.setting(SYNCED_AT)?;
    // Listed even before its card is in the folder (a join cut off before its first sync ended).
    if !devices.iter().any(|d| d.this_device) {
        devices.push(Device {
            id: format!("{:016x}", joined.device),
            name: joined.name.clone(),
            this_device: true,
            synced_at: synced_at.clone(),
        });
    }
    // This computer first, then the others by name: the same order on every look.
    devices.sort_by(|a, b| {
        (!a.this_device, a.name.to_lowercase(), &a.id).cmp(&(
            !b.this_device,
            b.name.to_lowercase(),
            &b.id,
        ))
    });
    Ok(Status {
        in_group: true,
        folder: Some(joined.folder),
        devices,
        unsent: store.sync_outbox()?.len(),
        synced_at,
    })
}

/// Takes another computer of the group off the list, one that will not sync again (lost,
/// broken, given away): its card leaves the folder, so the others stop listing it and stop
/// waiting for it before they fold their files into a snapshot (or clear an erased client's
/// words). Its files stay for computers that have not read them yet; should it sync after all,
/// it writes its card again and is back. `computer` is its id or its name, as [`status`] lists
/// it. Returns its name.
pub fn forget(store: &Store, computer: &str, wait: Wait<'_>) -> Result<String, ActionError> {
    let _lock = SyncLock::take(store, wait)?;
    let joined = joined(store)?;
    let wanted = computer.trim();
    // By its id, or by its name with letter case aside (as `distinct_name` tells names apart).
    let is_wanted = |id: u64, name: &str| {
        format!("{id:016x}") == wanted || name.trim().to_lowercase() == wanted.to_lowercase()
    };
    if is_wanted(joined.device, &joined.name) {
        return Err(invalid(
            "That is this computer: to stop syncing it, leave the group instead.",
        ));
    }
    let cards = read_cards(&joined.folder, &joined.key, joined.device);
    let (device, card) = cards
        .into_iter()
        .find(|(id, card)| is_wanted(*id, &card.name))
        .ok_or_else(|| {
            invalid(format!(
                "No other computer of this group goes by “{wanted}”: `leadback sync status` lists them."
            ))
        })?;
    let path = folder::card_path(&joined.folder, device);
    std::fs::remove_file(&path).map_err(|err| ActionError::File {
        path,
        message: format!("the sync folder cannot be written to ({err})"),
    })?;
    Ok(card.name)
}

/// Leaves the group: this computer keeps its data and stops syncing. What it changed and had
/// not yet written goes to the folder first, and its card leaves it, so the other computers stop
/// listing it and stop waiting for it before they fold their files into a snapshot (or clear an
/// erased client's words); a folder out of reach stops neither. Its files stay for computers
/// that have not read them yet. Not while a sync of the same data runs: it would go on sending
/// and writing this computer's card after it left.
pub fn leave(store: &mut Store, wait: Wait<'_>) -> Result<(), ActionError> {
    let _lock = SyncLock::take(store, wait)?;
    let joined = joined(store)?;
    let _ = outbox::flush(store, &joined);
    let _ = std::fs::remove_file(folder::card_path(&joined.folder, joined.device));
    store.sync_stop_recording()?;
    Ok(())
}
