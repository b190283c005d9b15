//! The shipped exercises: every file parses, its name matches its id, it is traced to a source
//! text and linked to a habit of the library, and every exercise the assessment suggests exists.

use std::collections::BTreeSet;

use super::*;
use crate::habits::{HabitStance, builtin_library};

fn shipped() -> ExerciseLibrary {
    match ExerciseLibrary::builtin() {
        Ok(library) => library,
        Err(e) => panic!("the built-in exercises must parse:\n{e}"),
    }
}

#[test]
fn every_builtin_file_parses_on_its_own() {
    let habits = builtin_library().unwrap();
    for (file, text) in BUILTIN {
        if let Err(e) = Exercise::parse(file, text, &habits) {
            panic!("{e}");
        }
    }
    assert_eq!(shipped().exercises().len(), BUILTIN.len());
}

#[test]
fn file_names_match_ids_and_sources_name_a_text() {
    for (exercise, (file, _)) in shipped().exercises().iter().zip(BUILTIN) {
        assert_eq!(format!("{}.toml", exercise.id), *file);
        assert!(
            exercise.source.starts_with("000 §") || exercise.source.starts_with("004 §"),
            "{}: {:?}",
            exercise.id,
            exercise.source
        );
    }
}

#[test]
fn the_exercises_of_the_brief_are_there_and_linked_to_real_habits() {
    let library = shipped();
    let habits = builtin_library().unwrap();
    for id in [
        "walk-at-the-back",
        "listen-first",
        "let-them-go-first-at-work",
        "rest-and-recharge",
        "shepherds-debrief",
        "when-would-i-step-in",
        "collective-genius",
        "praise-and-recognition",
    ] {
        let Some(exercise) = library.get(id) else {
            panic!("{id} is missing")
        };
        let habit = exercise.habit.as_deref().unwrap_or_default();
        assert!(habits.get(habit).is_some(), "{id} links to {habit:?}");
        assert!(
            exercise.steps.iter().any(|s| !s.prompts.is_empty()),
            "{id} asks for a reflection"
        );
    }
    let stance = |id| library.get(id).map(|e| e.stance);
    assert_eq!(stance("rest-and-recharge"), Some(HabitStance::Rest));
    assert_eq!(stance("when-would-i-step-in"), Some(HabitStance::Front));
    assert_eq!(stance("walk-at-the-back"), Some(HabitStance::Behind));
    assert_eq!(stance("listen-first"), Some(HabitStance::Servant));
}

#[test]
fn every_exercise_the_assessment_suggests_exists() {
    let library = shipped();
    let instrument = crate::assessment::builtin().unwrap();
    let suggested: BTreeSet<&str> = instrument
        .suggestion_rules()
        .iter()
        .flat_map(|rule| rule.exercises.iter().map(String::as_str))
        .collect();
    assert!(!suggested.is_empty());
    for id in suggested {
        assert!(library.get(id).is_some(), "the assessment suggests {id:?}");
    }
}

#[test]
fn quick_pause_is_short_enough_for_end_to_end_tests() {
    let library = shipped();
    let Some(quick) = library.get("quick-pause") else {
        panic!("quick-pause is missing")
    };
    assert_eq!(quick.duration_minutes, 1);
    let first = quick.steps.iter().find_map(|s| s.timer);
    assert_eq!(first.map(|t| t.seconds), Some(3));
    assert!(quick.timed_seconds() <= 5);
    assert!(quick.steps.iter().any(|s| !s.prompts.is_empty()));
}
