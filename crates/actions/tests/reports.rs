//! Writing a person's PDF report: a name with a character no font on the computer has is still
//! written, and the coach is told which character could not be drawn.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use chrono::{TimeZone, Utc};
use leadback_actions::reports::{self, WriteReport, missing_note};
use leadback_core::assessment::InstrumentLibrary;
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::builtin_library;
use leadback_core::{FixedClock, PersonName};
use leadback_store::{ReportLibraries, Store};
use leadback_testkit::pdf_text;

#[test]
fn a_report_naming_a_character_no_font_has_is_written_and_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let me = store
        .set_my_name(&PersonName::parse("Ada \u{10FFFD} 王").unwrap(), now)
        .unwrap();
    let instruments = InstrumentLibrary::builtin().unwrap();
    let habits = builtin_library().unwrap();
    let exercises = ExerciseLibrary::builtin().unwrap();
    let out = dir.path().join("report.pdf");
    let written = reports::write(
        &store,
        &FixedClock::new(now),
        ReportLibraries {
            instruments: &instruments,
            habits: &habits,
            exercises: &exercises,
        },
        WriteReport {
            person_id: me.id,
            path: &out,
            include_notes: false,
        },
    )
    .unwrap();
    assert_eq!(
        written.missing,
        ['\u{10FFFD}'],
        "only the character no font has"
    );
    let note = missing_note(&written.missing).unwrap();
    assert!(
        note.starts_with("1 character could not be drawn") && note.contains("U+10FFFD"),
        "the coach is told which: {note}"
    );
    assert!(pdf_text(&out).contains("Ada"), "the report is written");
    assert_eq!(
        missing_note(&[]),
        None,
        "nothing is said when every character is drawn"
    );
}
