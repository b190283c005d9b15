//! What every command shares: the open store (or why it could not be opened) and the clock.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use leadback_core::assessment::InstrumentLibrary;
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::{HabitLibrary, builtin_library};
use leadback_core::{Clock, SystemClock};
use leadback_store::{Store, paths};

use crate::error::{ErrorCode, IpcError};

/// The database, open, or closed with the reason: a damaged or newer file (until it is
/// recovered), or a passphrase not yet given (until it is unlocked).
enum Slot {
    Open(Box<Store>),
    Closed(IpcError),
}

/// The open store, held for one command; only made while the slot is open.
pub struct StoreGuard<'a>(MutexGuard<'a, Slot>);

impl Deref for StoreGuard<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        match &*self.0 {
            Slot::Open(store) => store,
            Slot::Closed(_) => unreachable!("a StoreGuard is only made for an open store"),
        }
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match &mut *self.0 {
            Slot::Open(store) => store,
            Slot::Closed(_) => unreachable!("a StoreGuard is only made for an open store"),
        }
    }
}

pub struct AppState {
    store: Mutex<Slot>,
    /// The data folder, when one could be found.
    pub data_dir: Option<PathBuf>,
    /// The instruments, validated at start-up; a broken built-in file is reported like the store.
    library: Result<InstrumentLibrary, IpcError>,
    habit_library: Result<HabitLibrary, IpcError>,
    exercises: Result<ExerciseLibrary, IpcError>,
    /// Wakes the reminder scheduler when reminders or habits change.
    pub reminder_wakeup: std::sync::Arc<tokio::sync::Notify>,
    /// Told when the home screen first has its data; the day's backup waits for it.
    pub first_screen: tokio::sync::Notify,
    pub clock: Box<dyn Clock>,
    /// Whether `clock` is a test's (debug builds only: see `test_clock.rs`), which may jump at any
    /// moment.
    pub test_clock: bool,
    /// Sync's one-at-a-time lock and the last sync's problems.
    pub sync: crate::commands::sync::Runner,
}

/// What commands answer while the data waits for its passphrase.
pub fn locked() -> IpcError {
    IpcError::new(
        ErrorCode::Locked,
        "Your data is locked. Enter your passphrase to open it.",
    )
}

impl AppState {
    pub fn open(data_dir_flag: Option<&Path>) -> Self {
        let data_dir = paths::data_dir_from_env(data_dir_flag).map_err(IpcError::from);
        let opened = data_dir.clone().and_then(|dir| {
            log::info!("data folder: {}", dir.display());
            // The whole-file check runs beside the first screen (see `lib.rs`).
            Store::open_in_deferring_check(&dir, None).map_err(IpcError::from)
        });
        let slot = match opened {
            Ok(opened) => Slot::Open(Box::new(opened)),
            Err(err) if err.code == ErrorCode::Locked => Slot::Closed(locked()),
            Err(err) => {
                log::error!("could not open the database: {}", err.message);
                Slot::Closed(err)
            }
        };
        let (clock, test_clock) = clock();
        Self {
            test_clock,
            ..Self::with_slot(slot, data_dir.ok(), clock)
        }
    }

    fn with_slot(slot: Slot, data_dir: Option<PathBuf>, clock: Box<dyn Clock>) -> Self {
        Self {
            store: Mutex::new(slot),
            data_dir,
            library: load_library(),
            habit_library: load_habit_library(),
            exercises: load_exercises(),
            reminder_wakeup: Default::default(),
            first_screen: Default::default(),
            clock,
            test_clock: false,
            sync: Default::default(),
        }
    }

    #[cfg(test)]
    pub fn with_store(store: Store, clock: Box<dyn Clock>) -> Self {
        let data_dir = store.path().and_then(Path::parent).map(Path::to_path_buf);
        Self::with_slot(Slot::Open(Box::new(store)), data_dir, clock)
    }

    #[cfg(test)]
    pub fn with_data_dir(data_dir: &Path, clock: Box<dyn Clock>) -> Self {
        let mut state = Self::open(Some(data_dir));
        state.clock = clock;
        state
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

    fn slot(&self) -> Result<MutexGuard<'_, Slot>, IpcError> {
        self.store.lock().map_err(|_| {
            IpcError::new(
                ErrorCode::Internal,
                "An earlier operation failed midway; please restart Leadback.",
            )
        })
    }

    /// Why the database is closed (damaged, newer, locked), while it is; none when it is open.
    pub fn open_error(&self) -> Option<IpcError> {
        match &*self.slot().ok()? {
            Slot::Open(_) => None,
            Slot::Closed(err) => Some(err.clone()),
        }
    }

    /// Puts a store opened after start-up (recovered from a backup, or unlocked) in place.
    pub fn set_store(&self, store: Store) -> Result<(), IpcError> {
        let mut slot = self.slot()?;
        if matches!(*slot, Slot::Open(_)) {
            return Err(IpcError::new(
                ErrorCode::Internal,
                "The database is already open.",
            ));
        }
        *slot = Slot::Open(Box::new(store));
        Ok(())
    }

    /// Closes an encrypted database until its passphrase is given again. A database without a
    /// passphrase cannot be locked.
    pub fn lock(&self) -> Result<(), IpcError> {
        let mut slot = self.slot()?;
        match &*slot {
            Slot::Open(store) if store.is_encrypted() => {
                *slot = Slot::Closed(locked());
                Ok(())
            }
            Slot::Open(_) => Err(IpcError::new(
                ErrorCode::InvalidInput,
                "Set a passphrase first: without one there is nothing to lock.",
            )),
            Slot::Closed(_) => Ok(()),
        }
    }

    /// The open database's file and passphrase, for work on connections of its own (the start-up
    /// check, the day's backup) that must not hold the store while they read the whole file.
    pub fn database_file(&self) -> Option<(PathBuf, Option<String>)> {
        let store = self.store().ok()?;
        let key = store.passphrase().map(str::to_owned);
        store.path().map(|path| (path.to_owned(), key))
    }

    /// Runs the start-up `quick_check` the store was opened without (through a connection of its
    /// own, so commands carry on meanwhile). A damaged file closes the store: from then on every
    /// command reports the damage and the UI offers the newest good backup. False when it did.
    pub fn finish_startup_check(&self) -> bool {
        let pending = self.store().is_ok_and(|s| s.check_pending());
        let Some((database, key)) = self.database_file().filter(|_| pending) else {
            return true;
        };
        match leadback_store::quick_check_file(&database, key.as_deref()) {
            Ok(()) => {
                log::info!("start-up check: ok");
                true
            }
            Err(err) => {
                log::error!("the start-up check failed: {err}");
                if let Ok(mut slot) = self.slot() {
                    *slot = Slot::Closed(err.into());
                }
                false
            }
        }
    }

    /// Whether no one holds the database now (tests of work that must let go of it).
    #[cfg(test)]
    pub(crate) fn store_is_free(&self) -> bool {
        self.store.try_lock().is_ok()
    }

    pub fn store(&self) -> Result<StoreGuard<'_>, IpcError> {
        let slot = self.slot()?;
        match &*slot {
            Slot::Open(_) => Ok(StoreGuard(slot)),
            Slot::Closed(err) => Err(err.clone()),
        }
    }
}

/// The system clock, or a test's when a debug build was started with one (see `test_clock.rs`).
fn clock() -> (Box<dyn Clock>, bool) {
    #[cfg(debug_assertions)]
    if let Some(clock) = crate::test_clock::from_env() {
        return (Box::new(clock), true);
    }
    (Box::new(SystemClock), false)
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
