use std::io::Write;
use std::path::Path;

use leadback_store::{Integrity, paths};

use crate::error::CliError;
use crate::output::counted;

pub fn run(data_dir: &Path, out: &mut dyn Write) -> Result<(), CliError> {
    let store = super::open_store(data_dir)?;
    let info = store.info()?;
    writeln!(out, "data folder:    {}", data_dir.display())?;
    writeln!(
        out,
        "database:       {}",
        paths::database_path(data_dir).display()
    )?;
    writeln!(out, "schema version: {}", info.schema_version)?;
    match &info.integrity {
        Integrity::Ok => writeln!(out, "integrity:      ok")?,
        Integrity::Problems(lines) => {
            writeln!(
                out,
                "integrity:      {}",
                counted(lines.len(), "problem", "problems")
            )?;
            for line in lines {
                writeln!(out, "  {line}")?;
            }
        }
    }
    writeln!(out, "rows:")?;
    for count in &info.counts {
        writeln!(out, "  {:<24} {}", count.table, count.rows)?;
    }
    Ok(())
}
