//! The client-facing assessment: the window goes full screen while a client answers at the
//! coach's screen, and back when the coach leaves (the UI asks for the passphrase first, when one
//! is set, through `unlock`, which checks it while the data is open).

use tauri::{Runtime, WebviewWindow};

use crate::error::{ErrorCode, IpcError};

/// Full screen on (a client is about to answer) or off (the coach has taken the screen back).
#[tauri::command]
pub async fn set_client_mode<R: Runtime>(
    window: WebviewWindow<R>,
    active: bool,
) -> Result<(), IpcError> {
    window.set_fullscreen(active).map_err(|err| {
        IpcError::new(
            ErrorCode::Internal,
            format!("The window could not change to or from full screen: {err}"),
        )
    })
}
