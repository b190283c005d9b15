//! The answers file: the canonical text and checksum, every reason a returned file is refused, and
//! fuzzing that no input makes verification panic and no edited answer gets through.

use proptest::prelude::*;

use super::fixtures::{answers, tiny};
use super::*;

fn expected() -> ExpectedRequest {
    ExpectedRequest {
        request_id: "0123456789abcdef0123456789abcdef".into(),
        instrument_id: "tiny".into(),
        instrument_version: 1,
    }
}

fn valid() -> ObserverAnswers {
    ObserverAnswers {
        request_id: expected().request_id,
        instrument_id: "tiny".into(),
        instrument_version: 1,
        answers: answers(&[("f1", 5), ("b2", 0), ("s3", 2), ("f2", 1)]),
    }
}

fn verify(bytes: &[u8]) -> Result<ObserverAnswers, ObserverFileError> {
    verify_answers(bytes, &expected(), &tiny())
}

/// A file whose checksum matches its (possibly wrong) contents, as a careful forger would make.
fn consistent(answers: &ObserverAnswers) -> Vec<u8> {
    answers.to_file_json().into_bytes()
}

#[test]
fn the_canonical_text_is_the_documented_one() {
    assert_eq!(
        valid().canonical_text(),
        "leadback-observer-answers v1\n\
         request_id=0123456789abcdef0123456789abcdef\n\
         instrument_id=tiny\n\
         instrument_version=1\n\
         b2=\n\
         f1=5\n\
         f2=1\n\
         s3=2"
    );
}

#[test]
fn the_checksum_is_lowercase_hex_sha256() {
    // The FIPS 180-2 test vector.
    assert_eq!(
        checksum("abc"),
        "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn a_valid_file_comes_back_as_its_answers() {
    assert_eq!(verify(&consistent(&valid())), Ok(valid()));
}

#[test]
fn a_changed_answer_is_caught_by_the_checksum() {
    let text = valid().to_file_json().replacen("\"f1\": 5", "\"f1\": 4", 1);
    let refused = verify(text.as_bytes());
    assert_eq!(
        refused,
        Err(ObserverFileError::ChecksumMismatch {
            request_id: expected().request_id
        })
    );
    let message = refused.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        message.starts_with("the file was changed after the observer saved it"),
        "{message}"
    );
}

#[test]
fn a_file_for_another_request_says_which() {
    let other = ObserverAnswers {
        request_id: "ffff".into(),
        ..valid()
    };
    let bytes = consistent(&other);
    let refused = verify(&bytes);
    assert_eq!(
        refused.as_ref().err().map(ToString::to_string).as_deref(),
        Some("this file answers request ffff, not request 0123456789abcdef0123456789abcdef")
    );
    assert_eq!(peek_request_id(&bytes).as_deref(), Some("ffff"));
}

#[test]
fn a_file_for_another_instrument_or_version() {
    for (id, version) in [("leadback-core", 1), ("tiny", 2)] {
        let other = ObserverAnswers {
            instrument_id: id.into(),
            instrument_version: version,
            ..valid()
        };
        assert_eq!(
            verify(&consistent(&other)),
            Err(ObserverFileError::WrongInstrument {
                expected_id: "tiny".into(),
                expected_version: 1,
                found_id: id.into(),
                found_version: i64::from(version),
            })
        );
    }
}

#[test]
fn unknown_statements_values_off_the_scale_and_empty_files() {
    let mut energy = valid();
    energy.answers.insert("energy-01".into(), Some(3));
    assert_eq!(
        verify(&consistent(&energy)),
        Err(ObserverFileError::UnknownItem {
            id: "energy-01".into()
        })
    );
    let mut off = valid();
    off.answers.insert("b1".into(), Some(6));
    let refused = verify(&consistent(&off));
    assert_eq!(
        refused.as_ref().err().map(ToString::to_string).as_deref(),
        Some("the answer 6 to statement \"b1\" is outside the scale 1 to 5")
    );
    let empty = ObserverAnswers {
        answers: answers(&[("f1", 0), ("b1", 0)]),
        ..valid()
    };
    assert_eq!(
        verify(&consistent(&empty)),
        Err(ObserverFileError::NoAnswers {
            request_id: expected().request_id
        })
    );
}

