//! The "me" profile: who is using the app.

use leadback_core::{Person, PersonName};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// The person using the app, or `null` before onboarding.
#[tauri::command]
pub async fn get_me(state: State<'_, AppState>) -> Result<Option<Person>, IpcError> {
    get_me_impl(&state)
}

/// Sets (or changes) the name of the person using the app.
#[tauri::command]
pub async fn set_my_name(state: State<'_, AppState>, name: String) -> Result<Person, IpcError> {
    set_my_name_impl(&state, &name)
}

fn get_me_impl(state: &AppState) -> Result<Option<Person>, IpcError> {
    Ok(state.store()?.me()?)
}

fn set_my_name_impl(state: &AppState, name: &str) -> Result<Person, IpcError> {
    let name = PersonName::parse(name)?;
    Ok(leadback_actions::people::set_my_name(
        &mut *state.store()?,
        &*state.clock,
        &name,
    )?)
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use leadback_core::FixedClock;
    use leadback_store::Store;

    use super::*;
    use crate::ErrorCode;

    fn state() -> AppState {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 8, 0, 0).unwrap();
        AppState::with_store(
            Store::open_in_memory().unwrap(),
            Box::new(FixedClock::new(now)),
        )
    }

    #[test]
    fn onboarding_saves_the_trimmed_name() {
        let state = state();
        assert_eq!(get_me_impl(&state).unwrap(), None);
        let me = set_my_name_impl(&state, "  Ada  ").unwrap();
        assert_eq!(me.name, "Ada");
        assert_eq!(
            get_me_impl(&state).unwrap().map(|p| p.name),
            Some("Ada".into())
        );
    }

    #[test]
    fn bad_names_get_invalid_input_and_write_nothing() {
        let state = state();
        for bad in ["", "   ", &"n".repeat(10_000), "two\nlines"] {
            let err = set_my_name_impl(&state, bad).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidInput, "{bad:?}");
        }
        assert_eq!(get_me_impl(&state).unwrap(), None);
    }
}
