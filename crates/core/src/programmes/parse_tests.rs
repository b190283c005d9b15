//! The programme file (TOML) and in-app drafts: one test per kind of fault, each refused with the
//! file, the place (a day by number, an item by key) and the reason; the shipped programme; and
//! per-day progress.

use std::collections::BTreeSet;

use super::*;
use crate::exercises::ExerciseLibrary;
use crate::habits::{HabitLibrary, builtin_library};
use crate::validation::ValidationError;

const FILE: &str = "retreat.toml";

const ONE: &str = r#"
id = "mini"
version = 1
title = "Mini retreat"
description = "Two short days."

[[days]]
title = "Day one"

[[days.items]]
key = "before"
kind = "assessment"

[[days.items]]
key = "walk"
kind = "exercise"
exercise = "walk-at-the-back"

[[days]]
title = "Day two"

[[days.items]]
key = "start-habit"
kind = "habit"
habit = "real-break"
required = false

[[days.items]]
key = "think"
kind = "prompt"
prompt = "What did you see?"

[[days.items]]
key = "after"
kind = "assessment"
"#;

pub(super) fn libraries() -> (ExerciseLibrary, HabitLibrary) {
    (
        ExerciseLibrary::builtin().unwrap(),
        builtin_library().unwrap(),
    )
}

fn parse(text: &str) -> Result<Programme, ProgrammeError> {
    let (exercises, habits) = libraries();
    Programme::parse(FILE, text, &exercises, &habits)
}

fn with(from: &str, to: &str) -> String {
    assert!(ONE.contains(from), "the fixture has no {from:?}");
    ONE.replacen(from, to, 1)
}

/// Asserts the text is refused with exactly this one problem, and that the message says where.
fn refused(text: &str, at: &str, fault: ProgrammeFault) {
    let err = match parse(text) {
        Ok(programme) => panic!("expected a refusal, got {programme:?}"),
        Err(e) => e,
    };
    let expected = ProgrammeProblem {
        at: at.to_owned(),
        fault,
    };
    assert_eq!(err.problems(), std::slice::from_ref(&expected));
    let message = err.to_string();
    assert!(
        message.starts_with(&format!("The file {FILE} has a problem. ")),
        "a sentence naming the file: {message}"
    );
    let mut place = at.chars();
    let place: String = place.next().unwrap().to_uppercase().chain(place).collect();
    assert!(
        message.contains(&format!("{place}: ")),
        "the place: {message}"
    );
    assert!(message.ends_with('.'), "{message}");
}

#[test]
fn the_fixture_parses_with_required_as_the_default() {
    let p = parse(ONE).unwrap();
    assert_eq!((p.id.as_str(), p.version, p.days.len()), ("mini", 1, 2));
    let walk = p.item("walk").unwrap();
    assert!(walk.required);
    assert_eq!(
        walk.activity,
        ProgrammeActivity::Exercise {
            exercise: "walk-at-the-back".into()
        }
    );
    assert!(!p.item("start-habit").unwrap().required);
    assert_eq!(p.exercise_ids(), vec!["walk-at-the-back".to_owned()]);
    assert_eq!(p.before_and_after(), Some(("before", "after")));
}

#[test]
fn broken_toml_and_unknown_fields_are_syntax_errors() {
    let broken = with("title = \"Day one\"", "title = \"Day one");
    assert!(matches!(parse(&broken), Err(ProgrammeError::Syntax { .. })));
    let err = parse(&broken).unwrap_err().to_string();
    assert!(
        err.starts_with("The file retreat.toml cannot be read: at line "),
        "a sentence with the line: {err}"
    );
    assert!(
        err.ends_with(", a text in quotes is not closed with \"."),
        "in plain words: {err}"
    );
    let misspelt = with("required = false", "optional = true");
    let err = parse(&misspelt).unwrap_err();
    let line = misspelt
        .lines()
        .position(|l| l.starts_with("optional"))
        .unwrap()
        + 1;
    assert_eq!(
        err.to_string(),
        format!(
            "The file retreat.toml cannot be read: at line {line}, column 1, there is a field \"optional\" that does not belong here."
        )
    );
}

#[test]
fn version_and_id() {
    let text = with("version = 1", "version = 0");
    refused(
        &text,
        "the programme",
        ProgrammeFault::BadVersion { found: 0 },
    );
    let text = with("id = \"mini\"", "id = \"Mini Retreat\"");
    let fault = ProgrammeFault::InvalidId {
        field: "id",
        id: "Mini Retreat".into(),
    };
    refused(&text, "the programme", fault);
}

#[test]
fn unknown_exercise_or_habit() {
    let text = with("exercise = \"walk-at-the-back\"", "exercise = \"moonwalk\"");
    let fault = ProgrammeFault::UnknownExercise {
        id: "moonwalk".into(),
    };
    refused(&text, "day 1, item \"walk\"", fault);
    let text = with("habit = \"real-break\"", "habit = \"siesta\"");
    let fault = ProgrammeFault::UnknownHabit {
        id: "siesta".into(),
    };
    refused(&text, "day 2, item \"start-habit\"", fault);
}

