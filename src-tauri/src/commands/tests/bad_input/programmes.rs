//! Bad calls about programmes and cohort results.

use super::*;

#[test]
fn programmes() {
    let w = World::new();
    let retreat = w.app.ok("get_programmes", json!({}))[0].clone();
    let id = retreat["id"].as_str().unwrap();
    let authored = |change: &dyn Fn(&mut Value)| {
        let mut programme = retreat.clone();
        programme["id"] = json!("my-retreat");
        change(&mut programme);
        json!({ "programme": programme })
    };
    std::fs::write(w.dir.path().join("out/garbage.json"), "not json").unwrap();
    let too_big = format!("\"{}\"", long(2 * MEGABYTE));
    std::fs::write(w.dir.path().join("out/huge.json"), too_big).unwrap();
    let file = |name: &str| json!({ "path": w.path(name) });
    let export = |id: &str, name: &str| json!({ "programmeId": id, "path": w.path(name) });
    let progress = |id: &str| json!({ "programmeId": id });
    let done = |id: &str, key: &str| json!({ "programmeId": id, "itemKey": key, "done": true });
    #[rustfmt::skip]
    let cases = [
        ("preview_programme_file", file("no-such-file.json"), "invalid_input"),
        ("preview_programme_file", json!({ "path": "" }), "invalid_input"),
        ("preview_programme_file", file("out"), "invalid_input"),
        ("preview_programme_file", file("out/garbage.json"), "invalid_input"),
        ("preview_programme_file", file("out/huge.json"), "invalid_input"),
        ("import_programme_file", file("no-such-file.json"), "invalid_input"),
        ("import_programme_file", file("out/garbage.json"), "invalid_input"),
        ("import_programme_file", file("out/huge.json"), "invalid_input"),
        ("import_programme_file", file("leadback.sqlite3"), "invalid_input"),
        ("save_authored_programme", authored(&|p| p["id"] = json!("")), "invalid_input"),
        ("save_authored_programme", authored(&|p| p["id"] = json!("Not Kebab")), "invalid_input"),
        ("save_authored_programme", authored(&|p| p["title"] = json!(long(10_000))), "invalid_input"),
        ("save_authored_programme", authored(&|p| p["description"] = json!(long(MEGABYTE))), "invalid_input"),
        ("save_authored_programme", authored(&|p| p["version"] = json!(0)), "invalid_input"),
        ("save_authored_programme", authored(&|p| p["days"] = json!([])), "invalid_input"),
        ("save_authored_programme", authored(&|p| p["days"][0]["items"][1]["exercise"] = json!("juggling")), "invalid_input"),
        ("export_programme", export("no-such-programme", "out/p.json"), "not_found"),
        ("export_programme", export(id, "no-such-folder/p.json"), "storage"),
        ("export_programme", export(id, "out"), "storage"),
        ("export_programme", export(id, "leadback.sqlite3"), "invalid_input"),
        ("export_programme", export(id, "backups/p.json"), "invalid_input"),
        ("get_programme_progress", progress("no-such-programme"), "not_found"),
        ("get_programme_progress", progress(&long(MEGABYTE)), "not_found"),
        ("set_programme_item_done", done("no-such-programme", "walk"), "not_found"),
        ("set_programme_item_done", done(id, "no-such-item"), "not_found"),
        ("set_programme_item_done", done(id, &long(MEGABYTE)), "not_found"),
        ("programme_deletion_preview", json!({ "id": id }), "invalid_input"),
        ("programme_deletion_preview", json!({ "id": "no-such-programme" }), "not_found"),
        ("delete_programme", json!({ "id": id }), "invalid_input"),
        ("delete_programme", json!({ "id": "no-such-programme" }), "not_found"),
        ("delete_programme", json!({ "id": long(MEGABYTE) }), "not_found"),
    ];
    w.refuse_all(&cases);
}

#[test]
fn cohort_results() {
    let w = World::new();
    std::fs::write(w.dir.path().join("out/garbage.json"), "not json").unwrap();
    let results = |id: &str, code: &str, name: Value, path: &str| json!({ "programmeId": id, "participantCode": code, "name": name, "path": w.path(path) });
    let retreat = "three-days-at-the-back";
    let out = "out/results.json";
    let (none, paths) = (Value::Null, |paths: Value| json!({ "paths": paths }));
    #[rustfmt::skip]
    let cases = [
        ("export_results", results("no-such-programme", "A", none.clone(), out), "not_found"),
        ("export_results", results(retreat, "", none.clone(), out), "invalid_input"),
        ("export_results", results(retreat, &long(10_000), none.clone(), out), "invalid_input"),
        ("export_results", results(retreat, "A\nB", none.clone(), out), "invalid_input"),
        ("export_results", results(retreat, "A", json!(long(MEGABYTE)), out), "invalid_input"),
        ("export_results", results(retreat, "A", none.clone(), "no-such-folder/r.json"), "storage"),
        ("export_results", results(retreat, "A", none.clone(), "leadback.sqlite3"), "invalid_input"),
        ("import_results", paths(json!([])), "invalid_input"),
        ("import_results", paths(json!([w.path("no-such-file.json")])), "invalid_input"),
        ("import_results", paths(json!([w.path("out/garbage.json")])), "invalid_input"),
        ("import_results", paths(json!([w.path("out")])), "invalid_input"),
        ("get_cohort_summary", json!({ "programmeId": "no-such-programme" }), "not_found"),
        ("get_cohort_summary", json!({ "programmeId": long(MEGABYTE) }), "not_found"),
    ];
    w.refuse_all(&cases);
}
