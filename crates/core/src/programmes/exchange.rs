//! The envelope shared by every file Leadback hands from one machine to another — a programme a
//! facilitator sends out, the results a participant sends back:
//! `{ "format": "leadback-…", "format_version": 1, … }`.
//!
//! Opening checks the envelope before anything else, so the message says what is really wrong: a
//! file of another kind, one made by a newer Leadback, one cut off while copying, or one that is not
//! JSON at all. JSON is written from [`Value`]s built field by field (no fallible serialiser), with
//! keys inserted in sorted order so the text is the same whichever map type `serde_json` was built
//! with.

use serde_json::error::Category;
use serde_json::{Map, Value};
use thiserror::Error;

/// The largest exchange file read: far above any real programme or results file, small enough that
/// a wrong file (a photo, a backup) is refused before it is parsed.
pub const MAX_FILE_BYTES: usize = 1_000_000;

/// The `format` of a programme file.
pub const PROGRAMME_FORMAT: &str = "leadback-programme";
/// The `format` of a participant's results file.
pub const RESULTS_FORMAT: &str = "leadback-results";

/// Why an exchange file could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExchangeError {
    #[error("the file is {bytes} bytes; {} files are at most {max} bytes", describe(.expected))]
    TooLarge {
        expected: &'static str,
        bytes: usize,
        max: usize,
    },
    #[error(
        "the file ends too early, so it was probably cut off while copying; export it again ({message})"
    )]
    Truncated { message: String },
    #[error("this is not {}: it is not valid JSON ({message})", describe(.expected))]
    Malformed {
        expected: &'static str,
        message: String,
    },
    #[error("this is {}, not {}", found_kind(.found), describe(.expected))]
    WrongKind {
        expected: &'static str,
        found: Option<String>,
    },
    #[error(
        "this file was made by a newer Leadback (format version {found}; this one reads up to {supported}); update Leadback to open it"
    )]
    NewerVersion { found: i64, supported: u32 },
    #[error("the format_version is {found}; it must be a whole number from 1 up")]
    BadVersion { found: String },
    #[error("this is {} but it is damaged: {message}", describe(.expected))]
    Fields {
        expected: &'static str,
        message: String,
    },
}

fn describe(format: &str) -> String {
    match format {
        PROGRAMME_FORMAT => "a Leadback programme file".to_owned(),
        RESULTS_FORMAT => "a participant's results file".to_owned(),
        other => format!("a {other:?} file"),
    }
}

fn found_kind(found: &Option<String>) -> String {
    match found {
        Some(format) => describe(format),
        None => "not a Leadback file (it has no \"format\")".to_owned(),
    }
}

/// Checks the size, the JSON, the `format` and the `format_version` of an exchange file, and returns
/// the whole JSON value for the caller to read its own fields from.
pub(crate) fn open(
    text: &str,
    expected: &'static str,
    supported: u32,
) -> Result<Value, ExchangeError> {
    if text.len() > MAX_FILE_BYTES {
        let (bytes, max) = (text.len(), MAX_FILE_BYTES);
        return Err(ExchangeError::TooLarge {
            expected,
            bytes,
            max,
        });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        if e.classify() == Category::Eof {
            ExchangeError::Truncated { message }
        } else {
            ExchangeError::Malformed { expected, message }
        }
    })?;
    let format = value.get("format").and_then(Value::as_str);
    if format != Some(expected) {
        let found = format.map(str::to_owned);
        return Err(ExchangeError::WrongKind { expected, found });
    }
    let version = value.get("format_version");
    match version.and_then(Value::as_i64) {
        Some(found) if found > i64::from(supported) => {
            Err(ExchangeError::NewerVersion { found, supported })
        }
        Some(found) if found >= 1 => Ok(value),
        _ => Err(ExchangeError::BadVersion {
            found: version.map_or_else(|| "missing".to_owned(), Value::to_string),
        }),
    }
}

/// Reads the checked envelope into the file's own typed struct, refusing unknown, missing and
/// wrongly typed fields.
pub(crate) fn fields<T: serde::de::DeserializeOwned>(
    value: Value,
    expected: &'static str,
) -> Result<T, ExchangeError> {
    serde_json::from_value(value).map_err(|e| ExchangeError::Fields {
        expected,
        message: e.to_string(),
    })
}

/// A JSON object with its keys inserted in sorted order, so it prints the same whether or not
/// `serde_json`'s `preserve_order` feature is on somewhere in the build.
pub(crate) fn object(mut fields: Vec<(&str, Value)>) -> Value {
    fields.sort_by(|a, b| a.0.cmp(b.0));
    let mut map = Map::new();
    for (key, value) in fields {
        map.insert(key.to_owned(), value);
    }
    Value::Object(map)
}

pub(crate) fn string(s: &str) -> Value {
    Value::String(s.to_owned())
}
