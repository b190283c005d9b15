//! Reading the other devices' side of the folder: each file once, a device's files in order, a
//! file only after the files it was written on; a file that cannot be applied is refused by name
//! and reason, and the others still are.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use leadback_store::{Store, latest_schema_version};
use leadback_sync::file::{self, FileError, Header, Kind};

use super::outbox::{file_label, next_sequence, read_cards};
use super::{AppliedFile, Joined, Outcome, Refused, body, folder};
use crate::ActionError;

/// The other devices' files still to apply in one sync, and how far it has come. Finding the
/// next file that can be applied reads and opens files but needs no database
/// ([`Inbox::next_ready`]); only applying it does ([`Inbox::apply`]), so the app can let other
/// work use the database between files.
pub(super) struct Inbox {
    names: BTreeMap<u64, String>,
    applied: BTreeMap<u64, u64>,
    files: Vec<folder::Numbered>,
    refused: HashSet<PathBuf>,
    /// Devices with a file refused for damage → the last such file: each is asked for a
    /// snapshot (on this device's card), and meanwhile a snapshot of theirs is applied even
    /// though the files before it cannot be.
    broken: BTreeMap<u64, u64>,
    /// Files opened in this sync that are not snapshots: past a file that cannot be applied yet
    /// they are not opened again at each step (only a snapshot could apply there).
    not_snapshots: HashSet<PathBuf>,
    our_sequence: u64,
    done: usize,
}

/// A file opened and ready to apply.
pub(super) struct Ready {
    from: (u64, u64),
    path: PathBuf,
    kind: Kind,
    body: Vec<u8>,
    /// A snapshot written right after the last of its device's files applied here holds
    /// nothing this device has not had from those files or will have from the other devices'
    /// own: it is noted as applied without being replayed (a compaction then costs the others
    /// nothing, however large the data).
    nothing_new: bool,
}

impl Ready {
    /// The file's name in the folder, as `device/number`.
    pub(super) fn label(&self) -> String {
        file_label(&self.path)
    }
}

impl Inbox {
    /// The files of the other devices not applied here yet.
    pub(super) fn new(store: &Store, joined: &Joined) -> Result<Self, ActionError> {
        let names = read_cards(&joined.folder, &joined.key, 0)
            .into_iter()
            .map(|(device, card)| (device, card.name))
            .collect();
        let applied = store.sync_applied()?;
        let mut files = Vec::new();
        for device in folder::devices(&joined.folder, joined.device)? {
            let after = applied.get(&device).copied().unwrap_or(0);
            files.extend(
                folder::numbered(&joined.folder, device)?
                    .into_iter()
                    .filter(|f| f.sequence > after),
            );
        }
        Ok(Self {
            names,
            applied,
            files,
            refused: HashSet::new(),
            broken: BTreeMap::new(),
            not_snapshots: HashSet::new(),
            our_sequence: next_sequence(store, joined)?.saturating_sub(1),
            done: 0,
        })
    }

    fn name(&self, device: u64) -> String {
        self.names
            .get(&device)
            .cloned()
            .unwrap_or_else(|| "another computer".to_owned())
    }

    fn refuse(&mut self, outcome: &mut Outcome, path: &Path, reason: String) {
        outcome.refused.push(Refused {
            file: file_label(path),
            reason,
        });
        self.refused.insert(path.to_path_buf());
    }

    /// [`Inbox::refuse`] a file its device can replace with a snapshot, and asks for one.
    fn refuse_broken(&mut self, outcome: &mut Outcome, file: &folder::Numbered, reason: &str) {
        let reason = format!(
            "{reason}; {} is asked to send everything again",
            self.name(file.device)
        );
        self.refuse(outcome, &file.path, reason);
        let last = self.broken.entry(file.device).or_insert(0);
        *last = (*last).max(file.sequence);
    }

    /// A device's snapshot is applied: its files before it that were refused no longer matter
    /// (the snapshot holds what they held), so they are neither reported nor asked about.
    fn settled_by_snapshot(&mut self, outcome: &mut Outcome, device: u64, snapshot: u64) {
        let settled: HashSet<String> = self
            .files
            .iter()
            .filter(|f| f.device == device && f.sequence < snapshot)
            .filter(|f| self.refused.contains(&f.path))
            .map(|f| file_label(&f.path))
            .collect();
        outcome.refused.retain(|r| !settled.contains(&r.file));
        if self
            .broken
            .get(&device)
            .is_some_and(|last| *last < snapshot)
        {
            self.broken.remove(&device);
        }
    }

    /// The devices asked for a snapshot, with the last file of theirs refused.
    pub(super) fn broken(&self) -> &BTreeMap<u64, u64> {
        &self.broken
    }

