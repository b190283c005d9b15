//! Measurable habits from the command line: added with a unit and a target, amounts entered for
//! days, listed with their unit, target and strength; bad amounts refused with nothing written.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use common::{ok, refused};
use serde_json::Value;

fn list(dir: &std::path::Path, as_of: &str) -> Vec<Value> {
    let out = ok(dir, &["habits", "list", "--as-of", as_of, "--json"]);
    serde_json::from_str::<Vec<Value>>(&out).unwrap()
}

fn named<'a>(rows: &'a [Value], name: &str) -> &'a Value {
    rows.iter().find(|r| r["name"] == name).unwrap()
}

#[test]
fn a_measurable_habit_is_added_entered_and_listed_with_its_unit_and_target() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["me", "--name", "Ada"]);
    let added = ok(
        dir.path(),
        &[
            "habits",
            "add",
            "Minutes of listening",
            "--measure",
            "minutes",
            "--target",
            "20",
            "--per",
            "week",
        ],
    );
    assert!(added.contains("at least 20 minutes a week"), "{added}");
    ok(dir.path(), &["habits", "add", "real-break"]);
    let said = ok(
        dir.path(),
        &[
            "habits",
            "check",
            "Minutes",
            "--amount",
            "15",
            "--date",
            "2026-11-02",
        ],
    );
    assert!(said.contains("15 minutes on 2026-11-02"), "{said}");
    ok(
        dir.path(),
        &[
            "habits",
            "check",
            "Minutes",
            "--amount",
            "7.5",
            "--date",
            "2026-11-04",
            "--note",
            "Let Sam finish first.",
        ],
    );

    let rows = list(dir.path(), "2026-11-04");
    let minutes = named(&rows, "Minutes of listening");
    assert_eq!(minutes["unit"], "minutes");
    assert_eq!(minutes["target"], 20.0);
    assert_eq!(minutes["at_most"], false);
    assert_eq!(minutes["days"], 7);
    assert_eq!(minutes["today_amount"], 7.5);
    assert_eq!(minutes["period_amount"], 22.5);
    // Loop's rule worked out by hand: a week's sum against the target, the weekly multiplier.
    let m = 0.5f64.powf((1.0f64 / 7.0).sqrt() / 13.0);
    let step = |s: f64, value: f64| s * m + value * (1.0 - m);
    let mut strength = step(0.0, 15.0 / 20.0); // 2 Nov
    strength = step(strength, 15.0 / 20.0); // 3 Nov: still 15 in the last 7 days
    strength = step(strength, 1.0); // 4 Nov: 22.5 ≥ 20
    assert!(
        (minutes["strength"].as_f64().unwrap() - strength).abs() < 1e-6,
        "{minutes}"
    );
    assert_eq!(minutes["current_streak"], 1, "the target is met on the 4th");

    let yes_no = named(&rows, "Take a real break");
    assert_eq!(yes_no["unit"], Value::Null);
    assert_eq!(yes_no["target"], Value::Null);

    let text = ok(dir.path(), &["habits", "list", "--as-of", "2026-11-04"]);
    assert!(
        text.contains("22.5 so far, at least 20 minutes a week"),
        "{text}"
    );
}

#[test]
fn bad_amounts_and_the_wrong_kind_of_entry_are_refused_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["me", "--name", "Ada"]);
    ok(
        dir.path(),
        &[
            "habits",
            "add",
            "Meetings",
            "--measure",
            "meetings",
            "--target",
            "2",
            "--per",
            "week",
            "--at-most",
        ],
    );
    ok(dir.path(), &["habits", "add", "real-break"]);
    let check = |amount: &'static str| -> Vec<&'static str> {
        vec!["habits", "check", "Meetings", "--amount", amount]
    };
    refused(dir.path(), &check("-1"), "cannot be negative");
    refused(dir.path(), &check("two"), "is not a number");
    refused(dir.path(), &check("1e3"), "is not a number");
    refused(
        dir.path(),
        &["habits", "check", "Meetings"],
        "enter an amount",
    );
    refused(
        dir.path(),
        &["habits", "check", "Take a real break", "--amount", "3"],
        "yes/no habit",
    );
    refused(
        dir.path(),
        &[
            "habits",
            "add",
            "Pages",
            "--measure",
            "pages",
            "--target",
            "ten",
        ],
        "is not a number",
    );
    refused(
        dir.path(),
        &[
            "habits",
            "add",
            "Pages",
            "--measure",
            "pages",
            "--target",
            "10",
            "--per",
            "fortnight",
        ],
        "day, week or month",
    );
    refused(
        dir.path(),
        &["habits", "add", "Pages", "--target", "10"],
        "--measure",
    );
    // Skipping a measurable habit's day is still a choice.
    ok(
        dir.path(),
        &[
            "habits",
            "check",
            "Meetings",
            "--state",
            "skip",
            "--date",
            "2026-11-03",
        ],
    );
}

#[test]
fn a_measurable_practice_from_the_library_keeps_its_ceiling() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["me", "--name", "Ada"]);
    let added = ok(dir.path(), &["habits", "add", "meetings-with-my-own-plan"]);
    assert!(added.contains("at most 2 meetings a week"), "{added}");
    ok(
        dir.path(),
        &[
            "habits",
            "check",
            "Meetings I opened",
            "--amount",
            "3",
            "--date",
            "2026-11-02",
        ],
    );
    let rows = list(dir.path(), "2026-11-02");
    let meetings = named(&rows, "Meetings I opened with my own plan");
    assert_eq!(meetings["at_most"], true);
    // Over the ceiling by half the target: worth 0.5 that day, from a start of 1.
    let m = 0.5f64.powf((1.0f64 / 7.0).sqrt() / 13.0);
    let expected = m + 0.5 * (1.0 - m);
    assert!((meetings["strength"].as_f64().unwrap() - expected).abs() < 1e-6);
    assert_eq!(meetings["current_streak"], 0);
}
