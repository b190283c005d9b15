//! Sync against the budgets: one day's changes applied ≤ 50 ms; a new computer joining
//! the ten-year demo (20 habits × 10 years, 200 clients × 10 assessments) ≤ 10 s; recording a
//! transaction's changes adds ≤ 20 % to a check-in's write; the folder after a year of daily
//! use, compacted, no larger than an export of the same data.
//! Run: `cargo bench -p leadback-benches --bench sync`.
#![allow(clippy::expect_used, clippy::unwrap_used)] // A benchmark that cannot set up should stop.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use leadback_actions::sync::{self, Options};
use leadback_benches::{demo_data_dir, demo_today};
use leadback_core::PersonName;
use leadback_core::habits::{CheckState, HabitName, HabitStance, Schedule};
use leadback_demo::{Coaching, Shape};
use leadback_store::{NewHabit, Store};

fn folder_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            if p.is_dir() {
                folder_bytes(&p)
            } else {
                std::fs::metadata(&p).unwrap().len()
            }
        })
        .sum()
}

fn with_habits(dir: &Path, habits: usize) -> (Store, i64, Vec<i64>) {
    let mut store = Store::open_in(dir).unwrap();
    let me = store
        .set_my_name(&PersonName::parse("Ada").unwrap(), demo_today())
        .unwrap()
        .id;
    let ids = (0..habits)
        .map(|n| {
            let name = HabitName::parse(&format!("Habit {n}")).unwrap();
            let habit = NewHabit {
                library_id: None,
                name: &name,
                stance: Some(HabitStance::Behind),
                why: None,
                schedule: Schedule::DAILY,
                measure: None,
            };
            store.add_habit(me, &habit, demo_today()).unwrap().id
        })
        .collect();
    (store, me, ids)
}

/// A day of use: every habit checked in (one with a note), energy and a journal note.
fn a_day(store: &mut Store, me: i64, habits: &[i64], day: NaiveDate) {
    for (n, habit) in habits.iter().enumerate() {
        let note = (n == 0).then_some("Let Cleo speak first; she had the better plan.");
        store
            .check_in(*habit, day, Some(CheckState::Done), note, demo_today())
            .unwrap();
    }
    store.set_energy(me, day, 4, None, demo_today()).unwrap();
    store
        .add_journal_note(me, day, "Asked before telling, twice today.", demo_today())
        .unwrap();
}

fn quiet() -> impl FnMut(usize, usize) {
    |_, _| {}
}

