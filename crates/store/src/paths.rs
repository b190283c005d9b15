//! Where the data lives. By default, the platform's app-data folder under the app identifier (the
//! same folder Tauri's `app_data_dir` names, so the app and the CLI always agree); the
//! `LEADBACK_DATA_DIR` environment variable or an explicit `--data-dir` overrides it.

use std::path::{Path, PathBuf};

use crate::StoreError;

/// The app identifier from tauri.conf.json; the default data folder is named after it.
pub const APP_IDENTIFIER: &str = "app.leadback.desktop";

/// The environment variable that moves the data folder (every test sets it).
pub const DATA_DIR_ENV: &str = "LEADBACK_DATA_DIR";

/// The database file's name inside the data folder.
pub const DATABASE_FILE: &str = "leadback.sqlite3";

/// Picks the data folder: an explicit choice first, then the environment, then the platform default.
pub fn resolve_data_dir(
    explicit: Option<&Path>,
    env_value: Option<&str>,
) -> Result<PathBuf, StoreError> {
    if let Some(dir) = explicit {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = env_value.filter(|v| !v.trim().is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::BaseDirs::new()
        .map(|dirs| dirs.data_dir().join(APP_IDENTIFIER))
        .ok_or(StoreError::NoDataDir)
}

/// [`resolve_data_dir`] reading `LEADBACK_DATA_DIR` from this process's environment.
pub fn data_dir_from_env(explicit: Option<&Path>) -> Result<PathBuf, StoreError> {
    let env_value = std::env::var(DATA_DIR_ENV).ok();
    resolve_data_dir(explicit, env_value.as_deref())
}

pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DATABASE_FILE)
}

/// The first 16 bytes of every plain SQLite file; an encrypted file starts with random bytes.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Whether the file at `path` looks encrypted with a passphrase: no plain SQLite header, and whole
/// pages (SQLCipher writes pages of a multiple of 512 bytes, 4096 by default). Anything else that
/// is not SQLite (a text file, a truncated copy) is reported as damaged when opened.
pub fn is_encrypted(path: &Path) -> bool {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let whole_pages = file
        .metadata()
        .is_ok_and(|m| m.len() >= 1024 && m.len().is_multiple_of(512));
    let mut header = [0u8; 16];
    whole_pages && file.read_exact(&mut header).is_ok() && &header != SQLITE_HEADER
}

/// Reads `path`, but never more than one byte past `max`: a file over the limit (or a device that
/// never ends) comes back just over it, for the caller's size check to refuse, without being read
/// whole.
pub fn read_at_most(path: &Path, max: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Writes `bytes` to `path`: beside it first and then renamed, so a crash never leaves half a file
/// under its name (and a failed write leaves nothing behind).
pub fn write_file(path: &Path, bytes: impl AsRef<[u8]>) -> Result<(), StoreError> {
    let failed = |path: &Path, source| StoreError::WriteFile {
        path: path.to_path_buf(),
        source,
    };
    let partial = path.with_extension("partial");
    std::fs::write(&partial, bytes).map_err(|err| failed(&partial, err))?;
    std::fs::rename(&partial, path).map_err(|err| {
        let _ = std::fs::remove_file(&partial);
        failed(path, err)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explicit_folder_beats_the_environment() {
        let dir = resolve_data_dir(Some(Path::new("/tmp/explicit")), Some("/tmp/env"));
        assert_eq!(dir.ok(), Some(PathBuf::from("/tmp/explicit")));
    }

    #[test]
    fn the_environment_beats_the_platform_default() {
        let dir = resolve_data_dir(None, Some("/tmp/env"));
        assert_eq!(dir.ok(), Some(PathBuf::from("/tmp/env")));
    }

    #[test]
    fn a_blank_environment_value_falls_back_to_the_app_identifier_folder() {
        let dir = resolve_data_dir(None, Some("  ")).ok();
        assert!(
            dir.as_deref().is_some_and(|d| d.ends_with(APP_IDENTIFIER)),
            "got {dir:?}"
        );
    }
}
