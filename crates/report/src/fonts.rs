//! The report's typefaces, found on this computer at run time (nothing is bundled into the
//! binary): a sans-serif family for the report's own look, and every other font the computer has
//! as a fallback for the characters that family lacks (Arabic, Chinese, Thai…). The fonts are
//! listed with fontdb; a file is read only when the report needs one of its characters.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

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

/// How deep to look under a font folder for the report's family (distributions nest them two or
/// three levels).
const MAX_DEPTH: usize = 4;

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

/// A font on the computer that can stand in for characters the report's family lacks; read
/// only when it is needed.
#[derive(Debug, Clone)]
pub(crate) struct Fallback {
    pub path: PathBuf,
    pub index: u32,
    pub bold: bool,
    /// For a Chinese, Japanese and Korean font, the region its Han characters are drawn for
    /// ("JP", "KR", "SC", "TC", "HK"), as Noto CJK and Source Han name their families.
    pub region: Option<&'static str>,
}

/// The report's regular and bold faces, and the fonts to fall back on, in the order they are
/// tried.
#[derive(Debug, Clone)]
pub struct Fonts {
    pub(crate) regular: Arc<Face>,
    pub(crate) bold: Arc<Face>,
    /// The folders to list fallbacks from, and the list, made the first time a character the
    /// report's family lacks needs it (a report in Latin letters never lists them).
    dirs: Arc<Vec<PathBuf>>,
    primary: Option<PathBuf>,
    listed: Arc<OnceLock<Listed>>,
}

/// A fallback font and its face, read the first time a character needs it (`None` inside:
/// it could not be read).
#[derive(Debug)]
pub(crate) struct Slot {
    pub fallback: Fallback,
    id: fontdb::ID,
    face: OnceLock<Option<Face>>,
}

impl Slot {
    pub(crate) fn face(&self) -> Option<&Face> {
        self.face
            .get_or_init(|| Face::read(&self.fallback.path, self.fallback.index, false).ok())
            .as_ref()
    }
}

/// The computer's fonts as fontdb lists them, and the fallbacks among them in order.
#[derive(Debug)]
struct Listed {
    db: fontdb::Database,
    slots: Vec<Slot>,
}

impl Fonts {
    /// The first usable family among the desktop fonts this computer has (its regular face
    /// stands in for bold when there is no bold file), with every other font as a fallback.
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
            let Ok(regular) = Face::read(regular_path, 0, true) else {
                continue;
            };
            let regular = Arc::new(regular);
            let bold = found
                .get(&bold.to_lowercase())
                .and_then(|path| Face::read(path, 0, true).ok())
                .map_or_else(|| regular.clone(), Arc::new);
            return Ok(Self {
                regular,
                bold,
                dirs: Arc::new(dirs.to_vec()),
                primary: Some(regular_path.clone()),
                listed: Arc::default(),
            });
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

    /// The fonts to fall back on, in the order they are tried: every font in the folders but
    /// the report's family, listed with fontdb the first time they are asked for.
    pub(crate) fn fallbacks(&self) -> &[Slot] {
        &self.listed().slots
    }

    fn listed(&self) -> &Listed {
        self.listed.get_or_init(|| {
            let mut db = fontdb::Database::new();
            for dir in self.dirs.iter() {
                db.load_fonts_dir(dir);
            }
            let slots = fallbacks(&db, self.primary.as_deref())
                .into_iter()
                .map(|(id, fallback)| Slot {
                    fallback,
                    id,
                    face: OnceLock::new(),
                })
                .collect();
            Listed { db, slots }
        })
    }

    /// Whether the fallback at `index` draws `c`, looked up in its file without reading it
    /// whole.
    pub(crate) fn fallback_has(&self, index: usize, c: char) -> bool {
        let listed = self.listed();
        let Some(slot) = listed.slots.get(index) else {
            return false;
        };
        if let Some(face) = slot.face.get() {
            return face.as_ref().is_some_and(|f| f.has(c));
        }
        listed
            .db
            .with_face_data(slot.id, |data, index| {
                ttf_parser::Face::parse(data, index)
                    .ok()
                    .and_then(|f| f.glyph_index(c))
                    .is_some_and(|g| g.0 != 0)
            })
            .unwrap_or(false)
    }

