//! Three computers of one person sync through a folder that a file-sync tool keeps in step badly:
//! each computer sees its own copy of the folder, and a copier brings each computer's files to
//! the others late, in any order, some not at all for a while, some again. Whatever each
//! computer does meanwhile (check-ins and notes on the same days, habits, reminders, energy,
//! journal notes, reflections, clients, sessions, erasing a client, restoring a backup…), once
//! everything has been delivered all three hold the same records, and no text a person wrote is
//! lost to a conflict: it is where it was written or kept in the journal (unless a backup was put
//! back, which takes away what came after it on purpose). Files damaged where they lie are
//! refused, and the snapshots their computers send when asked bring the others up to date.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate, NaiveTime};
use leadback_actions::sync::{self, Options};
use leadback_core::PersonName;
use leadback_core::habits::{CheckState, HabitName, HabitStance, Schedule};
use leadback_store::{NewHabit, Store, StoredProgramme};
use leadback_testkit::{add_client, now, set_me};
use proptest::prelude::*;
use serde_json::Value;

const OPTIONS: Options = Options {
    work_factor: 1,
    compact_after: 3,
};

#[derive(Debug, Clone)]
enum Op {
    Habit,
    /// A habit from the library (one of two), once a person as the app allows.
    LibraryHabit {
        id: u8,
    },
    CheckIn {
        habit: u8,
        day: u8,
        state: u8,
        note: bool,
    },
    Clear {
        habit: u8,
        day: u8,
    },
    Archive {
        habit: u8,
    },
    Reminder {
        habit: u8,
        minute: u16,
    },
    Energy {
        day: u8,
        level: i64,
        note: bool,
    },
    Note {
        day: u8,
    },
    Reflection {
        prompt: u8,
    },
    Rename,
    Programme {
        id: u8,
    },
    Client,
    Session {
        client: u8,
    },
    SessionNotes {
        session: u8,
    },
    DeleteSession {
        session: u8,
    },
    Erase {
        client: u8,
    },
    /// A backup taken by hand now…
    Backup,
    /// …and later put back on the same computer, which sends it to the others.
    Restore,
    /// The same Loop Habit Tracker backup imported (on any computer, again and again).
    ImportLoop,
    /// An answer in "me"'s unfinished assessment (started when there is none), then finished.
    Answer {
        item: u8,
        value: u8,
        finish: bool,
    },
    /// Homework (an exercise) set in a client's session.
    Homework {
        session: u8,
    },
    /// An observer asked about a client…
    Observer {
        client: u8,
    },
    /// …answers (each request once on a computer; two computers may each record answers).
    ObserverAnswers {
        request: u8,
        value: u8,
    },
}

#[derive(Debug, Clone)]
enum Step {
    Do {
        device: usize,
        op: Op,
    },
    /// The file-sync tool brings some of `from`'s files to `to`: `pick` chooses which.
    Copy {
        from: usize,
        to: usize,
        pick: u64,
    },
    Sync {
        device: usize,
    },
    /// One of `device`'s files is damaged where it lies (a bad sector, a stick pulled out too
    /// soon): every copy made from now on carries the damage.
    Damage {
        device: usize,
        pick: u64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        Just(Op::Habit),
        (0u8..2).prop_map(|id| Op::LibraryHabit { id }),
        (0u8..3, 0u8..3, 0u8..3, any::<bool>()).prop_map(|(habit, day, state, note)| Op::CheckIn {
            habit,
            day,
            state,
            note
        }),
        (0u8..3, 0u8..3).prop_map(|(habit, day)| Op::Clear { habit, day }),
        (0u8..3).prop_map(|habit| Op::Archive { habit }),
        (0u8..3, 0u16..3).prop_map(|(habit, minute)| Op::Reminder { habit, minute }),
        (0u8..2, 1i64..=5, any::<bool>()).prop_map(|(day, level, note)| Op::Energy {
            day,
            level,
            note
        }),
        (0u8..3).prop_map(|day| Op::Note { day }),
        (0u8..2).prop_map(|prompt| Op::Reflection { prompt }),
        Just(Op::Rename),
        (0u8..2).prop_map(|id| Op::Programme { id }),
        Just(Op::Client),
        (0u8..2).prop_map(|client| Op::Session { client }),
        (0u8..3).prop_map(|session| Op::SessionNotes { session }),
        (0u8..3).prop_map(|session| Op::DeleteSession { session }),
        (0u8..2).prop_map(|client| Op::Erase { client }),
        Just(Op::Backup),
        Just(Op::Restore),
        Just(Op::ImportLoop),
        (0u8..3, 0u8..5, any::<bool>()).prop_map(|(item, value, finish)| Op::Answer {
            item,
            value,
            finish
        }),
        (0u8..3).prop_map(|session| Op::Homework { session }),
        (0u8..2).prop_map(|client| Op::Observer { client }),
        (0u8..3, 0u8..5).prop_map(|(request, value)| Op::ObserverAnswers { request, value }),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        5 => (0usize..3, op()).prop_map(|(device, op)| Step::Do { device, op }),
        2 => (0usize..3, 0usize..3, any::<u64>()).prop_map(|(from, to, pick)| Step::Copy { from, to, pick }),
        2 => (0usize..3).prop_map(|device| Step::Sync { device }),
        1 => (0usize..3, any::<u64>()).prop_map(|(device, pick)| Step::Damage { device, pick }),
    ]
}

