//! What a PDF report is made from, read from the store: a client's own assessments scored, their
//! habits with strength, the exercises they finished, the coach's name, and session notes only
//! when asked for, and their observers' view exactly as the app's observer view has it. Nothing of
//! another person leaks in.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use leadback_core::assessment::{InstrumentLibrary, Stance};
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::{CheckState, HabitName, HabitStance, Schedule, builtin_library};
use leadback_core::observers::StanceView;
use leadback_core::report::ObserverComparison;
use leadback_store::{AnsweredVia, NewHabit, ReportLibraries, Store, StoreError};
use leadback_testkit::{add_client, now, set_me, today};

/// Takes the built-in assessment for `person`, every item answered `value`.
fn assess(
    store: &mut Store,
    library: &InstrumentLibrary,
    person: i64,
    value: i64,
    at: DateTime<Utc>,
) {
    let instrument = library.current();
    let record = store
        .start_assessment(person, instrument.id(), i64::from(instrument.version()), at)
        .unwrap();
    for item in instrument.items() {
        store
            .save_answer(record.id, &item.id, Some(value), 0, at)
            .unwrap();
    }
    for item in instrument.energy_items() {
        store
            .save_answer(record.id, &item.id, Some(value), 0, at)
            .unwrap();
    }
    for scenario in instrument.scenarios() {
        store
            .save_choice(
                record.id,
                &scenario.id,
                Some(&scenario.options[0].id),
                0,
                at,
            )
            .unwrap();
    }
    store.complete_assessment(record.id, at).unwrap();
}

struct Setup {
    store: Store,
    me: i64,
    client: i64,
    other: i64,
    instruments: InstrumentLibrary,
    habits: leadback_core::habits::HabitLibrary,
    exercises: ExerciseLibrary,
}

impl Setup {
    fn libraries(&self) -> ReportLibraries<'_> {
        ReportLibraries {
            instruments: &self.instruments,
            habits: &self.habits,
            exercises: &self.exercises,
        }
    }
}

fn client(store: &mut Store, name: &str) -> i64 {
    add_client(store, name, "Coaching for six months.")
}

fn setup() -> Setup {
    let mut store = Store::open_in_memory().unwrap();
    let me = set_me(&mut store, "Ada Coach");
    let client_id = client(&mut store, "Grace Hopper");
    let other = client(&mut store, "Someone Else");
    let instruments = InstrumentLibrary::builtin().unwrap();
    for (i, value) in [2, 3, 4].into_iter().enumerate() {
        let at = now() - Duration::days(90 - 30 * i as i64);
        assess(&mut store, &instruments, client_id, value, at);
    }
    assess(&mut store, &instruments, other, 5, now());

    let name = HabitName::parse("Listen before speaking").unwrap();
    let habit = store
        .add_habit(
            client_id,
            &NewHabit {
                library_id: None,
                name: &name,
                stance: Some(HabitStance::Servant),
                why: None,
                schedule: Schedule::DAILY,
                measure: None,
            },
            now(),
        )
        .unwrap();
    for d in 0..10 {
        store
            .check_in(
                habit.id,
                today() - Duration::days(d),
                Some(CheckState::Done),
                None,
                now(),
            )
            .unwrap();
    }
    let exercises = ExerciseLibrary::builtin().unwrap();
    let exercise = &exercises.exercises()[0];
    for d in [20, 5] {
        let at = now() - Duration::days(d);
        let run = store
            .start_exercise_run(
                client_id,
                &exercise.id,
                i64::from(exercise.version),
                None,
                at,
            )
            .unwrap();
        store.finish_exercise_run(run.id, at).unwrap();
    }
    let first = store
        .add_session(
            client_id,
            (today() - Duration::days(60))
                .and_hms_opt(10, 0, 0)
                .unwrap(),
            "First session",
            now(),
        )
        .unwrap();
    store
        .save_session_notes(first.id, "She **let the team** go first.", now())
        .unwrap();
    let second = store
        .add_session(
            client_id,
            (today() - Duration::days(30))
                .and_hms_opt(10, 0, 0)
                .unwrap(),
            "Second session",
            now(),
        )
        .unwrap();
    store
        .save_session_notes(second.id, "Rested more.", now())
        .unwrap();
    Setup {
        store,
        me,
        client: client_id,
        other,
        instruments,
        habits: builtin_library().unwrap(),
        exercises,
    }
}

#[test]
fn a_clients_report_holds_their_assessments_habits_exercises_and_the_coach() {
    let s = setup();
    let data = s
        .store
        .report_data(s.client, today(), s.libraries(), false)
        .unwrap();
    assert_eq!(data.person.name, "Grace Hopper");
    assert_eq!(
        data.coach.as_ref().map(|c| c.name.as_str()),
        Some("Ada Coach")
    );
    assert_eq!(data.generated_on, today());
    assert_eq!(data.history.len(), 3, "only the client's own assessments");
    assert!(
        data.history
            .windows(2)
            .all(|w| w[0].completed_at < w[1].completed_at),
        "oldest first"
    );
    let latest = data.latest.as_ref().unwrap();
    assert_eq!(
        latest.scores.stances.get(Stance::Front),
        data.history[2].scores.stances.get(Stance::Front),
        "the profile is the newest assessment's"
    );
    assert_eq!(data.habits.len(), 1);
    assert_eq!(data.habits[0].name, "Listen before speaking");
    assert_eq!(data.habits[0].schedule, "every day");
    assert_eq!(data.habits[0].current_streak, 10);
    assert!(data.habits[0].strength > 0.0 && data.habits[0].strength < 1.0);
    assert_eq!(data.exercises.len(), 1);
    assert_eq!(data.exercises[0].times, 2);
    assert_eq!(data.exercises[0].title, s.exercises.exercises()[0].title);
    assert_eq!(data.exercises[0].last_done, today() - Duration::days(5));
    assert_eq!(data.sessions, None, "notes only when chosen");
    assert_eq!(data.observers, None, "no observer answered");
}

