//! The `programme`, `programme_progress` and `cohort_result` tables. Programmes and results files
//! are stored as the exchange text they arrived in and validated again by the domain whenever they
//! are read, so a stored file can never bypass the rules.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use leadback_core::programmes::Programme;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

use crate::values::timestamp;
use crate::{BackupReason, Store, StoreError};

/// A stored programme file and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredProgramme {
    pub id: String,
    pub version: i64,
    pub title: String,
    /// The programme exchange file (JSON).
    pub body: String,
    /// "imported" or "authored".
    pub origin: String,
}

/// What deleting a programme removes with it, for the confirmation that names it (and, after
/// deleting, what went).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProgrammeDeletion {
    pub id: String,
    pub title: String,
    /// Items ticked off as done in it (by anyone on this computer).
    pub items_done: i64,
    /// Participants' results files imported for it.
    pub cohort_results: i64,
}

impl Store {
    /// What deleting the imported or authored programme `id` would remove. A built-in programme
    /// (one of `builtin`) cannot be deleted.
    pub fn programme_deletion_preview(
        &self,
        id: &str,
        builtin: &[Programme],
    ) -> Result<ProgrammeDeletion, StoreError> {
        preview(&self.conn, id, builtin)
    }

    /// Deletes an imported or authored programme with the progress ticked off in it and the
    /// participants' results imported for it, in one transaction. Exercise runs started from it
    /// stay (they are the person's own reflections), as do sessions that noted it.
    pub fn delete_programme(
        &mut self,
        id: &str,
        builtin: &[Programme],
    ) -> Result<ProgrammeDeletion, StoreError> {
        let tx = self.conn.transaction()?;
        let deleted = preview(&tx, id, builtin)?;
        tx.execute(
            "DELETE FROM programme_progress WHERE programme_id = ?1",
            [id],
        )?;
        tx.execute("DELETE FROM cohort_result WHERE programme_id = ?1", [id])?;
        tx.execute("DELETE FROM programme WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(deleted)
    }

    /// Saves (or replaces, by id) a programme's exchange file. An imported file never replaces a
    /// programme written here: the facilitator's own work is kept, and the import refused.
    pub fn save_programme(
        &mut self,
        programme: &StoredProgramme,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let authored: Option<String> = self
            .conn
            .query_row(
                "SELECT title FROM programme WHERE id = ?1 AND origin = 'authored'",
                [&programme.id],
                |row| row.get(0),
            )
            .optional()?;
        if let (Some(title), "imported") = (authored, programme.origin.as_str()) {
            return Err(StoreError::WouldReplaceAuthored {
                id: programme.id.clone(),
                title,
            });
        }
        self.conn.execute(
            "INSERT INTO programme (id, version, title, body, origin, saved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (id) DO UPDATE SET version = excluded.version, title = excluded.title,
               body = excluded.body, origin = excluded.origin, saved_at = excluded.saved_at",
            params![
                programme.id,
                programme.version,
                programme.title,
                programme.body,
                programme.origin,
                timestamp(now)
            ],
        )?;
        Ok(())
    }

    pub fn programmes(&self) -> Result<Vec<StoredProgramme>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, version, title, body, origin FROM programme ORDER BY title, id",
            )?
            .query_map([], |row| {
                Ok(StoredProgramme {
                    id: row.get(0)?,
                    version: row.get(1)?,
                    title: row.get(2)?,
                    body: row.get(3)?,
                    origin: row.get(4)?,
                })
            })?
            .collect::<Result<_, _>>()?)
    }

    /// Marks a programme item done (or not done any more).
    pub fn set_programme_item_done(
        &mut self,
        person_id: i64,
        programme_id: &str,
        item_key: &str,
        done: bool,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if done {
            self.conn.execute(
                "INSERT INTO programme_progress (person_id, programme_id, item_key, done_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT DO NOTHING",
                params![person_id, programme_id, item_key, timestamp(now)],
            )?;
        } else {
            self.conn.execute(
                "DELETE FROM programme_progress WHERE person_id = ?1 AND programme_id = ?2 AND item_key = ?3",
                params![person_id, programme_id, item_key],
            )?;
        }
        Ok(())
    }

    pub fn programme_items_done(
        &self,
        person_id: i64,
        programme_id: &str,
    ) -> Result<BTreeSet<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT item_key FROM programme_progress WHERE person_id = ?1 AND programme_id = ?2",
            )?
            .query_map(params![person_id, programme_id], |row| row.get(0))?
            .collect::<Result<_, _>>()?)
    }

    /// Stores participants' results files (already opened and checked), all or none; a
    /// participant's file replaces the one they sent before.
    pub fn import_cohort_results(
        &mut self,
        files: &[(String, String, String)],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.backup_now(BackupReason::BeforeImport, now)?;
        let tx = self.conn.transaction()?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO cohort_result (programme_id, participant_code, body, imported_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (programme_id, participant_code) DO UPDATE SET
                   body = excluded.body, imported_at = excluded.imported_at",
            )?;
            for (programme_id, code, body) in files {
                insert.execute(params![programme_id, code, body, timestamp(now)])?;
            }
        }
        tx.commit()
    }

    /// The stored results files of one programme's cohort.
    pub fn cohort_results(&self, programme_id: &str) -> Result<Vec<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT body FROM cohort_result WHERE programme_id = ?1 ORDER BY participant_code",
            )?
            .query_map([programme_id], |row| row.get(0))?
            .collect::<Result<_, _>>()?)
    }

    /// The programmes that have imported results, with how many participants each.
    pub fn cohorts(&self) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT programme_id, count(*) FROM cohort_result GROUP BY programme_id ORDER BY programme_id",
            )?
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?)
    }
}

fn preview(
    conn: &rusqlite::Connection,
    id: &str,
    builtin: &[Programme],
) -> Result<ProgrammeDeletion, StoreError> {
    if let Some(same) = builtin.iter().find(|p| p.id == id) {
        return Err(StoreError::BuiltInProgramme {
            title: same.title.clone(),
        });
    }
    let title: String = conn
        .query_row("SELECT title FROM programme WHERE id = ?1", [id], |row| {
            row.get(0)
        })
        .optional()?
        .ok_or_else(|| StoreError::NoProgramme { id: id.to_owned() })?;
    let count =
        |sql: &str| -> Result<i64, StoreError> { Ok(conn.query_row(sql, [id], |row| row.get(0))?) };
    Ok(ProgrammeDeletion {
        id: id.to_owned(),
        title,
        items_done: count("SELECT count(*) FROM programme_progress WHERE programme_id = ?1")?,
        cohort_results: count("SELECT count(*) FROM cohort_result WHERE programme_id = ?1")?,
    })
}
