//! `leadback demo`: fills an empty data folder with a made-up person's use of the app — habits with
//! streaks and gaps, energy most days, assessments whose answers drift, exercises with reflections,
//! journal notes — for trying the app out, for screenshots and for measuring it at scale. Every row
//! goes in through the store's public API, as the app's own writes do, and every answer is checked
//! by the domain first. The same seed on the same day gives the same data: instants are derived
//! from calendar days, never from the time the command runs (except today's check-ins in the tour).
//!
//! Here: the flags, the run (made in memory, then written to disk in one step) and the two stories,
//! years of history or the tour's ten weeks. The person's days are in `life`, habits and check-ins
//! in `habits`, assessments, exercises and journal notes in `practice`; the made-up words in `texts`.

mod habits;
mod life;
mod practice;
mod rng;
mod texts;
mod tour;

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use chrono::{DateTime, Months, NaiveDate, NaiveTime, TimeDelta, Utc};
use leadback_core::assessment::{Instrument, InstrumentLibrary};
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::{HabitLibrary, MAX_BACKFILL_YEARS, builtin_library};
use leadback_core::{Clock, PersonName};
use leadback_store::{Store, StoreError};

use self::rng::Rng;
use self::texts::{JOURNAL_NOTES, PEOPLE, TEAM};
use crate::error::CliError;

/// The most habits `--habits` makes: the library's, then made-up ones of the person's own.
const MAX_HABITS: u32 = 100;

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
    /// Coaching clients to make up (not yet: clients arrive with the coach workspace).
    #[arg(long, default_value_t = 0)]
    clients: u32,
    /// Assessments per coaching client (not yet, as --clients).
    #[arg(long)]
    assessments_per_client: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Preset {
    /// Five habits over ten weeks, two assessments, a few exercises and notes; today half done.
    Tour,
}

/// What the flags asked for, once checked.
#[derive(Debug, Clone, Copy)]
enum Shape {
    Tour,
    History { habits: usize, years: u32 },
}

pub fn run(
    data_dir: &Path,
    args: &DemoArgs,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    // Checked before the folder is opened, so a refused command never creates anything.
    let shape = shape(args)?;
    let habit_library = builtin_library()?;
    let instruments = InstrumentLibrary::builtin()?;
    let exercises = ExerciseLibrary::builtin().map_err(|e| CliError::Usage(e.to_string()))?;
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
    // Written row by row to disk, each call is a durable commit (an fsync): minutes for years of
    // data. So the data is made in memory through the very same calls, then written in one step,
    // as an export is imported on a new computer.
    let mut memory = Store::open_in_memory()?;
    let mut demo = Demo {
        store: &mut memory,
        me: 0,
        rng: Rng::new(args.seed),
        team: Vec::new(),
        instrument: instruments.current(),
        exercises: &exercises,
        made: Made::default(),
    };
    let name = match shape {
        Shape::Tour => demo.tour(&habit_library, clock)?,
        Shape::History { habits, years } => {
            demo.history(&habit_library, habits, years, clock.today())?
        }
    };
    let made = demo.made;
    let doc = memory.export_all(clock.now())?;
    disk.import_all(&doc).map_err(|err| match err {
        StoreError::NotEmpty { .. } => refuse("data"),
        other => other.into(),
    })?;
    writeln!(
        out,
        "Made {name}'s data in {}: {} habits ({} archived), {} check-ins ({} with a note), {} energy check-ins, \
         {} assessments, {} exercises, {} journal notes, in {:.1} s.",
        data_dir.display(),
        made.habits,
        made.archived,
        made.check_ins,
        made.check_in_notes,
        made.energy,
        made.assessments,
        made.exercises,
        made.notes,
        started.elapsed().as_secs_f64()
    )?;
    Ok(())
}

fn shape(args: &DemoArgs) -> Result<Shape, CliError> {
    if args.clients > 0 || args.assessments_per_client.is_some() {
        return Err(CliError::Usage(
            "Coaching clients arrive with the coach workspace; until then the demo makes only your own data. \
             Leave out --clients and --assessments-per-client."
                .into(),
        ));
    }
    if args.preset == Some(Preset::Tour) {
        return Ok(Shape::Tour);
    }
    let habits = args.habits.unwrap_or(8);
    let years = args.years.unwrap_or(2);
    if !(1..=MAX_HABITS).contains(&habits) {
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
        habits: usize::try_from(habits).unwrap_or(8),
        years,
    })
}

