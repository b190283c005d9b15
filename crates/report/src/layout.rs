//! Lays a report out on A4 pages: a title block, sections that flow from page to page, wrapped
//! text, tables whose header repeats after a page break, and charts as vector marks. The result
//! is a list of pages of drawing operations in points, top-down (y grows downwards); `pdf.rs`
//! writes them. Page headers and "Page N of M" footers are added once the page count is known.
//!
//! Where a page breaks is decided in [`keep`]: a block starts on a page only when its start fits
//! there (a heading with the first lines under it, a table's header with its first rows, a chart's
//! first rows), and long tables and bar charts continue on the next page rather than jump to it
//! whole, so no page is left mostly empty while what follows could have begun on it.

mod bars;
mod furniture;
mod keep;
mod table;
mod text;
mod timeline;

use leadback_core::report::{Block, Figure, Report, Tone};

use self::bars::Chart;
use self::text::wrap;
use crate::shape::Typesetter;

pub(crate) use self::text::Style;

pub(crate) const PAGE_WIDTH: f32 = 595.28;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
const LEFT: f32 = 56.0;
const RIGHT: f32 = PAGE_WIDTH - 56.0;
const WIDTH: f32 = RIGHT - LEFT;
const TOP: f32 = 72.0;
const BOTTOM: f32 = PAGE_HEIGHT - 64.0;

/// A text size and the height of its lines.
#[derive(Debug, Clone, Copy)]
struct TextStyle {
    size: f32,
    line: f32,
}

const fn style(size: f32, line: f32) -> TextStyle {
    TextStyle { size, line }
}

const BODY: TextStyle = style(10.5, 15.0);
const SMALL: TextStyle = style(9.0, 12.5);
const NOTE: TextStyle = style(9.5, 13.5);
const HEADING: TextStyle = style(12.0, 16.0);
const SUBHEADING: TextStyle = style(10.0, 14.0);
const SUBTITLE: TextStyle = style(15.0, 20.0);

/// A list item's text, right of its marker.
const LIST_WIDTH: f32 = WIDTH - 16.0;
/// A section's heading, its rule and the space under it.
const SECTION_HEADING: f32 = 26.0 + 14.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rgb(pub f32, pub f32, pub f32);

const fn hex(v: u32) -> Rgb {
    Rgb(
        ((v >> 16) & 0xff) as f32 / 255.0,
        ((v >> 8) & 0xff) as f32 / 255.0,
        (v & 0xff) as f32 / 255.0,
    )
}

// The app's light theme (ui/src/app/theme.css), so the report reads like the screens.
const TEXT: Rgb = hex(0x1f2421);
const MUTED: Rgb = hex(0x535b56);
const LINE: Rgb = hex(0xd9d5cc);
const TRACK: Rgb = hex(0xefece6);
const ACCENT: Rgb = hex(0x2f6b4f);
const ACCENT_SOFT: Rgb = hex(0xe3efe8);

