//! Sync with the person's other computers through a folder their own sync tool keeps in step:
//! start a group, join one with its pairing code, sync now, where things stand, leave. While the
//! app runs it also syncs by itself ([`spawn_auto`]): a little after start-up, a little after
//! each change and every few minutes. Never two syncs at once; what went wrong is kept for
//! Settings -> Sync (in the words the use cases wrote for people) and shown nowhere else.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use leadback_actions::sync::{self, Options, Outcome, Started, Status};
use leadback_store::Store;
use serde::Serialize;
use tauri::Emitter;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};
use ts_rs::TS;

use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;

/// The first automatic look waits for start-up's own work (the first screen, the check).
const FIRST_LOOK: Duration = Duration::from_secs(5);
/// How often the automatic sync looks for changes to send.
pub(crate) const LOOK_EVERY: Duration = Duration::from_secs(5);
/// How often it syncs with nothing to send, to bring in the other computers' changes.
pub(crate) const SYNC_EVERY: Duration = Duration::from_secs(5 * 60);
/// The longest changes wait while the person keeps writing.
pub(crate) const LONGEST_WAIT: Duration = Duration::from_secs(60);

/// How far a sync has come: files applied of those to apply.
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[ts(export, rename = "SyncProgress")]
pub struct Progress {
    #[ts(type = "number")]
    pub done: usize,
    #[ts(type = "number")]
    pub total: usize,
}

/// Something the last sync could not do: a file it did not apply, or the whole sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "SyncProblem")]
pub struct Problem {
    /// The file in the sync folder, when the problem is one file's.
    pub file: Option<String>,
    pub message: String,
}

/// Settings -> Sync: where sync stands, and what went wrong the last time it ran.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, rename = "SyncView")]
pub struct View {
    pub status: Status,
    pub problems: Vec<Problem>,
    /// When this computer last tried to sync (RFC 3339), whether or not it worked.
    pub tried_at: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Last {
    problems: Vec<Problem>,
    tried_at: Option<String>,
}

/// What every sync shares: the one-at-a-time lock and the last sync's problems.
#[derive(Debug)]
pub struct Runner {
    running: Mutex<()>,
    last: Mutex<Last>,
    options: Options,
}

impl Default for Runner {
    fn default() -> Self {
        Self::new(Options::default())
    }
}

impl Runner {
    pub fn new(options: Options) -> Self {
        Self {
            running: Mutex::new(()),
            last: Mutex::new(Last::default()),
            options,
        }
    }

    /// Waits for a sync already running, then holds off every other until dropped.
    fn one_at_a_time(&self) -> MutexGuard<'_, ()> {
        // The lock guards no data: one that panicked midway leaves nothing half-done here.
        self.running
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn last(&self) -> MutexGuard<'_, Last> {
        self.last
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn keep(&self, problems: Vec<Problem>, tried_at: Option<String>) {
        *self.last() = Last { problems, tried_at };
    }
}

/// A folder typed or picked: it must be a full path (a relative one would depend on where the
/// app happened to start).
fn full_path(folder: PathBuf) -> Result<PathBuf, IpcError> {
    if folder.is_absolute() {
        Ok(folder)
    } else {
        Err(IpcError::new(
            ErrorCode::InvalidInput,
            "Give the folder's full path (for example /home/you/Sync/Leadback), or choose it with “Choose…”.",
        ))
    }
}

/// Runs `work` away from the window's thread: pairing stretches the code and a first sync may
/// apply years of records.
async fn blocking<R: Runtime, T: Send + 'static>(
    app: AppHandle<R>,
    work: impl FnOnce(&AppState) -> Result<T, IpcError> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(move || work(&app.state::<AppState>()))
        .await
        .map_err(|err| {
            IpcError::new(
                ErrorCode::Internal,
                format!("The sync stopped unexpectedly: {err}"),
            )
        })?
}

/// Tells the caller's progress bar, once per change.
fn reporter(channel: Channel<Progress>) -> impl FnMut(usize, usize) {
    let mut last = None;
    move |done, total| {
        if last != Some((done, total)) {
            last = Some((done, total));
            // A window closed meanwhile has no bar to move; the sync goes on.
            let _ = channel.send(Progress { done, total });
        }
    }
}