    /// The next file that can be applied: a device's files in order, each only after the files
    /// it was written on. Files that cannot be opened are refused on the way (into `outcome`),
    /// and their device's later files wait, all but a snapshot, which carries everything.
    pub(super) fn next_ready(&mut self, joined: &Joined, outcome: &mut Outcome) -> Option<Ready> {
        let mut blocked: HashSet<u64> = HashSet::new();
        for index in 0..self.files.len() {
            let file = self.files[index].clone();
            let (device, sequence, path) = (file.device, file.sequence, file.path.clone());
            let after = self.applied.get(&device).copied().unwrap_or(0);
            if sequence <= after || self.refused.contains(&path) {
                continue;
            }
            // Past a file that cannot be applied (damaged, waiting for files it builds on, or
            // missing: folded away while this device's card could not be read) only a snapshot
            // of its device can apply: look for one.
            if blocked.contains(&device) && self.not_snapshots.contains(&path) {
                continue;
            }
            let opened = match folder::read(&path) {
                Ok(bytes) => file::open(&joined.key, &bytes, latest_schema_version()),
                Err(reason) => {
                    self.refuse(outcome, &path, reason);
                    blocked.insert(device);
                    continue;
                }
            };
            let (header, body) = match opened {
                Ok(opened) => opened,
                // A newer Leadback's file waits for this one to be updated.
                Err(err @ (FileError::NewerFormat(_) | FileError::NewerSchema { .. })) => {
                    self.refuse(outcome, &path, err.to_string());
                    blocked.insert(device);
                    continue;
                }
                Err(err) => {
                    self.refuse_broken(outcome, &file, &err.to_string());
                    blocked.insert(device);
                    continue;
                }
            };
            if header.device != device || header.sequence != sequence {
                let reason = "it is not the file its name says (moved or copied from elsewhere)";
                self.refuse_broken(outcome, &file, reason);
                blocked.insert(device);
                continue;
            }
            if header.kind != Kind::Snapshot {
                self.not_snapshots.insert(path.clone());
            }
            let ready = match header.kind {
                Kind::Snapshot => true,
                Kind::Changes => {
                    !blocked.contains(&device)
                        && sequence == after + 1
                        && builds_on_what_is_here(
                            &header,
                            &self.applied,
                            joined.device,
                            self.our_sequence,
                        )
                }
                Kind::Device => false,
            };
            if !ready {
                blocked.insert(device);
                continue;
            }
            return Some(Ready {
                from: (device, sequence),
                path,
                kind: header.kind,
                body,
                nothing_new: header.kind == Kind::Snapshot && after >= 1 && sequence == after + 1,
            });
        }
        None
    }

    /// Applies `ready` in one transaction, or refuses it whole (into `outcome`); `Err` only when
    /// the database itself fails.
    pub(super) fn apply(
        &mut self,
        store: &mut Store,
        ready: Ready,
        outcome: &mut Outcome,
        on_progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(), ActionError> {
        let names = |device: u64| self.name(device);
        let result = match ready.kind {
            Kind::Snapshot if ready.nothing_new => store
                .sync_note_applied(ready.from)
                .map_err(|e| e.to_string()),
            Kind::Snapshot => body::decode_snapshot(&ready.body)
                .map_err(|e| e.to_string())
                .and_then(|s| {
                    store
                        .sync_apply_snapshot(ready.from, &s, &names)
                        .map_err(|e| e.to_string())
                }),
            _ => body::decode_entries(&ready.body)
                .map_err(|e| e.to_string())
                .and_then(|entries| {
                    store
                        .sync_apply(ready.from, &entries, &names)
                        .map_err(|e| e.to_string())
                }),
        };
        let (device, sequence) = ready.from;
        match result {
            Ok(result) => {
                if ready.kind == Kind::Snapshot {
                    self.settled_by_snapshot(outcome, device, sequence);
                }
                outcome.applied.push(AppliedFile {
                    file: ready.label(),
                    from: self.name(device),
                    rows: result.rows,
                });
                outcome.kept_copies += result.kept_copies;
                self.applied.insert(device, sequence);
                self.done += 1;
                on_progress(self.done, self.files.len());
            }
            Err(reason) => {
                // (Not asked for again: what failed to apply once would fail in a snapshot too.)
                let reason =
                    format!("its changes could not be applied ({reason}); nothing of it was");
                self.refuse(outcome, &ready.path, reason);
            }
        }
        Ok(())
    }

    /// Files applied so far, of those found.
    pub(super) fn progress(&self) -> (usize, usize) {
        (self.done, self.files.len())
    }

    /// Notes in `outcome` how many files wait for files they build on.
    pub(super) fn finish(self, outcome: &mut Outcome) {
        outcome.waiting = self
            .files
            .iter()
            .filter(|f| {
                f.sequence > self.applied.get(&f.device).copied().unwrap_or(0)
                    && !self.refused.contains(&f.path)
            })
            .count();
    }
}

/// Whether everything a file's device had read when writing it has been read here too.
pub(super) fn builds_on_what_is_here(
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