/// Rows written, for the summary.
#[derive(Debug, Default, Clone, Copy)]
struct Made {
    habits: usize,
    archived: usize,
    check_ins: usize,
    check_in_notes: usize,
    energy: usize,
    assessments: usize,
    exercises: usize,
    notes: usize,
}

struct Demo<'a> {
    store: &'a mut Store,
    me: i64,
    rng: Rng,
    /// The colleagues the person's notes keep mentioning.
    team: Vec<&'static str>,
    instrument: &'a Instrument,
    exercises: &'a ExerciseLibrary,
    made: Made,
}

impl Demo<'_> {
    /// Years of use: `habits` habits added over time, some archived, with everything around them.
    fn history(
        &mut self,
        library: &HabitLibrary,
        count: usize,
        years: u32,
        today: NaiveDate,
    ) -> Result<String, CliError> {
        let start = today
            .checked_sub_months(Months::new(12 * years))
            .unwrap_or(today);
        let span = usize::try_from((today - start).num_days()).unwrap_or(0);
        let life = self.life(start, span, false);
        let name = self.rng.text(PEOPLE);
        self.begin(name, start)?;

        let growth = self.growth();
        let mut assessment_days = vec![0];
        let mut day = self.rng.between(70, 130);
        while day < span {
            assessment_days.push(day);
            day += self.rng.between(70, 130);
        }

        let specs = self.specs(library, count)?;
        let mut starts: Vec<usize> = (0..specs.len())
            .map(|i| {
                if i < 3 {
                    0
                } else {
                    self.rng.between(7, (span * 3 / 4).max(8))
                }
            })
            .collect();
        starts.sort_unstable();
        let mut plans = Vec::new();
        for (spec, first) in specs.iter().zip(starts) {
            plans.push(self.add_habit(spec, &life, first, span)?);
        }
        self.archive_some(&mut plans, &life, span)?;

        for plan in &plans {
            self.check_ins(plan, &life, 0.04)?;
        }
        let energy = self.energy(&life, 0.85)?;
        for day in assessment_days {
            self.assessment(&life, day, &growth, &energy)?;
        }
        let mut day = self.rng.between(5, 25);
        while day < span {
            if let Some(exercise) = self.rng.pick(self.exercises.exercises()).cloned() {
                self.exercise(&life, day, &exercise)?;
            }
            day += self.rng.between(18, 55);
        }
        let mut day = self.rng.between(1, 10);
        while day < span {
            if !life.day(day).closed {
                let text = self.made_up(JOURNAL_NOTES);
                self.note(&life, day, &text)?;
            }
            day += self.rng.between(4, 24);
        }
        Ok(name.to_owned())
    }

    /// "Me", and the colleagues their notes will name.
    fn begin(&mut self, name: &str, start: NaiveDate) -> Result<(), CliError> {
        let name = PersonName::parse(name)?;
        self.me = self.store.set_my_name(&name, at(start, 19 * 60))?.id;
        let mut team = TEAM.to_vec();
        self.rng.shuffle(&mut team);
        team.truncate(6);
        self.team = team;
        Ok(())
    }

    /// One of `texts`, filled in.
    fn made_up(&mut self, texts: &[&'static str]) -> String {
        let template = self.rng.text(texts);
        self.fill(template)
    }

    /// A text with `{a}` and `{b}` replaced by two different colleagues.
    fn fill(&mut self, template: &str) -> String {
        let n = self.team.len().max(1);
        let a = self.rng.below(n);
        let b = (a + 1 + self.rng.below(n - 1)) % n;
        let name = |i: usize| self.team.get(i).copied().unwrap_or("Sam");
        template.replace("{a}", name(a)).replace("{b}", name(b))
    }
}

/// A calendar day at a time of day. Naive times are read as UTC: the same day gives the same
/// instant wherever and whenever the command runs.
fn at(day: NaiveDate, minute: usize) -> DateTime<Utc> {
    day.and_time(NaiveTime::MIN).and_utc() + TimeDelta::minutes(i64::try_from(minute).unwrap_or(0))
}
