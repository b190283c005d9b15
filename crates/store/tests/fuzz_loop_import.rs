//! Fuzzing the Loop Habit Tracker importer, from the file on disk to the rows in the store: arbitrary
//! bytes, the real Loop backup and a newer-schema one damaged at random (bytes, or odd values in its
//! cells), and the real CSV export damaged at random (bytes of the zip, or the text of its CSV
//! files). Whatever the file, the import finishes or is refused with a message, never panics, never
//! changes the file it reads; a refused import leaves the store exactly as it was, row for row, and
//! an import that finishes writes exactly what its summary says.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

#[path = "fuzz_loop_import/backup_edits.rs"]
mod backup_edits;
// The byte and line edits the core loaders' fuzz tests use.
#[path = "../../core/tests/common/mod.rs"]
mod common;
#[path = "fuzz_loop_import/csv_edits.rs"]
mod csv_edits;
#[path = "fuzz_loop_import/files.rs"]
mod files;

use std::io::{Cursor, Write};
use std::path::Path;
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::{ByteEdit, TextEdit, apply_bytes, apply_text, assert_clear, byte_edit, config};
use leadback_core::PersonName;
use leadback_core::habits::{CheckState, HabitName, Schedule};
use leadback_store::loop_import::{self, LoopEntry, LoopExport, LoopHabit, LoopValue};
use leadback_store::{Integrity, NewHabit, Store};
use proptest::prelude::*;
use proptest::sample::Index;
use rusqlite::types::Value as Cell;
use rusqlite::{Connection, OpenFlags};

use backup_edits::*;
use csv_edits::*;
use files::*;

#[test]
fn the_files_fuzzed_here_import_cleanly() {
    // The mutations below start from these files; if they were refused they would test nothing.
    for (name, bytes) in [
        ("loop.db", SCHEMA_12.as_slice()),
        ("loop-25.db", SCHEMA_25.as_slice()),
        ("loop.zip", CSV_ZIP.as_slice()),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let export = loop_import::read_file(&file).unwrap();
        assert!(!export.habits.is_empty(), "{name}");
        import(name, bytes);
    }
}

proptest! {
    #![proptest_config(config(concat!(env!("CARGO_MANIFEST_DIR"), "/proptest-regressions/fuzz_loop_import.txt")))]

    #[test]
    fn arbitrary_bytes_are_imported_or_refused(
        start in prop_oneof![
            Just(&b""[..]),
            Just(&b"SQLite format 3\0"[..]),
            Just(&SCHEMA_12[..100]),
            Just(&b"PK\x03\x04"[..]),
            Just(&b"PK\x05\x06"[..]),
        ],
        rest in proptest::collection::vec(any::<u8>(), 0..4096),
    ) {
        import("file", &[start, &rest].concat());
    }

    #[test]
    fn a_damaged_loop_backup_is_imported_or_refused(
        base in backup(),
        region in region(),
        edits in proptest::collection::vec(byte_edit(), 1..4),
    ) {
        let mut bytes = base.to_vec();
        apply_in(&mut bytes, region, &edits);
        import("loop.db", &bytes);
    }

    #[test]
    fn a_loop_backup_with_odd_values_is_imported_or_refused(
        base in backup(),
        cells in proptest::collection::vec(cell_edit(), 1..4),
        bytes in proptest::option::weighted(0.2, byte_edit()),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("edited.db");
        std::fs::write(&path, base).unwrap();
        apply_cells(&path, &cells);
        let mut edited = std::fs::read(&path).unwrap();
        apply_in(&mut edited, Region::Anywhere, bytes.as_slice());
        import("loop.db", &edited);
    }

    #[test]
    fn a_damaged_csv_zip_is_imported_or_refused(
        region in region(),
        edits in proptest::collection::vec(byte_edit(), 1..4),
    ) {
        let mut bytes = CSV_ZIP.clone();
        apply_in(&mut bytes, region, &edits);
        import("loop.zip", &bytes);
    }

    #[test]
    fn a_csv_export_with_odd_contents_is_imported_or_refused(
        edits in proptest::collection::vec((csv_file(), csv_edit()), 1..5),
        stored in any::<bool>(),
        bytes in proptest::option::weighted(0.2, byte_edit()),
    ) {
        let mut files = CSV_FILES.clone();
        for (which, edit) in &edits {
            let at = match which {
                Target::Named(name) => files.iter().position(|f| f.0 == *name).unwrap_or(0),
                Target::Any(index) => index.index(files.len()),
            };
            apply_csv(&mut files[at], edit);
        }
        // Two files renamed to one name cannot both be in a zip: the later one is left out.
        files.sort_by(|a, b| a.0.cmp(&b.0));
        files.dedup_by(|a, b| a.0 == b.0);
        let mut zipped = zip(&files, stored);
        apply_in(&mut zipped, Region::Anywhere, bytes.as_slice());
        import("loop.zip", &zipped);
    }

    #[test]
    fn an_export_is_written_whole_or_not_at_all(export in export()) {
        write("loop.db", &export);
    }
}
