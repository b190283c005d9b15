//! A coach's clients: details, consent history, sessions with notes, homework and its progress,
//! acting for a client, and erasing a client so that nothing of them remains.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use chrono::{Days, NaiveDate, NaiveDateTime};
use leadback_core::clients::{ClientDetails, HomeworkKind, TimelineKind};
use leadback_core::habits::{CheckState, HabitName, Schedule};
use leadback_store::{NewHabit, Store, StoreError};
use leadback_testkit::{files_holding, now, set_me, today};

fn at(day: NaiveDate, hour: u32) -> NaiveDateTime {
    day.and_hms_opt(hour, 0, 0).unwrap()
}

fn details(name: &str, tags: &[&str]) -> ClientDetails {
    ClientDetails {
        name: name.into(),
        contact: Some(format!(
            "{}@example.org",
            name.to_lowercase().replace(' ', ".")
        )),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
    }
}

fn add_habit(store: &mut Store, person: i64, name: &str) -> i64 {
    let name = HabitName::parse(name).unwrap();
    store
        .add_habit(
            person,
            &NewHabit {
                library_id: None,
                name: &name,
                stance: None,
                why: None,
                schedule: Schedule::DAILY,
                measure: None,
            },
            now(),
        )
        .unwrap()
        .id
}

#[test]
fn people_lists_me_first_then_clients_by_name_with_consent_and_counts() {
    let mut store = Store::open_in_memory().unwrap();
    set_me(&mut store, "Coach Kim");
    let zed = store
        .add_client(
            &details("Zed Okafor", &["pilot"]),
            today(),
            "Notes on this laptop only.",
            now(),
        )
        .unwrap();
    store
        .add_client(
            &details("ana Ruiz", &[]),
            today(),
            "Sessions and a report.",
            now(),
        )
        .unwrap();
    assert_eq!(zed.tags, ["pilot"]);
    assert_eq!(
        zed.consent.as_ref().unwrap().terms,
        "Notes on this laptop only."
    );
    assert_eq!(zed.consent.as_ref().unwrap().agreed_on, today());

    let names: Vec<_> = store
        .people()
        .unwrap()
        .into_iter()
        .map(|p| p.person.name)
        .collect();
    assert_eq!(names, ["Coach Kim", "ana Ruiz", "Zed Okafor"]);
}

#[test]
fn consent_keeps_its_history_and_can_be_withdrawn_once() {
    let mut store = Store::open_in_memory().unwrap();
    let client = store
        .add_client(&details("Noor Haddad", &[]), today(), "First terms.", now())
        .unwrap()
        .person
        .id;
    let later = today().checked_add_days(Days::new(0)).unwrap();
    store
        .record_consent(client, later, "Second terms, with a report.", now())
        .unwrap();
    let withdrawn = store.withdraw_consent(client, later).unwrap();
    assert_eq!(withdrawn.withdrawn_on, Some(later));
    assert!(matches!(
        store.withdraw_consent(client, later),
        Err(StoreError::NotFound { .. })
    ));
    let history: Vec<_> = store
        .consents(client)
        .unwrap()
        .into_iter()
        .map(|c| (c.terms, c.withdrawn_on.is_some()))
        .collect();
    assert_eq!(
        history,
        [
            ("Second terms, with a report.".to_owned(), true),
            ("First terms.".to_owned(), false)
        ]
    );
}

