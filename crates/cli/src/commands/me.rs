use std::io::Write;
use std::path::PathBuf;

use leadback_core::{Clock, PersonName};
use leadback_store::StoreError;

use crate::error::CliError;

pub fn run(
    data_dir: impl FnOnce() -> Result<PathBuf, StoreError>,
    name: Option<&str>,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    // Validate before opening, so bad input never even creates the data folder.
    let name = name.map(PersonName::parse).transpose()?;
    let mut store = super::open_store(&data_dir()?)?;
    let me = match name {
        Some(name) => Some(leadback_actions::people::set_my_name(
            &mut store, clock, &name,
        )?),
        None => store.me()?,
    };
    match me {
        Some(me) => writeln!(out, "{}", me.name)?,
        None => writeln!(
            out,
            "No profile yet. Set your name with: leadback me --name \"Your Name\""
        )?,
    }
    Ok(())
}
