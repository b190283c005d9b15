//! What every page carries besides its content: the running header from page 2 on, and the
//! footer with who prepared the report and "Page N of M". Added once the page count is known.

use leadback_core::report::{Report, long_date};

use super::text::fit;
use super::{LEFT, LINE, MUTED, Op, PAGE_HEIGHT, RIGHT, Rgb, WIDTH, Writer};

impl Writer<'_> {
    /// The running header (from page 2) and the footer with page numbers.
    pub(super) fn furniture(&mut self, report: &Report) {
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
