//! Measuring text with the report's fonts: lines broken to a width where Unicode allows a break
//! (UAX #14: at spaces, between CJK characters, never inside a word's cluster), and a label cut
//! to fit.

use unicode_linebreak::{BreakOpportunity, linebreaks};

use crate::shape::Typesetter;

/// The report's regular or bold type, as the layout measures it.
#[derive(Clone, Copy)]
pub(crate) struct Style<'a> {
    pub fonts: &'a Typesetter<'a>,
    pub bold: bool,
}

impl Style<'_> {
    /// The width of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        self.fonts.width(text, self.bold, size)
    }
}

/// Splits `text` into lines no wider than `width`; a word longer than a line is cut.
pub(crate) fn wrap(face: Style<'_>, text: &str, size: f32, width: f32) -> Vec<String> {
    wrap_at_most(face, text, size, width, usize::MAX)
}

/// The first `limit` lines [`wrap`] makes, without breaking the rest of the text: enough to know
/// whether a block can start at the foot of a page, even for a megabyte-long paragraph.
pub(crate) fn wrap_at_most(
    face: Style<'_>,
    text: &str,
    size: f32,
    width: f32,
    limit: usize,
) -> Vec<String> {
    // Runs of spaces and line ends read as one space, as before.
    let mut words = text.split_whitespace().peekable();
    let mut flat = String::new();
    while let Some(word) = words.next() {
        flat.push_str(word);
        if words.peek().is_some() {
            flat.push(' ');
        }
        // Enough text for `limit` lines of at least one character each.
        if limit != usize::MAX && flat.chars().count() > limit.saturating_mul(width as usize + 1) {
            break;
        }
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    let mut start = 0;
    for (end, opportunity) in linebreaks(&flat) {
        if lines.len() >= limit {
            break;
        }
        let piece = &flat[start..end];
        start = end;
        let word = piece.trim_end();
        let word_width = face.width(word, size);
        if !line.is_empty() && line_width + word_width > width {
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
            line_width = 0.0;
        }
        if word_width > width {
            // Cut the longest heads that fit on a line of their own.
            let mut head = String::new();
            let mut head_width = 0.0;
            for c in word.chars() {
                let w = face.width(c.encode_utf8(&mut [0; 4]), size);
                if head_width + w > width && !head.is_empty() {
                    lines.push(std::mem::take(&mut head));
                    head_width = 0.0;
                }
                head.push(c);
                head_width += w;
            }
            line = head;
            line.push_str(&piece[word.len()..]);
            line_width = face.width(&line, size);
        } else {
            line.push_str(piece);
            line_width += face.width(piece, size);
        }
        if opportunity == BreakOpportunity::Mandatory && !line.trim_end().is_empty() {
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
            line_width = 0.0;
        }
    }
    if !line.trim_end().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines.truncate(limit);
    lines
}

/// `text` cut to `width` with an ellipsis.
pub(crate) fn fit(face: Style<'_>, text: &str, size: f32, width: f32) -> String {
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