struct Computer {
    _data: tempfile::TempDir,
    store: Store,
    /// This computer's copy of the shared folder.
    view: PathBuf,
    /// Its own folder inside, once in the group.
    own: Option<String>,
}

/// What the test knows about texts: every one written, those a person replaced or deleted
/// knowingly (they saw it), and those of erased clients.
#[derive(Default)]
struct Texts {
    written: Vec<(String, Option<i64>)>,
    replaced: HashSet<String>,
    erased: HashSet<i64>,
    counter: u32,
    /// Each computer's (by its database) last backup taken by hand.
    backups: BTreeMap<PathBuf, PathBuf>,
    /// A backup was put back: what was written after it is gone on purpose, on every computer.
    restored: bool,
}

impl Texts {
    fn new_text(&mut self, what: &str, client: Option<i64>) -> String {
        self.counter += 1;
        let text = format!("{what} {} ✓", self.counter);
        self.written.push((text.clone(), client));
        text
    }
}

fn day(offset: u8) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap() + Duration::days(i64::from(offset))
}

/// The rows of `table` in `store`, each as column name → value.
fn rows(store: &Store, table: &str) -> Vec<BTreeMap<String, Value>> {
    let doc = store.export_all(now()).unwrap();
    let Some(data) = doc.tables.get(table) else {
        return Vec::new();
    };
    data.rows
        .iter()
        .map(|row| {
            data.columns
                .iter()
                .cloned()
                .zip(row.iter().cloned())
                .collect()
        })
        .collect()
}

fn text_of(row: &BTreeMap<String, Value>, column: &str) -> Option<String> {
    row.get(column).and_then(Value::as_str).map(str::to_owned)
}

fn pick<T: Copy>(list: &[T], index: u8) -> Option<T> {
    (!list.is_empty()).then(|| list[usize::from(index) % list.len()])
}

fn habits(store: &Store, me: i64) -> Vec<i64> {
    let mut ids: Vec<i64> = store
        .habits(me, true)
        .unwrap()
        .into_iter()
        .map(|h| h.id)
        .collect();
    ids.sort_unstable();
    ids
}

fn clients(store: &Store) -> Vec<i64> {
    let mut ids: Vec<i64> = store
        .people()
        .unwrap()
        .into_iter()
        .filter(|p| p.consent.is_some())
        .map(|p| p.person.id)
        .collect();
    ids.sort_unstable();
    ids
}

fn sessions(store: &Store) -> Vec<(i64, i64)> {
    let mut all: Vec<(i64, i64)> = clients(store)
        .into_iter()
        .flat_map(|c| {
            store
                .sessions(c)
                .unwrap()
                .into_iter()
                .map(move |s| (s.id, c))
        })
        .collect();
    all.sort_unstable();
    all
}

