//! `leadback demo`: fills an empty data folder with a made-up person's use of the app (see the
//! `leadback-demo` crate for what is made). Here: the flags, checked before anything is opened, and
//! the one-step write of the in-memory data into the folder, as an export is imported.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use leadback_core::Clock;
use leadback_core::habits::MAX_BACKFILL_YEARS;
use leadback_demo::{Coaching, MAX_ASSESSMENTS_PER_CLIENT, MAX_CLIENTS, MAX_HABITS, Shape};
use leadback_store::StoreError;

use crate::error::CliError;

#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// How many habits: the library's first, then made-up ones of the person's own [default: 8].
    #[arg(long, conflicts_with = "preset")]
    habits: Option<u32>,
    /// How many years of history, 1 to 10 [default: 2].
    #[arg(long, conflicts_with = "preset")]
    years: Option<u32>,
    /// The same seed on the same day makes the same data.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// A ready-made set instead: `tour` is five habits over ten weeks, for looking around.
    #[arg(long, value_enum)]
    preset: Option<Preset>,
    /// Coaching clients to make up, each with sessions, notes and a habit as homework.
    #[arg(long, default_value_t = 0)]
    clients: u32,
    /// Assessments per coaching client, each beside a session [default: 4].
    #[arg(long, requires = "clients")]
    assessments_per_client: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Preset {
    /// Five habits over ten weeks, two assessments, a few exercises and notes; today half done.
    Tour,
}

pub fn run(
    data_dir: &Path,
    args: &DemoArgs,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    // Checked before the folder is opened, so a refused command never creates anything.
    let shape = shape(args)?;
    let coaching = coaching(args)?;
    let mut disk = super::open_store(data_dir)?;
    let refuse = |what: &str| {
        CliError::Usage(format!(
            "{} already holds {what}, and the demo only fills an empty data folder. Nothing was changed; \
             give it an empty one, e.g. leadback --data-dir /tmp/leadback-demo demo",
            data_dir.display(),
        ))
    };
    if let Some(me) = disk.me()? {
        return Err(refuse(&format!("{}'s data", me.name)));
    }
    let started = Instant::now();
    let demo = leadback_demo::generate(shape, coaching, args.seed, clock)
        .map_err(|err| CliError::Usage(format!("Could not make the demo data: {err}")))?;
    let doc = demo.store.export_all(clock.now())?;
    disk.import_all(&doc).map_err(|err| match err {
        StoreError::NotEmpty { .. } => refuse("data"),
        other => other.into(),
    })?;
    // As the data would be after a day of use: each habit's strengths and streaks already kept,
    // so the first screen reads them (start-up is measured on this data).
    for person in disk.people()? {
        let habits = disk.habits(person.person.id, true)?;
        disk.derived_habits(&habits, clock.today())?;
    }
    let made = demo.made;
    writeln!(
        out,
        "Made {}'s data in {}: {} habits ({} archived), {} check-ins ({} with a note), {} energy check-ins, \
         {} assessments, {} exercises, {} journal notes, {} clients with {} sessions and {} observers' answers, in {:.1} s.",
        demo.name,
        data_dir.display(),
        made.habits,
        made.archived,
        made.check_ins,
        made.check_in_notes,
        made.energy,
        made.assessments,
        made.exercises,
        made.notes,
        made.clients,
        made.sessions,
        made.observer_answers,
        started.elapsed().as_secs_f64()
    )?;
    Ok(())
}

fn coaching(args: &DemoArgs) -> Result<Option<Coaching>, CliError> {
    if args.clients == 0 {
        return Ok(None);
    }
    let clients = usize::try_from(args.clients).unwrap_or(usize::MAX);
    let assessments =
        usize::try_from(args.assessments_per_client.unwrap_or(4)).unwrap_or(usize::MAX);
    if clients > MAX_CLIENTS {
        return Err(CliError::Usage(format!(
            "--clients is a number up to {MAX_CLIENTS}, not {clients}."
        )));
    }
    if !(1..=MAX_ASSESSMENTS_PER_CLIENT).contains(&assessments) {
        return Err(CliError::Usage(format!(
            "--assessments-per-client is a number from 1 to {MAX_ASSESSMENTS_PER_CLIENT}, not {assessments}."
        )));
    }
    if args.preset.is_some() {
        return Err(CliError::Usage(
            "The tour has no clients; leave out --clients or --preset.".into(),
        ));
    }
    Ok(Some(Coaching {
        clients,
        assessments,
    }))
}

fn shape(args: &DemoArgs) -> Result<Shape, CliError> {
    if args.preset == Some(Preset::Tour) {
        return Ok(Shape::Tour);
    }
    let habits = args.habits.unwrap_or(8);
    let years = args.years.unwrap_or(2);
    let count = usize::try_from(habits).unwrap_or(usize::MAX);
    if !(1..=MAX_HABITS).contains(&count) {
        return Err(CliError::Usage(format!(
            "--habits is a number from 1 to {MAX_HABITS}, not {habits}."
        )));
    }
    if !(1..=MAX_BACKFILL_YEARS).contains(&years) {
        return Err(CliError::Usage(format!(
            "--years is a number from 1 to {MAX_BACKFILL_YEARS} (check-ins go back at most that far), not {years}."
        )));
    }
    Ok(Shape::History {
        habits: count,
        years,
    })
}
