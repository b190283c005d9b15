//! Exercise runs, reflections and the journal that gathers every piece of writing.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use chrono::{NaiveDate, TimeZone, Utc};
use leadback_core::PersonName;
use leadback_core::habits::{CheckState, HabitName, HabitStance, Schedule};
use leadback_store::{JournalQuery, NewHabit, Store, StoreError};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, d).unwrap()
}

fn setup(dir: &std::path::Path) -> (Store, i64) {
    let mut store = Store::open_in(dir).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
    let me = store
        .set_my_name(&PersonName::parse("Ada").unwrap(), now)
        .unwrap()
        .id;
    (store, me)
}

fn texts(store: &Store, me: i64, query: &JournalQuery<'_>) -> Vec<String> {
    store
        .journal(me, query)
        .unwrap()
        .into_iter()
        .map(|e| e.text)
        .collect()
}

#[test]
fn reflections_are_kept_as_typed_and_a_killed_run_resumes_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let run_id = {
        let (mut store, me) = setup(dir.path());
        let at = Utc.with_ymd_and_hms(2026, 5, 3, 7, 0, 0).unwrap();
        let run = store
            .start_exercise_run(me, "walk-at-the-back", 1, None, at)
            .unwrap();
        store
            .save_reflection(
                run.id,
                1,
                "who-stepped-up",
                Some("Mia found the path."),
                None,
                at,
            )
            .unwrap();
        store
            .save_reflection(run.id, 2, "lightness", None, Some(4), at)
            .unwrap();
        run.id
    };
    let (mut store, me) = setup(dir.path());
    let open = store
        .open_exercise_run(me)
        .unwrap()
        .expect("the run to resume");
    assert_eq!((open.id, open.step, open.reflections.len()), (run_id, 2, 2));
    assert_eq!(
        open.reflections[0].text.as_deref(),
        Some("Mia found the path.")
    );

    let done = store.finish_exercise_run(run_id, Utc::now()).unwrap();
    assert!(done.finished_at.is_some());
    let err = store
        .save_reflection(run_id, 1, "who-stepped-up", Some("late"), None, Utc::now())
        .unwrap_err();
    assert!(matches!(err, StoreError::Finished { .. }));
    assert_eq!(store.finished_exercises(me).unwrap(), ["walk-at-the-back"]);
}

#[test]
fn the_journal_gathers_reflections_check_in_notes_and_notes_and_finds_them() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = setup(dir.path());
    let at = Utc.with_ymd_and_hms(2026, 5, 3, 7, 0, 0).unwrap();
    let run = store
        .start_exercise_run(me, "listen-first", 1, None, at)
        .unwrap();
    store
        .save_reflection(
            run.id,
            0,
            "heard",
            Some("I let Jonas start the conversation."),
            None,
            at,
        )
        .unwrap();

    let name = HabitName::parse("Let someone else go first").unwrap();
    let habit = NewHabit {
        library_id: None,
        name: &name,
        stance: Some(HabitStance::Behind),
        why: None,
        schedule: Schedule::DAILY,
        measure: None,
    };
    let habit = store.add_habit(me, &habit, at).unwrap().id;
    store
        .check_in(
            habit,
            day(4),
            Some(CheckState::Done),
            Some("Priya stepped up in the meeting."),
            at,
        )
        .unwrap();
    store
        .add_journal_note(me, day(5), "Tired, but lighter than last week.", at)
        .unwrap();

    let all = texts(&store, me, &JournalQuery::default());
    assert_eq!(
        all,
        [
            "Tired, but lighter than last week.",
            "Priya stepped up in the meeting.",
            "I let Jonas start the conversation.",
        ],
        "newest day first"
    );

    let found = texts(
        &store,
        me,
        &JournalQuery {
            search: Some("stepped"),
            ..Default::default()
        },
    );
    assert_eq!(found, ["Priya stepped up in the meeting."]);
    let prefix = texts(
        &store,
        me,
        &JournalQuery {
            search: Some("conver*"),
            ..Default::default()
        },
    );
    assert_eq!(prefix, ["I let Jonas start the conversation."]);
    let behind = texts(
        &store,
        me,
        &JournalQuery {
            stance: Some("behind"),
            ..Default::default()
        },
    );
    assert_eq!(behind, ["Priya stepped up in the meeting."]);
    let exercise = texts(
        &store,
        me,
        &JournalQuery {
            exercise_id: Some("listen-first"),
            ..Default::default()
        },
    );
    assert_eq!(exercise, ["I let Jonas start the conversation."]);

    // Editing a note re-indexes it; clearing a check-in takes its note out of the journal.
    store
        .check_in(
            habit,
            day(4),
            Some(CheckState::Done),
            Some("Sam chose the route."),
            at,
        )
        .unwrap();
    assert!(
        texts(
            &store,
            me,
            &JournalQuery {
                search: Some("Priya"),
                ..Default::default()
            }
        )
        .is_empty()
    );
    assert_eq!(
        texts(
            &store,
            me,
            &JournalQuery {
                search: Some("route"),
                ..Default::default()
            }
        )
        .len(),
        1
    );
    store.check_in(habit, day(4), None, None, at).unwrap();
    assert!(
        texts(
            &store,
            me,
            &JournalQuery {
                search: Some("route"),
                ..Default::default()
            }
        )
        .is_empty()
    );

    let markdown = store.journal_markdown(me, "Ada's journal").unwrap();
    assert!(markdown.starts_with("# Ada's journal\n"));
    assert!(markdown.contains("## Sunday 3 May 2026"), "{markdown}");
    assert!(
        markdown.contains("**Reflection (listen-first)**\n\nI let Jonas start the conversation.")
    );
}

