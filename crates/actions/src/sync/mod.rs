//! Sync between a person's computers through a folder they already keep in step (Syncthing,
//! Nextcloud, Dropbox, a network share, a USB stick): starting a group, joining it with the
//! pairing code, syncing now, where things stand, and leaving. The database never goes into the
//! folder: each device writes its own sealed files of changes there and applies the others'.

mod body;
mod folder;
mod inbox;
mod outbox;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use leadback_store::Store;
use leadback_sync::group::{CODE_WORK_FACTOR, GroupError, GroupKey, PairingCode, new_device_id};
use serde::Serialize;
use ts_rs::TS;

use crate::{ActionError, files};
use outbox::{compact, flush, read_cards, write_card, write_snapshot};

/// This device's settings for sync (kept in the database, never synced or exported).
const FOLDER: &str = "sync.folder";
const KEY: &str = "sync.key";
const NAME: &str = "sync.name";
const SEQUENCE: &str = "sync.sequence";
/// A file being written: "sequence outbox-seq", until it is in the folder.
const PENDING: &str = "sync.pending";
const SYNCED_AT: &str = "sync.synced_at";

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
const LONGEST_NAME: usize = 60;

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

/// The checks before a folder becomes a sync folder: it exists, and it is not where the
/// database lives (the database itself never goes into the folder).
fn check_folder(store: &Store, folder: &Path) -> Result<PathBuf, ActionError> {
    let folder = folder.canonicalize().map_err(|err| ActionError::File {
        path: folder.to_path_buf(),
        message: format!("there is no such folder ({err})"),
    })?;
    if !folder.is_dir() {
        return Err(ActionError::File {
            path: folder,
            message: "this is a file, not a folder".to_owned(),
        });
    }
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

fn refuse_if_joined(store: &Store) -> Result<(), ActionError> {
    if store.sync_device()?.is_some() {
        let folder = store.setting(FOLDER)?.unwrap_or_default();
        return Err(invalid(format!(
            "This computer already syncs through {folder}. Leave that group first."
        )));
    }
    Ok(())
}

/// Starts a sync group in `folder` with this computer as its first device, named `name`.
pub fn start(
    store: &mut Store,
    folder: &Path,
    name: &str,
    options: Options,
    now: DateTime<Utc>,
) -> Result<Started, ActionError> {
    refuse_if_joined(store)?;
    let name = device_name(name)?;
    let folder = check_folder(store, folder)?;
    if folder::key_path(&folder).exists() {
        return Err(invalid(
            "This folder already holds a sync group: join it with the pairing code shown on the computer that started it.",
        ));
    }
    let key = GroupKey::generate();
    let code = PairingCode::generate().map_err(group_error)?;
    let sealed = key.seal(&code, options.work_factor).map_err(group_error)?;
    let device = new_device_id().map_err(group_error)?;
    folder::make_device_dir(&folder, device)?;
    files::write(store, &folder::key_path(&folder), sealed)?;
    enter(store, &folder, &key, device, &name)?;
    let joined = joined(store)?;
    write_snapshot(store, &joined)?;
    write_card(store, &joined, now)?;
    Ok(Started {
        code: code.to_string(),
        folder,
        device: name,
    })
}

/// A new pairing code for the group this computer is in, for when the first one is lost: the
/// group's key is sealed again with it in the folder (the old code stops working; computers
/// already in the group are not affected).
pub fn new_code(store: &Store, options: Options) -> Result<Started, ActionError> {
    let joined = joined(store)?;
    let code = PairingCode::generate().map_err(group_error)?;
    let sealed = joined
        .key
        .seal(&code, options.work_factor)
        .map_err(group_error)?;
    files::write(store, &folder::key_path(&joined.folder), sealed)?;
    Ok(Started {
        code: code.to_string(),
        folder: joined.folder,
        device: joined.name,
    })
}

/// Joins the group in `folder` with the code shown on one of its devices. A wrong code is
/// refused with nothing written. Records already here are kept and sent to the others.
pub fn join(
    store: &mut Store,
    folder: &Path,
    code: &str,
    name: &str,
    options: Options,
    now: DateTime<Utc>,
    on_progress: &mut dyn FnMut(usize, usize),
) -> Result<Outcome, ActionError> {
    let opened = JoinRequest::check(store, folder, code, name)?.open()?;
    let mut run = opened.enter(store)?;
    while let Some(ready) = run.next_ready() {
        run.apply(store, ready, on_progress)?;
    }
    run.finish(store, options, now)
}

/// A join checked against this computer and the folder, before the code is tried: [`join`] in
/// steps, so that the slow part (the code is stretched on purpose) needs no database.
pub struct JoinRequest {
    folder: PathBuf,
    code: PairingCode,
    name: String,
    sealed: Vec<u8>,
}

/// The group's key, opened with the pairing code.
pub struct OpenedGroup {
    folder: PathBuf,
    key: GroupKey,
    name: String,
}

impl std::fmt::Debug for JoinRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JoinRequest")
            .field("folder", &self.folder)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for OpenedGroup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenedGroup")
            .field("folder", &self.folder)
            .finish_non_exhaustive()
    }
}

impl JoinRequest {
    /// This computer is in no group, the name and the code are well formed, and the folder holds
    /// a group. Reads only.
    pub fn check(
        store: &Store,
        folder: &Path,
        code: &str,
        name: &str,
    ) -> Result<Self, ActionError> {
        refuse_if_joined(store)?;
        let name = device_name(name)?;
        let code: PairingCode = code.parse().map_err(group_error)?;
        let folder = check_folder(store, folder)?;
        let sealed = folder::read(&folder::key_path(&folder)).map_err(|_| ActionError::File {
            path: folder.clone(),
            message: "there is no sync group in this folder: start one on your first computer, then choose the folder your sync tool makes of it here".to_owned(),
        })?;
        Ok(Self {
            folder,
            code,
            name,
            sealed,
        })
    }

