//! A changeset's bytes, checked whole and read into plain values: which table, which row (its
//! key), what it was and became.

use std::io::Read;

use rusqlite::hooks::Action;
use rusqlite::session::ChangesetItem;
use rusqlite::types::{Value, ValueRef};

use crate::StoreError;

/// SQLite's default limit on a table's columns (SQLITE_MAX_COLUMN).
const MAX_COLUMNS: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Insert,
    Update,
    Delete,
}

/// One row's change. `old` and `new` hold a value per column; `None` where the changeset holds
/// none (an update leaves out the columns it did not change).
#[derive(Debug, Clone)]
pub(crate) struct Change {
    pub table: String,
    pub op: Op,
    pub key_columns: Vec<usize>,
    pub old: Vec<Option<Value>>,
    pub new: Vec<Option<Value>>,
}

impl Change {
    pub(crate) fn read(item: &ChangesetItem) -> Result<Self, StoreError> {
        let op = item.op()?;
        let columns = usize::try_from(op.number_of_columns()).unwrap_or(0);
        // No table has more columns than SQLite allows (2,000 by default): a damaged changeset
        // claiming millions is refused before anything is built for them.
        if columns > MAX_COLUMNS {
            return Err(StoreError::Sync(format!(
                "a change claims {columns} columns, more than any table has"
            )));
        }
        let kind = match op.code() {
            Action::SQLITE_INSERT => Op::Insert,
            Action::SQLITE_UPDATE => Op::Update,
            Action::SQLITE_DELETE => Op::Delete,
            _ => return Err(StoreError::Sync("a change of an unknown kind".to_owned())),
        };
        let key_columns = item
            .pk()?
            .iter()
            .enumerate()
            .filter(|(_, flag)| **flag != 0)
            .map(|(i, _)| i)
            .collect();
        let value = |v: rusqlite::Result<ValueRef<'_>>| v.ok().map(Value::from);
        let old = (0..columns)
            .map(|c| match kind {
                Op::Insert => None,
                _ => value(item.old_value(c)),
            })
            .collect();
        let new = (0..columns)
            .map(|c| match kind {
                Op::Delete => None,
                _ => value(item.new_value(c)),
            })
            .collect();
        Ok(Self {
            table: op.table_name().to_owned(),
            op: kind,
            key_columns,
            old,
            new,
        })
    }

    /// The row's key values, in key order.
    pub(crate) fn key_values(&self) -> Vec<Value> {
        let source = match self.op {
            Op::Insert => &self.new,
            _ => &self.old,
        };
        self.key_columns
            .iter()
            .map(|c| source.get(*c).cloned().flatten().unwrap_or(Value::Null))
            .collect()
    }

    /// The row's key as text, the same on every device.
    pub(crate) fn key(&self) -> String {
        key_text(&self.key_values())
    }

    /// The columns this change gives a value to, key columns aside.
    pub(crate) fn set_columns(&self) -> Vec<usize> {
        (0..self.new.len())
            .filter(|c| !self.key_columns.contains(c) && self.new[*c].is_some())
            .collect()
    }
}

/// All the changes in a changeset's bytes.
pub(crate) fn read_all(changes: &[u8]) -> Result<Vec<Change>, StoreError> {
    read_changes(changes, Change::read)
}

/// The values of a key written by [`key_text`] (this schema's keys are integers and text);
/// `None` when the text is not such a key.
pub(crate) fn key_from_text(text: &str) -> Option<Vec<Value>> {
    let values: Vec<serde_json::Value> = serde_json::from_str(text).ok()?;
    values
        .into_iter()
        .map(|v| match v {
            serde_json::Value::Number(n) => n.as_i64().map(Value::Integer),
            serde_json::Value::String(t) => Some(Value::Text(t)),
            _ => None,
        })
        .collect()
}

/// A key's values as JSON text: `[12,"2026-01-02"]`.
pub(crate) fn key_text(values: &[Value]) -> String {
    let json: Vec<serde_json::Value> = values
        .iter()
        .map(|v| match v {
            Value::Null => serde_json::Value::Null,
            Value::Integer(i) => serde_json::Value::from(*i),
            Value::Real(r) => serde_json::Value::from(*r),
            Value::Text(t) => serde_json::Value::from(t.as_str()),
            Value::Blob(b) => serde_json::Value::from(
                b.iter()
                    .map(|byte| format!("{byte:02x}"))
                    .collect::<String>(),
            ),
        })
        .collect();
    serde_json::Value::Array(json).to_string()
}

/// Reads a changeset's bytes item by item.
pub(crate) fn read_changes<T>(
    changes: &[u8],
    mut each: impl FnMut(&ChangesetItem) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
    check_structure(changes)?;
    let mut bytes: &[u8] = changes;
    let input: &mut dyn Read = &mut bytes;
    let mut items = rusqlite::session::ChangesetIter::start_strm(&input)?;
    let mut out = Vec::new();
    while let Some(item) = items.next()? {
        out.push(each(item)?);
    }
    Ok(out)
}

