//! Names and notes in every script, as a reader gets them: the text a PDF reader copies (poppler's
//! `pdftotext`) is what was written, each script is drawn in a font that has it (not as "missing"
//! boxes, seen on the page `pdftoppm` renders), and a character no font on the computer has is
//! named rather than dropped.
//!
//! These tests need the fonts `make` installs (Debian's fonts-noto-core and fonts-noto-cjk) and
//! poppler-utils; they fail, saying what to install, when those are missing.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use leadback_core::report::{Block, Report, Section};
use leadback_report::{Fonts, render};
use leadback_testkit::pdf_text;

/// A name and a session note in each script the issue names, and a name mixing several.
const SAMPLES: &[(&str, &str, &str)] = &[
    (
        "Arabic",
        "فاطمة الزهراء",
        "ناقشنا كيف تقود الفريق من الخلف وتترك الآخرين يتقدمون.",
    ),
    (
        "Hebrew",
        "דוד לוי",
        "דיברנו על הובלה מאחור ועל הקשבה לצוות.",
    ),
    (
        "Chinese",
        "王小明",
        "我们谈到了如何从后面领导团队，让别人先走。",
    ),
    (
        "Japanese",
        "山田花子",
        "後ろから導くことについて話しました。まず聞くこと。",
    ),
    ("Korean", "김민준", "뒤에서 이끄는 법에 대해 이야기했다."),
    ("Hindi", "प्रिया शर्मा", "हमने पीछे से नेतृत्व करने के बारे में बात की।"),
    ("Thai", "สมชาย ใจดี", "เราคุยกันเรื่องการนำจากข้างหลังและการฟังทีม"),
    (
        "Greek",
        "Νίκος Παπαδόπουλος",
        "Μιλήσαμε για την ηγεσία από πίσω και την ακρόαση.",
    ),
    (
        "Vietnamese",
        "Nguyễn Thị Hương",
        "Chúng tôi đã nói về việc dẫn dắt từ phía sau.",
    ),
    (
        "mixed",
        "Lena 王 فاطمة Ωμέγα",
        "Mixed: مرحبا 你好 שלום नमस्ते สวัสดี end.",
    ),
];

fn report(name: &str, note: &str) -> Report {
    Report {
        title: "Leading from the back".to_owned(),
        person_name: name.to_owned(),
        coach_name: Some("Ada Coach".to_owned()),
        generated_on: NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date"),
        facts: vec![("Prepared for".to_owned(), name.to_owned())],
        sections: vec![Section {
            heading: "Session notes".to_owned(),
            blocks: vec![Block::Paragraph(note.to_owned())],
            new_page: false,
        }],
    }
}

/// The computer's fonts, with a clear failure when the ones these tests need are missing.
fn system_fonts() -> Fonts {
    let noto = [
        "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ];
    for path in noto {
        assert!(
            Path::new(path).exists(),
            "{path} is missing: these tests need Debian's Noto fonts (apt-get install \
             fonts-noto-core fonts-noto-cjk, which `make` does)"
        );
    }
    Fonts::system().expect("the report's font is found")
}

/// DejaVu Sans alone, with no fallback: what the report drew before it had one.
fn dejavu_only() -> Fonts {
    let dir = Path::new("/usr/share/fonts/truetype/dejavu");
    let regular = std::fs::read(dir.join("DejaVuSans.ttf"))
        .expect("DejaVu Sans is installed (Debian: fonts-dejavu-core)");
    let bold = std::fs::read(dir.join("DejaVuSans-Bold.ttf")).expect("DejaVu Sans Bold");
    Fonts::from_data(regular, bold).expect("DejaVu Sans is usable")
}

/// What was written and what was read back, compared as poppler gives text: it rebuilds the
/// spaces from the gaps between words (putting a space on either side of a right-to-left word)
/// and marks right-to-left text with embedding controls, so both are left out; every other
/// character must be there, in the order it was written.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// [`letters`] without sentence punctuation, for a right-to-left paragraph: poppler reads a line
/// from its left end and, on a page that is mostly left-to-right, gives the full stop (or colon,
/// comma) that ends a right-to-left sentence, drawn at its left, before the sentence. Every
/// letter and mark still reads back in order.
fn letters_rtl(text: &str) -> String {
    letters(text)
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ':' | ';'))
        .collect()
}

