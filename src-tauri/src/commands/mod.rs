//! IPC commands, one module per feature. Each command validates its input with the domain's types,
//! calls the store, and maps errors to [`crate::IpcError`].

pub mod assessment;
pub mod profile;

#[cfg(test)]
mod tests;

/// Every command the UI can call. Each also needs its name in `build.rs` and a grant in
/// `capabilities/main.json`.
pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static
{
    tauri::generate_handler![
        profile::get_me,
        profile::set_my_name,
        assessment::get_questionnaire,
        assessment::get_open_assessment,
        assessment::start_assessment,
        assessment::answer_item,
        assessment::answer_scenario,
        assessment::move_in_assessment,
        assessment::finish_assessment,
        assessment::discard_assessment,
        assessment::get_assessment_result,
        assessment::get_assessment_history,
    ]
}
