//! What a validated programme holds: days in order, each a list of items a participant does. The
//! types are exported to TypeScript as they are; the same shape (with `kind` beside the item's other
//! fields) is what a programme file carries between machines.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A multi-day sequence of assessments, exercises, habits to start and prompts, e.g. a retreat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Programme {
    /// Kebab-case and stable: results files and progress refer to it.
    pub id: String,
    /// Raised when a facilitator changes the programme.
    pub version: u32,
    pub title: String,
    /// A paragraph or two for the participant before they start; may contain line breaks.
    pub description: String,
    /// In order; never empty.
    pub days: Vec<ProgrammeDay>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProgrammeDay {
    pub title: String,
    /// In the order they are done; never empty.
    pub items: Vec<ProgrammeItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProgrammeItem {
    /// Kebab-case, unique within the programme: progress is recorded under it, so it survives
    /// reordering and rewording.
    pub key: String,
    /// An optional item counts towards a day's progress but never holds a day open.
    pub required: bool,
    #[serde(flatten)]
    pub activity: ProgrammeActivity,
}

/// What an item asks the participant to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[ts(export)]
pub enum ProgrammeActivity {
    /// Take the current self-assessment. The first assessment item is the participant's "before",
    /// the last one (when there are two or more) their "after".
    Assessment,
    /// Do an exercise of the exercise library.
    Exercise { exercise: String },
    /// Add a habit of the habit library to one's own list.
    Habit { habit: String },
    /// Answer a free-text question in the journal.
    Prompt { prompt: String },
}

impl ProgrammeActivity {
    /// The `kind` as written in files.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Assessment => "assessment",
            Self::Exercise { .. } => "exercise",
            Self::Habit { .. } => "habit",
            Self::Prompt { .. } => "prompt",
        }
    }
}

impl Programme {
    pub fn items(&self) -> impl Iterator<Item = &ProgrammeItem> {
        self.days.iter().flat_map(|d| &d.items)
    }

    pub fn item(&self, key: &str) -> Option<&ProgrammeItem> {
        self.items().find(|i| i.key == key)
    }

    /// The exercise ids the programme uses, in order of first use, each once: the rows of a
    /// cohort's completion table.
    pub fn exercise_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for item in self.items() {
            if let ProgrammeActivity::Exercise { exercise } = &item.activity
                && !ids.contains(exercise)
            {
                ids.push(exercise.clone());
            }
        }
        ids
    }

    /// The keys of the "before" and "after" assessments: the first and the last assessment item.
    /// `None` unless there are at least two.
    pub fn before_and_after(&self) -> Option<(&str, &str)> {
        let mut assessments = self
            .items()
            .filter(|i| i.activity == ProgrammeActivity::Assessment);
        let first = assessments.next()?;
        let last = assessments.last()?;
        Some((&first.key, &last.key))
    }
}
