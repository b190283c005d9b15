//! Does a screen's data cost more as a person's history grows? Each screen that reads all of a
//! habit's history (home, one habit's page, the progress roll-up per stance) on `leadback demo`'s
//! 20 habits over 1, 5, 10 and 20 years, and at 50 habits × 20 years; a coach's client list at
//! 1,000 clients × 10 assessments; and a check-in on a day ten years back followed by the home
//! screen's data. Budgets (issue #23): home ≤ 5 ms at 20 habits × 10 years, every screen ≤ 20 ms at
//! the largest sizes, the edit ten years back ≤ 5 ms.
//! Run: `cargo bench -p leadback-benches --bench history`, then `python3 benches/history_plot.py`
//! turns criterion's estimates into the README's table rows and plot.
#![allow(clippy::expect_used, clippy::unwrap_used)] // A benchmark that cannot set up should stop.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use leadback_actions::habits::{self, CheckIn, NoteChange};
use leadback_benches::{demo_data_dir, demo_today};
use leadback_core::habits::CheckState;
use leadback_core::{Clock, FixedClock};
use leadback_demo::{Coaching, Shape};
use leadback_store::Store;

/// The sizes measured: (habits, years).
const SIZES: [(usize, u32); 5] = [(20, 1), (20, 5), (20, 10), (20, 20), (50, 20)];

fn demo_store(habits: usize, years: u32, coaching: Option<Coaching>) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    demo_data_dir(dir.path(), Shape::History { habits, years }, coaching, 7).unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    (dir, store)
}

fn label(habits: usize, years: u32) -> String {
    format!("{habits} habits x {years} years")
}

fn screens(c: &mut Criterion) {
    let clock = FixedClock::new(demo_today());
    let today = clock.today();
    for (count, years) in SIZES {
        let (_dir, store) = demo_store(count, years, None);
        let me = store.me().unwrap().unwrap().id;
        let first = store.habits(me, false).unwrap()[0].id;
        let id = BenchmarkId::from_parameter(label(count, years));
        c.benchmark_group("history_home")
            .bench_function(id.clone(), |b| {
                b.iter(|| store.habit_overviews(me, false, black_box(today)).unwrap())
            });
        c.benchmark_group("history_habit")
            .bench_function(id.clone(), |b| {
                b.iter(|| store.habit_detail(black_box(first), today).unwrap())
            });
        c.benchmark_group("history_progress")
            .bench_function(id, |b| {
                b.iter(|| habits::rollup(&store, &clock, black_box(me)).unwrap())
            });
    }
}

/// A check-in on a day ten years back (alternately done and not done), then the home screen's
/// data: what a person waits for after back-filling the oldest day they can.
fn edit_ten_years_back(c: &mut Criterion) {
    let clock = FixedClock::new(demo_today());
    let today = clock.today();
    let (_dir, mut store) = demo_store(20, 10, None);
    let me = store.me().unwrap().unwrap().id;
    let habit = store.habits(me, false).unwrap()[0].id;
    let day = ten_years_before(today);
    let mut done = false;
    c.bench_function("history_edit/check-in 10 years back, then home", |b| {
        b.iter(|| {
            done = !done;
            let state = if done {
                CheckState::Done
            } else {
                CheckState::NotDone
            };
            let input = CheckIn {
                habit_id: habit,
                day,
                state: Some(state),
                note: NoteChange::Keep,
            };
            habits::check_in(&mut store, &clock, me, input).unwrap();
            store.habit_overviews(me, false, today).unwrap()
        })
    });
}

/// The first home screen of a new day: every habit's values were kept yesterday and are brought
/// forward a day (from their last streak checkpoint), 20 habits × 10 years.
fn first_read_of_a_day(c: &mut Criterion) {
    let today = demo_today().date_naive();
    let yesterday = today.pred_opt().unwrap();
    let (_dir, store) = demo_store(20, 10, None);
    let me = store.me().unwrap().unwrap().id;
    c.bench_function("history_new_day/home, values kept yesterday", |b| {
        b.iter_batched(
            || store.habit_overviews(me, false, yesterday).unwrap(),
            |_| store.habit_overviews(me, false, today).unwrap(),
            criterion::BatchSize::PerIteration,
        )
    });
}

fn ten_years_before(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(chrono::Months::new(120))
        .and_then(|d| d.checked_add_days(Days::new(1)))
        .unwrap()
}

fn client_list(c: &mut Criterion) {
    let coaching = Coaching {
        clients: 1_000,
        assessments: 10,
    };
    let (_dir, store) = demo_store(1, 1, Some(coaching));
    assert_eq!(store.people().unwrap().len(), 1_001, "me and 1,000 clients");
    c.bench_function("history_clients/1000 clients x 10 assessments", |b| {
        b.iter(|| store.people().unwrap())
    });
}

criterion_group!(
    benches,
    screens,
    edit_ten_years_back,
    first_read_of_a_day,
    client_list
);
criterion_main!(benches);
