//! `leadback demo` as someone trying the app runs it: made-up data that is the same for the same
//! seed, a tour that is ready to look around in, and refusals that leave a folder as it was.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use std::path::Path;

use common::{leadback, ok, stderr};

/// Everything in the database, without what may differ between two runs on the same day: the
/// moment of the export, and the keys. A key that comes from the time its row was made is
/// replaced by its table and its place there (the same rows made in the same order read the
/// same); one that comes from what its row is (a habit from the library, whose key follows from
/// its person's) by its table and its place among those rows once the other keys are replaced,
/// with the rows put in order again.
fn exported(data: &Path) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.json");
    ok(data, &["export", file.to_str().unwrap()]);
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    doc.as_object_mut().unwrap().remove("exported_at");
    // Counted keys (like the journal index's own) are stable; keys made from what a row is lie
    // between them and those made from the time.
    let (counted_below, made_from_time) = (1u64 << 32, (1u64 << 32) + (1u64 << 40));
    let keys = |doc: &serde_json::Value, range: std::ops::Range<u64>| {
        let mut found = Vec::new();
        for (table, data) in doc["tables"].as_object().unwrap() {
            let columns = data["columns"].as_array().unwrap();
            let Some(id) = columns.iter().position(|c| c == "id") else {
                continue;
            };
            for row in data["rows"].as_array().unwrap() {
                if let Some(key) = row[id].as_u64().filter(|key| range.contains(key)) {
                    let mut rest = row.clone();
                    rest.as_array_mut().unwrap().remove(id);
                    found.push((table.clone(), rest.to_string(), key));
                }
            }
        }
        found
    };
    let name_in_order = |mut found: Vec<(String, String, u64)>, by_key: bool| {
        found.sort_by(|a, b| {
            (&a.0, (!by_key).then_some(&a.1), a.2).cmp(&(&b.0, (!by_key).then_some(&b.1), b.2))
        });
        let mut names = std::collections::BTreeMap::new();
        let mut place = 0;
        for (i, (table, _, key)) in found.iter().enumerate() {
            place = if i > 0 && found[i - 1].0 == *table {
                place + 1
            } else {
                0
            };
            names.insert(
                *key,
                format!("{table}#{}{place}", if by_key { "" } else { "~" }),
            );
        }
        names
    };
    let from_time = name_in_order(keys(&doc, made_from_time..u64::MAX), true);
    let from_what = keys(&doc, counted_below..made_from_time);
    rename_keys(&mut doc, &from_time);
    let from_what = from_what
        .into_iter()
        .map(|(table, rest, key)| {
            let mut rest: serde_json::Value = serde_json::from_str(&rest).unwrap();
            rename_keys(&mut rest, &from_time);
            (table, rest.to_string(), key)
        })
        .collect();
    rename_keys(&mut doc, &name_in_order(from_what, false));
    for data in doc["tables"].as_object_mut().unwrap().values_mut() {
        if let Some(rows) = data["rows"].as_array_mut() {
            rows.sort_by_key(ToString::to_string);
        }
    }
    doc
}

/// Replaces every key in `value` (a number, or digits inside a text such as the journal's
/// "check-in:<key>/<day>") by its name in `names`.
fn rename_keys(value: &mut serde_json::Value, names: &std::collections::BTreeMap<u64, String>) {
    match value {
        serde_json::Value::Number(n) => {
            if let Some(name) = n.as_u64().and_then(|k| names.get(&k)) {
                *value = serde_json::Value::String(name.clone());
            }
        }
        serde_json::Value::String(text) => {
            let mut out = String::new();
            let mut digits = String::new();
            for c in text.chars().chain(std::iter::once('\0')) {
                if c.is_ascii_digit() {
                    digits.push(c);
                    continue;
                }
                match digits.parse::<u64>().ok().and_then(|k| names.get(&k)) {
                    Some(name) => out.push_str(name),
                    None => out.push_str(&digits),
                }
                digits.clear();
                if c != '\0' {
                    out.push(c);
                }
            }
            *text = out;
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| rename_keys(v, names)),
        serde_json::Value::Object(map) => map.values_mut().for_each(|v| rename_keys(v, names)),
        _ => {}
    }
}

fn rows(doc: &serde_json::Value, table: &str) -> usize {
    doc["tables"][table]["rows"].as_array().map_or(0, Vec::len)
}

/// The row count `leadback info` shows for a table.
fn info_rows(info: &str, table: &str) -> i64 {
    info.lines()
        .find_map(|line| {
            let mut words = line.split_whitespace();
            (words.next() == Some(table)).then(|| words.next().unwrap().parse().unwrap())
        })
        .unwrap_or_else(|| panic!("no {table} in {info}"))
}

