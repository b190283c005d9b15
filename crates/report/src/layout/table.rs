//! Tables: a header row in small bold type, rows whose cells wrap within their column, numbers
//! right-aligned, a rule under each row. A table breaks between rows and repeats its header on the
//! next page.

use leadback_core::report::{Column, Table};

use super::text::{fit, wrap};
use super::{BOTTOM, LEFT, LINE, MUTED, RIGHT, SMALL, TEXT, WIDTH, Writer};

const PAD: f32 = 5.0;
/// The header row and the space under its rule.
const HEADER: f32 = 15.0 + 3.0;
const CELL: f32 = 9.5;
/// Rows a table keeps with its header at the foot of a page.
const FIRST_ROWS: usize = 2;

impl Writer<'_> {
    fn widths(table: &Table) -> Vec<f32> {
        let total: f32 = table.columns.iter().map(|c| c.width).sum::<f32>().max(0.01);
        table
            .columns
            .iter()
            .map(|c| c.width / total * WIDTH)
            .collect()
    }

    fn cells(&self, row: &[String], widths: &[f32]) -> Vec<Vec<String>> {
        row.iter()
            .zip(widths)
            .map(|(cell, width)| wrap(self.fonts.face(false), cell, CELL, width - 2.0 * PAD))
            .collect()
    }

    fn row_height(cells: &[Vec<String>]) -> f32 {
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        lines as f32 * SMALL.line + 6.0
    }

    /// The header with its first rows: what must fit for the table to start on this page.
    pub(super) fn table_lead(&self, table: &Table) -> f32 {
        let widths = Self::widths(table);
        HEADER
            + table
                .rows
                .iter()
                .take(FIRST_ROWS)
                .map(|row| Self::row_height(&self.cells(row, &widths)))
                .sum::<f32>()
    }

    pub(super) fn table(&mut self, table: &Table) {
        let widths = Self::widths(table);
        let header = |w: &mut Self| {
            let mut x = LEFT;
            for (column, width) in table.columns.iter().zip(&widths) {
                let title = fit(w.fonts.face(true), &column.title, 8.5, width - 2.0 * PAD);
                if column.numeric {
                    w.right_text(x + width - PAD, w.y + 10.0, 8.5, true, MUTED, &title);
                } else {
                    w.text(x + PAD, w.y + 10.0, 8.5, true, MUTED, &title);
                }
                x += width;
            }
            w.y += 15.0;
            w.hline(LEFT, RIGHT, w.y, 0.8, MUTED);
            w.y += 3.0;
        };
        header(self);
        for row in &table.rows {
            let cells = self.cells(row, &widths);
            let height = Self::row_height(&cells);
            if self.y + height > BOTTOM {
                self.new_page();
                header(self);
            }
            let mut x = LEFT;
            for ((lines, width), column) in cells.iter().zip(&widths).zip(&table.columns) {
                self.cell(lines, x, *width, column);
                x += width;
            }
            self.y += height;
            self.hline(LEFT, RIGHT, self.y - 1.0, 0.4, LINE);
        }
        self.y += 14.0;
    }

    fn cell(&mut self, lines: &[String], x: f32, width: f32, column: &Column) {
        for (n, line) in lines.iter().enumerate() {
            let baseline = self.y + 3.0 + CELL + n as f32 * SMALL.line;
            if column.numeric {
                self.right_text(x + width - PAD, baseline, CELL, false, TEXT, line);
            } else {
                self.text(x + PAD, baseline, CELL, false, TEXT, line);
            }
        }
    }
}
