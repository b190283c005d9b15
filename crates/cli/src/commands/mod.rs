//! One module per subcommand.

pub mod assess;
pub mod data;
pub mod demo;
pub mod exercise_runs;
pub mod exercises;
pub mod habits;
pub mod import;
pub mod info;
pub mod instrument;
pub mod me;
pub mod observer;
pub mod people;
pub mod person;
pub mod programmes;
pub mod report;
pub mod score;
pub mod sessions;

use std::path::{Path, PathBuf};

use leadback_core::{Person, PersonKind};
use leadback_store::Store;

use crate::error::CliError;

/// Set to the passphrase of an encrypted database; the CLI never asks for it on a terminal.
pub const PASSPHRASE_ENV: &str = "LEADBACK_PASSPHRASE";

/// Opens the data folder's database, with the passphrase from [`PASSPHRASE_ENV`] when set.
pub fn open_store(data_dir: &Path) -> Result<Store, CliError> {
    Store::open_in_with(data_dir, passphrase().as_deref()).map_err(locked)
}

/// The passphrase from [`PASSPHRASE_ENV`], if set.
pub fn passphrase() -> Option<String> {
    std::env::var(PASSPHRASE_ENV).ok().filter(|k| !k.is_empty())
}

/// Explains how to open an encrypted database from the command line.
pub fn locked(err: leadback_store::StoreError) -> CliError {
    match err {
        leadback_store::StoreError::Locked => CliError::Usage(format!(
            "Your data is encrypted with a passphrase. Set {PASSPHRASE_ENV} to it to use the command line."
        )),
        other => other.into(),
    }
}

/// The person using the app; most commands act for them and need a profile first.
pub fn me(store: &Store) -> Result<Person, CliError> {
    store.me()?.ok_or_else(|| {
        CliError::Usage(
            "No profile yet. Set your name first: leadback me --name \"Your Name\"".into(),
        )
    })
}

/// "me" (any case) or the one person called exactly `name`.
pub fn person_named(store: &Store, name: &str) -> Result<Person, CliError> {
    let wanted = name.trim();
    if wanted.eq_ignore_ascii_case("me") {
        return me(store);
    }
    let mut matches: Vec<Person> = store
        .people()?
        .into_iter()
        .map(|p| p.person)
        .filter(|p| p.name == wanted)
        .collect();
    match (matches.pop(), matches.len()) {
        (Some(one), 0) => Ok(one),
        (None, _) => Err(CliError::Usage(format!(
            "There is no one called {wanted:?}. Give \"me\" or a client's name exactly as \
             `leadback people list` shows it. Nothing was written."
        ))),
        (Some(one), others) => Err(CliError::Usage(format!(
            "{} people are called {wanted:?}{}; rename one in the app first. Nothing was written.",
            others + 1,
            if one.kind == PersonKind::Me {
                " (you among them: use \"me\" for your own report)"
            } else {
                ""
            }
        ))),
    }
}

/// An output file is a `.EXTENSION` file (`what` says why, e.g. "a report is a PDF"), never the
/// database, its journal files or a backup.
pub fn check_output(
    store: &Store,
    file: &Path,
    extension: &str,
    what: &str,
) -> Result<(), CliError> {
    let refuse = |message: &str| CliError::InputFile {
        path: file.to_path_buf(),
        message: format!("{message} Nothing was written."),
    };
    let fits = file
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(extension));
    if !fits {
        return Err(refuse(&format!(
            "{what}: give a file name ending in .{extension}."
        )));
    }
    if file.is_dir() {
        return Err(refuse(&format!(
            "is a folder; give a file name ending in .{extension}."
        )));
    }
    let target = resolved(file).ok_or_else(|| refuse("its folder does not exist."))?;
    if let Some(database) = store.path().and_then(resolved) {
        let backups = resolved(&leadback_store::backup::backups_dir(&database));
        if target == database || backups.is_some_and(|b| target.starts_with(b)) {
            return Err(refuse(
                "is where Leadback keeps its data; choose another file.",
            ));
        }
    }
    Ok(())
}

/// `path` with links and `..` resolved; a file that does not exist yet through its folder.
fn resolved(path: &Path) -> Option<PathBuf> {
    path.canonicalize().ok().or_else(|| {
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        let folder = folder.map_or_else(|| Path::new(".").canonicalize(), Path::canonicalize);
        Some(folder.ok()?.join(path.file_name()?))
    })
}
