//! The exercise file: one test per kind of fault, each refused with the file, the place (the
//! exercise, a step by its number, a prompt) and the reason, and the library's cross-file rule.

use super::*;
use crate::habits::{HabitLibrary, builtin_library};
use crate::validation::ValidationError;

const FILE: &str = "mine.toml";

const ONE: &str = r#"
id = "tiny"
version = 1
title = "Tiny"
summary = "A tiny exercise."
stance = "behind"
source = "000 §Empowerment & Rest"
duration_minutes = 5
habit = "real-break"

[[steps]]
instruction = "Breathe."
timer = { seconds = 60, bell_every = 20 }

[[steps]]
instruction = "Reflect."
prompts = [
    { id = "felt", kind = "rating", text = "How did it feel?" },
    { id = "saw", kind = "text", text = "What did you see?" },
]
"#;

fn habits() -> HabitLibrary {
    builtin_library().unwrap()
}

fn with(from: &str, to: &str) -> String {
    assert!(ONE.contains(from), "the fixture has no {from:?}");
    ONE.replacen(from, to, 1)
}

/// Asserts the text is refused with exactly this one problem, and that the message says where.
fn refused(text: &str, at: &str, fault: ExerciseFault) {
    let err = match Exercise::parse(FILE, text, &habits()) {
        Ok(exercise) => panic!("expected a refusal, got {exercise:?}"),
        Err(e) => e,
    };
    let expected = ExerciseProblem {
        at: at.to_owned(),
        fault,
    };
    assert_eq!(err.problems(), std::slice::from_ref(&expected));
    let message = err.to_string();
    assert!(message.starts_with(FILE), "{message}");
    assert!(message.contains(at), "{message}");
}

#[test]
fn the_fixture_parses() {
    let exercise = Exercise::parse(FILE, ONE, &habits()).unwrap();
    assert_eq!((exercise.id.as_str(), exercise.version), ("tiny", 1));
    assert_eq!(exercise.habit.as_deref(), Some("real-break"));
    assert_eq!(
        exercise.steps[0].timer,
        Some(StepTimer {
            seconds: 60,
            bell_every_seconds: Some(20)
        })
    );
    assert_eq!(exercise.steps[1].prompts[0].kind, PromptKind::Rating);
    assert_eq!(exercise.timed_seconds(), 60);
}

#[test]
fn broken_toml_and_unknown_fields_are_syntax_errors() {
    let broken = with("title = \"Tiny\"", "title = \"Tiny");
    let Err(ExerciseError::Syntax { file, .. }) = Exercise::parse(FILE, &broken, &habits()) else {
        panic!("expected a syntax error");
    };
    assert_eq!(file, FILE);
    let misspelt = with("bell_every", "bell_evry");
    let err = Exercise::parse(FILE, &misspelt, &habits()).unwrap_err();
    assert!(err.to_string().contains("bell_evry"), "{err}");
}

#[test]
fn version_below_1_or_missing() {
    for bad in [0, -3] {
        let text = with("version = 1", &format!("version = {bad}"));
        refused(
            &text,
            "the exercise",
            ExerciseFault::BadVersion { found: bad },
        );
    }
    let text = with("version = 1\n", "");
    refused(
        &text,
        "the exercise",
        ExerciseFault::Missing { field: "version" },
    );
}

#[test]
fn id_missing_or_not_kebab_case() {
    let text = with("id = \"tiny\"", "id = \"Tiny_One\"");
    let fault = ExerciseFault::InvalidId {
        id: "Tiny_One".into(),
    };
    refused(&text, "the exercise", fault);
    let text = with("id = \"tiny\"\n", "");
    refused(
        &text,
        "the exercise",
        ExerciseFault::Missing { field: "id" },
    );
}

#[test]
fn unknown_or_missing_stance() {
    let text = with("stance = \"behind\"", "stance = \"sideways\"");
    let fault = ExerciseFault::UnknownStance {
        found: "sideways".into(),
    };
    refused(&text, "the exercise", fault);
    let text = with("stance = \"behind\"\n", "");
    refused(
        &text,
        "the exercise",
        ExerciseFault::Missing { field: "stance" },
    );
}

#[test]
fn unknown_linked_habit() {
    let text = with("habit = \"real-break\"", "habit = \"nap-all-day\"");
    let fault = ExerciseFault::UnknownHabit {
        id: "nap-all-day".into(),
    };
    refused(&text, "the exercise", fault);
    let text = with("habit = \"real-break\"\n", "");
    let exercise = Exercise::parse(FILE, &text, &habits()).unwrap();
    assert_eq!(exercise.habit, None, "the linked habit is optional");
}

#[test]
fn duration_out_of_range_or_shorter_than_the_timers() {
    let text = with("duration_minutes = 5", "duration_minutes = 0");
    let max = MAX_DURATION_MINUTES;
    refused(
        &text,
        "the exercise",
        ExerciseFault::BadDuration { found: 0, max },
    );
    let text = with("duration_minutes = 5", "duration_minutes = 2000");
    let fault = ExerciseFault::BadDuration { found: 2000, max };
    refused(&text, "the exercise", fault);
    let text = with("seconds = 60", "seconds = 400");
    let fault = ExerciseFault::TimersExceedDuration {
        timed_seconds: 400,
        minutes: 5,
    };
    refused(&text, "the exercise", fault);
}

#[test]
fn no_steps() {
    let Some((head, _)) = ONE.split_once("[[steps]]") else {
        panic!("the fixture has steps");
    };
    refused(head, "the exercise", ExerciseFault::NoSteps);
}

