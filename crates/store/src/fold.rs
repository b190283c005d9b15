//! The folding the journal's search compares text in: what is indexed and what is typed both go
//! through [`fold`], so case and accents are ignored in every script while the letters of scripts
//! whose marks are not accents stay as written. The store registers it on its connection as the
//! SQL function `lb_fold`, which the index's triggers call (see migration 0012).

use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use icu_properties::props::{DefaultIgnorableCodePoint, GeneralCategory, Script};
use icu_properties::{CodePointMapData, CodePointSetData};
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;
use rusqlite::types::{Value, ValueRef};

/// The name of [`fold`] in SQL.
pub(crate) const SQL_NAME: &str = "lb_fold";

/// `text` as search compares it:
///
/// 1. compatibility decomposition (NFKD): an accented letter becomes its letter and its marks, and
///    forms that only look different become the plain character (full-width `Ａ`, the ligature `ﬁ`,
///    Arabic presentation forms, half-width katakana);
/// 2. lower case, with the two case foldings lower case lacks: final `ς` is `σ`, `ß` is `ss`;
/// 3. the marks of accents dropped (see [`marks_are_accents`]), and the few Latin letters with a
///    stroke that Unicode does not decompose written plain (`đ`, `ł`, `ø`), as a person typing
///    without accents writes them;
/// 4. invisible characters dropped (Unicode's default-ignorable ones: joiners, direction marks,
///    soft hyphens, variation selectors), which text pasted from elsewhere often carries;
/// 5. composed again (NFC), so a mark that stays sits on its letter as it was written: Korean
///    syllables and kana with their voicing marks come back whole.
///
/// Deterministic, and the same for a word as for the text it is part of, so a word found in a text
/// before folding is found in it after.
pub(crate) fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    const NFKD: DecomposingNormalizerBorrowed<'static> = DecomposingNormalizerBorrowed::new_nfkd();
    const NFC: ComposingNormalizerBorrowed<'static> = ComposingNormalizerBorrowed::new_nfc();
    let category = CodePointMapData::<GeneralCategory>::new();
    let script = CodePointMapData::<Script>::new();
    let ignorable = CodePointSetData::new::<DefaultIgnorableCodePoint>();

    // The script of the letter the marks that follow sit on; none before the first.
    let mut base: Option<Script> = None;
    let kept = NFKD
        .normalize_iter(text.chars())
        .flat_map(char::to_lowercase)
        .filter(|c| !ignorable.contains(*c))
        .filter(move |&c| match category.get(c) {
            GeneralCategory::NonspacingMark => {
                !marks_are_accents(base.unwrap_or_else(|| script.get(c)))
            }
            GeneralCategory::SpacingMark | GeneralCategory::EnclosingMark => true,
            _ => {
                base = Some(script.get(c));
                true
            }
        })
        .flat_map(|c| {
            let plain: &[char] = match c {
                'ς' => &['σ'],
                'ß' => &['s', 's'],
                'đ' => &['d'],
                'ł' => &['l'],
                'ø' => &['o'],
                _ => return PlainOr::Same(Some(c)),
            };
            PlainOr::Plain(plain.iter().copied())
        });
    NFC.normalize_iter(kept).collect()
}

/// Whether the non-spacing marks on a letter of `script` are accents a reader can leave out: the
/// diacritics of Latin (French, Vietnamese...), Greek (tonos, dialytika), Cyrillic (stress marks,
/// `ё`, `й`), and the vowel points and other marks of Hebrew (niqqud) and Arabic (harakat,
/// hamza above or below its seat), which most writing leaves out. Marks on a digit, a symbol or a
/// space (the Common script) go too. In every other script a non-spacing mark is part of how a
/// word is spelled and stays: Devanagari and Thai vowel signs and Thai tone marks (dropping them
/// would turn "नेतृत्व" into "नततव" and "ผู้นำ" into "ผนา", finding unrelated words), and the
/// voicing mark of kana (`が` is not `か`).
fn marks_are_accents(script: Script) -> bool {
    [
        Script::Latin,
        Script::Greek,
        Script::Cyrillic,
        Script::Hebrew,
        Script::Arabic,
        Script::Common,
        Script::Inherited,
    ]
    .contains(&script)
}

/// One character as it was, or the plain letters it is written as.
enum PlainOr<I> {
    Same(Option<char>),
    Plain(I),
}

impl<I: Iterator<Item = char>> Iterator for PlainOr<I> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match self {
            PlainOr::Same(c) => c.take(),
            PlainOr::Plain(chars) => chars.next(),
        }
    }
}

/// Whether `c` is a combining mark of any kind (a word's accents and vowel signs are part of it).
pub(crate) fn is_mark(c: char) -> bool {
    matches!(
        CodePointMapData::<GeneralCategory>::new().get(c),
        GeneralCategory::NonspacingMark
            | GeneralCategory::SpacingMark
            | GeneralCategory::EnclosingMark
    )
}

/// Makes [`fold`] callable from SQL on `conn` as `lb_fold(text)`: the journal's index triggers call
/// it, so every connection that writes the journal's sources needs it (a connection without it
/// can still read everything).
pub(crate) fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        SQL_NAME,
        1,
        // Innocuous: usable from triggers even where the schema is not trusted.
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| {
            Ok(match ctx.get_raw(0) {
                ValueRef::Text(bytes) => Value::Text(fold(&String::from_utf8_lossy(bytes))),
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) => Value::Integer(n),
                ValueRef::Real(x) => Value::Real(x),
                ValueRef::Blob(bytes) => Value::Blob(bytes.to_vec()),
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn case_and_accents_are_ignored_in_every_script_that_has_accents() {
        for (written, typed) in [
            ("Ελένη", "ελενη"),
            ("ΕΛΈΝΗ", "ελενη"),
            ("Ελένης", "ελενησ"), // final sigma
            ("Nguyễn Việt", "nguyen viet"),
            ("Đặng", "dang"),
            ("élève, Noël", "eleve, noel"),
            ("Straße", "strasse"),
            ("İstanbul", "istanbul"),
            ("Ёлка", "елка"),
            ("שָׁלוֹם", "שלום"),
            ("أولاً", "اولا"),
            ("Ｆｕｌｌ ﬁle", "full file"),
            ("Łódź, Søren", "lodz, soren"),
            ("caf\u{0065}\u{0301}", "cafe"),
            ("left\u{200F}\u{00AD}", "left"),
        ] {
            assert_eq!(fold(written), typed, "{written}");
        }
    }

    #[test]
    fn marks_that_spell_a_word_stay() {
        for word in ["नेतृत्व", "ผู้", "が", "ガ", "한국", "领导力"] {
            assert_eq!(fold(word), word, "{word}");
        }
        // Thai's "am" is a compatibility form: both sides fold it the same way, keeping its mark.
        assert_eq!(fold("ผู้นำ"), "ผู้น\u{0E4D}\u{0E32}");
        assert_eq!(fold("ｶﾞ"), "ガ");
    }

    #[test]
    fn folding_twice_changes_nothing() {
        // Every character Unicode assigns outside the private-use and surrogate ranges.
        let all: String = (0..0x3_0000u32)
            .filter_map(char::from_u32)
            .filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c))
            .collect();
        let once = fold(&all);
        assert_eq!(fold(&once), once);
    }
}
