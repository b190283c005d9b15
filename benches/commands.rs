//! Every IPC command the home screen, the habit screen, the history, the progress screen and a
//! coach's client screens call, through the app's real command handler on Tauri's mock runtime
//! (argument decoding, the command, the JSON the UI receives), on `leadback demo`'s 20 habits ×
//! 10 years with 200 clients × 10 assessments: each ≤ 20 ms.
//! Run: `cargo bench -p leadback-benches --bench commands`.
#![allow(clippy::expect_used, clippy::unwrap_used)] // A benchmark that cannot set up should stop.

use criterion::{Criterion, criterion_group, criterion_main};
use leadback_app::mock::MockApp;
use leadback_benches::{demo_data_dir, demo_today};
use leadback_demo::{Coaching, Shape};
use serde_json::{Value, json};

fn demo_app() -> (tempfile::TempDir, MockApp) {
    let dir = tempfile::tempdir().unwrap();
    demo_data_dir(
        dir.path(),
        Shape::History {
            habits: 20,
            years: 10,
        },
        Some(Coaching {
            clients: 200,
            assessments: 10,
        }),
        7,
    )
    .unwrap();
    let app = leadback_app::mock::open(dir.path(), demo_today()).unwrap();
    (dir, app)
}

fn bench(c: &mut Criterion, app: &MockApp, screen: &str, cmd: &str, args: &Value) {
    app.call(cmd, args.clone())
        .unwrap_or_else(|err| panic!("{cmd} failed: {err}"));
    c.bench_function(&format!("{screen}: {cmd}"), |b| {
        b.iter(|| app.call(cmd, args.clone()).unwrap())
    });
}

fn commands(c: &mut Criterion) {
    let (_dir, app) = demo_app();
    let history = app.call("get_assessment_history", json!({})).unwrap();
    let latest = json!({ "assessmentId": history.as_array().unwrap().last().unwrap()["id"] });
    let habits = app
        .call("get_habits", json!({ "includeArchived": false }))
        .unwrap();
    let habit = json!({ "habitId": habits[0]["habit"]["id"] });
    let none = json!({});

    for (cmd, args) in [
        ("get_me", &none),
        ("get_open_assessment", &none),
        ("get_assessment_history", &none),
        ("get_habits", &json!({ "includeArchived": false })),
        ("get_questionnaire", &none),
        ("get_assessment_result", &latest),
    ] {
        bench(c, &app, "home", cmd, args);
    }
    for (cmd, args) in [
        ("get_habits", &json!({ "includeArchived": true })),
        ("get_habit_detail", &habit),
        ("get_habit_library", &none),
        ("get_reminders", &habit),
        ("get_energy", &none),
    ] {
        bench(c, &app, "habits", cmd, args);
    }
    for (cmd, args) in [
        ("get_assessment_history", &none),
        ("get_assessment_result", &latest),
    ] {
        bench(c, &app, "history", cmd, args);
    }
    bench(c, &app, "progress", "get_stance_rollup", &none);

    let people = app.call("list_people", json!({})).unwrap();
    assert_eq!(people.as_array().unwrap().len(), 201, "me and 200 clients");
    let client = json!({ "personId": people[100]["person"]["id"] });
    bench(c, &app, "clients", "list_people", &none);
    bench(c, &app, "clients", "get_client_overview", &client);
    bench(c, &app, "clients", "get_observer_view", &client);
}

criterion_group!(benches, commands);
criterion_main!(benches);