#[test]
fn kinds_and_their_fields() {
    let text = with("kind = \"prompt\"", "kind = \"quiz\"");
    let fault = ProgrammeFault::UnknownKind {
        found: "quiz".into(),
    };
    refused(&text, "day 2, item \"think\"", fault);
    let text = with("exercise = \"walk-at-the-back\"\n", "");
    let fault = ProgrammeFault::Missing { field: "exercise" };
    refused(&text, "day 1, item \"walk\"", fault);
    let text = with(
        "key = \"before\"\nkind = \"assessment\"",
        "key = \"before\"\nkind = \"assessment\"\nhabit = \"real-break\"",
    );
    let fault = ProgrammeFault::UnexpectedField {
        kind: "assessment",
        field: "habit",
    };
    refused(&text, "day 1, item \"before\"", fault);
    let text = with("prompt = \"What did you see?\"", "prompt = \" \"");
    let fault = ProgrammeFault::Text(ValidationError::Empty {
        field: "The prompt",
    });
    refused(&text, "day 2, item \"think\"", fault);
}

#[test]
fn keys_are_unique_across_days() {
    let text = with("key = \"think\"", "key = \"walk\"");
    let fault = ProgrammeFault::DuplicateKey {
        key: "walk".into(),
        first: "day 1, item \"walk\"".into(),
    };
    refused(&text, "day 2, item \"walk\"", fault);
    let text = with("key = \"think\"\n", "");
    let fault = ProgrammeFault::Missing { field: "key" };
    refused(&text, "day 2, item #2", fault);
}

#[test]
fn no_days_or_an_empty_day() {
    let Some((head, _)) = ONE.split_once("[[days]]") else {
        panic!("the fixture has days")
    };
    refused(
        head,
        "the programme",
        ProgrammeFault::Empty { what: "days" },
    );
    let text = format!("{ONE}\n[[days]]\ntitle = \"Day three\"\n");
    refused(&text, "day 3", ProgrammeFault::Empty { what: "items" });
}

#[test]
fn a_10000_character_title_is_refused() {
    let text = with(
        "title = \"Mini retreat\"",
        &format!("title = {:?}", "M".repeat(10_000)),
    );
    let fault = ProgrammeFault::Text(ValidationError::TooLong {
        field: "The title",
        len: 10_000,
        max: PROGRAMME_TITLE_MAX_CHARS,
    });
    refused(&text, "the programme", fault);
}

#[test]
fn a_draft_from_the_app_is_checked_by_the_same_rules() {
    let (exercises, habits) = libraries();
    let mut draft = parse(ONE).unwrap();
    draft.title = "  Trimmed  ".into();
    let checked = draft
        .clone()
        .check("your programme", &exercises, &habits)
        .unwrap();
    assert_eq!(checked.title, "Trimmed");
    draft.days[0].items[1].activity = ProgrammeActivity::Exercise {
        exercise: "moonwalk".into(),
    };
    draft.version = 0;
    let err = draft
        .check("your programme", &exercises, &habits)
        .unwrap_err();
    assert_eq!(err.problems().len(), 2, "{err}");
    assert!(
        err.to_string()
            .starts_with("Your programme has 2 problems:\n  - The programme: the version is 0"),
        "{err}"
    );
}

#[test]
fn the_shipped_programme_is_three_days_at_the_back() {
    let (exercises, habits) = libraries();
    let programmes = match builtin(&exercises, &habits) {
        Ok(p) => p,
        Err(e) => panic!("the built-in programme must parse:\n{e}"),
    };
    let p = &programmes[0];
    assert_eq!(p.id, "three-days-at-the-back");
    assert_eq!(p.title, "Three days at the back of the line");
    let kinds = |day: usize| -> Vec<String> {
        p.days[day]
            .items
            .iter()
            .filter(|i| i.required)
            .map(|i| match &i.activity {
                ProgrammeActivity::Exercise { exercise } => exercise.clone(),
                other => other.kind().to_owned(),
            })
            .collect()
    };
    assert_eq!(kinds(0), ["assessment", "walk-at-the-back", "habit"]);
    assert_eq!(kinds(1), ["listen-first", "collective-genius", "prompt"]);
    assert_eq!(
        kinds(2),
        ["shepherds-debrief", "when-would-i-step-in", "assessment"]
    );
    assert_eq!(
        p.before_and_after(),
        Some(("assessment-before", "assessment-after"))
    );
}

#[test]
fn progress_counts_required_and_optional_items_per_day() {
    let p = parse(ONE).unwrap();
    let done =
        |keys: &[&str]| -> BTreeSet<String> { keys.iter().map(|k| (*k).to_owned()).collect() };

    let none = progress(&p, &done(&[]));
    assert_eq!((none.next_day, none.complete), (Some(1), false));
    assert_eq!(
        none.days[1],
        DayProgress {
            day: 2,
            title: "Day two".into(),
            required: 2,
            required_done: 0,
            optional: 1,
            optional_done: 0,
            complete: false,
        }
    );

    let some = progress(&p, &done(&["before", "walk", "start-habit", "gone-key"]));
    assert!(some.days[0].complete);
    assert_eq!(
        (some.days[1].required_done, some.days[1].optional_done),
        (0, 1)
    );
    assert_eq!(
        some.next_day,
        Some(2),
        "an optional item never closes a day"
    );

    let all = progress(&p, &done(&["before", "walk", "think", "after"]));
    assert_eq!((all.next_day, all.complete), (None, true));
}
