//! Text as a typesetter sets it: a line's characters put in their visual order by the Unicode
//! bidirectional algorithm, cut into runs each drawn in the first font that has their
//! characters (the report's family, then the computer's other fonts), and each run shaped by
//! rustybuzz (Arabic joining, Indic clusters, Thai marks, kerning). A character no font has is
//! drawn as the font's "missing glyph" box and remembered, so the caller can say which.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ops::Range;

use unicode_bidi::{BidiClass, BidiInfo, bidi_class};

use crate::fonts::{Face, Fonts, Slot};
use crate::layout::Style;

/// An index into [`Typesetter::faces`]: 0 the regular face, 1 the bold one, then fallbacks.
pub(crate) type FaceId = usize;

/// One glyph of a shaped run, in ems.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    pub id: u16,
    /// The bytes of the run's text this glyph draws (its cluster).
    pub text: Range<usize>,
    pub x_advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// No font has this character: an invisible glyph keeps it in the text layer, and the
    /// writer draws a box where it stands.
    pub missing: bool,
}

/// A stretch of a line in one face and one direction, its glyphs from left to right.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub face: FaceId,
    pub text: String,
    pub glyphs: Vec<Glyph>,
}

/// A line's runs from left to right, and its width in ems.
#[derive(Debug, Clone, Default)]
pub(crate) struct Line {
    pub runs: Vec<Run>,
    pub width: f32,
}

/// A character, bold or not, and the region its Han forms are wanted for.
type Wanted = (char, bool, Option<&'static str>);

/// Shapes and measures text with a report's fonts, loading fallback fonts as characters need
/// them. One per report: it remembers what it has measured.
pub(crate) struct Typesetter<'f> {
    fonts: &'f Fonts,
    faces: RefCell<Vec<&'f Face>>,
    /// Each face ready for shaping, by id.
    shapers: RefCell<Vec<Option<rustybuzz::Face<'f>>>>,
    /// Which face draws a character, regular or bold (`None`: no font has it).
    chosen: RefCell<HashMap<Wanted, Option<FaceId>>>,
    /// The region whose Han characters the line being set wants: Japanese when it has kana,
    /// Korean when it has Hangul.
    region: Cell<Option<&'static str>>,
    /// Fallback fonts already read, by their place in [`Fonts::fallbacks`].
    loaded: RefCell<HashMap<usize, Option<FaceId>>>,
    /// The widths of pieces of text already measured, in ems, regular and bold.
    widths: RefCell<HashMap<(bool, String), f32>>,
    /// Whether a face has a character, as asked so far.
    covers: RefCell<HashMap<(FaceId, char), bool>>,
    /// Characters no font has, in the order they were met.
    missing: RefCell<Vec<char>>,
}

/// Characters that take the font of the character before them when it has them: marks,
/// joiners and variation selectors (which belong to their base), and spaces and punctuation
/// (so a run is not cut at each space between two words in the same script).
fn follows(c: char) -> bool {
    matches!(
        bidi_class(c),
        BidiClass::NSM | BidiClass::BN | BidiClass::WS | BidiClass::CS | BidiClass::ON
    ) || c.is_whitespace()
}

/// Invisible characters that steer other characters (directional marks and embeddings, joiners,
/// variation selectors): shaped with the characters around them, never "missing".
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// Han characters and the punctuation set with them, drawn differently for each region.
fn han(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{2FDF}' | '\u{3000}'..='\u{303F}' | '\u{3190}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3134F}')
}

/// The right-to-left mark: ends a right-to-left line so that text extraction, which reads a line
/// from its left end, knows the line is right-to-left even when it ends in punctuation.
const RLM: char = '\u{200F}';

impl<'f> Typesetter<'f> {
    pub(crate) fn new(fonts: &'f Fonts) -> Self {
        Self {
            fonts,
            faces: RefCell::new(vec![&fonts.regular, &fonts.bold]),
            shapers: RefCell::new(vec![
                rustybuzz::Face::from_slice(&fonts.regular.data, fonts.regular.index),
                rustybuzz::Face::from_slice(&fonts.bold.data, fonts.bold.index),
            ]),
            chosen: RefCell::default(),
            region: Cell::new(None),
            loaded: RefCell::default(),
            widths: RefCell::default(),
            covers: RefCell::default(),
            missing: RefCell::default(),
        }
    }

    /// The report's regular or bold type, for measuring.
    pub(crate) fn face(&'f self, bold: bool) -> Style<'f> {
        Style { fonts: self, bold }
    }

    pub(crate) fn face_at(&self, id: FaceId) -> &'f Face {
        let faces = self.faces.borrow();
        faces.get(id).copied().unwrap_or(faces[0])
    }

