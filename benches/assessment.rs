//! Assessment data paths against the budgets: scoring one sheet ≤ 20 µs, loading and
//! validating the instrument ≤ 5 ms, the history of 200 assessments scored and serialised for the
//! UI ≤ 20 ms. Run: `cargo bench -p leadback-benches --bench assessment`.
#![allow(clippy::expect_used, clippy::unwrap_used)] // A benchmark that cannot set up should stop.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use leadback_benches::{sheet, store_with_history};
use leadback_core::assessment::{
    BUILTIN, BUILTIN_FILE_NAME, HistoryEntry, Instrument, builtin, evaluate, score,
};
use leadback_store::Store;

fn instrument_loading(c: &mut Criterion) {
    c.bench_function("instrument: parse and validate the built-in file", |b| {
        b.iter(|| Instrument::parse(black_box(BUILTIN_FILE_NAME), black_box(BUILTIN)).unwrap())
    });
}

fn scoring(c: &mut Criterion) {
    let instrument = builtin().unwrap();
    let answers = sheet(&instrument, 7);
    c.bench_function("scoring: one complete sheet", |b| {
        b.iter(|| score(&instrument, black_box(&answers)).unwrap())
    });
    c.bench_function("scoring: one sheet with profile and feedback", |b| {
        b.iter(|| evaluate(&instrument, black_box(&answers)).unwrap())
    });
}

/// What `get_assessment_history` does: read every finished assessment, score each, serialise.
fn history(c: &mut Criterion) {
    let instrument = builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let me = store_with_history(&mut store, &instrument, 200).unwrap();
    c.bench_function(
        "history: 200 assessments read, scored and serialised",
        |b| {
            b.iter(|| {
                let entries: Vec<HistoryEntry> = store
                    .completed_assessments(me)
                    .unwrap()
                    .iter()
                    .map(|r| {
                        let done = r.completed_at.unwrap();
                        HistoryEntry::score(r.id, done, &instrument, &r.sheet()).unwrap()
                    })
                    .collect();
                serde_json::to_vec(&entries).unwrap()
            })
        },
    );
}

criterion_group!(benches, instrument_loading, scoring, history);
criterion_main!(benches);
