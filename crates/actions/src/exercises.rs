//! Doing a guided exercise: starting (or resuming) a run, saving each reflection as it is
//! written, moving between steps, and finishing, optionally with a check-in of the exercise's
//! habit that adds the run's reflections after the day's note (never over it), in one transaction.

use chrono::{DateTime, NaiveDate, Utc};
use leadback_core::exercises::{Exercise, PromptKind, ReflectionAnswer};
use leadback_core::habits::HabitLibrary;
use leadback_core::programmes::{Programme, ProgrammeActivity};
use leadback_store::{CheckInRecord, ExerciseRun, LinkedCheckIn, NewReflection, Store};

use crate::ActionError;

/// A run started, or the unfinished one of the same exercise taken up again.
#[derive(Debug, Clone)]
pub struct Started {
    pub run: ExerciseRun,
    pub resumed: bool,
}

/// Starts `exercise` for `person_id`, or resumes their unfinished run of it. A run started from a
/// programme names the item (`programme_item`), which must be an item of one of `programmes` for
/// this very exercise.
pub fn start(
    store: &mut Store,
    exercise: &Exercise,
    person_id: i64,
    programme_item: Option<&str>,
    programmes: &[Programme],
    now: DateTime<Utc>,
) -> Result<Started, ActionError> {
    if let Some(key) = programme_item {
        let wanted = ProgrammeActivity::Exercise {
            exercise: exercise.id.clone(),
        };
        let known = programmes
            .iter()
            .any(|p| p.item(key).is_some_and(|item| item.activity == wanted));
        if !known {
            return Err(ActionError::NotFound(format!(
                "No programme has an item {key:?} for this exercise."
            )));
        }
    }
    let open = store.open_exercise_run(person_id)?;
    let run = store.start_exercise_run(
        person_id,
        &exercise.id,
        i64::from(exercise.version),
        programme_item,
        now,
    )?;
    let resumed = open.is_some_and(|o| o.id == run.id);
    Ok(Started { run, resumed })
}

/// Saves one reflection of `run` the moment it changes (`None` clears it), after checking the
/// step, the question and the answer against the exercise.
pub fn save_reflection(
    store: &mut Store,
    exercise: &Exercise,
    run: &ExerciseRun,
    step: i64,
    prompt_id: &str,
    answer: Option<ReflectionAnswer>,
    now: DateTime<Utc>,
) -> Result<(), ActionError> {
    check_step(exercise, step)?;
    if exercise.prompt(prompt_id).is_none() {
        return Err(ActionError::Invalid(format!(
            "{:?} has no question {prompt_id:?}.",
            exercise.title
        )));
    }
    let answer = match answer {
        Some(answer) => exercise
            .check_reflection(prompt_id, answer)
            .map_err(|e| ActionError::Invalid(e.to_string()))?,
        None => None,
    };
    let (text, rating) = match &answer {
        Some(ReflectionAnswer::Text(text)) => (Some(text.as_str()), None),
        Some(ReflectionAnswer::Rating(rating)) => (None, Some(*rating)),
        None => (None, None),
    };
    Ok(store.save_reflection(run.id, step, prompt_id, text, rating, now)?)
}

/// Remembers the step the person moved to.
pub fn move_to(
    store: &mut Store,
    exercise: &Exercise,
    run: &ExerciseRun,
    step: i64,
) -> Result<(), ActionError> {
    check_step(exercise, step)?;
    Ok(store.set_exercise_step(run.id, step)?)
}

/// How a run is finished.
#[derive(Debug, Clone, Copy, Default)]
pub struct Finish<'a> {
    /// A last reflection, kept as the answer to the first written question not answered yet.
    pub reflection: Option<&'a str>,
    /// Check in the exercise's habit on `today`, with the run's reflections added to its note.
    pub check_in: bool,
}

/// What finishing did.
#[derive(Debug, Clone)]
pub struct Finished {
    pub run: ExerciseRun,
    /// The check-in made, with the habit's name.
    pub check_in: Option<(String, CheckInRecord)>,
}

/// Finishes `run`: its last reflection, the run and the habit's check-in are one transaction, and
/// everything is checked before anything is written. Checking in needs an exercise that goes with
/// a habit and that habit among the person's own.
pub fn finish(
    store: &mut Store,
    exercise: &Exercise,
    habits: &HabitLibrary,
    run: &ExerciseRun,
    how: Finish<'_>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Finished, ActionError> {
    let reflection = how
        .reflection
        .map(|text| last_reflection(exercise, run, text))
        .transpose()?
        .flatten();
    let linked = if how.check_in {
        let library_id = exercise.habit.as_deref().ok_or_else(|| {
            ActionError::Invalid(format!(
                "“{}” has no habit to check in; finish it without checking one in. Nothing was changed.",
                exercise.title
            ))
        })?;
        let has_it = store
            .habits(run.person_id, false)?
            .iter()
            .any(|h| h.library_id.as_deref() == Some(library_id));
        if !has_it {
            let name = habits
                .get(library_id)
                .map_or(library_id, |h| h.name.as_str());
            return Err(ActionError::Invalid(format!(
                "You have no habit “{name}” to check in: add it to your habits ({library_id}) first, or finish without checking it in. Nothing was changed."
            )));
        }
        Some(LinkedCheckIn {
            library_id,
            day: today,
        })
    } else {
        None
    };
    let (run, checked) = store.finish_exercise_run_with(
        run.id,
        reflection
            .as_ref()
            .map(|(step, prompt_id, text)| NewReflection {
                step: *step,
                prompt_id,
                text,
            }),
        linked,
        now,
    )?;
    let check_in = match checked {
        Some(record) => Some((store.habit(record.habit_id)?.name, record)),
        None => None,
    };
    Ok(Finished { run, check_in })
}

/// The first written question of the run not answered yet, with `text` checked as its answer.
/// A blank text is no reflection.
fn last_reflection(
    exercise: &Exercise,
    run: &ExerciseRun,
    text: &str,
) -> Result<Option<(i64, String, String)>, ActionError> {
    let answered = |id: &str| {
        run.reflections
            .iter()
            .any(|r| r.prompt_id == id && r.text.is_some())
    };
    let open = exercise.steps.iter().enumerate().find_map(|(step, s)| {
        s.prompts
            .iter()
            .find(|p| p.kind == PromptKind::Text && !answered(&p.id))
            .map(|p| (step, p.id.clone()))
    });
    let Some((step, prompt_id)) = open else {
        return Err(ActionError::Invalid(format!(
            "Every question of “{}” has an answer in run {} already; finish without a reflection. Nothing was changed.",
            exercise.title, run.id
        )));
    };
    let checked = exercise
        .check_reflection(&prompt_id, ReflectionAnswer::Text(text.to_owned()))
        .map_err(|e| ActionError::Invalid(format!("{e} Nothing was changed.")))?;
    Ok(match checked {
        Some(ReflectionAnswer::Text(text)) => {
            Some((i64::try_from(step).unwrap_or(i64::MAX), prompt_id, text))
        }
        _ => None,
    })
}

/// A step is one of the exercise's steps, or one past the last (the finish screen).
fn check_step(exercise: &Exercise, step: i64) -> Result<(), ActionError> {
    let last = i64::try_from(exercise.steps.len()).unwrap_or(i64::MAX);
    if (0..=last).contains(&step) {
        Ok(())
    } else {
        Err(ActionError::Invalid(format!(
            "Step {step} is outside the exercise (0 to {last})."
        )))
    }
}
