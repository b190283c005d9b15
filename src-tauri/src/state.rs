//! What every command shares: the open store (or why it could not be opened) and the clock.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};

use leadback_core::assessment::InstrumentLibrary;
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::{HabitLibrary, builtin_library};
use leadback_core::{Clock, SystemClock};
use leadback_store::{Store, paths};

use crate::error::{ErrorCode, IpcError};

pub struct AppState {
    /// The store once it is open. Until then (a damaged or newer file) commands report
    /// `open_error` so the UI can explain it instead of showing an empty app; recovering from a
    /// backup opens it later.
    store: OnceLock<Mutex<Store>>,
    open_error: IpcError,
    /// The data folder, when one could be found.
    pub data_dir: Option<PathBuf>,
    /// The instruments, validated at start-up; a broken built-in file is reported like the store.
    library: Result<InstrumentLibrary, IpcError>,
    habit_library: Result<HabitLibrary, IpcError>,
    exercises: Result<ExerciseLibrary, IpcError>,
    /// Wakes the reminder scheduler when reminders or habits change.
    pub reminder_wakeup: std::sync::Arc<tokio::sync::Notify>,
    pub clock: Box<dyn Clock>,
}

impl AppState {
    pub fn open(data_dir_flag: Option<&Path>) -> Self {
        let data_dir = paths::data_dir_from_env(data_dir_flag).map_err(IpcError::from);
        let opened = data_dir.clone().and_then(|dir| {
            log::info!("data folder: {}", dir.display());
            Store::open_in(&dir).map_err(IpcError::from)
        });
        let store = OnceLock::new();
        let open_error = match opened {
            Ok(opened) => {
                let _ = store.set(Mutex::new(opened));
                IpcError::new(ErrorCode::Internal, "The store is open.")
            }
            Err(err) => {
                log::error!("could not open the database: {}", err.message);
                err
            }
        };
        Self {
            store,
            open_error,
            data_dir: data_dir.ok(),
            library: load_library(),
            habit_library: load_habit_library(),
            exercises: load_exercises(),
            reminder_wakeup: Default::default(),
            clock: Box::new(SystemClock),
        }
    }

    #[cfg(test)]
    pub fn with_store(store: Store, clock: Box<dyn Clock>) -> Self {
        let data_dir = store.path().and_then(Path::parent).map(Path::to_path_buf);
        Self {
            store: OnceLock::from(Mutex::new(store)),
            open_error: IpcError::new(ErrorCode::Internal, "The store is open."),
            data_dir,
            library: load_library(),
            habit_library: load_habit_library(),
            exercises: load_exercises(),
            reminder_wakeup: Default::default(),
            clock,
        }
    }

    pub fn habit_library(&self) -> Result<&HabitLibrary, IpcError> {
        self.habit_library.as_ref().map_err(Clone::clone)
    }

    pub fn exercises(&self) -> Result<&ExerciseLibrary, IpcError> {
        self.exercises.as_ref().map_err(Clone::clone)
    }

    pub fn reminders_changed(&self) {
        self.reminder_wakeup.notify_one();
    }

    pub fn library(&self) -> Result<&InstrumentLibrary, IpcError> {
        self.library.as_ref().map_err(Clone::clone)
    }

    /// Whether the store is open; false after a start-up that could not open it.
    pub fn is_open(&self) -> bool {
        self.store.get().is_some()
    }

    /// Why the store could not be opened at start-up, while it is still closed.
    pub fn open_error(&self) -> Option<&IpcError> {
        (!self.is_open()).then_some(&self.open_error)
    }

    /// Puts a store opened after start-up (by recovering from a backup) in place.
    pub fn set_store(&self, store: Store) -> Result<(), IpcError> {
        self.store
            .set(Mutex::new(store))
            .map_err(|_| IpcError::new(ErrorCode::Internal, "The database is already open."))
    }

    pub fn store(&self) -> Result<MutexGuard<'_, Store>, IpcError> {
        self.store
            .get()
            .ok_or_else(|| self.open_error.clone())?
            .lock()
            .map_err(|_| {
                IpcError::new(
                    ErrorCode::Internal,
                    "An earlier operation failed midway; please restart Leadback.",
                )
            })
    }
}

fn load_library() -> Result<InstrumentLibrary, IpcError> {
    InstrumentLibrary::builtin().map_err(|err| {
        log::error!("the built-in instrument is invalid: {err}");
        IpcError::new(
            ErrorCode::Internal,
            format!("The questionnaire that ships with Leadback could not be loaded: {err}"),
        )
    })
}

fn load_habit_library() -> Result<HabitLibrary, IpcError> {
    builtin_library().map_err(|err| {
        log::error!("the built-in habit library is invalid: {err}");
        IpcError::new(
            ErrorCode::Internal,
            format!("The habit library that ships with Leadback could not be loaded: {err}"),
        )
    })
}

fn load_exercises() -> Result<ExerciseLibrary, IpcError> {
    ExerciseLibrary::builtin().map_err(|err| {
        log::error!("the built-in exercises are invalid: {err}");
        IpcError::new(
            ErrorCode::Internal,
            format!("The exercises that ship with Leadback could not be loaded: {err}"),
        )
    })
}
