//! `leadback import loop FILE`.

use std::io::Write;
use std::path::Path;

use leadback_core::Clock;

use crate::error::CliError;
use crate::output::counted;

pub fn loop_file(
    data_dir: &Path,
    file: &Path,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (mut store, me) = super::open_with_me(data_dir)?;
    let summary = leadback_actions::loop_backup::import(&mut store, clock, me, file)?;
    writeln!(
        out,
        "Imported {} ({} already here), {} ({} already had an entry), {} on days without a check-in.",
        counted(summary.habits_added, "new habit", "new habits"),
        summary.habits_matched,
        counted(summary.check_ins_added, "check-in", "check-ins"),
        counted(summary.check_ins_unchanged, "day", "days"),
        counted(summary.notes_kept, "note", "notes")
    )?;
    for refused in &summary.refused {
        writeln!(out, "Not imported: {} — {}", refused.name, refused.reason)?;
    }
    Ok(())
}
