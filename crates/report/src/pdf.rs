//! Writes laid-out pages as a PDF 1.7 file: each face embedded once as a subset TrueType CID
//! font (Identity-H, with a ToUnicode map so the text can be searched and copied), page contents
//! and fonts compressed, and the document's title, author and date in its information.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use crate::ReportError;
use crate::fonts::{Face, Fonts};
use crate::layout::{Op, PAGE_HEIGHT, PAGE_WIDTH, Page};

/// What the document information says.
pub(crate) struct Info<'a> {
    pub title: &'a str,
    pub author: Option<&'a str>,
    pub subject: &'a str,
    pub date: NaiveDate,
}

/// Glyphs a face was used with, and the text each stands for.
#[derive(Default)]
struct Used(BTreeMap<u16, char>);

fn compress(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

pub(crate) fn write(
    pages: &[Page],
    fonts: &Fonts,
    info: &Info<'_>,
) -> Result<Vec<u8>, ReportError> {
    let mut next = 1;
    let mut alloc = || {
        let r = Ref::new(next);
        next += 1;
        r
    };
    let catalog_id = alloc();
    let tree_id = alloc();
    let info_id = alloc();
    let font_ids = [alloc(), alloc()];
    let page_ids: Vec<Ref> = pages.iter().map(|_| alloc()).collect();
    let content_ids: Vec<Ref> = pages.iter().map(|_| alloc()).collect();

    let mut pdf = Pdf::new();
    let mut used = [Used::default(), Used::default()];
    for ((page, &page_id), &content_id) in pages.iter().zip(&page_ids).zip(&content_ids) {
        let content = contents(page, fonts, &mut used);
        pdf.stream(content_id, &compress(&content))
            .filter(Filter::FlateDecode);
        let mut p = pdf.page(page_id);
        p.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
        p.parent(tree_id);
        p.contents(content_id);
        let mut resources = p.resources();
        let mut fonts_dict = resources.fonts();
        fonts_dict.pair(Name(b"F0"), font_ids[0]);
        fonts_dict.pair(Name(b"F1"), font_ids[1]);
        fonts_dict.finish();
        resources.finish();
        p.finish();
    }
    for (i, (face, used)) in [&fonts.regular, &fonts.bold]
        .into_iter()
        .zip(&used)
        .enumerate()
    {
        let ids = [alloc(), alloc(), alloc(), alloc()];
        embed(&mut pdf, font_ids[i], ids, face, used, i)?;
    }
    pdf.catalog(catalog_id).pages(tree_id);
    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(i32::try_from(pages.len()).unwrap_or(i32::MAX));
    let mut doc = pdf.document_info(info_id);
    doc.title(TextStr(info.title));
    if let Some(author) = info.author {
        doc.author(TextStr(author));
    }
    doc.subject(TextStr(info.subject));
    doc.creator(TextStr("Leadback"));
    doc.producer(TextStr("Leadback"));
    let year = u16::try_from(info.date.year()).unwrap_or(2000);
    doc.creation_date(
        pdf_writer::Date::new(year)
            .month(info.date.month() as u8)
            .day(info.date.day() as u8),
    );
    doc.finish();
    Ok(pdf.finish())
}

fn contents(page: &Page, fonts: &Fonts, used: &mut [Used; 2]) -> Vec<u8> {
    let mut c = Content::new();
    let flip = |y: f32| PAGE_HEIGHT - y;
    for op in &page.ops {
        match op {
            Op::Rect { x, y, w, h, color } => {
                c.set_fill_rgb(color.0, color.1, color.2);
                c.rect(*x, flip(y + h), *w, *h);
                c.fill_nonzero();
            }
            Op::Polyline {
                points,
                width,
                color,
            } => {
                let Some(((x, y), rest)) = points.split_first() else {
                    continue;
                };
                c.set_stroke_rgb(color.0, color.1, color.2);
                c.set_line_width(*width);
                c.set_line_join(pdf_writer::types::LineJoinStyle::RoundJoin);
                c.set_line_cap(pdf_writer::types::LineCapStyle::RoundCap);
                c.move_to(*x, flip(*y));
                for (x, y) in rest {
                    c.line_to(*x, flip(*y));
                }
                c.stroke();
            }
            Op::Dot { x, y, r, color } => {
                // A circle from four Bézier arcs.
                let k = 0.552_284_8 * r;
                let (cx, cy) = (*x, flip(*y));
                c.set_fill_rgb(color.0, color.1, color.2);
                c.move_to(cx + r, cy);
                c.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
                c.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
                c.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
                c.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
                c.close_path();
                c.fill_nonzero();
            }
            Op::Text {
                x,
                y,
                size,
                bold,
                color,
                text,
            } => {
                let index = usize::from(*bold);
                let face = fonts.face(*bold);
                let mut encoded = Vec::with_capacity(text.len() * 2);
                for ch in text.chars() {
                    let (glyph, _) = face.glyph(ch);
                    used[index].0.entry(glyph).or_insert(ch);
                    encoded.extend_from_slice(&glyph.to_be_bytes());
                }
                c.set_fill_rgb(color.0, color.1, color.2);
                c.begin_text();
                c.set_font(Name(if *bold { b"F1" } else { b"F0" }), *size);
                c.next_line(*x, flip(*y));
                c.show(Str(&encoded));
                c.end_text();
            }
        }
    }
    c.finish().into_vec()
}

/// A six-letter tag for a subset font's name, different per face so viewers keep them apart.
fn subset_tag(index: usize, used: &Used) -> String {
    let mut hash: u32 = 2_166_136_261;
    for &glyph in used.0.keys() {
        hash = (hash ^ u32::from(glyph)).wrapping_mul(16_777_619);
    }
    hash = hash.wrapping_add(index as u32);
    (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 5)) % 26) as u8))
        .collect()
}