fn run_op(store: &mut Store, op: &Op, at: chrono::DateTime<chrono::Utc>, texts: &mut Texts) {
    let Some(me) = store.me().unwrap().map(|p| p.id) else {
        return;
    };
    let check_in_note = |store: &Store, habit: i64, d: NaiveDate| {
        store
            .check_ins(habit)
            .unwrap()
            .into_iter()
            .find(|c| c.day == d)
            .and_then(|c| c.note)
    };
    match op {
        Op::Habit => {
            let name = HabitName::parse(&format!("Habit {}", texts.counter)).unwrap();
            texts.counter += 1;
            let habit = NewHabit {
                library_id: None,
                name: &name,
                stance: Some(HabitStance::Behind),
                why: None,
                schedule: Schedule::DAILY,
                measure: None,
            };
            store.add_habit(me, &habit, at).unwrap();
        }
        Op::LibraryHabit { id } => {
            let library_id = ["let-others-go-first", "back-of-the-walk"][usize::from(*id)];
            let name = HabitName::parse(library_id).unwrap();
            let habit = NewHabit {
                library_id: Some(library_id),
                name: &name,
                stance: Some(HabitStance::Behind),
                why: None,
                schedule: Schedule::DAILY,
                measure: None,
            };
            store.library_habit_once(me, &habit, at).unwrap();
        }
        Op::CheckIn {
            habit,
            day: d,
            state,
            note,
        } => {
            if let Some(habit) = pick(&habits(store, me), *habit) {
                if let Some(old) = check_in_note(store, habit, day(*d)) {
                    texts.replaced.insert(old);
                }
                let state = [CheckState::Done, CheckState::NotDone, CheckState::Skipped]
                    [usize::from(*state)];
                let note = note.then(|| texts.new_text("check-in", None));
                store
                    .check_in(habit, day(*d), Some(state), note.as_deref(), at)
                    .unwrap();
            }
        }
        Op::Clear { habit, day: d } => {
            if let Some(habit) = pick(&habits(store, me), *habit) {
                if let Some(old) = check_in_note(store, habit, day(*d)) {
                    texts.replaced.insert(old);
                }
                store.check_in(habit, day(*d), None, None, at).unwrap();
            }
        }
        Op::Archive { habit } => {
            if let Some(habit) = pick(&habits(store, me), *habit) {
                store.set_habit_archived(habit, true, at).unwrap();
            }
        }
        Op::Reminder { habit, minute } => {
            if let Some(habit) = pick(&habits(store, me), *habit) {
                let time = NaiveTime::from_hms_opt(8, u32::from(*minute), 0).unwrap();
                store.set_reminders(habit, &[(time, 127)]).unwrap();
            }
        }
        Op::Energy {
            day: d,
            level,
            note,
        } => {
            let old = store
                .energy(me)
                .unwrap()
                .into_iter()
                .find(|e| e.day == day(*d));
            if let Some(old) = old.and_then(|e| e.note) {
                texts.replaced.insert(old);
            }
            let note = note.then(|| texts.new_text("energy", None));
            store
                .set_energy(me, day(*d), *level, note.as_deref(), at)
                .unwrap();
        }
        Op::Note { day: d } => {
            let text = texts.new_text("note", None);
            store.add_journal_note(me, day(*d), &text, at).unwrap();
        }
        Op::Reflection { prompt } => {
            let run = match store.open_exercise_run(me).unwrap() {
                Some(run) => run,
                None => store
                    .start_exercise_run(me, "listen-first", 1, None, at)
                    .unwrap(),
            };
            let prompt = format!("prompt-{prompt}");
            for row in rows(store, "reflection") {
                if row.get("run_id").and_then(Value::as_i64) == Some(run.id)
                    && text_of(&row, "prompt_id").as_deref() == Some(prompt.as_str())
                    && let Some(old) = text_of(&row, "text")
                {
                    texts.replaced.insert(old);
                }
            }
            let text = texts.new_text("reflection", None);
            store
                .save_reflection(run.id, 1, &prompt, Some(&text), None, at)
                .unwrap();
        }
        Op::Rename => {
            texts.counter += 1;
            let name = PersonName::parse(&format!("Ada {}", texts.counter)).unwrap();
            store.set_my_name(&name, at).unwrap();
        }
        Op::Programme { id } => {
            texts.counter += 1;
            let programme = StoredProgramme {
                id: format!("programme-{id}"),
                version: 1,
                title: format!("Programme {}", texts.counter),
                body: "{}".into(),
                origin: "imported".into(),
            };
            store.save_programme(&programme, at).unwrap();
        }
        Op::Client => {
            texts.counter += 1;
            add_client(store, &format!("Client {}", texts.counter), "Notes kept");
        }
        Op::Session { client } => {
            if let Some(client) = pick(&clients(store), *client) {
                store
                    .add_session(client, day(3).and_hms_opt(10, 0, 0).unwrap(), "Agenda", at)
                    .unwrap();
            }
        }
        Op::SessionNotes { session } => {
            if let Some((session, client)) = pick(&sessions(store), *session) {
                let old = store.session(session).unwrap().notes;
                if !old.is_empty() {
                    texts.replaced.insert(old);
                }
                let text = texts.new_text("session", Some(client));
                store.save_session_notes(session, &text, at).unwrap();
            }
        }
        Op::DeleteSession { session } => {
            if let Some((session, _)) = pick(&sessions(store), *session) {
                let old = store.session(session).unwrap().notes;
                texts.replaced.insert(old);
                store.delete_session(session).unwrap();
            }
        }
        Op::Erase { client } => {
            if let Some(client) = pick(&clients(store), *client) {
                texts.erased.insert(client);
                store.erase_person(client).unwrap();
            }
        }
        Op::Backup => {
            let taken = store
                .backup_now(leadback_store::backup::BackupReason::Manual, at)
                .unwrap()
                .unwrap();
            let database = store.path().unwrap().to_path_buf();
            texts.backups.insert(database, taken.path);
        }
        Op::Restore => {
            let database = store.path().unwrap().to_path_buf();
            // (A backup the rotation has removed since cannot be put back.)
            if let Some(backup) = texts.backups.get(&database).filter(|b| b.exists()) {
                store.restore_backup(backup, at).unwrap();
                texts.restored = true;
            }
        }
        Op::ImportLoop => {
            let file = leadback_testkit::loop_fixture("loop-schema12.db");
            let export = leadback_store::loop_import::read_file(&file).unwrap();
            store
                .import_loop(me, "loop-schema12.db", &export, at)
                .unwrap();
        }
        Op::Answer {
            item,
            value,
            finish,
        } => {
            let open = store.start_assessment(me, "leadback-core", 1, at).unwrap();
            let item = ["front-01", "behind-01", "servant-01"][usize::from(*item)];
            store
                .save_answer(open.id, item, Some(i64::from(*value) + 1), 1, at)
                .unwrap();
            if *finish {
                store.complete_assessment(open.id, at).unwrap();
            }
        }
        Op::Homework { session } => {
            if let Some((session, _)) = pick(&sessions(store), *session) {
                store
                    .assign_exercise(session, "listen-first", day(3))
                    .unwrap();
            }
        }
        Op::Observer { client } => {
            if let Some(client) = pick(&clients(store), *client) {
                texts.counter += 1;
                let observer = format!("Observer {}", texts.counter);
                store
                    .add_observer_request(client, &observer, ("leadback-core", 1), at)
                    .unwrap();
            }
        }
        Op::ObserverAnswers { request, value } => {
            let mut waiting: Vec<i64> = clients(store)
                .into_iter()
                .flat_map(|c| store.observer_requests(c).unwrap())
                .filter(|r| r.answered_at.is_none())
                .map(|r| r.id)
                .collect();
            waiting.sort_unstable();
            if let Some(request) = pick(&waiting, *request) {
                let answers =
                    BTreeMap::from([("front-01".to_owned(), Some(i64::from(*value) + 1))]);
                store
                    .record_observer_answers(
                        request,
                        &answers,
                        leadback_store::AnsweredVia::Here,
                        at,
                    )
                    .unwrap();
            }
        }
    }
}

