//! Leadback's PDF report: draws a [`leadback_core::report::Report`] (the content the domain
//! decided on) as A4 pages — a title block with the person, the coach and the date, the profile
//! as bars per stance, the observers' view beside the person's own as paired bars, the history as
//! a line per stance over time, habit strength as bars, tables beside the charts, session notes
//! flowing across pages, a running header and page numbers.
//! The CLI and the app both call [`render`], so they write the same file.
//!
//! Text is set as a typesetter sets it: shaped (rustybuzz), in its bidirectional order
//! (unicode-bidi), broken into lines where Unicode allows (unicode-linebreak), in a sans-serif
//! family found on the computer at run time ([`Fonts::system`]) and, for characters that family
//! lacks, in the first of the computer's other fonts that has them. Fonts are embedded as
//! subsets; nothing is bundled. A character no font has is drawn as a box and named in
//! [`Rendered::missing`], never silently replaced. This crate knows nothing of the database or windows
//! and writes no files: it turns a report into bytes.

mod fonts;
mod layout;
mod pdf;
mod shape;

use leadback_core::report::Report;
use thiserror::Error;

pub use fonts::{Face, Fonts};

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ReportError {
    #[error(
        "No font to write the report with: none of {wanted} was found in {looked_in}. Install one \
         of them (DejaVu Sans or Noto Sans, for example) and try again."
    )]
    NoFont { looked_in: String, wanted: String },
    #[error("The font {font} cannot be used for the report: {detail}.")]
    BadFont { font: String, detail: String },
}

/// A report drawn as a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Characters no font on the computer has, in the order the report meets them: each is
    /// drawn as the font's "missing" box (its text still reads back), and the caller says which.
    pub missing: Vec<char>,
}

/// Draws `report` as a PDF with `fonts`.
pub fn render(report: &Report, fonts: &Fonts) -> Result<Rendered, ReportError> {
    let fonts = shape::Typesetter::new(fonts);
    let pages = layout::layout(report, &fonts);
    let subject = format!("A report for {}", report.person_name);
    let bytes = pdf::write(
        &pages,
        &fonts,
        &pdf::Info {
            title: &format!("{} — {}", report.title, report.person_name),
            author: report.coach_name.as_deref(),
            subject: &subject,
            date: report.generated_on,
        },
    )?;
    Ok(Rendered {
        bytes,
        pages: pages.len(),
        missing: fonts.missing(),
    })
}
