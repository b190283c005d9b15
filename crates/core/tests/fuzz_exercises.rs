//! Fuzzing the exercise and habit library loaders: arbitrary text, TOML made of the files' own keys,
//! and the built-in files damaged at random must be loaded or refused with a message, never panic.
//! A damaged file that still loads must fit into a library beside the other built-in files.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use std::sync::LazyLock;

use common::{apply_text, arbitrary_text, assert_clear, config, text_edits, toml_like};
use leadback_core::exercises::{self, Exercise, ExerciseLibrary};
use leadback_core::habits::{BUILTIN_LIBRARY, HabitLibrary, builtin_library};
use leadback_core::programmes;
use proptest::prelude::*;
use proptest::sample::Index;

const FILE: &str = "fuzzed.toml";

static HABITS: LazyLock<HabitLibrary> = LazyLock::new(|| builtin_library().unwrap());

/// Every built-in exercise file, one after the other: the vocabulary of an exercise file.
static ALL_EXERCISES: LazyLock<String> = LazyLock::new(|| {
    exercises::BUILTIN
        .iter()
        .map(|(_, text)| *text)
        .collect::<Vec<_>>()
        .join("\n")
});

fn load_exercise(text: &str) -> Option<Exercise> {
    match Exercise::parse(FILE, text, &HABITS) {
        Ok(exercise) => {
            serde_json::to_string(&exercise).expect("a loaded exercise serialises for the UI");
            Some(exercise)
        }
        Err(err) => {
            assert_clear(&err.to_string(), FILE);
            None
        }
    }
}

/// A library of the built-in files with the one at `index` replaced by `text`: loads, or is
/// refused naming the files at fault.
fn library_with(index: usize, text: &str) {
    let mut files = exercises::BUILTIN.to_vec();
    files[index].1 = text;
    if let Err(err) = ExerciseLibrary::parse(&files, &HABITS) {
        assert!(!err.to_string().trim().is_empty(), "{err:?}");
    }
}

fn load_habits(text: &str) -> Option<HabitLibrary> {
    match HabitLibrary::parse(FILE, text) {
        Ok(library) => {
            serde_json::to_string(library.habits()).expect("a loaded library serialises");
            Some(library)
        }
        Err(err) => {
            assert_clear(&err.to_string(), FILE);
            None
        }
    }
}

/// The exercises and programmes link to habits by id: checked against any library that loads.
fn link_to(habits: &HabitLibrary) {
    match ExerciseLibrary::parse(exercises::BUILTIN, habits) {
        Ok(exercises) => {
            let _ = programmes::builtin(&exercises, habits);
        }
        Err(err) => assert!(!err.to_string().trim().is_empty(), "{err:?}"),
    }
}

#[test]
fn the_builtin_files_load() {
    // The mutations below start from these files; if they were refused they would test nothing.
    for (file, text) in exercises::BUILTIN {
        Exercise::parse(file, text, &HABITS).unwrap();
    }
    HabitLibrary::parse(FILE, BUILTIN_LIBRARY).unwrap();
}

proptest! {
    #![proptest_config(config(concat!(env!("CARGO_MANIFEST_DIR"), "/proptest-regressions/fuzz_exercises.txt")))]

    #[test]
    fn arbitrary_text_is_loaded_or_refused_as_an_exercise(text in arbitrary_text()) {
        load_exercise(&text);
    }

    #[test]
    fn toml_of_an_exercises_keys_is_loaded_or_refused(text in toml_like(&ALL_EXERCISES)) {
        load_exercise(&text);
    }

    #[test]
    fn a_damaged_builtin_exercise_is_loaded_or_refused(which in any::<Index>(), edits in text_edits()) {
        let index = which.index(exercises::BUILTIN.len());
        let text = apply_text(exercises::BUILTIN[index].1, &edits);
        if load_exercise(&text).is_some() {
            library_with(index, &text);
        }
    }

    #[test]
    fn arbitrary_text_is_loaded_or_refused_as_a_habit_library(text in arbitrary_text()) {
        if let Some(habits) = load_habits(&text) {
            link_to(&habits);
        }
    }

    #[test]
    fn toml_of_the_habit_librarys_keys_is_loaded_or_refused(text in toml_like(BUILTIN_LIBRARY)) {
        if let Some(habits) = load_habits(&text) {
            link_to(&habits);
        }
    }

    #[test]
    fn a_damaged_habit_library_is_loaded_or_refused(edits in text_edits()) {
        if let Some(habits) = load_habits(&apply_text(BUILTIN_LIBRARY, &edits)) {
            link_to(&habits);
        }
    }
}
