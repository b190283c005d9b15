//! Deleting a programme a facilitator imported or wrote: what goes with it is named first, it all
//! goes in one step, and the programme that comes with Leadback stays.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::builtin_library;
use leadback_core::programmes::{self, Programme};
use leadback_store::{ProgrammeDeletion, Store, StoreError, StoredProgramme};
use leadback_testkit::{now, set_me};

fn builtin() -> Vec<Programme> {
    programmes::builtin(
        &ExerciseLibrary::builtin().unwrap(),
        &builtin_library().unwrap(),
    )
    .unwrap()
}

fn save(store: &mut Store, id: &str, title: &str) {
    let programme = StoredProgramme {
        id: id.into(),
        version: 1,
        title: title.into(),
        body: "{}".into(),
        origin: "authored".into(),
    };
    store.save_programme(&programme, now()).unwrap();
}

/// A store with two authored programmes, progress and results in the first and in the built-in one.
fn with_programmes() -> (Store, String) {
    let mut store = Store::open_in_memory().unwrap();
    let me = set_me(&mut store, "Ada");
    save(&mut store, "weekend", "A weekend at the back");
    save(&mut store, "evenings", "Five evenings");
    let sample = builtin()[0].id.clone();
    for (programme, item) in [
        ("weekend", "walk"),
        ("weekend", "rest"),
        ("evenings", "walk"),
    ] {
        store
            .set_programme_item_done(me, programme, item, true, now())
            .unwrap();
    }
    store
        .set_programme_item_done(me, &sample, "walk", true, now())
        .unwrap();
    let results = [("weekend", "p1"), ("weekend", "p2"), ("weekend", "p3")]
        .map(|(programme, code)| (programme.to_owned(), code.to_owned(), "{}".to_owned()));
    store.import_cohort_results(&results, now()).unwrap();
    store
        .import_cohort_results(&[("evenings".into(), "p1".into(), "{}".into())], now())
        .unwrap();
    (store, sample)
}

#[test]
fn deleting_a_programme_names_what_goes_then_removes_only_that() {
    let (mut store, sample) = with_programmes();
    let expected = ProgrammeDeletion {
        id: "weekend".into(),
        title: "A weekend at the back".into(),
        items_done: 2,
        cohort_results: 3,
    };
    let preview = store
        .programme_deletion_preview("weekend", &builtin())
        .unwrap();
    assert_eq!(
        preview, expected,
        "the preview names the ticks and results that go"
    );
    assert_eq!(
        store.programmes().unwrap().len(),
        2,
        "a preview deletes nothing"
    );

    assert_eq!(
        store.delete_programme("weekend", &builtin()).unwrap(),
        expected
    );
    let left: Vec<_> = store
        .programmes()
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(left, ["evenings"]);
    let me = store.me().unwrap().unwrap().id;
    assert!(
        store
            .programme_items_done(me, "weekend")
            .unwrap()
            .is_empty()
    );
    assert!(store.cohort_results("weekend").unwrap().is_empty());
    assert_eq!(store.programme_items_done(me, "evenings").unwrap().len(), 1);
    assert_eq!(store.cohort_results("evenings").unwrap().len(), 1);
    assert_eq!(store.programme_items_done(me, &sample).unwrap().len(), 1);
}

#[test]
fn the_builtin_programme_and_unknown_ids_cannot_be_deleted() {
    let (mut store, sample) = with_programmes();
    let before = store.export_all(now()).unwrap().tables;
    let err = store.delete_programme(&sample, &builtin()).unwrap_err();
    assert!(
        matches!(err, StoreError::BuiltInProgramme { .. }),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("comes with Leadback and cannot be deleted"),
        "{err}"
    );
    let err = store
        .programme_deletion_preview(&sample, &builtin())
        .unwrap_err();
    assert!(matches!(err, StoreError::BuiltInProgramme { .. }));
    let err = store.delete_programme("nope", &builtin()).unwrap_err();
    assert!(matches!(err, StoreError::NoProgramme { .. }), "{err:?}");
    assert_eq!(
        store.export_all(now()).unwrap().tables,
        before,
        "a refused deletion writes nothing"
    );
}
