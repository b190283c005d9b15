//! What was run or used in a coaching session, and when homework is due: items belong to the
//! session's client only, noting the same thing twice keeps one, and they go with the session,
//! the record they point at, or the client.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use chrono::NaiveDate;
use leadback_core::clients::{SessionItemInput, SessionItemKind};
use leadback_core::habits::{HabitName, Schedule};
use leadback_store::{NewHabit, Store, StoreError};
use leadback_testkit::{add_client, now, set_me, today};

fn client(store: &mut Store, name: &str) -> i64 {
    add_client(store, name, "Terms.")
}

fn habit(store: &mut Store, person: i64, name: &str) -> i64 {
    let name = HabitName::parse(name).unwrap();
    let new = NewHabit {
        library_id: None,
        name: &name,
        stance: None,
        why: None,
        schedule: Schedule::DAILY,
        measure: None,
    };
    store.add_habit(person, &new, now()).unwrap().id
}

struct Coaching {
    store: Store,
    noor: i64,
    sam: i64,
    session: i64,
}

fn coaching() -> Coaching {
    let mut store = Store::open_in_memory().unwrap();
    set_me(&mut store, "Coach Kim");
    let noor = client(&mut store, "Noor Haddad");
    let sam = client(&mut store, "Sam Ortiz");
    let at = today().and_hms_opt(9, 30, 0).unwrap();
    let session = store
        .add_session(noor, at, "First session", now())
        .unwrap()
        .id;
    Coaching {
        store,
        noor,
        sam,
        session,
    }
}

#[test]
fn a_session_keeps_what_was_run_in_it_once_each_with_names() {
    let Coaching {
        mut store,
        noor,
        session,
        ..
    } = coaching();
    let assessment = store
        .start_assessment(noor, "leadback-core", 1, now())
        .unwrap()
        .id;
    let walk = habit(&mut store, noor, "Walk at the back of the group");
    let items = [
        SessionItemInput::Assessment {
            assessment_id: assessment,
        },
        SessionItemInput::Habit { habit_id: walk },
        SessionItemInput::Exercise {
            exercise_id: "silent-meeting".into(),
        },
        SessionItemInput::Programme {
            programme_id: "three-days".into(),
        },
    ];
    for item in &items {
        store.add_session_item(session, item, now()).unwrap();
    }
    let again = store.add_session_item(session, &items[1], now()).unwrap();

    let listed = store.session_items(noor).unwrap();
    assert_eq!(listed.len(), 4, "the habit noted twice is one item");
    assert_eq!(again.id, listed[1].id);
    let summary: Vec<_> = listed
        .iter()
        .map(|i| {
            (
                i.kind,
                i.record_id,
                i.library_id.as_deref(),
                i.title.as_str(),
                i.finished,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                SessionItemKind::Assessment,
                Some(assessment),
                None,
                "Assessment",
                Some(false)
            ),
            (
                SessionItemKind::Habit,
                Some(walk),
                None,
                "Walk at the back of the group",
                None
            ),
            (
                SessionItemKind::Exercise,
                None,
                Some("silent-meeting"),
                "silent-meeting",
                None
            ),
            (
                SessionItemKind::Programme,
                None,
                Some("three-days"),
                "three-days",
                None
            ),
        ]
    );
    assert!(listed.iter().all(|i| i.session_id == session));

    let removed = store.remove_session_item(listed[2].id).unwrap();
    assert_eq!(removed.kind, SessionItemKind::Exercise);
    assert_eq!(store.session_items(noor).unwrap().len(), 3);
    assert!(matches!(
        store.remove_session_item(listed[2].id),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn another_clients_assessment_or_habit_cannot_be_put_in_a_session() {
    let Coaching {
        mut store,
        sam,
        session,
        noor,
    } = coaching();
    let theirs = store
        .start_assessment(sam, "leadback-core", 1, now())
        .unwrap()
        .id;
    let their_habit = habit(&mut store, sam, "Praise a contribution");
    for item in [
        SessionItemInput::Assessment {
            assessment_id: theirs,
        },
        SessionItemInput::Habit {
            habit_id: their_habit,
        },
        SessionItemInput::Habit { habit_id: 4242 },
    ] {
        assert!(
            matches!(
                store.add_session_item(session, &item, now()),
                Err(StoreError::NotFound { .. })
            ),
            "{item:?} was accepted"
        );
    }
    let unknown_session = store.add_session_item(
        4242,
        &SessionItemInput::Exercise {
            exercise_id: "silent-meeting".into(),
        },
        now(),
    );
    assert!(matches!(unknown_session, Err(StoreError::NotFound { .. })));
    assert!(store.session_items(noor).unwrap().is_empty());
}

#[test]
fn items_go_with_their_session_their_record_and_their_client() {
    let Coaching {
        mut store,
        noor,
        session,
        ..
    } = coaching();
    let assessment = store
        .start_assessment(noor, "leadback-core", 1, now())
        .unwrap()
        .id;
    store
        .add_session_item(
            session,
            &SessionItemInput::Assessment {
                assessment_id: assessment,
            },
            now(),
        )
        .unwrap();
    store
        .add_session_item(
            session,
            &SessionItemInput::Exercise {
                exercise_id: "silent-meeting".into(),
            },
            now(),
        )
        .unwrap();
    store.discard_assessment(assessment).unwrap();
    assert_eq!(
        store.session_items(noor).unwrap().len(),
        1,
        "a discarded assessment is no longer listed as run in the session"
    );
    store.delete_session(session).unwrap();
    assert!(store.session_items(noor).unwrap().is_empty());

    let later = store
        .add_session(noor, today().and_hms_opt(15, 0, 0).unwrap(), "", now())
        .unwrap()
        .id;
    store
        .add_session_item(
            later,
            &SessionItemInput::Programme {
                programme_id: "three-days".into(),
            },
            now(),
        )
        .unwrap();
    let export = store.export_person(noor, now()).unwrap();
    assert_eq!(
        export.tables["session_item"].rows.len(),
        1,
        "the client's own export carries what was run in their sessions"
    );
    store.erase_person(noor).unwrap();
    assert!(store.session_items(noor).unwrap().is_empty());
}

#[test]
fn homework_can_be_given_a_due_day_and_have_it_cleared() {
    let Coaching {
        mut store,
        noor,
        session,
        ..
    } = coaching();
    let work = store
        .assign_exercise(session, "silent-meeting", today())
        .unwrap();
    assert_eq!(store.homework(noor, today()).unwrap()[0].due_on, None);
    let friday = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    assert_eq!(store.set_homework_due(work, Some(friday)).unwrap(), noor);
    assert_eq!(
        store.homework(noor, today()).unwrap()[0].due_on,
        Some(friday)
    );
    assert_eq!(store.homework_assigned(work).unwrap(), (today(), noor));
    store.set_homework_due(work, None).unwrap();
    assert_eq!(store.homework(noor, today()).unwrap()[0].due_on, None);
    assert!(matches!(
        store.set_homework_due(4242, Some(friday)),
        Err(StoreError::NotFound { .. })
    ));
}