/// Asks `count` observers about the client and records their answers to every statement.
fn observers_answer(s: &mut Setup, count: usize) {
    let instrument = s.instruments.current();
    let key = (instrument.id(), i64::from(instrument.version()));
    for observer in 0..count {
        let request = s
            .store
            .add_observer_request(s.client, &format!("Observer {observer}"), key, now())
            .unwrap();
        let answers: BTreeMap<String, Option<i64>> = instrument
            .items()
            .iter()
            .enumerate()
            .map(|(i, item)| (item.id.clone(), Some(1 + ((i + observer * 2) % 5) as i64)))
            .collect();
        s.store
            .record_observer_answers(request.id, &answers, AnsweredVia::Here, now())
            .unwrap();
    }
}

#[test]
fn the_report_holds_the_observers_view_the_app_shows() {
    let mut s = setup();
    observers_answer(&mut s, 3);
    let data = s
        .store
        .report_data(s.client, today(), s.libraries(), false)
        .unwrap();
    let view = s.store.observer_view(s.client, &s.instruments).unwrap();
    assert_eq!(
        data.observers,
        Some(ObserverComparison {
            own: view.own,
            summary: view.summary,
        }),
        "the same numbers as the app's observers card"
    );
    let observers = data.observers.unwrap();
    assert_eq!(observers.summary.observers, 3);
    assert!(matches!(
        observers.summary.stances.front,
        StanceView::Shown { observers: 3, .. }
    ));
    assert_eq!(
        observers.own, data.history[2].scores.stances,
        "beside the client's latest own scores"
    );
}

#[test]
fn with_two_observers_the_report_holds_only_withheld_stances() {
    let mut s = setup();
    observers_answer(&mut s, 2);
    let data = s
        .store
        .report_data(s.client, today(), s.libraries(), false)
        .unwrap();
    let observers = data.observers.unwrap();
    assert_eq!(observers.summary.observers, 2);
    for view in [
        observers.summary.stances.front,
        observers.summary.stances.behind,
        observers.summary.stances.servant,
    ] {
        assert_eq!(
            view,
            StanceView::Withheld {
                answered: 2,
                needed: 3
            }
        );
    }
    let other = s
        .store
        .report_data(s.other, today(), s.libraries(), false)
        .unwrap();
    assert_eq!(
        other.observers, None,
        "another client's observers stay theirs"
    );
}

#[test]
fn notes_are_included_oldest_first_only_when_chosen() {
    let s = setup();
    let data = s
        .store
        .report_data(s.client, today(), s.libraries(), true)
        .unwrap();
    let sessions = data.sessions.unwrap();
    let agendas: Vec<&str> = sessions.iter().map(|s| s.agenda.as_str()).collect();
    assert_eq!(agendas, ["First session", "Second session"]);
    assert_eq!(sessions[0].notes, "She **let the team** go first.");
}

#[test]
fn my_own_report_has_no_coach_and_an_empty_history() {
    let s = setup();
    let data = s
        .store
        .report_data(s.me, today(), s.libraries(), true)
        .unwrap();
    assert_eq!(data.coach, None);
    assert!(data.history.is_empty());
    assert_eq!(data.latest, None);
    assert!(data.habits.is_empty() && data.exercises.is_empty());
    assert_eq!(data.sessions, Some(vec![]));
    let other = s
        .store
        .report_data(s.other, today(), s.libraries(), false)
        .unwrap();
    assert_eq!(other.history.len(), 1);
    assert!(other.habits.is_empty());
}

#[test]
fn an_unknown_person_is_not_found() {
    let s = setup();
    let err = s
        .store
        .report_data(9_999, today(), s.libraries(), false)
        .unwrap_err();
    assert!(
        matches!(err, StoreError::NotFound { what: "person", .. }),
        "{err:?}"
    );
}

#[test]
fn a_measurable_habit_reads_as_its_target_in_the_report() {
    let mut s = setup();
    let name = HabitName::parse("Minutes of listening").unwrap();
    let measure = leadback_core::habits::Measure::new("minutes", 20.0, false).unwrap();
    let habit = s
        .store
        .add_habit(
            s.client,
            &NewHabit {
                library_id: None,
                name: &name,
                stance: Some(HabitStance::Servant),
                why: None,
                schedule: Schedule::new(1, 7).unwrap(),
                measure: Some(measure),
            },
            now(),
        )
        .unwrap();
    s.store
        .check_in_amount(habit.id, today(), 25.0, None, now())
        .unwrap();
    let data = s
        .store
        .report_data(s.client, today(), s.libraries(), false)
        .unwrap();
    let row = data
        .habits
        .iter()
        .find(|h| h.name == "Minutes of listening")
        .unwrap();
    assert_eq!(row.schedule, "at least 20 minutes a week");
    assert!(row.strength > 0.0);
    assert_eq!(row.current_streak, 1, "the week's target is met");
}
