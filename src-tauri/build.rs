//! Generates Tauri's context and one permission per command we expose, so the capability in
//! src-tauri/capabilities/ has to grant each command by name.

/// Every `#[tauri::command]` registered in `lib.rs`; a command missing here cannot be called.
const COMMANDS: &[&str] = &[
    "get_me",
    "set_my_name",
    "home_ready",
    "set_client_mode",
    "get_questionnaire",
    "get_open_assessment",
    "start_assessment",
    "answer_item",
    "answer_scenario",
    "move_in_assessment",
    "finish_assessment",
    "discard_assessment",
    "get_assessment_result",
    "get_assessment_history",
    "get_habit_library",
    "get_habits",
    "add_library_habit",
    "add_own_habit",
    "update_habit",
    "archive_habit",
    "reorder_habits",
    "check_in",
    "get_habit_detail",
    "set_energy",
    "get_energy",
    "get_stance_rollup",
    "set_reminders",
    "get_reminders",
    "import_loop",
    "get_exercises",
    "get_open_exercise_run",
    "start_exercise",
    "save_reflection",
    "move_in_exercise",
    "finish_exercise",
    "get_journal",
    "add_journal_note",
    "export_journal",
    "get_programmes",
    "preview_programme_file",
    "import_programme_file",
    "save_authored_programme",
    "export_programme",
    "get_programme_progress",
    "set_programme_item_done",
    "export_results",
    "import_results",
    "get_cohort_summary",
    "get_start_at_login",
    "set_start_at_login",
    "get_backups",
    "backup_now",
    "restore_backup",
    "open_backups_folder",
    "export_everything",
    "get_recovery",
    "recover_from_backup",
    "get_lock_state",
    "unlock",
    "lock",
    "set_passphrase",
    "set_idle_lock",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(err) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {err:#}");
    }
}
