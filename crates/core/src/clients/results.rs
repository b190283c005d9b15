//! A person's assessment results as a CSV file for a spreadsheet.

use csv::{QuoteStyle, Terminator, WriterBuilder};

use crate::assessment::HistoryEntry;

const HEADER: [&str; 9] = [
    "completed_at",
    "instrument",
    "version",
    "front",
    "behind",
    "servant",
    "situational",
    "energy",
    "profile",
];

/// A person's assessment results as CSV (RFC 4180: comma-separated, CRLF line ends, fields with
/// commas, quotes or line breaks quoted), one row per finished assessment, oldest first; a score
/// that could not be given is an empty field. A cell a spreadsheet would read as a formula is
/// neutralised.
pub fn results_csv(entries: &[HistoryEntry]) -> String {
    let score = |value: Option<f64>| value.map_or_else(String::new, |v| format!("{v:.1}"));
    let rows = entries.iter().map(|e| {
        [
            e.completed_at.to_rfc3339(),
            e.instrument_id.clone(),
            e.instrument_version.to_string(),
            score(e.scores.stances.front),
            score(e.scores.stances.behind),
            score(e.scores.stances.servant),
            score(e.scores.situational),
            score(e.scores.energy),
            e.profile.label.clone(),
        ]
    });
    let mut csv = WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .quote_style(QuoteStyle::Necessary)
        .from_writer(Vec::new());
    let written = csv.write_record(HEADER).and_then(|()| {
        rows.into_iter().try_for_each(|row| {
            csv.write_record(row.iter().map(|cell| neutralised(cell).into_owned()))
        })
    });
    #[allow(
        clippy::expect_used,
        reason = "writing rows of one length into memory does no I/O and cannot fail"
    )]
    let bytes = written
        .map_err(|err| err.to_string())
        .and_then(|()| csv.into_inner().map_err(|err| err.to_string()))
        .expect("CSV written to memory");
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a single
/// quote, so a spreadsheet shows it as text instead of running it as a formula (OWASP's rule
/// against CSV injection). A label or an instrument id is text a person or a file chose.
fn neutralised(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}
