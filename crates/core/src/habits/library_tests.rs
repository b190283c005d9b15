//! The habit library file: one test per kind of fault (each refused with the file, the habit and
//! the problem), and the shipped library's content rules — enough habits, each traced to a source
//! text, and every habit the assessment suggests present.

use std::collections::BTreeSet;

use super::*;
use crate::validation::ValidationError;

const FILE: &str = "mine.toml";

const ONE: &str = r#"
[[habits]]
id = "real-break"
name = "Take a real break"
stance = "rest"
why = "Rest, then come back better."
source = "000 §Empowerment & Rest"
schedule = { times = 1, days = 1 }
"#;

fn with(from: &str, to: &str) -> String {
    assert!(ONE.contains(from), "the fixture has no {from:?}");
    ONE.replacen(from, to, 1)
}

/// Asserts the text is refused with exactly this one problem, and that the message says where.
fn refused(text: &str, at: &str, fault: HabitFault) {
    let err = match HabitLibrary::parse(FILE, text) {
        Ok(library) => panic!("expected a refusal, got {library:?}"),
        Err(e) => e,
    };
    let expected = HabitProblem {
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
    let library = HabitLibrary::parse(FILE, ONE).unwrap();
    let habit = library.get("real-break").unwrap();
    assert_eq!(habit.stance, HabitStance::Rest);
    assert_eq!(habit.schedule, Schedule::DAILY);
    assert_eq!(habit.why, "Rest, then come back better.");
}

#[test]
fn broken_toml_and_unknown_fields_are_syntax_errors() {
    let broken = with("name = \"Take a real break\"", "name = \"Take a real break");
    let Err(HabitLibraryError::Syntax { file, .. }) = HabitLibrary::parse(FILE, &broken) else {
        panic!("expected a syntax error");
    };
    assert_eq!(file, FILE);
    let misspelt = with("why =", "whyy =");
    let err = HabitLibrary::parse(FILE, &misspelt).unwrap_err();
    assert!(err.to_string().contains("whyy"), "{err}");
    let extra = with("days = 1 }", "days = 1, weeks = 2 }");
    assert!(matches!(
        HabitLibrary::parse(FILE, &extra),
        Err(HabitLibraryError::Syntax { .. })
    ));
}

#[test]
fn an_empty_library() {
    refused("", "the library", HabitFault::NoHabits);
}

#[test]
fn duplicate_id() {
    let text = format!("{ONE}{ONE}");
    let fault = HabitFault::DuplicateId {
        id: "real-break".into(),
        first: "habit \"real-break\"".into(),
    };
    refused(&text, "habit \"real-break\"", fault);
}

#[test]
fn ids_must_be_kebab_case() {
    for bad in [
        "Real-Break",
        "real_break",
        "real--break",
        "-real",
        "real break",
    ] {
        let text = with("id = \"real-break\"", &format!("id = {bad:?}"));
        let at = format!("habit {bad:?}");
        refused(&text, &at, HabitFault::InvalidId { id: bad.into() });
    }
    let text = with("id = \"real-break\"\n", "");
    refused(&text, "habit #1", HabitFault::Missing { field: "id" });
}

#[test]
fn unknown_or_missing_stance() {
    let text = with("stance = \"rest\"", "stance = \"resting\"");
    let fault = HabitFault::UnknownStance {
        found: "resting".into(),
    };
    refused(&text, "habit \"real-break\"", fault);
    let text = with("stance = \"rest\"\n", "");
    refused(
        &text,
        "habit \"real-break\"",
        HabitFault::Missing { field: "stance" },
    );
}

#[test]
fn bad_or_missing_schedule() {
    let text = with("times = 1, days = 1", "times = 4, days = 3");
    let fault = HabitFault::BadSchedule(ScheduleError::MoreTimesThanDays { times: 4, days: 3 });
    refused(&text, "habit \"real-break\"", fault);
    let text = with("times = 1, days = 1", "times = 1, days = 400");
    let fault = HabitFault::BadSchedule(ScheduleError::DaysOutOfRange { days: 400 });
    refused(&text, "habit \"real-break\"", fault);
    let text = with("times = 1, days = 1", "days = 7");
    let fault = HabitFault::Missing {
        field: "schedule's times",
    };
    refused(&text, "habit \"real-break\"", fault);
    let text = with("schedule = { times = 1, days = 1 }\n", "");
    let fault = HabitFault::Missing { field: "schedule" };
    refused(&text, "habit \"real-break\"", fault);
}

#[test]
fn empty_or_multi_line_texts() {
    let text = with("why = \"Rest, then come back better.\"", "why = \"  \"");
    let fault = HabitFault::Text(ValidationError::Empty { field: "The why" });
    refused(&text, "habit \"real-break\"", fault);
    let text = with("name = \"Take a real break\"", "name = \"Take\\na break\"");
    let fault = HabitFault::Text(ValidationError::ControlCharacter {
        field: "The habit's name",
    });
    refused(&text, "habit \"real-break\"", fault);
    let text = with("source = \"000 §Empowerment & Rest\"\n", "");
    let fault = HabitFault::Text(ValidationError::Empty {
        field: "The source",
    });
    refused(&text, "habit \"real-break\"", fault);
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = with("stance = \"rest\"", "stance = \"nap\"").replace("days = 1 }", "days = 0 }");
    let err = HabitLibrary::parse(FILE, &text).unwrap_err();
    assert_eq!(err.problems().len(), 2, "{err}");
    assert!(err.to_string().contains("2 problems"), "{err}");
}

fn shipped() -> HabitLibrary {
    match builtin_library() {
        Ok(library) => library,
        Err(e) => panic!("the built-in habit library must parse:\n{e}"),
    }
}

/// The habits the assessment's suggestions were written around.
const SUGGESTED: [&str; 8] = [
    "let-others-go-first",
    "listen-before-speaking",
    "ask-before-telling",
    "back-of-the-walk",
    "first-step-to-them",
    "praise-a-contribution",
    "share-the-goal",
    "real-break",
];

#[test]
fn the_shipped_library_has_at_least_12_habits_traced_to_the_texts() {
    let library = shipped();
    assert!(library.habits().len() >= 12, "{}", library.habits().len());
    for habit in library.habits() {
        assert!(
            habit.source.starts_with("000 §") || habit.source.starts_with("004 §"),
            "{}: {:?}",
            habit.id,
            habit.source
        );
    }
    for id in SUGGESTED
        .into_iter()
        .chain(["let-others-start-the-conversation", "step-in-when-stuck"])
    {
        assert!(library.get(id).is_some(), "{id} is missing");
    }
    assert_eq!(
        library.get("step-in-when-stuck").map(|h| h.stance),
        Some(HabitStance::Front),
        "prepare to step in"
    );
    let stances: BTreeSet<HabitStance> = library.habits().iter().map(|h| h.stance).collect();
    assert_eq!(stances.len(), 4, "every stance and rest has habits");
    let meetings = library.get("meetings-with-my-own-plan").unwrap();
    let measure = meetings.measure.as_ref().expect("a measurable practice");
    assert_eq!(
        (measure.unit.as_str(), measure.target, measure.at_most),
        ("meetings", 2.0, true)
    );
    assert_eq!(meetings.schedule.days(), 7, "per week");
}

#[test]
fn a_measurable_practice_has_a_measure_instead_of_a_schedule() {
    let measured = |measure: &str, schedule: &str| {
        format!(
            "[[habits]]\nid = \"minutes\"\nname = \"Minutes\"\nstance = \"servant\"\nwhy = \"w\"\nsource = \"000 §x\"\n{measure}\n{schedule}\n"
        )
    };
    let ok = HabitLibrary::parse(
        FILE,
        &measured(
            "measure = { unit = \"minutes\", target = 10, per = \"month\" }",
            "",
        ),
    )
    .unwrap();
    assert_eq!(ok.habits()[0].schedule.days(), 30);
    for (bad, says) in [
        (
            measured(
                "measure = { unit = \"minutes\", target = 10, per = \"day\" }",
                "schedule = { times = 1, days = 1 }",
            ),
            "instead of a schedule",
        ),
        (
            measured(
                "measure = { unit = \"minutes\", target = 10, per = \"fortnight\" }",
                "",
            ),
            "fortnight",
        ),
        (
            measured("measure = { unit = \"minutes\", per = \"day\" }", ""),
            "target is missing",
        ),
        (
            measured(
                "measure = { unit = \"minutes\", target = -1, per = \"day\" }",
                "",
            ),
            "negative",
        ),
    ] {
        let err = HabitLibrary::parse(FILE, &bad).unwrap_err();
        assert!(err.to_string().contains(says), "{err}");
    }
}

#[test]
fn every_habit_the_assessment_suggests_is_in_the_library() {
    let library = shipped();
    let instrument = crate::assessment::builtin().unwrap();
    let suggested: BTreeSet<&str> = instrument
        .suggestion_rules()
        .iter()
        .flat_map(|rule| rule.habits.iter().map(String::as_str))
        .collect();
    assert!(!suggested.is_empty());
    for id in suggested {
        assert!(library.get(id).is_some(), "the assessment suggests {id:?}");
    }
}
