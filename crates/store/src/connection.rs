//! Connections beside the store's own: read-only ones for checking or copying a whole file, the
//! passphrase every connection needs first, and the integrity checks.

use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::StoreError;

/// The memory map used while `quick_check` reads the whole file at start-up.
const QUICK_CHECK_MMAP: i64 = 256 << 20;

/// `PRAGMA quick_check` read through a memory map, which makes it about twice as fast; the map is
/// dropped again afterwards, so normal work never meets a SIGBUS on a truncated file.
pub(crate) fn quick_check(conn: &Connection) -> Result<Vec<String>, rusqlite::Error> {
    conn.pragma_update(None, "mmap_size", QUICK_CHECK_MMAP)?;
    let problems = check(conn, "quick_check");
    conn.pragma_update(None, "mmap_size", 0)?;
    problems
}

/// The start-up `quick_check` of the database at `path` through a read-only connection of its
/// own, for a store opened with [`Store::open_in_deferring_check`]: `Err(Damaged)` when it finds
/// a problem.
pub fn quick_check_file(path: &Path, key: Option<&str>) -> Result<(), StoreError> {
    let conn = open_read_only(path, key)?;
    let problems = quick_check(&conn).map_err(|err| classify_open_error(err, path))?;
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Damaged {
            path: path.to_path_buf(),
            detail: problems.join("; "),
        })
    }
}

/// A read-only connection of its own to the database file at `path`, with its passphrase: for
/// reading a whole file (checks, backups, restores) without holding the store.
pub(crate) fn open_read_only(path: &Path, key: Option<&str>) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    if let Some(key) = key {
        apply_key(&conn, key)?;
    }
    Ok(conn)
}

/// Gives SQLCipher the passphrase; it must come before anything else reads the file.
pub(crate) fn apply_key(conn: &Connection, key: &str) -> Result<(), StoreError> {
    // SQLCipher logs every failed decryption to stderr; a wrong passphrase is reported to the
    // person instead.
    let _ = conn.pragma_update(None, "cipher_log_level", "NONE");
    conn.pragma_update(None, "key", key)?;
    Ok(())
}

/// Runs `PRAGMA quick_check` or `integrity_check` and returns the problems it found (none: empty).
pub(crate) fn check(conn: &Connection, pragma: &str) -> Result<Vec<String>, rusqlite::Error> {
    let lines: Vec<String> = conn
        .prepare(&format!("PRAGMA {pragma}"))?
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(lines.into_iter().filter(|line| line != "ok").collect())
}

pub(crate) fn classify_open_error(err: rusqlite::Error, path: &Path) -> StoreError {
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Damaged {
            path: path.to_path_buf(),
            detail: err.to_string(),
        },
        _ => StoreError::Sqlite(err),
    }
}
