//! Erasing a client with everything about them, and what that would delete.

use leadback_core::clients::ErasePreview;

use crate::{Store, StoreError};

impl Store {
    /// What erasing the person would delete.
    pub fn erase_preview(&self, person_id: i64) -> Result<ErasePreview, StoreError> {
        let person = self.client(person_id)?;
        let count = |sql: &str| -> Result<i64, StoreError> {
            Ok(self.conn.query_row(sql, [person_id], |row| row.get(0))?)
        };
        Ok(ErasePreview {
            name: person.name,
            sessions: count("SELECT count(*) FROM session WHERE person_id = ?1")?,
            assessments: count("SELECT count(*) FROM assessment WHERE person_id = ?1")?,
            habits: count("SELECT count(*) FROM habit WHERE person_id = ?1")?,
            check_ins: count(
                "SELECT count(*) FROM check_in c JOIN habit h ON h.id = c.habit_id
                 WHERE h.person_id = ?1",
            )?,
            exercise_runs: count("SELECT count(*) FROM exercise_run WHERE person_id = ?1")?,
            journal_entries: count("SELECT count(*) FROM journal_entry WHERE person_id = ?1")?,
            consents: count("SELECT count(*) FROM consent WHERE person_id = ?1")?,
            observer_forms: count("SELECT count(*) FROM observer_request WHERE person_id = ?1")?,
            observer_answers: count(
                "SELECT count(*) FROM observer_request
                 WHERE person_id = ?1 AND answered_at IS NOT NULL",
            )?,
        })
    }

    /// Deletes a client and everything about them in one transaction, with SQLite overwriting
    /// what it deletes; the search index is rebuilt and the write-ahead log emptied, so none of
    /// their words remain in the database files. "Me" cannot be erased this way.
    pub fn erase_person(&mut self, person_id: i64) -> Result<ErasePreview, StoreError> {
        let preview = self.erase_preview(person_id)?;
        self.scrubbing(|store| {
            let tx = store.conn.transaction()?;
            tx.execute("DELETE FROM person WHERE id = ?1", [person_id])?;
            tx.execute(OPTIMIZE_JOURNAL_INDEX, [])?;
            tx.commit()
        })?;
        if self.acting == Some(person_id) {
            self.acting = None;
        }
        Ok(preview)
    }

    /// Runs `work` with SQLite overwriting what it deletes, then empties the write-ahead log into
    /// the file, so that nothing deleted stays readable in either file: erasing a client here,
    /// applying another computer's erasure, and clearing the sync outbox that carried one.
    pub(crate) fn scrubbing<T>(
        &mut self,
        work: impl FnOnce(&mut Self) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.conn.pragma_update(None, "secure_delete", true)?;
        let done = work(self);
        let checkpoint = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        self.conn.pragma_update(None, "secure_delete", false)?;
        let done = done?;
        checkpoint?;
        Ok(done)
    }
}

/// Merges the journal index's segments: FTS5 keeps deleted words in them until they are merged.
pub(crate) const OPTIMIZE_JOURNAL_INDEX: &str =
    "INSERT INTO journal_search (journal_search) VALUES ('optimize')";
