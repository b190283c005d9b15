//! `leadback homework add NAME (--habit ID | --exercise ID) [--due D]`: homework set in a client's
//! latest session. The habit or exercise and the due day are checked before anything is written.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use clap::{ArgGroup, Subcommand};
use leadback_actions::coaching::{self, AssignHomework, HomeworkChoice, HomeworkLibraries};
use leadback_core::Clock;

use super::exercises::libraries;
use super::people::client_named;
use crate::error::CliError;

#[derive(Debug, Subcommand)]
pub enum HomeworkCommand {
    /// Set homework in the client's latest session: a habit from the library (added to their
    /// habits) or an exercise.
    #[command(group(ArgGroup::new("what").required(true).args(["habit", "exercise"])))]
    Add {
        /// The client's name, exactly as `leadback people list` shows it.
        name: String,
        /// A habit's library id (see `leadback habits library`).
        #[arg(long, value_name = "ID")]
        habit: Option<String>,
        /// An exercise's id (see `leadback exercise list`).
        #[arg(long, value_name = "ID")]
        exercise: Option<String>,
        /// The day it is due, YYYY-MM-DD.
        #[arg(long, value_name = "D")]
        due: Option<NaiveDate>,
    },
}

pub fn run(
    data_dir: &Path,
    command: HomeworkCommand,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let HomeworkCommand::Add {
        name,
        habit,
        exercise,
        due,
    } = command;
    let homework = match (&habit, &exercise) {
        (Some(library_id), None) => HomeworkChoice::Habit { library_id },
        (None, Some(exercise_id)) => HomeworkChoice::Exercise { exercise_id },
        _ => {
            return Err(CliError::Usage(
                "Give one of --habit or --exercise. Nothing was written.".into(),
            ));
        }
    };
    let (exercises, habits) = libraries()?;
    let mut store = super::open_store(data_dir)?;
    let client = client_named(&store, &name)?;
    let session = store
        .sessions(client.person.id)?
        .into_iter()
        .next()
        .ok_or_else(|| {
            CliError::Usage(format!(
                "{} has no session yet; homework is set in one: leadback session add {:?}. \
                 Nothing was written.",
                client.person.name, client.person.name
            ))
        })?;
    let input = AssignHomework {
        session_id: session.id,
        homework,
        due,
    };
    let libraries = HomeworkLibraries {
        habits: &habits,
        exercises: &exercises,
    };
    let (id, _) = coaching::assign_homework(&mut store, clock, libraries, input)?;
    writeln!(
        out,
        "Set homework {id} for {} in the session of {}{}.",
        client.person.name,
        session.starts_at.format("%Y-%m-%d"),
        due.map(|d| format!(", due {d}")).unwrap_or_default()
    )?;
    Ok(())
}
