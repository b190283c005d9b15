//! Observer (360) forms in the store: a request has a token of its own, is answered once (a
//! second answer is refused and writes nothing), its answers come back grouped per observer, an
//! unanswered request can be withdrawn, and erasing the person erases every request and answer.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeZone, Utc};
use leadback_core::PersonName;
use leadback_core::clients::ClientDetails;
use leadback_store::{AnsweredVia, Store, StoreError};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).unwrap()
}

const CORE: (&str, i64) = ("leadback-core", 1);

fn store_with_client() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    store
        .set_my_name(&PersonName::parse("Coach Kim").unwrap(), now())
        .unwrap();
    let details = ClientDetails {
        name: "Noor Haddad".into(),
        contact: None,
        tags: Vec::new(),
    };
    let noor = store
        .add_client(&details, now().date_naive(), "Terms.", now())
        .unwrap()
        .person
        .id;
    (store, noor)
}

fn answers(pairs: &[(&str, Option<i64>)]) -> BTreeMap<String, Option<i64>> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .info()
        .unwrap()
        .counts
        .iter()
        .find(|c| c.table == table)
        .map(|c| c.rows)
        .unwrap()
}

#[test]
fn each_request_gets_its_own_random_token() {
    let (mut store, noor) = store_with_client();
    let a = store
        .add_observer_request(noor, "Her manager", CORE, now())
        .unwrap();
    let b = store
        .add_observer_request(noor, "A peer", CORE, now())
        .unwrap();
    assert_eq!(a.token.len(), 32);
    assert!(a.token.chars().all(|c| c.is_ascii_hexdigit()));
    assert_ne!(a.token, b.token);
    assert_eq!(
        store.observer_request_by_token(&b.token).unwrap(),
        Some(b.clone())
    );
    assert_eq!(
        store
            .observer_request_by_token("0".repeat(32).as_str())
            .unwrap(),
        None
    );
    let listed = store.observer_requests(noor).unwrap();
    assert_eq!(listed, [a, b]);
    assert!(listed.iter().all(|r| r.answered_at.is_none()));
}

