//! The `custom_instrument` table: a coach's own instruments, kept as the text of the file they
//! imported, and the setting that says which instrument new assessments are taken on. Whether a
//! file is valid, and whether it clashes with one already here, is decided by the domain
//! (`InstrumentLibrary::check_custom`) before anything is written.

use chrono::{DateTime, Utc};
use leadback_core::assessment::{InstrumentError, InstrumentLibrary, StoredInstrument};
use rusqlite::{OptionalExtension, params};

use crate::values::{parse_timestamp, timestamp};
use crate::{Store, StoreError};

/// The `setting` key holding `ID@VERSION` of the instrument new assessments use; absent: the
/// built-in one.
const CHOSEN: &str = "assessment_instrument";

impl Store {
    /// Every imported instrument, by id and version.
    pub fn custom_instruments(&self) -> Result<Vec<StoredInstrument>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT instrument_id, instrument_version, file_text, imported_at
             FROM custom_instrument ORDER BY instrument_id, instrument_version",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
            ))
        })?;
        let mut all = Vec::new();
        for row in rows {
            let (id, version, text, imported_at) = row?;
            all.push(StoredInstrument {
                id,
                version,
                text,
                imported_at: parse_timestamp("imported_at", &imported_at)?,
            });
        }
        Ok(all)
    }

    /// `base` (the built-in library) with every imported instrument added and the chosen one
    /// made current, as the app and the CLI both see this database. Stored files that no longer
    /// load, and a choice that names a missing instrument, are returned as warnings and skipped.
    pub fn instrument_library(
        &self,
        base: InstrumentLibrary,
    ) -> Result<(InstrumentLibrary, Vec<String>), StoreError> {
        let (mut library, broken) = base.with_stored(self.custom_instruments()?);
        let mut warnings: Vec<String> = broken.iter().map(InstrumentError::to_string).collect();
        if let Some((id, version)) = self.chosen_instrument()?
            && let Err(err) = library.choose(&id, version)
        {
            warnings.push(format!(
                "the chosen instrument is gone, using the built-in one: {err}"
            ));
        }
        Ok((library, warnings))
    }

    /// The stored text of one imported instrument version, if it is here.
    pub fn custom_instrument_text(
        &self,
        id: &str,
        version: i64,
    ) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT file_text FROM custom_instrument
                 WHERE instrument_id = ?1 AND instrument_version = ?2",
                params![id, version],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Saves a checked instrument file. An id and version already here are left as they are
    /// (the check has refused a different text for them); returns whether a row was added.
    pub fn add_custom_instrument(
        &mut self,
        id: &str,
        version: i64,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let added = self.conn.execute(
            "INSERT INTO custom_instrument
                 (instrument_id, instrument_version, file_text, imported_at)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (instrument_id, instrument_version) DO NOTHING",
            params![id, version, text, timestamp(now)],
        )?;
        Ok(added == 1)
    }

    /// The instrument new assessments use, when one was chosen; none means the built-in one.
    pub fn chosen_instrument(&self) -> Result<Option<(String, i64)>, StoreError> {
        let Some(value) = self.setting(CHOSEN)? else {
            return Ok(None);
        };
        value
            .rsplit_once('@')
            .and_then(|(id, version)| Some((id.to_owned(), version.parse().ok()?)))
            .map(Some)
            .ok_or_else(|| {
                StoreError::InvalidRecord(format!(
                    "the chosen instrument {value:?} is not ID@VERSION"
                ))
            })
    }

    /// Remembers which instrument new assessments use (already checked to exist).
    pub fn choose_instrument(&mut self, id: &str, version: i64) -> Result<(), StoreError> {
        self.set_setting(CHOSEN, &format!("{id}@{version}"))
    }
}
