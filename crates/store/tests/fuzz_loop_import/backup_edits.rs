//! Damage done to a Loop backup: bytes in a region of the file, or odd values set through SQLite.

use super::*;

/// Part of a file an edit is aimed at: SQLite's 100-byte header and the first page (which holds
/// the schema) break differently from the rest.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Region {
    Header,
    FirstPage,
    Anywhere,
}

pub(crate) fn apply_in(bytes: &mut Vec<u8>, region: Region, edits: &[ByteEdit]) {
    let end = match region {
        Region::Header => 100,
        Region::FirstPage => 4096,
        Region::Anywhere => bytes.len(),
    }
    .min(bytes.len());
    let mut part = bytes[..end].to_vec();
    for edit in edits {
        apply_bytes(&mut part, edit);
    }
    bytes.splice(..end, part);
}

pub(crate) fn region() -> impl Strategy<Value = Region> {
    prop_oneof![
        1 => Just(Region::Header),
        1 => Just(Region::FirstPage),
        2 => Just(Region::Anywhere),
    ]
}

pub(crate) fn backup() -> impl Strategy<Value = &'static [u8]> {
    prop_oneof![Just(SCHEMA_12.as_slice()), Just(SCHEMA_25.as_slice())]
}

/// A change made through SQLite to a backup: the file stays a valid database, its contents odd.
#[derive(Debug, Clone)]
pub(crate) enum CellEdit {
    Set {
        habits: bool,
        row: Index,
        column: Column,
        value: Cell,
    },
    Delete {
        habits: bool,
        row: Index,
    },
    RenameColumn {
        habits: bool,
        column: Index,
    },
    DropTable {
        habits: bool,
    },
    Version(i64),
}

pub(crate) fn cell() -> impl Strategy<Value = Cell> {
    const JAN_1_2020: i64 = 1_577_836_800_000;
    prop_oneof![
        Just(Cell::Null),
        (-2i64..5).prop_map(Cell::Integer),
        prop_oneof![
            Just(0),
            Just(7),
            Just(1000),
            Just(JAN_1_2020 + 1),
            Just(-JAN_1_2020),
            Just(i64::MAX),
            Just(i64::MIN),
            Just(8_210_298_412_800_000),
            Just(8_210_298_412_800_001),
        ]
        .prop_map(Cell::Integer),
        any::<i64>().prop_map(Cell::Integer),
        any::<f64>().prop_map(Cell::Real),
        prop_oneof![
            ".{0,20}",
            Just(String::new()),
            Just(" \n ".to_owned()),
            Just("2".to_owned()),
            Just("a\nb".to_owned()),
            (0usize..400).prop_map(|n| "x".repeat(n)),
            Just("x".repeat(5_001)),
        ]
        .prop_map(Cell::Text),
        proptest::collection::vec(any::<u8>(), 0..16).prop_map(Cell::Blob),
    ]
}

/// Which column a `Set` changes: any, or one the importer reads (if the table has it).
#[derive(Debug, Clone)]
pub(crate) enum Column {
    Any(Index),
    Named(&'static str),
}

pub(crate) fn column() -> impl Strategy<Value = Column> {
    prop_oneof![
        any::<Index>().prop_map(Column::Any),
        proptest::sample::select(
            &[
                "name",
                "freq_num",
                "freq_den",
                "type",
                "uuid",
                "question",
                "habit",
                "timestamp",
                "value",
                "notes",
            ][..]
        )
        .prop_map(Column::Named),
    ]
}

pub(crate) fn cell_edit() -> impl Strategy<Value = CellEdit> {
    prop_oneof![
        6 => (any::<bool>(), any::<Index>(), column(), cell())
            .prop_map(|(habits, row, column, value)| CellEdit::Set { habits, row, column, value }),
        1 => (any::<bool>(), any::<Index>()).prop_map(|(habits, row)| CellEdit::Delete { habits, row }),
        1 => (any::<bool>(), any::<Index>())
            .prop_map(|(habits, column)| CellEdit::RenameColumn { habits, column }),
        1 => any::<bool>().prop_map(|habits| CellEdit::DropTable { habits }),
        1 => prop_oneof![Just(7), Just(8), Just(25), Just(26), any::<i64>()].prop_map(CellEdit::Version),
    ]
}

/// Applies the edits through SQLite; an edit SQLite refuses (a constraint, a missing table) is
/// simply not made.
pub(crate) fn apply_cells(path: &Path, edits: &[CellEdit]) {
    let conn = Connection::open(path).unwrap();
    let table = |habits: bool| if habits { "Habits" } else { "Repetitions" };
    let ids = |t: &str| -> Vec<i64> {
        conn.prepare(&format!("SELECT rowid FROM {t} ORDER BY rowid"))
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .unwrap_or_default()
    };
    let columns = |t: &str| -> Vec<String> {
        conn.prepare(&format!("PRAGMA table_info({t})"))
            .and_then(|mut s| s.query_map([], |r| r.get(1))?.collect())
            .unwrap_or_default()
    };
    for edit in edits {
        let _ = match edit {
            CellEdit::Set {
                habits,
                row,
                column,
                value,
            } => {
                let (t, ids, columns) =
                    (table(*habits), ids(table(*habits)), columns(table(*habits)));
                if ids.is_empty() || columns.is_empty() {
                    continue;
                }
                let column = match column {
                    Column::Any(index) => index.get(&columns).as_str(),
                    Column::Named(name) => name,
                };
                conn.execute(
                    &format!("UPDATE {t} SET \"{column}\" = ?1 WHERE rowid = ?2"),
                    rusqlite::params![value, row.get(&ids)],
                )
            }
            CellEdit::Delete { habits, row } => {
                let (t, ids) = (table(*habits), ids(table(*habits)));
                if ids.is_empty() {
                    continue;
                }
                conn.execute(
                    &format!("DELETE FROM {t} WHERE rowid = ?1"),
                    [row.get(&ids)],
                )
            }
            CellEdit::RenameColumn { habits, column } => {
                let (t, columns) = (table(*habits), columns(table(*habits)));
                if columns.is_empty() {
                    continue;
                }
                let old = column.get(&columns);
                conn.execute(
                    &format!("ALTER TABLE {t} RENAME COLUMN \"{old}\" TO \"{old}_renamed\""),
                    [],
                )
            }
            CellEdit::DropTable { habits } => {
                conn.execute(&format!("DROP TABLE {}", table(*habits)), [])
            }
            CellEdit::Version(version) => conn
                .pragma_update(None, "user_version", version)
                .map(|()| 0),
        };
    }
}