/// Keeps what a sync (or a join, which ends with one) left undone, and wakes the reminders when
/// the other computers' changes came in.
fn finish(state: &AppState, result: Result<Outcome, IpcError>) -> Result<Outcome, IpcError> {
    let problems = match &result {
        Ok(outcome) => outcome
            .refused
            .iter()
            .map(|refused| Problem {
                file: Some(refused.file.clone()),
                message: refused.reason.clone(),
            })
            .collect(),
        Err(err) => vec![Problem {
            file: None,
            message: err.message.clone(),
        }],
    };
    state
        .sync
        .keep(problems, Some(state.clock.now().to_rfc3339()));
    if result
        .as_ref()
        .is_ok_and(|outcome| !outcome.applied.is_empty())
    {
        state.reminders_changed();
    }
    result
}

/// The rest of a sync begun with `run`: the database is held only while a file is applied, so
/// the window's other calls (a screen loading, a check-in) go on between files of a long first
/// sync. Progress is told with the database let go.
pub(crate) fn run_steps(
    state: &AppState,
    mut run: sync::Run,
    on_progress: &mut dyn FnMut(usize, usize),
) -> Result<Outcome, IpcError> {
    while let Some(ready) = run.next_ready() {
        run.apply(&mut *state.store()?, ready, &mut |_, _| {})?;
        let (done, total) = run.progress();
        on_progress(done, total);
    }
    let now = state.clock.now();
    Ok(run.finish(&mut *state.store()?, state.sync.options, now)?)
}

/// One sync, by the caller already holding the one-at-a-time lock.
fn sync_held(
    state: &AppState,
    on_progress: &mut dyn FnMut(usize, usize),
) -> Result<Outcome, IpcError> {
    // A locked or damaged database is not a sync problem: the app says so everywhere already.
    let begun = sync::Run::begin(&mut *state.store()?);
    let result = begun
        .map_err(IpcError::from)
        .and_then(|run| run_steps(state, run, on_progress));
    finish(state, result)
}

/// Where sync stands, and what went wrong the last time.
#[tauri::command]
pub async fn sync_status(state: State<'_, AppState>) -> Result<View, IpcError> {
    let status = sync::status(&*state.store()?)?;
    let last = if status.in_group {
        state.sync.last().clone()
    } else {
        Last::default()
    };
    Ok(View {
        status,
        problems: last.problems,
        tried_at: last.tried_at,
    })
}

/// Starts a group in `folder` with this computer as its first device; returns the pairing code.
#[tauri::command]
pub async fn sync_start<R: Runtime>(
    app: AppHandle<R>,
    folder: PathBuf,
) -> Result<Started, IpcError> {
    let folder = full_path(folder)?;
    blocking(app, move |state| {
        let _one = state.sync.one_at_a_time();
        let now = state.clock.now();
        let started = sync::start(
            &mut *state.store()?,
            &folder,
            &sync::this_computer_name(),
            state.sync.options,
            now,
        )?;
        state.sync.keep(Vec::new(), Some(now.to_rfc3339()));
        Ok(started)
    })
    .await
}

/// Joins the group in `folder` with a pairing code (dashes and case as typed), then brings in the
/// group's records, telling `on_progress` how far it has come.
#[tauri::command]
pub async fn sync_join<R: Runtime>(
    app: AppHandle<R>,
    folder: PathBuf,
    code: String,
    on_progress: Channel<Progress>,
) -> Result<Outcome, IpcError> {
    let folder = full_path(folder)?;
    blocking(app, move |state| {
        let _one = state.sync.one_at_a_time();
        let mut progress = reporter(on_progress);
        let request = sync::JoinRequest::check(
            &*state.store()?,
            &folder,
            &code,
            &sync::this_computer_name(),
        )?;
        // Trying the code takes about a second, on purpose: the database stays free meanwhile.
        // A join refused (a wrong code, no group there) leaves this computer out of any group:
        // the person sees why where they typed, not as a problem of a sync.
        let opened = request.open()?;
        let run = opened.enter(&mut *state.store()?)?;
        finish(state, run_steps(state, run, &mut progress))
    })
    .await
}

/// Writes this computer's changes to the folder and applies the others'.
#[tauri::command]
pub async fn sync_now<R: Runtime>(
    app: AppHandle<R>,
    on_progress: Channel<Progress>,
) -> Result<Outcome, IpcError> {
    blocking(app, move |state| {
        let _one = state.sync.one_at_a_time();
        sync_held(state, &mut reporter(on_progress))
    })
    .await
}

/// A new pairing code for this computer's group, for when the first is lost (the old one stops
/// working).
#[tauri::command]
pub async fn sync_new_code<R: Runtime>(app: AppHandle<R>) -> Result<Started, IpcError> {
    blocking(app, move |state| {
        let _one = state.sync.one_at_a_time();
        Ok(sync::new_code(&*state.store()?, state.sync.options)?)
    })
    .await
}

