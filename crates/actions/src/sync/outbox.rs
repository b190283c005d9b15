//! Writing this device's side of the folder: its changes as the next numbered file (noted first,
//! so a crash writes the same file again), its snapshot, its card, and folding its files into a
//! snapshot once every device has them.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use leadback_store::{Store, latest_schema_version};
use leadback_sync::clock::Stamp;
use leadback_sync::file::{self, Header, Kind};
use leadback_sync::group::GroupKey;

use super::body::{self, Card};
use super::{
    Joined, LAST_SNAPSHOT, LAST_SNAPSHOT_AT, Options, Outcome, PENDING, SEQUENCE, WANTS_SNAPSHOT,
    folder, invalid,
};
use crate::ActionError;

/// The next number for a file of this device: after the last one noted and the last in the
/// folder (a crash may have left a file written but not noted).
pub(super) fn next_sequence(store: &Store, joined: &Joined) -> Result<u64, ActionError> {
    let noted: u64 = store
        .setting(SEQUENCE)?
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let in_folder = folder::numbered(&joined.folder, joined.device)?
        .last()
        .map_or(0, |f| f.sequence);
    Ok(noted.max(in_folder) + 1)
}

pub(super) fn seen(store: &Store) -> Result<BTreeMap<String, u64>, ActionError> {
    Ok(store
        .sync_applied()?
        .into_iter()
        .map(|(device, seq)| (format!("{device:016x}"), seq))
        .collect())
}

pub(super) fn seal_to_folder(
    store: &Store,
    joined: &Joined,
    header: &Header,
    body: &[u8],
) -> Result<String, ActionError> {
    let sealed = file::seal(&joined.key, header, body).map_err(|e| invalid(e.to_string()))?;
    let path = folder::file_path(&joined.folder, joined.device, header.sequence);
    folder::write(store, &path, sealed)?;
    Ok(file_label(&path))
}

pub(super) fn file_label(path: &Path) -> String {
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
pub(super) fn flush(store: &mut Store, joined: &Joined) -> Result<Option<String>, ActionError> {
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
pub(super) fn write_snapshot(
    store: &mut Store,
    joined: &Joined,
) -> Result<(u64, String), ActionError> {
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
    store.set_setting(LAST_SNAPSHOT, &sequence.to_string())?;
    // Everything here is in it: the outbox has nothing more to say.
    if let Some(last) = store.sync_outbox()?.last() {
        store.sync_clear_outbox(last.seq)?;
    }
    Ok((sequence, written))
}

pub(super) fn write_card(
    store: &Store,
    joined: &Joined,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    let card = Card {
        name: joined.name.clone(),
        me: store.me()?.map(|p| p.id),
        synced_at: now.to_rfc3339(),
        sequence: next_sequence(store, joined)?.saturating_sub(1),
        applied: seen(store)?,
        wants_snapshot: wanted_snapshots(store)?,
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
    folder::write(
        store,
        &folder::card_path(&joined.folder, joined.device),
        sealed,
    )
}

/// What this device's last sync could not apply, by device (see [`Card::wants_snapshot`]).
fn wanted_snapshots(store: &Store) -> Result<BTreeMap<String, u64>, ActionError> {
    Ok(store
        .setting(WANTS_SNAPSHOT)?
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default())
}

/// Notes the files of other devices this sync could not apply (by device id), for the card.
pub(super) fn note_wanted_snapshots(
    store: &mut Store,
    refused: &BTreeMap<u64, u64>,
) -> Result<(), ActionError> {
    let by_hex: BTreeMap<String, u64> = refused
        .iter()
        .map(|(device, sequence)| (format!("{device:016x}"), *sequence))
        .collect();
    if by_hex != wanted_snapshots(store)? {
        let text = serde_json::to_string(&by_hex).map_err(|e| invalid(e.to_string()))?;
        store.set_setting(WANTS_SNAPSHOT, &text)?;
    }
    Ok(())
}

/// Every readable card in the folder (this device's too), by device id; `except` is left out.
pub(super) fn read_cards(folder: &Path, key: &GroupKey, except: u64) -> BTreeMap<u64, Card> {
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

/// Once `compact_after` of this device's files are applied by every device of the group, they
/// are replaced by one snapshot, so the folder does not grow with years of changes. A snapshot
/// is also written as soon as every device has all of them after an erasure (made here or applied
/// from another device), so what was written about the erased person leaves the folder too; and
/// when a device could not apply one of them (damaged on the way), so it can catch up; and when
/// this device never sent one (its start or join stopped short). Files a snapshot covers go once
/// every device has applied them.
pub(super) fn compact(
    store: &mut Store,
    joined: &Joined,
    options: Options,
    now: DateTime<Utc>,
    outcome: &mut Outcome,
) -> Result<(), ActionError> {
    let ours = folder::numbered(&joined.folder, joined.device)?;
    let cards = read_cards(&joined.folder, &joined.key, joined.device);
    let hex = format!("{:016x}", joined.device);
    // With no other computer in the group (none joined yet, or all left), every file is
    // everywhere it needs to be: one joining later starts from the snapshot.
    let everywhere = cards
        .values()
        .map(|card| card.applied.get(&hex).copied().unwrap_or(0))
        .min()
        .unwrap_or(u64::MAX);
    let folded = ours.iter().filter(|f| f.sequence <= everywhere).count();
    // Files not yet everywhere cannot go, so after an erasure this waits until all of them can.
    let erased_fold = store.sync_folder_holds_erased()? && folded == ours.len();
    let noted = store.setting(LAST_SNAPSHOT)?;
    // None sent yet: entering the group was cut off before this device's records went out.
    let never_sent = noted.is_none();
    let mut last_snapshot: u64 = noted.and_then(|s| s.parse().ok()).unwrap_or(0);
    // Our last snapshot itself refused (damaged on its way too) is sent again at most hourly: a
    // folder that damages every file would otherwise get a whole snapshot at every sync.
    let resent_lately = store
        .setting(LAST_SNAPSHOT_AT)?
        .and_then(|at| DateTime::parse_from_rfc3339(&at).ok())
        .is_some_and(|at| now.signed_duration_since(at) < chrono::Duration::hours(1));
    let asked = cards
        .values()
        .filter_map(|card| card.wants_snapshot.get(&hex))
        .any(|refused| *refused > last_snapshot || (*refused == last_snapshot && !resent_lately));
    if folded >= options.compact_after || (erased_fold && folded > 0) || asked || never_sent {
        let (snapshot, written) = write_snapshot(store, joined)?;
        store.set_setting(LAST_SNAPSHOT_AT, &now.to_rfc3339())?;
        outcome.sent.push(written);
        last_snapshot = snapshot;
    }
    let mut all_gone = true;
    for file in ours
        .iter()
        .filter(|f| f.sequence <= everywhere && f.sequence < last_snapshot)
    {
        // One left behind is tried again at the next sync.
        all_gone &= std::fs::remove_file(&file.path).is_ok();
    }
    if erased_fold && all_gone {
        store.sync_folder_cleared_of_erased()?;
    }
    Ok(())
}
