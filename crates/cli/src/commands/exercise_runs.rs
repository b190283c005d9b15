//! `leadback exercise list|start|finish`: doing a guided exercise from the terminal. Finishing
//! can keep one reflection and check in the exercise's habit, adding the reflection after the
//! day's note (never over it), as the app does.

use std::io::Write;
use std::path::Path;

use clap::Subcommand;
use leadback_actions::exercises::{self, Finish};
use leadback_core::Clock;
use leadback_store::{ExerciseRun, Store, StoreError};

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
    let (library, _) = super::exercises::libraries()?;
    let exercise = library.get(id).ok_or_else(|| {
        CliError::Usage(format!(
            "There is no exercise {id:?}; `leadback exercise list` shows their ids. Nothing was written."
        ))
    })?;
    let mut store = super::open_store(data_dir)?;
    let me = super::me(&store)?;
    let started = exercises::start(&mut store, exercise, me.id, None, &[], clock.now())?;
    let run = started.run;
    let verb = if started.resumed {
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
    let (library, habits) = super::exercises::libraries()?;
    let mut store = super::open_store(data_dir)?;
    let me = super::me(&store)?;
    let run = my_open_run(&store, me.id, run_id)?;
    let exercise = library.get(&run.exercise_id).ok_or_else(|| {
        CliError::Usage(format!(
            "Run {run_id} is of the exercise {:?}, which this Leadback does not have. Nothing was changed.",
            run.exercise_id
        ))
    })?;
    let how = Finish {
        reflection,
        check_in,
    };
    let (today, now) = (clock.today(), clock.now());
    let finished = exercises::finish(&mut store, exercise, &habits, &run, how, today, now)?;
    writeln!(out, "Finished “{}”.", exercise.title)?;
    if let Some((habit, record)) = finished.check_in {
        writeln!(out, "{habit}: done on {}.", record.day)?;
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