fn embed(
    pdf: &mut Pdf,
    font_id: Ref,
    [cid_id, descriptor_id, file_id, cmap_id]: [Ref; 4],
    face: &Face,
    used: &Used,
    index: usize,
) -> Result<(), ReportError> {
    let name = format!("{}+{}", subset_tag(index, used), face.name);
    let glyphs: Vec<u16> = std::iter::once(0).chain(used.0.keys().copied()).collect();
    let subset =
        subsetter::subset(&face.data, 0, subsetter::Profile::pdf(&glyphs)).map_err(|e| {
            ReportError::BadFont {
                font: face.name.clone(),
                detail: format!("it could not be subset: {e}"),
            }
        })?;

    pdf.type0_font(font_id)
        .base_font(Name(name.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_id)
        .to_unicode(cmap_id);

    let system_info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    let mut cid = pdf.cid_font(cid_id);
    cid.subtype(CidFontType::Type2)
        .base_font(Name(name.as_bytes()))
        .system_info(system_info)
        .font_descriptor(descriptor_id)
        .default_width(0.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    let mut widths = cid.widths();
    for &glyph in used.0.keys() {
        widths.consecutive(glyph, [face.advance(glyph) * 1000.0]);
    }
    widths.finish();
    cid.finish();

    let [x0, y0, x1, y1] = face.bbox;
    pdf.font_descriptor(descriptor_id)
        .name(Name(name.as_bytes()))
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(
            x0 * 1000.0,
            y0 * 1000.0,
            x1 * 1000.0,
            y1 * 1000.0,
        ))
        .italic_angle(0.0)
        .ascent(face.ascender * 1000.0)
        .descent(face.descender * 1000.0)
        .cap_height(face.cap_height * 1000.0)
        .stem_v(if index == 1 { 140.0 } else { 80.0 })
        .font_file2(file_id);

    pdf.stream(file_id, &compress(&subset))
        .filter(Filter::FlateDecode);

    let mut cmap = pdf_writer::types::UnicodeCmap::new(Name(b"Custom"), system_info);
    for (&glyph, &ch) in &used.0 {
        cmap.pair(glyph, ch);
    }
    pdf.cmap(cmap_id, &cmap.finish());
    Ok(())
}
