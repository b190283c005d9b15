//! One sync: this computer's changes written to the folder, the other computers' files applied one
//! at a time, and this computer's card written.

use chrono::{DateTime, Utc};
use leadback_store::Store;

use super::lock::{SyncLock, Wait};
use super::outbox::{compact, flush, note_wanted_snapshots, write_card};
use super::{ActionError, Joined, Options, Outcome, SYNCED_AT, inbox, joined};

/// Writes this device's changes to the folder and applies the other devices' files; another
/// sync of the same data running meanwhile (the app's) is waited for.
pub fn sync_now(
    store: &mut Store,
    options: Options,
    now: DateTime<Utc>,
    on_progress: &mut dyn FnMut(usize, usize),
) -> Result<Outcome, ActionError> {
    sync_now_or_wait(store, options, now, on_progress, &mut || {})
}

/// [`sync_now`], calling `on_wait` first when it has to wait for another sync of the same data.
pub fn sync_now_or_wait(
    store: &mut Store,
    options: Options,
    now: DateTime<Utc>,
    on_progress: &mut dyn FnMut(usize, usize),
    on_wait: &mut dyn FnMut(),
) -> Result<Outcome, ActionError> {
    let lock = SyncLock::take(store, Wait::Yes(on_wait))?;
    Run::begin_locked(store, lock)?.complete(store, options, now, on_progress)
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
    /// No other sync of this data, in this process or another, until the run ends.
    _lock: SyncLock,
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
    /// Writes this device's changes to the folder and lists the other devices' files to apply;
    /// refused at once while another sync of the same data runs (the app's next comes soon).
    pub fn begin(store: &mut Store) -> Result<Self, ActionError> {
        let lock = SyncLock::take(store, Wait::No)?;
        Self::begin_locked(store, lock)
    }

    pub(super) fn begin_locked(store: &mut Store, lock: SyncLock) -> Result<Self, ActionError> {
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
            _lock: lock,
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

    /// Notes `file` as sent before anything else this run sends (a joining computer's snapshot).
    pub(super) fn sent_first(&mut self, file: String) {
        self.outcome.sent.insert(0, file);
    }

    /// Files applied so far, of those found.
    pub fn progress(&self) -> (usize, usize) {
        self.inbox.progress()
    }

    /// Every file that can be applied, then [`Run::finish`]: the whole run at once.
    pub fn complete(
        mut self,
        store: &mut Store,
        options: Options,
        now: DateTime<Utc>,
        on_progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Outcome, ActionError> {
        while let Some(ready) = self.next_ready() {
            self.apply(store, ready, on_progress)?;
        }
        self.finish(store, options, now)
    }

    /// Folds files every device has into a snapshot, and notes that this device synced.
    pub fn finish(
        mut self,
        store: &mut Store,
        options: Options,
        now: DateTime<Utc>,
    ) -> Result<Outcome, ActionError> {
        note_wanted_snapshots(store, self.inbox.broken())?;
        self.inbox.finish(&mut self.outcome);
        compact(store, &self.joined, options, now, &mut self.outcome)?;
        write_card(store, &self.joined, now)?;
        store.set_setting(SYNCED_AT, &now.to_rfc3339())?;
        Ok(self.outcome)
    }
}
