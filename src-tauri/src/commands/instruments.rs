//! Instruments: the built-in one and a coach's own (imported from a file after a preview), which
//! one new assessments use, and each one's internal consistency over this database.

use leadback_actions::instruments::{self as actions, Libraries};
use leadback_core::assessment::{
    InstrumentConsistency, InstrumentLibrary, InstrumentPreview, InstrumentSummary,
    instrument_consistency, summary,
};
use leadback_store::Store;
use tauri::State;

use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;

/// Longer than any id the parser accepts is refused before it is looked up (or echoed back).
const MAX_ID_CHARS: usize = 100;

/// The library as this database sees it: the built-in instrument, every imported one, and the
/// one chosen for new assessments. Every command that finds an assessment's instrument uses it.
pub(crate) fn library(state: &AppState, store: &Store) -> Result<InstrumentLibrary, IpcError> {
    let (library, warnings) = store.instrument_library(state.library()?.clone())?;
    for warning in warnings {
        log::warn!("instruments: {warning}");
    }
    Ok(library)
}

fn invalid(err: impl std::fmt::Display) -> IpcError {
    IpcError::new(ErrorCode::InvalidInput, err.to_string())
}

/// The libraries an instrument file is checked against.
fn libraries<'a>(
    state: &'a AppState,
    instruments: &'a InstrumentLibrary,
) -> Result<Libraries<'a>, IpcError> {
    Ok(Libraries {
        instruments,
        habits: state.habit_library()?,
        exercises: state.exercises()?,
    })
}

/// Every instrument, the built-in one first, with the one new assessments use marked.
#[tauri::command]
pub async fn list_instruments(
    state: State<'_, AppState>,
) -> Result<Vec<InstrumentSummary>, IpcError> {
    Ok(library(&state, &*state.store()?)?.summaries())
}

/// Reads and checks an instrument file and shows what it holds; nothing is saved.
#[tauri::command]
pub async fn preview_instrument(
    state: State<'_, AppState>,
    path: std::path::PathBuf,
) -> Result<InstrumentPreview, IpcError> {
    let store = state.store()?;
    let instruments = library(&state, &store)?;
    let checked = actions::check_file(&store, libraries(&state, &instruments)?, &path)?;
    Ok(InstrumentPreview {
        instrument: summary(&checked.instrument, false, None),
        already_imported: !checked.new,
    })
}

/// Imports an instrument file after its preview (a backup is taken first). The same file again
/// changes nothing; a changed file under the same id and version is refused.
#[tauri::command]
pub async fn import_instrument(
    state: State<'_, AppState>,
    path: std::path::PathBuf,
) -> Result<InstrumentSummary, IpcError> {
    let mut store = state.store()?;
    let instruments = library(&state, &store)?;
    let checked = actions::import_file(
        &mut store,
        &*state.clock,
        libraries(&state, &instruments)?,
        &path,
    )?;
    let (instrument, version) = (&checked.instrument, i64::from(checked.instrument.version()));
    library(&state, &store)?
        .summaries()
        .into_iter()
        .find(|s| s.id == instrument.id() && i64::from(s.version) == version)
        .ok_or_else(|| IpcError::new(ErrorCode::Internal, "The imported instrument is missing."))
}

/// Makes an instrument the one new assessments are taken on (an unfinished assessment keeps its
/// own). Returns the list with the choice marked.
#[tauri::command]
pub async fn choose_instrument(
    state: State<'_, AppState>,
    instrument_id: String,
    version: i64,
) -> Result<Vec<InstrumentSummary>, IpcError> {
    check_id(&instrument_id)?;
    let mut store = state.store()?;
    let mut library = library(&state, &store)?;
    library.choose(&instrument_id, version).map_err(|_| {
        IpcError::new(
            ErrorCode::NotFound,
            format!("There is no instrument {instrument_id:?} version {version} to choose."),
        )
    })?;
    store.choose_instrument(&instrument_id, version)?;
    Ok(library.summaries())
}

/// Cronbach's alpha per stance for one instrument version, over every finished assessment taken
/// on it in this database (everyone's), with how many are still needed.
#[tauri::command]
pub async fn get_instrument_consistency(
    state: State<'_, AppState>,
    instrument_id: String,
    version: i64,
) -> Result<InstrumentConsistency, IpcError> {
    check_id(&instrument_id)?;
    let store = state.store()?;
    let library = library(&state, &store)?;
    let instrument = library.find(&instrument_id, version).map_err(|_| {
        IpcError::new(
            ErrorCode::NotFound,
            format!("There is no instrument {instrument_id:?} version {version}."),
        )
    })?;
    let sheets = store.completed_sheets(instrument.id(), version)?;
    Ok(instrument_consistency(instrument, &sheets))
}

fn check_id(id: &str) -> Result<(), IpcError> {
    if id.chars().count() > MAX_ID_CHARS {
        return Err(invalid(format!(
            "An instrument id has at most {MAX_ID_CHARS} characters."
        )));
    }
    Ok(())
}
