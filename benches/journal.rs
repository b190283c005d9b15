//! Journal and cohort data paths against the budgets: journal search over 10,000 entries
//! ≤ 20 ms; importing 100 participants' results files ≤ 2 s; the cohort summary for 100
//! participants ≤ 20 ms. Run: `cargo bench -p leadback-benches --bench journal`.
#![allow(clippy::expect_used, clippy::unwrap_used)] // A benchmark that cannot set up should stop.

use std::hint::black_box;

use chrono::Days;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use leadback_benches::epoch;
use leadback_core::PersonName;
use leadback_core::assessment::StanceScores;
use leadback_core::cohort::{ResultsFile, summarize};
use leadback_store::{JournalQuery, Store};

const WORDS: [&str; 12] = [
    "listened", "stepped", "back", "meeting", "walk", "team", "first", "question", "rest",
    "praise", "decision", "quiet",
];

fn journal_search(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let me = store
        .set_my_name(&PersonName::parse("Bench").unwrap(), epoch())
        .unwrap()
        .id;
    let start = epoch().date_naive();
    for n in 0..10_000u64 {
        let text = format!(
            "Day {n}: I {} and {} while the {} found its way; note {n}.",
            WORDS[(n % 12) as usize],
            WORDS[((n / 12) % 12) as usize],
            WORDS[((n / 144) % 12) as usize]
        );
        store
            .add_journal_note(me, start + Days::new(n / 3), &text, epoch())
            .unwrap();
    }
    c.bench_function("journal: search 10,000 entries for two words", |b| {
        b.iter(|| {
            let query = JournalQuery {
                search: Some(black_box("stepped quiet")),
                limit: 500,
                ..JournalQuery::default()
            };
            store.journal(me, &query).unwrap()
        })
    });
}

fn results(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let score = |base: f64| StanceScores {
                front: Some(base),
                behind: Some(100.0 - base),
                servant: Some(40.0 + (i % 20) as f64),
            };
            let before = 40.0 + (i % 50) as f64;
            ResultsFile::new(
                "three-days-at-the-back",
                &format!("P{i:03}"),
                None,
                Some(score(before)),
                Some(score(before - 7.0)),
                &["walk-at-the-back".to_owned(), "listen-first".to_owned()],
            )
            .unwrap()
            .seal()
        })
        .collect()
}

fn cohort(c: &mut Criterion) {
    let files = results(100);
    c.bench_function("cohort: open and store 100 results files", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let store = Store::open_in(dir.path()).unwrap();
                (dir, store)
            },
            |(_dir, mut store)| {
                let opened: Vec<(String, String, String)> = files
                    .iter()
                    .map(|text| {
                        let file = ResultsFile::open(text).unwrap();
                        (
                            file.programme_id().to_owned(),
                            file.participant_code().to_owned(),
                            text.clone(),
                        )
                    })
                    .collect();
                store.import_cohort_results(&opened, epoch()).unwrap();
            },
            BatchSize::PerIteration,
        )
    });

    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let opened: Vec<(String, String, String)> = files
        .iter()
        .map(|text| {
            let file = ResultsFile::open(text).unwrap();
            (
                file.programme_id().to_owned(),
                file.participant_code().to_owned(),
                text.clone(),
            )
        })
        .collect();
    store.import_cohort_results(&opened, epoch()).unwrap();
    let exercises = vec!["walk-at-the-back".to_owned(), "listen-first".to_owned()];
    c.bench_function(
        "cohort: summary of 100 participants from the database",
        |b| {
            b.iter(|| {
                let stored: Vec<ResultsFile> = store
                    .cohort_results("three-days-at-the-back")
                    .unwrap()
                    .iter()
                    .map(|body| ResultsFile::open(body).unwrap())
                    .collect();
                summarize("three-days-at-the-back", &exercises, &stored)
            })
        },
    );
}

criterion_group!(benches, journal_search, cohort);
criterion_main!(benches);
