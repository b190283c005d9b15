//! A coach's practice from scripts: `person export`, `session add --notes-file`, `homework add`,
//! `habits remind` and `habits archive`. Every bad argument exits with 2, says why, and writes
//! nothing.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use std::path::Path;

use common::{coach_with_client, ok};
use leadback_store::Store;
use serde_json::Value;
use tempfile::TempDir;

/// Runs each command, which must be refused with exit code 2 and a message containing its `why`,
/// writing neither a row nor a file (`out` is the folder files would go to).
fn refused<'a>(dir: &Path, out: &Path, cases: impl IntoIterator<Item = (Vec<&'a str>, &'a str)>) {
    for (args, why) in cases {
        let files_before = std::fs::read_dir(out).unwrap().count();
        common::refused(dir, &args, why);
        assert_eq!(
            std::fs::read_dir(out).unwrap().count(),
            files_before,
            "{args:?} wrote a file"
        );
    }
}

/// A data folder, and a folder for the files commands write.
fn folders() -> (TempDir, TempDir) {
    (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap())
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).to_str().unwrap().to_owned()
}

#[test]
fn a_persons_data_and_results_are_exported_to_the_file_asked_for() {
    let (data, out) = folders();
    coach_with_client(data.path(), &[]);
    ok(
        data.path(),
        &["session", "add", "Noor Hadad", "--agenda", "Stand-ups"],
    );

    let json = path(out.path(), "noor.json");
    let said = ok(
        data.path(),
        &["person", "export", "Noor Hadad", "--json", &json],
    );
    assert!(said.contains("Noor Hadad"), "{said}");
    let text = std::fs::read_to_string(&json).unwrap();
    assert!(text.contains("Stand-ups"), "the export holds her session");
    assert!(
        !text.contains("Coach Kim"),
        "the coach's own data stays out"
    );

    let csv = path(out.path(), "me.csv");
    ok(data.path(), &["person", "export", "me", "--csv", &csv]);
    let rows = std::fs::read_to_string(&csv).unwrap();
    assert!(rows.starts_with("completed_at,"), "{rows}");
    assert_eq!(rows.lines().count(), 1, "no finished assessment yet");

    let other = path(out.path(), "x.json");
    let missing = path(out.path(), "no-such-folder/x.json");
    let database = path(data.path(), "leadback.sqlite3");
    let cases = [
        (vec!["person", "export", "Noor Hadad"], "--csv"),
        (
            vec![
                "person",
                "export",
                "Noor Hadad",
                "--csv",
                &other,
                "--json",
                &other,
            ],
            "cannot be used with",
        ),
        (
            vec!["person", "export", "Nobody", "--json", &other],
            "no one called",
        ),
        (
            vec!["person", "export", "Noor Hadad", "--json", &missing],
            "does not exist",
        ),
        (
            vec!["person", "export", "Noor Hadad", "--json", &database],
            "keeps its data",
        ),
    ];
    refused(data.path(), out.path(), cases);
}

#[test]
fn a_session_is_added_with_its_notes_from_a_file() {
    let (data, out) = folders();
    coach_with_client(data.path(), &[]);
    let notes = out.path().join("notes.md");
    std::fs::write(&notes, "Talked about letting others speak first.\n").unwrap();
    let notes = notes.to_str().unwrap();

    let said = ok(
        data.path(),
        &[
            "session",
            "add",
            "Noor Hadad",
            "--date",
            "2026-11-20",
            "--notes-file",
            notes,
        ],
    );
    assert!(said.contains("with its notes"), "{said}");
    let store = Store::open_in(data.path()).unwrap();
    let noor = store.people().unwrap()[1].person.id;
    let sessions = store.sessions(noor).unwrap();
    assert_eq!(sessions.len(), 1);
    assert_eq!(
        sessions[0].notes,
        "Talked about letting others speak first.\n"
    );
    drop(store);

    let not_text = out.path().join("notes.bin");
    std::fs::write(&not_text, [0xff, 0xfe, 0x00]).unwrap();
    let missing = path(out.path(), "none.md");
    let cases = [
        (missing.as_str(), "could not be read"),
        (not_text.to_str().unwrap(), "not a text file"),
    ]
    .map(|(file, why)| {
        (
            vec!["session", "add", "Noor Hadad", "--notes-file", file],
            why,
        )
    });
    refused(data.path(), out.path(), cases);
}

