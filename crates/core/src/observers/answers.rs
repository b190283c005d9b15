//! The file an observer's form saves, and checking it when it comes back.
//!
//! The file is JSON: `{"format": "leadback-observer-answers", "version": 1, "request_id",
//! "instrument_id", "instrument_version", "answers": {item id: value or null}, "checksum"}`.
//! The checksum is SHA-256 over the canonical text below, never over JSON, because the browser and
//! Rust would not serialise JSON byte for byte alike:
//!
//! ```text
//! leadback-observer-answers v1
//! request_id=<request id>
//! instrument_id=<instrument id>
//! instrument_version=<version, decimal>
//! <item id>=<answer, decimal; nothing after '=' for a skip>   one line per key of "answers"
//! ```
//!
//! Answer lines are sorted by item id (ids are ASCII slugs, so byte order and JavaScript's default
//! sort agree); lines are joined by "\n" with no trailing newline; the text is UTF-8; the checksum
//! is written `sha256:` + 64 lowercase hex digits. The form's JavaScript builds the same text
//! (`canonicalText` in form.html, checked against [`canonical_text`] by a test that runs it).
//!
//! The checksum has no secret in it: it catches a file edited by hand or damaged on the way, not a
//! determined forger. Which request a file answers, and that each answers only once, is the
//! caller's to check against what it stored ([`ExpectedRequest`], [`peek_request_id`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::ObserverFileError;
use crate::assessment::Instrument;

/// The `format` tag of an answers file.
pub const ANSWERS_FORMAT: &str = "leadback-observer-answers";
/// The only `version` of the answers file this code reads and writes.
pub const ANSWERS_VERSION: u32 = 1;
/// An answers file for a few dozen statements is a few kilobytes; anything near this is not one.
pub const MAX_ANSWERS_BYTES: usize = 1024 * 1024;

/// What the caller sent the form for; a returned file must match it exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExpectedRequest {
    pub request_id: String,
    pub instrument_id: String,
    pub instrument_version: u32,
}

/// One observer's answers to one request: item id → value on the scale, `None` a skip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ObserverAnswers {
    pub request_id: String,
    pub instrument_id: String,
    pub instrument_version: u32,
    pub answers: BTreeMap<String, Option<i64>>,
}

impl ObserverAnswers {
    /// The text the checksum is computed over; see the module docs.
    pub fn canonical_text(&self) -> String {
        canonical_text(
            &self.request_id,
            &self.instrument_id,
            i64::from(self.instrument_version),
            &self.answers,
        )
    }

    /// `sha256:` and the hex digest of [`Self::canonical_text`].
    pub fn checksum(&self) -> String {
        checksum(&self.canonical_text())
    }

    /// The answers as the file the HTML form saves, checksum included: for answers typed into the
    /// app itself, and for tests.
    pub fn to_file_json(&self) -> String {
        let file = serde_json::json!({
            "format": ANSWERS_FORMAT,
            "version": ANSWERS_VERSION,
            "request_id": self.request_id,
            "instrument_id": self.instrument_id,
            "instrument_version": self.instrument_version,
            "answers": self.answers,
            "checksum": self.checksum(),
        });
        format!("{file:#}\n")
    }
}

/// The canonical text of an answers file's contents (see the module docs).
pub fn canonical_text(
    request_id: &str,
    instrument_id: &str,
    instrument_version: i64,
    answers: &BTreeMap<String, Option<i64>>,
) -> String {
    let mut lines = vec![
        format!("{ANSWERS_FORMAT} v{ANSWERS_VERSION}"),
        format!("request_id={request_id}"),
        format!("instrument_id={instrument_id}"),
        format!("instrument_version={instrument_version}"),
    ];
    lines.extend(answers.iter().map(|(id, value)| match value {
        Some(value) => format!("{id}={value}"),
        None => format!("{id}="),
    }));
    lines.join("\n")
}

