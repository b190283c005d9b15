//! Sync between a person's computers through a folder they already keep in step (Syncthing,
//! Nextcloud, Dropbox, a network share, a USB stick): starting a group, joining it with the
//! pairing code, syncing now, where things stand, and leaving. The database never goes into the
//! folder: each device writes its own sealed files of changes there and applies the others'.

mod body;
mod folder;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use leadback_store::Store;
use leadback_store::latest_schema_version;
use leadback_sync::clock::Stamp;
use leadback_sync::file::{self, Header, Kind};
use leadback_sync::group::{CODE_WORK_FACTOR, GroupError, GroupKey, PairingCode, new_device_id};
use serde::Serialize;
use ts_rs::TS;

use crate::{ActionError, files};
use body::Card;

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
    enter(store, &folder, &key, device, name)?;
    let joined = joined(store)?;
    write_snapshot(store, &joined)?;
    write_card(store, &joined, now)?;
    Ok(Started {
        code: code.to_string(),
        folder,
        device: name.to_owned(),
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
    refuse_if_joined(store)?;
    let code: PairingCode = code.parse().map_err(group_error)?;
    let folder = check_folder(store, folder)?;
    let key_path = folder::key_path(&folder);
    let sealed = folder::read(&key_path).map_err(|_| ActionError::File {
        path: folder.clone(),
        message: "there is no sync group in this folder: start one on your first computer, then choose the folder your sync tool makes of it here".to_owned(),
    })?;
    let key = GroupKey::open(&sealed, &code).map_err(group_error)?;
    // "Me" here becomes the group's "me", so that both computers' records are one person's.
    let cards = read_cards(&folder, &key, 0);
    if let Some(me) = cards.values().find_map(|card| card.me) {
        store.sync_adopt_me(me)?;
    }
    let device = new_device_id().map_err(group_error)?;
    folder::make_device_dir(&folder, device)?;
    enter(store, &folder, &key, device, name)?;
    let joined = joined(store)?;
    write_snapshot(store, &joined)?;
    sync_now(store, options, now, on_progress)
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
    apply_others(store, &joined, &mut outcome, on_progress)?;
    compact(store, &joined, options, &mut outcome)?;
    write_card(store, &joined, now)?;
    store.set_setting(SYNCED_AT, &now.to_rfc3339())?;
    Ok(outcome)
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
    let devices = cards
        .into_iter()
        .map(|(id, card)| Device {
            id: format!("{id:016x}"),
            name: card.name,
            this_device: id == joined.device,
            synced_at: Some(card.synced_at),
        })
        .collect();
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

/// The next number for a file of this device: after the last one noted and the last in the
/// folder (a crash may have left a file written but not noted).
fn next_sequence(store: &Store, joined: &Joined) -> Result<u64, ActionError> {
    let noted: u64 = store
        .setting(SEQUENCE)?
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let in_folder = folder::numbered(&joined.folder, joined.device)?
        .last()
        .map_or(0, |f| f.sequence);
    Ok(noted.max(in_folder) + 1)
}

fn seen(store: &Store) -> Result<BTreeMap<String, u64>, ActionError> {
    Ok(store
        .sync_applied()?
        .into_iter()
        .map(|(device, seq)| (format!("{device:016x}"), seq))
        .collect())
}

fn seal_to_folder(
    store: &Store,
    joined: &Joined,
    header: &Header,
    body: &[u8],
) -> Result<String, ActionError> {
    let sealed = file::seal(&joined.key, header, body).map_err(|e| invalid(e.to_string()))?;
    let path = folder::file_path(&joined.folder, joined.device, header.sequence);
    files::write(store, &path, sealed)?;
    Ok(file_label(&path))
}

fn file_label(path: &Path) -> String {
    let name = |p: Option<&Path>| {
        p.and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    format!("{}/{}", name(path.parent()), name(Some(path)))
}

/// Writes the changes recorded here since the last file as the next file. The file's number and
/// what it covers are noted first, so a crash part-way writes the same file again, never a
/// different one under the same number.
fn flush(store: &mut Store, joined: &Joined) -> Result<Option<String>, ActionError> {
    let pending = store
        .setting(PENDING)?
        .filter(|p| !p.is_empty())
        .and_then(|p| {
            let (seq, through) = p.split_once(' ')?;
            Some((seq.parse::<u64>().ok()?, through.parse::<i64>().ok()?))
        });
    let outbox = store.sync_outbox()?;
    let (sequence, through) = match pending {
        Some(pending) => pending,
        None => {
            let Some(last) = outbox.last() else {
                return Ok(None);
            };
            let sequence = next_sequence(store, joined)?;
            store.set_setting(PENDING, &format!("{sequence} {}", last.seq))?;
            store.set_setting(SEQUENCE, &sequence.to_string())?;
            (sequence, last.seq)
        }
    };
    let entries: Vec<(Stamp, Vec<u8>)> = outbox
        .into_iter()
        .filter(|e| e.seq <= through)
        .map(|e| (e.stamp, e.changes))
        .collect();
    let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
        store.set_setting(PENDING, "")?;
        return Ok(None);
    };
    let header = Header {
        device: joined.device,
        sequence,
        schema: latest_schema_version(),
        kind: Kind::Changes,
        first: first.0.to_string(),
        last: last.0.to_string(),
        seen: seen(store)?,
    };
    let sent = seal_to_folder(store, joined, &header, &body::encode_entries(&entries))?;
    store.sync_clear_outbox(through)?;
    store.set_setting(PENDING, "")?;
    Ok(Some(sent))
}

/// Writes everything here as this device's next file.
fn write_snapshot(store: &mut Store, joined: &Joined) -> Result<(u64, String), ActionError> {
    // Changes not yet written go out first, so the snapshot's number follows theirs.
    flush(store, joined)?;
    let snapshot = store.sync_snapshot()?;
    let newest = snapshot
        .stamps
        .iter()
        .map(|s| s.born.clone())
        .max()
        .unwrap_or_else(|| Stamp::ZERO.to_string());
    let sequence = next_sequence(store, joined)?;
    let header = Header {
        device: joined.device,
        sequence,
        schema: latest_schema_version(),
        kind: Kind::Snapshot,
        first: Stamp::ZERO.to_string(),
        last: newest,
        seen: seen(store)?,
    };
    let body = body::encode_snapshot(&snapshot).map_err(|e| invalid(e.to_string()))?;
    let written = seal_to_folder(store, joined, &header, &body)?;
    store.set_setting(SEQUENCE, &sequence.to_string())?;
    // Everything here is in it: the outbox has nothing more to say.
    if let Some(last) = store.sync_outbox()?.last() {
        store.sync_clear_outbox(last.seq)?;
    }
    Ok((sequence, written))
}

fn write_card(store: &Store, joined: &Joined, now: DateTime<Utc>) -> Result<(), ActionError> {
    let card = Card {
        name: joined.name.clone(),
        me: store.me()?.map(|p| p.id),
        synced_at: now.to_rfc3339(),
        sequence: next_sequence(store, joined)?.saturating_sub(1),
        applied: seen(store)?,
    };
    let body = serde_json::to_vec(&card).map_err(|e| invalid(e.to_string()))?;
    let header = Header {
        device: joined.device,
        sequence: 0,
        schema: latest_schema_version(),
        kind: Kind::Device,
        first: Stamp::ZERO.to_string(),
        last: Stamp::ZERO.to_string(),
        seen: BTreeMap::new(),
    };
    let sealed = file::seal(&joined.key, &header, &body).map_err(|e| invalid(e.to_string()))?;
    files::write(
        store,
        &folder::card_path(&joined.folder, joined.device),
        sealed,
    )
}

/// Every readable card in the folder (this device's too), by device id; `except` is left out.
fn read_cards(folder: &Path, key: &GroupKey, except: u64) -> BTreeMap<u64, Card> {
    let mut cards = BTreeMap::new();
    for device in folder::devices(folder, except).unwrap_or_default() {
        let Ok(bytes) = folder::read(&folder::card_path(folder, device)) else {
            continue;
        };
        let Ok((header, body)) = file::open(key, &bytes, i64::MAX) else {
            continue;
        };
        if header.kind != Kind::Device || header.device != device {
            continue;
        }
        if let Ok(card) = serde_json::from_slice::<Card>(&body) {
            cards.insert(device, card);
        }
    }
    cards
}

/// Applies every file of the other devices that can be: each once, a device's files in order,
/// and a file only after the files it was written on.
fn apply_others(
    store: &mut Store,
    joined: &Joined,
    outcome: &mut Outcome,
    on_progress: &mut dyn FnMut(usize, usize),
) -> Result<(), ActionError> {
    let cards = read_cards(&joined.folder, &joined.key, 0);
    let names = move |device: u64| {
        cards
            .get(&device)
            .map_or_else(|| "another computer".to_owned(), |c| c.name.clone())
    };
    let mut applied = store.sync_applied()?;
    let mut files = Vec::new();
    for device in folder::devices(&joined.folder, joined.device)? {
        let after = applied.get(&device).copied().unwrap_or(0);
        files.extend(
            folder::numbered(&joined.folder, device)?
                .into_iter()
                .filter(|f| f.sequence > after),
        );
    }
    let total = files.len();
    let mut done = 0;
    let mut refused: HashSet<PathBuf> = HashSet::new();
    let our_sequence = next_sequence(store, joined)?.saturating_sub(1);
    loop {
        let mut progressed = false;
        let mut blocked: HashSet<u64> = HashSet::new();
        for numbered in &files {
            let after = applied.get(&numbered.device).copied().unwrap_or(0);
            if numbered.sequence <= after
                || refused.contains(&numbered.path)
                || blocked.contains(&numbered.device)
            {
                continue;
            }
            let label = file_label(&numbered.path);
            let opened = folder::read(&numbered.path).and_then(|bytes| {
                file::open(&joined.key, &bytes, latest_schema_version()).map_err(|e| e.to_string())
            });
            let (header, body) = match opened {
                Ok(opened) => opened,
                Err(reason) => {
                    outcome.refused.push(Refused {
                        file: label,
                        reason,
                    });
                    refused.insert(numbered.path.clone());
                    blocked.insert(numbered.device);
                    continue;
                }
            };
            if header.device != numbered.device || header.sequence != numbered.sequence {
                outcome.refused.push(Refused {
                    file: label,
                    reason: "it is not the file its name says (moved or copied from elsewhere)"
                        .to_owned(),
                });
                refused.insert(numbered.path.clone());
                blocked.insert(numbered.device);
                continue;
            }
            let ready = match header.kind {
                Kind::Snapshot => true,
                Kind::Changes => {
                    numbered.sequence == after + 1
                        && builds_on_what_is_here(&header, &applied, joined.device, our_sequence)
                }
                Kind::Device => false,
            };
            if !ready {
                blocked.insert(numbered.device);
                continue;
            }
            let from = (numbered.device, numbered.sequence);
            let result = match header.kind {
                Kind::Snapshot => body::decode_snapshot(&body)
                    .map_err(|e| e.to_string())
                    .and_then(|s| {
                        store
                            .sync_apply_snapshot(from, &s, &names)
                            .map_err(|e| e.to_string())
                    }),
                _ => body::decode_entries(&body)
                    .map_err(|e| e.to_string())
                    .and_then(|entries| {
                        store
                            .sync_apply(from, &entries, &names)
                            .map_err(|e| e.to_string())
                    }),
            };
            match result {
                Ok(result) => {
                    outcome.applied.push(AppliedFile {
                        file: label,
                        from: names(numbered.device),
                        rows: result.rows,
                    });
                    outcome.kept_copies += result.kept_copies;
                    applied.insert(numbered.device, numbered.sequence);
                    progressed = true;
                    done += 1;
                    on_progress(done, total);
                }
                Err(reason) => {
                    outcome.refused.push(Refused {
                        file: label,
                        reason: format!(
                            "its changes could not be applied ({reason}); nothing of it was"
                        ),
                    });
                    refused.insert(numbered.path.clone());
                    blocked.insert(numbered.device);
                }
            }
        }
        if !progressed {
            break;
        }
    }
    outcome.waiting = files
        .iter()
        .filter(|f| {
            f.sequence > applied.get(&f.device).copied().unwrap_or(0) && !refused.contains(&f.path)
        })
        .count();
    Ok(())
}

/// Whether everything a file's device had read when writing it has been read here too.
fn builds_on_what_is_here(
    header: &Header,
    applied: &BTreeMap<u64, u64>,
    us: u64,
    our_sequence: u64,
) -> bool {
    header
        .seen
        .iter()
        .all(|(hex, seq)| match u64::from_str_radix(hex, 16) {
            Ok(device) if device == us => *seq <= our_sequence,
            Ok(device) => applied.get(&device).copied().unwrap_or(0) >= *seq,
            Err(_) => false,
        })
}

/// Once `compact_after` of this device's files are applied by every device of the group, they
/// are replaced by one snapshot, so the folder does not grow with years of changes.
fn compact(
    store: &mut Store,
    joined: &Joined,
    options: Options,
    outcome: &mut Outcome,
) -> Result<(), ActionError> {
    let ours = folder::numbered(&joined.folder, joined.device)?;
    let cards = read_cards(&joined.folder, &joined.key, joined.device);
    let hex = format!("{:016x}", joined.device);
    let everywhere = cards
        .values()
        .map(|card| card.applied.get(&hex).copied().unwrap_or(0))
        .min()
        .unwrap_or(0);
    let folded: Vec<_> = ours.iter().filter(|f| f.sequence <= everywhere).collect();
    if folded.len() < options.compact_after {
        return Ok(());
    }
    let (snapshot, written) = write_snapshot(store, joined)?;
    outcome.sent.push(written);
    for file in folded.into_iter().filter(|f| f.sequence < snapshot) {
        let _ = std::fs::remove_file(&file.path);
    }
    Ok(())
}