#[test]
fn a_check_in_note_in_the_journal_names_its_habit() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = setup(dir.path());
    let at = Utc.with_ymd_and_hms(2026, 5, 3, 7, 0, 0).unwrap();
    let name = HabitName::parse("Listen before speaking").unwrap();
    let habit = NewHabit {
        library_id: None,
        name: &name,
        stance: Some(HabitStance::Servant),
        why: None,
        schedule: Schedule::DAILY,
        measure: None,
    };
    let habit = store.add_habit(me, &habit, at).unwrap().id;
    store
        .check_in(
            habit,
            day(4),
            Some(CheckState::Done),
            Some("Asked first."),
            at,
        )
        .unwrap();
    store
        .add_journal_note(me, day(5), "A quiet day.", at)
        .unwrap();

    let entries = store.journal(me, &JournalQuery::default()).unwrap();
    let named: Vec<_> = entries
        .iter()
        .map(|e| (e.kind.as_str(), e.habit_name.as_deref()))
        .collect();
    assert_eq!(
        named,
        [("note", None), ("check-in", Some("Listen before speaking"))]
    );
    let markdown = store.journal_markdown(me, "Ada's journal").unwrap();
    assert!(
        markdown.contains("**Check-in note (Listen before speaking)**\n\nAsked first."),
        "{markdown}"
    );
}

#[test]
fn cohort_results_replace_a_participants_earlier_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = setup(dir.path());
    let file = |code: &str, body: &str| ("three-days".to_owned(), code.to_owned(), body.to_owned());
    store
        .import_cohort_results(&[file("A1", "first"), file("B2", "b")], Utc::now())
        .unwrap();
    store
        .import_cohort_results(&[file("A1", "second")], Utc::now())
        .unwrap();
    assert_eq!(store.cohort_results("three-days").unwrap(), ["second", "b"]);
    assert_eq!(store.cohorts().unwrap(), [("three-days".to_owned(), 2)]);
}

#[test]
fn a_word_is_found_inside_writing_in_any_script() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = setup(dir.path());
    let now = Utc.with_ymd_and_hms(2026, 5, 2, 9, 0, 0).unwrap();
    // A note in each script, and the part of it a person would search for.
    let notes = [
        ("我们今天讨论了领导力的问题", "领导力"), // Chinese: no spaces
        ("今日は会議で先に聞くことにした", "先に聞く"), // Japanese
        ("오늘 회의에서 먼저 들었다", "먼저 들었다"), // Korean
        ("วันนี้ฉันฟังก่อนพูดในที่ประชุม", "ฟังก่อน"),        // Thai: no spaces
        ("اليوم استمعت أولاً في الاجتماع", "استمعت"), // Arabic
        ("היום הקשבתי קודם בישיבה", "הקשבתי"),    // Hebrew
        ("आज मैंने बैठक में पहले सुना", "पहले सुना"),       // Hindi
        ("Σήμερα άκουσα πρώτα στη σύσκεψη", "ΠΡΏΤΑ"), // Greek, case folded
        ("Hôm nay tôi lắng nghe trước", "lang nghe"), // Vietnamese, diacritics ignored
        ("J'ai écouté Noor d'abord", "ecoute"),   // French, accents ignored
    ];
    for (i, (text, _)) in notes.iter().enumerate() {
        store
            .add_journal_note(me, day(u32::try_from(i).unwrap() + 1), text, now)
            .unwrap();
    }
    for (text, part) in notes {
        let query = JournalQuery {
            search: Some(part),
            ..JournalQuery::default()
        };
        assert_eq!(texts(&store, me, &query), [text], "searching {part:?}");
    }
    // Two characters are too few for the index: found by a plain scan, still inside a sentence.
    let short = JournalQuery {
        search: Some("讨论"),
        ..JournalQuery::default()
    };
    assert_eq!(texts(&store, me, &short), [notes[0].0]);
    // All the words typed must be there, whatever their length.
    let both = JournalQuery {
        search: Some("领导力 讨论 Noor"),
        ..JournalQuery::default()
    };
    assert!(texts(&store, me, &both).is_empty());
}

