//! A coach's clients: their details, tags and consent history, the sessions held with them and the
//! homework set there; which person the app acts for; and erasing a person with everything about
//! them.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use leadback_core::clients::{
    ClientDetails, Consent, ErasePreview, Homework, HomeworkKind, PersonSummary, Session,
    TimelineEntry, TimelineKind,
};
use leadback_core::{Person, PersonKind};
use rusqlite::{OptionalExtension, Row, params};

use crate::consent::ensure_consent;
use crate::people::{parse_timestamp, read_person, timestamp};
use crate::{Store, StoreError};

const SESSION_COLUMNS: &str = "id, person_id, starts_at, agenda, notes, updated_at";
const CONSENT_COLUMNS: &str = "id, agreed_on, terms, withdrawn_on, recorded_at";

impl Store {
    /// Any person by id.
    pub fn person(&self, id: i64) -> Result<Person, StoreError> {
        self.conn
            .query_row(
                "SELECT id, kind, name, created_at, updated_at FROM person WHERE id = ?1",
                [id],
                read_person,
            )
            .optional()?
            .ok_or(StoreError::NotFound { what: "person", id })?
    }

    /// Makes every "my …" read and write act for `person_id` until the store is closed or another
    /// person is chosen. A fresh store acts for "me".
    pub fn act_for(&mut self, person_id: i64) -> Result<Person, StoreError> {
        let person = self.person(person_id)?;
        self.acting = Some(person.id);
        Ok(person)
    }

    /// The person the app acts for: the one chosen with [`Store::act_for`] while they exist,
    /// otherwise "me".
    pub fn acting_person(&self) -> Result<Option<Person>, StoreError> {
        if let Some(id) = self.acting {
            match self.person(id) {
                Ok(person) => return Ok(Some(person)),
                Err(StoreError::NotFound { .. }) => {}
                Err(err) => return Err(err),
            }
        }
        self.me()
    }

    /// "Me" first, then every client by name.
    pub fn people(&self) -> Result<Vec<PersonSummary>, StoreError> {
        let people = self
            .conn
            .prepare_cached(
                "SELECT id, kind, name, created_at, updated_at FROM person
                 ORDER BY kind <> 'me', name COLLATE NOCASE, id",
            )?
            .query_map([], read_person)?
            .collect::<Result<Result<Vec<_>, _>, _>>()??;
        people
            .into_iter()
            .map(|person| self.summary_of(person))
            .collect()
    }

    pub fn person_summary(&self, id: i64) -> Result<PersonSummary, StoreError> {
        self.summary_of(self.person(id)?)
    }

    fn summary_of(&self, person: Person) -> Result<PersonSummary, StoreError> {
        let id = person.id;
        let (contact, last_session, completed): (Option<String>, Option<String>, i64) = self
            .conn
            .prepare_cached(
                "SELECT contact,
                        (SELECT max(starts_at) FROM session WHERE person_id = p.id),
                        (SELECT count(*) FROM assessment
                         WHERE person_id = p.id AND completed_at IS NOT NULL)
                 FROM person p WHERE id = ?1",
            )?
            .query_row([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
        Ok(PersonSummary {
            contact,
            tags: self.tags(id)?,
            consent: self.consents(id)?.into_iter().next(),
            last_session: last_session
                .map(|text| parse_local("starts_at", &text))
                .transpose()?,
            completed_assessments: completed,
            person,
        })
    }

    fn tags(&self, person_id: i64) -> Result<Vec<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT tag FROM person_tag WHERE person_id = ?1 ORDER BY tag")?
            .query_map([person_id], |row| row.get(0))?
            .collect::<Result<_, _>>()?)
    }