/// `sha256:` followed by the lowercase hex SHA-256 of `text`'s UTF-8 bytes.
pub fn checksum(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for byte in digest {
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// The request id a file claims to answer, read without checking anything but the format tag (not
/// the version, not the checksum): for messages such as "this file answers request X" when
/// [`verify_answers`] refuses it. Never trust it further.
pub fn peek_request_id(bytes: &[u8]) -> Option<String> {
    let object = tagged_object(bytes).ok()?;
    object.get("request_id")?.as_str().map(str::to_owned)
}

/// Checks a file brought back from an observer, in this order: size, UTF-8, JSON, format tag,
/// version, shape, checksum, request, instrument, item ids, values on the scale, at least one
/// answer. The checksum comes before anything is believed; the request before the instrument, so
/// a file for another request is reported as such.
pub fn verify_answers(
    bytes: &[u8],
    expected: &ExpectedRequest,
    instrument: &Instrument,
) -> Result<ObserverAnswers, ObserverFileError> {
    let object = object(bytes)?;
    let file = RawFile::read(&object)?;
    let canonical = canonical_text(
        &file.request_id,
        &file.instrument_id,
        file.instrument_version,
        &file.answers,
    );
    if checksum(&canonical) != file.checksum {
        return Err(ObserverFileError::ChecksumMismatch {
            request_id: file.request_id,
        });
    }
    if file.request_id != expected.request_id {
        return Err(ObserverFileError::OtherRequest {
            expected: expected.request_id.clone(),
            found: file.request_id,
        });
    }
    let wrong_instrument = |expected_id: &str, expected_version: u32| {
        (file.instrument_id != expected_id
            || file.instrument_version != i64::from(expected_version))
        .then(|| ObserverFileError::WrongInstrument {
            expected_id: expected_id.to_owned(),
            expected_version,
            found_id: file.instrument_id.clone(),
            found_version: file.instrument_version,
        })
    };
    let refused = wrong_instrument(&expected.instrument_id, expected.instrument_version)
        .or_else(|| wrong_instrument(instrument.id(), instrument.version()));
    if let Some(refused) = refused {
        return Err(refused);
    }
    let scale = instrument.scale();
    for (id, value) in &file.answers {
        if !instrument.items().iter().any(|item| &item.id == id) {
            return Err(ObserverFileError::UnknownItem { id: id.clone() });
        }
        if let Some(value) = *value
            && !scale.contains(value)
        {
            return Err(ObserverFileError::OutOfScale {
                id: id.clone(),
                value,
                min: scale.min,
                max: scale.max,
            });
        }
    }
    if file.answers.values().all(Option::is_none) {
        return Err(ObserverFileError::NoAnswers {
            request_id: file.request_id,
        });
    }
    Ok(ObserverAnswers {
        request_id: file.request_id,
        instrument_id: file.instrument_id,
        instrument_version: expected.instrument_version,
        answers: file.answers,
    })
}

/// The file as a JSON object whose format tag and version are ours.
fn object(bytes: &[u8]) -> Result<Map<String, Value>, ObserverFileError> {
    let object = tagged_object(bytes)?;
    match object.get("version") {
        Some(version) if version.as_u64() == Some(u64::from(ANSWERS_VERSION)) => Ok(object),
        Some(version) => Err(ObserverFileError::UnsupportedVersion {
            found: version.to_string(),
        }),
        None => Err(malformed("the \"version\" field is missing".to_owned())),
    }
}

/// The file as a JSON object whose format tag is ours, whatever its version.
fn tagged_object(bytes: &[u8]) -> Result<Map<String, Value>, ObserverFileError> {
    if bytes.len() > MAX_ANSWERS_BYTES {
        return Err(ObserverFileError::TooLarge {
            size: bytes.len(),
            max: MAX_ANSWERS_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ObserverFileError::NotUtf8 {
        valid_up_to: e.valid_up_to(),
    })?;
    let value: Value = serde_json::from_str(text).map_err(|e| ObserverFileError::NotJson {
        line: e.line(),
        column: e.column(),
        message: json_message(&e),
    })?;
    let Value::Object(object) = value else {
        return Err(ObserverFileError::WrongFormat { found: None });
    };
    match object.get("format") {
        Some(Value::String(tag)) if tag == ANSWERS_FORMAT => {}
        Some(Value::String(tag)) => {
            return Err(ObserverFileError::WrongFormat {
                found: Some(tag.clone()),
            });
        }
        _ => return Err(ObserverFileError::WrongFormat { found: None }),
    }
    Ok(object)
}

/// serde_json's message without its own " at line 1 column 2" tail, which we report separately.
fn json_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    }
}

/// The fields of a file, typed but not yet checked against anything.
struct RawFile {
    request_id: String,
    instrument_id: String,
    instrument_version: i64,
    answers: BTreeMap<String, Option<i64>>,
    checksum: String,
}

impl RawFile {
    fn read(object: &Map<String, Value>) -> Result<RawFile, ObserverFileError> {
        let text = |field: &str| match object.get(field) {
            Some(Value::String(value)) => Ok(value.clone()),
            Some(_) => Err(malformed(format!("the \"{field}\" field is not text"))),
            None => Err(malformed(format!("the \"{field}\" field is missing"))),
        };
        let instrument_version = match object.get("instrument_version") {
            Some(value) => value.as_i64().ok_or_else(|| {
                malformed("the \"instrument_version\" field is not a whole number".to_owned())
            })?,
            None => {
                return Err(malformed(
                    "the \"instrument_version\" field is missing".into(),
                ));
            }
        };
        let answers = match object.get("answers") {
            Some(Value::Object(answers)) => answers
                .iter()
                .map(|(id, value)| match value {
                    Value::Null => Ok((id.clone(), None)),
                    value => value
                        .as_i64()
                        .map(|v| (id.clone(), Some(v)))
                        .ok_or_else(|| {
                            malformed(format!(
                                "the answer to {id:?} is {value}; it must be a whole number or null"
                            ))
                        }),
                })
                .collect::<Result<_, _>>()?,
            Some(_) => return Err(malformed("the \"answers\" field is not an object".into())),
            None => return Err(malformed("the \"answers\" field is missing".into())),
        };
        Ok(RawFile {
            request_id: text("request_id")?,
            instrument_id: text("instrument_id")?,
            instrument_version,
            answers,
            checksum: text("checksum")?,
        })
    }
}

fn malformed(problem: String) -> ObserverFileError {
    ObserverFileError::Malformed { problem }
}