    /// The characters no font on the computer has, in the order the report met them.
    pub(crate) fn missing(&self) -> Vec<char> {
        self.missing.borrow().clone()
    }

    /// Whether the face `id` draws `c`.
    fn has(&self, id: FaceId, c: char) -> bool {
        if let Some(&has) = self.covers.borrow().get(&(id, c)) {
            return has;
        }
        let has = self
            .shapers
            .borrow()
            .get(id)
            .and_then(Option::as_ref)
            .and_then(|f| f.glyph_index(c))
            .is_some_and(|g| g.0 != 0);
        self.covers.borrow_mut().insert((id, c), has);
        has
    }

    /// The first face that draws `c`: the report's own (bold or regular), then its other weight,
    /// then the fallbacks (those of the wanted weight first).
    fn choose(&self, c: char, bold: bool) -> Option<FaceId> {
        let region = self.region.get().filter(|_| han(c));
        if let Some(&found) = self.chosen.borrow().get(&(c, bold, region)) {
            return found;
        }
        let own = usize::from(bold);
        let found = if invisible(c) {
            None
        } else if self.has(own, c) {
            Some(own)
        } else if self.has(1 - own, c) {
            Some(1 - own)
        } else {
            // A fallback already in use first (the rest of a script is mostly in the font its
            // first character was found in), then the others in order, each looked up in its
            // file and read only when it has the character.
            let fallbacks = self.fonts.fallbacks();
            let mut used: Vec<(usize, FaceId)> = self
                .loaded
                .borrow()
                .iter()
                .filter_map(|(&i, &id)| Some((i, id?)))
                .collect();
            used.sort_unstable();
            let order = (0..fallbacks.len())
                .filter(|&i| fallbacks[i].fallback.bold == bold)
                .chain((0..fallbacks.len()).filter(|&i| fallbacks[i].fallback.bold != bold));
            let regional = (0..fallbacks.len())
                .filter(|&i| region.is_some() && fallbacks[i].fallback.region == region)
                .filter(|&i| self.fonts.fallback_has(i, c))
                .find_map(|i| self.fallback(i));
            regional
                .into_iter()
                .chain(
                    used.iter()
                        .filter(|&&(i, _)| fallbacks[i].fallback.bold == bold)
                        .map(|&(_, id)| id),
                )
                .find(|&id| self.has(id, c))
                .or_else(|| {
                    order
                        .filter(|&i| self.fonts.fallback_has(i, c))
                        .find_map(|i| self.fallback(i))
                })
        };
        if found.is_none() && !c.is_control() && !invisible(c) {
            let mut missing = self.missing.borrow_mut();
            if !missing.contains(&c) {
                missing.push(c);
            }
        }
        self.chosen.borrow_mut().insert((c, bold, region), found);
        found
    }

    /// The fallback font at `index`, read the first time it is asked for (`None`: unreadable).
    fn fallback(&self, index: usize) -> Option<FaceId> {
        if let Some(&id) = self.loaded.borrow().get(&index) {
            return id;
        }
        let fonts: &'f Fonts = self.fonts;
        let id = fonts
            .fallbacks()
            .get(index)
            .and_then(Slot::face)
            .map(|face| {
                let mut faces = self.faces.borrow_mut();
                faces.push(face);
                self.shapers
                    .borrow_mut()
                    .push(rustybuzz::Face::from_slice(&face.data, face.index));
                faces.len() - 1
            });
        self.loaded.borrow_mut().insert(index, id);
        id
    }

    /// The width of `text` at `size` points, as [`Typesetter::shape`] sets it.
    pub(crate) fn width(&self, text: &str, bold: bool, size: f32) -> f32 {
        if let Some(w) = self.widths.borrow().get(&(bold, text.to_owned())) {
            return w * size;
        }
        let w = self.shape(text, bold).width;
        self.widths.borrow_mut().insert((bold, text.to_owned()), w);
        w * size
    }

    /// Whether `text` is a right-to-left paragraph (its first strong character is).
    pub(crate) fn is_rtl(text: &str) -> bool {
        BidiInfo::new(text, None)
            .paragraphs
            .first()
            .is_some_and(|p| p.level.is_rtl())
    }

