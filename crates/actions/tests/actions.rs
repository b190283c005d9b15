//! The use cases as both front ends call them: a store in a temporary folder, a fixed clock.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use std::path::{Path, PathBuf};

use chrono::Weekday;
use chrono::{DateTime, Duration, TimeZone, Utc};
use leadback_actions::cohort::{self, ExportResults};
use leadback_actions::habits::{self, NoteChange, Reminder};
use leadback_actions::{ActionError, Code, assessments, coaching, files};
use leadback_core::assessment::{InstrumentLibrary, Stance, StanceScores};
use leadback_core::cohort::ResultsFile;
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::builtin_library;
use leadback_core::programmes::{self, Programme};
use leadback_core::{FixedClock, PersonName};
use leadback_store::Store;

fn t(days: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap() + Duration::days(days)
}

fn store_with_me(dir: &Path) -> (Store, i64) {
    let mut store = Store::open_in(dir).unwrap();
    let me = store
        .set_my_name(&PersonName::parse("Ada").unwrap(), t(0))
        .unwrap();
    (store, me.id)
}

/// Starts an assessment on the built-in instrument and answers every statement with `value`
/// (reverse-keyed ones the other way, so every stance scores the same); finishes it if asked.
fn assessment(store: &mut Store, me: i64, value: i64, day: i64, finish: bool) -> i64 {
    let library = InstrumentLibrary::builtin().unwrap();
    let instrument = library.current();
    let record = store
        .start_assessment(me, instrument.id(), i64::from(instrument.version()), t(day))
        .unwrap();
    let scale = instrument.scale();
    for item in instrument.items() {
        let answer = if item.reverse {
            scale.min + scale.max - value
        } else {
            value
        };
        store
            .save_answer(record.id, &item.id, Some(answer), 0, t(day))
            .unwrap();
    }
    for item in instrument.energy_items() {
        store
            .save_answer(record.id, &item.id, Some(value), 0, t(day))
            .unwrap();
    }
    if finish {
        store.complete_assessment(record.id, t(day)).unwrap();
    }
    record.id
}

fn retreat() -> Programme {
    let exercises = ExerciseLibrary::builtin().unwrap();
    let habits = builtin_library().unwrap();
    programmes::builtin(&exercises, &habits)
        .unwrap()
        .into_iter()
        .next()
        .unwrap()
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
}

#[test]
fn an_unfinished_assessment_has_no_result_and_is_in_no_history() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_me(dir.path());
    let library = InstrumentLibrary::builtin().unwrap();
    let open = assessment(&mut store, me, 4, 1, false);
    let record = store.assessment(open).unwrap();

    let refused = assessments::result(&record, &library).unwrap_err();
    assert!(
        matches!(refused, ActionError::Unfinished { id } if id == open),
        "an unfinished assessment is refused, never scored with a made-up date: {refused:?}"
    );
    assert_eq!(refused.code(), Code::InvalidInput);
    assert!(assessments::history_entry(&record, &library).is_err());
    assert_eq!(assessments::history(&store, &library, me).unwrap(), vec![]);
    assert_eq!(assessments::latest(&store, &library, me).unwrap(), None);
}

#[test]
fn a_finished_assessment_is_scored_on_its_answers_and_dated_when_finished() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_me(dir.path());
    let library = InstrumentLibrary::builtin().unwrap();
    let first = assessment(&mut store, me, 2, 1, true);
    let second = assessment(&mut store, me, 5, 8, true);

    let scored = assessments::result(&store.assessment(second).unwrap(), &library).unwrap();
    assert_eq!(scored.completed_at, t(8));
    let history = assessments::history(&store, &library, me).unwrap();
    assert_eq!(
        history.iter().map(|h| h.id).collect::<Vec<_>>(),
        vec![first, second]
    );
    let latest = assessments::latest(&store, &library, me).unwrap().unwrap();
    assert_eq!(latest.id, second);
    assert!(
        history[1].scores.stances.front > history[0].scores.stances.front,
        "agreeing more scores higher: {history:?}"
    );
}

