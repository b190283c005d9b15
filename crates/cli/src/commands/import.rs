//! `leadback import loop FILE`.

use std::io::Write;
use std::path::Path;

use leadback_core::Clock;

use crate::error::CliError;

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
        "Imported {} new habit(s) ({} already here), {} check-in(s) ({} days already had an entry), {} note(s) on days without a check-in.",
        summary.habits_added,
        summary.habits_matched,
        summary.check_ins_added,
        summary.check_ins_unchanged,
        summary.notes_kept
    )?;
    for refused in &summary.refused {
        writeln!(out, "Not imported: {} — {}", refused.name, refused.reason)?;
    }
    Ok(())
}