    /// Opens the group's key with the code (about a second: the code is stretched so that it
    /// cannot be guessed quickly). A wrong code is refused here. Needs no database.
    pub fn open(self) -> Result<OpenedGroup, ActionError> {
        let key = GroupKey::open(&self.sealed, &self.code).map_err(group_error)?;
        Ok(OpenedGroup {
            folder: self.folder,
            key,
            name: self.name,
        })
    }
}

impl OpenedGroup {
    /// Puts this computer in the group, sends what it holds as its snapshot, and begins its first
    /// sync.
    pub fn enter(self, store: &mut Store) -> Result<Run, ActionError> {
        refuse_if_joined(store)?;
        // "Me" here becomes the group's "me", so that both computers' records are one person's.
        let cards = read_cards(&self.folder, &self.key, 0);
        if let Some(me) = cards.values().find_map(|card| card.me) {
            store.sync_adopt_me(me)?;
        }
        let device = new_device_id().map_err(group_error)?;
        folder::make_device_dir(&self.folder, device)?;
        enter(store, &self.folder, &self.key, device, &self.name)?;
        let joined = joined(store)?;
        let (_, snapshot) = write_snapshot(store, &joined)?;
        let mut run = Run::begin(store)?;
        run.outcome.sent.insert(0, snapshot);
        Ok(run)
    }
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

/// Writes this device's changes to the folder and applies the other devices' files.
pub fn sync_now(
    store: &mut Store,
    options: Options,
    now: DateTime<Utc>,
    on_progress: &mut dyn FnMut(usize, usize),
) -> Result<Outcome, ActionError> {
    let mut run = Run::begin(store)?;
    while let Some(ready) = run.next_ready() {
        run.apply(store, ready, on_progress)?;
    }
    run.finish(store, options, now)
}

/// A file of another computer's, opened and ready to apply (see [`Run`]).
pub struct ReadyFile(inbox::Ready);

/// One sync, a step at a time, for a caller that shares the database with other work (the app):
/// only [`Run::begin`], [`Run::apply`] and [`Run::finish`] need the database; finding the next
/// file to apply ([`Run::next_ready`]) reads the folder alone, so the database can serve others
/// between files. [`sync_now`] is the whole run at once.
pub struct Run {
    joined: Joined,
    inbox: inbox::Inbox,
    outcome: Outcome,
}

impl std::fmt::Debug for ReadyFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("ReadyFile").field(&self.0.label()).finish()
    }
}

impl std::fmt::Debug for Run {
    // The group's key stays out of any log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Run")
            .field("folder", &self.joined.folder)
            .field("outcome", &self.outcome)
            .finish_non_exhaustive()
    }
}

impl Run {
    /// Writes this device's changes to the folder and lists the other devices' files to apply.
    pub fn begin(store: &mut Store) -> Result<Self, ActionError> {
        let joined = joined(store)?;
        if !joined.folder.is_dir() {
            return Err(ActionError::File {
                path: joined.folder.clone(),
                message: "the sync folder is not there: is its drive connected, or was it moved?"
                    .to_owned(),
            });
        }
        let mut outcome = Outcome::default();
        if let Some(sent) = flush(store, &joined)? {
            outcome.sent.push(sent);
        }
        let inbox = inbox::Inbox::new(store, &joined)?;
        Ok(Self {
            joined,
            inbox,
            outcome,
        })
    }

    /// The next file that can be applied, if any; files that cannot be read are refused on the
    /// way. Needs no database.
    pub fn next_ready(&mut self) -> Option<ReadyFile> {
        self.inbox
            .next_ready(&self.joined, &mut self.outcome)
            .map(ReadyFile)
    }

    /// Applies one file in one transaction (or refuses it whole), telling `on_progress` how many
    /// files are applied of those found.
    pub fn apply(
        &mut self,
        store: &mut Store,
        ready: ReadyFile,
        on_progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(), ActionError> {
        self.inbox
            .apply(store, ready.0, &mut self.outcome, on_progress)
    }

    /// Files applied so far, of those found.
    pub fn progress(&self) -> (usize, usize) {
        self.inbox.progress()
    }

    /// Folds files every device has into a snapshot, and notes that this device synced.
    pub fn finish(
        mut self,
        store: &mut Store,
        options: Options,
        now: DateTime<Utc>,
    ) -> Result<Outcome, ActionError> {
        self.inbox.finish(&mut self.outcome);
        compact(store, &self.joined, options, &mut self.outcome)?;
        write_card(store, &self.joined, now)?;
        store.set_setting(SYNCED_AT, &now.to_rfc3339())?;
        Ok(self.outcome)
    }
}

/// Renames this computer in its group: the other computers show the new name once they read
/// its card in the folder (their next sync or look at the group).
pub fn rename(store: &mut Store, name: &str, now: DateTime<Utc>) -> Result<String, ActionError> {
    let name = device_name(name)?;
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
        synced_at: store.setting(SYNCED_AT)?,
    })
}

/// Leaves the group: this computer keeps its data and stops syncing. Its files stay in the
/// folder for devices that have not read them yet.
pub fn leave(store: &mut Store) -> Result<(), ActionError> {
    joined(store)?;
    store.sync_stop_recording()?;
    Ok(())
}
