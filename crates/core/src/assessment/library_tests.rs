use chrono::TimeZone;

use super::*;

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/instruments"
);
const PULSE: &str = include_str!("../../../../tests/fixtures/instruments/team-pulse.toml");
const PULSE_V2: &str = include_str!("../../../../tests/fixtures/instruments/team-pulse-v2.toml");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap()
}

fn known(_: &str) -> bool {
    true
}

fn stored(text: &str, day: u32) -> StoredInstrument {
    let instrument = Instrument::parse("stored", text).unwrap();
    StoredInstrument {
        id: instrument.id().to_owned(),
        version: i64::from(instrument.version()),
        text: text.to_owned(),
        imported_at: Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap(),
    }
}

#[test]
fn finds_the_builtin_by_id_and_version_and_nothing_else() {
    let library = InstrumentLibrary::builtin().unwrap();
    let current = library.current();
    let version = i64::from(current.version());
    assert_eq!(
        library.find(current.id(), version).map(Instrument::id),
        Ok(current.id())
    );
    assert_eq!(
        library.find(current.id(), version + 1).map(Instrument::id),
        Err(LibraryError::Unknown {
            id: current.id().to_owned(),
            version: version + 1
        })
    );
}

#[test]
fn stored_instruments_join_the_library_every_version_kept_and_the_builtin_stays_current() {
    let (library, broken) = InstrumentLibrary::builtin()
        .unwrap()
        .with_stored([stored(PULSE, 1), stored(PULSE_V2, 2)]);
    assert!(broken.is_empty());
    assert_eq!(library.current().id(), "leadback-core");
    // An assessment taken on version 1 is still scored on version 1 once version 2 exists.
    assert_eq!(
        library
            .find("team-pulse", 1)
            .map(|i| i.view().title.as_str()),
        Ok("Team pulse: a short check on how I lead")
    );
    assert_eq!(
        library
            .find("team-pulse", 2)
            .map(|i| i.view().title.as_str()),
        Ok("Team pulse, second edition")
    );
    let list = library.summaries();
    let rows: Vec<_> = list
        .iter()
        .map(|s| (s.id.as_str(), s.version, s.builtin, s.current, s.items))
        .collect();
    assert_eq!(
        rows,
        [
            ("leadback-core", 1, true, true, 30),
            ("team-pulse", 1, false, false, 9),
            ("team-pulse", 2, false, false, 9),
        ]
    );
    assert_eq!(list[0].imported_at, None);
    assert_eq!(list[2].imported_at, Some(stored(PULSE, 2).imported_at));
}

#[test]
fn a_chosen_instrument_becomes_current_and_an_unknown_choice_changes_nothing() {
    let (mut library, _) = InstrumentLibrary::builtin()
        .unwrap()
        .with_stored([stored(PULSE, 1)]);
    library.choose("team-pulse", 1).unwrap();
    assert_eq!(library.current().id(), "team-pulse");
    assert!(library.summaries()[1].current);
    assert!(library.choose("team-pulse", 7).is_err());
    assert_eq!(library.current().id(), "team-pulse");
    library.choose("leadback-core", 1).unwrap();
    assert_eq!(library.current().id(), "leadback-core");
}

#[test]
fn a_stored_file_that_no_longer_parses_is_left_out_and_reported() {
    let mut bad = stored(PULSE, 1);
    bad.text.push_str("\nsurprise = 1\n");
    let (library, broken) = InstrumentLibrary::builtin()
        .unwrap()
        .with_stored([bad, stored(PULSE_V2, 2)]);
    assert_eq!(broken.len(), 1);
    assert!(library.find("team-pulse", 1).is_err());
    assert!(library.find("team-pulse", 2).is_ok());
}

#[test]
fn a_valid_file_is_new_then_the_same_file_again_is_a_no_op() {
    let library = InstrumentLibrary::builtin().unwrap();
    let (instrument, new) = library
        .check_custom("team-pulse.toml", PULSE, None, known, known)
        .unwrap();
    assert_eq!(
        (instrument.id(), instrument.version(), new),
        ("team-pulse", 1, true)
    );
    let (_, new) = library
        .check_custom("team-pulse.toml", PULSE, Some(PULSE), known, known)
        .unwrap();
    assert!(!new);
}