    /// `text` as one line: its runs in visual order, shaped.
    pub(crate) fn shape(&self, text: &str, bold: bool) -> Line {
        let mut text: String = text
            .chars()
            .map(|c| {
                if c == '\t' || c == '\n' || c == '\r' {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let rtl = BidiInfo::new(&text, None)
            .paragraphs
            .last()
            .is_some_and(|p| p.level.is_rtl());
        if rtl && !text.ends_with(RLM) {
            text.push(RLM);
        }
        self.region.set(if text.chars().any(|c| matches!(c, '\u{3040}'..='\u{30FF}')) {
            Some("JP")
        } else if text
            .chars()
            .any(|c| matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}'))
        {
            Some("KR")
        } else {
            None
        });
        let bidi = BidiInfo::new(&text, None);
        let mut line = Line::default();
        for paragraph in &bidi.paragraphs {
            let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
            for run in runs {
                let rtl = levels[run.start].is_rtl();
                let mut pieces = self.itemize(&text, run, bold);
                if rtl {
                    pieces.reverse();
                }
                for (face, range) in pieces {
                    let shaped = self.shape_run(face, &text[range], rtl);
                    line.width += shaped.glyphs.iter().map(|g| g.x_advance).sum::<f32>();
                    line.runs.push(shaped);
                }
            }
        }
        line
    }

    /// `range` of `text` cut where the face drawing it changes, in logical order.
    fn itemize(&self, text: &str, range: Range<usize>, bold: bool) -> Vec<(FaceId, Range<usize>)> {
        let own = usize::from(bold);
        let mut pieces: Vec<(FaceId, Range<usize>)> = Vec::new();
        for (i, c) in text[range.clone()].char_indices() {
            let at = range.start + i;
            let end = at + c.len_utf8();
            let chosen = if invisible(c) {
                None
            } else {
                self.choose(c, bold)
            };
            let in_own = chosen.is_some_and(|f| f < 2);
            // Marks, spaces and punctuation stay in the font of what they follow; so does a
            // character the report's family lacks when that font has it (a Devanagari danda
            // after Devanagari, not in the first other font that has one).
            if let Some((face, piece)) = pieces.last_mut()
                && (invisible(c) || (follows(c) || !in_own) && self.has(*face, c))
            {
                piece.end = end;
                continue;
            }
            let face = chosen.unwrap_or(own);
            match pieces.last_mut() {
                Some((last, piece)) if *last == face => piece.end = end,
                _ => pieces.push((face, at..end)),
            }
        }
        pieces
    }

    fn shape_run(&self, face_id: FaceId, text: &str, rtl: bool) -> Run {
        let face = self.face_at(face_id);
        let mut glyphs = Vec::new();
        let mut visual = Visual::default();
        let shapers = self.shapers.borrow();
        if let Some(rb) = shapers.get(face_id).and_then(Option::as_ref) {
            let mut buffer = rustybuzz::UnicodeBuffer::new();
            buffer.push_str(text);
            buffer.set_direction(if rtl {
                rustybuzz::Direction::RightToLeft
            } else {
                rustybuzz::Direction::LeftToRight
            });
            buffer.guess_segment_properties();
            let output = rustybuzz::shape(rb, &[], buffer);
            let em = face.units_per_em;
            let infos = output.glyph_infos();
            let positions = output.glyph_positions();
            let space = rb.glyph_index(' ').map(|g| g.0).filter(|&g| g != 0);
            let mut starts: Vec<usize> = infos.iter().map(|g| g.cluster as usize).collect();
            starts.sort_unstable();
            starts.dedup();
            for (info, pos) in infos.iter().zip(positions) {
                let start = info.cluster as usize;
                // A cluster ends where the next one in logical order begins.
                let end = starts
                    .get(starts.partition_point(|&c| c <= start))
                    .copied()
                    .unwrap_or(text.len());
                let missing = info.glyph_id == 0;
                let id = if missing {
                    space.unwrap_or(0)
                } else {
                    u16::try_from(info.glyph_id).unwrap_or(0)
                };
                glyphs.push(Glyph {
                    id,
                    missing,
                    text: if rtl {
                        visual.cluster(&text[start..end], start)
                    } else {
                        start..end
                    },
                    x_advance: pos.x_advance as f32 / em,
                    x_offset: pos.x_offset as f32 / em,
                    y_offset: pos.y_offset as f32 / em,
                });
            }
        }
        Run {
            face: face_id,
            text: if rtl { visual.text } else { text.to_owned() },
            glyphs,
        }
    }
}

/// A right-to-left run's text as its glyphs stand, left to right: each cluster's characters
/// reversed (a lam-alef ligature is "alef, lam" from the left), since text extraction reverses a
/// right-to-left line character by character to get its reading order back.
#[derive(Default)]
struct Visual {
    text: String,
    /// Where each cluster (by its start in the run's text) went in `text`.
    placed: HashMap<usize, Range<usize>>,
}

impl Visual {
    fn cluster(&mut self, chars: &str, start: usize) -> Range<usize> {
        if let Some(range) = self.placed.get(&start) {
            return range.clone();
        }
        let at = self.text.len();
        self.text.extend(chars.chars().rev());
        let range = at..self.text.len();
        self.placed.insert(start, range.clone());
        range
    }
}
