//! `leadback observer export|import|list`: forms written as pages, the answers files they save
//! brought back once each, the combined view withheld below three observers and shown from three;
//! a file used twice or offered for the wrong person refused with nothing written.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use std::path::{Path, PathBuf};

use common::{leadback, ok, stderr};
use leadback_core::assessment::InstrumentLibrary;
use leadback_core::observers::ObserverAnswers;
use leadback_store::Store;
use leadback_testkit::{add_client, set_me};

/// A coach and two clients, made through the store as the app makes them.
fn practice(dir: &Path) -> Vec<String> {
    let mut store = Store::open_in(dir).unwrap();
    set_me(&mut store, "Coach Kim");
    let names = ["Noor Haddad", "Sam Ortiz"];
    for name in names {
        add_client(&mut store, name, "Terms.");
    }
    names.map(str::to_owned).to_vec()
}

/// The answers file an observer's page saves for `token`, every statement answered `value`.
fn answers_file(dir: &Path, token: &str, value: i64) -> PathBuf {
    let library = InstrumentLibrary::builtin().unwrap();
    let answers = ObserverAnswers {
        request_id: token.to_owned(),
        instrument_id: "leadback-core".into(),
        instrument_version: 1,
        answers: library
            .current()
            .items()
            .iter()
            .map(|item| (item.id.clone(), Some(value)))
            .collect(),
    };
    let path = dir.join(format!("{token}.leadback-observer.json"));
    std::fs::write(&path, answers.to_file_json()).unwrap();
    path
}

fn tokens(data: &Path, person: &str) -> Vec<String> {
    let view: serde_json::Value = serde_json::from_str(&ok(
        data,
        &["observer", "list", "--person", person, "--json"],
    ))
    .unwrap();
    view["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["token"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn three_observers_by_file_show_the_combined_view_and_two_do_not() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let clients = practice(data.path());
    let client = clients[0].as_str();

    for (i, observer) in ["Her manager", "A peer", "Sam"].iter().enumerate() {
        let form = files.path().join(format!("form-{i}.html"));
        let said = ok(
            data.path(),
            &[
                "observer",
                "export",
                "--person",
                client,
                "--observer",
                observer,
                "--out",
                form.to_str().unwrap(),
            ],
        );
        assert!(
            said.contains(&format!("Asked {observer} about {client}")),
            "{said}"
        );
        let page = std::fs::read_to_string(&form).unwrap();
        assert!(page.contains(observer) && page.contains(client));
    }
    let tokens = tokens(data.path(), client);
    assert_eq!(tokens.len(), 3);

    for token in &tokens[..2] {
        let file = answers_file(files.path(), token, 5);
        ok(
            data.path(),
            &[
                "observer",
                "import",
                "--person",
                client,
                file.to_str().unwrap(),
            ],
        );
    }
    let two = ok(data.path(), &["observer", "list", "--person", client]);
    assert_eq!(
        two.matches("withheld: 2 of the 3 observers needed").count(),
        3,
        "{two}"
    );
    assert!(!two.contains("gap"), "{two}");

    let third = answers_file(files.path(), &tokens[2], 5);
    let said = ok(
        data.path(),
        &[
            "observer",
            "import",
            "--person",
            client,
            third.to_str().unwrap(),
        ],
    );
    assert_eq!(said.trim(), format!("Sam's answers about {client} are in."));
    let three = ok(data.path(), &["observer", "list", "--person", client]);
    assert!(!three.contains("withheld"), "{three}");
    assert_eq!(three.matches("(gap ").count(), 3, "{three}");
}

#[test]
fn a_file_used_twice_or_for_someone_else_is_refused_and_nothing_changes() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let clients = practice(data.path());
    let form = files.path().join("form.html");
    ok(
        data.path(),
        &[
            "observer",
            "export",
            "--person",
            &clients[0],
            "--observer",
            "A peer",
            "--out",
            form.to_str().unwrap(),
        ],
    );
    let token = tokens(data.path(), &clients[0]).remove(0);
    let file = answers_file(files.path(), &token, 4);
    let path = file.to_str().unwrap();

    let elsewhere = leadback(
        data.path(),
        &["observer", "import", "--person", &clients[1], path],
    );
    assert_eq!(elsewhere.status.code(), Some(2));
    assert!(
        stderr(&elsewhere).contains("someone else"),
        "{}",
        stderr(&elsewhere)
    );

    ok(
        data.path(),
        &["observer", "import", "--person", &clients[0], path],
    );
    let before = ok(
        data.path(),
        &["observer", "list", "--person", &clients[0], "--json"],
    );
    let twice = leadback(
        data.path(),
        &["observer", "import", "--person", &clients[0], path],
    );
    assert_eq!(twice.status.code(), Some(2));
    assert!(stderr(&twice).contains("already in"), "{}", stderr(&twice));
    let after = ok(
        data.path(),
        &["observer", "list", "--person", &clients[0], "--json"],
    );
    assert_eq!(before, after);

    // A form is a web page: any other file name is refused before anyone is asked.
    let wrong = leadback(
        data.path(),
        &[
            "observer",
            "export",
            "--person",
            &clients[1],
            "--observer",
            "Peer",
            "--out",
            files.path().join("form.pdf").to_str().unwrap(),
        ],
    );
    assert_eq!(wrong.status.code(), Some(2));
    assert!(tokens(data.path(), &clients[1]).is_empty());
}
