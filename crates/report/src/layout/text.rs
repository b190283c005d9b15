//! Measuring text with the report's font: lines broken to a width, and a label cut to fit.

use crate::fonts::Face;

/// Splits `text` into lines no wider than `width`; a word longer than a line is cut.
pub(crate) fn wrap(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    wrap_at_most(face, text, size, width, usize::MAX)
}

/// The first `limit` lines [`wrap`] makes, without breaking the rest of the text: enough to know
/// whether a block can start at the foot of a page, even for a megabyte-long paragraph.
pub(crate) fn wrap_at_most(
    face: &Face,
    text: &str,
    size: f32,
    width: f32,
    limit: usize,
) -> Vec<String> {
    let space = face.width(" ", size);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split_whitespace() {
        if lines.len() >= limit {
            break;
        }
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
    lines.truncate(limit);
    lines
}

/// `text` cut to `width` with an ellipsis.
pub(crate) fn fit(face: &Face, text: &str, size: f32, width: f32) -> String {
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
