//! Where pages break: how much of a block must fit at the foot of a page for it to start there.
//!
//! - A heading keeps with the start of what follows it (a heading alone at the foot of a page
//!   says nothing).
//! - Text starts only where two of its lines fit, so no paragraph leaves one line behind.
//! - A short note (the line that explains a chart or says why something is missing) keeps with
//!   the start of what follows it.
//! - A table starts with its header and first two rows, then breaks between rows.
//! - A short bar chart is kept whole; a long one starts with its first rows, then breaks.
//! - A line chart and a boxed callout are kept whole: cut, they cannot be read.
//! - A section that prefers a page of its own (session notes) gets one only when the page it
//!   would leave is at least half full.
//!
//! Every start is less than half a page (only a callout of many paragraphs could be more), so a
//! page breaks early only when it is already more than half full.

use leadback_core::report::{Block, Figure};

use super::bars::Chart;
use super::text::{wrap, wrap_at_most};
use super::{
    BODY, BOTTOM, HEADING, LIST_WIDTH, NOTE, SUBHEADING, TOP, TextStyle, WIDTH, Writer, timeline,
};

/// Lines of text that must fit together at the foot of a page.
const FIRST_LINES: usize = 2;

/// A note this short keeps with the block after it.
const SHORT_NOTE: usize = 4;

/// How full a page must be before a section leaves it for a page of its own.
const FULL_ENOUGH: f32 = 0.5;

impl Writer<'_> {
    /// What must fit below the current position for `block` to start here; `rest` follows it.
    pub(super) fn lead(&self, block: &Block, rest: &[Block]) -> f32 {
        // The height of a bold heading's lines, and of a text's first lines.
        let heading = |text: &str, style: TextStyle| {
            wrap(self.fonts.face(true), text, style.size, WIDTH).len() as f32 * style.line
        };
        let first_lines = |text: &str, style: TextStyle, width: f32| {
            let lines = wrap_at_most(self.fonts.face(false), text, style.size, width, FIRST_LINES);
            lines.len() as f32 * style.line
        };
        let lead = match block {
            Block::Heading(text) => 8.0 + heading(text, HEADING) + 4.0 + self.lead_of(rest),
            Block::Subheading(text) => 2.0 + heading(text, SUBHEADING) + 1.0 + self.lead_of(rest),
            Block::Paragraph(text) => first_lines(text, BODY, WIDTH),
            Block::Note(text) => {
                // A short note explains what follows it (a chart, a table), so it goes with it.
                let face = self.fonts.face(false);
                let lines = wrap_at_most(face, text, NOTE.size, WIDTH, SHORT_NOTE + 1);
                if rest.is_empty() || lines.len() > SHORT_NOTE {
                    first_lines(text, NOTE, WIDTH)
                } else {
                    lines.len() as f32 * NOTE.line + 8.0 + self.lead_of(rest)
                }
            }
            Block::List { items, .. } => items
                .first()
                .map_or(0.0, |item| first_lines(item, BODY, LIST_WIDTH)),
            Block::Callout { title, text } => self.callout_lines(title, text).2,
            Block::Table(table) => self.table_lead(table),
            Block::Figure(Figure::Bars {
                caption,
                max,
                unit,
                bars,
            }) => Chart::plain(caption, *max, unit, bars).lead(),
            Block::Figure(Figure::Grouped {
                caption,
                max,
                legend,
                groups,
            }) => Chart::grouped(caption, *max, legend, groups).lead(),
            Block::Figure(Figure::Lines { .. }) => timeline::lead(),
        };
        // Whatever is taller than a page starts at the top of one.
        lead.min(BOTTOM - TOP)
    }

    /// The lead of the first of `blocks`, or nothing.
    pub(super) fn lead_of(&self, blocks: &[Block]) -> f32 {
        blocks
            .split_first()
            .map_or(0.0, |(first, rest)| self.lead(first, rest))
    }
}

/// Whether a section that prefers a page of its own leaves the page it would start at `y` on.
pub(super) fn full_enough(y: f32) -> bool {
    (y - TOP) / (BOTTOM - TOP) >= FULL_ENOUGH
}
