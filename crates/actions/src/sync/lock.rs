//! One sync at a time for a database, across processes. The app's own sync and `leadback sync` in
//! a terminal would otherwise both write this computer's next file under one number, and what one
//! of them sent would never reach the other computers. The lock is an advisory lock on a file
//! beside the database, held for a whole run; the system lets it go when the process ends, however
//! it ends.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use leadback_store::Store;

use crate::ActionError;

/// Held while a sync runs; dropping it lets the next one in.
#[derive(Debug)]
pub(crate) struct SyncLock {
    _file: Option<File>,
}

/// What to do when another sync of the same data holds the lock: a sync, or a change to this
/// computer's place in the group (its name, the pairing code, leaving), which a sync running
/// meanwhile would write over.
pub enum Wait<'a> {
    /// Refuse at once (the app, whose window must not hang on a terminal's sync).
    No,
    /// Wait for it, telling the caller first (a terminal).
    Yes(&'a mut dyn FnMut()),
}

impl std::fmt::Debug for Wait<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Wait::No => "Wait::No",
            Wait::Yes(_) => "Wait::Yes",
        })
    }
}

/// The lock's file: beside the database, named after it (public for tests that play another
/// process holding it).
pub fn lock_path(database: &Path) -> PathBuf {
    database.with_extension("sync-lock")
}

impl SyncLock {
    pub(crate) fn take(store: &Store, wait: Wait<'_>) -> Result<Self, ActionError> {
        // A database in memory (tests) has no other process to keep out.
        let Some(database) = store.path() else {
            return Ok(Self { _file: None });
        };
        let path = lock_path(database);
        let failed = |err: std::io::Error| ActionError::File {
            path: path.clone(),
            message: format!("sync's lock could not be taken ({err})"),
        };
        let file = OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(false)
            .open(&path)
            .map_err(failed)?;
        match (file.try_lock(), wait) {
            (Ok(()), _) => {}
            (Err(TryLockError::WouldBlock), Wait::Yes(on_wait)) => {
                on_wait();
                file.lock().map_err(failed)?;
            }
            (Err(TryLockError::WouldBlock), Wait::No) => {
                return Err(ActionError::Invalid(
                    "another sync of this computer's data was running at the same time (Leadback in a terminal, perhaps).".to_owned(),
                ));
            }
            (Err(TryLockError::Error(err)), _) => return Err(failed(err)),
        }
        Ok(Self { _file: Some(file) })
    }
}
