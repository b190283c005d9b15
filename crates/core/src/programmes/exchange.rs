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

use super::plain;

/// The largest exchange file read: far above any real programme or results file, small enough that
/// a wrong file (a photo, a backup) is refused before it is parsed.
pub const MAX_FILE_BYTES: usize = 1_000_000;

/// The `format` of a programme file.
pub const PROGRAMME_FORMAT: &str = "leadback-programme";
/// The `format` of a participant's results file.
pub const RESULTS_FORMAT: &str = "leadback-results";

/// Why an exchange file could not be opened. Each message is a sentence a facilitator or a
/// participant can act on: what is wrong, and where (a line and column, or a field).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExchangeError {
    #[error(
        "This file is too large to be {}: it has {bytes} bytes, and such a file has at most {max}.",
        describe(.expected)
    )]
    TooLarge {
        expected: &'static str,
        bytes: usize,
        max: usize,
    },
    #[error(
        "The file stops too early (at line {line}, column {column}), so it was probably cut off while it was copied. Export it again."
    )]
    Truncated { line: usize, column: usize },
    #[error(
        "This is not {}: at line {line}, column {column}, {problem}.",
        describe(.expected)
    )]
    Malformed {
        expected: &'static str,
        line: usize,
        column: usize,
        problem: String,
    },
    #[error("{}", wrong_kind(.expected, .found))]
    WrongKind {
        expected: &'static str,
        found: Option<String>,
    },
    #[error(
        "This file was made by a newer Leadback (file format {found}; this one reads up to {supported}). Update Leadback to open it."
    )]
    NewerVersion { found: i64, supported: u32 },
    #[error("{}", bad_version(.found))]
    BadVersion { found: String },
    #[error(
        "This is {}, but it is damaged: at line {line}, column {column}, {problem}.",
        describe(.expected)
    )]
    Fields {
        expected: &'static str,
        line: usize,
        column: usize,
        problem: String,
    },
}

fn wrong_kind(expected: &str, found: &Option<String>) -> String {
    match found {
        Some(format) => format!("This is {}, not {}.", describe(format), describe(expected)),
        None => format!(
            "This is not {}: it was not made by Leadback (it has no \"format\" field).",
            describe(expected)
        ),
    }
}

fn bad_version(found: &str) -> String {
    if found == "missing" {
        "The file has no \"format_version\" field, so Leadback cannot tell how to read it."
            .to_owned()
    } else {
        format!("The file's \"format_version\" is {found}; it must be a whole number from 1 up.")
    }
}

fn describe(format: &str) -> String {
    match format {
        PROGRAMME_FORMAT => "a Leadback programme file".to_owned(),
        RESULTS_FORMAT => "a participant's results file".to_owned(),
        other => format!("a {other:?} file"),
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
        let (line, column) = (e.line(), e.column());
        if e.classify() == Category::Eof {
            ExchangeError::Truncated { line, column }
        } else {
            let problem = plain::json_syntax(&e);
            ExchangeError::Malformed {
                expected,
                line,
                column,
                problem,
            }
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

/// Reads a file whose envelope [`open`] checked into the file's own typed struct, refusing
/// unknown, missing and wrongly typed fields with the line they are on.
pub(crate) fn fields<T: serde::de::DeserializeOwned>(
    text: &str,
    expected: &'static str,
) -> Result<T, ExchangeError> {
    serde_json::from_str(text).map_err(|e| ExchangeError::Fields {
        expected,
        line: e.line(),
        column: e.column(),
        problem: plain::data_problem(&e.to_string()),
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
