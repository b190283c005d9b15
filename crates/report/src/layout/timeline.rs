//! Scores over time: a line per series on a 0–100 scale, with a legend, dates spaced by the time
//! between them, and as many date labels as fit without touching. Kept whole on one page.

use leadback_core::report::Series;

use super::{LEFT, LINE, MUTED, Op, RIGHT, Rgb, TEXT, Writer, tone};

const PLOT_HEIGHT: f32 = 170.0;

/// All of it, since it is kept whole: the caption, the legend, the plot and its dates.
pub(super) fn lead() -> f32 {
    20.0 + 18.0 + 4.0 + PLOT_HEIGHT + 16.0
}

impl Writer<'_> {
    /// A line per series over time on a 0–100 scale, dates spaced by the time between them.
    pub(super) fn lines_chart(
        &mut self,
        caption: &str,
        dates: &[chrono::NaiveDate],
        series: &[Series],
    ) {
        let plot_height = PLOT_HEIGHT;
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
}
