use std::io::Write;

use leadback_core::assessment::{BUILTIN_FILE_NAME, builtin};

use crate::error::CliError;
use crate::output;

pub fn show(json: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let instrument = builtin()?;
    let view = instrument.view();
    if json {
        serde_json::to_writer_pretty(&mut *out, view).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{} ({BUILTIN_FILE_NAME})", view.title)?;
    writeln!(out, "id {} · version {}", view.id, view.version)?;
    writeln!(out, "scale: {}", output::scale(&view.scale))?;
    writeln!(out, "\n{} items — {}", view.items.len(), view.stem)?;
    for item in &view.items {
        let reverse = if item.reverse { " (reverse)" } else { "" };
        writeln!(
            out,
            "  {:<12} {:<8}{reverse} {}",
            item.id, item.stance, item.text
        )?;
    }
    writeln!(out, "\n{} scenarios", view.scenarios.len())?;
    for scenario in &view.scenarios {
        writeln!(
            out,
            "  {:<12} {} (fits: {})",
            scenario.id, scenario.title, scenario.fitting
        )?;
    }
    writeln!(
        out,
        "\n{} energy items — {}",
        view.energy.items.len(),
        view.energy.stem
    )?;
    for item in &view.energy.items {
        let reverse = if item.reverse { " (reverse)" } else { "" };
        writeln!(out, "  {:<12}{reverse} {}", item.id, item.text)?;
    }
    Ok(())
}
