//! A coach's own instruments in the store: imported once per id and version, kept as their text,
//! loaded back into the library so assessments taken on them are scored; and the import path
//! (the domain's check, then the insert) fuzzed with damaged files: a refused file writes nothing,
//! an accepted one loads back exactly.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

// The text edits the core loaders' fuzz tests use.
#[path = "../../core/tests/common/mod.rs"]
mod common;

use chrono::{DateTime, TimeZone, Utc};
use common::{apply_text, assert_clear, config, text_edits, toml_like};
use leadback_core::PersonName;
use leadback_core::assessment::{InstrumentLibrary, consistency};
use leadback_store::Store;
use proptest::prelude::*;

const PULSE: &str = include_str!("../../../tests/fixtures/instruments/team-pulse.toml");
const PULSE_V2: &str = include_str!("../../../tests/fixtures/instruments/team-pulse-v2.toml");

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 9, 30, 0).unwrap()
}

fn known(_: &str) -> bool {
    true
}

/// The app's import: the domain's check against what is stored, then the insert.
fn import(store: &mut Store, name: &str, text: &str) -> Result<bool, String> {
    let library = library(store);
    let parsed = leadback_core::assessment::Instrument::parse(name, text).ok();
    let existing = match &parsed {
        Some(i) => store
            .custom_instrument_text(i.id(), i64::from(i.version()))
            .unwrap(),
        None => None,
    };
    let (instrument, _) = library
        .check_custom(name, text, existing.as_deref(), known, known)
        .map_err(|e| e.to_string())?;
    Ok(store
        .add_custom_instrument(
            instrument.id(),
            i64::from(instrument.version()),
            text,
            now(),
        )
        .unwrap())
}

fn library(store: &Store) -> InstrumentLibrary {
    let (library, broken) = InstrumentLibrary::builtin()
        .unwrap()
        .with_stored(store.custom_instruments().unwrap());
    assert!(broken.is_empty(), "{broken:?}");
    library
}

#[test]
fn importing_twice_adds_once_and_a_new_version_is_kept_beside_the_old() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(import(&mut store, "team-pulse.toml", PULSE), Ok(true));
    assert_eq!(import(&mut store, "team-pulse.toml", PULSE), Ok(false));
    assert_eq!(import(&mut store, "v2.toml", PULSE_V2), Ok(true));
    let stored = store.custom_instruments().unwrap();
    let keys: Vec<_> = stored.iter().map(|s| (s.id.as_str(), s.version)).collect();
    assert_eq!(keys, [("team-pulse", 1), ("team-pulse", 2)]);
    assert_eq!(stored[0].text, PULSE);
    assert_eq!(stored[0].imported_at, now());

    let changed = PULSE.replace("Team pulse: a short", "Team pulse: a changed");
    let err = import(&mut store, "changed.toml", &changed).unwrap_err();
    assert!(
        err.contains("already imported with different content"),
        "{err}"
    );
    assert_eq!(
        store
            .custom_instrument_text("team-pulse", 1)
            .unwrap()
            .as_deref(),
        Some(PULSE)
    );
}

#[test]
fn the_choice_of_instrument_is_kept_and_assessments_on_it_are_found_for_consistency() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.chosen_instrument().unwrap(), None);
    import(&mut store, "team-pulse.toml", PULSE).unwrap();
    store.choose_instrument("team-pulse", 1).unwrap();
    assert_eq!(
        store.chosen_instrument().unwrap(),
        Some(("team-pulse".to_owned(), 1))
    );

    let me = store
        .set_my_name(&PersonName::parse("Coach Kim").unwrap(), now())
        .unwrap();
    let library = library(&store);
    let pulse = library.find("team-pulse", 1).unwrap();
    let record = store.start_assessment(me.id, pulse.id(), 1, now()).unwrap();
    for item in pulse.items() {
        store
            .save_answer(record.id, &item.id, Some(4), 0, now())
            .unwrap();
    }
    store.complete_assessment(record.id, now()).unwrap();
    let sheets = store.completed_sheets("team-pulse", 1).unwrap();
    assert_eq!(sheets.len(), 1);
    assert!(
        store
            .completed_sheets("leadback-core", 1)
            .unwrap()
            .is_empty()
    );
    let result = consistency(pulse, &sheets);
    assert!(
        result
            .iter()
            .all(|s| s.assessments == 1 && s.alpha.is_none())
    );
}

/// What a refused or accepted fuzzed file must leave behind.
fn import_or_refuse(text: &str) {
    let mut store = Store::open_in_memory().unwrap();
    match import(&mut store, "fuzzed.toml", text) {
        Ok(added) => {
            assert!(added);
            let stored = store.custom_instruments().unwrap();
            assert_eq!(stored.len(), 1);
            let library = library(&store);
            let found = library.find(&stored[0].id, stored[0].version).unwrap();
            assert_ne!(found.id(), "leadback-core");
        }
        Err(message) => {
            assert_clear(&message, "fuzzed.toml");
            assert!(
                store.custom_instruments().unwrap().is_empty(),
                "a refused file wrote a row"
            );
        }
    }
}

proptest! {
    #![proptest_config(config(concat!(env!("CARGO_MANIFEST_DIR"), "/proptest-regressions/instruments.txt")))]

    #[test]
    fn a_damaged_custom_instrument_is_imported_whole_or_not_at_all(edits in text_edits()) {
        import_or_refuse(&apply_text(PULSE, &edits));
    }

    #[test]
    fn toml_of_the_instruments_own_keys_is_imported_or_refused(text in toml_like(PULSE)) {
        import_or_refuse(&text);
    }
}
