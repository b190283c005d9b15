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
