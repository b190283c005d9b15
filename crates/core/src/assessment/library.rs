//! The instruments this installation knows, and which one a new assessment uses. An assessment is
//! always scored with the exact instrument id and version it was taken on, so a library keeps every
//! version it has ever offered.

use thiserror::Error;

use super::{Instrument, InstrumentError, builtin};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LibraryError {
    #[error(
        "this assessment was taken on instrument {id:?} version {version}, which this installation does not have"
    )]
    Unknown { id: String, version: i64 },
}

#[derive(Debug, Clone)]
pub struct InstrumentLibrary {
    /// The first is the one new assessments use.
    instruments: Vec<Instrument>,
}

impl InstrumentLibrary {
    /// The library of a fresh installation: the built-in instrument.
    pub fn builtin() -> Result<Self, InstrumentError> {
        Ok(Self {
            instruments: vec![builtin()?],
        })
    }

    /// The instrument new assessments are taken on.
    pub fn current(&self) -> &Instrument {
        // `builtin()` is the only constructor and always puts one instrument in.
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_builtin_by_id_and_version_and_nothing_else() {
        let library = InstrumentLibrary::builtin().unwrap();
        let current = library.current();
        let version = i64::from(current.version());
        assert_eq!(
            library.find(current.id(), version).map(Instrument::id),
            Ok(current.id())
        );
        assert_eq!(
            library.find(current.id(), version + 1).map(Instrument::id),
            Err(LibraryError::Unknown {
                id: current.id().to_owned(),
                version: version + 1
            })
        );
    }
}
