//! Horizontal bar charts on a 0–`max` scale, with grid lines at quarters, labels on the left and
//! values on the right: one bar per row (scores per stance, habit strength), or a group of bars
//! per row with a legend (a person's own view beside their observers'). A bar without a value is
//! an empty track with the reason written in it.
//!
//! A long chart breaks between rows: each part gets its own grid and scale, the next page repeats
//! the caption, and no part is left with a single row when the chart has more.

use leadback_core::report::{Bar, BarGroup, Tone};

use super::text::fit;
use super::{BOTTOM, LEFT, LINE, MUTED, Op, RIGHT, TEXT, TRACK, WIDTH, Writer, tone};

/// The caption's line.
const CAPTION: f32 = 20.0;
/// The legend's line, when there is one.
const LEGEND: f32 = 18.0;
/// Under the last row: the scale's numbers.
const SCALE: f32 = 16.0;
/// Space after the chart.
const AFTER: f32 = 30.0;
/// A chart this short is kept whole; a longer one starts with this many rows at the foot of a page.
const KEEP_WHOLE: usize = 5;
const FIRST_ROWS: usize = 3;

/// How a row's bars sit in it.
#[derive(Debug, Clone, Copy)]
struct Shape {
    /// The height each bar takes in its row.
    pitch: f32,
    thickness: f32,
    /// Space shared above and below a row's bars.
    pad: f32,
}

/// One bar per row, as the charts have always been drawn.
const SINGLE: Shape = Shape {
    pitch: 22.0,
    thickness: 12.0,
    pad: 0.0,
};

/// Several thinner bars per row, rows set apart.
const GROUPED: Shape = Shape {
    pitch: 15.0,
    thickness: 10.0,
    pad: 10.0,
};

/// A row: its label and its bars.
struct Row<'a> {
    label: &'a str,
    bars: &'a [Bar],
}

/// A chart as the layout sees it: plain or grouped.
pub(super) struct Chart<'a> {
    caption: &'a str,
    max: f64,
    unit: &'a str,
    legend: &'a [(String, Tone)],
    rows: Vec<Row<'a>>,
    shape: Shape,
}

impl<'a> Chart<'a> {
    pub(super) fn plain(caption: &'a str, max: f64, unit: &'a str, bars: &'a [Bar]) -> Self {
        Self {
            caption,
            max,
            unit,
            legend: &[],
            rows: bars
                .iter()
                .map(|bar| Row {
                    label: &bar.label,
                    bars: std::slice::from_ref(bar),
                })
                .collect(),
            shape: SINGLE,
        }
    }

    pub(super) fn grouped(
        caption: &'a str,
        max: f64,
        legend: &'a [(String, Tone)],
        groups: &'a [BarGroup],
    ) -> Self {
        Self {
            caption,
            max,
            unit: "",
            legend,
            rows: groups
                .iter()
                .map(|g| Row {
                    label: &g.label,
                    bars: &g.bars,
                })
                .collect(),
            shape: GROUPED,
        }
    }

    fn row_height(&self, row: &Row<'_>) -> f32 {
        row.bars.len() as f32 * self.shape.pitch + self.shape.pad
    }

    /// The caption, the legend and the scale around `rows`.
    fn frame(&self) -> f32 {
        CAPTION + if self.legend.is_empty() { 0.0 } else { LEGEND } + SCALE
    }

    /// What must fit for the chart to start on this page: all of a short chart, else its first
    /// rows.
    pub(super) fn lead(&self) -> f32 {
        let rows = if self.rows.len() <= KEEP_WHOLE {
            self.rows.len()
        } else {
            FIRST_ROWS
        };
        self.frame()
            + self
                .rows
                .iter()
                .take(rows)
                .map(|r| self.row_height(r))
                .sum::<f32>()
    }
}

