//! What is inside a sealed sync file after its header: a device's transactions (each stamp and
//! changeset), a snapshot (its changeset and each row's stamps), or the device's own card.

use std::collections::BTreeMap;

use leadback_store::sync::{GoneText, RowStampsText, Snapshot};
use leadback_sync::clock::Stamp;
use leadback_sync::file::FileError;
use serde::{Deserialize, Serialize};

fn damaged(what: &str) -> FileError {
    FileError::Damaged(what.to_owned())
}

/// Transactions, each as: the stamp's length (one byte), the stamp, the changeset's length (four
/// bytes, little-endian) and the changeset.
pub(crate) fn encode_entries(entries: &[(Stamp, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (stamp, changes) in entries {
        let stamp = stamp.to_string();
        // A stamp's text is 41 characters, a changeset far below 4 GiB (files are capped).
        out.push(stamp.len() as u8);
        out.extend_from_slice(stamp.as_bytes());
        out.extend_from_slice(&(changes.len() as u32).to_le_bytes());
        out.extend_from_slice(changes);
    }
    out
}

pub(crate) fn decode_entries(mut body: &[u8]) -> Result<Vec<(Stamp, Vec<u8>)>, FileError> {
    let mut entries = Vec::new();
    while let Some((&len, rest)) = body.split_first() {
        let len = usize::from(len);
        let stamp = rest
            .get(..len)
            .ok_or_else(|| damaged("a change is cut short"))?;
        let stamp: Stamp = std::str::from_utf8(stamp)
            .ok()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| damaged("a change has no valid stamp"))?;
        let rest = &rest[len..];
        let size = rest
            .get(..4)
            .ok_or_else(|| damaged("a change is cut short"))?;
        let size = u32::from_le_bytes([size[0], size[1], size[2], size[3]]) as usize;
        let changes = rest
            .get(4..4 + size)
            .ok_or_else(|| damaged("a change is cut short"))?;
        entries.push((stamp, changes.to_vec()));
        body = &rest[4 + size..];
    }
    Ok(entries)
}

/// A snapshot: the changeset's length (four bytes), the changeset, then the stamps as JSON and
/// the deleted rows as JSON (a snapshot without them, from before they were sent, reads as none).
pub(crate) fn encode_snapshot(snapshot: &Snapshot) -> Result<Vec<u8>, FileError> {
    let mut out = (snapshot.changes.len() as u32).to_le_bytes().to_vec();
    out.extend_from_slice(&snapshot.changes);
    let stamps = serde_json::to_vec(&snapshot.stamps).map_err(|e| damaged(&e.to_string()))?;
    out.extend_from_slice(&stamps);
    let gone = serde_json::to_vec(&snapshot.gone).map_err(|e| damaged(&e.to_string()))?;
    out.extend_from_slice(&gone);
    Ok(out)
}

pub(crate) fn decode_snapshot(body: &[u8]) -> Result<Snapshot, FileError> {
    let size = body
        .get(..4)
        .ok_or_else(|| damaged("the snapshot is cut short"))?;
    let size = u32::from_le_bytes([size[0], size[1], size[2], size[3]]) as usize;
    let changes = body
        .get(4..4 + size)
        .ok_or_else(|| damaged("the snapshot is cut short"))?
        .to_vec();
    let mut json = serde_json::Deserializer::from_slice(&body[4 + size..]);
    let stamps = Vec::<RowStampsText>::deserialize(&mut json)
        .map_err(|e| damaged(&format!("the snapshot's stamps: {e}")))?;
    let gone = match Vec::<GoneText>::deserialize(&mut json) {
        Ok(gone) => gone,
        Err(e) if e.is_eof() => Vec::new(),
        Err(e) => return Err(damaged(&format!("the snapshot's deleted rows: {e}"))),
    };
    json.end()
        .map_err(|e| damaged(&format!("the snapshot ends oddly: {e}")))?;
    Ok(Snapshot {
        changes,
        stamps,
        gone,
    })
}

/// A device's card in the folder: who it is and how far it has read the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Card {
    pub name: String,
    /// "Me" on this device (the same person everywhere once joined).
    pub me: Option<i64>,
    /// When the device last synced (RFC 3339).
    pub synced_at: String,
    /// Its own last file.
    pub sequence: u64,
    /// How far it has applied each other device's files (device id in hex).
    pub applied: BTreeMap<String, u64>,
    /// Files of other devices it could not apply (damaged, altered): device id in hex → the
    /// first of them. That device answers with a snapshot, which carries everything past it.
    #[serde(default)]
    pub wants_snapshot: BTreeMap<String, u64>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // In tests a panic is a failure report.

    use super::*;

    fn stamp(millis: i64) -> Stamp {
        Stamp {
            millis,
            counter: 1,
            device: 0xab,
        }
    }

    #[test]
    fn transactions_read_back_as_written() {
        let entries = vec![
            (stamp(5), vec![1, 2, 3]),
            (stamp(9), vec![]),
            (stamp(12), vec![7; 300]),
        ];
        assert_eq!(decode_entries(&encode_entries(&entries)).unwrap(), entries);
    }

    #[test]
    fn a_body_cut_anywhere_is_refused_not_misread() {
        let body = encode_entries(&[(stamp(5), vec![1, 2, 3]), (stamp(9), vec![4; 10])]);
        for cut in 1..body.len() {
            if let Ok(entries) = decode_entries(&body[..cut]) {
                // Only a cut between two whole transactions reads, as the first of them.
                assert_eq!(entries, vec![(stamp(5), vec![1, 2, 3])], "cut at {cut}");
            }
        }
    }
}