/// Renames this computer in its group; returns the name as kept (trimmed).
#[tauri::command]
pub async fn sync_rename(state: State<'_, AppState>, name: String) -> Result<String, IpcError> {
    let _one = state.sync.one_at_a_time();
    let now = state.clock.now();
    Ok(sync::rename(&mut *state.store()?, &name, now)?)
}

/// Stops syncing this computer; its data stays here.
#[tauri::command]
pub async fn sync_leave(state: State<'_, AppState>) -> Result<(), IpcError> {
    let _one = state.sync.one_at_a_time();
    sync::leave(&mut *state.store()?)?;
    state.sync.keep(Vec::new(), None);
    Ok(())
}

/// When the automatic sync runs: a look every [`LOOK_EVERY`] says how many changes wait.
#[derive(Debug, Default)]
pub(crate) struct Schedule {
    last_sync: Option<Instant>,
    /// Changes waiting at the last look.
    seen: usize,
    /// Since when changes have waited (not counting those a failed sync left).
    waiting_since: Option<Instant>,
    /// Changes the last sync left waiting (it failed): only new ones bring the next one forward.
    left: usize,
}

impl Schedule {
    /// Whether to sync at `now` with `unsent` changes waiting: the first look after start-up,
    /// every [`SYNC_EVERY`], once new changes have been quiet for a look (the person stopped
    /// writing), and at the latest [`LONGEST_WAIT`] after the first of them.
    pub(crate) fn due(&mut self, now: Instant, unsent: usize) -> bool {
        let new = unsent > 0 && unsent != self.left;
        let periodic = self
            .last_sync
            .is_none_or(|last| now.duration_since(last) >= SYNC_EVERY);
        let quiet = new && unsent == self.seen;
        let waited = new
            && self
                .waiting_since
                .is_some_and(|since| now.duration_since(since) >= LONGEST_WAIT);
        if !new {
            self.waiting_since = None;
        } else if self.waiting_since.is_none() {
            self.waiting_since = Some(now);
        }
        self.seen = unsent;
        periodic || quiet || waited
    }

    /// A sync ran at `now` and left `left` changes unsent.
    pub(crate) fn synced(&mut self, now: Instant, left: usize) {
        self.last_sync = Some(now);
        self.seen = left;
        self.left = left;
        self.waiting_since = None;
    }
}

/// Changes waiting to be sent; none while this computer is in no group (or the data is locked).
fn unsent(store: &Store) -> Option<usize> {
    store.sync_device().ok()??;
    store.sync_outbox().ok().map(|outbox| outbox.len())
}

/// One look of the automatic sync at `now`: syncs when it is due. A sync already running (one
/// asked for in Settings) makes it wait for the next look.
/// Returns how many of the other computers' files it applied (0 when it did not sync).
pub(crate) fn auto_step(state: &AppState, schedule: &mut Schedule, now: Instant) -> usize {
    let Ok(_one) = state.sync.running.try_lock() else {
        return 0;
    };
    let Some(waiting) = state.store().ok().and_then(|store| unsent(&store)) else {
        return 0;
    };
    if !schedule.due(now, waiting) {
        return 0;
    }
    let applied = match sync_held(state, &mut |_, _| {}) {
        Ok(outcome) => outcome.applied.len(),
        Err(err) => {
            log::warn!("automatic sync: {}", err.message);
            0
        }
    };
    let left = state.store().ok().and_then(|store| unsent(&store));
    schedule.synced(now, left.unwrap_or(waiting));
    applied
}

/// The event telling the window that an automatic sync brought in the other computers' changes
/// (its payload: how many files): the open screen offers to show them rather than reloading
/// under the person's hands.
pub const ARRIVED_EVENT: &str = "sync-arrived";

/// Syncs by itself while the app runs and this computer is in a group.
pub fn spawn_auto<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let start = tokio::time::Instant::now() + FIRST_LOOK;
        let mut looks = tokio::time::interval_at(start, LOOK_EVERY);
        looks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut schedule = Schedule::default();
        loop {
            looks.tick().await;
            let handle = app.clone();
            let looked = tauri::async_runtime::spawn_blocking(move || {
                let applied = auto_step(&handle.state::<AppState>(), &mut schedule, Instant::now());
                (schedule, applied)
            })
            .await;
            let (next, applied) = looked.unwrap_or_default();
            schedule = next;
            if applied > 0 {
                // No window (closed to the tray) has no screen to refresh.
                let _ = app.emit(ARRIVED_EVENT, applied);
            }
        }
    });
}
