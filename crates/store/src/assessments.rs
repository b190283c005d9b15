//! The `assessment*` tables: raw answers of self-assessments, saved one by one as they are given so
//! that closing (or killing) the app mid-questionnaire loses nothing.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use leadback_core::assessment::AnswerSheet;
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;
use ts_rs::TS;

use crate::ids::new_id;
use crate::values::{parse_timestamp, timestamp};
use crate::{Store, StoreError};

/// One assessment as stored: which instrument (and version) it used and every answer given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AssessmentRecord {
    pub id: i64,
    pub person_id: i64,
    pub instrument_id: String,
    pub instrument_version: i64,
    pub started_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
    pub position: i64,
    /// Item id → the value chosen, or `None` where the person skipped it.
    pub answers: BTreeMap<String, Option<i64>>,
    /// Scenario id → the option chosen, or `None` where the person skipped it.
    pub choices: BTreeMap<String, Option<String>>,
}

impl AssessmentRecord {
    /// The answers in the form scoring takes; skipped scenarios are simply absent.
    pub fn sheet(&self) -> AnswerSheet {
        AnswerSheet {
            answers: self.answers.clone(),
            scenarios: self
                .choices
                .iter()
                .filter_map(|(scenario, option)| Some((scenario.clone(), option.clone()?)))
                .collect(),
        }
    }
}

const COLUMNS: &str =
    "id, person_id, instrument_id, instrument_version, started_at, completed_at, position";

impl Store {
    /// The person's unfinished assessment, if there is one.
    pub fn open_assessment(&self, person_id: i64) -> Result<Option<AssessmentRecord>, StoreError> {
        let id: Option<i64> = self
            .conn
            .query_row(
                // Two left open on two computers at once: the newest is the one to resume.
                "SELECT id FROM assessment WHERE person_id = ?1 AND completed_at IS NULL
                 ORDER BY started_at DESC, id DESC LIMIT 1",
                [person_id],
                |row| row.get(0),
            )
            .optional()?;
        id.map(|id| self.assessment(id)).transpose()
    }

    /// Starts a new assessment, or returns the unfinished one (on any instrument) to resume.
    /// Refused for a client who withdrew consent.
    pub fn start_assessment(
        &mut self,
        person_id: i64,
        instrument_id: &str,
        instrument_version: i64,
        now: DateTime<Utc>,
    ) -> Result<AssessmentRecord, StoreError> {
        self.ensure_consent(person_id)?;
        if let Some(open) = self.open_assessment(person_id)? {
            return Ok(open);
        }
        self.conn.execute(
            concat!(
                "INSERT INTO assessment (id, person_id, instrument_id, instrument_version, started_at)
             VALUES (",
                new_id!("assessment"),
                ", ?1, ?2, ?3, ?4)"
            ),
            params![person_id, instrument_id, instrument_version, timestamp(now)],
        )?;
        self.assessment(self.conn.last_insert_rowid())
    }

    /// Saves (or replaces) one Likert answer and where to resume, in one transaction.
    pub fn save_answer(
        &mut self,
        assessment_id: i64,
        item_id: &str,
        value: Option<i64>,
        position: i64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.save_and_move(assessment_id, position, |tx| {
            tx.execute(
                "INSERT INTO assessment_answer (assessment_id, item_id, value, answered_at)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (assessment_id, item_id)
             DO UPDATE SET value = excluded.value, answered_at = excluded.answered_at",
                params![assessment_id, item_id, value, timestamp(now)],
            )
        })
    }

    /// Saves (or replaces) one scenario choice and where to resume, in one transaction.
    pub fn save_choice(
        &mut self,
        assessment_id: i64,
        scenario_id: &str,
        option_id: Option<&str>,
        position: i64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.save_and_move(assessment_id, position, |tx| {
            tx.execute(
                "INSERT INTO assessment_choice (assessment_id, scenario_id, option_id, answered_at)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (assessment_id, scenario_id)
             DO UPDATE SET option_id = excluded.option_id, answered_at = excluded.answered_at",
                params![assessment_id, scenario_id, option_id, timestamp(now)],
            )
        })
    }

    /// Moves the resume point without answering (back, forward).
    pub fn set_assessment_position(
        &mut self,
        assessment_id: i64,
        position: i64,
    ) -> Result<(), StoreError> {
        self.save_and_move(assessment_id, position, |_| Ok(0))
    }

    /// In one transaction on an unfinished assessment: `write`, then move the resume point.
    fn save_and_move(
        &mut self,
        assessment_id: i64,
        position: i64,
        write: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<usize>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        ensure_open(&tx, assessment_id)?;
        write(&tx)?;
        tx.execute(
            "UPDATE assessment SET position = ?2 WHERE id = ?1",
            params![assessment_id, position],
        )?;
        tx.commit()
    }

    /// Marks the assessment finished; its answers can no longer change.
    pub fn complete_assessment(
        &mut self,
        assessment_id: i64,
        now: DateTime<Utc>,
    ) -> Result<AssessmentRecord, StoreError> {
        let tx = self.conn.transaction()?;
        ensure_open(&tx, assessment_id)?;
        tx.execute(
            "UPDATE assessment SET completed_at = ?2 WHERE id = ?1",
            params![assessment_id, timestamp(now)],
        )?;
        tx.commit()?;
        self.assessment(assessment_id)
    }

    /// Deletes an unfinished assessment and its answers (the person chose to start over).
    pub fn discard_assessment(&mut self, assessment_id: i64) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        ensure_open(&tx, assessment_id)?;
        tx.execute("DELETE FROM assessment WHERE id = ?1", [assessment_id])?;
        tx.commit()
    }

