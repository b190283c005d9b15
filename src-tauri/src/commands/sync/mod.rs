//! Sync with the person's other computers through a folder their own sync tool keeps in step:
//! start a group, join one with its pairing code, sync now, where things stand, leave. While the
//! app runs it also syncs by itself ([`spawn_auto`]): a little after start-up, a little after
//! each change and every few minutes. Never two syncs at once; what went wrong is kept for
//! Settings -> Sync (in the words the use cases wrote for people) and shown nowhere else.

mod auto;

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use leadback_actions::sync::{self, Options, Outcome, Started, Status, Wait};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};
use ts_rs::TS;

use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;

pub use auto::spawn_auto;
#[cfg(test)]
pub(crate) use auto::{LONGEST_WAIT, LOOK_EVERY, SYNC_EVERY, Schedule, auto_step};

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
        let run = opened.enter(&mut *state.store()?, Wait::No)?;
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
        Ok(sync::new_code(
            &*state.store()?,
            state.sync.options,
            Wait::No,
        )?)
    })
    .await
}

/// Renames this computer in its group; returns the name as kept (trimmed).
#[tauri::command]
pub async fn sync_rename(state: State<'_, AppState>, name: String) -> Result<String, IpcError> {
    let _one = state.sync.one_at_a_time();
    let now = state.clock.now();
    Ok(sync::rename(&mut *state.store()?, &name, now, Wait::No)?)
}

/// Takes another computer off the group's list, one that will not sync again; returns its name.
#[tauri::command]
pub async fn sync_forget(state: State<'_, AppState>, computer: String) -> Result<String, IpcError> {
    let _one = state.sync.one_at_a_time();
    Ok(sync::forget(&*state.store()?, &computer, Wait::No)?)
}

/// Stops syncing this computer; its data stays here.
#[tauri::command]
pub async fn sync_leave(state: State<'_, AppState>) -> Result<(), IpcError> {
    let _one = state.sync.one_at_a_time();
    sync::leave(&mut *state.store()?, Wait::No)?;
    state.sync.keep(Vec::new(), None);
    Ok(())
}
