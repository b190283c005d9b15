//! People: "me" and a coach's clients, with their details and tags, which person the app acts for,
//! and (in [`consent`]) the consent each client gave.

pub(crate) mod consent;

use chrono::{DateTime, NaiveDate, Utc};
use leadback_core::clients::{ClientDetails, PersonSummary};
use leadback_core::{Person, PersonKind, PersonName};
use rusqlite::{OptionalExtension, Row, params};

use crate::ids::new_id;
use crate::values::{parse_local, parse_timestamp, timestamp};
use crate::{Store, StoreError};

const COLUMNS: &str = "id, kind, name, created_at, updated_at";

impl Store {
    /// The person who uses this app, if onboarding has happened.
    pub fn me(&self) -> Result<Option<Person>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM person WHERE kind = 'me'"),
                [],
                read_person,
            )
            .optional()?
            .transpose()
    }

    /// Creates "me" with this name, or renames "me" if it exists.
    pub fn set_my_name(
        &mut self,
        name: &PersonName,
        now: DateTime<Utc>,
    ) -> Result<Person, StoreError> {
        let stamp = timestamp(now);
        let tx = self.conn.transaction()?;
        tx.execute(
            concat!(
                "INSERT INTO person (id, kind, name, created_at, updated_at) VALUES (",
                new_id!("person"),
                ", 'me', ?1, ?2, ?2)
             ON CONFLICT (kind) WHERE kind = 'me' DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at"
            ),
            params![name.as_str(), stamp],
        )?;
        tx.commit()?;
        self.me()?.ok_or_else(|| {
            StoreError::InvalidRecord("\"me\" vanished right after being saved".into())
        })
    }

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

    /// "Me" first, then every client by name. A few statements however many clients there are
    /// (a coach's list of a thousand was thousands of statements, 28 ms; issue #23).
    pub fn people(&self) -> Result<Vec<PersonSummary>, StoreError> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT id, kind, name, created_at, updated_at, contact,
                        (SELECT max(starts_at) FROM session WHERE person_id = p.id),
                        (SELECT count(*) FROM assessment
                         WHERE person_id = p.id AND completed_at IS NOT NULL)
                 FROM person p
                 ORDER BY kind <> 'me', name COLLATE NOCASE, id",
            )?
            .query_map([], |row| {
                Ok((
                    read_person(row)?,
                    row.get::<_, Option<String>>(5)?,
                    row.get::<_, Option<String>>(6)?,
                    row.get::<_, i64>(7)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut tags = self.all_tags()?;
        let mut consents = self.newest_consents()?;
        rows.into_iter()
            .map(|(person, contact, last_session, completed)| {
                let person = person?;
                Ok(PersonSummary {
                    contact,
                    tags: tags.remove(&person.id).unwrap_or_default(),
                    consent: consents.remove(&person.id),
                    last_session: last_session
                        .map(|text| parse_local("starts_at", &text))
                        .transpose()?,
                    completed_assessments: completed,
                    person,
                })
            })
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

    /// Every person's tags, in order, by person.
    fn all_tags(&self) -> Result<std::collections::HashMap<i64, Vec<String>>, StoreError> {
        let mut tags: std::collections::HashMap<i64, Vec<String>> = Default::default();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT person_id, tag FROM person_tag ORDER BY person_id, tag")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            tags.entry(row.get(0)?).or_default().push(row.get(1)?);
        }
        Ok(tags)
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
            concat!(
                "INSERT INTO person (id, kind, name, contact, created_at, updated_at)
             VALUES (",
                new_id!("person"),
                ", 'client', ?1, ?2, ?3, ?3)"
            ),
            params![details.name, details.contact, stamp],
        )?;
        let id = tx.last_insert_rowid();
        write_tags(&tx, id, &details.tags)?;
        tx.execute(
            concat!(
                "INSERT INTO consent (id, person_id, agreed_on, terms, recorded_at) VALUES (",
                new_id!("consent"),
                ", ?1, ?2, ?3, ?4)"
            ),
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
    pub(crate) fn client(&self, id: i64) -> Result<Person, StoreError> {
        let person = self.person(id)?;
        match person.kind {
            PersonKind::Client => Ok(person),
            PersonKind::Me => Err(StoreError::NotFound { what: "client", id }),
        }
    }
}

fn write_tags(tx: &rusqlite::Transaction<'_>, id: i64, tags: &[String]) -> Result<(), StoreError> {
    let mut insert =
        tx.prepare_cached("INSERT INTO person_tag (person_id, tag) VALUES (?1, ?2)")?;
    for tag in tags {
        insert.execute(params![id, tag])?;
    }
    Ok(())
}

pub(crate) fn read_person(row: &Row<'_>) -> rusqlite::Result<Result<Person, StoreError>> {
    let kind: String = row.get(1)?;
    let created: String = row.get(3)?;
    let updated: String = row.get(4)?;
    let (id, name) = (row.get(0)?, row.get(2)?);
    Ok((|| {
        Ok(Person {
            id,
            kind: PersonKind::parse(&kind).ok_or_else(|| {
                StoreError::InvalidRecord(format!("unknown person kind {kind:?}"))
            })?,
            name,
            created_at: parse_timestamp("created_at", &created)?,
            updated_at: parse_timestamp("updated_at", &updated)?,
        })
    })())
}
