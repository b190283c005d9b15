//! The report's typeface: a sans-serif TrueType font found on this computer at run time (nothing
//! is bundled into the binary), with the metrics line breaking needs and the glyph ids the PDF
//! refers to. Only `.ttf` files with TrueType outlines are used; the PDF embeds the subset of
//! glyphs a report uses.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::ReportError;

/// Regular and bold file names, most wanted first: the fonts desktops ship (Linux distributions,
/// Windows, macOS). Matched case-insensitively anywhere under the platform's font folders.
const FAMILIES: &[(&str, &str)] = &[
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("OpenSans-Regular.ttf", "OpenSans-Bold.ttf"),
    ("segoeui.ttf", "segoeuib.ttf"),
    ("arial.ttf", "arialbd.ttf"),
    ("Arial.ttf", "Arial Bold.ttf"),
    ("Ubuntu-R.ttf", "Ubuntu-B.ttf"),
    ("Cantarell-Regular.ttf", "Cantarell-Bold.ttf"),
    ("FreeSans.ttf", "FreeSansBold.ttf"),
];

/// How deep to look under a font folder (distributions nest them two or three levels).
const MAX_DEPTH: usize = 4;

/// The folders a desktop keeps its fonts in.
fn font_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    let home = std::env::var_os("HOME").map(PathBuf::from);
    if cfg!(target_os = "windows") {
        let root = std::env::var_os("SYSTEMROOT")
            .map_or_else(|| PathBuf::from("C:\\Windows"), PathBuf::from);
        dirs.push(root.join("Fonts"));
        if let Some(local) = std::env::var_os("LOCALAPPDATA") {
            dirs.push(PathBuf::from(local).join("Microsoft\\Windows\\Fonts"));
        }
    } else if cfg!(target_os = "macos") {
        dirs.push(PathBuf::from("/System/Library/Fonts"));
        dirs.push(PathBuf::from("/Library/Fonts"));
        if let Some(home) = &home {
            dirs.push(home.join("Library/Fonts"));
        }
    } else {
        if let Some(data) = std::env::var_os("XDG_DATA_HOME") {
            dirs.push(PathBuf::from(data).join("fonts"));
        }
        if let Some(home) = &home {
            dirs.push(home.join(".local/share/fonts"));
            dirs.push(home.join(".fonts"));
        }
        let data_dirs = std::env::var("XDG_DATA_DIRS")
            .ok()
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| "/usr/local/share:/usr/share".to_owned());
        dirs.extend(data_dirs.split(':').map(|d| Path::new(d).join("fonts")));
    }
    dirs
}

/// Every file under `dir` (to [`MAX_DEPTH`]) by its lower-cased name; the first found wins.
fn collect(dir: &Path, depth: usize, found: &mut HashMap<String, PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() || (kind.is_symlink() && path.is_dir()) {
            if depth < MAX_DEPTH {
                collect(&path, depth + 1, found);
            }
        } else if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
            found.entry(name.to_lowercase()).or_insert(path);
        }
    }
}

/// A regular and a bold face.
#[derive(Debug, Clone)]
pub struct Fonts {
    pub(crate) regular: Face,
    pub(crate) bold: Face,
}

impl Fonts {
    /// The first usable family among the desktop fonts this computer has; its regular face
    /// stands in for bold when there is no bold file.
    pub fn system() -> Result<Self, ReportError> {
        Self::search(&font_dirs())
    }

    /// Like [`Fonts::system`], looking only in `dirs`.
    pub fn search(dirs: &[PathBuf]) -> Result<Self, ReportError> {
        let mut found = HashMap::new();
        for dir in dirs {
            collect(dir, 0, &mut found);
        }
        for (regular, bold) in FAMILIES {
            let Some(regular_path) = found.get(&regular.to_lowercase()) else {
                continue;
            };
            let Ok(regular) = Face::read(regular_path) else {
                continue;
            };
            let bold = found
                .get(&bold.to_lowercase())
                .and_then(|path| Face::read(path).ok())
                .unwrap_or_else(|| regular.clone());
            return Ok(Self { regular, bold });
        }
        Err(ReportError::NoFont {
            looked_in: dirs
                .iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            wanted: FAMILIES
                .iter()
                .map(|(r, _)| *r)
                .collect::<Vec<_>>()
                .join(", "),
        })
    }

