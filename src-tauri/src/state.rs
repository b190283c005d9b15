//! What every command shares: the open store (or why it could not be opened) and the clock.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use leadback_core::{Clock, SystemClock};
use leadback_store::{Store, paths};

use crate::error::{ErrorCode, IpcError};

pub struct AppState {
    /// The store, or the reason start-up could not open it; commands report that reason so the
    /// UI can explain it instead of showing an empty app.
    store: Result<Mutex<Store>, IpcError>,
    pub clock: Box<dyn Clock>,
}

impl AppState {
    pub fn open(data_dir_flag: Option<&Path>) -> Self {
        let store = paths::data_dir_from_env(data_dir_flag)
            .and_then(|dir| {
                log::info!("data folder: {}", dir.display());
                Store::open_in(&dir)
            })
            .map(Mutex::new)
            .map_err(IpcError::from);
        Self {
            store,
            clock: Box::new(SystemClock),
        }
    }

    #[cfg(test)]
    pub fn with_store(store: Store, clock: Box<dyn Clock>) -> Self {
        Self {
            store: Ok(Mutex::new(store)),
            clock,
        }
    }

    pub fn store(&self) -> Result<MutexGuard<'_, Store>, IpcError> {
        self.store
            .as_ref()
            .map_err(Clone::clone)?
            .lock()
            .map_err(|_| {
                IpcError::new(
                    ErrorCode::Internal,
                    "An earlier operation failed midway; please restart Leadback.",
                )
            })
    }
}