/// A new computer joining the ten-year demo: three runs, each from an empty data folder.
fn joining_the_ten_year_demo() {
    let root = tempfile::tempdir().unwrap();
    let first = root.path().join("first");
    let shape = Shape::History {
        habits: 20,
        years: 10,
    };
    let coaching = Coaching {
        clients: 200,
        assessments: 10,
    };
    demo_data_dir(&first, shape, Some(coaching), 7).unwrap();
    let shared = root.path().join("Sync");
    std::fs::create_dir_all(&shared).unwrap();
    let mut store = Store::open_in(&first).unwrap();
    let started = Instant::now();
    let code = sync::start(
        &mut store,
        &shared,
        "Desktop",
        Options::default(),
        demo_today(),
    )
    .unwrap()
    .code;
    println!(
        "starting a group on the ten-year demo (its snapshot written): {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let export = store
        .export_all(demo_today())
        .unwrap()
        .to_json()
        .unwrap()
        .len();
    println!(
        "its snapshot in the folder: {:.1} MB; an export of the same data: {:.1} MB",
        folder_bytes(&shared) as f64 / 1e6,
        export as f64 / 1e6
    );

    let mut times = Vec::new();
    for run in 0..3 {
        let data = root.path().join(format!("joining-{run}"));
        let mut joining = Store::open_in(&data).unwrap();
        let mut steps = 0;
        let started = Instant::now();
        let outcome = sync::join(
            &mut joining,
            &shared,
            &code,
            &format!("Laptop {run}"),
            Options::default(),
            demo_today(),
            &mut |_, _| steps += 1,
        )
        .unwrap();
        times.push(started.elapsed());
        assert!(outcome.refused.is_empty());
        assert_eq!(joining.people().unwrap().len(), 201);
        let _ = joining.sync_stop_recording();
        drop(joining);
        let _ = std::fs::remove_dir_all(&data);
        // The card of the run's computer stays in the folder; the next run is another computer.
    }
    times.sort();
    println!(
        "a new computer joining the ten-year demo: median {:.2} s ({:?})",
        times[1].as_secs_f64(),
        times
    );
}

/// A laptop with 20 habits that started a group, and a desktop that joined it.
struct Pair {
    root: tempfile::TempDir,
    shared: std::path::PathBuf,
    laptop: Store,
    me: i64,
    habits: Vec<i64>,
    desktop: Store,
}

fn pair() -> Pair {
    let root = tempfile::tempdir().unwrap();
    let shared = root.path().join("Sync");
    std::fs::create_dir_all(&shared).unwrap();
    let (mut laptop, me, habits) = with_habits(&root.path().join("laptop"), 20);
    let code = sync::start(
        &mut laptop,
        &shared,
        "Laptop",
        Options::default(),
        demo_today(),
    )
    .unwrap()
    .code;
    let mut desktop = Store::open_in(&root.path().join("desktop")).unwrap();
    sync::join(
        &mut desktop,
        &shared,
        &code,
        "Desktop",
        Options::default(),
        demo_today(),
        &mut quiet(),
    )
    .unwrap();
    Pair {
        root,
        shared,
        laptop,
        me,
        habits,
        desktop,
    }
}

/// The shared folder after a year of daily use on one computer, the other syncing weekly.
fn a_year_in_the_folder() {
    let Pair {
        root: _root,
        shared,
        mut laptop,
        me,
        habits,
        mut desktop,
    } = pair();
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    for d in 0..365u64 {
        let day = start + Days::new(d);
        a_day(&mut laptop, me, &habits, day);
        sync::sync_now(&mut laptop, Options::default(), demo_today(), &mut quiet()).unwrap();
        if d % 7 == 6 {
            sync::sync_now(&mut desktop, Options::default(), demo_today(), &mut quiet()).unwrap();
        }
    }
    sync::sync_now(&mut desktop, Options::default(), demo_today(), &mut quiet()).unwrap();
    sync::sync_now(&mut laptop, Options::default(), demo_today(), &mut quiet()).unwrap();
    let export = laptop
        .export_all(demo_today())
        .unwrap()
        .to_json()
        .unwrap()
        .len() as u64;
    let files = walk_count(&shared);
    println!(
        "a year of daily use (20 habits, energy, a note a day), compacted: folder {:.2} MB in {files} files; an export of the same data {:.2} MB",
        folder_bytes(&shared) as f64 / 1e6,
        export as f64 / 1e6
    );
}

fn walk_count(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| if p.is_dir() { walk_count(&p) } else { 1 })
        .sum()
}

fn sync_benches(c: &mut Criterion) {
    // The joins and the year of use take minutes; `SYNC_BENCH_TIMINGS_ONLY=1` leaves them out.
    if std::env::var_os("SYNC_BENCH_TIMINGS_ONLY").is_none() {
        joining_the_ten_year_demo();
        a_year_in_the_folder();
    }

    // One day's changes of one computer, applied on the other (its sync now: read, open, apply).
    let Pair {
        root,
        shared: _,
        mut laptop,
        me,
        habits,
        mut desktop,
    } = pair();
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut day = 0u64;
    let mut group = c.benchmark_group("sync");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("one day's changes applied on the other computer", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                a_day(&mut laptop, me, &habits, start + Days::new(day));
                day += 1;
                sync::sync_now(&mut laptop, Options::default(), demo_today(), &mut quiet())
                    .unwrap();
                let started = Instant::now();
                let outcome =
                    sync::sync_now(&mut desktop, Options::default(), demo_today(), &mut quiet())
                        .unwrap();
                spent += started.elapsed();
                // (Now and then a second file: the laptop folding its files into a snapshot.)
                assert!(!outcome.applied.is_empty());
            }
            spent
        })
    });

    // A check-in's durable write, with and without recording its changes.
    let (mut plain, _, plain_habits) = with_habits(&root.path().join("plain"), 1);
    let (mut recording, _, recording_habits) = with_habits(&root.path().join("recording"), 1);
    recording.sync_start_recording(0xbe0c).unwrap();
    let mut flip = false;
    for (name, store, habit) in [
        (
            "a check-in, not in a sync group",
            &mut plain,
            plain_habits[0],
        ),
        (
            "a check-in, recorded for sync",
            &mut recording,
            recording_habits[0],
        ),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                flip = !flip;
                let state = if flip {
                    CheckState::Done
                } else {
                    CheckState::NotDone
                };
                store
                    .check_in(habit, start, Some(state), None, demo_today())
                    .unwrap()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, sync_benches);
criterion_main!(benches);
