//! The PDF report against the budget (≤ 2 s), on the demo database a busy coach might
//! have (20 habits × 10 years for "me", 200 clients × 10 assessments with sessions and notes):
//! one client's report with their notes, and "me" with 20 habits — each read from the store,
//! built, drawn with the system font found afresh (as the app and the CLI do every time), and
//! the drawing alone.
//! Run: `cargo bench -p leadback-benches --bench report`.
#![allow(clippy::expect_used, clippy::unwrap_used)] // A benchmark that cannot set up should stop.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use leadback_benches::demo_today;
use leadback_core::PersonKind;
use leadback_core::assessment::InstrumentLibrary;
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::builtin_library;
use leadback_core::report::Report;
use leadback_demo::{Coaching, Shape};
use leadback_report::{Fonts, render};
use leadback_store::{ReportLibraries, Store};

fn report(c: &mut Criterion) {
    let clock = leadback_core::FixedClock::new(demo_today());
    let demo = leadback_demo::generate(
        Shape::History {
            habits: 20,
            years: 10,
        },
        Some(Coaching {
            clients: 200,
            assessments: 10,
        }),
        7,
        &clock,
    )
    .unwrap();
    let store: Store = demo.store;
    let people = store.people().unwrap();
    let me = people
        .iter()
        .find(|p| p.person.kind == PersonKind::Me)
        .unwrap()
        .person
        .id;
    let client = people
        .iter()
        .find(|p| p.person.kind == PersonKind::Client)
        .unwrap()
        .person
        .id;
    let instruments = InstrumentLibrary::builtin().unwrap();
    let habits = builtin_library().unwrap();
    let exercises = ExerciseLibrary::builtin().unwrap();
    let libraries = ReportLibraries {
        instruments: &instruments,
        habits: &habits,
        exercises: &exercises,
    };
    let today = demo_today().date_naive();
    let whole = |person: i64, notes: bool| {
        let data = store.report_data(person, today, libraries, notes).unwrap();
        let fonts = Fonts::system().unwrap();
        render(&Report::build(&data), &fonts).unwrap()
    };
    for (who, person, notes) in [("a client, with notes", client, true), ("me", me, false)] {
        let rendered = whole(person, notes);
        println!(
            "report for {who}: {} pages, {:.0} KB",
            rendered.pages,
            rendered.bytes.len() as f64 / 1e3
        );
    }

    let mut group = c.benchmark_group("pdf report");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    group.bench_function(
        "a client's report with notes: read, build, find the font, draw",
        |b| b.iter(|| whole(client, true)),
    );
    group.bench_function(
        "my report, 20 habits: read, build, find the font, draw",
        |b| b.iter(|| whole(me, false)),
    );
    let data = store.report_data(client, today, libraries, true).unwrap();
    let built = Report::build(&data);
    let fonts = Fonts::system().unwrap();
    group.bench_function("a client's report: drawing only", |b| {
        b.iter(|| render(&built, &fonts).unwrap())
    });
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