    /// Two font files' contents (the bold may be the regular again), with no fallback: a
    /// character neither has is reported as missing.
    pub fn from_data(regular: Vec<u8>, bold: Vec<u8>) -> Result<Self, ReportError> {
        Ok(Self {
            regular: Arc::new(Face::new(Arc::new(regular), 0, "the regular font", true)?),
            bold: Arc::new(Face::new(Arc::new(bold), 0, "the bold font", true)?),
            dirs: Arc::new(Vec::new()),
            primary: None,
            listed: Arc::default(),
        })
    }
}

/// The fonts in `db` other than the report's family, most fitting first: upright before
/// italic, sans-serif before the rest, the report's own family before others (Noto Sans Arabic
/// beside Noto Sans), then the plainest name (Noto Sans Thai before Noto Sans Thai UI), then by
/// name so the choice does not depend on the order files were listed in.
fn fallbacks(db: &fontdb::Database, primary: Option<&Path>) -> Vec<(fontdb::ID, Fallback)> {
    let primary_family = db
        .faces()
        .find(|f| matches!(&f.source, fontdb::Source::File(p) if Some(p.as_path()) == primary))
        .and_then(|f| f.families.first().map(|(name, _)| name.clone()))
        .unwrap_or_default();
    let mut found: Vec<(_, fontdb::ID, Fallback)> = db
        .faces()
        .filter_map(|info| {
            let fontdb::Source::File(path) = &info.source else {
                return None;
            };
            let family = info.families.first().map_or("", |(name, _)| name.as_str());
            let lower = family.to_lowercase();
            let upright = info.style == fontdb::Style::Normal;
            let sans = lower.contains("sans") && !lower.contains("mono");
            let same_family = !primary_family.is_empty() && family.starts_with(&primary_family);
            // Simplified Chinese glyphs for Han characters unless a font says otherwise.
            let preferred_cjk = lower.contains("cjk sc") || !lower.contains("cjk");
            let plain = !lower.contains(" ui") && !lower.contains("display");
            let weight = info.weight.0;
            let key = (
                Reverse(upright),
                Reverse(sans),
                Reverse(same_family),
                Reverse(plain),
                Reverse(preferred_cjk),
                family.len(),
                family.to_owned(),
                weight,
                path.clone(),
                info.index,
            );
            Some((
                key,
                info.id,
                Fallback {
                    path: path.clone(),
                    index: info.index,
                    bold: weight >= 600,
                    region: ["JP", "KR", "SC", "TC", "HK"]
                        .into_iter()
                        .find(|r| family.contains(&format!("CJK {r}"))),
                },
            ))
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found.into_iter().map(|(_, id, f)| (id, f)).collect()
}

/// One face of a font file: its bytes and metrics in ems.
#[derive(Debug)]
pub struct Face {
    pub(crate) data: Arc<Vec<u8>>,
    pub(crate) index: u32,
    /// The PostScript name, e.g. "DejaVuSans-Bold".
    pub(crate) name: String,
    pub(crate) units_per_em: f32,
}

impl Face {
    /// The face at `index` in the file at `path`; `latin` asks that it has Latin letters.
    pub(crate) fn read(path: &Path, index: u32, latin: bool) -> Result<Self, ReportError> {
        let data = std::fs::read(path).map_err(|e| ReportError::BadFont {
            font: path.display().to_string(),
            detail: e.to_string(),
        })?;
        Self::new(Arc::new(data), index, &path.display().to_string(), latin)
    }

    fn new(data: Arc<Vec<u8>>, index: u32, what: &str, latin: bool) -> Result<Self, ReportError> {
        let bad = |detail: &str| ReportError::BadFont {
            font: what.to_owned(),
            detail: detail.to_owned(),
        };
        let face = ttf_parser::Face::parse(&data, index).map_err(|e| bad(&e.to_string()))?;
        if face.tables().glyf.is_none() && face.tables().cff.is_none() {
            return Err(bad("it has no outlines (a glyf or CFF table)"));
        }
        let name = face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_else(|| "LeadbackSans".to_owned());
        let units_per_em = f32::from(face.units_per_em());
        let face = Self {
            name,
            units_per_em,
            index,
            data,
        };
        if latin && (!face.has('a') || !face.has(' ')) {
            return Err(bad("it does not have Latin letters"));
        }
        Ok(face)
    }

    /// Whether the face draws `c`.
    pub(crate) fn has(&self, c: char) -> bool {
        ttf_parser::Face::parse(&self.data, self.index)
            .ok()
            .and_then(|f| f.glyph_index(c))
            .is_some_and(|g| g.0 != 0)
    }
}
