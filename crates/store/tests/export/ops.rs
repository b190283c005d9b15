//! Random databases: the things a person can do that write to the database, and applying them
//! through the store's own API.

use super::*;

pub(crate) fn day(offset: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Duration::days(i64::from(offset))
}

/// One thing a person can do that writes to the database.
#[derive(Debug, Clone)]
pub(crate) enum Op {
    Habit {
        name: String,
        stance: Option<u8>,
        times: i64,
    },
    CheckIn {
        habit: usize,
        day: u16,
        state: Option<u8>,
        note: Option<String>,
    },
    Archive {
        habit: usize,
    },
    Reminder {
        habit: usize,
        minute: u16,
        weekdays: i64,
    },
    Energy {
        day: u16,
        level: i64,
        note: Option<String>,
    },
    Setting {
        key: u8,
        value: String,
    },
    Answer {
        item: u8,
        value: Option<i64>,
    },
    Choice {
        scenario: u8,
        option: Option<u8>,
    },
    CompleteAssessment,
    Exercise {
        prompt: u8,
        text: Option<String>,
        rating: Option<i64>,
        finish: bool,
    },
    Note {
        day: u16,
        text: String,
    },
    Programme {
        id: u8,
        body: String,
    },
    ProgrammeItem {
        id: u8,
        key: u8,
        done: bool,
    },
    CohortResult {
        programme: u8,
        code: u8,
        body: String,
    },
    /// A coach's client, with a session (agenda and notes), an exercise noted as run in it and
    /// set as homework with a due day, and an observer asked, who answered when `answers` is set.
    Client {
        name: String,
        notes: String,
        due: Option<u16>,
        answers: Option<Vec<Option<i64>>>,
    },
}

pub(crate) fn text() -> impl Strategy<Value = String> {
    // Anything a person might type, including quotes, emoji and line breaks.
    proptest::string::string_regex("[a-zA-Z0-9 ,.'\"é✓🙂\n-]{1,40}").unwrap()
}

pub(crate) fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (text(), proptest::option::of(0u8..4), 1i64..=7).prop_map(|(name, stance, times)| {
            Op::Habit {
                name,
                stance,
                times,
            }
        }),
        (
            0usize..6,
            0u16..800,
            proptest::option::of(0u8..3),
            proptest::option::of(text())
        )
            .prop_map(|(habit, day, state, note)| Op::CheckIn {
                habit,
                day,
                state,
                note
            }),
        (0usize..6).prop_map(|habit| Op::Archive { habit }),
        (0usize..6, 0u16..1440, 1i64..128).prop_map(|(habit, minute, weekdays)| Op::Reminder {
            habit,
            minute,
            weekdays
        }),
        (0u16..800, 1i64..=5, proptest::option::of(text()))
            .prop_map(|(day, level, note)| Op::Energy { day, level, note }),
        (0u8..4, text()).prop_map(|(key, value)| Op::Setting { key, value }),
        (0u8..30, proptest::option::of(1i64..=5))
            .prop_map(|(item, value)| Op::Answer { item, value }),
        (0u8..8, proptest::option::of(0u8..3))
            .prop_map(|(scenario, option)| Op::Choice { scenario, option }),
        Just(Op::CompleteAssessment),
        (
            0u8..3,
            proptest::option::of(text()),
            proptest::option::of(1i64..=5),
            any::<bool>()
        )
            .prop_map(|(prompt, text, rating, finish)| Op::Exercise {
                prompt,
                text,
                rating,
                finish
            }),
        (0u16..800, text()).prop_map(|(day, text)| Op::Note { day, text }),
        (0u8..3, text()).prop_map(|(id, body)| Op::Programme { id, body }),
        (0u8..3, 0u8..5, any::<bool>()).prop_map(|(id, key, done)| Op::ProgrammeItem {
            id,
            key,
            done
        }),
        (0u8..3, 0u8..6, text()).prop_map(|(programme, code, body)| Op::CohortResult {
            programme,
            code,
            body
        }),
        (
            text(),
            text(),
            proptest::option::of(0u16..300),
            proptest::option::of(proptest::collection::vec(
                proptest::option::of(1i64..=5),
                1..6
            ))
        )
            .prop_map(|(name, notes, due, answers)| Op::Client {
                name,
                notes,
                due,
                answers
            }),
    ]
}