fn copy_dir(from: &Path, to: &Path, pick: u64, all: bool) {
    let Ok(entries) = std::fs::read_dir(from) else {
        return;
    };
    std::fs::create_dir_all(to).unwrap();
    let mut names: Vec<_> = entries.map(|e| e.unwrap().file_name()).collect();
    names.sort();
    for (i, name) in names.iter().enumerate() {
        // Some files now, the others later: a file-sync tool's order is its own.
        if all || (pick >> (i % 64)) & 1 == 1 {
            std::fs::copy(from.join(name), to.join(name)).unwrap();
        }
    }
    // Files the owner removed (folded into a snapshot) go away here too.
    for entry in std::fs::read_dir(to).unwrap() {
        let name = entry.unwrap().file_name();
        if !from.join(&name).exists() && (all || pick & 1 == 1) {
            std::fs::remove_file(to.join(&name)).unwrap();
        }
    }
}

/// Flips a byte in the middle of one of `computer`'s files in its own folder (its card too, which
/// the others then cannot read until it is written again); returns the file's label
/// (`device/number.lbsync`), as a refusal names it.
fn damage(computer: &Computer, pick: u64) -> Option<String> {
    let own = computer.own.as_ref()?;
    let dir = computer.view.join(own);
    let mut numbered: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".lbsync"))
        .collect();
    numbered.sort();
    let name = numbered.get((pick % numbered.len().max(1) as u64) as usize)?;
    let path = dir.join(name);
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    std::fs::write(&path, bytes).unwrap();
    Some(format!("{own}/{name}"))
}

