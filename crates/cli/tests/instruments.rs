//! `leadback instrument import|list|use|consistency`: a coach's own instrument from a file, the
//! choice for new assessments (which `leadback assess` then uses), and alpha per stance.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use std::path::{Path, PathBuf};

use common::{leadback, ok, stderr};
use leadback_core::assessment::InstrumentLibrary;
use leadback_store::Store;
use leadback_testkit::{add_client, now};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/instruments")
        .join(name)
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn import_list_and_choose_then_assess_uses_the_chosen_instrument() {
    let dir = tempfile::tempdir().unwrap();
    let pulse = fixture("team-pulse.toml");
    let text = ok(dir.path(), &["instrument", "import", arg(&pulse)]);
    assert!(
        text.starts_with("Imported team-pulse version 1: Team pulse"),
        "{text}"
    );
    assert!(text.contains("(9 items, 1 scenarios)"), "{text}");
    let again = ok(dir.path(), &["instrument", "import", arg(&pulse)]);
    assert!(
        again.starts_with("Already imported, nothing changed"),
        "{again}"
    );

    let list = ok(dir.path(), &["instrument", "list"]);
    let lines: Vec<_> = list.lines().collect();
    assert!(lines[0].starts_with("* leadback-core"), "{list}");
    assert!(lines[1].starts_with("  team-pulse"), "{list}");
    assert!(lines[1].contains("imported 20"), "{list}");

    let chosen = ok(dir.path(), &["instrument", "use", "team-pulse"]);
    assert!(chosen.contains("team-pulse version 1"), "{chosen}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["instrument", "list", "--json"])).unwrap();
    assert_eq!(json[1]["current"], true);
    assert_eq!(json[0]["current"], false);

    ok(dir.path(), &["me", "--name", "Coach Kim"]);
    // No input: the assessment starts (on the chosen instrument) and waits to be resumed.
    leadback(dir.path(), &["assess"]);
    let store = Store::open_in(dir.path()).unwrap();
    let me = store.me().unwrap().unwrap();
    let open = store.open_assessment(me.id).unwrap().unwrap();
    assert_eq!(
        (open.instrument_id.as_str(), open.instrument_version),
        ("team-pulse", 1)
    );
}

#[test]
fn bad_files_are_refused_with_the_problem_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    ok(
        dir.path(),
        &["instrument", "import", arg(&fixture("team-pulse.toml"))],
    );
    for (file, says) in [
        ("broken-schema.toml", "item \"tp-front-2\""),
        ("broken-syntax.toml", "broken-syntax.toml"),
        ("broken-builtin-id.toml", "an id of its own"),
        ("broken-unknown-habit.toml", "the habit \"nap-all-day\""),
        (
            "team-pulse-changed.toml",
            "already imported with different content",
        ),
        ("no-such-file.toml", "could not be read"),
    ] {
        let output = leadback(dir.path(), &["instrument", "import", arg(&fixture(file))]);
        assert_eq!(output.status.code(), Some(2), "{file}: {}", stderr(&output));
        assert!(
            stderr(&output).contains(says),
            "{file}: {}",
            stderr(&output)
        );
    }
    let store = Store::open_in(dir.path()).unwrap();
    assert_eq!(store.custom_instruments().unwrap().len(), 1);

    let unknown = leadback(dir.path(), &["instrument", "use", "nobody"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("no instrument \"nobody\""));
    assert_eq!(store.chosen_instrument().unwrap(), None);
}

#[test]
fn consistency_waits_for_ten_complete_assessments_then_shows_alpha_per_stance() {
    let dir = tempfile::tempdir().unwrap();
    ok(
        dir.path(),
        &["instrument", "import", arg(&fixture("team-pulse.toml"))],
    );
    let mut store = Store::open_in(dir.path()).unwrap();
    let (library, _) = store
        .instrument_library(InstrumentLibrary::builtin().unwrap())
        .unwrap();
    let pulse = library.find("team-pulse", 1).unwrap().clone();
    let mut take = |n: i64| {
        let person = add_client(
            &mut store,
            &format!("Client {n}"),
            "Answers used for alpha.",
        );
        let record = store
            .start_assessment(person, "team-pulse", 1, now())
            .unwrap();
        for (i, item) in (0i64..).zip(pulse.items()) {
            // Each respondent at their own level, a little spread per item, keyed as asked.
            let level = (1 + n % 4 + i % 2).min(5);
            let value = if item.reverse { 6 - level } else { level };
            store
                .save_answer(record.id, &item.id, Some(value), 0, now())
                .unwrap();
        }
        store.complete_assessment(record.id, now()).unwrap();
    };
    for n in 0..9 {
        take(n);
    }
    let text = ok(dir.path(), &["instrument", "consistency", "team-pulse"]);
    assert!(text.contains("in this database"), "{text}");
    assert!(
        text.contains("front    3 items  needs at least 10 complete assessments (9 so far)"),
        "{text}"
    );
    take(9);
    let json: serde_json::Value = serde_json::from_str(&ok(
        dir.path(),
        &["instrument", "consistency", "team-pulse", "--json"],
    ))
    .unwrap();
    for stance in json["stances"].as_array().unwrap() {
        assert_eq!(stance["assessments"], 10);
        assert!(stance["alpha"].as_f64().unwrap() > 0.7, "{stance}");
    }
    // Without an id: the current instrument, the built-in one, which nobody has taken.
    let builtin = ok(dir.path(), &["instrument", "consistency"]);
    assert!(
        builtin.contains("leadback-core version 1), 0 finished"),
        "{builtin}"
    );
}