#[test]
fn the_same_seed_makes_the_same_data_and_another_seed_other_data() {
    let dir = tempfile::tempdir().unwrap();
    let small = ["demo", "--habits", "3", "--years", "1", "--seed"];
    let run = |name: &str, seed: &str| {
        let data = dir.path().join(name);
        let said = ok(&data, &[&small[..], &[seed]].concat());
        assert!(said.contains("3 habits"), "{said}");
        exported(&data)
    };
    let first = run("first", "5");
    let again = run("again", "5");
    let other = run("other", "6");

    for table in [
        "person",
        "habit",
        "check_in",
        "energy_check_in",
        "assessment",
        "assessment_answer",
        "exercise_run",
        "reflection",
        "journal_note",
    ] {
        assert!(
            rows(&first, table) > 0,
            "a year of use leaves rows in {table}"
        );
    }
    // Not assert_eq: a failure would print two whole databases.
    assert!(first == again, "two runs with seed 5 made different data");
    assert!(first != other, "seeds 5 and 6 made the same data");
}

#[test]
fn the_tour_is_a_small_friendly_set_with_today_half_done() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let said = ok(data, &["demo", "--preset", "tour"]);
    assert!(said.contains("5 habits"), "{said}");

    assert!(!ok(data, &["me"]).trim().is_empty());
    let habits: Vec<serde_json::Value> =
        serde_json::from_str(&ok(data, &["habits", "list", "--json"])).unwrap();
    assert!((4..=6).contains(&habits.len()), "{habits:?}");
    let today: Vec<&serde_json::Value> = habits.iter().map(|h| &h["today"]).collect();
    assert!(today.iter().any(|t| *t == "done"), "{today:?}");
    assert!(today.iter().any(|t| t.is_null()), "{today:?}");

    let journal = ok(data, &["journal"]);
    for kind in ["note", "check-in", "reflection"] {
        assert!(
            journal
                .lines()
                .any(|l| l.split_whitespace().nth(1) == Some(kind)),
            "the journal has a {kind}: {journal}"
        );
    }
    let info = ok(data, &["info"]);
    assert!(info_rows(&info, "assessment") >= 1, "{info}");
    assert!(info_rows(&info, "exercise_run") >= 1, "{info}");
    assert!(info_rows(&info, "energy_check_in") >= 30, "{info}");
}

#[test]
fn a_folder_that_holds_data_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["me", "--name", "Ada"]);
    ok(data, &["journal", "add", "mine", "--date", "2026-01-01"]);
    let before = exported(data);

    let out = leadback(data, &["demo", "--habits", "2", "--years", "1"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(stderr(&out).contains("empty"), "{}", stderr(&out));
    assert!(stderr(&out).contains("Ada"), "{}", stderr(&out));
    assert!(
        exported(data) == before,
        "the refused demo changed the data"
    );
}

#[test]
fn impossible_sizes_are_refused_before_anything_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    for (args, says) in [
        (&["demo", "--clients", "1001"][..], "--clients"),
        (
            &["demo", "--clients", "2", "--assessments-per-client", "0"][..],
            "--assessments-per-client",
        ),
        (&["demo", "--assessments-per-client", "4"][..], "--clients"),
        (
            &["demo", "--preset", "tour", "--clients", "2"][..],
            "tour has no clients",
        ),
        (&["demo", "--years", "11"][..], "--years"),
        (&["demo", "--habits", "0"][..], "--habits"),
    ] {
        let out = leadback(&data, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    assert!(!data.exists(), "a refused demo created the data folder");
}

#[test]
fn a_coachs_practice_has_clients_with_consent_sessions_and_homework() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let said = ok(
        &data,
        &[
            "demo",
            "--habits",
            "3",
            "--years",
            "1",
            "--clients",
            "5",
            "--assessments-per-client",
            "3",
            "--seed",
            "4",
        ],
    );
    assert!(said.contains("5 clients with 15 sessions"), "{said}");
    let people: serde_json::Value =
        serde_json::from_str(&ok(&data, &["people", "list", "--json"])).unwrap();
    let clients: Vec<_> = people
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["person"]["kind"] == "client")
        .collect();
    assert_eq!(clients.len(), 5);
    for client in clients {
        assert_eq!(client["completed_assessments"], 3, "{client}");
        assert!(client["consent"]["terms"].as_str().is_some());
        assert!(client["last_session"].as_str().is_some());
    }
}

#[test]
fn a_large_practice_is_made_whatever_homework_the_seed_picks() {
    // With many clients the seed reaches every library habit as homework, the measurable
    // practices too: the demo checks homework in as done, so it sets only yes/no habits.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let said = ok(
        &data,
        &[
            "demo",
            "--habits",
            "20",
            "--years",
            "1",
            "--clients",
            "60",
            "--assessments-per-client",
            "1",
            "--seed",
            "7",
        ],
    );
    assert!(said.contains("60 clients"), "{said}");
    let mine: Vec<serde_json::Value> =
        serde_json::from_str(&ok(&data, &["habits", "list", "--json"])).unwrap();
    assert!(mine.iter().all(|h| h["unit"].is_null()), "{mine:?}");
}
