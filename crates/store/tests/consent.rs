//! A client who withdrew consent: nothing new is taken about them (assessment, session, session
//! item, homework, observer form) and nothing is written, until consent is recorded again, which
//! keeps the history of their consent.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use leadback_core::PersonName;
use leadback_core::assessment::InstrumentLibrary;
use leadback_core::clients::{ClientDetails, SessionItemInput};
use leadback_core::habits::{HabitName, Schedule};
use leadback_store::{NewHabit, Store, StoreError};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

/// A coach, and Sam, who gave consent on 1 November and has a session, a habit and a finished
/// assessment from before.
struct Coaching {
    store: Store,
    me: i64,
    sam: i64,
    session: i64,
    habit: i64,
}

fn coaching() -> Coaching {
    let mut store = Store::open_in_memory().unwrap();
    let me = store
        .set_my_name(&PersonName::parse("Coach Kim").unwrap(), now())
        .unwrap()
        .id;
    let details = ClientDetails {
        name: "Sam".into(),
        contact: None,
        tags: Vec::new(),
    };
    let sam = store
        .add_client(
            &details,
            NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            "Notes kept on this laptop.",
            now(),
        )
        .unwrap()
        .person
        .id;
    let session = store
        .add_session(sam, day(1).and_hms_opt(9, 0, 0).unwrap(), "First", now())
        .unwrap()
        .id;
    let name = HabitName::parse("Ask before telling").unwrap();
    let habit = store
        .add_habit(
            sam,
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
        .id;
    Coaching {
        store,
        me,
        sam,
        session,
        habit,
    }
}

fn withdrawn(result: Result<impl std::fmt::Debug, StoreError>, what: &str) {
    match result {
        Err(StoreError::ConsentWithdrawn { person, on }) => {
            assert_eq!((person.as_str(), on), ("Sam", day(1)), "{what}");
        }
        other => panic!("{what}: expected a refusal for withdrawn consent, got {other:?}"),
    }
}

#[test]
fn after_a_withdrawal_nothing_new_is_taken_and_nothing_is_written() {
    let mut c = coaching();
    let instruments = InstrumentLibrary::builtin().unwrap();
    c.store.withdraw_consent(c.sam, day(1)).unwrap();
    let before = c.store.export_all(now()).unwrap().tables;

    let store = &mut c.store;
    withdrawn(
        store.start_assessment(c.sam, "leadback-core", 1, now()),
        "an assessment, as when the coach acts for them",
    );
    withdrawn(
        store.add_session(c.sam, day(2).and_hms_opt(9, 0, 0).unwrap(), "", now()),
        "a session",
    );
    withdrawn(
        store.add_session_item(
            c.session,
            &SessionItemInput::Habit { habit_id: c.habit },
            now(),
        ),
        "a session item",
    );
    withdrawn(store.assign_habit(c.session, c.habit, day(1)), "homework");
    withdrawn(
        store.assign_exercise(c.session, "listen-first", day(1)),
        "an exercise as homework",
    );
    let name = HabitName::parse("Let others go first").unwrap();
    let library_habit = NewHabit {
        library_id: Some("let-others-go-first"),
        name: &name,
        stance: None,
        why: None,
        schedule: Schedule::DAILY,
        measure: None,
    };
    withdrawn(
        store.assign_library_habit(c.session, &library_habit, day(1), now()),
        "a library habit as homework",
    );
    withdrawn(
        store.add_observer_request(c.sam, "her manager", ("leadback-core", 1), now()),
        "an observer request",
    );
    withdrawn(
        store.ask_observer(c.sam, "her manager", &instruments, now()),
        "an observer form",
    );
    assert_eq!(
        store.export_all(now()).unwrap().tables,
        before,
        "every refusal wrote nothing"
    );
    let err = store
        .add_session(c.sam, day(2).and_hms_opt(9, 0, 0).unwrap(), "", now())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Sam withdrew consent on 2026-12-01: record their consent again before starting an assessment, a session, homework or an observer form. Nothing was changed."
    );

    // What was kept before stays readable and can still be corrected.
    assert_eq!(store.sessions(c.sam).unwrap().len(), 1);
    store
        .update_session(
            c.session,
            day(1).and_hms_opt(10, 0, 0).unwrap(),
            "First, moved",
            now(),
        )
        .unwrap();
}

#[test]
fn consent_given_again_after_a_withdrawal_allows_new_work_and_keeps_the_history() {
    let mut c = coaching();
    c.store.withdraw_consent(c.sam, day(1)).unwrap();
    c.store
        .record_consent(c.sam, day(3), "Notes kept on this laptop, again.", now())
        .unwrap();

    c.store
        .add_session(c.sam, day(3).and_hms_opt(9, 0, 0).unwrap(), "Back", now())
        .unwrap();
    c.store
        .start_assessment(c.sam, "leadback-core", 1, now())
        .unwrap();
    c.store.assign_habit(c.session, c.habit, day(3)).unwrap();
    let history: Vec<_> = c
        .store
        .consents(c.sam)
        .unwrap()
        .into_iter()
        .map(|consent| (consent.agreed_on, consent.withdrawn_on))
        .collect();
    assert_eq!(
        history,
        [
            (day(3), None),
            (NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), Some(day(1)))
        ],
        "newest first, the withdrawal kept"
    );
}

#[test]
fn the_coachs_own_work_needs_no_consent() {
    let mut c = coaching();
    c.store.withdraw_consent(c.sam, day(1)).unwrap();
    c.store
        .start_assessment(c.me, "leadback-core", 1, now())
        .unwrap();
    c.store
        .add_observer_request(c.me, "my manager", ("leadback-core", 1), now())
        .unwrap();
}
