//! From an exercise file's text to a validated [`Exercise`]. The TOML is first read into loose "raw"
//! structs (strings for stances and kinds, `Option`s for numbers) so that a semantic fault is
//! reported by us, with the step's number, rather than as a bare serde message. Every problem is
//! collected before refusing.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::text::{is_kebab_case, paragraph};
use super::{Exercise, ExerciseError, ExerciseFault, ExerciseProblem, ExerciseStep};
use super::{PromptKind, ReflectionPrompt, StepTimer};
use crate::habits::{HabitLibrary, HabitStance, SOURCE_MAX_CHARS};
use crate::validation::single_line;

/// The longest title: it fits a heading and a list row.
pub const TITLE_MAX_CHARS: usize = 80;
/// The longest one-line summary.
pub const SUMMARY_MAX_CHARS: usize = 200;
/// The longest instruction of one step: a few paragraphs, read on one screen.
pub const INSTRUCTION_MAX_CHARS: usize = 2_000;
/// The longest reflection prompt: one or two sentences.
pub const PROMPT_MAX_CHARS: usize = 300;
/// The longest step timer: 3 hours, long enough for the walk at the back.
pub const MAX_TIMER_SECONDS: u32 = 3 * 60 * 60;
/// The longest estimated duration: a whole day.
pub const MAX_DURATION_MINUTES: u32 = 24 * 60;
pub const MAX_STEPS: usize = 30;
pub const MAX_PROMPTS_PER_STEP: usize = 10;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawExercise {
    id: String,
    version: Option<i64>,
    title: String,
    summary: String,
    stance: String,
    source: String,
    duration_minutes: Option<i64>,
    habit: Option<String>,
    steps: Vec<RawStep>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawStep {
    instruction: String,
    timer: Option<RawTimer>,
    prompts: Vec<RawPrompt>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawTimer {
    seconds: Option<i64>,
    bell_every: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawPrompt {
    id: String,
    kind: String,
    text: String,
}

impl Exercise {
    /// Parses and validates one exercise file. `file_name` is only used in messages; `habits` is
    /// the library a linked habit must come from.
    pub fn parse(
        file_name: &str,
        text: &str,
        habits: &HabitLibrary,
    ) -> Result<Exercise, ExerciseError> {
        let raw: RawExercise = ExerciseError::read_toml(file_name, text)?;
        let mut check = Checker::default();
        let exercise = build(raw, habits, &mut check);
        ExerciseError::unless_problems(file_name, exercise, check.problems)
    }
}

fn build(raw: RawExercise, habits: &HabitLibrary, check: &mut Checker) -> Exercise {
    let top = "the exercise";
    check.id(top, &raw.id);
    let version = match raw.version {
        None => check.none(top, ExerciseFault::Missing { field: "version" }),
        Some(v) => u32::try_from(v)
            .ok()
            .filter(|v| *v >= 1)
            .or_else(|| check.none(top, ExerciseFault::BadVersion { found: v })),
    };
    let title = check.line(top, "The title", &raw.title, TITLE_MAX_CHARS);
    let summary = check.line(top, "The summary", &raw.summary, SUMMARY_MAX_CHARS);
    let source = check.line(top, "The source", &raw.source, SOURCE_MAX_CHARS);
    let stance = match HabitStance::parse(raw.stance.trim()) {
        Some(stance) => stance,
        None if raw.stance.trim().is_empty() => {
            check.fault(top, ExerciseFault::Missing { field: "stance" });
            HabitStance::Rest
        }
        None => {
            let found = raw.stance.clone();
            check.fault(top, ExerciseFault::UnknownStance { found });
            HabitStance::Rest
        }
    };
    let duration_minutes = match raw.duration_minutes {
        None => check.none(
            top,
            ExerciseFault::Missing {
                field: "duration_minutes",
            },
        ),
        Some(m) => u32::try_from(m)
            .ok()
            .filter(|m| (1..=MAX_DURATION_MINUTES).contains(m))
            .or_else(|| {
                let max = MAX_DURATION_MINUTES;
                check.none(top, ExerciseFault::BadDuration { found: m, max })
            }),
    };
    let habit = raw.habit.map(|h| h.trim().to_owned());
    if let Some(id) = &habit
        && habits.get(id).is_none()
    {
        check.fault(top, ExerciseFault::UnknownHabit { id: id.clone() });
    }

    if raw.steps.is_empty() {
        check.fault(top, ExerciseFault::NoSteps);
    } else if raw.steps.len() > MAX_STEPS {
        let (found, max) = (raw.steps.len(), MAX_STEPS);
        let what = "steps";
        check.fault(top, ExerciseFault::TooMany { what, found, max });
    }
    let mut prompt_ids = BTreeMap::new();
    let steps: Vec<ExerciseStep> = raw
        .steps
        .into_iter()
        .enumerate()
        .map(|(i, s)| step(i, s, &mut prompt_ids, check))
        .collect();

    let exercise = Exercise {
        id: raw.id,
        version: version.unwrap_or(0),
        title,
        summary,
        stance,
        source,
        duration_minutes: duration_minutes.unwrap_or(0),
        habit,
        steps,
    };
    let timed_seconds = exercise.timed_seconds();
    if let Some(minutes) = duration_minutes
        && timed_seconds > u64::from(minutes) * 60
    {
        let fault = ExerciseFault::TimersExceedDuration {
            timed_seconds,
            minutes,
        };
        check.fault(top, fault);
    }
    exercise
}

fn step(
    index: usize,
    raw: RawStep,
    prompt_ids: &mut BTreeMap<String, String>,
    check: &mut Checker,
) -> ExerciseStep {
    let at = format!("step {}", index + 1);
    let instruction = paragraph("The instruction", &raw.instruction, INSTRUCTION_MAX_CHARS)
        .map_err(|e| check.fault(&at, ExerciseFault::Text(e)))
        .unwrap_or_default();
    let timer = raw.timer.and_then(|t| timer(&at, t, check));
    if raw.prompts.len() > MAX_PROMPTS_PER_STEP {
        let (found, max) = (raw.prompts.len(), MAX_PROMPTS_PER_STEP);
        let what = "prompts";
        check.fault(&at, ExerciseFault::TooMany { what, found, max });
    }
    let prompts = raw
        .prompts
        .into_iter()
        .enumerate()
        .map(|(i, p)| prompt(&at, i, p, prompt_ids, check))
        .collect();
    ExerciseStep {
        instruction,
        timer,
        prompts,
    }
}

fn timer(at: &str, raw: RawTimer, check: &mut Checker) -> Option<StepTimer> {
    let Some(seconds) = raw.seconds else {
        let field = "timer's seconds";
        return check.none(at, ExerciseFault::Missing { field });
    };
    let max = MAX_TIMER_SECONDS;
    let Some(valid) = u32::try_from(seconds)
        .ok()
        .filter(|s| (1..=max).contains(s))
    else {
        return check.none(at, ExerciseFault::TimerOutOfRange { seconds, max });
    };
    let bell_every_seconds = match raw.bell_every {
        None => None,
        Some(every) => match u32::try_from(every).ok().filter(|e| (1..valid).contains(e)) {
            Some(every) => Some(every),
            None => return check.none(at, ExerciseFault::BadInterval { every, seconds }),
        },
    };
    Some(StepTimer {
        seconds: valid,
        bell_every_seconds,
    })
}

fn prompt(
    step_at: &str,
    index: usize,
    raw: RawPrompt,
    seen: &mut BTreeMap<String, String>,
    check: &mut Checker,
) -> ReflectionPrompt {
    let at = if raw.id.trim().is_empty() {
        format!("{step_at}, prompt #{}", index + 1)
    } else {
        format!("{step_at}, prompt {:?}", raw.id)
    };
    if check.id(&at, &raw.id) {
        if let Some(first) = seen.get(&raw.id) {
            let (id, first) = (raw.id.clone(), first.clone());
            check.fault(&at, ExerciseFault::DuplicateId { id, first });
        } else {
            seen.insert(raw.id.clone(), at.clone());
        }
    }
    let kind = match PromptKind::parse(raw.kind.trim()) {
        Some(kind) => kind,
        None if raw.kind.trim().is_empty() => {
            check.fault(&at, ExerciseFault::Missing { field: "kind" });
            PromptKind::Text
        }
        None => {
            let found = raw.kind.clone();
            check.fault(&at, ExerciseFault::UnknownPromptKind { found });
            PromptKind::Text
        }
    };
    let text = check.line(&at, "The prompt", &raw.text, PROMPT_MAX_CHARS);
    ReflectionPrompt {
        id: raw.id,
        kind,
        text,
    }
}

#[derive(Debug, Default)]
struct Checker {
    problems: Vec<ExerciseProblem>,
}

impl Checker {
    fn fault(&mut self, at: &str, fault: ExerciseFault) {
        self.problems.push(ExerciseProblem {
            at: at.to_owned(),
            fault,
        });
    }

    /// Records a fault and returns `None`, so a failed check can end an `Option` chain.
    fn none<T>(&mut self, at: &str, fault: ExerciseFault) -> Option<T> {
        self.fault(at, fault);
        None
    }

    /// Checks an id is present and kebab-case; returns whether it is.
    fn id(&mut self, at: &str, id: &str) -> bool {
        if id.is_empty() {
            self.fault(at, ExerciseFault::Missing { field: "id" });
            false
        } else if !is_kebab_case(id) {
            let id = id.to_owned();
            self.fault(at, ExerciseFault::InvalidId { id });
            false
        } else {
            true
        }
    }

    /// Returns the trimmed one-line text, or an empty string after noting its fault.
    fn line(&mut self, at: &str, field: &'static str, raw: &str, max: usize) -> String {
        single_line(field, raw, max)
            .map_err(|e| self.fault(at, ExerciseFault::Text(e)))
            .unwrap_or_default()
    }
}