    /// Two font files' contents (the bold may be the regular again).
    pub fn from_data(regular: Vec<u8>, bold: Vec<u8>) -> Result<Self, ReportError> {
        Ok(Self {
            regular: Face::new(regular, "the regular font")?,
            bold: Face::new(bold, "the bold font")?,
        })
    }

    pub(crate) fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }
}

/// One TrueType face: its bytes, metrics in ems, and the glyph and advance of each character.
#[derive(Debug, Clone)]
pub struct Face {
    pub(crate) data: Vec<u8>,
    /// The PostScript name, e.g. "DejaVuSans-Bold".
    pub(crate) name: String,
    pub(crate) ascender: f32,
    pub(crate) descender: f32,
    pub(crate) cap_height: f32,
    /// x min, y min, x max, y max, in ems.
    pub(crate) bbox: [f32; 4],
    /// Every character the font maps, with its glyph id and advance in ems.
    glyphs: HashMap<char, (u16, f32)>,
    /// Advances of glyph ids, in ems.
    advances: BTreeMap<u16, f32>,
}

impl Face {
    fn read(path: &Path) -> Result<Self, ReportError> {
        let data = std::fs::read(path).map_err(|e| ReportError::BadFont {
            font: path.display().to_string(),
            detail: e.to_string(),
        })?;
        Self::new(data, &path.display().to_string())
    }

    fn new(data: Vec<u8>, what: &str) -> Result<Self, ReportError> {
        let bad = |detail: &str| ReportError::BadFont {
            font: what.to_owned(),
            detail: detail.to_owned(),
        };
        let face = ttf_parser::Face::parse(&data, 0).map_err(|e| bad(&e.to_string()))?;
        if face.tables().glyf.is_none() {
            return Err(bad("it has no TrueType outlines (a glyf table)"));
        }
        let em = f32::from(face.units_per_em());
        let mut glyphs = HashMap::new();
        let mut advances = BTreeMap::new();
        if let Some(cmap) = face.tables().cmap {
            for subtable in cmap.subtables {
                if !subtable.is_unicode() {
                    continue;
                }
                subtable.codepoints(|cp| {
                    let Some(c) = char::from_u32(cp) else {
                        return;
                    };
                    if let Some(glyph) = subtable.glyph_index(cp) {
                        let advance = f32::from(face.glyph_hor_advance(glyph).unwrap_or(0)) / em;
                        glyphs.entry(c).or_insert((glyph.0, advance));
                        advances.insert(glyph.0, advance);
                    }
                });
            }
        }
        if !glyphs.contains_key(&'a') || !glyphs.contains_key(&' ') {
            return Err(bad("it does not have Latin letters"));
        }
        let name = face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_else(|| "LeadbackSans".to_owned());
        let name: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let bbox = face.global_bounding_box();
        let ems = |v: i16| f32::from(v) / em;
        Ok(Self {
            name,
            ascender: ems(face.ascender()),
            descender: ems(face.descender()),
            cap_height: face.capital_height().map_or(0.7, ems),
            bbox: [
                ems(bbox.x_min),
                ems(bbox.y_min),
                ems(bbox.x_max),
                ems(bbox.y_max),
            ],
            glyphs,
            advances,
            data,
        })
    }

    /// The glyph and advance for `c`: a plain stand-in for a character the font lacks
    /// (typographic quotes and dashes, then "?").
    pub(crate) fn glyph(&self, c: char) -> (u16, f32) {
        if let Some(g) = self.glyphs.get(&c) {
            return *g;
        }
        let stand_in = match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{2026}' => '.',
            '\t' | '\u{a0}' => ' ',
            _ => '?',
        };
        self.glyphs.get(&stand_in).copied().unwrap_or((0, 0.5))
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum::<f32>() * size
    }

    pub(crate) fn advance(&self, glyph: u16) -> f32 {
        self.advances.get(&glyph).copied().unwrap_or(0.0)
    }
}
