//! Bad calls about people, their names and sessions, and erasing a client.

use super::*;

#[test]
fn people_sessions_and_erasing() {
    let w = World::new();
    let me = w.app.ok("get_me", json!({}))["id"].clone();
    let client = |name: Value| json!({ "name": name, "contact": null, "tags": [] });
    let consent = |day: &str, terms: Value| json!({ "agreed_on": day, "terms": terms });
    let ok_consent = consent("2026-11-01", json!("Notes kept here."));
    let session = |at: &str, agenda: Value| json!({ "starts_at": at, "agenda": agenda });
    w.refuse_all(&[
        ("add_client", json!({ "client": client(json!("")), "consent": ok_consent }), "invalid_input"),
        ("add_client", json!({ "client": client(json!(long(MEGABYTE))), "consent": ok_consent }), "invalid_input"),
        ("add_client", json!({ "client": { "name": "Bo", "contact": "a\u{7}b", "tags": [] }, "consent": ok_consent }), "invalid_input"),
        ("add_client", json!({ "client": { "name": "Bo", "contact": null, "tags": [long(41)] }, "consent": ok_consent }), "invalid_input"),
        ("add_client", json!({ "client": client(json!("Bo")), "consent": consent("2026-11-23", json!("Later.")) }), "invalid_input"),
        ("add_client", json!({ "client": client(json!("Bo")), "consent": consent("2026-11-01", json!("  ")) }), "invalid_input"),
        ("add_client", json!({ "client": client(json!("Bo")), "consent": consent("2026-11-01", json!(long(MEGABYTE))) }), "invalid_input"),
        ("update_client", json!({ "personId": 9999, "client": client(json!("Bo")) }), "not_found"),
        ("update_client", json!({ "personId": me, "client": client(json!("Bo")) }), "not_found"),
        ("update_client", json!({ "personId": w.client, "client": client(json!("")) }), "invalid_input"),
        ("record_consent", json!({ "personId": me, "consent": ok_consent }), "not_found"),
        ("record_consent", json!({ "personId": w.client, "consent": consent("9999-01-01", json!("x")) }), "invalid_input"),
        ("withdraw_consent", json!({ "personId": w.client }), "not_found"),
        ("withdraw_consent", json!({ "personId": 9999 }), "not_found"),
        ("switch_person", json!({ "personId": 9999 }), "not_found"),
        ("get_client_overview", json!({ "personId": 9999 }), "not_found"),
        ("add_session", json!({ "personId": 9999, "session": session("2026-11-22T09:00:00", json!("")) }), "not_found"),
        ("add_session", json!({ "personId": me, "session": session("2026-11-22T09:00:00", json!("")) }), "not_found"),
        ("add_session", json!({ "personId": w.client, "session": session("2026-11-22T09:00:00", json!(long(MEGABYTE))) }), "invalid_input"),
        ("update_session", json!({ "sessionId": 9999, "session": session("2026-11-22T09:00:00", json!("")) }), "not_found"),
        ("save_session_notes", json!({ "sessionId": 9999, "notes": "x" }), "not_found"),
        ("save_session_notes", json!({ "sessionId": w.client_session, "notes": long(2_000_001) }), "invalid_input"),
        ("delete_session", json!({ "sessionId": 9999 }), "not_found"),
        ("assign_homework", json!({ "sessionId": 9999, "homework": { "kind": "exercise", "exercise_id": "listen-first" } }), "not_found"),
        ("assign_homework", json!({ "sessionId": w.client_session, "homework": { "kind": "exercise", "exercise_id": "no-such" } }), "not_found"),
        ("assign_homework", json!({ "sessionId": w.client_session, "homework": { "kind": "habit", "library_id": long(MEGABYTE) } }), "not_found"),
        ("erase_preview", json!({ "personId": me }), "not_found"),
        ("erase_person", json!({ "personId": me, "confirmName": "Ada" }), "not_found"),
        ("erase_person", json!({ "personId": 9999, "confirmName": "" }), "not_found"),
        ("erase_person", json!({ "personId": w.client, "confirmName": "cleo" }), "invalid_input"),
        ("erase_person", json!({ "personId": w.client, "confirmName": long(MEGABYTE) }), "invalid_input"),
        ("export_person_json", json!({ "personId": 9999, "path": w.path("out/x.json") }), "not_found"),
        ("export_person_json", json!({ "personId": w.client, "path": w.path("leadback.sqlite3") }), "invalid_input"),
        ("export_person_json", json!({ "personId": w.client, "path": w.path("no-such-folder/x.json") }), "storage"),
        ("export_results_csv", json!({ "personId": 9999, "path": w.path("out/x.csv") }), "not_found"),
        ("export_results_csv", json!({ "personId": w.client, "path": w.path("backups/x.csv") }), "invalid_input"),
        ("export_results_csv", json!({ "personId": w.client, "path": w.path("out") }), "storage"),
    ]);
}

#[test]
fn names() {
    let w = World::new();
    #[rustfmt::skip]
    let cases = [
        ("set_my_name", json!({ "name": "" }), "invalid_input"),
        ("set_my_name", json!({ "name": long(10_000) }), "invalid_input"),
        ("set_my_name", json!({ "name": long(MEGABYTE) }), "invalid_input"),
        ("set_my_name", json!({ "name": "Ada\u{0}" }), "invalid_input"),
    ];
    w.refuse_all(&cases);
}
