//! The automatic sync: while the app runs and this computer is in a group, a look every few
//! seconds syncs a little after changes stop, at the latest a minute after the first of them, at
//! start-up and every few minutes; never two syncs at once. What it brings in is announced to the
//! window rather than reloaded under the person's hands.

use std::time::{Duration, Instant};

use leadback_store::Store;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use super::sync_held;
use crate::state::AppState;

/// The first automatic look waits for start-up's own work (the first screen, the check).
const FIRST_LOOK: Duration = Duration::from_secs(5);
/// How often the automatic sync looks for changes to send.
pub(crate) const LOOK_EVERY: Duration = Duration::from_secs(5);
/// How often it syncs with nothing to send, to bring in the other computers' changes.
pub(crate) const SYNC_EVERY: Duration = Duration::from_secs(5 * 60);
/// The longest changes wait while the person keeps writing.
pub(crate) const LONGEST_WAIT: Duration = Duration::from_secs(60);

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
