//! The journal: every reflection, check-in note and journal note by date, searchable with SQLite's
//! full-text index (FTS5), filterable by stance and exercise, and exportable as Markdown.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use crate::values::timestamp;
use crate::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct JournalEntry {
    pub id: i64,
    /// Where it was written: "reflection", "check-in" or "note".
    pub kind: String,
    pub day: NaiveDate,
    pub stance: Option<String>,
    pub exercise_id: Option<String>,
    pub habit_id: Option<i64>,
    /// The habit a check-in note belongs to (its name now); null for other entries.
    pub habit_name: Option<String>,
    pub text: String,
}

/// What the journal shows; every part is optional.
#[derive(Debug, Clone, Default)]
pub struct JournalQuery<'a> {
    /// Words to search for (all of them, any order; a trailing `*` matches a prefix).
    pub search: Option<&'a str>,
    pub stance: Option<&'a str>,
    pub exercise_id: Option<&'a str>,
    pub limit: u32,
}

impl Store {
    /// A person's journal, newest first.
    pub fn journal(
        &self,
        person_id: i64,
        query: &JournalQuery<'_>,
    ) -> Result<Vec<JournalEntry>, StoreError> {
        let limit = if query.limit == 0 { 500 } else { query.limit };
        let search = query.search.map(fts_query).filter(|q| !q.is_empty());
        // The full-text match runs once, as a subquery: joined row by row, SQLite re-evaluated it
        // for every journal entry (hundreds of milliseconds over 10,000 entries).
        let matching = if search.is_some() {
            "AND e.id IN (SELECT rowid FROM journal_search WHERE journal_search MATCH ?2)"
        } else {
            "AND ?2 IS NULL"
        };
        let sql = format!(
            "SELECT e.id, e.source, e.day, e.stance, e.exercise_id, e.habit_id, e.text, h.name
             FROM journal_entry e LEFT JOIN habit h ON h.id = e.habit_id
             WHERE e.person_id = ?1 {matching}
               AND (?3 IS NULL OR e.stance = ?3) AND (?4 IS NULL OR e.exercise_id = ?4)
             ORDER BY e.day DESC, e.id DESC LIMIT ?5"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![person_id, search, query.stance, query.exercise_id, limit],
            |row| {
                let source: String = row.get(1)?;
                Ok(JournalEntry {
                    id: row.get(0)?,
                    kind: source.split(':').next().unwrap_or("note").to_owned(),
                    day: row.get(2)?,
                    stance: row.get(3)?,
                    exercise_id: row.get(4)?,
                    habit_id: row.get(5)?,
                    habit_name: row.get(7)?,
                    text: row.get(6)?,
                })
            },
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn add_journal_note(
        &mut self,
        person_id: i64,
        day: NaiveDate,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        self.conn.execute(
            "INSERT INTO journal_note (person_id, day, text, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            params![person_id, day, text, timestamp(now)],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The whole journal as Markdown, oldest day first, one heading per day.
    pub fn journal_markdown(&self, person_id: i64, title: &str) -> Result<String, StoreError> {
        let mut entries = self.journal(
            person_id,
            &JournalQuery {
                limit: u32::MAX,
                ..JournalQuery::default()
            },
        )?;
        entries.reverse();
        let mut out = format!("# {title}\n");
        let mut current: Option<NaiveDate> = None;
        for entry in entries {
            if current != Some(entry.day) {
                out.push_str(&format!("\n## {}\n", entry.day.format("%A %-d %B %Y")));
                current = Some(entry.day);
            }
            let label = match (entry.kind.as_str(), &entry.exercise_id, &entry.habit_name) {
                ("reflection", Some(exercise), _) => format!("Reflection ({exercise})"),
                ("check-in", _, Some(habit)) => format!("Check-in note ({habit})"),
                ("check-in", _, None) => "Check-in note".to_owned(),
                _ => "Note".to_owned(),
            };
            out.push_str(&format!("\n**{label}**\n\n{}\n", entry.text.trim()));
        }
        Ok(out)
    }
}

/// Turns what a person typed into an FTS5 query that cannot be a syntax error: each word quoted,
/// a trailing `*` kept as a prefix search.
fn fts_query(raw: &str) -> String {
    raw.split_whitespace()
        .filter_map(|word| {
            let prefix = word.ends_with('*');
            let clean: String = word
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '-')
                .collect();
            (!clean.is_empty()).then(|| {
                let quoted = format!("\"{}\"", clean.replace('"', ""));
                if prefix { quoted + "*" } else { quoted }
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn typed_words_become_a_safe_query() {
        assert_eq!(fts_query("who stepped up"), "\"who\" \"stepped\" \"up\"");
        assert_eq!(fts_query("list*"), "\"list\"*");
        assert_eq!(fts_query("\"AND OR ( NEAR"), "\"AND\" \"OR\" \"NEAR\"");
        assert_eq!(fts_query("  ()  "), "");
    }
}
