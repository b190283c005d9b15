//! One module per subcommand.

pub mod assess;
pub mod data;
pub mod exercises;
pub mod habits;
pub mod import;
pub mod info;
pub mod instrument;
pub mod me;
pub mod score;

use leadback_core::Person;
use leadback_store::Store;

use crate::error::CliError;

/// The person using the app; most commands act for them and need a profile first.
pub fn me(store: &Store) -> Result<Person, CliError> {
    store.me()?.ok_or_else(|| {
        CliError::Usage(
            "No profile yet. Set your name first: leadback me --name \"Your Name\"".into(),
        )
    })
}