fn write(dir: &Path, file: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Page 1 rendered by `pdftoppm` at 72 dpi (one pixel a point) in grey: width, height, pixels.
fn rendered_page(pdf: &Path) -> (usize, usize, Vec<u8>) {
    let out = Command::new("pdftoppm")
        .args(["-gray", "-r", "72", "-f", "1", "-l", "1"])
        .arg(pdf)
        .output()
        .expect("pdftoppm is needed to render the page (Debian: apt-get install poppler-utils)");
    assert!(
        out.status.success(),
        "pdftoppm failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A binary PGM: "P5\n<width> <height>\n255\n" then one byte a pixel.
    let data = out.stdout;
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while data[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !data[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..at]).into_owned());
    }
    let (width, height) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (width, height, data[at + 1..].to_vec())
}

/// The band of the page the subtitle ("A report for …") is drawn in, right of its first words.
fn name_band(pdf: &Path) -> Vec<u8> {
    let (width, _, pixels) = rendered_page(pdf);
    (132..156)
        .flat_map(|y| (150..540).map(move |x| (x, y)))
        .map(|(x, y)| pixels[y * width + x])
        .collect()
}

#[test]
fn names_and_notes_in_every_script_read_back_as_written_and_are_drawn_in_fonts_that_have_them() {
    let fonts = system_fonts();
    let plain = dejavu_only();
    let dir = tempfile::tempdir().unwrap();
    for (script, name, note) in SAMPLES {
        let rendered = render(&report(name, note), &fonts).unwrap();
        assert!(
            rendered.missing.is_empty(),
            "{script}: every character has a font, yet {:?} were reported missing",
            rendered.missing
        );
        let pdf = write(dir.path(), &format!("{script}.pdf"), &rendered.bytes);
        let read = pdf_text(&pdf);
        let text = letters(&read);
        for written in [
            format!("A report for {name}"),
            format!("Prepared for {name}"),
        ] {
            assert!(
                text.contains(&letters(&written)),
                "{script}: {written:?} does not read back from the PDF; pdftotext gave {text:?}"
            );
        }
        let rtl = matches!(*script, "Arabic" | "Hebrew");
        let (text, written) = if rtl {
            (letters_rtl(&read), letters_rtl(note))
        } else {
            (text, letters(note))
        };
        {
            assert!(
                text.contains(&written),
                "{script}: {note:?} does not read back from the PDF; pdftotext gave {read:?}"
            );
        }

        if *script == "Japanese" {
            let fonts = Command::new("pdffonts")
                .arg(&pdf)
                .output()
                .expect("pdffonts runs");
            let fonts = String::from_utf8_lossy(&fonts.stdout);
            assert!(
                fonts.contains("CJKjp"),
                "a line with kana has its Han characters in Japanese forms: {fonts}"
            );
        }

        // The name is drawn: there is ink where it stands…
        let band = name_band(&pdf);
        let ink = band.iter().filter(|&&p| p < 160).count();
        assert!(
            ink > 30,
            "{script}: the name {name:?} left its place on the page blank"
        );
        // …and where DejaVu Sans alone has no glyph for it (drawn as boxes before), the page now
        // shows something else than those boxes.
        let without = render(&report(name, note), &plain).unwrap();
        if !without.missing.is_empty() {
            let boxes = write(dir.path(), &format!("{script}-boxes.pdf"), &without.bytes);
            assert_ne!(
                band,
                name_band(&boxes),
                "{script}: the name is drawn as the same boxes as without a font for it"
            );
        }
    }
}

#[test]
fn a_character_no_font_has_is_named_drawn_as_a_box_and_kept_in_the_text() {
    let fonts = system_fonts();
    // A private-use character (plane 16) no font on the computer draws.
    let name = "Grace \u{10FFFD} Hopper";
    let rendered = render(&report(name, "Nothing else is missing."), &fonts).unwrap();
    assert_eq!(
        rendered.missing,
        ['\u{10FFFD}'],
        "the character no font has is named"
    );
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(dir.path(), "missing.pdf", &rendered.bytes);
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Nothing else is missing."),
        "the report is still written: {text:?}"
    );
    assert!(
        letters(&text).contains(&letters(name)),
        "the character stays in the text layer: {text:?}"
    );
}

#[test]
fn a_font_without_fallback_names_what_it_could_not_draw() {
    let rendered = render(&report("王小明", "สวัสดี"), &dejavu_only()).unwrap();
    assert_eq!(rendered.missing, ['王', '小', '明', 'ส', 'ว', 'ั', 'ด', 'ี']);
}
