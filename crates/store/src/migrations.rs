//! The schema's history. Each entry is one `.sql` file under `migrations/`, applied in order; the
//! schema version is SQLite's `user_version`. Append only: a shipped migration is never edited,
//! because databases in the wild have already run it.

use std::sync::LazyLock;

use rusqlite_migration::{M, Migrations};

const STEPS: &[&str] = &[
    include_str!("../migrations/0001_people.sql"),
    include_str!("../migrations/0002_assessments.sql"),
    include_str!("../migrations/0003_habits.sql"),
    include_str!("../migrations/0004_exercises_journal_programmes.sql"),
    include_str!("../migrations/0005_coaching.sql"),
    include_str!("../migrations/0006_custom_instruments.sql"),
    include_str!("../migrations/0007_session_items.sql"),
    include_str!("../migrations/0008_observers.sql"),
    include_str!("../migrations/0009_journal_search_any_script.sql"),
];

pub(crate) static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect()));

/// The schema version this build creates and understands.
pub fn latest_schema_version() -> i64 {
    // A handful of migrations: the cast cannot truncate.
    STEPS.len() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_is_valid_sql_in_order() {
        assert!(MIGRATIONS.validate().is_ok(), "{:?}", MIGRATIONS.validate());
    }
}