    pub fn assessment(&self, id: i64) -> Result<AssessmentRecord, StoreError> {
        let mut record = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM assessment WHERE id = ?1"),
                [id],
                read_record,
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "assessment",
                id,
            })??;
        self.load_answers(&mut record)?;
        Ok(record)
    }

    /// The person's finished assessments, oldest first.
    pub fn completed_assessments(
        &self,
        person_id: i64,
    ) -> Result<Vec<AssessmentRecord>, StoreError> {
        let mut records = self
            .conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM assessment
                 WHERE person_id = ?1 AND completed_at IS NOT NULL
                 ORDER BY completed_at, id"
            ))?
            .query_map([person_id], read_record)?
            .collect::<Result<Result<Vec<_>, _>, _>>()??;
        for record in &mut records {
            self.load_answers(record)?;
        }
        Ok(records)
    }

    /// The Likert answers of every finished assessment taken with this instrument version, by
    /// anyone in the database (for its internal consistency), oldest first.
    pub fn completed_sheets(
        &self,
        instrument_id: &str,
        instrument_version: i64,
    ) -> Result<Vec<AnswerSheet>, StoreError> {
        let mut sheets: BTreeMap<i64, AnswerSheet> = BTreeMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, w.item_id, w.value FROM assessment a
             LEFT JOIN assessment_answer w ON w.assessment_id = a.id
             WHERE a.instrument_id = ?1 AND a.instrument_version = ?2
               AND a.completed_at IS NOT NULL",
        )?;
        let mut rows = stmt.query(params![instrument_id, instrument_version])?;
        while let Some(row) = rows.next()? {
            let sheet = sheets.entry(row.get(0)?).or_default();
            if let Some(item) = row.get::<_, Option<String>>(1)? {
                sheet.answers.insert(item, row.get(2)?);
            }
        }
        Ok(sheets.into_values().collect())
    }

    fn load_answers(&self, record: &mut AssessmentRecord) -> Result<(), StoreError> {
        record.answers = self
            .conn
            .prepare_cached(
                "SELECT item_id, value FROM assessment_answer WHERE assessment_id = ?1",
            )?
            .query_map([record.id], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        record.choices = self
            .conn
            .prepare_cached(
                "SELECT scenario_id, option_id FROM assessment_choice WHERE assessment_id = ?1",
            )?
            .query_map([record.id], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(())
    }
}

/// Answers may only change while the assessment is unfinished.
fn ensure_open(conn: &rusqlite::Connection, id: i64) -> Result<(), StoreError> {
    let completed: Option<Option<String>> = conn
        .query_row(
            "SELECT completed_at FROM assessment WHERE id = ?1",
            [id],
            |row| row.get(0),
        )
        .optional()?;
    match completed {
        None => Err(StoreError::NotFound {
            what: "assessment",
            id,
        }),
        Some(Some(_)) => Err(StoreError::Finished {
            what: "assessment",
            id,
        }),
        Some(None) => Ok(()),
    }
}

fn read_record(row: &Row<'_>) -> rusqlite::Result<Result<AssessmentRecord, StoreError>> {
    let started: String = row.get(4)?;
    let completed: Option<String> = row.get(5)?;
    let (id, person_id, instrument_id, instrument_version, position) = (
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(6)?,
    );
    Ok((|| {
        Ok(AssessmentRecord {
            id,
            person_id,
            instrument_id,
            instrument_version,
            started_at: parse_timestamp("started_at", &started)?,
            completed_at: completed
                .map(|text| parse_timestamp("completed_at", &text))
                .transpose()?,
            position,
            answers: BTreeMap::new(),
            choices: BTreeMap::new(),
        })
    })())
}