    /// A new client with the consent they gave, in one step.
    pub fn add_client(
        &mut self,
        details: &ClientDetails,
        agreed_on: NaiveDate,
        terms: &str,
        now: DateTime<Utc>,
    ) -> Result<PersonSummary, StoreError> {
        let stamp = timestamp(now);
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO person (kind, name, contact, created_at, updated_at)
             VALUES ('client', ?1, ?2, ?3, ?3)",
            params![details.name, details.contact, stamp],
        )?;
        let id = tx.last_insert_rowid();
        write_tags(&tx, id, &details.tags)?;
        tx.execute(
            "INSERT INTO consent (person_id, agreed_on, terms, recorded_at) VALUES (?1, ?2, ?3, ?4)",
            params![id, agreed_on.to_string(), terms, stamp],
        )?;
        tx.commit()?;
        self.person_summary(id)
    }

    /// Changes a client's name, contact and tags.
    pub fn update_client(
        &mut self,
        id: i64,
        details: &ClientDetails,
        now: DateTime<Utc>,
    ) -> Result<PersonSummary, StoreError> {
        self.client(id)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE person SET name = ?2, contact = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, details.name, details.contact, timestamp(now)],
        )?;
        tx.execute("DELETE FROM person_tag WHERE person_id = ?1", [id])?;
        write_tags(&tx, id, &details.tags)?;
        tx.commit()?;
        self.person_summary(id)
    }

    /// A client (not "me"); anything else is "not found".
    fn client(&self, id: i64) -> Result<Person, StoreError> {
        let person = self.person(id)?;
        match person.kind {
            PersonKind::Client => Ok(person),
            PersonKind::Me => Err(StoreError::NotFound { what: "client", id }),
        }
    }

    /// Records newly given (or changed) consent; earlier records stay as history.
    pub fn record_consent(
        &mut self,
        person_id: i64,
        agreed_on: NaiveDate,
        terms: &str,
        now: DateTime<Utc>,
    ) -> Result<Consent, StoreError> {
        self.client(person_id)?;
        self.conn.execute(
            "INSERT INTO consent (person_id, agreed_on, terms, recorded_at) VALUES (?1, ?2, ?3, ?4)",
            params![person_id, agreed_on.to_string(), terms, timestamp(now)],
        )?;
        let id = self.conn.last_insert_rowid();
        self.consents(person_id)?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or(StoreError::NotFound {
                what: "consent",
                id,
            })
    }

    /// Marks the current consent withdrawn on `day` (kept as history). Nothing to withdraw, or
    /// already withdrawn: "not found".
    pub fn withdraw_consent(
        &mut self,
        person_id: i64,
        day: NaiveDate,
    ) -> Result<Consent, StoreError> {
        let current = self
            .consents(person_id)?
            .into_iter()
            .next()
            .filter(|c| c.withdrawn_on.is_none())
            .ok_or(StoreError::NotFound {
                what: "consent to withdraw for person",
                id: person_id,
            })?;
        self.conn.execute(
            "UPDATE consent SET withdrawn_on = ?2 WHERE id = ?1",
            params![current.id, day.to_string()],
        )?;
        Ok(Consent {
            withdrawn_on: Some(day),
            ..current
        })
    }

    /// Every consent record of a person, newest first.
    pub fn consents(&self, person_id: i64) -> Result<Vec<Consent>, StoreError> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {CONSENT_COLUMNS} FROM consent WHERE person_id = ?1 ORDER BY id DESC"
            ))?
            .query_map([person_id], read_consent)?
            .collect::<Result<Result<Vec<_>, _>, _>>()?
    }

    pub fn add_session(
        &mut self,
        person_id: i64,
        starts_at: NaiveDateTime,
        agenda: &str,
        now: DateTime<Utc>,
    ) -> Result<Session, StoreError> {
        self.client(person_id)?;
        self.ensure_consent(person_id)?;
        self.conn.execute(
            "INSERT INTO session (person_id, starts_at, agenda, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![person_id, local(starts_at), agenda, timestamp(now)],
        )?;
        self.session(self.conn.last_insert_rowid())
    }

    pub fn update_session(
        &mut self,
        id: i64,
        starts_at: NaiveDateTime,
        agenda: &str,
        now: DateTime<Utc>,
    ) -> Result<Session, StoreError> {
        let changed = self.conn.execute(
            "UPDATE session SET starts_at = ?2, agenda = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, local(starts_at), agenda, timestamp(now)],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "session",
                id,
            });
        }
        self.session(id)
    }

    /// Saves a session's notes as typed (the UI saves as the coach writes).
    pub fn save_session_notes(
        &mut self,
        id: i64,
        notes: &str,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, StoreError> {
        let changed = self.conn.execute(
            "UPDATE session SET notes = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, notes, timestamp(now)],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "session",
                id,
            });
        }
        Ok(now)
    }

    /// Deletes a session with its notes and the homework set in it (the habits stay the client's).
    pub fn delete_session(&mut self, id: i64) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute("DELETE FROM session WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "session",
                id,
            });
        }
        Ok(())
    }

    pub fn session(&self, id: i64) -> Result<Session, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {SESSION_COLUMNS} FROM session WHERE id = ?1"),
                [id],
                read_session,
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "session",
                id,
            })?
    }

    /// A person's sessions, newest first.
    pub fn sessions(&self, person_id: i64) -> Result<Vec<Session>, StoreError> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {SESSION_COLUMNS} FROM session WHERE person_id = ?1
                 ORDER BY starts_at DESC, id DESC"
            ))?
            .query_map([person_id], read_session)?
            .collect::<Result<Result<Vec<_>, _>, _>>()?
    }

    /// Sets one of the client's habits as homework in a session.
    pub fn assign_habit(
        &mut self,
        session_id: i64,
        habit_id: i64,
        today: NaiveDate,
    ) -> Result<i64, StoreError> {
        let session = self.session(session_id)?;
        let habit = self.habit(habit_id)?;
        if habit.person_id != session.person_id {
            return Err(StoreError::NotFound {
                what: "habit",
                id: habit_id,
            });
        }
        insert_homework(
            &self.conn,
            &session,
            HomeworkKind::Habit,
            Some(habit_id),
            None,
            today,
        )
    }

    /// Sets an exercise (by its library id, checked by the caller) as homework in a session.
    pub fn assign_exercise(
        &mut self,
        session_id: i64,
        exercise_id: &str,
        today: NaiveDate,
    ) -> Result<i64, StoreError> {
        let session = self.session(session_id)?;
        insert_homework(
            &self.conn,
            &session,
            HomeworkKind::Exercise,
            None,
            Some(exercise_id),
            today,
        )
    }

    /// A person's homework, newest first, with how far they got since it was set. Exercise
    /// titles are their ids here; the caller names them from the library.
    pub fn homework(&self, person_id: i64, today: NaiveDate) -> Result<Vec<Homework>, StoreError> {
        let strengths: BTreeMap<i64, f64> = self
            .habit_overviews(person_id, true, today)?
            .into_iter()
            .map(|o| (o.habit.id, o.strength))
            .collect();
        let rows = self
            .conn
            .prepare_cached(
                "SELECT w.id, w.session_id, w.kind, w.habit_id, w.exercise_id, w.assigned_on,
                        h.name, w.due_on,
                        CASE w.kind
                          WHEN 'habit' THEN (SELECT count(*) FROM check_in c
                                             WHERE c.habit_id = w.habit_id AND c.state = 'done'
                                               AND c.day >= w.assigned_on)
                          ELSE (SELECT count(*) FROM exercise_run r
                                WHERE r.person_id = w.person_id AND r.exercise_id = w.exercise_id
                                  AND r.finished_at IS NOT NULL
                                  AND substr(r.finished_at, 1, 10) >= w.assigned_on)
                        END
                 FROM homework w LEFT JOIN habit h ON h.id = w.habit_id
                 WHERE w.person_id = ?1 ORDER BY w.assigned_on DESC, w.id DESC",
            )?
            .query_map([person_id], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, Option<i64>>(3)?,
                    row.get::<_, Option<String>>(4)?,
                    row.get::<_, String>(5)?,
                    row.get::<_, Option<String>>(6)?,
                    row.get::<_, Option<String>>(7)?,
                    row.get::<_, i64>(8)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(
                |(id, session_id, kind, habit_id, exercise_id, assigned, habit_name, due, done)| {
                    let kind = HomeworkKind::parse(&kind).ok_or_else(|| {
                        StoreError::InvalidRecord(format!("unknown homework kind {kind:?}"))
                    })?;
                    Ok(Homework {
                        id,
                        session_id,
                        kind,
                        title: habit_name
                            .or_else(|| exercise_id.clone())
                            .unwrap_or_default(),
                        strength: habit_id.and_then(|h| strengths.get(&h).copied()),
                        habit_id,
                        exercise_id,
                        assigned_on: parse_day("assigned_on", &assigned)?,
                        due_on: due.map(|d| parse_day("due_on", &d)).transpose()?,
                        done,
                    })
                },
            )
            .collect()
    }

    /// Sessions, finished assessments and exercises, and habits taken on, newest first. Exercise
    /// titles are their ids here; the caller names them from the library.
    pub fn timeline(&self, person_id: i64) -> Result<Vec<TimelineEntry>, StoreError> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT 'session', id, starts_at, CASE agenda WHEN '' THEN 'Session' ELSE agenda END
                   FROM session WHERE person_id = ?1
                 UNION ALL
                 SELECT 'assessment', id, completed_at, 'Assessment finished'
                   FROM assessment WHERE person_id = ?1 AND completed_at IS NOT NULL
                 UNION ALL
                 SELECT 'exercise', id, finished_at, exercise_id
                   FROM exercise_run WHERE person_id = ?1 AND finished_at IS NOT NULL
                 UNION ALL
                 SELECT 'habit', id, created_at, name FROM habit WHERE person_id = ?1",
            )?
            .query_map([person_id], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut entries = rows
            .into_iter()
            .map(|(kind, id, at, title)| {
                let (kind, at) = match kind.as_str() {
                    "session" => (TimelineKind::Session, parse_local("starts_at", &at)?),
                    "assessment" => (TimelineKind::Assessment, utc_as_naive(&at)?),
                    "exercise" => (TimelineKind::Exercise, utc_as_naive(&at)?),
                    _ => (TimelineKind::HabitStarted, utc_as_naive(&at)?),
                };
                // One line of an agenda is its title.
                let title = title.lines().next().unwrap_or_default().to_owned();
                Ok(TimelineEntry {
                    kind,
                    at,
                    title,
                    id,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        entries.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
        Ok(entries)
    }

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
        self.conn.pragma_update(None, "secure_delete", true)?;
        let erased = (|| -> Result<(), StoreError> {
            let tx = self.conn.transaction()?;
            tx.execute("DELETE FROM person WHERE id = ?1", [person_id])?;
            // FTS5 keeps deleted words in its segments until they are merged.
            tx.execute(
                "INSERT INTO journal_search (journal_search) VALUES ('optimize')",
                [],
            )?;
            tx.commit()?;
            Ok(())
        })();
        let checkpoint = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        self.conn.pragma_update(None, "secure_delete", false)?;
        erased?;
        checkpoint?;
        if self.acting == Some(person_id) {
            self.acting = None;
        }
        Ok(preview)
    }
}

/// Sets homework in a session, unless the client withdrew consent; returns its id.
pub(crate) fn insert_homework(
    conn: &rusqlite::Connection,
    session: &Session,
    kind: HomeworkKind,
    habit_id: Option<i64>,
    exercise_id: Option<&str>,
    today: NaiveDate,
) -> Result<i64, StoreError> {
    ensure_consent(conn, session.person_id)?;
    conn.execute(
        "INSERT INTO homework (session_id, person_id, kind, habit_id, exercise_id, assigned_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            session.id,
            session.person_id,
            kind.as_str(),
            habit_id,
            exercise_id,
            today.to_string()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

fn write_tags(tx: &rusqlite::Transaction<'_>, id: i64, tags: &[String]) -> Result<(), StoreError> {
    let mut insert =
        tx.prepare_cached("INSERT INTO person_tag (person_id, tag) VALUES (?1, ?2)")?;
    for tag in tags {
        insert.execute(params![id, tag])?;
    }
    Ok(())
}

/// A local date-time as stored: "2026-11-22T09:30:00".
fn local(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

fn parse_local(column: &str, text: &str) -> Result<NaiveDateTime, StoreError> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").map_err(|err| {
        StoreError::InvalidRecord(format!("{column} {text:?} is not a local date-time: {err}"))
    })
}

fn parse_day(column: &str, text: &str) -> Result<NaiveDate, StoreError> {
    text.parse()
        .map_err(|err| StoreError::InvalidRecord(format!("{column} {text:?} is not a day: {err}")))
}

fn utc_as_naive(text: &str) -> Result<NaiveDateTime, StoreError> {
    Ok(parse_timestamp("timestamp", text)?.naive_utc())
}

fn read_consent(row: &Row<'_>) -> rusqlite::Result<Result<Consent, StoreError>> {
    let (id, agreed, terms): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
    let (withdrawn, recorded): (Option<String>, String) = (row.get(3)?, row.get(4)?);
    Ok((|| {
        Ok(Consent {
            id,
            agreed_on: parse_day("agreed_on", &agreed)?,
            terms,
            withdrawn_on: withdrawn
                .map(|w| parse_day("withdrawn_on", &w))
                .transpose()?,
            recorded_at: parse_timestamp("recorded_at", &recorded)?,
        })
    })())
}

fn read_session(row: &Row<'_>) -> rusqlite::Result<Result<Session, StoreError>> {
    let (id, person_id, starts): (i64, i64, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
    let (agenda, notes, updated): (String, String, String) =
        (row.get(3)?, row.get(4)?, row.get(5)?);
    Ok((|| {
        Ok(Session {
            id,
            person_id,
            starts_at: parse_local("starts_at", &starts)?,
            agenda,
            notes,
            updated_at: parse_timestamp("updated_at", &updated)?,
        })
    })())
}