/// Refusals are of damaged files only.
fn only_damaged(outcome: &sync::Outcome, damaged: &HashSet<String>) {
    for refused in &outcome.refused {
        assert!(damaged.contains(&refused.file), "{outcome:?}");
    }
}

/// Brings `from`'s own files (and the group's key) to `to`'s copy of the folder.
fn deliver(computers: &[Computer], from: usize, to: usize, pick: u64, all: bool) {
    if from == to {
        return;
    }
    let source = &computers[from];
    let target = &computers[to];
    let key = source.view.join("leadback-sync.key");
    if key.exists() {
        std::fs::copy(&key, target.view.join("leadback-sync.key")).unwrap();
    }
    if let Some(own) = &source.own {
        copy_dir(&source.view.join(own), &target.view.join(own), pick, all);
    }
}

fn own_dir(view: &Path, known: &[&Computer]) -> Option<String> {
    std::fs::read_dir(view)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|name| !known.iter().any(|c| c.own.as_deref() == Some(name)))
}

fn computer(root: &Path, name: &str) -> Computer {
    let data = tempfile::tempdir().unwrap();
    let view = root.join(name);
    std::fs::create_dir_all(&view).unwrap();
    Computer {
        store: Store::open_in(data.path()).unwrap(),
        _data: data,
        view,
        own: None,
    }
}

/// Every record a computer holds, the journal's index aside (each builds its own).
fn records(store: &Store) -> BTreeMap<String, leadback_store::export::ExportTable> {
    let mut tables = store.export_all(now()).unwrap().tables;
    tables.remove("journal_entry");
    tables
}

/// Every text a computer shows: in its records, and in the journal's kept copies.
fn shown_texts(store: &Store) -> Vec<String> {
    let mut shown = Vec::new();
    for (table, column) in [
        ("check_in", "note"),
        ("energy_check_in", "note"),
        ("journal_note", "text"),
        ("reflection", "text"),
        ("session", "notes"),
    ] {
        shown.extend(rows(store, table).iter().filter_map(|r| text_of(r, column)));
    }
    shown
}

/// The rows two computers do not share, table by table.
fn differences(
    a: &BTreeMap<String, leadback_store::export::ExportTable>,
    b: &BTreeMap<String, leadback_store::export::ExportTable>,
) -> String {
    let mut out = String::new();
    for (table, rows_a) in a {
        let Some(rows_b) = b.get(table) else { continue };
        for row in rows_a.rows.iter().filter(|r| !rows_b.rows.contains(r)) {
            out.push_str(&format!("{table} only on the first: {row:?}\n"));
        }
        for row in rows_b.rows.iter().filter(|r| !rows_a.rows.contains(r)) {
            out.push_str(&format!("{table} only on the other: {row:?}\n"));
        }
    }
    out
}