impl Writer<'_> {
    pub(super) fn bar_chart(&mut self, chart: &Chart<'_>) {
        let face = self.fonts.face(false);
        let label_width = chart
            .rows
            .iter()
            .map(|r| face.width(r.label, 9.5))
            .fold(40.0_f32, f32::max)
            .min(WIDTH * 0.38);
        let x0 = LEFT + label_width + 10.0;
        let x1 = RIGHT - 48.0;
        let mut start = 0;
        loop {
            if start == 0 {
                self.caption(chart.caption);
            } else {
                self.new_page();
                self.caption(&format!("{} (continued)", chart.caption));
            }
            self.legend(chart.legend);
            let count = self.rows_here(chart, start);
            let rows = &chart.rows[start..start + count];
            let height: f32 = rows.iter().map(|r| chart.row_height(r)).sum();
            self.scale(chart, x0, x1, self.y, self.y + height);
            for row in rows {
                self.bar_row(chart, row, label_width, x0, x1);
            }
            start += count;
            if start >= chart.rows.len() {
                break;
            }
        }
        self.y += AFTER;
    }

    /// How many rows from `start` go on this page: all that fit above the scale, at least one
    /// (when any are left), and never all but one (a lone row on the next page reads as a chart
    /// of its own).
    fn rows_here(&self, chart: &Chart<'_>, start: usize) -> usize {
        let left = chart.rows.len() - start;
        let room = BOTTOM - SCALE - self.y;
        let mut used = 0.0;
        let mut count = 0;
        for row in &chart.rows[start..] {
            used += chart.row_height(row);
            if used > room {
                break;
            }
            count += 1;
        }
        if count < left && left - count < 2 && count > 2 {
            count = left - 2;
        }
        count.max(1).min(left)
    }

    /// Grid lines at quarters from `top` to `bottom`, and the scale's numbers under them.
    fn scale(&mut self, chart: &Chart<'_>, x0: f32, x1: f32, top: f32, bottom: f32) {
        let span = x1 - x0;
        for q in 0..=4 {
            let x = x0 + span * q as f32 / 4.0;
            self.push(Op::Polyline {
                points: vec![(x, top - 2.0), (x, bottom + 2.0)],
                width: 0.4,
                color: LINE,
            });
            let tick = format!("{}{}", (chart.max * f64::from(q) / 4.0).round(), chart.unit);
            let w = self.fonts.face(false).width(&tick, 8.0);
            self.text(x - w / 2.0, bottom + 13.0, 8.0, false, MUTED, &tick);
        }
    }

    fn bar_row(&mut self, chart: &Chart<'_>, row: &Row<'_>, label_width: f32, x0: f32, x1: f32) {
        let shape = chart.shape;
        let span = x1 - x0;
        let first = self.y + shape.pad / 2.0 + shape.pitch / 2.0;
        let label_mid = first + (row.bars.len().max(1) - 1) as f32 * shape.pitch / 2.0;
        let label = fit(self.fonts.face(false), row.label, 9.5, label_width);
        self.text(LEFT, label_mid + 3.5, 9.5, false, TEXT, &label);
        for (i, bar) in row.bars.iter().enumerate() {
            let mid = first + i as f32 * shape.pitch;
            let half = shape.thickness / 2.0;
            self.rect(x0, mid - half, span, shape.thickness, TRACK);
            match bar.value {
                Some(v) => {
                    let share = (v / chart.max).clamp(0.0, 1.0) as f32;
                    if share > 0.0 {
                        self.rect(
                            x0,
                            mid - half,
                            span * share,
                            shape.thickness,
                            tone(bar.tone),
                        );
                    }
                    self.right_text(RIGHT, mid + 3.5, 9.5, true, TEXT, &bar.value_label);
                }
                None => {
                    let text = fit(self.fonts.face(false), &bar.value_label, 8.5, span - 8.0);
                    self.text(x0 + 4.0, mid + 3.0, 8.5, false, MUTED, &text);
                }
            }
        }
        self.y += chart.row_height(row);
    }

    /// A swatch and a name for each kind of bar, on one line.
    fn legend(&mut self, legend: &[(String, Tone)]) {
        if legend.is_empty() {
            return;
        }
        let mut x = LEFT;
        for (label, t) in legend {
            self.rect(x, self.y, 12.0, 8.0, tone(*t));
            self.text(x + 17.0, self.y + 7.5, 9.0, false, TEXT, label);
            x += 17.0 + self.fonts.face(false).width(label, 9.0) + 18.0;
        }
        self.y += LEGEND;
    }
}
