//! A programme as a file for another machine: a facilitator exports it, participants import it.
//! The envelope is `{ "format": "leadback-programme", "format_version": 1, "programme": {…} }`;
//! the programme inside has the shape of [`Programme`]'s JSON, and is validated like a TOML
//! programme, against the importing machine's own exercise and habit libraries.

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;

use super::exchange::{self, PROGRAMME_FORMAT, object, string};
use super::parse::RawProgramme;
use super::{Programme, ProgrammeActivity, ProgrammeFileError};
use crate::exercises::ExerciseLibrary;
use crate::habits::HabitLibrary;

/// The newest programme file format this version writes and reads.
pub const PROGRAMME_FORMAT_VERSION: u32 = 1;

/// `format` and `format_version` were checked by [`exchange::open`]; they are named here only so
/// that any other field is refused.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProgrammeFile {
    #[serde(rename = "format")]
    _format: IgnoredAny,
    #[serde(rename = "format_version")]
    _format_version: IgnoredAny,
    programme: RawProgramme,
}

impl Programme {
    /// The programme as an exchange file's text (pretty JSON).
    pub fn export_file(&self) -> String {
        let days = self.days.iter().map(|day| {
            let items = day.items.iter().map(|item| {
                let mut fields = vec![
                    ("key", string(&item.key)),
                    ("kind", string(item.activity.kind())),
                    ("required", Value::Bool(item.required)),
                ];
                match &item.activity {
                    ProgrammeActivity::Assessment => {}
                    ProgrammeActivity::Exercise { exercise } => {
                        fields.push(("exercise", string(exercise)));
                    }
                    ProgrammeActivity::Habit { habit } => fields.push(("habit", string(habit))),
                    ProgrammeActivity::Prompt { prompt } => fields.push(("prompt", string(prompt))),
                }
                object(fields)
            });
            object(vec![
                ("title", string(&day.title)),
                ("items", Value::Array(items.collect())),
            ])
        });
        let programme = object(vec![
            ("id", string(&self.id)),
            ("version", Value::from(self.version)),
            ("title", string(&self.title)),
            ("description", string(&self.description)),
            ("days", Value::Array(days.collect())),
        ]);
        let file = object(vec![
            ("format", string(PROGRAMME_FORMAT)),
            ("format_version", Value::from(PROGRAMME_FORMAT_VERSION)),
            ("programme", programme),
        ]);
        format!("{file:#}\n")
    }

    /// Opens a programme file from another machine. Refuses a file of another kind, one from a newer
    /// Leadback, broken or cut-off JSON, and a programme that breaks the rules — including exercise
    /// and habit ids this machine's libraries do not have. `file_name` is only used in messages.
    pub fn import_file(
        file_name: &str,
        text: &str,
        exercises: &ExerciseLibrary,
        habits: &HabitLibrary,
    ) -> Result<Programme, ProgrammeFileError> {
        exchange::open(text, PROGRAMME_FORMAT, PROGRAMME_FORMAT_VERSION)
            .map_err(ProgrammeFileError::Exchange)?;
        let raw: RawProgrammeFile =
            exchange::fields(text, PROGRAMME_FORMAT).map_err(ProgrammeFileError::Exchange)?;
        raw.programme
            .build(file_name, exercises, habits)
            .map_err(ProgrammeFileError::Invalid)
    }
}
