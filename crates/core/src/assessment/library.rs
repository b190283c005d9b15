//! The instruments this installation knows, and which one a new assessment uses. An assessment is
//! always scored with the exact instrument id and version it was taken on, so a library keeps every
//! version it has ever offered: the built-in one, and every version of a coach's own instruments
//! (imported from a file with the built-in's schema, kept as the file's text by the store).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

use super::{Instrument, InstrumentError, builtin};

/// The largest instrument file a coach may import. The built-in one is about 40 KB.
pub const MAX_INSTRUMENT_BYTES: usize = 1024 * 1024;

/// The longest id an imported instrument may have, in characters (the database holds no more).
pub const MAX_INSTRUMENT_ID_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LibraryError {
    #[error(
        "this assessment was taken on instrument {id:?} version {version}, which this installation does not have"
    )]
    Unknown { id: String, version: i64 },
}

/// Why a coach's instrument file cannot be imported. Nothing is saved when it is refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum CustomInstrumentError {
    #[error("{file} is {bytes} bytes; an instrument file may be at most {max} bytes (1 MB)")]
    TooLarge {
        file: String,
        bytes: usize,
        max: usize,
    },
    /// The parser's own message: the file, the place and the problem.
    #[error(transparent)]
    Invalid(#[from] InstrumentError),
    #[error(
        "{file}: the id {id:?} belongs to Leadback's own questionnaire; give your instrument an id of its own"
    )]
    BuiltinId { file: String, id: String },
    #[error("{file}: the id is {chars} characters long; an instrument's id may have at most {max}")]
    IdTooLong {
        file: String,
        chars: usize,
        max: usize,
    },
    #[error(
        "{file}: suggestion rule {rule} names the {kind} {id:?}, which Leadback's library does not have"
    )]
    UnknownSuggestion {
        file: String,
        rule: usize,
        kind: &'static str,
        id: String,
    },
    #[error(
        "{file}: version {version} of {id:?} was already imported with different content; raise the version number to import a changed file (assessments keep the version they were taken on)"
    )]
    Conflict {
        file: String,
        id: String,
        version: u32,
    },
}

/// What a coach sees of an instrument in a list or an import preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InstrumentSummary {
    pub id: String,
    pub version: u32,
    pub title: String,
    /// Likert items (the stances'), not counting scenarios and energy questions.
    pub items: usize,
    pub scenarios: usize,
    /// True for the instrument that ships with Leadback.
    pub builtin: bool,
    /// When a coach's instrument was imported; none for the built-in one.
    pub imported_at: Option<DateTime<Utc>>,
    /// True for the one new assessments are taken on.
    pub current: bool,
}

/// What importing a file would do, shown before anything is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InstrumentPreview {
    pub instrument: InstrumentSummary,
    /// True when this very file (same id, version and text) is already imported: importing it
    /// again changes nothing.
    pub already_imported: bool,
}

/// A coach's instrument as the store keeps it: the file's text, parsed again when loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredInstrument {
    pub id: String,
    pub version: i64,
    pub text: String,
    pub imported_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct InstrumentLibrary {
    /// The built-in instrument first, then the coach's, in the order given.
    instruments: Vec<Instrument>,
    /// When each was imported; `None` for the built-in one.
    imported: Vec<Option<DateTime<Utc>>>,
    /// Index of the one new assessments use.
    current: usize,
}

impl InstrumentLibrary {
    /// The library of a fresh installation: the built-in instrument.
    pub fn builtin() -> Result<Self, InstrumentError> {
        Ok(Self {
            instruments: vec![builtin()?],
            imported: vec![None],
            current: 0,
        })
    }

    /// This library with a coach's stored instruments added. One that no longer parses (a stricter
    /// future parser) is left out and reported, so the rest of the app keeps working; assessments
    /// taken on it then report it as unknown.
    pub fn with_stored(
        mut self,
        stored: impl IntoIterator<Item = StoredInstrument>,
    ) -> (Self, Vec<InstrumentError>) {
        let mut broken = Vec::new();
        for entry in stored {
            let name = format!("{} version {}", entry.id, entry.version);
            match Instrument::parse(&name, &entry.text) {
                Ok(instrument) if !self.has(instrument.id(), i64::from(instrument.version())) => {
                    self.instruments.push(instrument);
                    self.imported.push(Some(entry.imported_at));
                }
                Ok(_) => {}
                Err(err) => broken.push(err),
            }
        }
        (self, broken)
    }