/// SQLite's streaming reader keeps asking for more input when a table's header, or a value's
/// length, claims more bytes than the changeset holds, and never returns; so a changeset is walked
/// whole before SQLite reads it, by the format its session module documents:
/// - a table: `'T'`, the column count (a varint), one primary-key flag byte per column, the
///   table's name ending in a zero byte;
/// - then its changes: the operation (`SQLITE_INSERT` 18, `SQLITE_DELETE` 9, `SQLITE_UPDATE` 23),
///   an "indirect" byte, and the row's values: the old ones for a delete, the new ones for an
///   insert, both for an update; each value is a type byte (0 not given, 1 integer and 2 real with
///   8 bytes, 3 text and 4 blob with a varint length and their bytes, 5 null).
///
/// Only changesets are read here (Leadback never makes patchsets).
fn check_structure(changes: &[u8]) -> Result<(), StoreError> {
    let damaged = |what: &str| StoreError::Sync(format!("the changes are damaged ({what})"));
    let mut rest = changes;
    let mut columns = 0usize;
    while let Some((&kind, after)) = rest.split_first() {
        rest = after;
        match kind {
            b'T' => {
                let count = varint(&mut rest).ok_or_else(|| damaged("a table header"))?;
                columns = usize::try_from(count)
                    .ok()
                    .filter(|c| (1..=MAX_COLUMNS).contains(c) && *c < rest.len())
                    .ok_or_else(|| damaged("a table header"))?;
                rest = &rest[columns..];
                let end = rest
                    .iter()
                    .position(|b| *b == 0)
                    .ok_or_else(|| damaged("a table's name"))?;
                rest = &rest[end + 1..];
            }
            9 | 18 | 23 if columns > 0 => {
                let (&indirect, after) = rest.split_first().ok_or_else(|| damaged("a change"))?;
                if indirect > 1 {
                    return Err(damaged("a change"));
                }
                rest = after;
                let records = if kind == 23 { 2 } else { 1 };
                for _ in 0..records * columns {
                    skip_value(&mut rest).ok_or_else(|| damaged("a value"))?;
                }
            }
            _ => return Err(damaged("an unknown record")),
        }
    }
    Ok(())
}

/// Moves past one value; `None` when it runs past the end or has no known type.
fn skip_value(rest: &mut &[u8]) -> Option<()> {
    let (&kind, after) = rest.split_first()?;
    *rest = after;
    let len = match kind {
        0 | 5 => 0,
        1 | 2 => 8,
        3 | 4 => usize::try_from(varint(rest)?).ok()?,
        _ => return None,
    };
    *rest = rest.get(len..)?;
    Some(())
}

/// SQLite's variable-length integer: big-endian groups of 7 bits, the high bit set on every byte
/// but the last (the ninth byte, if reached, gives all 8 bits). `None` when the bytes run out.
fn varint(rest: &mut &[u8]) -> Option<u64> {
    let mut value: u64 = 0;
    for i in 0..9 {
        let (&byte, after) = rest.split_first()?;
        *rest = after;
        if i == 8 {
            return Some((value << 8) | u64::from(byte));
        }
        value = (value << 7) | u64::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;
    use rusqlite::session::Session;

    use super::*;

    /// A real changeset: two tables, inserts, an update and a delete, text and blobs.
    fn changeset() -> Vec<u8> {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE a (id INTEGER PRIMARY KEY, t TEXT, r REAL, b BLOB);
             CREATE TABLE b (k TEXT PRIMARY KEY, n INTEGER);
             INSERT INTO a VALUES (1, 'one', 1.5, x'00ff'), (2, 'two', NULL, NULL);
             INSERT INTO b VALUES ('x', 1);",
        )
        .unwrap();
        let mut session = Session::new(&conn).unwrap();
        session.attach(None::<&str>).unwrap();
        conn.execute_batch(
            "INSERT INTO a VALUES (3, 'Ελένη 领导', 2.25, x'0102');
             UPDATE a SET t = 'uno' WHERE id = 1;
             DELETE FROM a WHERE id = 2;
             INSERT INTO b VALUES ('y', 7); UPDATE b SET n = 2 WHERE k = 'x';",
        )
        .unwrap();
        let mut bytes = Vec::new();
        session.changeset_strm(&mut bytes).unwrap();
        bytes
    }

    #[test]
    fn a_real_changeset_reads_whole_and_every_cut_of_it_is_refused_or_whole() {
        let bytes = changeset();
        assert!(check_structure(&bytes).is_ok());
        assert_eq!(read_changes(&bytes, |_| Ok(())).unwrap().len(), 5);
        // Cut anywhere, it is refused before SQLite's reader sees it (which would wait forever
        // for the rest), or it ends exactly between two changes and reads as far as it goes.
        for cut in 0..bytes.len() {
            let part = &bytes[..cut];
            if check_structure(part).is_ok() {
                assert!(read_changes(part, |_| Ok(())).is_ok(), "cut at {cut}");
            } else {
                assert!(read_changes(part, |_| Ok(())).is_err(), "cut at {cut}");
            }
        }
    }

    #[test]
    fn a_damaged_second_table_header_is_refused() {
        let bytes = changeset();
        // The second table's header: 'T' followed by its column count (2), after the first
        // table's changes.
        let second = bytes
            .windows(3)
            .rposition(|w| w == [b'T', 2, 1])
            .expect("the header of table b");
        let mut damaged = bytes.clone();
        damaged[second + 1] = 0x7f;
        let err = read_changes(&damaged, |_| Ok(())).unwrap_err();
        assert!(err.to_string().contains("damaged"), "{err}");
        let mut unknown = bytes;
        unknown[second] = b'P';
        assert!(read_changes(&unknown, |_| Ok(())).is_err());
    }
}
