//! Fuzzing the programme loaders — the TOML a programme is written in and the JSON exchange file a
//! facilitator sends out: arbitrary text, files made of their own keys, and the built-in programme
//! damaged at random must be loaded or refused with a message, never panic. A programme that loads
//! must survive the trip every programme makes: exported, imported again, the same programme.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use std::collections::BTreeSet;
use std::sync::LazyLock;

use common::{
    apply_text, arbitrary_text, assert_clear, config, json_keys, json_value, text_edits, toml_like,
};
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::{HabitLibrary, builtin_library};
use leadback_core::programmes::{self, Programme, progress};
use proptest::prelude::*;
use serde_json::{Value, json};

const FILE: &str = "fuzzed";

static LIBRARIES: LazyLock<(ExerciseLibrary, HabitLibrary)> = LazyLock::new(|| {
    (
        ExerciseLibrary::builtin().unwrap(),
        builtin_library().unwrap(),
    )
});

/// The built-in programme's TOML, and the same programme as an exchange file.
fn builtin_toml() -> &'static str {
    programmes::BUILTIN[0].1
}

static BUILTIN_JSON: LazyLock<String> = LazyLock::new(|| {
    let (exercises, habits) = &*LIBRARIES;
    programmes::builtin(exercises, habits).unwrap()[0].export_file()
});

/// What happens to a programme that loads: its progress is shown, it is exported, and the exported
/// file imports as the same programme.
fn use_it(programme: &Programme) {
    let (exercises, habits) = &*LIBRARIES;
    let all: BTreeSet<String> = programme.items().map(|i| i.key.clone()).collect();
    progress(programme, &BTreeSet::new());
    progress(programme, &all);
    let text = programme.export_file();
    let again = Programme::import_file(FILE, &text, exercises, habits);
    assert_eq!(
        again.as_ref(),
        Ok(programme),
        "an exported programme imports unchanged"
    );
}

fn load_toml(text: &str) {
    let (exercises, habits) = &*LIBRARIES;
    match Programme::parse(FILE, text, exercises, habits) {
        Ok(programme) => use_it(&programme),
        Err(err) => assert_clear(&err.to_string(), FILE),
    }
}

fn load_json(text: &str) {
    let (exercises, habits) = &*LIBRARIES;
    match Programme::import_file(FILE, text, exercises, habits) {
        Ok(programme) => use_it(&programme),
        Err(err) => assert_clear(&err.to_string(), FILE),
    }
}

/// An exchange envelope around any JSON made of a programme file's keys; sometimes the envelope
/// itself is wrong.
fn programme_json() -> impl Strategy<Value = String> {
    let keys = json_keys(&BUILTIN_JSON);
    (
        json_value(keys),
        prop_oneof![
            4 => Just(json!("leadback-programme")),
            1 => Just(json!("leadback-results")),
            1 => Just(Value::Null),
        ],
        prop_oneof![
            4 => Just(json!(1)),
            1 => any::<i64>().prop_map(Value::from),
            1 => Just(json!(1.0)),
            1 => Just(json!("1")),
        ],
    )
        .prop_map(|(programme, format, version)| {
            json!({ "format": format, "format_version": version, "programme": programme })
                .to_string()
        })
}

#[test]
fn the_builtin_programme_loads_from_toml_and_json() {
    // The mutations below start from these files; if they were refused they would test nothing.
    let (exercises, habits) = &*LIBRARIES;
    let programme = Programme::parse(FILE, builtin_toml(), exercises, habits).unwrap();
    use_it(&programme);
    Programme::import_file(FILE, &BUILTIN_JSON, exercises, habits).unwrap();
}

proptest! {
    #![proptest_config(config(concat!(env!("CARGO_MANIFEST_DIR"), "/proptest-regressions/fuzz_programmes.txt")))]

    #[test]
    fn arbitrary_text_is_loaded_or_refused_as_a_programme(text in arbitrary_text()) {
        load_toml(&text);
        load_json(&text);
    }

    #[test]
    fn toml_of_a_programmes_keys_is_loaded_or_refused(text in toml_like(builtin_toml())) {
        load_toml(&text);
    }

    #[test]
    fn a_damaged_builtin_programme_is_loaded_or_refused(edits in text_edits()) {
        load_toml(&apply_text(builtin_toml(), &edits));
    }

    #[test]
    fn json_of_a_programme_files_keys_is_loaded_or_refused(text in programme_json()) {
        load_json(&text);
    }

    #[test]
    fn a_damaged_programme_file_is_loaded_or_refused(edits in text_edits()) {
        load_json(&apply_text(&BUILTIN_JSON, &edits));
    }
}