#[test]
fn a_request_is_answered_once_and_a_second_answer_writes_nothing() {
    let (mut store, noor) = store_with_client();
    let request = store
        .add_observer_request(noor, "Her manager", CORE, now())
        .unwrap();
    let first = answers(&[("front-01", Some(4)), ("behind-01", None)]);
    let answered = store
        .record_observer_answers(request.id, &first, AnsweredVia::File, now())
        .unwrap();
    assert_eq!(answered.answered_at, Some(now()));
    assert_eq!(answered.answered_via, Some(AnsweredVia::File));

    let again = answers(&[("front-01", Some(1)), ("servant-01", Some(2))]);
    let err = store
        .record_observer_answers(request.id, &again, AnsweredVia::Here, now())
        .unwrap_err();
    assert!(matches!(err, StoreError::AlreadyAnswered { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("Her manager's answers are already in")
    );
    assert_eq!(store.observer_answer_sets(noor, CORE).unwrap(), [first]);
    assert_eq!(count(&store, "observer_answer"), 2);
}

#[test]
fn answers_come_back_per_observer_for_one_instrument_version_only() {
    let (mut store, noor) = store_with_client();
    let ask = |store: &mut Store, who: &str, instrument, values: Option<&[(&str, Option<i64>)]>| {
        let request = store
            .add_observer_request(noor, who, instrument, now())
            .unwrap();
        if let Some(values) = values {
            store
                .record_observer_answers(request.id, &answers(values), AnsweredVia::Here, now())
                .unwrap();
        }
    };
    ask(
        &mut store,
        "Manager",
        CORE,
        Some(&[("front-01", Some(4)), ("front-02", Some(2))]),
    );
    ask(&mut store, "Peer", CORE, Some(&[("front-01", Some(5))]));
    ask(&mut store, "Report", CORE, None);
    ask(
        &mut store,
        "Old form",
        ("leadback-core", 2),
        Some(&[("front-01", Some(1))]),
    );

    let sets = store.observer_answer_sets(noor, CORE).unwrap();
    assert_eq!(
        sets,
        [
            answers(&[("front-01", Some(4)), ("front-02", Some(2))]),
            answers(&[("front-01", Some(5))]),
        ]
    );
}

#[test]
fn only_an_unanswered_request_can_be_withdrawn() {
    let (mut store, noor) = store_with_client();
    let open = store
        .add_observer_request(noor, "Peer", CORE, now())
        .unwrap();
    let done = store
        .add_observer_request(noor, "Manager", CORE, now())
        .unwrap();
    store
        .record_observer_answers(
            done.id,
            &answers(&[("front-01", Some(3))]),
            AnsweredVia::Here,
            now(),
        )
        .unwrap();

    assert_eq!(store.delete_observer_request(open.id).unwrap().id, open.id);
    let err = store.delete_observer_request(done.id).unwrap_err();
    assert!(matches!(err, StoreError::AlreadyAnswered { .. }), "{err}");
    let left: Vec<_> = store
        .observer_requests(noor)
        .unwrap()
        .into_iter()
        .map(|r| r.observer)
        .collect();
    assert_eq!(left, ["Manager"]);
    assert!(matches!(
        store.observer_request(open.id),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn unknown_people_and_requests_are_not_found_and_write_nothing() {
    let (mut store, _) = store_with_client();
    assert!(matches!(
        store.add_observer_request(999, "Peer", CORE, now()),
        Err(StoreError::NotFound { what: "person", .. })
    ));
    assert!(matches!(
        store.record_observer_answers(
            999,
            &answers(&[("front-01", Some(3))]),
            AnsweredVia::Here,
            now()
        ),
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(count(&store, "observer_request"), 0);
    assert_eq!(count(&store, "observer_answer"), 0);
}

#[test]
fn erasing_the_person_erases_their_observers_answers() {
    let (mut store, noor) = store_with_client();
    let request = store
        .add_observer_request(noor, "Her manager", CORE, now())
        .unwrap();
    store
        .record_observer_answers(
            request.id,
            &answers(&[("front-01", Some(4))]),
            AnsweredVia::File,
            now(),
        )
        .unwrap();
    store.erase_person(noor).unwrap();
    assert_eq!(count(&store, "observer_request"), 0);
    assert_eq!(count(&store, "observer_answer"), 0);
}

#[test]
fn a_persons_export_carries_their_observers_answers_and_no_one_elses() {
    let (mut store, noor) = store_with_client();
    let details = ClientDetails {
        name: "Sam Ortiz".into(),
        contact: None,
        tags: Vec::new(),
    };
    let sam = store
        .add_client(&details, now().date_naive(), "Terms.", now())
        .unwrap()
        .person
        .id;
    for (person, value) in [(noor, 4), (sam, 2)] {
        let request = store
            .add_observer_request(person, "A peer", CORE, now())
            .unwrap();
        store
            .record_observer_answers(
                request.id,
                &answers(&[("front-01", Some(value)), ("behind-01", None)]),
                AnsweredVia::Here,
                now(),
            )
            .unwrap();
    }
    let doc = store.export_person(noor, now()).unwrap();
    let rows = |table: &str| doc.tables.get(table).map_or(0, |t| t.rows.len());
    assert_eq!(rows("observer_request"), 1);
    assert_eq!(rows("observer_answer"), 2);
    // Noor's observer answered 4 (and skipped one); Sam's observer's 2 is not in Noor's export.
    let table = &doc.tables["observer_answer"];
    let value = table.columns.iter().position(|c| c == "value").unwrap();
    let mut values: Vec<String> = table.rows.iter().map(|r| r[value].to_string()).collect();
    values.sort();
    assert_eq!(values, ["4", "null"]);
}