    /// Makes `id` + `version` the instrument new assessments use; an unknown one leaves the
    /// choice as it was and says so.
    pub fn choose(&mut self, id: &str, version: i64) -> Result<(), LibraryError> {
        let index = self
            .instruments
            .iter()
            .position(|i| i.id() == id && i64::from(i.version()) == version)
            .ok_or_else(|| LibraryError::Unknown {
                id: id.to_owned(),
                version,
            })?;
        self.current = index;
        Ok(())
    }

    /// The instrument new assessments are taken on.
    pub fn current(&self) -> &Instrument {
        // Every constructor puts the built-in instrument in, and `choose` only picks an index
        // that exists.
        &self.instruments[self.current]
    }

    /// The built-in instrument.
    pub fn builtin_instrument(&self) -> &Instrument {
        &self.instruments[0]
    }

    pub fn find(&self, id: &str, version: i64) -> Result<&Instrument, LibraryError> {
        self.instruments
            .iter()
            .find(|i| i.id() == id && i64::from(i.version()) == version)
            .ok_or_else(|| LibraryError::Unknown {
                id: id.to_owned(),
                version,
            })
    }

    fn has(&self, id: &str, version: i64) -> bool {
        self.find(id, version).is_ok()
    }

    /// Every instrument, the built-in one first.
    pub fn summaries(&self) -> Vec<InstrumentSummary> {
        self.instruments
            .iter()
            .zip(&self.imported)
            .enumerate()
            .map(|(index, (instrument, imported_at))| InstrumentSummary {
                current: index == self.current,
                ..summary(instrument, index == 0, *imported_at)
            })
            .collect()
    }

    /// Checks a coach's instrument file before it is saved: its size, the schema (the parser's
    /// precise messages), an id of its own, suggestions that name habits and exercises Leadback
    /// has, and no clash with a version already imported (`existing`: the stored text of the same
    /// id and version, if any). Returns the instrument and whether it is new (false: the very
    /// same file was imported before, and importing it again changes nothing).
    pub fn check_custom(
        &self,
        file_name: &str,
        text: &str,
        existing: Option<&str>,
        has_habit: impl Fn(&str) -> bool,
        has_exercise: impl Fn(&str) -> bool,
    ) -> Result<(Instrument, bool), CustomInstrumentError> {
        check_size(file_name, text.len())?;
        let instrument = Instrument::parse(file_name, text)?;
        let file = file_name.to_owned();
        let chars = instrument.id().chars().count();
        if chars > MAX_INSTRUMENT_ID_CHARS {
            return Err(CustomInstrumentError::IdTooLong {
                file,
                chars,
                max: MAX_INSTRUMENT_ID_CHARS,
            });
        }
        if instrument.id() == self.builtin_instrument().id() {
            return Err(CustomInstrumentError::BuiltinId {
                file,
                id: instrument.id().to_owned(),
            });
        }
        for (index, rule) in instrument.suggestion_rules().iter().enumerate() {
            let habits = rule.habits.iter().filter(|id| !has_habit(id));
            let exercises = rule.exercises.iter().filter(|id| !has_exercise(id));
            let unknown = habits
                .map(|id| ("habit", id))
                .chain(exercises.map(|id| ("exercise", id)))
                .next();
            if let Some((kind, id)) = unknown {
                return Err(CustomInstrumentError::UnknownSuggestion {
                    file,
                    rule: index + 1,
                    kind,
                    id: id.clone(),
                });
            }
        }
        match existing {
            Some(stored) if stored == text => Ok((instrument, false)),
            Some(_) => Err(CustomInstrumentError::Conflict {
                file,
                id: instrument.id().to_owned(),
                version: instrument.version(),
            }),
            None => Ok((instrument, true)),
        }
    }
}

/// Refuses a file over [`MAX_INSTRUMENT_BYTES`]; callers reading a file read at most one byte more.
pub fn check_size(file_name: &str, bytes: usize) -> Result<(), CustomInstrumentError> {
    if bytes > MAX_INSTRUMENT_BYTES {
        return Err(CustomInstrumentError::TooLarge {
            file: file_name.to_owned(),
            bytes,
            max: MAX_INSTRUMENT_BYTES,
        });
    }
    Ok(())
}

/// An instrument as a list or a preview shows it (not marked current).
pub fn summary(
    instrument: &Instrument,
    builtin: bool,
    imported_at: Option<DateTime<Utc>>,
) -> InstrumentSummary {
    InstrumentSummary {
        id: instrument.id().to_owned(),
        version: instrument.version(),
        title: instrument.view().title.clone(),
        items: instrument.items().len(),
        scenarios: instrument.scenarios().len(),
        builtin,
        imported_at,
        current: false,
    }
}

#[cfg(test)]
#[path = "library_tests.rs"]
mod tests;
