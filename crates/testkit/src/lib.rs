//! What Leadback's tests share instead of each keeping a copy: the fixed day most tests live on, a
//! coach and their clients added in one call each, people and a report's data for what is built
//! from them, where the Loop Habit Tracker's real files are, a PDF read back as text, and which
//! files on disk still hold some words. Used only
//! as a dev-dependency; product code never depends on it. A helper panics on failure, as a test
//! would: a panic here is a failing test's report.
//!
//! It depends on core and store, so only integration tests (`tests/`) of those two crates can use
//! it; their unit tests would see a second copy of the crate's types.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use leadback_core::clients::{ClientDetails, Session};
use leadback_core::report::{ExerciseSummary, ReportData};
use leadback_core::{Person, PersonKind, PersonName};
use leadback_store::Store;

/// A moment in UTC, for a test's fixed clock.
pub fn at(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, hour, minute, 0)
        .single()
        .expect("a valid test time")
}

/// The moment most tests take as "now": 22 November 2026, 09:00 UTC.
pub fn now() -> DateTime<Utc> {
    at(2026, 11, 22, 9, 0)
}

/// The day of [`now`].
pub fn today() -> NaiveDate {
    now().date_naive()
}

/// A calendar day.
pub fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid test day")
}

/// Names the person using the app ("me"), as of [`now`]; returns their id.
pub fn set_me(store: &mut Store, name: &str) -> i64 {
    let name = PersonName::parse(name).expect("a valid name");
    store.set_my_name(&name, now()).expect("the name is set").id
}

/// Adds a client with no contact or tags, who agreed to `terms` today; returns their id.
pub fn add_client(store: &mut Store, name: &str, terms: &str) -> i64 {
    add_tagged_client(store, name, &[], terms)
}

/// [`add_client`] with tags.
pub fn add_tagged_client(store: &mut Store, name: &str, tags: &[&str], terms: &str) -> i64 {
    let details = ClientDetails {
        name: name.into(),
        contact: None,
        tags: tags.iter().map(|&tag| tag.to_owned()).collect(),
    };
    store
        .add_client(&details, today(), terms, now())
        .expect("the client is added")
        .person
        .id
}

/// A person as the store keeps one, created at the start of 2026: for what is built from people
/// without a database (a report's data).
pub fn person(id: i64, name: &str, kind: PersonKind) -> Person {
    let created = at(2026, 1, 1, 9, 0);
    Person {
        id,
        kind,
        name: name.to_owned(),
        created_at: created,
        updated_at: created,
    }
}

/// What a report is built from, for "Grace Hopper", a client, prepared by "Ada Coach" on 22 November
/// 2026: the suggestions and one exercise done three times, but no assessments, habits, sessions
/// or observers; a test adds what it is about (`ReportData { history, ..report_data() }`).
pub fn report_data() -> ReportData {
    ReportData {
        person: person(2, "Grace Hopper", PersonKind::Client),
        coach: Some(person(1, "Ada Coach", PersonKind::Me)),
        generated_on: day(2026, 11, 22),
        history: Vec::new(),
        latest: None,
        suggested_habits: vec!["Let someone else go first".into()],
        suggested_exercises: vec!["The walk at the back".into()],
        habits: Vec::new(),
        exercises: vec![ExerciseSummary {
            exercise_id: "walk-at-the-back".into(),
            title: "The walk at the back".into(),
            times: 3,
            last_done: day(2026, 11, 2),
        }],
        sessions: None,
        observers: None,
    }
}

/// A session with [`report_data`]'s client on 5 October 2026 at 14:30, about `agenda`, with `notes`.
pub fn session(agenda: &str, notes: &str) -> Session {
    Session {
        id: 1,
        person_id: 2,
        starts_at: day(2026, 10, 5)
            .and_hms_opt(14, 30, 0)
            .expect("a valid time"),
        agenda: agenda.to_owned(),
        notes: notes.to_owned(),
        updated_at: at(2026, 10, 5, 15, 0),
    }
}

/// A real Loop Habit Tracker file (or folder) in the shared fixtures beside the repository, e.g.
/// `loop-schema12.db` or `csv_export`.
pub fn loop_fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/loop-habit-tracker")
        .join(name)
}

/// The text of a PDF as poppler's `pdftotext` extracts it.
pub fn pdf_text(pdf: &Path) -> String {
    poppler(Command::new("pdftotext").arg(pdf).arg("-"))
}

/// The text of a PDF with its layout kept (`pdftotext -layout`): columns stay on one line.
pub fn pdf_layout_text(pdf: &Path) -> String {
    poppler(Command::new("pdftotext").arg("-layout").arg(pdf).arg("-"))
}

/// What poppler's `pdfinfo` says about a PDF: its page count, title, producer…
pub fn pdf_info(pdf: &Path) -> String {
    poppler(Command::new("pdfinfo").arg(pdf))
}

/// Runs a poppler tool; a test fails, rather than passes silently, when the tool is missing.
fn poppler(command: &mut Command) -> String {
    let tool = command.get_program().to_string_lossy().into_owned();
    let out = command.output().unwrap_or_else(|e| {
        panic!("{tool} is needed to read the PDF (Debian: apt-get install poppler-utils): {e}")
    });
    assert!(
        out.status.success(),
        "{tool} could not read the PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("poppler prints UTF-8")
}

/// How many files directly in `dir` (a database, its write-ahead log…) hold `text`'s bytes.
pub fn files_holding(dir: &Path, text: &str) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|file| file.is_file())
        .filter(|file| {
            let bytes = std::fs::read(file).unwrap();
            bytes.windows(text.len()).any(|w| w == text.as_bytes())
        })
        .count()
}

/// A lock on the file at `path` as another process would hold it (Leadback's sync lock beside a
/// database, say), until the file is dropped.
pub fn hold_lock(path: &Path) -> std::fs::File {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(false)
        .open(path)
        .unwrap();
    file.lock().unwrap();
    file
}