fn tone(t: Tone) -> Rgb {
    match t {
        Tone::Front => hex(0xb34a00),
        Tone::Behind => hex(0x0868a8),
        Tone::Servant => hex(0xa23b78),
        Tone::Rest => hex(0x6b6410),
        Tone::Neutral => hex(0x6b736e),
        // The app's quiet grey for the earlier of two results, at its 60% on white.
        Tone::Own => hex(0xa6aba8),
        Tone::Observers => ACCENT,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Op {
    /// `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    Polyline {
        points: Vec<(f32, f32)>,
        width: f32,
        color: Rgb,
    },
    Dot {
        x: f32,
        y: f32,
        r: f32,
        color: Rgb,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Page {
    pub ops: Vec<Op>,
    /// How far down the content reaches: where the free space at the foot of the page begins.
    pub bottom: f32,
}

struct Writer<'a> {
    fonts: &'a Typesetter<'a>,
    pages: Vec<Page>,
    /// The top of the free space on the current page.
    y: f32,
}

impl Writer<'_> {
    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last].ops
    }

    fn push(&mut self, op: Op) {
        self.ops().push(op);
    }

    fn new_page(&mut self) {
        let y = self.y;
        if let Some(page) = self.pages.last_mut() {
            page.bottom = y;
        }
        self.pages.push(Page::default());
        self.y = TOP;
    }

    /// Starts a new page unless `height` more fits on this one.
    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, color: Rgb, text: &str) {
        if text.is_empty() {
            return;
        }
        self.push(Op::Text {
            x,
            y,
            size,
            bold,
            color,
            text: text.to_owned(),
        });
    }

    /// A line of body text at `x`, on the current line.
    fn body_text(&mut self, x: f32, color: Rgb, text: &str) {
        self.text(x, self.y + BODY.size, BODY.size, false, color, text);
    }

    fn right_text(&mut self, right: f32, y: f32, size: f32, bold: bool, color: Rgb, text: &str) {
        let w = self.fonts.face(bold).width(text, size);
        self.text(right - w, y, size, bold, color, text);
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.push(Op::Rect { x, y, w, h, color });
    }

    fn hline(&mut self, x0: f32, x1: f32, y: f32, width: f32, color: Rgb) {
        self.push(Op::Polyline {
            points: vec![(x0, y), (x1, y)],
            width,
            color,
        });
    }

    /// Wrapped lines at `x`, each moved to the next page when it does not fit; a right-to-left
    /// paragraph (Arabic, Hebrew…) is set flush right.
    fn lines(&mut self, text: &str, x: f32, width: f32, style: TextStyle, bold: bool, color: Rgb) {
        let TextStyle { size, line } = style;
        let rtl = Typesetter::is_rtl(text);
        for l in wrap(self.fonts.face(bold), text, size, width) {
            self.ensure(line);
            if rtl {
                self.right_text(x + width, self.y + size, size, bold, color, &l);
            } else {
                self.text(x, self.y + size, size, bold, color, &l);
            }
            self.y += line;
        }
    }

    fn title_block(&mut self, report: &Report) {
        self.y = 56.0;
        self.rect(LEFT, self.y, 40.0, 4.0, ACCENT);
        self.y += 22.0;
        self.text(LEFT, self.y, 9.0, true, ACCENT, "LEADBACK REPORT");
        self.y += 30.0;
        self.text(LEFT, self.y, 26.0, true, TEXT, &report.title);
        self.y += 26.0;
        let subtitle = format!("A report for {}", report.person_name);
        self.lines(&subtitle, LEFT, WIDTH, SUBTITLE, false, MUTED);
        self.y += 14.0;
        let label_width = 110.0;
        let rows: Vec<(String, Vec<String>)> = report
            .facts
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    wrap(
                        self.fonts.face(false),
                        v,
                        BODY.size,
                        WIDTH - label_width - 32.0,
                    ),
                )
            })
            .collect();
        let height = rows
            .iter()
            .map(|(_, v)| v.len().max(1) as f32 * BODY.line + 4.0)
            .sum::<f32>()
            + 20.0;
        self.rect(LEFT, self.y, WIDTH, height, ACCENT_SOFT);
        self.rect(LEFT, self.y, 3.0, height, ACCENT);
        self.y += 12.0;
        for (label, values) in rows {
            let baseline = self.y + BODY.size;
            self.text(LEFT + 16.0, baseline, SMALL.size, true, MUTED, &label);
            for v in values {
                self.body_text(LEFT + 16.0 + label_width, TEXT, &v);
                self.y += BODY.line;
            }
            self.y += 4.0;
        }
        self.y += 8.0 + 28.0;
    }

    fn section_heading(&mut self, heading: &str, blocks: &[Block]) {
        let space = if self.y > TOP { 10.0 } else { 0.0 };
        // Keep the heading with the start of what follows it.
        self.ensure(space + SECTION_HEADING + self.lead_of(blocks));
        if self.y > TOP {
            self.y += 10.0;
        }
        self.text(LEFT, self.y + 18.0, 18.0, true, TEXT, heading);
        self.y += 26.0;
        self.hline(LEFT, RIGHT, self.y, 0.8, ACCENT);
        self.y += 14.0;
    }

    /// Draws `block`, starting it on a new page unless its start fits here; `rest` is what follows
    /// it in the section (a heading stays with it).
    fn block(&mut self, block: &Block, rest: &[Block]) {
        self.ensure(self.lead(block, rest));
        match block {
            Block::Heading(text) => {
                self.y += 8.0;
                self.lines(text, LEFT, WIDTH, HEADING, true, TEXT);
                self.y += 4.0;
            }
            Block::Subheading(text) => {
                self.y += 2.0;
                self.lines(text, LEFT, WIDTH, SUBHEADING, true, MUTED);
                self.y += 1.0;
            }
            Block::Paragraph(text) => {
                self.lines(text, LEFT, WIDTH, BODY, false, TEXT);
                self.y += 6.0;
            }
            Block::Note(text) => {
                self.lines(text, LEFT, WIDTH, NOTE, false, MUTED);
                self.y += 8.0;
            }
            Block::Callout { title, text } => self.callout(title, text),
            Block::List { ordered, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}.", i + 1)
                    } else {
                        "•".to_owned()
                    };
                    let lines = wrap(self.fonts.face(false), item, BODY.size, LIST_WIDTH);
                    for (n, line) in lines.iter().enumerate() {
                        self.ensure(BODY.line);
                        if n == 0 {
                            self.body_text(LEFT + 2.0, MUTED, &marker);
                        }
                        self.body_text(LEFT + 16.0, TEXT, line);
                        self.y += BODY.line;
                    }
                    self.y += 2.0;
                }
                self.y += 6.0;
            }
            Block::Table(table) => self.table(table),
            Block::Figure(Figure::Bars {
                caption,
                max,
                unit,
                bars,
            }) => self.bar_chart(&Chart::plain(caption, *max, unit, bars)),
            Block::Figure(Figure::Grouped {
                caption,
                max,
                legend,
                groups,
            }) => self.bar_chart(&Chart::grouped(caption, *max, legend, groups)),
            Block::Figure(Figure::Lines {
                caption,
                dates,
                series,
            }) => self.lines_chart(caption, dates, series),
        }
    }

    /// A callout's title and text as lines, and the box's height.
    fn callout_lines(&self, title: &str, text: &str) -> (Vec<String>, Vec<String>, f32) {
        let inner = WIDTH - 32.0;
        let title_lines = wrap(self.fonts.face(true), title, 13.0, inner);
        let text_lines = wrap(self.fonts.face(false), text, BODY.size, inner);
        let height =
            24.0 + title_lines.len() as f32 * 17.0 + text_lines.len() as f32 * BODY.line + 4.0;
        (title_lines, text_lines, height)
    }

    fn callout(&mut self, title: &str, text: &str) {
        let (title_lines, text_lines, height) = self.callout_lines(title, text);
        let top = self.y;
        self.rect(LEFT, top, WIDTH, height, ACCENT_SOFT);
        self.rect(LEFT, top, 3.0, height, ACCENT);
        self.y += 12.0;
        for line in title_lines {
            self.text(LEFT + 16.0, self.y + 13.0, 13.0, true, ACCENT, &line);
            self.y += 17.0;
        }
        self.y += 2.0;
        for line in text_lines {
            self.body_text(LEFT + 16.0, TEXT, &line);
            self.y += BODY.line;
        }
        self.y = top + height + 14.0;
    }

    fn caption(&mut self, caption: &str) {
        self.text(LEFT, self.y + 10.0, 10.0, true, TEXT, caption);
        self.y += 20.0;
    }
}

/// The report's content laid out on pages, without the running header and footer.
fn flow<'a>(report: &Report, fonts: &'a Typesetter<'a>) -> Writer<'a> {
    let mut w = Writer {
        fonts,
        pages: vec![Page::default()],
        y: TOP,
    };
    w.title_block(report);
    for section in &report.sections {
        if section.new_page && w.y > TOP && keep::full_enough(w.y) {
            w.new_page();
        }
        w.section_heading(&section.heading, &section.blocks);
        for (i, block) in section.blocks.iter().enumerate() {
            w.block(block, &section.blocks[i + 1..]);
        }
    }
    let y = w.y;
    if let Some(page) = w.pages.last_mut() {
        page.bottom = y;
    }
    w
}

/// The report's pages, each a list of drawing operations.
pub(crate) fn layout<'a>(report: &Report, fonts: &'a Typesetter<'a>) -> Vec<Page> {
    let mut w = flow(report, fonts);
    w.furniture(report);
    w.pages
}

#[cfg(test)]
#[path = "layout/tests.rs"]
mod tests;
