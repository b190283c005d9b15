//! How values are kept as text in the database: instants (RFC 3339 UTC), local date-times and days.

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};

use crate::StoreError;

/// Instants are stored as RFC 3339 UTC text with milliseconds: sortable and readable in any tool.
pub(crate) fn timestamp(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn parse_timestamp(column: &str, text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|err| {
            StoreError::InvalidRecord(format!("{column} {text:?} is not a timestamp: {err}"))
        })
}

/// A local date-time as stored: "2026-11-22T09:30:00".
pub(crate) fn local(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

pub(crate) fn parse_local(column: &str, text: &str) -> Result<NaiveDateTime, StoreError> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").map_err(|err| {
        StoreError::InvalidRecord(format!("{column} {text:?} is not a local date-time: {err}"))
    })
}

pub(crate) fn parse_day(column: &str, text: &str) -> Result<NaiveDate, StoreError> {
    text.parse()
        .map_err(|err| StoreError::InvalidRecord(format!("{column} {text:?} is not a day: {err}")))
}

pub(crate) fn utc_as_naive(text: &str) -> Result<NaiveDateTime, StoreError> {
    Ok(parse_timestamp("timestamp", text)?.naive_utc())
}
