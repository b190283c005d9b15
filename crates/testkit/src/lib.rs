//! What Leadback's tests share instead of each keeping a copy: the fixed day most tests live on,
//! a client added in one call, and where the Loop Habit Tracker's real files are. Used only as a dev-dependency; product code never depends on
//! it. A helper panics on failure, as a test would: a panic here is a failing test's report.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use leadback_core::clients::ClientDetails;
use leadback_store::Store;

/// A moment in UTC, for a test's fixed clock.
pub fn at(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, hour, minute, 0)
        .single()
        .expect("a valid test time")
}

/// The moment most tests take as "now": 22 November 2026, 09:00 UTC.
pub fn now() -> DateTime<Utc> {
    at(2026, 11, 22, 9, 0)
}

/// The day of [`now`].
pub fn today() -> NaiveDate {
    now().date_naive()
}

/// Adds a client with no contact or tags, who agreed to `terms` today; returns their id.
pub fn add_client(store: &mut Store, name: &str, terms: &str) -> i64 {
    let details = ClientDetails {
        name: name.into(),
        contact: None,
        tags: Vec::new(),
    };
    store
        .add_client(&details, today(), terms, now())
        .expect("the client is added")
        .person
        .id
}

/// A real Loop Habit Tracker file (or folder) in the shared fixtures beside the repository, e.g.
/// `loop-schema12.db` or `csv_export`.
pub fn loop_fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/loop-habit-tracker")
        .join(name)
}