#[test]
fn a_results_file_has_the_first_assessment_before_and_the_latest_after() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_me(dir.path());
    let library = InstrumentLibrary::builtin().unwrap();
    assessment(&mut store, me, 2, 1, true);
    assessment(&mut store, me, 3, 4, true);
    assessment(&mut store, me, 5, 8, true);
    assessment(&mut store, me, 1, 9, false);
    let programme = retreat();
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("results.json");
    let input = ExportResults {
        programme: &programme,
        participant_code: "  owl-7 ",
        name: None,
        path: &path,
    };
    cohort::export_results(&store, &library, me, input).unwrap();

    let file = ResultsFile::open(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let history = assessments::history(&store, &library, me).unwrap();
    let front = |s: Option<&StanceScores>| s.and_then(|s| s.get(Stance::Front));
    let tenths = |v: Option<f64>| v.map(|v| (v * 10.0).round() / 10.0);
    assert_eq!(file.participant_code(), "owl-7");
    assert_ne!(front(file.pre()), front(file.post()));
    assert_eq!(front(file.pre()), tenths(history[0].scores.stances.front));
    assert_eq!(
        front(file.post()),
        tenths(history[2].scores.stances.front),
        "after is the latest finished one, not the unfinished one"
    );
}

#[test]
fn a_results_file_is_never_written_over_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_me(dir.path());
    let library = InstrumentLibrary::builtin().unwrap();
    assessment(&mut store, me, 3, 1, true);
    let programme = retreat();
    let database = store.path().unwrap().to_path_buf();
    let before = std::fs::read(&database).unwrap();
    let input = ExportResults {
        programme: &programme,
        participant_code: "owl-7",
        name: None,
        path: &database,
    };
    let refused = cohort::export_results(&store, &library, me, input).unwrap_err();
    assert!(matches!(refused, ActionError::File { .. }), "{refused:?}");
    assert_eq!(std::fs::read(&database).unwrap(), before);
}

#[test]
fn cohort_results_are_all_checked_before_any_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = store_with_me(dir.path());
    let programme = retreat();
    let clock = FixedClock::new(t(10));
    let out = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (code, before, after) in [("a", 40.0, 60.0), ("b", 50.0, 70.0), ("c", 30.0, 50.0)] {
        let scores = |v: f64| StanceScores {
            front: Some(v),
            behind: Some(v),
            servant: Some(v),
        };
        let file = ResultsFile::new(
            &programme.id,
            code,
            None,
            Some(scores(before)),
            Some(scores(after)),
            &[],
        )
        .unwrap();
        let path = out.path().join(format!("{code}.json"));
        std::fs::write(&path, file.seal()).unwrap();
        paths.push(path);
    }
    let broken = out.path().join("broken.json");
    std::fs::write(&broken, "{ not a results file").unwrap();

    let mut with_broken = paths.clone();
    with_broken.push(broken.clone());
    let refused = cohort::import_results(&mut store, &clock, &with_broken).unwrap_err();
    assert!(
        matches!(&refused, ActionError::File { path, .. } if *path == broken),
        "the message names the broken file: {refused:?}"
    );
    assert!(store.cohort_results(&programme.id).unwrap().is_empty());
    assert!(matches!(
        cohort::import_results(&mut store, &clock, &[]),
        Err(ActionError::Invalid(_))
    ));

    assert_eq!(
        cohort::import_results(&mut store, &clock, &paths).unwrap(),
        3
    );
    let summary = cohort::summary(&store, std::slice::from_ref(&programme), &programme.id).unwrap();
    assert_eq!(summary.participants, 3);
    assert_eq!(cohort::only_cohort(&store).unwrap(), programme.id);
    let unknown = cohort::summary(&store, &[programme], "no-such-programme").unwrap_err();
    assert_eq!(unknown.code(), Code::NotFound);
}

#[test]
fn an_output_path_is_checked_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store_with_me(dir.path());
    let out = tempfile::tempdir().unwrap();
    let refused = |path: &Path| files::check_output(&store, path, "pdf", "a report").is_err();
    assert!(refused(&out.path().join("report.txt")), "wrong extension");
    assert!(
        refused(Path::new("report.pdf")),
        "a bare name names no folder"
    );
    assert!(
        refused(&out.path().join("nowhere/report.pdf")),
        "missing folder"
    );
    std::fs::create_dir(out.path().join("folder.pdf")).unwrap();
    assert!(refused(&out.path().join("folder.pdf")), "a folder");
    let database = store.path().unwrap().with_extension("pdf");
    std::fs::write(&database, b"x").unwrap();
    assert!(
        !refused(&database),
        "beside the database with another name is fine"
    );
    assert!(files::check_output(&store, &out.path().join("Report.PDF"), "pdf", "a report").is_ok());
    assert!(files::write(&store, store.path().unwrap(), b"oops").is_err());
    assert!(files::write(&store, &dir.path().join("backups/x.pdf"), b"oops").is_err());
    assert_eq!(files_in(out.path()).len(), 1, "only the folder made above");
}

