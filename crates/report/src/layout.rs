//! Lays a report out on A4 pages: a title block, sections that flow from page to page, wrapped
//! text, tables whose header repeats after a page break, and charts as vector marks. The result
//! is a list of pages of drawing operations in points, top-down (y grows downwards); `pdf.rs`
//! writes them. Page headers and "Page N of M" footers are added once the page count is known.

use leadback_core::report::{Bar, Block, Column, Figure, Report, Series, Table, Tone, long_date};

use crate::fonts::{Face, Fonts};

pub(crate) const PAGE_WIDTH: f32 = 595.28;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
const LEFT: f32 = 56.0;
const RIGHT: f32 = PAGE_WIDTH - 56.0;
const WIDTH: f32 = RIGHT - LEFT;
const TOP: f32 = 72.0;
const BOTTOM: f32 = PAGE_HEIGHT - 64.0;

const BODY: f32 = 10.5;
const BODY_LINE: f32 = 15.0;
const SMALL: f32 = 9.0;
const SMALL_LINE: f32 = 12.5;

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
}

/// Splits `text` into lines no wider than `width`; a word longer than a line is cut.
pub(crate) fn wrap(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let space = face.width(" ", size);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        let mut word_width = face.width(&word, size);
        while word_width > width {
            // Cut the longest head that fits on a line of its own.
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            let mut head = String::new();
            let mut head_width = 0.0;
            for c in word.chars() {
                let w = face.width(c.encode_utf8(&mut [0; 4]), size);
                if head_width + w > width && !head.is_empty() {
                    break;
                }
                head.push(c);
                head_width += w;
            }
            word = word[head.len()..].to_owned();
            word_width = face.width(&word, size);
            lines.push(head);
        }
        if word.is_empty() {
            continue;
        }
        if line.is_empty() {
            line = word;
            line_width = word_width;
        } else if line_width + space + word_width <= width {
            line.push(' ');
            line.push_str(&word);
            line_width += space + word_width;
        } else {
            lines.push(std::mem::replace(&mut line, word));
            line_width = word_width;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut to `width` with an ellipsis.
fn fit(face: &Face, text: &str, size: f32, width: f32) -> String {
    if face.width(text, size) <= width {
        return text.to_owned();
    }
    let room = width - face.width("…", size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = face.width(c.encode_utf8(&mut [0; 4]), size);
        if used + w > room {
            break;
        }
        out.push(c);
        used += w;
    }
    format!("{}…", out.trim_end())
}

struct Writer<'a> {
    fonts: &'a Fonts,
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

    /// Wrapped lines at `x`, each moved to the next page when it does not fit.
    #[allow(clippy::too_many_arguments)]
    fn lines(
        &mut self,
        text: &str,
        x: f32,
        width: f32,
        size: f32,
        line: f32,
        bold: bool,
        color: Rgb,
    ) {
        for l in wrap(self.fonts.face(bold), text, size, width) {
            self.ensure(line);
            self.text(x, self.y + size, size, bold, color, &l);
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
        self.lines(&subtitle, LEFT, WIDTH, 15.0, 20.0, false, MUTED);
        self.y += 14.0;
        let label_width = 110.0;
        let rows: Vec<(String, Vec<String>)> = report
            .facts
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    wrap(self.fonts.face(false), v, BODY, WIDTH - label_width - 32.0),
                )
            })
            .collect();
        let height = rows
            .iter()
            .map(|(_, v)| v.len().max(1) as f32 * BODY_LINE + 4.0)
            .sum::<f32>()
            + 20.0;
        self.rect(LEFT, self.y, WIDTH, height, ACCENT_SOFT);
        self.rect(LEFT, self.y, 3.0, height, ACCENT);
        self.y += 12.0;
        for (label, values) in rows {
            self.text(LEFT + 16.0, self.y + BODY, SMALL, true, MUTED, &label);
            for v in values {
                self.text(
                    LEFT + 16.0 + label_width,
                    self.y + BODY,
                    BODY,
                    false,
                    TEXT,
                    &v,
                );
                self.y += BODY_LINE;
            }
            self.y += 4.0;
        }
        self.y += 8.0 + 28.0;
    }

    fn section_heading(&mut self, heading: &str) {
        // Keep the heading with what follows it.
        self.ensure(90.0);
        if self.y > TOP {
            self.y += 10.0;
        }
        self.text(LEFT, self.y + 18.0, 18.0, true, TEXT, heading);
        self.y += 26.0;
        self.hline(LEFT, RIGHT, self.y, 0.8, ACCENT);
        self.y += 14.0;
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading(text) => {
                self.ensure(60.0);
                self.y += 8.0;
                self.lines(text, LEFT, WIDTH, 12.0, 16.0, true, TEXT);
                self.y += 4.0;
            }
            Block::Subheading(text) => {
                self.ensure(40.0);
                self.y += 2.0;
                self.lines(text, LEFT, WIDTH, 10.0, 14.0, true, MUTED);
                self.y += 1.0;
            }
            Block::Paragraph(text) => {
                self.lines(text, LEFT, WIDTH, BODY, BODY_LINE, false, TEXT);
                self.y += 6.0;
            }
            Block::Note(text) => {
                self.lines(text, LEFT, WIDTH, 9.5, 13.5, false, MUTED);
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
                    let lines = wrap(self.fonts.face(false), item, BODY, WIDTH - 16.0);
                    for (n, line) in lines.iter().enumerate() {
                        self.ensure(BODY_LINE);
                        if n == 0 {
                            self.text(LEFT + 2.0, self.y + BODY, BODY, false, MUTED, &marker);
                        }
                        self.text(LEFT + 16.0, self.y + BODY, BODY, false, TEXT, line);
                        self.y += BODY_LINE;
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
            }) => self.bars(caption, *max, unit, bars),
            Block::Figure(Figure::Lines {
                caption,
                dates,
                series,
            }) => self.lines_chart(caption, dates, series),
        }
    }

    fn callout(&mut self, title: &str, text: &str) {
        let inner = WIDTH - 32.0;
        let title_lines = wrap(self.fonts.face(true), title, 13.0, inner);
        let text_lines = wrap(self.fonts.face(false), text, BODY, inner);
        let height =
            24.0 + title_lines.len() as f32 * 17.0 + text_lines.len() as f32 * BODY_LINE + 4.0;
        self.ensure(height.min(BOTTOM - TOP));
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
            self.text(LEFT + 16.0, self.y + BODY, BODY, false, TEXT, &line);
            self.y += BODY_LINE;
        }
        self.y = top + height + 14.0;
    }

    fn table(&mut self, table: &Table) {
        let total: f32 = table.columns.iter().map(|c| c.width).sum::<f32>().max(0.01);
        let widths: Vec<f32> = table
            .columns
            .iter()
            .map(|c| c.width / total * WIDTH)
            .collect();
        let pad = 5.0;
        let header = |w: &mut Self| {
            let mut x = LEFT;
            for (column, width) in table.columns.iter().zip(&widths) {
                let title = fit(w.fonts.face(true), &column.title, 8.5, width - 2.0 * pad);
                if column.numeric {
                    w.right_text(x + width - pad, w.y + 10.0, 8.5, true, MUTED, &title);
                } else {
                    w.text(x + pad, w.y + 10.0, 8.5, true, MUTED, &title);
                }
                x += width;
            }
            w.y += 15.0;
            w.hline(LEFT, RIGHT, w.y, 0.8, MUTED);
            w.y += 3.0;
        };
        self.ensure(15.0 + 3.0 + 2.0 * SMALL_LINE + 8.0);
        header(self);
        for row in &table.rows {
            let cells: Vec<Vec<String>> = row
                .iter()
                .zip(&widths)
                .map(|(cell, width)| wrap(self.fonts.face(false), cell, 9.5, width - 2.0 * pad))
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let height = lines as f32 * SMALL_LINE + 6.0;
            if self.y + height > BOTTOM {
                self.new_page();
                header(self);
            }
            let mut x = LEFT;
            for ((lines, width), column) in cells.iter().zip(&widths).zip(&table.columns) {
                self.cell(lines, x, *width, pad, column);
                x += width;
            }
            self.y += height;
            self.hline(LEFT, RIGHT, self.y - 1.0, 0.4, LINE);
        }
        self.y += 14.0;
    }

    fn cell(&mut self, lines: &[String], x: f32, width: f32, pad: f32, column: &Column) {
        for (n, line) in lines.iter().enumerate() {
            let baseline = self.y + 3.0 + 9.5 + n as f32 * SMALL_LINE;
            if column.numeric {
                self.right_text(x + width - pad, baseline, 9.5, false, TEXT, line);
            } else {
                self.text(x + pad, baseline, 9.5, false, TEXT, line);
            }
        }
    }

    fn caption(&mut self, caption: &str) {
        self.text(LEFT, self.y + 10.0, 10.0, true, TEXT, caption);
        self.y += 20.0;
    }

    /// Horizontal bars on a 0–`max` scale with grid lines at quarters, labels on the left and
    /// values on the right.
    fn bars(&mut self, caption: &str, max: f64, unit: &str, bars: &[Bar]) {
        let row = 22.0;
        let label_width = bars
            .iter()
            .map(|b| self.fonts.face(false).width(&b.label, 9.5))
            .fold(40.0_f32, f32::max)
            .min(WIDTH * 0.38);
        let x0 = LEFT + label_width + 10.0;
        let x1 = RIGHT - 48.0;
        let span = x1 - x0;
        let height = 20.0 + bars.len() as f32 * row + 22.0;
        self.ensure(height.min(BOTTOM - TOP));
        self.caption(caption);
        let top = self.y;
        let bottom = top + bars.len() as f32 * row;
        for q in 0..=4 {
            let x = x0 + span * q as f32 / 4.0;
            self.push(Op::Polyline {
                points: vec![(x, top - 2.0), (x, bottom + 2.0)],
                width: 0.4,
                color: LINE,
            });
            let tick = format!("{}{unit}", (max * f64::from(q) / 4.0).round());
            let w = self.fonts.face(false).width(&tick, 8.0);
            self.text(x - w / 2.0, bottom + 13.0, 8.0, false, MUTED, &tick);
        }
        for bar in bars {
            if self.y + row > BOTTOM {
                self.new_page();
            }
            let label = fit(self.fonts.face(false), &bar.label, 9.5, label_width);
            let mid = self.y + row / 2.0;
            self.text(LEFT, mid + 3.5, 9.5, false, TEXT, &label);
            self.rect(x0, mid - 6.0, span, 12.0, TRACK);
            match bar.value {
                Some(v) => {
                    let share = (v / max).clamp(0.0, 1.0) as f32;
                    if share > 0.0 {
                        self.rect(x0, mid - 6.0, span * share, 12.0, tone(bar.tone));
                    }
                    self.right_text(RIGHT, mid + 3.5, 9.5, true, TEXT, &bar.value_label);
                }
                None => {
                    let text = fit(self.fonts.face(false), &bar.value_label, 8.5, span - 8.0);
                    self.text(x0 + 4.0, mid + 3.0, 8.5, false, MUTED, &text);
                }
            }
            self.y += row;
        }
        self.y += 30.0;
    }

    /// A line per series over time on a 0–100 scale, dates spaced by the time between them.
    fn lines_chart(&mut self, caption: &str, dates: &[chrono::NaiveDate], series: &[Series]) {
        let plot_height = 170.0;
        self.ensure(20.0 + 18.0 + plot_height + 30.0);
        self.caption(caption);
        // The legend: a short line and the series' name for each.
        let mut x = LEFT;
        for s in series {
            let color = tone(s.tone);
            self.push(Op::Polyline {
                points: vec![(x, self.y + 4.0), (x + 16.0, self.y + 4.0)],
                width: 2.0,
                color,
            });
            self.push(Op::Dot {
                x: x + 8.0,
                y: self.y + 4.0,
                r: 2.4,
                color,
            });
            self.text(x + 21.0, self.y + 7.5, 9.0, false, TEXT, &s.label);
            x += 21.0 + self.fonts.face(false).width(&s.label, 9.0) + 18.0;
        }
        self.y += 18.0;
        let x0 = LEFT + 26.0;
        let x1 = RIGHT - 10.0;
        let top = self.y + 4.0;
        let bottom = top + plot_height;
        for q in 0..=4 {
            let y = bottom - plot_height * q as f32 / 4.0;
            self.hline(
                x0,
                x1,
                y,
                if q == 0 { 0.8 } else { 0.4 },
                if q == 0 { MUTED } else { LINE },
            );
            let tick = (25 * q).to_string();
            self.right_text(x0 - 6.0, y + 3.0, 8.0, false, MUTED, &tick);
        }
        let first = dates.first().copied();
        let days = |d: chrono::NaiveDate| first.map_or(0, |f| (d - f).num_days()) as f32;
        let span = dates.last().map_or(0.0, |&d| days(d));
        let xs: Vec<f32> = dates
            .iter()
            .enumerate()
            .map(|(i, &d)| {
                if span > 0.0 {
                    x0 + 8.0 + (x1 - x0 - 16.0) * days(d) / span
                } else if dates.len() > 1 {
                    x0 + 8.0 + (x1 - x0 - 16.0) * i as f32 / (dates.len() - 1) as f32
                } else {
                    (x0 + x1) / 2.0
                }
            })
            .collect();
        let y_of = |v: f64| bottom - plot_height * (v.clamp(0.0, 100.0) / 100.0) as f32;
        for s in series {
            let color = tone(s.tone);
            let mut run: Vec<(f32, f32)> = Vec::new();
            for (x, v) in xs.iter().zip(&s.values) {
                match v {
                    Some(v) => run.push((*x, y_of(*v))),
                    None => self.flush_run(&mut run, color),
                }
            }
            self.flush_run(&mut run, color);
            for (x, v) in xs.iter().zip(&s.values) {
                if let Some(v) = v {
                    self.push(Op::Dot {
                        x: *x,
                        y: y_of(*v),
                        r: 2.4,
                        color,
                    });
                }
            }
        }
        // Date labels, as many as fit without touching.
        let mut last_right = f32::MIN;
        let count = dates.len();
        for (i, (date, x)) in dates.iter().zip(&xs).enumerate() {
            let label = date.format("%-d %b %Y").to_string();
            let w = self.fonts.face(false).width(&label, 8.0);
            let left = (x - w / 2.0).clamp(x0, x1 - w);
            let is_last = i + 1 == count;
            if left > last_right + 10.0 || (is_last && count == 1) {
                self.text(left, bottom + 13.0, 8.0, false, MUTED, &label);
                last_right = left + w;
            }
        }
        self.y = bottom + 34.0;
    }

    fn flush_run(&mut self, run: &mut Vec<(f32, f32)>, color: Rgb) {
        if run.len() >= 2 {
            self.push(Op::Polyline {
                points: std::mem::take(run),
                width: 1.8,
                color,
            });
        }
        run.clear();
    }

    /// The running header (from page 2) and the footer with page numbers.
    fn furniture(&mut self, report: &Report) {
        let total = self.pages.len();
        let date = long_date(report.generated_on);
        let header = format!("{} — {}", report.title, report.person_name);
        let footer = report.coach_name.as_ref().map_or_else(
            || "Leadback".to_owned(),
            |coach| format!("Prepared by {coach} with Leadback"),
        );
        let face = self.fonts.face(false);
        let header = fit(face, &header, 8.5, WIDTH - 140.0);
        let footer = fit(face, &footer, 8.5, WIDTH - 90.0);
        let date_width = face.width(&date, 8.5);
        for (i, page) in self.pages.iter_mut().enumerate() {
            let number = format!("Page {} of {total}", i + 1);
            let number_width = self.fonts.face(false).width(&number, 8.5);
            let mut ops = Vec::new();
            if i > 0 {
                ops.push(text_op(LEFT, 44.0, 8.5, MUTED, &header));
                ops.push(text_op(RIGHT - date_width, 44.0, 8.5, MUTED, &date));
                ops.push(Op::Polyline {
                    points: vec![(LEFT, 51.0), (RIGHT, 51.0)],
                    width: 0.4,
                    color: LINE,
                });
            }
            ops.push(Op::Polyline {
                points: vec![(LEFT, PAGE_HEIGHT - 46.0), (RIGHT, PAGE_HEIGHT - 46.0)],
                width: 0.4,
                color: LINE,
            });
            ops.push(text_op(LEFT, PAGE_HEIGHT - 33.0, 8.5, MUTED, &footer));
            ops.push(text_op(
                RIGHT - number_width,
                PAGE_HEIGHT - 33.0,
                8.5,
                MUTED,
                &number,
            ));
            page.ops.extend(ops);
        }
    }
}

fn text_op(x: f32, y: f32, size: f32, color: Rgb, text: &str) -> Op {
    Op::Text {
        x,
        y,
        size,
        bold: false,
        color,
        text: text.to_owned(),
    }
}

/// The report's pages, each a list of drawing operations.
pub(crate) fn layout(report: &Report, fonts: &Fonts) -> Vec<Page> {
    let mut w = Writer {
        fonts,
        pages: vec![Page::default()],
        y: TOP,
    };
    w.title_block(report);
    for section in &report.sections {
        if section.new_page && w.y > TOP {
            w.new_page();
        }
        w.section_heading(&section.heading);
        for block in &section.blocks {
            w.block(block);
        }
    }
    w.furniture(report);
    w.pages
}
