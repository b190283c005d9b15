//! Joining a group, in steps: the checks (reads only), the pairing code tried (slow on purpose,
//! no database), then this computer entered in the group with its records sent as a snapshot and
//! its first sync begun.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use leadback_store::Store;
use leadback_sync::group::{GroupKey, PairingCode, new_device_id};

use super::lock::{SyncLock, Wait};
use super::outbox::{read_cards, write_snapshot};
use super::{
    LONGEST_NAME, Options, Outcome, Run, device_name, enter, folder, group_error, joined,
    refuse_if_joined, undo_entry,
};
use crate::ActionError;

/// Joins the group in `folder` with the code shown on one of its devices. A wrong code is
/// refused with nothing written. Records already here are kept and sent to the others. Another
/// sync of this data running meanwhile is waited for, silently.
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
    let run = opened.enter(store, Wait::Yes(&mut || {}))?;
    run.complete(store, options, now, on_progress)
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
        let folder = folder::check(store, folder)?;
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
    /// sync. `wait` says what to do while another sync of this data runs.
    pub fn enter(self, store: &mut Store, wait: Wait<'_>) -> Result<Run, ActionError> {
        let lock = SyncLock::take(store, wait)?;
        refuse_if_joined(store)?;
        // "Me" here becomes the group's "me", so that both computers' records are one person's.
        let cards = read_cards(&self.folder, &self.key, 0);
        if let Some(me) = cards.values().find_map(|card| card.me) {
            store.sync_adopt_me(me)?;
        }
        // Two computers of one name (both called by the same host name) would be told apart
        // nowhere: in the list of computers, nor in a conflict's kept copy.
        let name = distinct_name(&self.name, cards.values().map(|card| card.name.as_str()));
        let device = new_device_id().map_err(group_error)?;
        folder::make_device_dir(&self.folder, device)?;
        enter(store, &self.folder, &self.key, device, &name)?;
        let sent = joined(store).and_then(|joined| write_snapshot(store, &joined));
        let snapshot = match sent {
            Ok((_, snapshot)) => snapshot,
            Err(err) => {
                undo_entry(store, &self.folder, device, None)?;
                return Err(err);
            }
        };
        let mut run = Run::begin_locked(store, lock)?;
        run.sent_first(snapshot);
        Ok(run)
    }
}

/// `name`, or "name (2)", "name (3)"… when a computer in the group already goes by it (letter
/// case aside); shortened to fit a name's length.
fn distinct_name<'a>(name: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let is_taken = |candidate: &str| {
        taken
            .clone()
            .any(|t| t.trim().to_lowercase() == candidate.to_lowercase())
    };
    if !is_taken(name) {
        return name.to_owned();
    }
    (2..)
        .map(|n| {
            let suffix = format!(" ({n})");
            let room = LONGEST_NAME.saturating_sub(suffix.chars().count());
            let base: String = name.chars().take(room).collect();
            format!("{}{suffix}", base.trim_end())
        })
        .find(|candidate| !is_taken(candidate))
        .unwrap_or_else(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::distinct_name;

    #[test]
    fn a_second_computer_of_the_same_name_is_numbered() {
        assert_eq!(distinct_name("Desktop", ["Laptop"].into_iter()), "Desktop");
        assert_eq!(distinct_name("vm", ["VM"].into_iter()), "vm (2)");
        assert_eq!(
            distinct_name("vm", ["vm", "vm (2)", "Laptop"].into_iter()),
            "vm (3)"
        );
        let long = "x".repeat(60);
        let numbered = distinct_name(&long, [long.as_str()].into_iter());
        assert_eq!(numbered.chars().count(), 60);
        assert!(numbered.ends_with(" (2)"));
    }
}
