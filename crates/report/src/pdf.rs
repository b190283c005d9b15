//! Writes laid-out pages as a PDF with krilla: each line of text shaped by the typesetter and
//! drawn run by run in its font, each font embedded once as a subset with a ToUnicode map (and
//! ActualText where a glyph stands for other characters than its own), so the text can be
//! searched and copied as written; page contents compressed; the document's title, author and
//! date in its information.

use chrono::{Datelike, NaiveDate};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Data, Document, SerializeSettings};

use crate::ReportError;
use crate::layout::{Op, PAGE_HEIGHT, PAGE_WIDTH, Page, Rgb};
use crate::shape::Typesetter;

/// What the document information says.
pub(crate) struct Info<'a> {
    pub title: &'a str,
    pub author: Option<&'a str>,
    pub subject: &'a str,
    pub date: NaiveDate,
}

fn color(c: Rgb) -> rgb::Color {
    let byte = |v: f32| (v * 255.0).round().clamp(0.0, 255.0) as u8;
    rgb::Color::new(byte(c.0), byte(c.1), byte(c.2))
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: color(c).into(),
        ..Fill::default()
    }
}

/// The krilla font of each face the typesetter uses, made once.
struct KrillaFonts<'a> {
    fonts: &'a Typesetter<'a>,
    made: Vec<Option<Font>>,
}

impl KrillaFonts<'_> {
    fn get(&mut self, id: usize) -> Result<Font, ReportError> {
        if self.made.len() <= id {
            self.made.resize(id + 1, None);
        }
        if let Some(font) = &self.made[id] {
            return Ok(font.clone());
        }
        let face = self.fonts.face_at(id);
        let font = Font::new(Data::from(face.data.clone()), face.index).ok_or_else(|| {
            ReportError::BadFont {
                font: face.name.clone(),
                detail: "it could not be read for embedding".to_owned(),
            }
        })?;
        self.made[id] = Some(font.clone());
        Ok(font)
    }
}

pub(crate) fn write<'a>(
    pages: &[Page],
    fonts: &'a Typesetter<'a>,
    info: &Info<'_>,
) -> Result<Vec<u8>, ReportError> {
    let mut document = Document::new_with(SerializeSettings {
        enable_tagging: false,
        ..SerializeSettings::default()
    });
    let mut made = KrillaFonts {
        fonts,
        made: Vec::new(),
    };
    for page in pages {
        let settings =
            PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or_else(|| ReportError::BadFont {
                font: String::new(),
                detail: "the page size is not valid".to_owned(),
            })?;
        let mut p = document.start_page_with(settings);
        let mut surface = p.surface();
        for op in &page.ops {
            draw(&mut surface, op, &mut made)?;
        }
        surface.finish();
        p.finish();
    }
    let year = u16::try_from(info.date.year()).unwrap_or(2000);
    let mut metadata = Metadata::new()
        .title(info.title.to_owned())
        .description(info.subject.to_owned())
        .creator("Leadback".to_owned())
        .producer("Leadback".to_owned())
        .creation_date(
            DateTime::new(year)
                .month(info.date.month() as u8)
                .day(info.date.day() as u8),
        );
    if let Some(author) = info.author {
        metadata = metadata.authors(vec![author.to_owned()]);
    }
    document.set_metadata(metadata);
    document.finish().map_err(|e| ReportError::BadFont {
        font: "a font of the report".to_owned(),
        detail: format!("the PDF could not be written ({e:?})"),
    })
}

/// The box drawn where a character no font has stands (as fonts draw their "missing" glyph).
fn missing_box(surface: &mut Surface<'_>, x: f32, baseline: f32, advance: f32, size: f32, c: Rgb) {
    let width = (advance - 0.2 * size).max(0.3 * size);
    let Some(rect) = Rect::from_xywh(x + 0.1 * size, baseline - 0.7 * size, width, 0.7 * size)
    else {
        return;
    };
    let mut path = PathBuilder::new();
    path.push_rect(rect);
    if let Some(path) = path.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: color(c).into(),
            width: 0.06 * size,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
        surface.set_stroke(None);
        surface.set_fill(Some(fill(c)));
    }
}

fn draw(
    surface: &mut Surface<'_>,
    op: &Op,
    fonts: &mut KrillaFonts<'_>,
) -> Result<(), ReportError> {
    match op {
        Op::Rect { x, y, w, h, color } => {
            let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else {
                return Ok(());
            };
            let mut path = PathBuilder::new();
            path.push_rect(rect);
            if let Some(path) = path.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*color)));
                surface.draw_path(&path);
            }
        }
        Op::Polyline {
            points,
            width,
            color: c,
        } => {
            let Some(((x, y), rest)) = points.split_first() else {
                return Ok(());
            };
            let mut path = PathBuilder::new();
            path.move_to(*x, *y);
            for (x, y) in rest {
                path.line_to(*x, *y);
            }
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: color(*c).into(),
                    width: *width,
                    line_cap: LineCap::Round,
                    line_join: LineJoin::Round,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
        Op::Dot { x, y, r, color } => {
            // A circle from four Bézier arcs.
            let k = 0.552_284_8 * r;
            let (cx, cy) = (*x, *y);
            let mut path = PathBuilder::new();
            path.move_to(cx + r, cy);
            path.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
            path.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
            path.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
            path.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
            path.close();
            if let Some(path) = path.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*color)));
                surface.draw_path(&path);
            }
        }
        Op::Text {
            x,
            y,
            size,
            bold,
            color,
            text,
        } => {
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*color)));
            let line = fonts.fonts.shape(text, *bold);
            let mut at = *x;
            for run in &line.runs {
                let glyphs: Vec<KrillaGlyph> = run
                    .glyphs
                    .iter()
                    .map(|g| KrillaGlyph {
                        glyph_id: GlyphId::new(u32::from(g.id)),
                        text_range: g.text.clone(),
                        x_advance: g.x_advance,
                        x_offset: g.x_offset,
                        y_offset: g.y_offset,
                        y_advance: 0.0,
                        location: None,
                    })
                    .collect();
                let font = fonts.get(run.face)?;
                surface.draw_glyphs(
                    Point::from_xy(at, *y),
                    &glyphs,
                    font,
                    &run.text,
                    *size,
                    false,
                );
                for glyph in &run.glyphs {
                    if glyph.missing {
                        missing_box(surface, at, *y, glyph.x_advance * size, *size, *color);
                    }
                    at += glyph.x_advance * size;
                }
            }
        }
    }
    Ok(())
}
