//! The file a device writes to the shared folder: one batch of its changes (or a snapshot), sealed
//! to the group's key. What a file-sync tool or anyone else with the folder can see is only that it
//! is a Leadback sync file of some format version; the device, the schema, the stamps and the
//! changes themselves are inside the encryption, which also authenticates them: a changed,
//! truncated or foreign file does not open.
//!
//! Layout: the line `leadback-sync 1\n`, then an age file (X25519, to the group's key) whose
//! plaintext is one line of JSON (the [`Header`]) and the body after it, deflated (RFC 1951).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::clock::Stamp;
use crate::group::GroupKey;

/// The first bytes of every sync file, with the format version after them.
const MAGIC: &str = "leadback-sync ";

/// The format this build writes and reads.
pub const FORMAT: u32 = 1;

/// The largest file read: far beyond a year of one device's changes.
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

/// The largest body once inflated: a file that would unpack to more is refused, not unpacked.
pub const MAX_BODY_BYTES: u64 = 1024 * 1024 * 1024;

/// What a batch holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Changes made on the device since its previous file.
    Changes,
    /// Everything, as of `last`: what a device joining late starts from.
    Snapshot,
    /// The device itself: its name and how far it has read the others.
    Device,
}

/// Who wrote a file and what it covers; sealed with the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// The writing device's id.
    pub device: u64,
    /// The device's files are numbered 1, 2, 3…: a file seen again is known by it.
    pub sequence: u64,
    /// The database schema the changes are written in.
    pub schema: i64,
    pub kind: Kind,
    /// The stamps of the first and last change inside.
    pub first: String,
    pub last: String,
    /// How far the device had read each other device's files when it wrote this (device id in
    /// hex to sequence): a file is applied only after those, so a change never arrives before
    /// what it was made on.
    #[serde(default)]
    pub seen: BTreeMap<String, u64>,
}

impl Header {
    pub fn first_stamp(&self) -> Option<Stamp> {
        self.first.parse().ok()
    }

    pub fn last_stamp(&self) -> Option<Stamp> {
        self.last.parse().ok()
    }
}

/// Why a file in the folder was not applied; the file is left where it is.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FileError {
    #[error("it is not a Leadback sync file")]
    NotSyncFile,
    #[error(
        "it was written by a newer Leadback (sync format {0}); update Leadback on this computer"
    )]
    NewerFormat(u32),
    #[error("it is larger than any sync file ({0} bytes)")]
    TooLarge(usize),
    #[error("it is not from a device of this sync group")]
    NotFromGroup,
    #[error("it is damaged or was changed after it was written ({0})")]
    Damaged(String),
    #[error(
        "it holds changes of a newer database (schema {file}, this Leadback has {ours}); it waits until Leadback is updated here"
    )]
    NewerSchema { file: i64, ours: i64 },
}

/// Seals `header` and `body` to the group's key.
pub fn seal(key: &GroupKey, header: &Header, body: &[u8]) -> Result<Vec<u8>, FileError> {
    use std::io::Write;
    let mut plain = serde_json::to_vec(header).map_err(|e| FileError::Damaged(e.to_string()))?;
    plain.push(b'\n');
    let mut deflater = flate2::write::DeflateEncoder::new(plain, flate2::Compression::default());
    deflater
        .write_all(body)
        .map_err(|e| FileError::Damaged(e.to_string()))?;
    let plain = deflater
        .finish()
        .map_err(|e| FileError::Damaged(e.to_string()))?;
    let sealed =
        age::encrypt(&key.recipient(), &plain).map_err(|e| FileError::Damaged(e.to_string()))?;
    let mut file = format!("{MAGIC}{FORMAT}\n").into_bytes();
    file.extend_from_slice(&sealed);
    Ok(file)
}

/// Opens a file from the folder: checked, decrypted and authenticated, its header read, and its
/// schema no newer than `our_schema`. Returns the header and the body.
pub fn open(key: &GroupKey, file: &[u8], our_schema: i64) -> Result<(Header, Vec<u8>), FileError> {
    if file.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge(MAX_FILE_BYTES));
    }
    let rest = file
        .strip_prefix(MAGIC.as_bytes())
        .ok_or(FileError::NotSyncFile)?;
    let end = rest
        .iter()
        .position(|b| *b == b'\n')
        .filter(|at| *at <= 10)
        .ok_or(FileError::NotSyncFile)?;
    let format: u32 = std::str::from_utf8(&rest[..end])
        .ok()
        .and_then(|v| v.parse().ok())
        .ok_or(FileError::NotSyncFile)?;
    if format > FORMAT {
        return Err(FileError::NewerFormat(format));
    }
    if format != FORMAT {
        return Err(FileError::NotSyncFile);
    }
    let sealed = &rest[end + 1..];
    let plain = age::decrypt(key.identity(), sealed).map_err(|e| match e {
        age::DecryptError::NoMatchingKeys => FileError::NotFromGroup,
        other => FileError::Damaged(other.to_string()),
    })?;
    let split = plain
        .iter()
        .position(|b| *b == b'\n')
        .ok_or_else(|| FileError::Damaged("no header".to_owned()))?;
    let header: Header = serde_json::from_slice(&plain[..split])
        .map_err(|e| FileError::Damaged(format!("header: {e}")))?;
    if header.first_stamp().is_none() || header.last_stamp().is_none() {
        return Err(FileError::Damaged("header: bad stamps".to_owned()));
    }
    if header.schema > our_schema {
        return Err(FileError::NewerSchema {
            file: header.schema,
            ours: our_schema,
        });
    }
    Ok((header, inflate(&plain[split + 1..])?))
}

/// A body inflated, never beyond [`MAX_BODY_BYTES`].
fn inflate(deflated: &[u8]) -> Result<Vec<u8>, FileError> {
    use std::io::Read;
    let mut body = Vec::new();
    flate2::read::DeflateDecoder::new(deflated)
        .take(MAX_BODY_BYTES + 1)
        .read_to_end(&mut body)
        .map_err(|e| FileError::Damaged(format!("its body does not unpack ({e})")))?;
    if body.len() as u64 > MAX_BODY_BYTES {
        return Err(FileError::Damaged(
            "its body unpacks to more than any sync file holds".to_owned(),
        ));
    }
    Ok(body)
}
