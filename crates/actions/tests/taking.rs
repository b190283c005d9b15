//! Taking an assessment and doing an exercise through the use cases both front ends call: every
//! answer is checked before it is written, and a refused one leaves the store as it was.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use leadback_actions::assessments::{self, Answer};
use leadback_actions::exercises::{self, Finish};
use leadback_actions::{ActionError, journal};
use leadback_core::assessment::{InstrumentLibrary, Questionnaire, Step};
use leadback_core::exercises::{ExerciseLibrary, ReflectionAnswer};
use leadback_core::habits::builtin_library;
use leadback_store::Store;
use leadback_testkit::{now, set_me, today};

#[test]
fn an_assessment_is_answered_step_by_step_and_a_refused_answer_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let me = set_me(&mut store, "Ada");
    let library = InstrumentLibrary::builtin().unwrap();
    let record = assessments::start(&mut store, &library, me, now()).unwrap();
    let instrument = assessments::instrument_of(&record, &library).unwrap();
    let steps = Questionnaire::new(instrument.view()).steps;
    let Step::Item(first) = &steps[0] else {
        panic!("the questionnaire starts with a statement")
    };

    // A value off the scale, a step past the finish screen, an unknown scenario option.
    let off_scale = Answer::Item {
        id: first,
        value: Some(99),
    };
    let refused = assessments::answer(&mut store, &library, &record, off_scale, 1, now());
    assert!(refused.is_err());
    let past_the_end = Answer::Item {
        id: first,
        value: Some(instrument.scale().min),
    };
    let too_far = i64::try_from(steps.len()).unwrap() + 1;
    let refused = assessments::answer(&mut store, &library, &record, past_the_end, too_far, now());
    assert!(
        matches!(&refused, Err(ActionError::Invalid(m)) if m.contains("outside the questionnaire")),
        "{refused:?}"
    );
    let stored = store.assessment(record.id).unwrap();
    assert!(stored.sheet().answers.is_empty());
    assert_eq!(stored.position, 0);

    // Answered, then resumed where it was left; finished, it has a result.
    assessments::answer(&mut store, &library, &record, past_the_end, 1, now()).unwrap();
    let resumed = assessments::start(&mut store, &library, me, now()).unwrap();
    assert_eq!((resumed.id, resumed.position), (record.id, 1));
    let unfinished = assessments::result(&resumed, &library);
    assert!(matches!(unfinished, Err(ActionError::Unfinished { .. })));
    let scored = assessments::finish(&mut store, &library, record.id, now()).unwrap();
    assert_eq!(scored.id, record.id);
}

#[test]
fn an_exercise_finished_with_a_check_in_adds_its_reflection_to_the_days_note_in_one_go() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let me = set_me(&mut store, "Ada");
    let library = ExerciseLibrary::builtin().unwrap();
    let habits = builtin_library().unwrap();
    let exercise = library.get("listen-first").unwrap();
    let started = exercises::start(&mut store, exercise, me, None, &[], now()).unwrap();
    assert!(!started.resumed);
    let again = exercises::start(&mut store, exercise, me, None, &[], now()).unwrap();
    assert!(again.resumed);
    assert_eq!(again.run.id, started.run.id);

    // A programme item that does not exist is refused before a run is started.
    let other = library.get("collective-genius").unwrap();
    let refused = exercises::start(&mut store, other, me, Some("day-1-walk"), &[], now());
    assert!(
        matches!(refused, Err(ActionError::NotFound(_))),
        "{refused:?}"
    );

    // A rating where the question wants words is refused.
    let prompt = &exercise
        .steps
        .iter()
        .flat_map(|s| &s.prompts)
        .next()
        .unwrap()
        .id;
    let wrong = Some(ReflectionAnswer::Rating(3));
    let run = &started.run;
    assert!(
        exercises::save_reflection(&mut store, exercise, run, 0, prompt, wrong, now()).is_err()
    );

    // Without the habit on the person's list, nothing is finished and no reflection kept.
    let how = Finish {
        reflection: Some("Let Sam speak first."),
        check_in: true,
    };
    let refused = exercises::finish(&mut store, exercise, &habits, run, how, today(), now());
    assert!(refused.is_err());
    let kept = store.exercise_run(run.id).unwrap();
    assert!(kept.finished_at.is_none() && kept.reflections.is_empty());

    let listen = leadback_actions::habits::FromLibrary {
        library_id: "listen-before-speaking",
        stance: None,
        schedule: None,
    };
    leadback_actions::habits::add_from_library(&mut store, &habits, me, listen, now()).unwrap();
    let done = exercises::finish(&mut store, exercise, &habits, run, how, today(), now()).unwrap();
    assert!(done.run.finished_at.is_some());
    let (habit, check_in) = done.check_in.unwrap();
    assert_eq!(habit, "Listen before speaking");
    assert_eq!(check_in.note.as_deref(), Some("Let Sam speak first."));
    let found = journal::search(
        &store,
        &library,
        me,
        journal::Search {
            words: Some("Sam"),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(!found.is_empty());
}
