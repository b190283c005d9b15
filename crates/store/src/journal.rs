//! The journal: every reflection, check-in note and journal note by date, searchable with SQLite's
//! full-text index (FTS5), filterable by stance and exercise, and exportable as Markdown.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use crate::fold::{fold, is_mark};
use crate::ids::new_id;
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
        let words = search_words(query.search.unwrap_or(""));
        // Parts of three characters or more go through the trigram index; shorter ones (a
        // two-character Chinese word, say) are too short for it and are found by a plain scan of
        // the index's text. Both hold the words folded as the index's text is (see fold.rs).
        let (indexed, short): (Vec<String>, Vec<String>) = words
            .into_iter()
            .partition(|word| word.chars().count() >= MIN_INDEXED_CHARS);
        let search = (!indexed.is_empty()).then(|| {
            indexed
                .iter()
                .map(|word| format!("\"{word}\""))
                .collect::<Vec<_>>()
                .join(" ")
        });
        // The full-text match runs once, as a subquery: joined row by row, SQLite re-evaluated it
        // for every journal entry (hundreds of milliseconds over 10,000 entries).
        let matching = if search.is_some() {
            "AND e.id IN (SELECT rowid FROM journal_search WHERE journal_search MATCH ?2)"
        } else {
            "AND ?2 IS NULL"
        };
        let scans: String = (0..short.len())
            .map(|i| {
                format!(
                    " AND e.id IN (SELECT rowid FROM journal_search WHERE instr(text, ?{}) > 0)",
                    i + 6
                )
            })
            .collect();
        let sql = format!(
            "SELECT e.id, e.source, e.day, e.stance, e.exercise_id, e.habit_id, e.text, h.name
             FROM journal_entry e LEFT JOIN habit h ON h.id = e.habit_id
             WHERE e.person_id = ?1 {matching}{scans}
               AND (?3 IS NULL OR e.stance = ?3) AND (?4 IS NULL OR e.exercise_id = ?4)
             ORDER BY e.day DESC, e.id DESC LIMIT ?5"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut values: Vec<&dyn rusqlite::ToSql> = vec![
            &person_id,
            &search,
            &query.stance,
            &query.exercise_id,
            &limit,
        ];
        values.extend(short.iter().map(|word| word as &dyn rusqlite::ToSql));
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |row| {
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
        })?;
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
            concat!(
                "INSERT INTO journal_note (id, person_id, day, text, created_at, updated_at) VALUES (",
                new_id!("journal_note"),
                ", ?1, ?2, ?3, ?4, ?4)"
            ),
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

/// The trigram index finds parts of at least this many characters.
const MIN_INDEXED_CHARS: usize = 3;

/// The words typed, each to be found anywhere in an entry (all of them, in any order), folded as
/// the index's text is. Quotes are dropped (each word is searched as typed, never as query
/// syntax), and so are punctuation around a word and a trailing `*` (a prefix search in earlier
/// versions: every word now matches inside longer words anyway); a mark ending a word (a Thai
/// tone mark) is part of it.
fn search_words(raw: &str) -> Vec<String> {
    raw.split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| {
            fold(word.trim_matches(|c: char| !c.is_alphanumeric() && !is_mark(c)))
                .chars()
                .filter(|c| *c != '"')
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::search_words;

    #[test]
    fn typed_words_are_searched_as_words_never_as_query_syntax() {
        assert_eq!(search_words("who stepped up"), ["who", "stepped", "up"]);
        assert_eq!(search_words("list*"), ["list"]);
        assert_eq!(search_words("\"AND OR ( NEAR"), ["and", "or", "near"]);
        assert!(search_words("  ()  ").is_empty());
        assert_eq!(
            search_words("领导力 (d'abord), stand-up."),
            ["领导力", "d'abord", "stand-up"]
        );
    }

    #[test]
    fn typed_words_are_folded_as_the_index_is() {
        assert_eq!(search_words("Ελένη ÉLÈVE"), ["ελενη", "eleve"]);
        // A full-width quote is a quote once folded: still never query syntax.
        assert_eq!(search_words("a\u{FF02}b"), ["ab"]);
        // A Thai word ending in a tone mark keeps it.
        assert_eq!(search_words("ที่"), ["ที่"]);
    }
}