fn habit(store: &mut Store, me: i64, library_id: &str) -> i64 {
    let library = builtin_library().unwrap();
    let found = library.get(library_id).unwrap();
    let name = leadback_core::habits::HabitName::parse(&found.name).unwrap();
    let new = leadback_store::NewHabit::from_library(found, &name);
    store.library_habit_once(me, &new, t(0)).unwrap().0.id
}

fn at(hh_mm: &str, weekdays: i64) -> Reminder {
    let time = chrono::NaiveTime::parse_from_str(hh_mm, "%H:%M").unwrap();
    Reminder { time, weekdays }
}

#[test]
fn reminders_are_checked_by_the_rule_and_replaced_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_me(dir.path());
    let id = habit(&mut store, me, "praise-a-contribution");
    let weekdays = habits::weekday_mask(&[Weekday::Mon, Weekday::Fri]);
    assert_eq!(weekdays, 0b1_0001);

    let saved = habits::set_reminders(
        &mut store,
        me,
        id,
        &[at("07:30", weekdays), at("18:00", 127)],
    )
    .unwrap();
    assert_eq!(saved.len(), 2);
    for refused in [
        vec![at("07:30", 0)],
        vec![at("07:30", 128)],
        vec![at("07:30", -1)],
        vec![at("07:30", 1), at("07:30", 2)],
        (0..25)
            .map(|h| at(&format!("{:02}:{:02}", h % 24, h / 24), 1))
            .collect(),
    ] {
        let err = habits::set_reminders(&mut store, me, id, &refused).unwrap_err();
        assert_eq!(err.code(), Code::InvalidInput, "{refused:?}: {err}");
    }
    assert_eq!(
        store.reminders(Some(id)).unwrap().len(),
        2,
        "a refusal changes nothing"
    );
    assert_eq!(
        habits::set_reminders(&mut store, me, 999, &[])
            .unwrap_err()
            .code(),
        Code::Store
    );
    assert!(
        habits::set_reminders(&mut store, me, id, &[])
            .unwrap()
            .is_empty(),
        "none clears them"
    );
}

#[test]
fn an_archived_habit_leaves_the_list_and_someone_elses_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_me(dir.path());
    let id = habit(&mut store, me, "praise-a-contribution");
    let clock = FixedClock::new(t(3));
    assert!(habits::archive(&mut store, &clock, me + 1, id, true).is_err());
    assert_eq!(store.habits(me, false).unwrap().len(), 1);
    let archived = habits::archive(&mut store, &clock, me, id, true).unwrap();
    assert!(archived.archived_at.is_some());
    assert!(store.habits(me, false).unwrap().is_empty());
    assert_eq!(
        store.habits(me, true).unwrap().len(),
        1,
        "its history stays"
    );
}

#[test]
fn a_session_comes_with_its_notes_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = store_with_me(dir.path());
    let noor = leadback_testkit::add_client(&mut store, "Noor", "Notes kept here.");
    let clock = FixedClock::new(leadback_testkit::now());
    let starts_at = leadback_testkit::today().and_hms_opt(10, 0, 0).unwrap();
    let input = |notes| coaching::NewSession {
        person_id: noor,
        starts_at,
        agenda: "  Stand-ups ",
        notes,
    };
    let session =
        coaching::add_session(&mut store, &clock, input(Some("She spoke last."))).unwrap();
    assert_eq!(session.agenda, "Stand-ups");
    assert_eq!(store.session(session.id).unwrap().notes, "She spoke last.");

    let too_long = "x".repeat(leadback_core::clients::NOTES_MAX_CHARS + 1);
    let refused = coaching::add_session(&mut store, &clock, input(Some(&too_long))).unwrap_err();
    assert_eq!(refused.code(), Code::InvalidInput);
    assert_eq!(store.sessions(noor).unwrap().len(), 1, "nothing was added");
}

