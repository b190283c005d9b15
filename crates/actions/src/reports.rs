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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub pages: usize,
    pub bytes: usize,
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
    })
}
