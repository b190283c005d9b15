//! Assessments are saved answer by answer and survive reopening; finished ones are frozen.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use chrono::{DateTime, Duration, TimeZone, Utc};
use leadback_core::PersonName;
use leadback_store::{Store, StoreError};

fn t(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap() + Duration::minutes(minutes)
}

fn store_with_me(dir: &std::path::Path) -> (Store, i64) {
    let mut store = Store::open_in(dir).unwrap();
    let me = store
        .set_my_name(&PersonName::parse("Ada").unwrap(), t(0))
        .unwrap();
    (store, me.id)
}

#[test]
fn answers_given_before_closing_are_there_to_resume_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let assessment_id = {
        let (mut store, me) = store_with_me(dir.path());
        let a = store
            .start_assessment(me, "leadback-core", 1, t(1))
            .unwrap();
        store.save_answer(a.id, "f1", Some(4), 1, t(2)).unwrap();
        store.save_answer(a.id, "b1", None, 2, t(3)).unwrap();
        store
            .save_choice(a.id, "hike", Some("hike-back"), 3, t(4))
            .unwrap();
        a.id
    };
    let mut store = Store::open_in(dir.path()).unwrap();
    let me = store.me().unwrap().unwrap().id;
    let open = store
        .open_assessment(me)
        .unwrap()
        .expect("an unfinished assessment");
    assert_eq!(open.id, assessment_id);
    assert_eq!(open.position, 3, "resumes where the person left off");
    assert_eq!(open.answers.get("f1"), Some(&Some(4)));
    assert_eq!(
        open.answers.get("b1"),
        Some(&None),
        "a skip is remembered as a skip"
    );
    assert_eq!(
        open.choices.get("hike"),
        Some(&Some("hike-back".to_owned()))
    );

    let again = store
        .start_assessment(me, "leadback-core", 1, t(9))
        .unwrap();
    assert_eq!(
        again.id, assessment_id,
        "starting again resumes instead of duplicating"
    );
}

#[test]
fn changing_an_answer_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_me(dir.path());
    let a = store
        .start_assessment(me, "leadback-core", 1, t(1))
        .unwrap();
    store.save_answer(a.id, "f1", Some(2), 1, t(2)).unwrap();
    store.save_answer(a.id, "f1", Some(5), 1, t(3)).unwrap();
    assert_eq!(store.assessment(a.id).unwrap().answers.len(), 1);
    assert_eq!(store.assessment(a.id).unwrap().answers["f1"], Some(5));
}

#[test]
fn a_finished_assessment_is_frozen_and_listed_in_history_oldest_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_me(dir.path());
    let first = store
        .start_assessment(me, "leadback-core", 1, t(1))
        .unwrap();
    store.save_answer(first.id, "f1", Some(3), 1, t(2)).unwrap();
    let done = store.complete_assessment(first.id, t(3)).unwrap();
    assert_eq!(done.completed_at, Some(t(3)));

    let err = store
        .save_answer(first.id, "f1", Some(1), 1, t(4))
        .unwrap_err();
    assert!(matches!(err, StoreError::Finished { .. }), "{err:?}");
    assert_eq!(store.assessment(first.id).unwrap().answers["f1"], Some(3));

    let second = store
        .start_assessment(me, "leadback-core", 2, t(10))
        .unwrap();
    assert_ne!(second.id, first.id, "a finished assessment is not resumed");
    store.complete_assessment(second.id, t(11)).unwrap();
    let history = store.completed_assessments(me).unwrap();
    let versions: Vec<i64> = history.iter().map(|a| a.instrument_version).collect();
    assert_eq!(versions, [1, 2]);
    assert_eq!(store.open_assessment(me).unwrap(), None);
}

#[test]
fn discarding_removes_the_unfinished_assessment_and_its_answers() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_me(dir.path());
    let a = store
        .start_assessment(me, "leadback-core", 1, t(1))
        .unwrap();
    store.save_answer(a.id, "f1", Some(3), 1, t(2)).unwrap();
    store.discard_assessment(a.id).unwrap();
    assert_eq!(store.open_assessment(me).unwrap(), None);
    let info = store.info().unwrap();
    let rows = |table: &str| info.counts.iter().find(|c| c.table == table).unwrap().rows;
    assert_eq!((rows("assessment"), rows("assessment_answer")), (0, 0));
}

#[test]
fn unknown_assessments_are_reported_as_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = store_with_me(dir.path());
    let err = store.save_answer(999, "f1", Some(3), 0, t(1)).unwrap_err();
    assert!(
        matches!(err, StoreError::NotFound { id: 999, .. }),
        "{err:?}"
    );
}
