//! A passphrase for the database: set, changed or removed by writing a re-keyed copy beside the
//! file with SQLCipher's `sqlcipher_export`, checking it, and only then putting it in place. The
//! backups are re-keyed too, so none stays readable in the clear (or with a passphrase the person
//! has given up). The key derivation is SQLCipher's own (PBKDF2-HMAC-SHA512, 256,000 iterations in
//! SQLCipher 4).

use std::path::Path;

use rusqlite::{Connection, OpenFlags, params};

use crate::backup::{self, BackupFile};
use crate::connection::apply_key;
use crate::{Store, StoreError};

/// The shortest passphrase accepted: long enough that guessing it offline takes real work.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Checks a new passphrase: at least [`MIN_PASSPHRASE_CHARS`] characters, not only spaces.
pub fn check_passphrase(passphrase: &str) -> Result<(), StoreError> {
    if passphrase.trim().chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(StoreError::WeakPassphrase {
            min: MIN_PASSPHRASE_CHARS,
        });
    }
    Ok(())
}

/// Writes the database behind `conn` to `target` encrypted with `new` (plain for none), keeping
/// its schema version, and checks the copy opens with `new`.
fn export_keyed(conn: &Connection, target: &Path, new: Option<&str>) -> Result<(), StoreError> {
    let _ = std::fs::remove_file(target);
    conn.execute(
        "ATTACH DATABASE ?1 AS rekeyed KEY ?2",
        params![target.to_string_lossy(), new.unwrap_or("")],
    )?;
    let copied = (|| -> Result<(), StoreError> {
        conn.query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(()))?;
        let version: i64 = conn.query_row("PRAGMA main.user_version", [], |row| row.get(0))?;
        conn.execute_batch(&format!("PRAGMA rekeyed.user_version = {version}"))?;
        Ok(())
    })();
    conn.execute_batch("DETACH DATABASE rekeyed")?;
    let checked = copied.and_then(|()| backup::verify(target, new).map(|_| ()));
    if checked.is_err() {
        let _ = std::fs::remove_file(target);
    }
    checked
}

/// Re-keys one file in place (through a checked copy beside it).
fn rekey_file(file: &Path, old: Option<&str>, new: Option<&str>) -> Result<(), StoreError> {
    // CREATE lets the ATTACH below make the copy; the file itself exists (it was listed).
    let conn = Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    if let Some(old) = old {
        apply_key(&conn, old)?;
    }
    let partial = file.with_extension("rekey");
    export_keyed(&conn, &partial, new)?;
    drop(conn);
    std::fs::rename(&partial, file)
        .map_err(|err| StoreError::Backup(format!("Could not replace {}: {err}", file.display())))
}

impl Store {
    /// Encrypts the database with `new`, changes its passphrase, or (with none) stores it in the
    /// clear again; its backups follow. Returns the backups that could not be re-keyed (made with
    /// an older passphrase), which are left as they were.
    pub fn set_passphrase(&mut self, new: Option<&str>) -> Result<Vec<BackupFile>, StoreError> {
        if let Some(new) = new {
            check_passphrase(new)?;
        }
        let path = self
            .path()
            .map(Path::to_path_buf)
            .ok_or_else(|| StoreError::Backup("A database in memory has no passphrase.".into()))?;
        let old = self.key.clone();
        let rekeyed = path.with_extension("rekey");
        export_keyed(&self.conn, &rekeyed, new)?;

        // Close the file (which folds the write-ahead log back in), put the copy in its place,
        // and open that.
        let closed = std::mem::replace(self.conn.raw_mut(), Connection::open_in_memory()?);
        drop(closed);
        if let Err(err) = std::fs::rename(&rekeyed, &path) {
            *self = Store::open_with(&path, old.as_deref())?;
            return Err(StoreError::Backup(format!(
                "Could not put the re-keyed database in place: {err}. Nothing was changed."
            )));
        }
        for companion in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{companion}", path.display()));
        }
        *self = Store::open_with(&path, new)?;

        let mut left = Vec::new();
        for file in backup::list_backups(&backup::backups_dir(&path))? {
            if rekey_file(&file.path, old.as_deref(), new).is_err() {
                left.push(file);
            }
        }
        Ok(left)
    }
}
