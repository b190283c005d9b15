//! Bad calls about exercises and the journal.

use super::*;

#[test]
fn exercises() {
    let w = World::new();
    let (open, done, theirs) = (w.open_run, w.finished_run, w.client_run);
    let start = |id: &str, item: Value| json!({ "exerciseId": id, "programmeItem": item });
    let reflect = |id: i64, step: i64, prompt: &str, answer: Value| json!({ "runId": id, "step": step, "promptId": prompt, "answer": answer });
    let text = |t: &str| json!({ "kind": "text", "value": t });
    let rating = |r: i64| json!({ "kind": "rating", "value": r });
    let step = |id: i64, step: i64| json!({ "runId": id, "step": step });
    let finish = |id: i64| json!({ "runId": id, "checkInHabit": true });
    let none = Value::Null;
    #[rustfmt::skip]
    let cases = [
        ("start_exercise", start("juggling", none.clone()), "not_found"),
        ("start_exercise", start("", none.clone()), "not_found"),
        ("start_exercise", start(&long(MEGABYTE), none.clone()), "not_found"),
        ("start_exercise", start("listen-first", json!("no-such-item")), "not_found"),
        // "walk" is an item of the retreat, but it runs another exercise.
        ("start_exercise", start("listen-first", json!("walk")), "not_found"),
        ("start_exercise", start("listen-first", json!(long(MEGABYTE))), "not_found"),
        ("save_reflection", reflect(999, 1, "first-question", text("a")), "not_found"),
        ("save_reflection", reflect(theirs, 1, "first-question", text("a")), "not_found"),
        ("save_reflection", reflect(done, 1, "first-question", text("a")), "invalid_input"),
        ("save_reflection", reflect(open, -1, "first-question", text("a")), "invalid_input"),
        ("save_reflection", reflect(open, 99, "first-question", text("a")), "invalid_input"),
        ("save_reflection", reflect(open, 1, "no-such-prompt", text("a")), "invalid_input"),
        ("save_reflection", reflect(open, 2, "no-such-prompt", none.clone()), "invalid_input"),
        ("save_reflection", reflect(open, 1, &long(MEGABYTE), none.clone()), "invalid_input"),
        ("save_reflection", reflect(open, 1, "first-question", text(&long(10_000))), "invalid_input"),
        ("save_reflection", reflect(open, 1, "first-question", text(&long(MEGABYTE))), "invalid_input"),
        ("save_reflection", reflect(open, 1, "ready-to-listen", rating(0)), "invalid_input"),
        ("save_reflection", reflect(open, 1, "ready-to-listen", rating(i64::MAX)), "invalid_input"),
        ("save_reflection", reflect(open, 1, "ready-to-listen", text("high")), "invalid_input"),
        ("move_in_exercise", step(999, 1), "not_found"),
        ("move_in_exercise", step(theirs, 1), "not_found"),
        ("move_in_exercise", step(done, 1), "invalid_input"),
        ("move_in_exercise", step(open, -1), "invalid_input"),
        ("move_in_exercise", step(open, 3), "invalid_input"),
        ("finish_exercise", finish(999), "not_found"),
        ("finish_exercise", finish(theirs), "not_found"),
        ("finish_exercise", finish(done), "invalid_input"),
    ];
    w.refuse_all(&cases);
}

#[test]
fn finishing_an_exercise_checks_in_even_when_its_reflections_are_longer_than_a_note() {
    let w = World::new();
    let run = w.app.ok(
        "start_exercise",
        json!({ "exerciseId": "listen-first", "programmeItem": null }),
    );
    let exercise = w
        .app
        .ok("get_exercises", json!({}))
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "listen-first")
        .unwrap()
        .clone();
    // Different words each time: a reflection already in the note is not added again.
    let mut letters = ('a'..='z').cycle();
    for (step, content) in exercise["steps"].as_array().unwrap().iter().enumerate() {
        for prompt in content["prompts"].as_array().into_iter().flatten() {
            let answer = match prompt["kind"].as_str().unwrap() {
                "text" => {
                    let letter = letters.next().unwrap_or('x');
                    json!({ "kind": "text", "value": letter.to_string().repeat(4_000) })
                }
                _ => json!({ "kind": "rating", "value": 3 }),
            };
            w.app.ok(
                "save_reflection",
                json!({ "runId": run["id"], "step": step, "promptId": prompt["id"], "answer": answer }),
            );
        }
    }
    w.app.ok(
        "finish_exercise",
        json!({ "runId": run["id"], "checkInHabit": true }),
    );
    let detail = w.app.ok("get_habit_detail", json!({ "habitId": w.habit }));
    let today = detail["entries"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (today["day"].as_str(), today["state"].as_str()),
        (Some("2026-11-22"), Some("done"))
    );
    let note = today["note"].as_str().unwrap();
    assert_eq!(note.chars().count(), leadback_core::habits::NOTE_MAX_CHARS);
}

#[test]
fn journal() {
    let w = World::new();
    let find = |search: Value, stance: Value, exercise: Value| json!({ "search": search, "stance": stance, "exerciseId": exercise });
    let note = |day: &str, text: &str| json!({ "day": day, "text": text });
    let export = |path: Value| json!({ "path": path });
    let none = Value::Null;
    #[rustfmt::skip]
    let cases = [
        ("get_journal", find(none.clone(), json!("sideways"), none.clone()), "invalid_input"),
        ("get_journal", find(none.clone(), none.clone(), json!("juggling")), "not_found"),
        ("get_journal", find(json!(long(MEGABYTE)), none.clone(), none.clone()), "invalid_input"),
        ("add_journal_note", note("2026-11-22", ""), "invalid_input"),
        ("add_journal_note", note("2026-11-22", " \n "), "invalid_input"),
        ("add_journal_note", note("2026-11-22", &long(10_000)), "invalid_input"),
        ("add_journal_note", note("2026-11-22", &long(MEGABYTE)), "invalid_input"),
        ("add_journal_note", note("2026-11-23", "Soon."), "invalid_input"),
        ("add_journal_note", note("9999-12-31", "Later."), "invalid_input"),
        ("add_journal_note", note("0001-01-01", "Long ago."), "invalid_input"),
        ("export_journal", export(w.path("no-such-folder/journal.md")), "storage"),
        ("export_journal", export(w.path("out")), "storage"),
        ("export_journal", export(json!("")), "storage"),
        ("export_journal", export(w.path("leadback.sqlite3")), "invalid_input"),
        ("export_journal", export(w.path("leadback.sqlite3-wal")), "invalid_input"),
    ];
    w.refuse_all(&cases);
}
