//! One module per subcommand.

pub mod assess;
pub mod data;
pub mod demo;
pub mod exercise_runs;
pub mod exercises;
pub mod habit_reminders;
pub mod habits;
pub mod homework;
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
pub mod sync;

use std::path::{Path, PathBuf};

use leadback_core::{Person, PersonKind};
use leadback_store::{HabitRecord, Store};

use crate::error::CliError;

/// Set to the passphrase of an encrypted database; the CLI never asks for it on a terminal.
pub const PASSPHRASE_ENV: &str = "LEADBACK_PASSPHRASE";

/// Opens the data folder's database, with the passphrase from [`PASSPHRASE_ENV`] when set.
pub fn open_store(data_dir: &Path) -> Result<Store, CliError> {
    Store::open_in_with(data_dir, passphrase().as_deref()).map_err(locked)
}

/// The store for a command that only reads (`habits list`), without the start-up `quick_check`
/// of every page: its cost grows with the file (most of a ten-year list's time), and a read
/// writes nothing a damaged file could spoil. Damage SQLite meets while reading is still
/// reported as damage ([`read_damage`]); a file that needs an upgrade is still checked first.
pub fn open_store_to_read(data_dir: &Path) -> Result<Store, CliError> {
    Store::open_in_deferring_check(data_dir, passphrase().as_deref()).map_err(locked)
}

/// Damage met while reading (SQLite's "malformed" or "not a database"), in the words the start-up
/// check uses.
pub fn read_damage(data_dir: &Path) -> impl Fn(CliError) -> CliError {
    let path = leadback_store::paths::database_path(data_dir);
    move |err| match err {
        CliError::Store(err) => CliError::Store(err.damage_at(&path)),
        other => other,
    }
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

/// `path` made absolute against the folder the command runs in (the use cases take only full
/// paths); a path that cannot be is left as it is, for the use case to refuse.
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The store and my id.
pub fn open_with_me(data_dir: &Path) -> Result<(Store, i64), CliError> {
    let store = open_store(data_dir)?;
    let me = me(&store)?;
    Ok((store, me.id))
}

/// A habit by exact name (case-insensitive), or by a unique prefix.
pub fn find_habit(store: &Store, me: i64, name: &str) -> Result<HabitRecord, CliError> {
    let wanted = name.trim().to_lowercase();
    let habits = store.habits(me, true)?;
    if let Some(exact) = habits.iter().find(|h| h.name.to_lowercase() == wanted) {
        return Ok(exact.clone());
    }
    let mut matches = habits
        .into_iter()
        .filter(|h| h.name.to_lowercase().starts_with(&wanted));
    match (matches.next(), matches.next()) {
        (Some(only), None) => Ok(only),
        (Some(_), Some(_)) => Err(CliError::Usage(format!(
            "More than one habit starts with {name:?}; type more of its name."
        ))),
        (None, _) => Err(CliError::Usage(format!(
            "You have no habit called {name:?}; see leadback habits list."
        ))),
    }
}
