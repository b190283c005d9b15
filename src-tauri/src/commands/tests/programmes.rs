//! Deleting a programme through IPC: the preview names what goes, the deletion removes it and only
//! it, and the programme that comes with Leadback cannot be deleted.

use serde_json::json;

use super::{TestApp, rows};

#[test]
fn a_facilitator_deletes_a_programme_they_wrote_after_seeing_what_goes() {
    let app = TestApp::new();
    app.ok("set_my_name", json!({ "name": "Ada" }));
    let sample = app.ok("get_programmes", json!({}))[0].clone();
    let mut mine = sample.clone();
    mine["id"] = json!("my-retreat");
    mine["title"] = json!("My retreat");
    app.ok("save_authored_programme", json!({ "programme": mine }));
    let item = sample["days"][0]["items"][0]["key"].clone();
    for id in ["my-retreat", sample["id"].as_str().unwrap()] {
        app.ok(
            "set_programme_item_done",
            json!({ "programmeId": id, "itemKey": item, "done": true }),
        );
    }

    let expected =
        json!({ "id": "my-retreat", "title": "My retreat", "items_done": 1, "cohort_results": 0 });
    let before = rows(&app);
    assert_eq!(
        app.ok("programme_deletion_preview", json!({ "id": "my-retreat" })),
        expected
    );
    assert_eq!(rows(&app), before, "a preview writes nothing");
    assert_eq!(
        app.ok("delete_programme", json!({ "id": "my-retreat" })),
        expected
    );
    let left = app.ok("get_programmes", json!({}));
    assert_eq!(left.as_array().unwrap().len(), 1, "{left}");
    assert_eq!(left[0]["id"], sample["id"]);
    let progress = app.ok(
        "get_programme_progress",
        json!({ "programmeId": sample["id"] }),
    );
    assert_eq!(
        progress["done"],
        json!([item]),
        "the sample's progress stays: {progress}"
    );

    let refused = app
        .call("delete_programme", json!({ "id": sample["id"] }))
        .unwrap_err();
    assert_eq!(refused["code"], "invalid_input");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("comes with Leadback and cannot be deleted"),
        "{refused}"
    );
    assert_eq!(
        app.code("programme_deletion_preview", json!({ "id": "my-retreat" })),
        "not_found",
        "gone is gone"
    );
}
