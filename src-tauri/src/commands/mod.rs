//! IPC commands, one module per feature. Each command validates its input with the domain's types,
//! calls the store, and maps errors to [`crate::IpcError`].

pub mod assessment;
pub mod client_mode;
pub mod data;
pub mod exercises;
pub mod habits;
pub mod instruments;
pub mod lock;
pub mod observers;
pub mod people;
pub mod profile;
pub mod programmes;
pub mod report;
pub mod sessions;
pub mod settings;
pub mod startup;
pub mod sync;

use leadback_store::{Store, StoreError};

use crate::error::{ErrorCode, IpcError};

#[cfg(test)]
mod tests;

/// Every command the UI can call. Each also needs its name in `build.rs` and a grant in
/// `capabilities/main.json`.
pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static
{
    tauri::generate_handler![
        profile::get_me,
        profile::set_my_name,
        startup::home_ready,
        client_mode::set_client_mode,
        people::list_people,
        people::get_acting_person,
        people::switch_person,
        people::add_client,
        people::update_client,
        people::record_consent,
        people::withdraw_consent,
        people::get_client_overview,
        people::add_session,
        people::update_session,
        people::save_session_notes,
        people::delete_session,
        people::assign_homework,
        people::erase_preview,
        people::erase_person,
        people::export_person_json,
        people::export_results_csv,
        report::export_report,
        observers::get_observer_view,
        observers::add_observer_request,
        observers::get_observer_form,
        observers::submit_observer_answers,
        observers::export_observer_form,
        observers::import_observer_answers,
        observers::withdraw_observer_request,
        sessions::list_sessions,
        sessions::get_client_timeline,
        sessions::list_session_items,
        sessions::add_session_item,
        sessions::remove_session_item,
        sessions::set_homework_due,
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
        assessment::get_consistency,
        instruments::list_instruments,
        instruments::preview_instrument,
        instruments::import_instrument,
        instruments::choose_instrument,
        instruments::get_instrument_consistency,
        habits::get_habit_library,
        habits::get_habits,
        habits::add_library_habit,
        habits::add_own_habit,
        habits::update_habit,
        habits::archive_habit,
        habits::reorder_habits,
        habits::check_in,
        habits::enter_amount,
        habits::get_habit_detail,
        habits::set_energy,
        habits::get_energy,
        habits::get_stance_rollup,
        habits::set_reminders,
        habits::get_reminders,
        habits::import_loop,
        exercises::get_exercises,
        exercises::get_open_exercise_run,
        exercises::start_exercise,
        exercises::save_reflection,
        exercises::move_in_exercise,
        exercises::finish_exercise,
        exercises::get_journal,
        exercises::add_journal_note,
        exercises::export_journal,
        programmes::get_programmes,
        programmes::preview_programme_file,
        programmes::import_programme_file,
        programmes::save_authored_programme,
        programmes::programme_deletion_preview,
        programmes::delete_programme,
        programmes::export_programme,
        programmes::get_programme_progress,
        programmes::set_programme_item_done,
        programmes::export_results,
        programmes::import_results,
        programmes::get_cohort_summary,
        settings::get_start_at_login,
        settings::set_start_at_login,
        data::get_backups,
        data::backup_now,
        data::restore_backup,
        data::open_backups_folder,
        data::export_everything,
        data::get_recovery,
        data::recover_from_backup,
        lock::get_lock_state,
        lock::unlock,
        lock::lock,
        lock::set_passphrase,
        lock::set_idle_lock,
        sync::sync_status,
        sync::sync_start,
        sync::sync_join,
        sync::sync_now,
        sync::sync_new_code,
        sync::sync_rename,
        sync::sync_forget,
        sync::sync_leave,
    ]
}

/// The id of the person the app acts for ("me", or the client a coach switched to); every "my …"
/// command acts for them.
pub(crate) fn my_id(store: &Store) -> Result<i64, IpcError> {
    store
        .acting_person()?
        .map(|person| person.id)
        .ok_or_else(|| {
            IpcError::new(
                ErrorCode::NotFound,
                "Set your name first: there is no profile to keep this under.",
            )
        })
}

/// Refuses a record that belongs to someone else (a coach's client) as if it did not exist.
pub(crate) fn ensure_mine(
    store: &Store,
    owner: i64,
    what: &'static str,
    id: i64,
) -> Result<(), IpcError> {
    if owner == my_id(store)? {
        Ok(())
    } else {
        Err(StoreError::NotFound { what, id }.into())
    }
}