#[test]
fn homework_is_checked_whole_before_it_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = store_with_me(dir.path());
    let noor = leadback_testkit::add_client(&mut store, "Noor", "Notes kept here.");
    let clock = FixedClock::new(leadback_testkit::now());
    let today = leadback_testkit::today();
    let starts_at = today.and_hms_opt(10, 0, 0).unwrap();
    let session = store
        .add_session(noor, starts_at, "", leadback_testkit::now())
        .unwrap();
    let (habits, exercises) = (
        builtin_library().unwrap(),
        ExerciseLibrary::builtin().unwrap(),
    );
    let libraries = coaching::HomeworkLibraries {
        habits: &habits,
        exercises: &exercises,
    };
    let assign = |store: &mut Store, homework, due| {
        let input = coaching::AssignHomework {
            session_id: session.id,
            homework,
            due,
        };
        coaching::assign_homework(store, &clock, libraries, input)
    };
    let habit = coaching::HomeworkChoice::Habit {
        library_id: "praise-a-contribution",
    };
    let yesterday = today.pred_opt();
    assert!(
        assign(&mut store, habit, yesterday).is_err(),
        "due before it is set"
    );
    let unknown = coaching::HomeworkChoice::Exercise {
        exercise_id: "no-such",
    };
    assert_eq!(
        assign(&mut store, unknown, None).unwrap_err().code(),
        Code::NotFound
    );
    assert!(
        store.homework(noor, today).unwrap().is_empty(),
        "nothing was set"
    );
    assert!(
        store.habits(noor, true).unwrap().is_empty(),
        "no habit was added"
    );

    let due = today.succ_opt();
    let (id, person) = assign(&mut store, habit, due).unwrap();
    assert_eq!(person, noor);
    let set = store.homework(noor, today).unwrap();
    assert_eq!((set[0].id, set[0].due_on), (id, due));
}

#[test]
fn a_check_in_keeps_or_replaces_the_days_note_and_refuses_days_to_come() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_me(dir.path());
    let id = habit(&mut store, me, "praise-a-contribution");
    let clock = FixedClock::new(t(5));
    let today = t(5).date_naive();
    let long = "x".repeat(100_000);
    let check = |store: &mut Store, day, state, note| {
        let input = habits::CheckIn {
            habit_id: id,
            day,
            state,
            note,
        };
        habits::check_in(store, &clock, me, input)
    };
    let done = Some(leadback_core::habits::CheckState::Done);
    let noted = check(
        &mut store,
        today,
        done,
        NoteChange::Set(Some("Thanked Lee.")),
    )
    .unwrap();
    assert_eq!(noted.unwrap().note.as_deref(), Some("Thanked Lee."));
    let kept = check(&mut store, today, done, NoteChange::Keep).unwrap();
    assert_eq!(
        kept.unwrap().note.as_deref(),
        Some("Thanked Lee."),
        "the note stays"
    );

    let tomorrow = today.succ_opt().unwrap();
    for refused in [
        check(&mut store, tomorrow, done, NoteChange::Keep),
        check(&mut store, today, None, NoteChange::Keep),
        check(&mut store, today, done, NoteChange::Set(Some(&long))),
    ] {
        assert_eq!(refused.unwrap_err().code(), Code::InvalidInput);
    }
    assert!(check(&mut store, today, done, NoteChange::Keep).is_ok());
    let someone_else = habits::CheckIn {
        habit_id: id,
        day: today,
        state: done,
        note: NoteChange::Keep,
    };
    assert!(habits::check_in(&mut store, &clock, me + 1, someone_else).is_err());
}

#[test]
fn a_loop_backup_is_checked_whole_before_its_habits_come_in() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, me) = store_with_me(dir.path());
    let clock = FixedClock::new(t(30));
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a Loop backup").unwrap();
    let refused = leadback_actions::loop_backup::import(&mut store, &clock, me, &junk).unwrap_err();
    assert!(
        matches!(&refused, ActionError::File { path, .. } if *path == junk),
        "the message names the file: {refused:?}"
    );
    assert!(store.habits(me, true).unwrap().is_empty());

    let backup = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/loop-habit-tracker/loop-schema12.db");
    let summary = leadback_actions::loop_backup::import(&mut store, &clock, me, &backup).unwrap();
    assert!(summary.habits_added > 0, "{summary:?}");
    let again = leadback_actions::loop_backup::import(&mut store, &clock, me, &backup).unwrap();
    assert_eq!(
        again.habits_added, 0,
        "habits already here are matched, not doubled"
    );
}