fn search(store: &Store, me: i64, words: &str) -> Vec<String> {
    let query = JournalQuery {
        search: Some(words),
        ..JournalQuery::default()
    };
    texts(store, me, &query)
}

#[test]
fn case_and_accents_are_ignored_in_every_script_that_has_them() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = setup(dir.path());
    let now = Utc.with_ymd_and_hms(2026, 5, 2, 9, 0, 0).unwrap();
    let notes = [
        "Η Ελένη μίλησε πρώτη.",
        "Anh Nguyễn kể về chuyến đi Việt Nam.",
        "Mon élève a écouté.",
        "Treffen in der Straße.",
        "اليوم استمعت أولاً",
        "שָׁלוֹם לְךָ",
        "Всё хорошо.",
    ];
    for (i, text) in notes.iter().enumerate() {
        store
            .add_journal_note(me, day(u32::try_from(i).unwrap() + 1), text, now)
            .unwrap();
    }
    for (typed, note) in [
        ("ελενη", 0),
        ("ΕΛΕΝΗ", 0),
        ("ΕΛΈΝΗ", 0),
        ("Ελένη", 0),
        ("ΠΡΩΤΗ μιλησε", 0),
        ("nguyen", 1),
        ("NGUYỄN", 1),
        ("viet", 1),
        ("chuyen", 1),
        ("eleve", 2),
        ("ÉLÈVE ecoute", 2),
        ("strasse", 3),
        ("STRASSE", 3),
        ("اولا", 4),  // Arabic written without its hamza and tanwin
        ("שלום", 5), // Hebrew without its vowel points
        ("всё", 6),
        ("все", 6),
    ] {
        assert_eq!(
            search(&store, me, typed),
            [notes[note]],
            "searching {typed:?}"
        );
    }
    // Two characters are too few for the index: the plain scan folds them the same way.
    for (typed, note) in [("ΛΈ", 0), ("ελ", 0), ("Đi", 1), ("ÉL", 2)] {
        assert_eq!(
            search(&store, me, typed),
            [notes[note]],
            "searching {typed:?}"
        );
    }
    assert!(search(&store, me, "ελενα").is_empty());
}

#[test]
fn marks_that_spell_a_word_still_tell_words_apart() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = setup(dir.path());
    let now = Utc.with_ymd_and_hms(2026, 5, 2, 9, 0, 0).unwrap();
    // Pairs of words told apart only by a mark that is not an accent: a Hindi vowel sign
    // ("initiative", "first"), a Thai tone mark ("wood", "not"), a kana voicing mark ("oyster",
    // "key").
    let notes = [
        "उसने पहल की",
        "मैंने पहले सुना",
        "ไม้บรรทัดหัก",
        "ฉันไม่รู้",
        "かきを食べた",
        "かぎをなくした",
    ];
    for (i, text) in notes.iter().enumerate() {
        store
            .add_journal_note(me, day(u32::try_from(i).unwrap() + 1), text, now)
            .unwrap();
    }
    for (typed, found) in [
        ("पहले", &[1][..]),
        ("पहल", &[1, 0][..]), // also the start of "पहले"
        ("ไม้", &[2][..]),
        ("ไม่", &[3][..]),
        ("ไม่รู้", &[3][..]),
        ("かぎ", &[5][..]),
        ("かき", &[4][..]),
        ("かぎを", &[5][..]),
        ("ガギ", &[][..]), // katakana is not hiragana
    ] {
        let expected: Vec<&str> = found.iter().map(|&i| notes[i]).collect();
        assert_eq!(search(&store, me, typed), expected, "searching {typed:?}");
    }
}
