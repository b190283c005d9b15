//! Habit data paths against the budgets, on 20 habits × 10 years of daily check-ins: the
//! home screen's data ≤ 20 ms; one habit's full 10-year strength series ≤ 1 ms; a Loop backup with
//! 50,000 repetitions imported ≤ 1 s. Run: `cargo bench -p leadback-benches --bench habits`.
#![allow(clippy::expect_used, clippy::unwrap_used)] // A benchmark that cannot set up should stop.

use std::hint::black_box;
use std::time::Duration;

use chrono::Days;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use leadback_benches::{TEN_YEARS, after_ten_years, epoch, loop_backup};
use leadback_core::PersonName;
use leadback_core::habits::{CheckIns, Schedule, strength_series};
use leadback_store::{Store, loop_import};

fn ten_years_of_habits() -> (tempfile::TempDir, Store, i64) {
    let dir = tempfile::tempdir().unwrap();
    let (store, me) = leadback_benches::ten_years_of_habits(dir.path()).unwrap();
    (dir, store, me)
}

fn home_screen(c: &mut Criterion) {
    let (_dir, store, me) = ten_years_of_habits();
    let today = epoch().date_naive() + Days::new(TEN_YEARS as u64 - 1);
    c.bench_function(
        "home: 20 habits × 10 years, today's state, strength, streaks",
        |b| b.iter(|| store.habit_overviews(me, false, black_box(today)).unwrap()),
    );
    let habit = store.habits(me, false).unwrap()[0].id;
    c.bench_function("habit screen: one habit's detail over 10 years", |b| {
        b.iter(|| store.habit_detail(black_box(habit), today).unwrap())
    });

    let dir = tempfile::tempdir().unwrap();
    let (measured, me) = leadback_benches::ten_years_of_measurable_habits(dir.path()).unwrap();
    c.bench_function(
        "home: 20 measurable habits × 10 years, today's amount, strength, streaks",
        |b| {
            b.iter(|| {
                measured
                    .habit_overviews(me, false, black_box(today))
                    .unwrap()
            })
        },
    );
}

fn strength(c: &mut Criterion) {
    let start = epoch().date_naive();
    let check_ins: CheckIns = (0..TEN_YEARS as u64)
        .filter(|d| d % 5 != 0)
        .map(|d| {
            (
                start + Days::new(d),
                leadback_core::habits::CheckState::Done,
            )
        })
        .collect();
    let end = start + Days::new(TEN_YEARS as u64 - 1);
    c.bench_function("strength: one habit's 10-year daily series", |b| {
        b.iter(|| strength_series(Schedule::DAILY, black_box(&check_ins), start, end))
    });
}

fn loop_import_50k(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("loop-50k.db");
    // 20 habits × 2,500 days = 50,000 repetitions.
    let rows = loop_backup(&backup, 20, 2_500).unwrap();
    assert_eq!(rows, 50_000);
    let mut group = c.benchmark_group("loop import");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    group.bench_function("read and import a backup of 50,000 repetitions", |b| {
        b.iter_batched(
            || {
                let target = tempfile::tempdir().unwrap();
                let mut store = Store::open_in(target.path()).unwrap();
                let me = store
                    .set_my_name(&PersonName::parse("Bench").unwrap(), epoch())
                    .unwrap()
                    .id;
                (target, store, me)
            },
            |(_target, mut store, me)| {
                let export = loop_import::read_backup(&backup).unwrap();
                store
                    .import_loop(me, "loop-50k.db", &export, after_ten_years())
                    .unwrap()
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, home_screen, strength, loop_import_50k);
criterion_main!(benches);