#[test]
fn a_client_is_erased_only_when_their_name_is_typed_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = store_with_me(dir.path());
    let clock = FixedClock::new(leadback_testkit::now());
    let client = leadback_core::clients::ClientInput {
        name: " Noor Hadad ".to_owned(),
        contact: None,
        tags: Vec::new(),
    };
    let consent = leadback_core::clients::ConsentInput {
        agreed_on: leadback_testkit::today(),
        terms: "Notes kept here.".to_owned(),
    };
    let noor = coaching::add_client(&mut store, &clock, &client, &consent).unwrap();
    assert_eq!(noor.person.name, "Noor Hadad");
    let refused = coaching::erase_client(&mut store, noor.person.id, "Noor").unwrap_err();
    assert_eq!(refused.code(), Code::InvalidInput);
    assert!(store.person(noor.person.id).is_ok(), "nothing was erased");
    coaching::erase_client(&mut store, noor.person.id, "Noor Hadad").unwrap();
    assert!(store.person(noor.person.id).is_err());
}

/// Flips a byte in the middle of the file `label` (`device/number.lbsync`) in `folder`.
fn damage(folder: &Path, label: &str) {
    let path = folder.join(label);
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    std::fs::write(&path, bytes).unwrap();
}

#[test]
fn a_snapshot_damaged_on_its_way_is_sent_again_but_not_more_than_hourly() {
    use leadback_actions::sync::{self, Options};
    let options = Options {
        work_factor: 1,
        compact_after: 50,
    };
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("Sync");
    std::fs::create_dir_all(&folder).unwrap();
    let (mut laptop, me) = store_with_me(&root.path().join("laptop"));
    let started = sync::start(&mut laptop, &folder, "Laptop", options, t(0)).unwrap();
    let mut desktop = Store::open_in(&root.path().join("desktop")).unwrap();
    sync::join(
        &mut desktop,
        &folder,
        &started.code,
        "Desktop",
        options,
        t(0),
        &mut |_, _| {},
    )
    .unwrap();
    let quiet = &mut |_: usize, _: usize| {};

    // A note's file arrives damaged; asked, the laptop answers with a snapshot, damaged too.
    laptop
        .add_journal_note(me, t(1).date_naive(), "Spoke last", t(1))
        .unwrap();
    let sent = sync::sync_now(&mut laptop, options, t(1), quiet)
        .unwrap()
        .sent;
    damage(&folder, &sent[0]);
    let refused = sync::sync_now(&mut desktop, options, t(1), quiet)
        .unwrap()
        .refused;
    assert!(
        refused[0]
            .reason
            .contains("Laptop is asked to send everything again")
    );
    let sent = sync::sync_now(&mut laptop, options, t(1), quiet)
        .unwrap()
        .sent;
    assert_eq!(sent.len(), 1, "the snapshot asked for");
    damage(&folder, &sent[0]);
    assert_eq!(
        sync::sync_now(&mut desktop, options, t(1), quiet)
            .unwrap()
            .refused
            .len(),
        2
    );

    // Asked again for the same snapshot: not within the hour, then once.
    let soon = t(1) + Duration::minutes(30);
    assert_eq!(
        sync::sync_now(&mut laptop, options, soon, quiet)
            .unwrap()
            .sent,
        Vec::<String>::new()
    );
    let later = t(1) + Duration::minutes(90);
    assert_eq!(
        sync::sync_now(&mut laptop, options, later, quiet)
            .unwrap()
            .sent
            .len(),
        1
    );
    let outcome = sync::sync_now(&mut desktop, options, later, quiet).unwrap();
    assert!(outcome.refused.is_empty(), "{outcome:?}");
    let notes = desktop.journal(me, &Default::default()).unwrap();
    assert_eq!(
        notes.iter().map(|e| e.text.as_str()).collect::<Vec<_>>(),
        ["Spoke last"]
    );
    assert_eq!(
        sync::sync_now(&mut laptop, options, later, quiet)
            .unwrap()
            .sent,
        Vec::<String>::new()
    );
}
