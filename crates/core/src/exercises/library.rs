//! The exercises this installation offers: every built-in file, parsed and checked together, so an
//! id used by two files is refused as firmly as a fault inside one file.

use std::collections::BTreeMap;

use super::{Exercise, ExerciseError, ExerciseFault, ExerciseLibraryError, ExerciseProblem};
use crate::habits::{HabitLibrary, builtin_library};

/// The built-in exercise files as (file name, text), in the order the library lists them. Compiled
/// in so the app and the CLI work with no files.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "walk-at-the-back.toml",
        include_str!("../../../../assets/exercises/walk-at-the-back.toml"),
    ),
    (
        "listen-first.toml",
        include_str!("../../../../assets/exercises/listen-first.toml"),
    ),
    (
        "let-them-go-first-at-work.toml",
        include_str!("../../../../assets/exercises/let-them-go-first-at-work.toml"),
    ),
    (
        "rest-and-recharge.toml",
        include_str!("../../../../assets/exercises/rest-and-recharge.toml"),
    ),
    (
        "shepherds-debrief.toml",
        include_str!("../../../../assets/exercises/shepherds-debrief.toml"),
    ),
    (
        "when-would-i-step-in.toml",
        include_str!("../../../../assets/exercises/when-would-i-step-in.toml"),
    ),
    (
        "collective-genius.toml",
        include_str!("../../../../assets/exercises/collective-genius.toml"),
    ),
    (
        "praise-and-recognition.toml",
        include_str!("../../../../assets/exercises/praise-and-recognition.toml"),
    ),
    (
        "quick-pause.toml",
        include_str!("../../../../assets/exercises/quick-pause.toml"),
    ),
];

/// A validated set of exercises with unique ids. Built only by [`ExerciseLibrary::parse`] and
/// [`ExerciseLibrary::builtin`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseLibrary {
    exercises: Vec<Exercise>,
}

impl ExerciseLibrary {
    /// The built-in exercises, linked to the built-in habit library. A test guarantees they parse;
    /// the `Result` is there so a caller never has to panic if that ever stopped being true.
    pub fn builtin() -> Result<Self, ExerciseLibraryError> {
        let habits = builtin_library().map_err(ExerciseLibraryError::Habits)?;
        Self::parse(BUILTIN, &habits)
    }

    /// Parses every (file name, text) pair; refuses the whole set if any file is refused, listing
    /// every refused file. A file whose id an earlier file already uses is refused too.
    pub fn parse(
        files: &[(&str, &str)],
        habits: &HabitLibrary,
    ) -> Result<Self, ExerciseLibraryError> {
        let mut errors = Vec::new();
        let mut exercises: Vec<Exercise> = Vec::with_capacity(files.len());
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for (file, text) in files {
            match Exercise::parse(file, text, habits) {
                Err(e) => errors.push(e),
                Ok(exercise) => {
                    if let Some(first) = seen.get(&exercise.id) {
                        errors.push(ExerciseError::Invalid {
                            file: (*file).to_owned(),
                            problems: vec![ExerciseProblem {
                                at: "the exercise".to_owned(),
                                fault: ExerciseFault::DuplicateId {
                                    id: exercise.id.clone(),
                                    first: first.clone(),
                                },
                            }],
                        });
                    } else {
                        seen.insert(exercise.id.clone(), (*file).to_owned());
                        exercises.push(exercise);
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(Self { exercises })
        } else {
            Err(ExerciseLibraryError::Files(errors))
        }
    }

    /// In the order the files were given.
    pub fn exercises(&self) -> &[Exercise] {
        &self.exercises
    }

    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }
}
