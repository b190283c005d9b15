//! The results file: a round trip, the canonical form the checksum is taken over (spelled out, so
//! a change to it cannot go unnoticed), and each kind of bad file refused — tampered, truncated,
//! malformed, of another kind, from a newer Leadback, with an invalid participant code.

use sha2::{Digest, Sha256};

use super::*;
use crate::assessment::{Stance, StanceScores};
use crate::programmes::ExchangeError;
use crate::validation::ValidationError;

fn scores(front: Option<f64>, behind: Option<f64>, servant: Option<f64>) -> StanceScores {
    StanceScores {
        front,
        behind,
        servant,
    }
}

fn falcon() -> ResultsFile {
    ResultsFile::new(
        "three-days-at-the-back",
        " falcon-7 ",
        Some("  "),
        Some(scores(Some(62.5), Some(40.0), None)),
        None,
        &[
            "walk-at-the-back".into(),
            "listen-first".into(),
            "walk-at-the-back".into(),
        ],
    )
    .unwrap()
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn exchange_error(text: &str) -> ExchangeError {
    match ResultsFile::open(text) {
        Err(ResultsFileError::Exchange(e)) => e,
        other => panic!("expected an exchange error, got {other:?}"),
    }
}

#[test]
fn new_tidies_the_values() {
    let file = falcon();
    assert_eq!(file.participant_code(), "falcon-7");
    assert_eq!(file.name(), None, "a blank name is no name");
    assert_eq!(
        file.exercises_completed(),
        ["listen-first".to_owned(), "walk-at-the-back".to_owned()]
    );
    let rounded = ResultsFile::new(
        "p",
        "x",
        None,
        Some(scores(Some(41.66), None, None)),
        None,
        &[],
    );
    assert_eq!(rounded.unwrap().pre().and_then(|s| s.front), Some(41.7));
}

#[test]
fn seal_then_open_gives_the_same_results() {
    let file = falcon();
    let text = file.seal();
    assert!(text.contains("\"format\": \"leadback-results\""), "{text}");
    assert_eq!(ResultsFile::open(&text), Ok(file.clone()));
    assert_eq!(text, file.seal(), "sealing is deterministic");

    let named = ResultsFile::new(
        "three-days-at-the-back",
        "Ånna – 3",
        Some("Anna Berg"),
        Some(scores(Some(0.0), Some(100.0), Some(33.3))),
        Some(scores(Some(12.5), None, Some(66.7))),
        &[],
    )
    .unwrap();
    assert_eq!(ResultsFile::open(&named.seal()), Ok(named));
}

#[test]
fn the_checksum_is_sha256_of_the_sorted_compact_json_of_everything_else() {
    let canonical = concat!(
        r#"{"exercises_completed":["listen-first","walk-at-the-back"],"#,
        r#""format":"leadback-results","format_version":1,"name":null,"#,
        r#""participant_code":"falcon-7","post":null,"#,
        r#""pre":{"behind":40.0,"front":62.5,"servant":null},"#,
        r#""programme_id":"three-days-at-the-back"}"#
    );
    assert_eq!(falcon().checksum(), sha256_hex(canonical));
    assert!(falcon().seal().contains(&sha256_hex(canonical)));
}

#[test]
fn a_tampered_file_is_refused() {
    let text = falcon().seal();
    for (from, to) in [
        ("62.5", "92.5"),
        ("\"falcon-7\"", "\"eagle-1\""),
        ("\"listen-first\",", ""),
        ("\"name\": null", "\"name\": \"Someone\""),
    ] {
        assert!(text.contains(from), "{from}");
        let tampered = text.replacen(from, to, 1);
        assert_eq!(
            ResultsFile::open(&tampered),
            Err(ResultsFileError::ChecksumMismatch),
            "{from} → {to}"
        );
    }
    let err = ResultsFile::open(&text.replacen("62.5", "92.5", 1)).unwrap_err();
    assert!(
        err.to_string().contains("changed after it was exported"),
        "{err}"
    );
}

#[test]
fn a_truncated_file_is_refused_as_truncated() {
    let text = falcon().seal();
    for cut in [text.len() - 3, text.len() / 2, 1] {
        let err = exchange_error(&text[..cut]);
        assert!(
            matches!(err, ExchangeError::Truncated { .. }),
            "at {cut}: {err}"
        );
    }
}

#[test]
fn malformed_json_a_programme_file_and_a_newer_version_are_refused() {
    assert!(matches!(
        exchange_error("participant,front\nfalcon,62.5\n"),
        ExchangeError::Malformed { .. }
    ));
    let programme = falcon()
        .seal()
        .replace("leadback-results", "leadback-programme");
    let err = exchange_error(&programme);
    assert_eq!(
        err.to_string(),
        "This is a Leadback programme file, not a participant's results file."
    );
    let newer = falcon()
        .seal()
        .replace("\"format_version\": 1", "\"format_version\": 7");
    assert_eq!(
        exchange_error(&newer),
        ExchangeError::NewerVersion {
            found: 7,
            supported: RESULTS_FORMAT_VERSION
        }
    );
}

#[test]
fn missing_and_unknown_fields_are_refused() {
    let text = falcon().seal();
    let without = text.replacen("\"participant_code\": \"falcon-7\",", "", 1);
    assert!(matches!(
        exchange_error(&without),
        ExchangeError::Fields { .. }
    ));
    let without = text.replacen("\"name\": null,", "", 1);
    assert_eq!(
        ResultsFile::open(&without),
        Ok(falcon()),
        "no name is the same as null"
    );
    let extra = text.replacen("\"name\": null,", "\"name\": null, \"email\": \"a@b\",", 1);
    assert!(matches!(
        exchange_error(&extra),
        ExchangeError::Fields { .. }
    ));
}

#[test]
fn invalid_participant_codes_are_refused() {
    let new = |code: &str| ResultsFile::new("p", code, None, None, None, &[]);
    assert_eq!(
        new("  "),
        Err(ResultsFileError::Code(ValidationError::Empty {
            field: "The participant code"
        }))
    );
    assert!(new(&"x".repeat(40)).is_ok());
    assert!(matches!(
        new(&"x".repeat(41)),
        Err(ResultsFileError::Code(ValidationError::TooLong {
            len: 41,
            max: 40,
            ..
        }))
    ));
    assert!(matches!(
        new("two\nlines"),
        Err(ResultsFileError::Code(
            ValidationError::ControlCharacter { .. }
        ))
    ));
}

#[test]
fn an_invalid_code_with_a_matching_checksum_is_still_refused() {
    // A file written by something other than Leadback, checksum and all.
    let canonical = concat!(
        r#"{"exercises_completed":[],"format":"leadback-results","format_version":1,"#,
        r#""name":null,"participant_code":"","post":null,"pre":null,"programme_id":"p"}"#
    );
    let text = format!(
        r#"{{"format":"leadback-results","format_version":1,"programme_id":"p","participant_code":"","name":null,"pre":null,"post":null,"exercises_completed":[],"checksum":"{}"}}"#,
        sha256_hex(canonical)
    );
    assert!(matches!(
        ResultsFile::open(&text),
        Err(ResultsFileError::Code(ValidationError::Empty { .. }))
    ));
}

#[test]
fn other_values_are_checked() {
    let bad_score = ResultsFile::new(
        "p",
        "x",
        None,
        None,
        Some(scores(None, Some(100.5), None)),
        &[],
    );
    assert_eq!(
        bad_score,
        Err(ResultsFileError::Score {
            when: "after",
            stance: Stance::Behind,
            value: 100.5
        })
    );
    let nan = ResultsFile::new(
        "p",
        "x",
        None,
        Some(scores(Some(f64::NAN), None, None)),
        None,
        &[],
    );
    assert!(matches!(
        nan,
        Err(ResultsFileError::Score { when: "before", .. })
    ));
    assert!(matches!(
        ResultsFile::new("Not An Id", "x", None, None, None, &[]),
        Err(ResultsFileError::ProgrammeId { .. })
    ));
    assert!(matches!(
        ResultsFile::new("p", "x", None, None, None, &["Walk".into()]),
        Err(ResultsFileError::ExerciseId { .. })
    ));
    assert!(matches!(
        ResultsFile::new("p", "x", Some(&"n".repeat(81)), None, None, &[]),
        Err(ResultsFileError::Name(ValidationError::TooLong { .. }))
    ));
}
