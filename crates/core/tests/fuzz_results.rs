//! Fuzzing the results file a participant sends back: arbitrary text and arbitrary fields (sealed
//! with a correct checksum, so they reach the rules behind it) are opened or refused with a
//! message, never a panic; and a sealed file damaged in any way is either refused or opens as
//! exactly what was sealed — same content, same checksum. Nothing changed slips through.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use std::sync::LazyLock;

use common::{
    TextEdit, apply_text, arbitrary_text, assert_clear, config, json_keys, json_value, text_edits,
};
use leadback_core::assessment::StanceScores;
use leadback_core::cohort::{ResultsFile, ResultsFileError};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

fn scores(front: Option<f64>, behind: Option<f64>, servant: Option<f64>) -> StanceScores {
    StanceScores {
        front,
        behind,
        servant,
    }
}

/// Files as participants send them: with and without a name, scores, exercises.
static SEALED: LazyLock<Vec<ResultsFile>> = LazyLock::new(|| {
    let exercises = ["walk-at-the-back".to_owned(), "listen-first".to_owned()];
    vec![
        ResultsFile::new(
            "three-days-at-the-back",
            "falcon-7",
            Some("Ada Lovelace"),
            Some(scores(Some(62.5), Some(40.0), None)),
            Some(scores(Some(55.0), Some(48.3), Some(71.0))),
            &exercises,
        )
        .unwrap(),
        ResultsFile::new("p", "🙂 code", None, None, None, &[]).unwrap(),
        ResultsFile::new(
            "retreat-2",
            "x",
            Some("Zoë \"Z\" O'Neil"),
            Some(scores(Some(0.0), Some(100.0), Some(0.1))),
            None,
            &exercises[..1],
        )
        .unwrap(),
    ]
});

/// Opens `text`; a refusal must say what is wrong.
fn open(text: &str) -> Result<ResultsFile, ResultsFileError> {
    let opened = ResultsFile::open(text);
    if let Err(err) = &opened {
        assert_clear(&err.to_string(), "");
    }
    opened
}

/// A damaged `original` is refused, or opens as `original` itself.
fn refused_or_identical(original: &ResultsFile, damaged: &str) {
    if let Ok(opened) = open(damaged) {
        assert_eq!(&opened, original, "a changed file opened as other content");
        assert_eq!(opened.checksum(), original.checksum());
    }
}

/// A score as a participant's file might hold it: on the scale or off it, in tenths or finer.
/// Few significant digits, so it reads back from JSON as exactly the same `f64`.
fn score() -> impl Strategy<Value = Option<f64>> {
    proptest::option::weighted(
        0.8,
        prop_oneof![
            (0i64..=1000).prop_map(|t| t as f64 / 10.0),
            (-200i64..=10_200).prop_map(|h| h as f64 / 100.0),
            Just(-0.0),
            Just(1e300),
        ],
    )
}

fn stance_scores() -> impl Strategy<Value = Option<Value>> {
    proptest::option::of((score(), score(), score())).prop_map(|s| {
        s.map(|(front, behind, servant)| {
            // Keys in sorted order, as the canonical form has them.
            json!({ "behind": behind, "front": front, "servant": servant })
        })
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-z]{1,8}(-[a-z0-9]{1,8}){0,2}",
        2 => ".{0,50}",
        1 => "[ \\t\\n]{0,3}",
        1 => (0usize..200).prop_map(|n| "x".repeat(n)),
    ]
}

/// A value for any field of a results file: mostly of a type some field has.
fn field_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        2 => text().prop_map(Value::String),
        1 => Just(Value::Null),
        2 => stance_scores().prop_map(|s| s.unwrap_or(Value::Null)),
        2 => proptest::collection::vec(text(), 0..4).prop_map(|ids| json!(ids)),
        2 => json_value(json_keys(&SEALED[0].seal())),
    ]
}

/// A results file written field by field with a correct checksum: what another program that knows
/// the format could send.
fn sealed_by_hand() -> impl Strategy<Value = String> {
    (
        text(),
        text(),
        proptest::option::of(text()),
        stance_scores(),
        stance_scores(),
        proptest::collection::vec(text(), 0..8),
        any::<bool>(),
    )
        .prop_map(|(programme, code, name, pre, post, exercises, upper)| {
            // Keys in sorted order, as the canonical form has them.
            let canonical = json!({
                "exercises_completed": exercises,
                "format": "leadback-results",
                "format_version": 1,
                "name": name,
                "participant_code": code,
                "post": post,
                "pre": pre,
                "programme_id": programme,
            });
            let digest = Sha256::digest(canonical.to_string().as_bytes());
            let mut checksum: String = digest.iter().map(|b| format!("{b:02x}")).collect();
            if upper {
                checksum.make_ascii_uppercase();
            }
            let mut file = canonical;
            file["checksum"] = Value::String(checksum);
            format!("{file:#}")
        })
}

#[test]
fn the_sealed_files_open_as_themselves() {
    // The mutations below start from these files; if they were refused they would test nothing.
    for file in SEALED.iter() {
        assert_eq!(open(&file.seal()).as_ref(), Ok(file));
    }
}

proptest! {
    #![proptest_config(config(concat!(env!("CARGO_MANIFEST_DIR"), "/proptest-regressions/fuzz_results.txt")))]

    #[test]
    fn arbitrary_text_is_opened_or_refused(text in arbitrary_text()) {
        let _ = open(&text);
    }

    #[test]
    fn fields_sealed_by_hand_are_opened_or_refused_by_the_rules(text in sealed_by_hand()) {
        match open(&text) {
            // The checksum is right: only the rules may refuse it.
            Err(ResultsFileError::ChecksumMismatch) => prop_assert!(false, "checksum refused:\n{text}"),
            Err(_) => {}
            Ok(opened) => {
                // Opened values are tidied (trimmed, rounded, sorted) and seal again as themselves.
                prop_assert_eq!(open(&opened.seal()), Ok(opened));
            }
        }
    }

    #[test]
    fn a_damaged_results_file_is_refused_or_identical(which in any::<Index>(), edits in text_edits()) {
        let original = which.get(&SEALED);
        refused_or_identical(original, &apply_text(&original.seal(), &edits));
    }

    #[test]
    fn a_results_file_with_one_field_replaced_is_refused_or_identical(
        which in any::<Index>(),
        field in any::<Index>(),
        value in field_value(),
        compact in any::<bool>(),
    ) {
        let original = which.get(&SEALED);
        let mut file: Value = serde_json::from_str(&original.seal()).unwrap();
        let object = file.as_object_mut().unwrap();
        let key = field.get(&object.keys().cloned().collect::<Vec<_>>()).clone();
        object.insert(key, value);
        let text = if compact { file.to_string() } else { format!("{file:#}") };
        refused_or_identical(original, &text);
    }

    #[test]
    fn a_results_file_with_bytes_changed_is_refused_or_identical(
        which in any::<Index>(),
        edits in proptest::collection::vec(common::byte_edit().prop_map(TextEdit::Bytes), 1..4),
    ) {
        let original = which.get(&SEALED);
        refused_or_identical(original, &apply_text(&original.seal(), &edits));
    }
}