fn run(steps: &[Step]) {
    let root = tempfile::tempdir().unwrap();
    let mut texts = Texts::default();
    let mut computers: Vec<Computer> = ["laptop", "desktop", "tablet"]
        .iter()
        .map(|name| computer(root.path(), name))
        .collect();
    // The laptop and the desktop were both used before sync: each imported the same Loop backup,
    // added the same habit from the library, and wrote a note on every habit.
    let me = set_me(&mut computers[0].store, "Ada");
    set_me(&mut computers[1].store, "Ada");
    for (used, computer) in computers[..2].iter_mut().enumerate() {
        run_op(&mut computer.store, &Op::Habit, now(), &mut texts);
        run_op(&mut computer.store, &Op::ImportLoop, now(), &mut texts);
        run_op(
            &mut computer.store,
            &Op::LibraryHabit { id: 0 },
            now(),
            &mut texts,
        );
        for habit in 0..10 {
            let check_in = Op::CheckIn {
                habit,
                day: used as u8,
                state: 0,
                note: true,
            };
            run_op(&mut computer.store, &check_in, now(), &mut texts);
        }
    }
    let view = computers[0].view.clone();
    let started = sync::start(&mut computers[0].store, &view, "Laptop", OPTIONS, now()).unwrap();
    computers[0].own = own_dir(&computers[0].view, &[]);
    for joining in 1..3 {
        deliver(&computers, 0, joining, 0, true);
        let view = computers[joining].view.clone();
        let name = ["Laptop", "Desktop", "Tablet"][joining];
        sync::join(
            &mut computers[joining].store,
            &view,
            &started.code,
            name,
            OPTIONS,
            now(),
            &mut |_, _| {},
        )
        .unwrap();
        let known: Vec<&Computer> = computers.iter().collect();
        let own = own_dir(&view, &known);
        computers[joining].own = own;
    }

    let mut damaged = HashSet::new();
    for (i, step) in steps.iter().enumerate() {
        let at = now() + Duration::minutes(i as i64);
        match step {
            Step::Do { device, op } => run_op(&mut computers[*device].store, op, at, &mut texts),
            Step::Copy { from, to, pick } => deliver(&computers, *from, *to, *pick, false),
            Step::Sync { device } => {
                let outcome =
                    sync::sync_now(&mut computers[*device].store, OPTIONS, at, &mut |_, _| {})
                        .unwrap();
                only_damaged(&outcome, &damaged);
            }
            Step::Damage { device, pick } => damaged.extend(damage(&computers[*device], *pick)),
        }
    }
    // Everything delivered at last: a few rounds, hours apart, for files that waited on others
    // and for the snapshots that damaged files ask for (one damaged itself is sent again after
    // an hour); the last round refuses nothing.
    for round in 0..6 {
        let at = now() + Duration::minutes(steps.len() as i64) + Duration::hours(2 * (round + 1));
        for from in 0..3 {
            for to in 0..3 {
                deliver(&computers, from, to, 0, true);
            }
        }
        for computer in &mut computers {
            let outcome = sync::sync_now(&mut computer.store, OPTIONS, at, &mut |_, _| {}).unwrap();
            only_damaged(&outcome, &damaged);
            // By the last round nothing is refused, and nothing waits for a file that will
            // never come (a computer stuck behind files folded away while its card was damaged).
            assert!(
                round < 5 || (outcome.refused.is_empty() && outcome.waiting == 0),
                "{outcome:?}"
            );
        }
    }

    let first = records(&computers[0].store);
    for other in &computers[1..] {
        let theirs = records(&other.store);
        assert!(
            theirs == first,
            "two computers differ:\n{}",
            differences(&first, &theirs)
        );
    }
    let _ = me;
    if texts.restored {
        return;
    }
    for computer in &computers {
        let shown = shown_texts(&computer.store);
        for (text, client) in &texts.written {
            if texts.replaced.contains(text) || client.is_some_and(|c| texts.erased.contains(&c)) {
                continue;
            }
            assert!(
                shown
                    .iter()
                    .any(|s| s == text || s.ends_with(&format!("\n\n{text}"))),
                "{text:?} was lost; shown: {shown:?}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(24)
    ))]

    #[test]
    fn three_computers_end_with_the_same_records_and_every_text(steps in proptest::collection::vec(step(), 1..50)) {
        run(&steps);
    }
}