#[test]
fn empty_instruction_names_the_step() {
    let text = with("instruction = \"Reflect.\"", "instruction = \"  \"");
    let fault = ExerciseFault::Text(ValidationError::Empty {
        field: "The instruction",
    });
    refused(&text, "step 2", fault);
}

#[test]
fn timer_of_zero_or_more_than_3_hours() {
    let max = MAX_TIMER_SECONDS;
    let text = with("seconds = 60, bell_every = 20", "seconds = 0");
    refused(
        &text,
        "step 1",
        ExerciseFault::TimerOutOfRange { seconds: 0, max },
    );
    let text = with("seconds = 60, bell_every = 20", "seconds = 10801")
        .replace("duration_minutes = 5", "duration_minutes = 600");
    let fault = ExerciseFault::TimerOutOfRange {
        seconds: 10_801,
        max,
    };
    refused(&text, "step 1", fault);
    let text = with("seconds = 60, bell_every = 20", "bell_every = 20");
    let field = "timer's seconds";
    refused(&text, "step 1", ExerciseFault::Missing { field });
}

#[test]
fn interval_bells_must_fall_inside_the_timer() {
    for every in [60, 90, 0, -5] {
        let text = with("bell_every = 20", &format!("bell_every = {every}"));
        let fault = ExerciseFault::BadInterval { every, seconds: 60 };
        refused(&text, "step 1", fault);
    }
}

#[test]
fn duplicate_prompt_ids_within_the_exercise() {
    let text = with("id = \"saw\"", "id = \"felt\"");
    let fault = ExerciseFault::DuplicateId {
        id: "felt".into(),
        first: "step 2, prompt \"felt\"".into(),
    };
    refused(&text, "step 2, prompt \"felt\"", fault);
    let text = format!(
        "{ONE}\n[[steps]]\ninstruction = \"Again.\"\nprompts = [{{ id = \"saw\", kind = \"text\", text = \"Again?\" }}]\n"
    );
    let fault = ExerciseFault::DuplicateId {
        id: "saw".into(),
        first: "step 2, prompt \"saw\"".into(),
    };
    refused(&text, "step 3, prompt \"saw\"", fault);
}

#[test]
fn prompt_kind_id_and_text() {
    let text = with("kind = \"rating\"", "kind = \"stars\"");
    let fault = ExerciseFault::UnknownPromptKind {
        found: "stars".into(),
    };
    refused(&text, "step 2, prompt \"felt\"", fault);
    let text = with("id = \"felt\", ", "");
    refused(
        &text,
        "step 2, prompt #1",
        ExerciseFault::Missing { field: "id" },
    );
    let text = with("text = \"What did you see?\"", "text = \"\"");
    let fault = ExerciseFault::Text(ValidationError::Empty {
        field: "The prompt",
    });
    refused(&text, "step 2, prompt \"saw\"", fault);
}

#[test]
fn a_10000_character_title_is_refused() {
    let text = with(
        "title = \"Tiny\"",
        &format!("title = {:?}", "T".repeat(10_000)),
    );
    let fault = ExerciseFault::Text(ValidationError::TooLong {
        field: "The title",
        len: 10_000,
        max: TITLE_MAX_CHARS,
    });
    refused(&text, "the exercise", fault);
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = with("version = 1", "version = 0")
        .replace("instruction = \"Breathe.\"", "instruction = \"\"")
        .replace("bell_every = 20", "bell_every = 60");
    let err = Exercise::parse(FILE, &text, &habits()).unwrap_err();
    assert_eq!(err.problems().len(), 3, "{err}");
    assert!(err.to_string().contains("3 problems"), "{err}");
}

#[test]
fn two_files_with_the_same_id_are_refused_by_the_library() {
    let files = [("a.toml", ONE), ("b.toml", ONE)];
    let err = ExerciseLibrary::parse(&files, &habits()).unwrap_err();
    let ExerciseLibraryError::Files(errors) = &err else {
        panic!("{err}")
    };
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].file(), "b.toml");
    assert_eq!(
        errors[0].problems()[0].fault,
        ExerciseFault::DuplicateId {
            id: "tiny".into(),
            first: "a.toml".into()
        }
    );
    assert!(err.to_string().starts_with("b.toml: the exercise"), "{err}");
}

#[test]
fn reflections_are_checked_against_their_prompt() {
    let exercise = Exercise::parse(FILE, ONE, &habits()).unwrap();
    let rating = |v| exercise.check_reflection("felt", ReflectionAnswer::Rating(v));
    assert_eq!(rating(5), Ok(Some(ReflectionAnswer::Rating(5))));
    assert_eq!(rating(6), Err(ReflectionError::OutOfRange { value: 6 }));
    let text = |t: &str| exercise.check_reflection("saw", ReflectionAnswer::Text(t.into()));
    assert_eq!(
        text(" Ann led. "),
        Ok(Some(ReflectionAnswer::Text("Ann led.".into())))
    );
    assert_eq!(text("  "), Ok(None), "a blank answer saves nothing");
    assert!(matches!(
        exercise.check_reflection("felt", ReflectionAnswer::Text("x".into())),
        Err(ReflectionError::WrongKind { .. })
    ));
    assert!(matches!(
        exercise.check_reflection("nope", ReflectionAnswer::Rating(3)),
        Err(ReflectionError::UnknownPrompt { .. })
    ));
}
