//! Which tables travel between devices, and which of their columns hold text a person wrote.

/// Whether a table's rows sync. What stays on one device: its settings (passphrase, lock, window,
/// sync itself), sync's own records, and everything derived from other rows (the journal's index,
/// kept strengths), which each device rebuilds from what it receives.
pub(crate) fn is_synced(table: &str) -> bool {
    let local_prefixes = ["sync_", "derived_", "sqlite_", "journal_search"];
    !local_prefixes.iter().any(|p| table.starts_with(p))
        && !matches!(table, "setting" | "journal_entry")
}

/// A column of a person's own writing: when a conflict replaces it, the losing text is kept as a
/// journal note. `what` names it for the note; `owner` is the SQL giving the person and the day
/// the note goes under, from the row's key columns (`:name` for each), read after the change
/// went in: when it finds nothing (the owner was erased), nothing is kept.
pub(crate) struct WrittenText {
    pub table: &'static str,
    pub column: &'static str,
    pub what: &'static str,
    pub owner: &'static str,
}

pub(crate) const WRITTEN_TEXT: &[WrittenText] = &[
    WrittenText {
        table: "check_in",
        column: "note",
        what: "a check-in note",
        owner: "SELECT h.person_id, :day FROM habit h WHERE h.id = :habit_id",
    },
    WrittenText {
        table: "energy_check_in",
        column: "note",
        what: "an energy note",
        owner: "SELECT p.id, :day FROM person p WHERE p.id = :person_id",
    },
    WrittenText {
        table: "reflection",
        column: "text",
        what: "a reflection",
        owner: "SELECT r.person_id, substr(r.started_at, 1, 10) FROM exercise_run r WHERE r.id = :run_id",
    },
    WrittenText {
        table: "journal_note",
        column: "text",
        what: "a journal note",
        owner: "SELECT n.person_id, n.day FROM journal_note n WHERE n.id = :id",
    },
    WrittenText {
        table: "session",
        column: "notes",
        what: "session notes",
        owner: "SELECT s.person_id, substr(s.starts_at, 1, 10) FROM session s WHERE s.id = :id",
    },
    WrittenText {
        table: "session",
        column: "agenda",
        what: "a session agenda",
        owner: "SELECT s.person_id, substr(s.starts_at, 1, 10) FROM session s WHERE s.id = :id",
    },
];

/// Whose writing a row holds, and its day.
pub(crate) type Owner = (i64, String);

/// For a deleted row of a table of a person's writing whose owner its key does not name (a
/// session, a journal note): the person and day, from the row as it was.
pub(crate) fn owner_of_deleted(
    conn: &rusqlite::Connection,
    change: &super::changes::Change,
) -> Result<Option<Owner>, crate::StoreError> {
    let names: Vec<String> = conn
        .prepare_cached("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?
        .query_map([&change.table], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(owner_of(&change.table, |column| {
        names
            .iter()
            .position(|n| n == column)
            .and_then(|i| change.old.get(i).cloned().flatten())
    }))
}

/// [`owner_of_deleted`] for a row of `table` whose columns `value` gives by name.
pub(crate) fn owner_of(
    table: &str,
    value: impl Fn(&str) -> Option<rusqlite::types::Value>,
) -> Option<Owner> {
    let (person_column, day_column) = match table {
        "session" => ("person_id", "starts_at"),
        "journal_note" => ("person_id", "day"),
        _ => return None,
    };
    match (value(person_column), value(day_column)) {
        (
            Some(rusqlite::types::Value::Integer(person)),
            Some(rusqlite::types::Value::Text(day)),
        ) => Some((person, day.chars().take(10).collect())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_persons_records_sync_and_a_devices_own_do_not() {
        for table in [
            "person",
            "habit",
            "check_in",
            "journal_note",
            "session",
            "programme",
        ] {
            assert!(is_synced(table), "{table}");
        }
        for table in [
            "setting",
            "sync_outbox",
            "journal_entry",
            "journal_search_data",
            "derived_habit",
        ] {
            assert!(!is_synced(table), "{table}");
        }
    }
}
