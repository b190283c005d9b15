//! Reading the other devices' side of the folder: each file once, a device's files in order, a
//! file only after the files it was written on; a file that cannot be applied is refused by name
//! and reason, and the others still are.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use leadback_store::{Store, latest_schema_version};
use leadback_sync::file::{self, Header, Kind};

use super::outbox::{file_label, next_sequence, read_cards};
use super::{AppliedFile, Joined, Outcome, Refused, body, folder};
use crate::ActionError;

/// Applies every file of the other devices that can be: each once, a device's files in order,
/// and a file only after the files it was written on.
pub(super) fn apply_others(
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
