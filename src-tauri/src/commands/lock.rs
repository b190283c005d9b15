//! The passphrase: encrypting the data at rest, unlocking it at start, locking it on request or
//! after idle minutes (the UI keeps the idle timer; the setting lives in the encrypted database).

use leadback_store::{Store, StoreError};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;

/// The setting that holds the idle minutes before the app locks itself.
const IDLE_SETTING: &str = "lock.idle-minutes";
/// The longest idle time that can be chosen (a working day).
const MAX_IDLE_MINUTES: u32 = 480;
/// Longer than any passphrase a person types; refused before any key derivation runs.
const MAX_PASSPHRASE_CHARS: usize = 1_024;

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct LockState {
    /// The data is encrypted with a passphrase.
    pub encrypted: bool,
    /// It waits for that passphrase.
    pub locked: bool,
    /// Lock after this many idle minutes; null when the app never locks itself (or is locked).
    pub idle_minutes: Option<u32>,
}

fn invalid(message: &str) -> IpcError {
    IpcError::new(ErrorCode::InvalidInput, message)
}

fn within_limit(passphrase: &str) -> Result<(), IpcError> {
    if passphrase.chars().count() > MAX_PASSPHRASE_CHARS {
        return Err(IpcError::new(
            ErrorCode::InvalidInput,
            format!("A passphrase can have at most {MAX_PASSPHRASE_CHARS} characters."),
        ));
    }
    Ok(())
}

#[tauri::command]
pub async fn get_lock_state(state: State<'_, AppState>) -> Result<LockState, IpcError> {
    match state.store() {
        Ok(store) => {
            let idle_minutes = match store.is_encrypted() {
                true => store.setting(IDLE_SETTING)?.and_then(|v| v.parse().ok()),
                false => None,
            };
            Ok(LockState {
                encrypted: store.is_encrypted(),
                locked: false,
                idle_minutes,
            })
        }
        Err(err) if err.code == ErrorCode::Locked => Ok(LockState {
            encrypted: true,
            locked: true,
            idle_minutes: None,
        }),
        Err(err) => Err(err),
    }
}

/// Opens the data with its passphrase. A wrong one is refused and nothing is touched.
#[tauri::command]
pub async fn unlock(state: State<'_, AppState>, passphrase: String) -> Result<(), IpcError> {
    within_limit(&passphrase)?;
    match state.open_error() {
        // Already open: the passphrase must still be the right one, so a lock screen shown
        // without a lock behind it cannot be passed with any text.
        None => {
            return match state.store()?.passphrase() {
                Some(key) if key != passphrase => Err(StoreError::WrongPassphrase.into()),
                _ => Ok(()),
            };
        }
        Some(err) if err.code != ErrorCode::Locked => return Err(err),
        Some(_) => {}
    }
    let dir = state
        .data_dir
        .clone()
        .ok_or_else(|| invalid("There is no data folder."))?;
    let store = Store::open_in_with(&dir, Some(&passphrase))?;
    state.set_store(store)?;
    state.reminders_changed();
    Ok(())
}

/// Locks the data now: nothing can be read until the passphrase is given again.
#[tauri::command]
pub async fn lock(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.lock()
}

/// Sets, changes (`current` must be the passphrase in use) or removes (`new` null) the
/// passphrase. Returns how many older backups could not be re-keyed and were left as they were.
#[tauri::command]
pub async fn set_passphrase(
    state: State<'_, AppState>,
    current: Option<String>,
    new: Option<String>,
) -> Result<u32, IpcError> {
    for given in current.iter().chain(new.iter()) {
        within_limit(given)?;
    }
    let mut store = state.store()?;
    match (store.passphrase(), current.as_deref()) {
        (Some(in_use), Some(given)) if in_use == given => {}
        (Some(_), _) => {
            return Err(invalid(
                "The current passphrase is not right. Nothing was changed.",
            ));
        }
        (None, _) if new.is_none() => {
            return Err(invalid("There is no passphrase to remove."));
        }
        (None, _) => {}
    }
    let left = store.set_passphrase(new.as_deref())?;
    Ok(u32::try_from(left.len()).unwrap_or(u32::MAX))
}

/// Lock after this many idle minutes (1–480), or never (null). Only with a passphrase.
#[tauri::command]
pub async fn set_idle_lock(
    state: State<'_, AppState>,
    minutes: Option<u32>,
) -> Result<(), IpcError> {
    let mut store = state.store()?;
    if !store.is_encrypted() {
        return Err(invalid(
            "Set a passphrase first: without one there is nothing to lock.",
        ));
    }
    let value = match minutes {
        Some(m) if (1..=MAX_IDLE_MINUTES).contains(&m) => m.to_string(),
        Some(_) => {
            return Err(IpcError::new(
                ErrorCode::InvalidInput,
                format!("Choose between 1 and {MAX_IDLE_MINUTES} minutes."),
            ));
        }
        None => "never".to_owned(),
    };
    Ok(store.set_setting(IDLE_SETTING, &value)?)
}
