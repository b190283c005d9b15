//! One module per subcommand.

pub mod assess;
pub mod data;
pub mod demo;
pub mod exercises;
pub mod habits;
pub mod import;
pub mod info;
pub mod instrument;
pub mod me;
pub mod people;
pub mod score;

use leadback_core::Person;
use leadback_store::Store;

use crate::error::CliError;

/// Set to the passphrase of an encrypted database; the CLI never asks for it on a terminal.
pub const PASSPHRASE_ENV: &str = "LEADBACK_PASSPHRASE";

/// Opens the data folder's database, with the passphrase from [`PASSPHRASE_ENV`] when set.
pub fn open_store(data_dir: &std::path::Path) -> Result<Store, CliError> {
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
