//! What every command shares: the open store (or why it could not be opened) and the clock.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use leadback_core::assessment::InstrumentLibrary;
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::{HabitLibrary, builtin_library};
use leadback_core::{Clock, SystemClock};
use leadback_store::{Store, paths};

use crate::error::{ErrorCode, IpcError};

pub struct AppState {
    /// The store, or the reason start-up could not open it; commands report that reason so the
    /// UI can explain it instead of showing an empty app.
    store: Result<Mutex<Store>, IpcError>,
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
        let store = paths::data_dir_from_env(data_dir_flag)
            .and_then(|dir| {
                log::info!("data folder: {}", dir.display());
                Store::open_in(&dir)
            })
            .map(Mutex::new)
            .map_err(IpcError::from);
        Self {
            store,
            library: load_library(),
            habit_library: load_habit_library(),
            exercises: load_exercises(),
            reminder_wakeup: Default::default(),
            clock: Box::new(SystemClock),
        }
    }

    #[cfg(test)]
    pub fn with_store(store: Store, clock: Box<dyn Clock>) -> Self {
        Self {
            store: Ok(Mutex::new(store)),
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
