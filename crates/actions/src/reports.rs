//! Writing a person's PDF report where the coach chose to save it.

use std::path::Path;

use leadback_core::Clock;
use leadback_core::report::Report;
use leadback_report::{Fonts, render};
use leadback_store::{ReportLibraries, Store};

use crate::{ActionError, files};

/// Which report, and where.
#[derive(Debug, Clone, Copy)]
pub struct WriteReport<'a> {
    /// Me or a client.
    pub person_id: i64,
    /// A `.pdf` file in a folder that exists, not where the data is kept.
    pub path: &'a Path,
    /// Session notes are left out unless asked for.
    pub include_notes: bool,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub pages: usize,
    pub bytes: usize,
    /// Characters no font on this computer has: the report was written with a box in their
    /// place (the text layer still has them). Say which, with [`missing_note`].
    pub missing: Vec<char>,
}

/// What to tell the coach when some characters could not be drawn, e.g. "2 characters could not
/// be drawn, as no font on this computer has them: 𝔸 (U+1D538), U+10FFFD. They show as boxes in
/// the report (copying its text still gives them); install a font that has them (the Noto fonts
/// cover most scripts) and write the report again."
pub fn missing_note(missing: &[char]) -> Option<String> {
    if missing.is_empty() {
        return None;
    }
    let named: Vec<String> = missing
        .iter()
        .map(|&c| {
            let code = format!("U+{:04X}", u32::from(c));
            // A character that shows nowhere (private use) is named by its code alone.
            let private = ('\u{E000}'..='\u{F8FF}').contains(&c) || u32::from(c) >= 0xF_0000;
            if c.is_control() || private {
                code
            } else {
                format!("{c} ({code})")
            }
        })
        .collect();
    let (count, them, show) = if missing.len() == 1 {
        ("1 character".to_owned(), "it", "It shows as a box")
    } else {
        (
            format!("{} characters", missing.len()),
            "them",
            "They show as boxes",
        )
    };
    Some(format!(
        "{count} could not be drawn, as no font on this computer has {them}: {}. {show} in the \
         report (copying its text still gives {them}); install a font that has {them} (the Noto \
         fonts cover most scripts) and write the report again.",
        named.join(", ")
    ))
}

/// Writes the report about a person as of today: the path is checked before anything is read, and
/// nothing is written when the report cannot be drawn.
pub fn write(
    store: &Store,
    clock: &dyn Clock,
    libraries: ReportLibraries<'_>,
    input: WriteReport<'_>,
) -> Result<Written, ActionError> {
    files::check_output(store, input.path, "pdf", "a report")?;
    let data = store.report_data(
        input.person_id,
        clock.today(),
        libraries,
        input.include_notes,
    )?;
    let fonts = Fonts::system()?;
    let rendered = render(&Report::build(&data), &fonts)?;
    files::write(store, input.path, &rendered.bytes)?;
    Ok(Written {
        pages: rendered.pages,
        bytes: rendered.bytes.len(),
        missing: rendered.missing,
    })
}