#[test]
fn the_store_acts_for_a_chosen_client_until_they_are_erased() {
    let mut store = Store::open_in_memory().unwrap();
    let me = set_me(&mut store, "Coach Kim");
    let client = store
        .add_client(&details("Noor Haddad", &[]), today(), "Terms.", now())
        .unwrap()
        .person
        .id;
    assert_eq!(store.acting_person().unwrap().unwrap().id, me);
    store.act_for(client).unwrap();
    assert_eq!(store.acting_person().unwrap().unwrap().id, client);
    assert!(matches!(
        store.act_for(999),
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(store.acting_person().unwrap().unwrap().id, client);
    store.erase_person(client).unwrap();
    assert_eq!(store.acting_person().unwrap().unwrap().id, me);
}

#[test]
fn sessions_keep_a_megabyte_of_notes_and_their_homework_progress() {
    let mut store = Store::open_in_memory().unwrap();
    set_me(&mut store, "Coach Kim");
    let client = store
        .add_client(&details("Noor Haddad", &[]), today(), "Terms.", now())
        .unwrap()
        .person
        .id;
    let start = today().checked_sub_days(Days::new(10)).unwrap();
    let session = store
        .add_session(
            client,
            at(start, 9),
            "Letting the team lead the stand-up",
            now(),
        )
        .unwrap();
    let notes = "# Notes\n\n".to_owned() + &"Noor let Sam open the meeting. ".repeat(34_000);
    assert!(notes.len() > 1_000_000);
    store.save_session_notes(session.id, &notes, now()).unwrap();
    assert_eq!(store.session(session.id).unwrap().notes, notes);

    let habit = add_habit(&mut store, client, "Let someone else go first");
    store.assign_habit(session.id, habit, start).unwrap();
    store
        .assign_exercise(session.id, "silent-meeting", start)
        .unwrap();
    for d in 0..4 {
        let day = start.checked_add_days(Days::new(d)).unwrap();
        store
            .check_in(habit, day, Some(CheckState::Done), None, now())
            .unwrap();
    }
    // Before the homework was set: not counted.
    store
        .check_in(
            habit,
            start.checked_sub_days(Days::new(3)).unwrap(),
            Some(CheckState::Done),
            None,
            now(),
        )
        .unwrap();
    let run = store
        .start_exercise_run(client, "silent-meeting", 1, None, now())
        .unwrap();
    store.finish_exercise_run(run.id, now()).unwrap();

    let homework = store.homework(client, today()).unwrap();
    let habit_work = homework
        .iter()
        .find(|h| h.kind == HomeworkKind::Habit)
        .unwrap();
    assert_eq!(habit_work.title, "Let someone else go first");
    assert_eq!(habit_work.done, 4);
    assert!(habit_work.strength.unwrap() > 0.0);
    let exercise_work = homework
        .iter()
        .find(|h| h.kind == HomeworkKind::Exercise)
        .unwrap();
    assert_eq!(exercise_work.done, 1);

    let kinds: Vec<_> = store
        .timeline(client)
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert!(kinds.contains(&TimelineKind::Session));
    assert!(kinds.contains(&TimelineKind::Exercise));
    assert!(kinds.contains(&TimelineKind::HabitStarted));

    store.delete_session(session.id).unwrap();
    assert!(store.homework(client, today()).unwrap().is_empty());
    assert_eq!(
        store.habits(client, true).unwrap().len(),
        1,
        "the habit stays the client's"
    );
}

#[test]
fn homework_cannot_take_another_persons_habit() {
    let mut store = Store::open_in_memory().unwrap();
    let me = set_me(&mut store, "Coach Kim");
    let client = store
        .add_client(&details("Noor Haddad", &[]), today(), "Terms.", now())
        .unwrap()
        .person
        .id;
    let mine = add_habit(&mut store, me, "My own habit");
    let session = store
        .add_session(client, at(today(), 9), "", now())
        .unwrap();
    assert!(matches!(
        store.assign_habit(session.id, mine, today()),
        Err(StoreError::NotFound { what: "habit", .. })
    ));
    assert!(store.homework(client, today()).unwrap().is_empty());
}

#[test]
fn me_cannot_be_erased_and_an_unknown_person_is_not_found() {
    let mut store = Store::open_in_memory().unwrap();
    let me = set_me(&mut store, "Coach Kim");
    assert!(matches!(
        store.erase_person(me),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.erase_person(4242),
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(store.me().unwrap().unwrap().id, me);
}

/// Every text and integer value in every table, read with a plain connection.
fn every_value(path: &std::path::Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut values = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..columns {
                let value: rusqlite::types::Value = row.get(i).unwrap();
                values.push(format!("{table}: {value:?}"));
            }
        }
    }
    values
}

#[test]
fn erasing_a_client_leaves_nothing_of_them_in_the_database_or_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let me = set_me(&mut store, "Coach Kim");
    let marker = "Zanzibarquokka";
    let client = store
        .add_client(
            &details(&format!("Noor {marker}"), &["pilot-tag"]),
            today(),
            &format!("{marker} consent terms"),
            now(),
        )
        .unwrap()
        .person
        .id;
    // Everything a client can have: an assessment, a habit with a noted check-in, an exercise
    // run with a reflection, a journal note, energy, a session with notes and homework.
    let assessment = store
        .start_assessment(client, "leadback-core", 1, now())
        .unwrap();
    store
        .save_answer(assessment.id, "front-01", Some(3), 1, now())
        .unwrap();
    let habit = add_habit(&mut store, client, &format!("{marker} habit"));
    store
        .check_in(
            habit,
            today(),
            Some(CheckState::Done),
            Some(&format!("{marker} check-in note")),
            now(),
        )
        .unwrap();
    let run = store
        .start_exercise_run(client, "silent-meeting", 1, None, now())
        .unwrap();
    store
        .save_reflection(
            run.id,
            1,
            "noticed",
            Some(&format!("{marker} reflection")),
            None,
            now(),
        )
        .unwrap();
    store.finish_exercise_run(run.id, now()).unwrap();
    store
        .add_journal_note(client, today(), &format!("{marker} journal note"), now())
        .unwrap();
    store
        .set_energy(client, today(), 4, Some(&format!("{marker} energy")), now())
        .unwrap();
    let session = store
        .add_session(client, at(today(), 9), &format!("{marker} agenda"), now())
        .unwrap();
    store
        .save_session_notes(session.id, &format!("{marker} session notes"), now())
        .unwrap();
    store.assign_habit(session.id, habit, today()).unwrap();
    // The coach's own data, which must stay.
    let mine = add_habit(&mut store, me, "Coach's own habit");
    store
        .check_in(
            mine,
            today(),
            Some(CheckState::Done),
            Some("coach note"),
            now(),
        )
        .unwrap();
    assert!(store.journal(client, &Default::default()).unwrap().len() >= 3);

    // Their data, for them: every table that mentions them, and nothing of the coach's.
    let doc = store.export_person(client, now()).unwrap();
    let json = doc.to_json().unwrap();
    assert!(
        !json.contains("Coach Kim") && !json.contains("coach note"),
        "{json}"
    );
    assert_eq!(doc.tables["person"].rows.len(), 1);
    let holding: std::collections::BTreeSet<String> =
        every_value(&dir.path().join(leadback_store::paths::DATABASE_FILE))
            .into_iter()
            .filter(|v| v.contains(marker))
            .map(|v| v.split(':').next().unwrap().to_owned())
            .filter(|table| table != "journal_entry" && !table.starts_with("journal_search"))
            .collect();
    for table in &holding {
        let rows = doc.tables.get(table).map_or(0, |t| t.rows.len());
        assert!(
            rows > 0,
            "{table} mentions the client but is not in their export"
        );
    }
    for table in [
        "assessment_answer",
        "check_in",
        "reflection",
        "homework",
        "consent",
        "person_tag",
    ] {
        assert!(
            !doc.tables[table].rows.is_empty(),
            "{table} missing from the export"
        );
    }

    let preview = store.erase_preview(client).unwrap();
    assert_eq!(
        (
            preview.sessions,
            preview.assessments,
            preview.habits,
            preview.check_ins,
            preview.exercise_runs
        ),
        (1, 1, 1, 1, 1)
    );
    assert!(preview.journal_entries >= 3);

    let path = dir.path().join(leadback_store::paths::DATABASE_FILE);
    assert!(
        files_holding(dir.path(), marker) > 0
            && files_holding(dir.path(), &marker.to_lowercase()) > 0,
        "the client's words should be on disk before the erase, or this test proves nothing"
    );
    store.erase_person(client).unwrap();
    drop(store);

    // The search index keeps their words folded (in lower case) as well.
    let folded = marker.to_lowercase();
    let leftovers: Vec<_> = every_value(&path)
        .into_iter()
        .filter(|v| v.contains(marker) || v.contains(&folded) || v.contains("pilot-tag"))
        .collect();
    assert!(leftovers.is_empty(), "still in the database: {leftovers:?}");
    assert_eq!(
        files_holding(dir.path(), marker) + files_holding(dir.path(), &folded),
        0,
        "a database file still holds the client's words"
    );
    let store = Store::open_in(dir.path()).unwrap();
    assert_eq!(store.people().unwrap().len(), 1);
    assert_eq!(store.habits(me, true).unwrap().len(), 1);
    assert_eq!(store.journal(me, &Default::default()).unwrap().len(), 1);
}
