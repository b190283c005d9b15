//! What happened in a coaching session beyond its notes: the assessments, habits, exercises and
//! programmes run or used in it.

use chrono::{DateTime, Utc};
use leadback_core::clients::{SessionItem, SessionItemInput, SessionItemKind};
use rusqlite::{OptionalExtension, Row, params};

use crate::ids::new_id;
use crate::values::{parse_timestamp, timestamp};
use crate::{Store, StoreError};

const ITEM_COLUMNS: &str = "i.id, i.session_id, i.kind, i.assessment_id, i.habit_id, i.library_id,
    i.added_at, h.name, a.completed_at IS NOT NULL";

const ITEM_FROM: &str = "session_item i
    LEFT JOIN habit h ON h.id = i.habit_id
    LEFT JOIN assessment a ON a.id = i.assessment_id";

impl Store {
    /// Notes that `item` was run or used in the session. An assessment or habit must be the
    /// session's client's own (anyone else's is "not found"); exercise and programme ids are
    /// checked against their libraries by the caller. The same thing noted twice is one item.
    pub fn add_session_item(
        &mut self,
        session_id: i64,
        item: &SessionItemInput,
        now: DateTime<Utc>,
    ) -> Result<SessionItem, StoreError> {
        let session = self.session(session_id)?;
        self.ensure_consent(session.person_id)?;
        let (assessment_id, habit_id, library_id) = match item {
            SessionItemInput::Assessment { assessment_id } => {
                let record = self.assessment(*assessment_id)?;
                if record.person_id != session.person_id {
                    return Err(StoreError::NotFound {
                        what: "assessment",
                        id: *assessment_id,
                    });
                }
                (Some(record.id), None, None)
            }
            SessionItemInput::Habit { habit_id } => {
                let habit = self.habit(*habit_id)?;
                if habit.person_id != session.person_id {
                    return Err(StoreError::NotFound {
                        what: "habit",
                        id: *habit_id,
                    });
                }
                (None, Some(habit.id), None)
            }
            SessionItemInput::Exercise { exercise_id: id }
            | SessionItemInput::Programme { programme_id: id } => (None, None, Some(id.as_str())),
        };
        let kind = item.kind().as_str();
        let existing: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM session_item WHERE session_id = ?1 AND kind = ?2
                   AND assessment_id IS ?3 AND habit_id IS ?4 AND library_id IS ?5",
                params![session_id, kind, assessment_id, habit_id, library_id],
                |row| row.get(0),
            )
            .optional()?;
        let id = match existing {
            Some(id) => id,
            None => {
                self.conn.execute(
                    concat!(
                        "INSERT INTO session_item
                       (id, session_id, person_id, kind, assessment_id, habit_id, library_id, added_at)
                     VALUES (",
                        new_id!("session_item"),
                        ", ?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                    ),
                    params![
                        session_id,
                        session.person_id,
                        kind,
                        assessment_id,
                        habit_id,
                        library_id,
                        timestamp(now)
                    ],
                )?;
                self.conn.last_insert_rowid()
            }
        };
        self.session_item(id)
    }

    pub fn session_item(&self, id: i64) -> Result<SessionItem, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {ITEM_COLUMNS} FROM {ITEM_FROM} WHERE i.id = ?1"),
                [id],
                read_item,
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "session item",
                id,
            })?
    }

    /// Takes an item off its session (the assessment, habit or exercise itself stays).
    pub fn remove_session_item(&mut self, id: i64) -> Result<SessionItem, StoreError> {
        let item = self.session_item(id)?;
        self.conn
            .execute("DELETE FROM session_item WHERE id = ?1", [id])?;
        Ok(item)
    }

    /// Every item of every session of a person, in the order they were added, session by session.
    /// Exercise and programme titles are their ids here; the caller names them from the library.
    pub fn session_items(&self, person_id: i64) -> Result<Vec<SessionItem>, StoreError> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {ITEM_COLUMNS} FROM {ITEM_FROM} WHERE i.person_id = ?1
                 ORDER BY i.session_id, i.id"
            ))?
            .query_map([person_id], read_item)?
            .collect::<Result<Result<Vec<_>, _>, _>>()?
    }
}

fn read_item(row: &Row<'_>) -> rusqlite::Result<Result<SessionItem, StoreError>> {
    let (id, session_id, kind): (i64, i64, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
    let (assessment_id, habit_id): (Option<i64>, Option<i64>) = (row.get(3)?, row.get(4)?);
    let (library_id, added): (Option<String>, String) = (row.get(5)?, row.get(6)?);
    let (habit_name, finished): (Option<String>, bool) = (row.get(7)?, row.get(8)?);
    Ok((|| {
        let kind = SessionItemKind::parse(&kind)
            .ok_or_else(|| StoreError::InvalidRecord(format!("unknown session item {kind:?}")))?;
        let title = match kind {
            SessionItemKind::Assessment => "Assessment".to_owned(),
            SessionItemKind::Habit => habit_name.unwrap_or_default(),
            SessionItemKind::Exercise | SessionItemKind::Programme => {
                library_id.clone().unwrap_or_default()
            }
        };
        Ok(SessionItem {
            id,
            session_id,
            kind,
            record_id: assessment_id.or(habit_id),
            library_id,
            title,
            finished: (kind == SessionItemKind::Assessment).then_some(finished),
            added_at: parse_timestamp("added_at", &added)?,
        })
    })())
}
