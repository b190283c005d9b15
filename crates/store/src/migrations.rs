//! The schema's history. Each entry is one `.sql` file under `migrations/`, applied in order; the
//! schema version is SQLite's `user_version`. Append only: a shipped migration is never edited,
//! because databases in the wild have already run it.

use std::sync::LazyLock;

use rusqlite::Transaction;
use rusqlite_migration::{HookResult, M, Migrations};

use crate::ids;

/// One migration: its SQL, and for a step that changes rows in ways SQL alone cannot say, the Rust
/// that does it in the same transaction.
enum Step {
    Sql(&'static str),
    WithHook(&'static str, fn(&Transaction) -> HookResult),
}

const STEPS: &[Step] = &[
    Step::Sql(include_str!("../migrations/0001_people.sql")),
    Step::Sql(include_str!("../migrations/0002_assessments.sql")),
    Step::Sql(include_str!("../migrations/0003_habits.sql")),
    Step::Sql(include_str!(
        "../migrations/0004_exercises_journal_programmes.sql"
    )),
    Step::Sql(include_str!("../migrations/0005_coaching.sql")),
    Step::Sql(include_str!("../migrations/0006_custom_instruments.sql")),
    Step::Sql(include_str!("../migrations/0007_session_items.sql")),
    Step::Sql(include_str!("../migrations/0008_observers.sql")),
    Step::Sql(include_str!(
        "../migrations/0009_journal_search_any_script.sql"
    )),
    Step::WithHook(include_str!("../migrations/0010_sync_keys.sql"), ids::rekey),
    Step::Sql(include_str!("../migrations/0011_measurable_habits.sql")),
    Step::Sql(include_str!("../migrations/0012_journal_search_folded.sql")),
];

pub(crate) static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(
        STEPS
            .iter()
            .map(|step| match step {
                Step::Sql(sql) => M::up(sql),
                Step::WithHook(sql, hook) => M::up_with_hook(sql, *hook),
            })
            .collect(),
    )
});

/// The schema version this build creates and understands.
pub fn latest_schema_version() -> i64 {
    // A handful of migrations: the cast cannot truncate.
    STEPS.len() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `Migrations::validate` does, on a connection with the function the store gives every
    /// connection it opens (the journal's index calls `lb_fold`).
    #[test]
    fn every_migration_is_valid_sql_in_order() {
        let mut conn = rusqlite::Connection::open_in_memory().expect("a database in memory");
        crate::fold::register(&conn).expect("the store's functions");
        let migrated = MIGRATIONS.to_latest(&mut conn);
        assert!(migrated.is_ok(), "{migrated:?}");
    }
}
