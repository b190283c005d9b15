//! Everything a person has written, as one versioned JSON document, and back.
//!
//! The export is read from the schema itself (every table, every column), so a table added by a
//! later migration is exported without anyone remembering to list it. Left out is only the
//! full-text index, which the database rebuilds on its own.
//!
//! Importing builds the whole database in memory first, at the schema version the document was
//! written with, checks every row, every reference and the file's integrity, brings it up to this
//! version's schema, and only then copies it into the (empty) target in one step. A document that
//! fails any check writes nothing.

mod build;
mod document;
mod read;
pub(crate) mod schema;

use chrono::{DateTime, Utc};

use crate::{Store, StoreError};
use build::build;
pub use document::{
    DERIVED_TABLES, EXPORT_FORMAT, EXPORT_FORMAT_VERSION, ExportDocument, ExportTable,
};
use read::{export_conn, export_rows};

impl Store {
    /// Everything in the database, as a document.
    /// Every row about one person (the person, their consent, sessions, assessments, habits,
    /// check-ins, exercises, notes…), table by table in the export format: what a client is given
    /// when they ask for their data.
    pub fn export_person(
        &self,
        person_id: i64,
        now: DateTime<Utc>,
    ) -> Result<ExportDocument, StoreError> {
        self.person(person_id)?;
        export_rows(&self.conn, now, Some(person_id))
    }

    pub fn export_all(&self, now: DateTime<Utc>) -> Result<ExportDocument, StoreError> {
        // One read transaction, so a write landing mid-export cannot tear it.
        self.conn.execute_batch("BEGIN")?;
        let doc = export_conn(&self.conn, now);
        self.conn.execute_batch("COMMIT")?;
        doc
    }

    /// Fills this database, which must hold no data yet, from an export. Everything is checked
    /// before anything is written; on any error the database is unchanged.
    pub fn import_all(&mut self, doc: &ExportDocument) -> Result<(), StoreError> {
        let built = build(doc)?;
        let existing = export_conn(&self.conn, doc.exported_at)?;
        if let Some((table, _)) = existing.tables.iter().find(|(_, t)| !t.rows.is_empty()) {
            return Err(StoreError::NotEmpty {
                table: table.clone(),
            });
        }
        if self.in_sync_group() {
            // Sent on to the other devices, and this device stays in its group.
            self.conn.replace_in_group(&built)?;
            return Ok(());
        }
        let backup = rusqlite::backup::Backup::new(&built, self.conn.raw_mut())?;
        // All pages in one step: no other connection ever sees half an import.
        match backup.step(-1)? {
            rusqlite::backup::StepResult::Done => Ok(()),
            other => Err(StoreError::Backup(format!(
                "The import could not be written in one step ({other:?}); nothing was changed."
            ))),
        }
    }
}