/// Applies the operations through the store's own API, as the app and the CLI would.
pub(crate) fn build(ops: &[Op]) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let me = set_me(&mut store, "Ada");
    let mut habits: Vec<i64> = Vec::new();
    let mut assessment: Option<i64> = None;
    for (step, op) in ops.iter().enumerate() {
        let at = now() + Duration::minutes(step as i64);
        match op {
            Op::Habit {
                name,
                stance,
                times,
            } => {
                let name = HabitName::parse(name.trim())
                    .or_else(|_| HabitName::parse("habit"))
                    .unwrap();
                let stance = stance.and_then(|s| {
                    [
                        HabitStance::Front,
                        HabitStance::Behind,
                        HabitStance::Servant,
                        HabitStance::Rest,
                    ]
                    .get(usize::from(s))
                    .copied()
                });
                let habit = NewHabit {
                    library_id: None,
                    name: &name,
                    stance,
                    why: Some("because"),
                    schedule: Schedule::new(*times, 7).unwrap(),
                    measure: None,
                };
                habits.push(store.add_habit(me, &habit, at).unwrap().id);
            }
            Op::CheckIn {
                habit,
                day: d,
                state,
                note,
            } => {
                if let Some(&id) = habits.get(*habit) {
                    let state = state.and_then(|s| {
                        [CheckState::Done, CheckState::NotDone, CheckState::Skipped]
                            .get(usize::from(s))
                            .copied()
                    });
                    store
                        .check_in(id, day(*d), state, note.as_deref(), at)
                        .unwrap();
                }
            }
            Op::Archive { habit } => {
                if let Some(&id) = habits.get(*habit) {
                    store.set_habit_archived(id, true, at).unwrap();
                }
            }
            Op::Reminder {
                habit,
                minute,
                weekdays,
            } => {
                if let Some(&id) = habits.get(*habit) {
                    let time =
                        NaiveTime::from_hms_opt(u32::from(minute / 60), u32::from(minute % 60), 0)
                            .unwrap();
                    store.set_reminders(id, &[(time, *weekdays)]).unwrap();
                }
            }
            Op::Energy {
                day: d,
                level,
                note,
            } => {
                store
                    .set_energy(me, day(*d), *level, note.as_deref(), at)
                    .unwrap();
            }
            Op::Setting { key, value } => store.set_setting(&format!("key-{key}"), value).unwrap(),
            Op::Answer { item, value } => {
                let id = *assessment.get_or_insert_with(|| {
                    store
                        .start_assessment(me, "leadback-core", 1, at)
                        .unwrap()
                        .id
                });
                store
                    .save_answer(id, &format!("item-{item}"), *value, i64::from(*item), at)
                    .unwrap();
            }
            Op::Choice { scenario, option } => {
                let id = *assessment.get_or_insert_with(|| {
                    store
                        .start_assessment(me, "leadback-core", 1, at)
                        .unwrap()
                        .id
                });
                let option = option.map(|o| format!("option-{o}"));
                store
                    .save_choice(
                        id,
                        &format!("scenario-{scenario}"),
                        option.as_deref(),
                        40,
                        at,
                    )
                    .unwrap();
            }
            Op::CompleteAssessment => {
                if let Some(id) = assessment.take() {
                    store.complete_assessment(id, at).unwrap();
                }
            }
            Op::Exercise {
                prompt,
                text,
                rating,
                finish,
            } => {
                let run = store
                    .start_exercise_run(me, "listen-first", 1, None, at)
                    .unwrap();
                store
                    .save_reflection(
                        run.id,
                        1,
                        &format!("prompt-{prompt}"),
                        text.as_deref(),
                        *rating,
                        at,
                    )
                    .unwrap();
                if *finish {
                    store.finish_exercise_run(run.id, at).unwrap();
                }
            }
            Op::Note { day: d, text } => {
                store.add_journal_note(me, day(*d), text, at).unwrap();
            }
            Op::Programme { id, body } => {
                let programme = StoredProgramme {
                    id: format!("programme-{id}"),
                    version: 1,
                    title: body.clone(),
                    body: body.clone(),
                    origin: "imported".into(),
                };
                store.save_programme(&programme, at).unwrap();
            }
            Op::ProgrammeItem { id, key, done } => {
                store
                    .set_programme_item_done(
                        me,
                        &format!("programme-{id}"),
                        &format!("item-{key}"),
                        *done,
                        at,
                    )
                    .unwrap();
            }
            Op::CohortResult {
                programme,
                code,
                body,
            } => {
                let file = (
                    format!("programme-{programme}"),
                    format!("P{code}"),
                    body.clone(),
                );
                store.import_cohort_results(&[file], at).unwrap();
            }
            Op::Client {
                name,
                notes,
                due,
                answers,
            } => {
                let details = ClientDetails {
                    name: name.trim().chars().take(40).collect::<String>() + " (client)",
                    contact: Some("client@example.org".into()),
                    tags: vec!["pilot".into()],
                };
                let client = store
                    .add_client(&details, day(10), "Notes kept here.", at)
                    .unwrap()
                    .person
                    .id;
                let session = store
                    .add_session(client, day(20).and_hms_opt(9, 30, 0).unwrap(), "Agenda", at)
                    .unwrap()
                    .id;
                store.save_session_notes(session, notes, at).unwrap();
                let item = SessionItemInput::Exercise {
                    exercise_id: "listen-first".into(),
                };
                store.add_session_item(session, &item, at).unwrap();
                let homework = store
                    .assign_exercise(session, "listen-first", day(20))
                    .unwrap();
                if let Some(offset) = due {
                    store
                        .set_homework_due(homework, Some(day(20 + offset)))
                        .unwrap();
                }
                let request = store
                    .add_observer_request(client, "A peer", ("leadback-core", 1), at)
                    .unwrap();
                if let Some(values) = answers {
                    let answers = values
                        .iter()
                        .enumerate()
                        .map(|(i, v)| (format!("front-0{}", i + 1), *v))
                        .collect();
                    store
                        .record_observer_answers(request.id, &answers, AnsweredVia::File, at)
                        .unwrap();
                }
            }
        }
    }
    store
}
