//! `leadback report --person NAME --out FILE.pdf [--with-notes]`: the PDF for "me" or a client,
//! read back with poppler's `pdftotext` (Debian: poppler-utils); and the refusals, which name
//! no one and write nothing.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use std::path::Path;

use common::{leadback, ok, stderr};
use leadback_store::Store;
use leadback_testkit::{add_client, pdf_text, set_me};

/// Demo data: "me" and two clients with ten assessments each, habits and session notes.
fn demo(dir: &Path) -> (String, Vec<String>) {
    ok(
        dir,
        &[
            "demo",
            "--habits",
            "4",
            "--years",
            "1",
            "--clients",
            "2",
            "--assessments-per-client",
            "10",
            "--seed",
            "11",
        ],
    );
    let people: serde_json::Value =
        serde_json::from_str(&ok(dir, &["people", "list", "--json"])).unwrap();
    let names: Vec<String> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["person"]["name"].as_str().unwrap().to_owned())
        .collect();
    (names[0].clone(), names[1..].to_vec())
}

#[test]
fn a_clients_report_has_their_name_the_coach_and_notes_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let (me, clients) = demo(dir.path());
    let client = &clients[0];
    let pdf = dir.path().join("client.pdf");
    let said = ok(
        dir.path(),
        &["report", "--person", client, "--out", pdf.to_str().unwrap()],
    );
    assert!(
        said.starts_with(&format!("Wrote the report for {client} to ")),
        "{said}"
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let text = pdf_text(&pdf);
    assert!(text.contains(&format!("A report for {client}")), "{text}");
    assert!(text.contains(&me), "the coach's name: {text}");
    assert!(text.contains("10 finished"), "ten assessments: {text}");
    assert!(!text.contains("Session notes"));

    let with_notes = dir.path().join("client-notes.pdf");
    let said = ok(
        dir.path(),
        &[
            "report",
            "--person",
            client,
            "--out",
            with_notes.to_str().unwrap(),
            "--with-notes",
        ],
    );
    assert!(said.contains("with session notes"), "{said}");
    assert!(pdf_text(&with_notes).contains("Session notes"));
}

#[test]
fn me_is_reported_by_that_word_without_a_coach_line() {
    let dir = tempfile::tempdir().unwrap();
    let (me, _) = demo(dir.path());
    let pdf = dir.path().join("me.pdf");
    ok(
        dir.path(),
        &["report", "--person", "me", "--out", pdf.to_str().unwrap()],
    );
    let text = pdf_text(&pdf);
    assert!(text.contains(&format!("A report for {me}")), "{text}");
    assert!(!text.contains("Prepared by"), "{text}");
}

#[test]
fn an_unknown_person_is_a_clear_error_that_names_no_one() {
    let dir = tempfile::tempdir().unwrap();
    let (me, clients) = demo(dir.path());
    let pdf = dir.path().join("x.pdf");
    let out = leadback(
        dir.path(),
        &[
            "report",
            "--person",
            "Nobody Here",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("There is no one called \"Nobody Here\""),
        "{err}"
    );
    for name in clients.iter().chain([&me]) {
        assert!(!err.contains(name.as_str()), "{name} leaked: {err}");
    }
    assert!(!pdf.exists());

    // A name matches exactly, not by its start.
    let first_word = clients[0].split(' ').next().unwrap();
    let out = leadback(
        dir.path(),
        &[
            "report",
            "--person",
            first_word,
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!pdf.exists());
}

#[test]
fn two_people_with_one_name_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open_in(dir.path()).unwrap();
        set_me(&mut store, "Coach Kim");
        for _ in 0..2 {
            add_client(&mut store, "Sam Lee", "Agreed.");
        }
    }
    let pdf = dir.path().join("sam.pdf");
    let out = leadback(
        dir.path(),
        &[
            "report",
            "--person",
            "Sam Lee",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("2 people are called \"Sam Lee\""),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists());
}

#[test]
fn the_file_must_be_a_pdf_outside_the_backups() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let refused = |out: &Path| {
        let run = leadback(
            dir.path(),
            &["report", "--person", "me", "--out", out.to_str().unwrap()],
        );
        assert_eq!(run.status.code(), Some(2), "{}", out.display());
        assert!(
            stderr(&run).contains("Nothing was written"),
            "{}",
            stderr(&run)
        );
        assert!(!out.exists(), "{}", out.display());
    };
    refused(&dir.path().join("report.txt"));
    refused(&dir.path().join("missing-folder/report.pdf"));
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    refused(&backups.join("report.pdf"));
}
