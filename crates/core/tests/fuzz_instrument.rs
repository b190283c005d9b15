//! Fuzzing the instrument loader: arbitrary text, TOML made of the instrument's own keys, and the
//! built-in instrument damaged at random must be loaded or refused with a message, never panic; an
//! instrument that loads must then be usable — a questionnaire, and any in-scale answer sheet
//! scored and interpreted.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use std::collections::BTreeMap;

use common::{apply_text, arbitrary_text, assert_clear, config, text_edits, toml_like};
use leadback_core::assessment::{
    AnswerSheet, BUILTIN, BUILTIN_FILE_NAME, Instrument, Questionnaire, evaluate,
};
use proptest::prelude::*;

const FILE: &str = "fuzzed.toml";

/// Loads `text`; a refusal must name the problem. Returns the instrument when it loads.
fn load(text: &str) -> Option<Instrument> {
    match Instrument::parse(FILE, text) {
        Ok(instrument) => Some(instrument),
        Err(err) => {
            assert_clear(&err.to_string(), FILE);
            None
        }
    }
}

/// What the app does with a loaded instrument: shows it, and scores sheets answered at the bottom
/// of the scale, at the top, and a mix, with an option chosen in every scenario.
fn use_it(instrument: &Instrument) {
    let questionnaire = Questionnaire::new(instrument.view());
    assert!(questionnaire.finish_position() >= 0);
    serde_json::to_string(&questionnaire).expect("a loaded instrument serialises for the UI");

    let (min, max) = (instrument.scale().min, instrument.scale().max);
    let ids = instrument
        .items()
        .iter()
        .map(|i| i.id.clone())
        .chain(instrument.energy_items().iter().map(|e| e.id.clone()));
    let ids: Vec<String> = ids.collect();
    let pick = |pattern: usize, i: usize| match pattern {
        0 => Some(min),
        1 => Some(max),
        _ if i.is_multiple_of(3) => None,
        _ if i.is_multiple_of(2) => Some(min),
        _ => Some(max),
    };
    for pattern in 0..3 {
        let sheet = AnswerSheet {
            answers: ids
                .iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), pick(pattern, i)))
                .collect(),
            scenarios: instrument
                .scenarios()
                .iter()
                .enumerate()
                .filter_map(|(i, s)| {
                    let option = s.options.get((i + pattern) % s.options.len().max(1))?;
                    Some((s.id.clone(), option.id.clone()))
                })
                .collect::<BTreeMap<_, _>>(),
        };
        let result = evaluate(instrument, &sheet);
        assert!(
            result.is_ok(),
            "an in-scale sheet of a loaded instrument is scored: {result:?}"
        );
    }
}

#[test]
fn the_builtin_instrument_loads_and_is_usable() {
    // The mutations below start from this file; if it were refused they would test nothing.
    let instrument = Instrument::parse(BUILTIN_FILE_NAME, BUILTIN).unwrap();
    use_it(&instrument);
}

proptest! {
    #![proptest_config(config(concat!(env!("CARGO_MANIFEST_DIR"), "/proptest-regressions/fuzz_instrument.txt")))]

    #[test]
    fn arbitrary_text_is_loaded_or_refused(text in arbitrary_text()) {
        if let Some(instrument) = load(&text) {
            use_it(&instrument);
        }
    }

    #[test]
    fn toml_of_the_instruments_own_keys_is_loaded_or_refused(text in toml_like(BUILTIN)) {
        if let Some(instrument) = load(&text) {
            use_it(&instrument);
        }
    }

    #[test]
    fn a_damaged_builtin_instrument_is_loaded_or_refused(edits in text_edits()) {
        if let Some(instrument) = load(&apply_text(BUILTIN, &edits)) {
            use_it(&instrument);
        }
    }
}