#[test]
fn the_same_version_with_different_content_is_refused() {
    let library = InstrumentLibrary::builtin().unwrap();
    let changed = fixture("team-pulse-changed.toml");
    let err = library
        .check_custom("changed.toml", &changed, Some(PULSE), known, known)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "changed.toml: version 1 of \"team-pulse\" was already imported with different content; \
         raise the version number to import a changed file (assessments keep the version they \
         were taken on)"
    );
}

#[test]
fn the_builtin_id_is_refused() {
    let library = InstrumentLibrary::builtin().unwrap();
    let err = library
        .check_custom(
            "mine.toml",
            &fixture("broken-builtin-id.toml"),
            None,
            known,
            known,
        )
        .unwrap_err();
    assert!(
        matches!(err, CustomInstrumentError::BuiltinId { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("an id of its own"));
}

#[test]
fn an_id_longer_than_the_database_holds_is_refused() {
    let library = InstrumentLibrary::builtin().unwrap();
    let long = "p".repeat(101);
    let text =
        fixture("team-pulse.toml").replacen("id = \"team-pulse\"", &format!("id = \"{long}\""), 1);
    let err = library
        .check_custom("long.toml", &text, None, known, known)
        .unwrap_err();
    assert!(
        matches!(
            err,
            CustomInstrumentError::IdTooLong {
                chars: 101,
                max: 100,
                ..
            }
        ),
        "{err}"
    );
    let fits = fixture("team-pulse.toml").replacen(
        "id = \"team-pulse\"",
        &format!("id = \"{}\"", "p".repeat(100)),
        1,
    );
    assert!(
        library
            .check_custom("fits.toml", &fits, None, known, known)
            .is_ok()
    );
}

#[test]
fn schema_faults_come_with_the_parsers_own_places_and_problems() {
    let library = InstrumentLibrary::builtin().unwrap();
    let err = library
        .check_custom(
            "broken.toml",
            &fixture("broken-schema.toml"),
            None,
            known,
            known,
        )
        .unwrap_err();
    let message = err.to_string();
    assert!(message.starts_with("broken.toml: "), "{message}");
    assert!(message.contains("item \"tp-front-2\""), "{message}");
    assert!(message.contains("\"frnt\""), "{message}");
    assert!(message.contains("fall in no band"), "{message}");

    let err = library
        .check_custom(
            "syntax.toml",
            &fixture("broken-syntax.toml"),
            None,
            known,
            known,
        )
        .unwrap_err();
    assert!(matches!(
        err,
        CustomInstrumentError::Invalid(InstrumentError::Syntax { .. })
    ));
}

#[test]
fn suggestions_must_name_habits_and_exercises_leadback_has() {
    let library = InstrumentLibrary::builtin().unwrap();
    let text = fixture("broken-unknown-habit.toml");
    let err = library
        .check_custom("mine.toml", &text, None, |id| id != "nap-all-day", known)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "mine.toml: suggestion rule 1 names the habit \"nap-all-day\", which Leadback's library \
         does not have"
    );
    let err = library
        .check_custom("mine.toml", PULSE, None, known, |id| id != "listen-first")
        .unwrap_err();
    assert!(err.to_string().contains("the exercise \"listen-first\""));
}

#[test]
fn a_file_over_one_megabyte_is_refused_before_parsing() {
    let library = InstrumentLibrary::builtin().unwrap();
    let big = format!("{PULSE}\n#{}", "x".repeat(MAX_INSTRUMENT_BYTES));
    let err = library
        .check_custom("big.toml", &big, None, known, known)
        .unwrap_err();
    assert!(matches!(err, CustomInstrumentError::TooLarge { .. }));
    assert!(err.to_string().contains("at most 1048576 bytes (1 MB)"));
    assert!(check_size("ok.toml", MAX_INSTRUMENT_BYTES).is_ok());
}
