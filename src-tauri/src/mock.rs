//! The app on Tauri's mock runtime: its real command handler, configuration and capability, and no
//! window. Command tests, and the command benchmarks (behind the `bench` feature), call commands
//! through it the way the web view does, so argument decoding, permissions and the JSON the UI
//! receives are part of what they check and measure.

use serde_json::Value;
use tauri::Manager;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;

use crate::state::AppState;

pub struct MockApp {
    /// Owns the runtime the webview lives in (kept alive, read only by tests).
    _app: tauri::App<MockRuntime>,
    webview: tauri::WebviewWindow<MockRuntime>,
}

impl std::fmt::Debug for MockApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockApp").finish_non_exhaustive()
    }
}

impl MockApp {
    pub(crate) fn new(state: AppState) -> tauri::Result<Self> {
        let app = mock_builder()
            .manage(state)
            .invoke_handler(crate::commands::handler())
            .build(tauri::generate_context!())?;
        let webview = match app.get_webview_window("main") {
            Some(webview) => webview,
            None => tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build()?,
        };
        Ok(Self { _app: app, webview })
    }

    /// The app's shared state, as the commands see it.
    #[cfg(test)]
    pub(crate) fn state(&self) -> tauri::State<'_, AppState> {
        self._app.state::<AppState>()
    }

    /// Calls a command; `Ok` with its JSON result or `Err` with the JSON (or text) it was refused
    /// with.
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let url = self
            .webview
            .url()
            .map_err(|err| Value::String(err.to_string()))?;
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // The app's own origin: the capability grants our commands to local content only.
            url,
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.webview, request).and_then(|body| {
            body.deserialize::<Value>()
                .map_err(|err| Value::String(err.to_string()))
        })
    }
}

/// The app on its mock runtime over the data folder `data_dir`, with the clock fixed at `now`:
/// what the command benchmarks (`benches/commands.rs`) call commands through.
#[cfg(feature = "bench")]
pub fn open(
    data_dir: &std::path::Path,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<MockApp, String> {
    let mut state = AppState::open(Some(data_dir));
    state.clock = Box::new(leadback_core::FixedClock::new(now));
    MockApp::new(state).map_err(|err| err.to_string())
}
