//! Data-safety paths against the budgets, on a large database (20 habits × 10 years of
//! check-ins, 2,000 finished assessments, 10,000 journal notes): a checked backup ≤ 1 s; a full
//! export and import ≤ 2 s; opening with the start-up `quick_check` ≤ 20 ms.
//! Run: `cargo bench -p leadback-benches --bench data`.
#![allow(clippy::expect_used, clippy::unwrap_used)] // A benchmark that cannot set up should stop.

use std::time::Duration;

use chrono::Days;
use criterion::{Criterion, criterion_group, criterion_main};
use leadback_benches::{epoch, store_with_history, ten_years_of_habits};
use leadback_core::assessment::InstrumentLibrary;
use leadback_store::backup::BackupReason;
use leadback_store::export::ExportDocument;
use leadback_store::{Store, paths};

fn big_database(dir: &std::path::Path) -> Store {
    let (mut store, me) = ten_years_of_habits(dir).unwrap();
    let library = InstrumentLibrary::builtin().unwrap();
    let instrument = library.current();
    store_with_history(&mut store, instrument, 2_000).unwrap();
    for n in 0..10_000u64 {
        let day = epoch().date_naive() + Days::new(n / 3);
        let text = format!("Note {n}: I waited, asked first and let the team find its way.");
        store.add_journal_note(me, day, &text, epoch()).unwrap();
    }
    store
}

fn data_safety(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = big_database(dir.path());
    let bytes = std::fs::metadata(paths::database_path(&dir.path().join("data")))
        .unwrap()
        .len();
    println!("database: {:.1} MB", bytes as f64 / 1e6);

    let mut group = c.benchmark_group("data safety");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("backup: VACUUM INTO, integrity_check, rotate", |b| {
        b.iter(|| store.backup_now(BackupReason::Manual, epoch()).unwrap())
    });
    group.bench_function(
        "export everything to JSON and import it into an empty database",
        |b| {
            b.iter(|| {
                let text = store.export_all(epoch()).unwrap().to_json().unwrap();
                let doc = ExportDocument::from_json(&text).unwrap();
                let mut fresh = Store::open_in_memory().unwrap();
                fresh.import_all(&doc).unwrap();
            })
        },
    );
    group.finish();

    let database = paths::database_path(&dir.path().join("data"));
    c.bench_function("start-up: open the database with its quick_check", |b| {
        b.iter(|| Store::open(&database).unwrap())
    });
    for mmap in [0, 256 << 20] {
        let conn = rusqlite::Connection::open(&database).unwrap();
        conn.pragma_update(None, "mmap_size", mmap).unwrap();
        c.bench_function(&format!("quick_check alone, mmap_size {mmap}"), |b| {
            b.iter(|| {
                conn.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0))
                    .unwrap()
            })
        });
    }
}

criterion_group!(benches, data_safety);
criterion_main!(benches);
