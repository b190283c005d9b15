//! Bad calls about habits, check-ins, energy and reminders.

use super::*;

#[test]
fn habits() {
    let w = World::new();
    let (mine, theirs) = (w.habit, w.client_habit);
    let own = |name: &str, why: Value, times: i64, days: i64| json!({ "name": name, "stance": "front", "why": why, "times": times, "days": days });
    let add = |habit: Value| json!({ "habit": habit });
    let update = |id: i64, habit: Value| json!({ "habitId": id, "habit": habit });
    let fine = own("Ask first", Value::Null, 1, 1);
    let archive = |id: i64| json!({ "habitId": id, "archived": true });
    let order = |ids: Value| json!({ "habitIds": ids });
    let library = |id: &str| json!({ "libraryId": id });
    #[rustfmt::skip]
    let cases = [
        ("add_library_habit", library("no-such-habit"), "not_found"),
        ("add_library_habit", library(""), "not_found"),
        ("add_library_habit", library("Listen-Before-Speaking"), "not_found"),
        ("add_library_habit", library(&long(MEGABYTE)), "not_found"),
        ("add_own_habit", add(own("", Value::Null, 1, 1)), "invalid_input"),
        ("add_own_habit", add(own(&long(10_000), Value::Null, 1, 1)), "invalid_input"),
        ("add_own_habit", add(own("Ask", json!(long(MEGABYTE)), 1, 1)), "invalid_input"),
        ("add_own_habit", add(own("Ask", json!("bell\u{7}"), 1, 1)), "invalid_input"),
        ("add_own_habit", add(own("Ask", Value::Null, 0, 1)), "invalid_input"),
        ("add_own_habit", add(own("Ask", Value::Null, -1, 7)), "invalid_input"),
        ("add_own_habit", add(own("Ask", Value::Null, 1, 366)), "invalid_input"),
        ("add_own_habit", add(own("Ask", Value::Null, i64::MAX, i64::MAX)), "invalid_input"),
        ("update_habit", update(999, fine.clone()), "not_found"),
        ("update_habit", update(theirs, fine.clone()), "not_found"),
        ("update_habit", update(mine, own(" ", Value::Null, 1, 1)), "invalid_input"),
        ("update_habit", update(mine, own("Ask", Value::Null, 8, 7)), "invalid_input"),
        ("archive_habit", archive(999), "not_found"),
        ("archive_habit", archive(theirs), "not_found"),
        ("reorder_habits", order(json!([999])), "not_found"),
        ("reorder_habits", order(json!([mine, 999])), "not_found"),
        ("reorder_habits", order(json!([theirs, mine])), "not_found"),
        ("reorder_habits", order(json!([mine, mine])), "invalid_input"),
        ("get_habit_detail", json!({ "habitId": 999 }), "not_found"),
        ("get_habit_detail", json!({ "habitId": theirs }), "not_found"),
    ];
    w.refuse_all(&cases);
}

/// The fixed clock says 2026-11-22; back-filling reaches ten years back.
#[test]
fn check_ins_energy_and_reminders() {
    let w = World::new();
    let (mine, theirs) = (w.habit, w.client_habit);
    let check = |id: i64, day: &str, note: Value| json!({ "habitId": id, "day": day, "check": "done", "note": note });
    let energy =
        |day: &str, level: i64, note: Value| json!({ "day": day, "level": level, "note": note });
    let remind = |id: i64, reminders: Value| json!({ "habitId": id, "reminders": reminders });
    let at = |time: &str, weekdays: i64| json!({ "time": time, "weekdays": weekdays });
    let every_minute: Vec<Value> = (0..25).map(|m| at(&format!("08:{m:02}"), 1)).collect();
    let (today, none) = ("2026-11-22", Value::Null);
    #[rustfmt::skip]
    let cases = [
        ("check_in", check(999, today, none.clone()), "not_found"),
        ("check_in", check(theirs, today, none.clone()), "not_found"),
        ("check_in", check(mine, "2026-11-23", none.clone()), "invalid_input"),
        ("check_in", check(mine, "9999-12-31", none.clone()), "invalid_input"),
        ("check_in", check(mine, "+10000-01-01", none.clone()), "invalid_input"),
        ("check_in", check(mine, "2016-11-21", none.clone()), "invalid_input"),
        ("check_in", check(mine, "0001-01-01", none.clone()), "invalid_input"),
        ("check_in", check(mine, "-0001-01-01", none.clone()), "invalid_input"),
        ("check_in", check(mine, today, json!(long(10_000))), "invalid_input"),
        ("check_in", check(mine, today, json!(long(MEGABYTE))), "invalid_input"),
        ("check_in", check(mine, today, json!("bell\u{7}")), "invalid_input"),
        ("set_energy", energy(today, 0, none.clone()), "invalid_input"),
        ("set_energy", energy(today, 6, none.clone()), "invalid_input"),
        ("set_energy", energy(today, i64::MIN, none.clone()), "invalid_input"),
        ("set_energy", energy("2026-11-23", 3, none.clone()), "invalid_input"),
        ("set_energy", energy("9999-12-31", 3, none.clone()), "invalid_input"),
        ("set_energy", energy("0001-01-01", 3, none.clone()), "invalid_input"),
        ("set_energy", energy(today, 3, json!(long(10_000))), "invalid_input"),
        ("set_reminders", remind(999, json!([at("07:30", 31)])), "not_found"),
        ("set_reminders", remind(999, json!([])), "not_found"),
        ("set_reminders", remind(theirs, json!([at("07:30", 31)])), "not_found"),
        ("set_reminders", remind(mine, json!([at("25:00", 31)])), "invalid_input"),
        ("set_reminders", remind(mine, json!([at("", 31)])), "invalid_input"),
        ("set_reminders", remind(mine, json!([at(&long(10_000), 31)])), "invalid_input"),
        ("set_reminders", remind(mine, json!([at("07:30", 0)])), "invalid_input"),
        ("set_reminders", remind(mine, json!([at("07:30", 128)])), "invalid_input"),
        ("set_reminders", remind(mine, json!([at("07:30", -1)])), "invalid_input"),
        ("set_reminders", remind(mine, json!([at("07:30", 1), at("07:30", 2)])), "invalid_input"),
        ("set_reminders", remind(mine, json!(every_minute)), "invalid_input"),
        ("get_reminders", json!({ "habitId": 999 }), "not_found"),
        ("get_reminders", json!({ "habitId": theirs }), "not_found"),
        ("import_loop", json!({ "path": w.path("no-such-file.db") }), "invalid_input"),
        ("import_loop", json!({ "path": "" }), "invalid_input"),
        ("import_loop", json!({ "path": w.path("out") }), "invalid_input"),
        ("import_loop", json!({ "path": long(10_000) }), "invalid_input"),
        ("import_loop", json!({ "path": w.path("leadback.sqlite3") }), "invalid_input"),
    ];
    w.refuse_all(&cases);
}