#[test]
fn files_that_are_not_answers_files() {
    let big = vec![b' '; MAX_ANSWERS_BYTES + 1];
    assert!(matches!(
        verify(&big),
        Err(ObserverFileError::TooLarge { size, .. }) if size == MAX_ANSWERS_BYTES + 1
    ));
    assert_eq!(
        verify(b"{\"a\": \xff}"),
        Err(ObserverFileError::NotUtf8 { valid_up_to: 6 })
    );
    let Err(ObserverFileError::NotJson { line, column, .. }) = verify(b"{\n  \"format\": 1,\n  ]")
    else {
        panic!("broken JSON was not reported as such");
    };
    assert_eq!((line, column), (3, 3));
    assert_eq!(
        verify(br#"{"format": "leadback-results", "version": 1}"#)
            .err()
            .map(|e| e.to_string()),
        Some(
            "this is a \"leadback-results\" file, not an observer's answers file \
             (\"leadback-observer-answers\")"
                .into()
        )
    );
    assert_eq!(
        verify(b"[1, 2]"),
        Err(ObserverFileError::WrongFormat { found: None })
    );
    assert_eq!(
        verify(br#"{"format": "leadback-observer-answers", "version": 2}"#),
        Err(ObserverFileError::UnsupportedVersion { found: "2".into() })
    );
}

#[test]
fn damaged_fields_are_named() {
    let cases = [
        (
            "\"request_id\": \"",
            "\"request_ix\": \"",
            "the \"request_id\" field is missing",
        ),
        (
            "\"f1\": 5",
            "\"f1\": 4.5",
            "the answer to \"f1\" is 4.5; it must be a whole number or null",
        ),
        (
            "\"instrument_version\": 1",
            "\"instrument_version\": \"1\"",
            "the \"instrument_version\" field is not a whole number",
        ),
        (
            "\"checksum\": \"",
            "\"checksum\": 7, \"was\": \"",
            "the \"checksum\" field is not text",
        ),
    ];
    for (old, new, problem) in cases {
        let original = valid().to_file_json();
        assert!(original.contains(old), "{old:?} not in {original}");
        let text = original.replacen(old, new, 1);
        assert_eq!(
            verify(text.as_bytes()),
            Err(ObserverFileError::Malformed {
                problem: problem.into()
            }),
            "{text}"
        );
    }
}

#[test]
fn peeking_needs_only_the_format_and_a_request_id() {
    assert_eq!(
        peek_request_id(&consistent(&valid())).as_deref(),
        Some(expected().request_id.as_str())
    );
    assert_eq!(peek_request_id(b"not json"), None);
    assert_eq!(peek_request_id(br#"{"request_id": "x"}"#), None);
    assert_eq!(
        peek_request_id(
            br#"{"format": "leadback-observer-answers", "version": 9, "request_id": "x"}"#
        )
        .as_deref(),
        Some("x")
    );
}

/// The byte ranges of every answer value (`5`, `null`…) in a file written by `to_file_json`.
fn value_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let Some(start) = text.find("\"answers\": {") else {
        return Vec::new();
    };
    let end = text[start..].find('}').map_or(text.len(), |e| start + e);
    let mut spans = Vec::new();
    let mut at = start + "\"answers\": {".len();
    while let Some(colon) = text[at..end].find("\": ") {
        let value_start = at + colon + 3;
        let value_end = text[value_start..end]
            .find([',', '\n'])
            .map_or(end, |e| value_start + e);
        spans.push(value_start..value_end);
        at = value_end;
    }
    spans
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = verify(&bytes);
        let _ = peek_request_id(&bytes);
    }

    #[test]
    fn mutated_valid_files_never_panic(
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        cut in 0usize..3,
    ) {
        let mut bytes = consistent(&valid());
        let i = at.index(bytes.len());
        match cut {
            0 => bytes[i] = byte,
            1 => { bytes.remove(i); }
            _ => bytes.insert(i, byte),
        }
        let _ = verify(&bytes);
        let _ = peek_request_id(&bytes);
    }

    /// Changing any one byte of any answer value, to anything else, is refused.
    #[test]
    fn any_single_byte_change_to_an_answer_is_refused(
        which in any::<prop::sample::Index>(),
        offset in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let text = valid().to_file_json();
        let spans = value_spans(&text);
        prop_assert_eq!(spans.len(), 4, "{}", text);
        let span = &spans[which.index(spans.len())];
        let i = span.start + offset.index(span.len());
        let mut bytes = text.into_bytes();
        prop_assume!(bytes[i] != byte);
        bytes[i] = byte;
        let result = verify(&bytes);
        prop_assert!(result.is_err(), "{:?} accepted", String::from_utf8_lossy(&bytes));
    }
}
