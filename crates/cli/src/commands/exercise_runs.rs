//! `leadback exercise list|start|finish`: doing a guided exercise from the terminal. Finishing
//! can keep one reflection and check in the exercise's habit, adding the reflection after the
//! day's note (never over it), as the app does.

use std::io::Write;
use std::path::Path;

use clap::Subcommand;
use leadback_core::Clock;
use leadback_core::exercises::{Exercise, PromptKind, ReflectionAnswer};
use leadback_store::{ExerciseRun, LinkedCheckIn, Store, StoreError};

use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum ExerciseCommand {
    /// The exercise library.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Start an exercise (or resume your unfinished run of it); prints the run's id.
    Start {
        /// The exercise's id (see `leadback exercise list`).
        id: String,
    },
    /// Finish a run, optionally with a reflection and a check-in of the exercise's habit.
    Finish {
        /// The run's id, as `leadback exercise start` printed it.
        run_id: i64,
        /// Your reflection, kept as the answer to the first question not answered yet.
        #[arg(long, value_name = "TEXT")]
        reflection: Option<String>,
        /// Mark the exercise's habit done today; the reflection is added after today's note.
        #[arg(long)]
        check_in: bool,
    },
}

pub fn run(
    data_dir: &Path,
    command: ExerciseCommand,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match command {
        ExerciseCommand::List { json } => super::exercises::list(json, out),
        ExerciseCommand::Start { id } => start(data_dir, &id, clock, out),
        ExerciseCommand::Finish {
            run_id,
            reflection,
            check_in,
        } => finish(
            data_dir,
            run_id,
            reflection.as_deref(),
            check_in,
            clock,
            out,
        ),
    }
}

fn start(
    data_dir: &Path,
    id: &str,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (exercises, _) = super::exercises::libraries()?;
    let exercise = exercises.get(id).ok_or_else(|| {
        CliError::Usage(format!(
            "There is no exercise {id:?}; `leadback exercise list` shows their ids. Nothing was written."
        ))
    })?;
    let mut store = super::open_store(data_dir)?;
    let me = super::me(&store)?;
    let open = store.open_exercise_run(me.id)?;
    let run = store.start_exercise_run(
        me.id,
        &exercise.id,
        i64::from(exercise.version),
        None,
        clock.now(),
    )?;
    let verb = if open.is_some_and(|o| o.id == run.id) {
        "Resumed"
    } else {
        "Started"
    };
    writeln!(out, "{verb} “{}”: run {}.", exercise.title, run.id)?;
    writeln!(
        out,
        "Finish it with: leadback exercise finish {} [--reflection TEXT] [--check-in]",
        run.id
    )?;
    Ok(())
}

fn finish(
    data_dir: &Path,
    run_id: i64,
    reflection: Option<&str>,
    check_in: bool,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (exercises, habits) = super::exercises::libraries()?;
    let mut store = super::open_store(data_dir)?;
    let me = super::me(&store)?;
    let run = my_open_run(&store, me.id, run_id)?;
    let exercise = exercises.get(&run.exercise_id).ok_or_else(|| {
        CliError::Usage(format!(
            "Run {run_id} is of the exercise {:?}, which this Leadback does not have. Nothing was changed.",
            run.exercise_id
        ))
    })?;
    // Everything is checked before anything is written.
    let answer = reflection
        .map(|text| reflection_answer(exercise, &run, text))
        .transpose()?
        .flatten();
    let linked = if check_in {
        let library_id = exercise.habit.as_deref().ok_or_else(|| {
            CliError::Usage(format!(
                "“{}” has no habit to check in; finish it without --check-in. Nothing was changed.",
                exercise.title
            ))
        })?;
        let has_it = store
            .habits(me.id, false)?
            .iter()
            .any(|h| h.library_id.as_deref() == Some(library_id));
        if !has_it {
            let name = habits
                .get(library_id)
                .map_or(library_id, |h| h.name.as_str());
            return Err(CliError::Usage(format!(
                "You have no habit “{name}” to check in: add it with `leadback habits add {library_id}`, or finish without --check-in. Nothing was changed."
            )));
        }
        Some(LinkedCheckIn {
            library_id,
            day: clock.today(),
        })
    } else {
        None
    };
    if let Some((prompt_id, step, text)) = &answer {
        store.save_reflection(run_id, *step, prompt_id, Some(text), None, clock.now())?;
    }
    let (_, checked) = store.finish_exercise_run_with_check_in(run_id, linked, clock.now())?;
    writeln!(out, "Finished “{}”.", exercise.title)?;
    if let Some(record) = checked {
        let habit = store.habit(record.habit_id)?;
        writeln!(out, "{}: done on {}.", habit.name, record.day)?;
    }
    Ok(())
}

/// My unfinished run; anyone else's, or a finished one, is refused with a reason.
fn my_open_run(store: &Store, me: i64, run_id: i64) -> Result<ExerciseRun, CliError> {
    let run = match store.exercise_run(run_id) {
        Ok(run) if run.person_id == me => run,
        Ok(_) | Err(StoreError::NotFound { .. }) => {
            return Err(CliError::Usage(format!(
                "You have no exercise run {run_id}; `leadback exercise start ID` starts one. Nothing was changed."
            )));
        }
        Err(err) => return Err(err.into()),
    };
    if run.finished_at.is_some() {
        return Err(CliError::Usage(format!(
            "Run {run_id} is finished already. Nothing was changed."
        )));
    }
    Ok(run)
}

/// The first text question of the run not answered yet, with `text` checked as its answer.
/// A blank text is no reflection.
fn reflection_answer(
    exercise: &Exercise,
    run: &ExerciseRun,
    text: &str,
) -> Result<Option<(String, i64, String)>, CliError> {
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
        return Err(CliError::Usage(format!(
            "Every question of “{}” has an answer in run {} already; finish without --reflection. Nothing was changed.",
            exercise.title, run.id
        )));
    };
    let checked = exercise
        .check_reflection(&prompt_id, ReflectionAnswer::Text(text.to_owned()))
        .map_err(|e| CliError::Usage(format!("{e} Nothing was changed.")))?;
    Ok(match checked {
        Some(ReflectionAnswer::Text(text)) => {
            Some((prompt_id, i64::try_from(step).unwrap_or(i64::MAX), text))
        }
        _ => None,
    })
}