#[test]
fn homework_is_set_in_the_clients_latest_session() {
    let (data, out) = folders();
    coach_with_client(data.path(), &[]);
    let add = vec![
        "homework",
        "add",
        "Noor Hadad",
        "--exercise",
        "listen-first",
    ];
    refused(data.path(), out.path(), [(add, "no session yet")]);
    ok(data.path(), &["session", "add", "Noor Hadad"]);

    let today = chrono::Local::now().date_naive();
    let due = (today + chrono::Days::new(7)).to_string();
    ok(
        data.path(),
        &[
            "homework",
            "add",
            "Noor Hadad",
            "--habit",
            "praise-a-contribution",
            "--due",
            &due,
        ],
    );
    ok(
        data.path(),
        &[
            "homework",
            "add",
            "Noor Hadad",
            "--exercise",
            "listen-first",
        ],
    );
    let store = Store::open_in(data.path()).unwrap();
    let noor = store.people().unwrap()[1].person.id;
    let homework = store.homework(noor, today).unwrap();
    assert_eq!(homework.len(), 2, "{homework:?}");
    assert!(
        homework
            .iter()
            .any(|w| w.due_on.map(|d| d.to_string()) == Some(due.clone())),
        "{homework:?}"
    );
    assert_eq!(
        store.habits(noor, false).unwrap().len(),
        1,
        "the habit is hers now"
    );
    drop(store);

    let past = (today - chrono::Days::new(1)).to_string();
    let cases = [
        (vec!["homework", "add", "Noor Hadad"], "--habit"),
        (
            vec![
                "homework",
                "add",
                "Noor Hadad",
                "--habit",
                "x",
                "--exercise",
                "y",
            ],
            "cannot be used with",
        ),
        (
            vec!["homework", "add", "Noor Hadad", "--habit", "no-such-habit"],
            "no habit",
        ),
        (
            vec!["homework", "add", "Noor Hadad", "--exercise", "no-such"],
            "no exercise",
        ),
        (
            vec![
                "homework",
                "add",
                "Noor Hadad",
                "--exercise",
                "listen-first",
                "--due",
                &past,
            ],
            "due",
        ),
        (
            vec![
                "homework",
                "add",
                "Noor Hadad",
                "--exercise",
                "listen-first",
                "--due",
                "soon",
            ],
            "soon",
        ),
        (
            vec!["homework", "add", "Nobody", "--exercise", "listen-first"],
            "no client",
        ),
    ];
    refused(data.path(), out.path(), cases);
}

#[test]
fn a_habit_reminds_at_the_times_and_days_given_until_cleared_or_archived() {
    let (data, out) = folders();
    ok(data.path(), &["me", "--name", "Ada"]);
    ok(data.path(), &["habits", "add", "praise-a-contribution"]);
    let habit_id = || {
        let store = Store::open_in(data.path()).unwrap();
        let me = store.me().unwrap().unwrap().id;
        store.habits(me, true).unwrap()[0].id
    };
    let reminders = || {
        let store = Store::open_in(data.path()).unwrap();
        store
            .reminders(Some(habit_id()))
            .unwrap()
            .iter()
            .map(|r| (r.time.format("%H:%M").to_string(), r.weekdays))
            .collect::<Vec<_>>()
    };

    let said = ok(
        data.path(),
        &[
            "habits", "remind", "praise", "--at", "18:00", "--at", "07:30", "--days", "mon,FRI",
        ],
    );
    assert!(said.contains("07:30, 18:00"), "{said}");
    assert_eq!(
        reminders(),
        vec![
            ("07:30".to_owned(), 0b1_0001),
            ("18:00".to_owned(), 0b1_0001)
        ]
    );

    let cases = [
        (vec!["habits", "remind", "praise"], "--at"),
        (
            vec!["habits", "remind", "praise", "--at", "25:00"],
            "not a time of day",
        ),
        (
            vec![
                "habits", "remind", "praise", "--at", "07:30", "--days", "funday",
            ],
            "not a day",
        ),
        (
            vec![
                "habits", "remind", "praise", "--at", "07:30", "--at", "07:30",
            ],
            "same time",
        ),
        (
            vec!["habits", "remind", "praise", "--at", "07:30", "--clear"],
            "cannot be used with",
        ),
        (
            vec!["habits", "remind", "nothing like it", "--at", "07:30"],
            "no habit",
        ),
        (vec!["habits", "archive", "nothing like it"], "no habit"),
    ];
    refused(data.path(), out.path(), cases);

    ok(
        data.path(),
        &["habits", "remind", "praise", "--at", "09:00"],
    );
    assert_eq!(
        reminders(),
        vec![("09:00".to_owned(), 127)],
        "every day, the others replaced"
    );
    ok(data.path(), &["habits", "remind", "praise", "--clear"]);
    assert!(reminders().is_empty());

    ok(
        data.path(),
        &["habits", "remind", "praise", "--at", "09:00"],
    );
    let said = ok(data.path(), &["habits", "archive", "praise"]);
    assert!(said.contains("Archived"), "{said}");
    let list: Value =
        serde_json::from_str(&ok(data.path(), &["habits", "list", "--json"])).unwrap();
    assert_eq!(
        list,
        serde_json::json!([]),
        "an archived habit leaves the list"
    );
    assert!(reminders().is_empty(), "an archived habit reminds no more");
}
