//! From a programme's text (TOML), a draft authored in the app, or the programme inside an exchange
//! file (JSON) to a validated [`Programme`]. All three go through the same loose "raw" structs and
//! the same checks, so a programme is refused for the same reasons wherever it comes from; exercise
//! and habit ids are checked against the libraries passed in.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Programme, ProgrammeActivity, ProgrammeDay, ProgrammeError, ProgrammeFault};
use super::{ProgrammeItem, ProgrammeProblem, plain};
use crate::exercises::ExerciseLibrary;
use crate::exercises::text::{is_kebab_case, paragraph};
use crate::habits::HabitLibrary;
use crate::validation::single_line;

/// The longest programme or day title: a heading.
pub const PROGRAMME_TITLE_MAX_CHARS: usize = 120;
/// The longest description: a few paragraphs.
pub const DESCRIPTION_MAX_CHARS: usize = 4_000;
/// The longest free-text prompt of an item.
pub const ITEM_PROMPT_MAX_CHARS: usize = 1_000;
pub const MAX_DAYS: usize = 31;
pub const MAX_ITEMS_PER_DAY: usize = 30;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(super) struct RawProgramme {
    id: String,
    version: Option<i64>,
    title: String,
    description: String,
    days: Vec<RawDay>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawDay {
    title: String,
    items: Vec<RawItem>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawItem {
    key: String,
    kind: String,
    /// Left out means required.
    required: Option<bool>,
    exercise: Option<String>,
    habit: Option<String>,
    prompt: Option<String>,
}

impl Programme {
    /// Parses and validates a programme file (TOML). `file_name` is only used in messages.
    pub fn parse(
        file_name: &str,
        text: &str,
        exercises: &ExerciseLibrary,
        habits: &HabitLibrary,
    ) -> Result<Programme, ProgrammeError> {
        let raw: RawProgramme = toml::from_str(text).map_err(|e| ProgrammeError::Syntax {
            file: file_name.to_owned(),
            at: e.span().map(|span| plain::line_column(text, span.start)),
            problem: plain::data_problem(e.message()),
        })?;
        raw.build(file_name, exercises, habits)
    }

    /// Validates a programme authored in the app (or received over IPC) by the same rules as a
    /// file, and returns it trimmed. `label` stands in for a file name in messages.
    pub fn check(
        self,
        label: &str,
        exercises: &ExerciseLibrary,
        habits: &HabitLibrary,
    ) -> Result<Programme, ProgrammeError> {
        RawProgramme::from(self).build(label, exercises, habits)
    }
}

impl From<Programme> for RawProgramme {
    fn from(p: Programme) -> Self {
        let day = |d: ProgrammeDay| RawDay {
            title: d.title,
            items: d.items.into_iter().map(RawItem::from).collect(),
        };
        Self {
            id: p.id,
            version: Some(i64::from(p.version)),
            title: p.title,
            description: p.description,
            days: p.days.into_iter().map(day).collect(),
        }
    }
}

impl From<ProgrammeItem> for RawItem {
    fn from(item: ProgrammeItem) -> Self {
        let mut raw = RawItem {
            key: item.key,
            kind: item.activity.kind().to_owned(),
            required: Some(item.required),
            ..RawItem::default()
        };
        match item.activity {
            ProgrammeActivity::Assessment => {}
            ProgrammeActivity::Exercise { exercise } => raw.exercise = Some(exercise),
            ProgrammeActivity::Habit { habit } => raw.habit = Some(habit),
            ProgrammeActivity::Prompt { prompt } => raw.prompt = Some(prompt),
        }
        raw
    }
}

/// The ids an item may point at, and the keys used so far.
struct Context<'a> {
    exercises: &'a ExerciseLibrary,
    habits: &'a HabitLibrary,
    keys: BTreeMap<String, String>,
    problems: Vec<ProgrammeProblem>,
}

impl RawProgramme {
    pub(super) fn build(
        self,
        file: &str,
        exercises: &ExerciseLibrary,
        habits: &HabitLibrary,
    ) -> Result<Programme, ProgrammeError> {
        let mut cx = Context {
            exercises,
            habits,
            keys: BTreeMap::new(),
            problems: Vec::new(),
        };
        let top = "the programme";
        cx.id(top, "id", &self.id);
        let version = match self.version {
            None => cx.none(top, ProgrammeFault::Missing { field: "version" }),
            Some(v) => u32::try_from(v)
                .ok()
                .filter(|v| *v >= 1)
                .or_else(|| cx.none(top, ProgrammeFault::BadVersion { found: v })),
        };
        let title = cx.line(top, "The title", &self.title, PROGRAMME_TITLE_MAX_CHARS);
        let description = paragraph("The description", &self.description, DESCRIPTION_MAX_CHARS)
            .map_err(|e| cx.fault(top, ProgrammeFault::Text(e)))
            .unwrap_or_default();
        cx.count(top, "days", self.days.len(), MAX_DAYS);
        let days = self
            .days
            .into_iter()
            .enumerate()
            .map(|(i, d)| cx.day(i, d))
            .collect();
        let programme = Programme {
            id: self.id,
            version: version.unwrap_or(0),
            title,
            description,
            days,
        };
        if cx.problems.is_empty() {
            Ok(programme)
        } else {
            Err(ProgrammeError::Invalid {
                file: file.to_owned(),
                problems: cx.problems,
            })
        }
    }
}

impl Context<'_> {
    fn day(&mut self, index: usize, raw: RawDay) -> ProgrammeDay {
        let at = format!("day {}", index + 1);
        let title = self.line(
            &at,
            "The day's title",
            &raw.title,
            PROGRAMME_TITLE_MAX_CHARS,
        );
        self.count(&at, "items", raw.items.len(), MAX_ITEMS_PER_DAY);
        let items = raw
            .items
            .into_iter()
            .enumerate()
            .filter_map(|(i, item)| self.item(&at, i, item))
            .collect();
        ProgrammeDay { title, items }
    }

    fn item(&mut self, day_at: &str, index: usize, raw: RawItem) -> Option<ProgrammeItem> {
        let at = if raw.key.trim().is_empty() {
            format!("{day_at}, item #{}", index + 1)
        } else {
            format!("{day_at}, item {:?}", raw.key)
        };
        if self.id(&at, "key", &raw.key) {
            if let Some(first) = self.keys.get(&raw.key) {
                let (key, first) = (raw.key.clone(), first.clone());
                self.fault(&at, ProgrammeFault::DuplicateKey { key, first });
            } else {
                self.keys.insert(raw.key.clone(), at.clone());
            }
        }
        let kind = raw.kind.trim();
        let (activity, allowed) = match kind {
            "assessment" => (Some(ProgrammeActivity::Assessment), ""),
            "exercise" => (self.exercise(&at, raw.exercise.as_deref()), "exercise"),
            "habit" => (self.habit(&at, raw.habit.as_deref()), "habit"),
            "prompt" => (self.prompt(&at, raw.prompt.as_deref()), "prompt"),
            "" => (
                self.none(&at, ProgrammeFault::Missing { field: "kind" }),
                "",
            ),
            _ => {
                let found = raw.kind.clone();
                (self.none(&at, ProgrammeFault::UnknownKind { found }), "")
            }
        };
        if let Some(activity) = &activity {
            for (field, given) in [
                ("exercise", raw.exercise.is_some()),
                ("habit", raw.habit.is_some()),
                ("prompt", raw.prompt.is_some()),
            ] {
                if given && field != allowed {
                    let kind = activity.kind();
                    self.fault(&at, ProgrammeFault::UnexpectedField { kind, field });
                }
            }
        }
        Some(ProgrammeItem {
            key: raw.key,
            required: raw.required.unwrap_or(true),
            activity: activity?,
        })
    }

    fn exercise(&mut self, at: &str, id: Option<&str>) -> Option<ProgrammeActivity> {
        let Some(id) = id.map(str::trim) else {
            return self.none(at, ProgrammeFault::Missing { field: "exercise" });
        };
        if self.exercises.get(id).is_none() {
            let id = id.to_owned();
            return self.none(at, ProgrammeFault::UnknownExercise { id });
        }
        Some(ProgrammeActivity::Exercise {
            exercise: id.to_owned(),
        })
    }

    fn habit(&mut self, at: &str, id: Option<&str>) -> Option<ProgrammeActivity> {
        let Some(id) = id.map(str::trim) else {
            return self.none(at, ProgrammeFault::Missing { field: "habit" });
        };
        if self.habits.get(id).is_none() {
            let id = id.to_owned();
            return self.none(at, ProgrammeFault::UnknownHabit { id });
        }
        Some(ProgrammeActivity::Habit {
            habit: id.to_owned(),
        })
    }

    fn prompt(&mut self, at: &str, text: Option<&str>) -> Option<ProgrammeActivity> {
        let Some(text) = text else {
            return self.none(at, ProgrammeFault::Missing { field: "prompt" });
        };
        match paragraph("The prompt", text, ITEM_PROMPT_MAX_CHARS) {
            Ok(prompt) => Some(ProgrammeActivity::Prompt { prompt }),
            Err(e) => self.none(at, ProgrammeFault::Text(e)),
        }
    }

    fn fault(&mut self, at: &str, fault: ProgrammeFault) {
        self.problems.push(ProgrammeProblem {
            at: at.to_owned(),
            fault,
        });
    }

    /// Records a fault and returns `None`, so a failed check can end an `Option` chain.
    fn none<T>(&mut self, at: &str, fault: ProgrammeFault) -> Option<T> {
        self.fault(at, fault);
        None
    }

    /// Checks an id or key is present and kebab-case; returns whether it is.
    fn id(&mut self, at: &str, field: &'static str, id: &str) -> bool {
        if id.is_empty() {
            self.fault(at, ProgrammeFault::Missing { field });
            false
        } else if !is_kebab_case(id) {
            let id = id.to_owned();
            self.fault(at, ProgrammeFault::InvalidId { field, id });
            false
        } else {
            true
        }
    }

    fn line(&mut self, at: &str, field: &'static str, raw: &str, max: usize) -> String {
        single_line(field, raw, max)
            .map_err(|e| self.fault(at, ProgrammeFault::Text(e)))
            .unwrap_or_default()
    }

    fn count(&mut self, at: &str, what: &'static str, found: usize, max: usize) {
        if found == 0 {
            self.fault(at, ProgrammeFault::Empty { what });
        } else if found > max {
            self.fault(at, ProgrammeFault::TooMany { what, found, max });
        }
    }
}
