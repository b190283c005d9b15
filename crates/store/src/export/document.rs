//! The export document: its format, its tables, and reading and writing it as JSON.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value as JsonValue;

use crate::StoreError;

/// The `format` of an export document.
pub const EXPORT_FORMAT: &str = "leadback-export";
/// The newest export format this version writes and reads.
pub const EXPORT_FORMAT_VERSION: u32 = 1;

/// Tables whose rows triggers write from other tables. They are exported like the rest (their ids
/// order the journal), and imported last, replacing what the triggers wrote.
pub const DERIVED_TABLES: &[&str] = &["journal_entry"];

/// One export: the schema version its tables follow, and each table's rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportDocument {
    pub format: String,
    pub format_version: u32,
    pub schema_version: i64,
    pub exported_at: DateTime<Utc>,
    /// By table name, in name order.
    pub tables: BTreeMap<String, ExportTable>,
}

/// A table's columns in schema order, and its rows in key order, each a value per column. Text
/// and numbers are JSON strings and numbers; a blob is `{"hex": "…"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<JsonValue>>,
}

impl ExportDocument {
    /// Reads a document from JSON text, refusing other kinds of file and newer formats.
    pub fn from_json(text: &str) -> Result<Self, StoreError> {
        let value: JsonValue = serde_json::from_str(text)
            .map_err(|err| bad(format!("it is not valid JSON ({err})")))?;
        match value.get("format").and_then(JsonValue::as_str) {
            Some(EXPORT_FORMAT) => {}
            Some(other) => {
                return Err(bad(format!(
                    "it is a {other:?} file, not a Leadback export"
                )));
            }
            None => {
                return Err(bad(
                    "it is not a Leadback export (it has no \"format\")".into()
                ));
            }
        }
        match value.get("format_version").and_then(JsonValue::as_u64) {
            Some(v) if v > u64::from(EXPORT_FORMAT_VERSION) => {
                return Err(bad(format!(
                    "it was made by a newer Leadback (export format {v}; this one reads up to {EXPORT_FORMAT_VERSION})"
                )));
            }
            Some(v) if v >= 1 => {}
            _ => {
                return Err(bad(
                    "its format_version is missing or not a whole number from 1 up".into(),
                ));
            }
        }
        serde_json::from_value(value)
            .map_err(|err| bad(format!("its contents are not as expected ({err})")))
    }

    /// The document as compact JSON text (an export of years of data is written and read in
    /// seconds; pretty-printing it would double its size).
    pub fn to_json(&self) -> Result<String, StoreError> {
        serde_json::to_string(self).map_err(|err| bad(err.to_string()))
    }

    /// Writes the document to `path` (see [`crate::paths::write_file`]).
    pub fn write_to(&self, path: &std::path::Path) -> Result<(), StoreError> {
        crate::paths::write_file(path, self.to_json()?)
    }

    /// Rows across all tables.
    pub fn row_count(&self) -> usize {
        self.tables.values().map(|t| t.rows.len()).sum()
    }
}

pub(super) fn bad(detail: String) -> StoreError {
    StoreError::BadExport(detail)
}
