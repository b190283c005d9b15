//! Made-up but realistic use of Leadback — habits with streaks and gaps, energy most days,
//! assessments whose answers drift, exercises with reflections, journal notes — for trying the app
//! out (`leadback demo`), for screenshots and for measuring it at scale (the benchmarks). Every row
//! goes in through the store's public API, as the app's own writes do, and every answer is checked
//! by the domain first. The same seed on the same day gives the same data: instants are derived
//! from calendar days, never from the time it runs (except today's check-ins in the tour).
//!
//! Here: the two stories, years of history or the tour's ten weeks, made in an in-memory store.
//! The person's days are in `life`, habits and check-ins in `habits`, assessments, exercises and
//! journal notes in `practice`; the made-up words in `texts`. Depends on core and store only.

mod clients;
mod habits;
mod life;
mod practice;
mod rng;
mod texts;
mod tour;

use chrono::{DateTime, Months, NaiveDate, NaiveTime, TimeDelta, Utc};
use leadback_core::assessment::{Instrument, InstrumentError, InstrumentLibrary, ScoringError};
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::{HabitLibrary, HabitLibraryError, builtin_library};
use leadback_core::{Clock, PersonName, ValidationError};
use leadback_store::{Store, StoreError};

use self::rng::Rng;
use self::texts::{JOURNAL_NOTES, PEOPLE, TEAM};

/// The most habits a history makes: the library's, then made-up ones of the person's own.
pub const MAX_HABITS: usize = 100;

/// Why the data could not be made: a bug in the generator or a broken built-in library, never
/// the caller's input (that is checked before, by whoever builds the [`Shape`]).
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the demo data is inconsistent: {0}")]
    Data(String),
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error(transparent)]
    Instrument(#[from] InstrumentError),
    #[error(transparent)]
    HabitLibrary(#[from] HabitLibraryError),
    #[error(transparent)]
    Scoring(#[from] ScoringError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Five habits over ten weeks, two assessments, a few exercises and notes; today half done.
    Tour,
    /// `habits` habits (1 to [`MAX_HABITS`]) over `years` years of use.
    History { habits: usize, years: u32 },
}

/// A coach's practice besides the person's own data: `clients` clients with `assessments` each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coaching {
    pub clients: usize,
    pub assessments: usize,
}

/// The most clients the demo makes, and assessments per client.
pub const MAX_CLIENTS: usize = 1_000;
pub const MAX_ASSESSMENTS_PER_CLIENT: usize = 50;

/// The made-up data, in memory, ready to be written to a data folder in one step.
#[derive(Debug)]
pub struct Generated {
    pub store: Store,
    /// The made-up person's name.
    pub name: String,
    pub made: Made,
}

/// Makes the data `shape` asks for, from `seed`, as of `clock`'s today, in an in-memory store.
/// (Written row by row to disk, each call would be a durable commit: minutes for years of data.)
pub fn generate(
    shape: Shape,
    coaching: Option<Coaching>,
    seed: u64,
    clock: &dyn Clock,
) -> Result<Generated, DemoError> {
    let habit_library = builtin_library()?;
    let instruments = InstrumentLibrary::builtin()?;
    let exercises = ExerciseLibrary::builtin().map_err(|e| DemoError::Data(e.to_string()))?;
    let mut store = Store::open_in_memory()?;
    let mut demo = Demo {
        store: &mut store,
        me: 0,
        rng: Rng::new(seed),
        team: Vec::new(),
        instrument: instruments.current(),
        exercises: &exercises,
        made: Made::default(),
    };
    let name = match shape {
        Shape::Tour => demo.tour(&habit_library, clock)?,
        Shape::History { habits, years } => {
            demo.history(&habit_library, habits.min(MAX_HABITS), years, clock.today())?
        }
    };
    if let Some(coaching) = coaching {
        demo.clients(
            coaching.clients.min(MAX_CLIENTS),
            coaching.assessments.min(MAX_ASSESSMENTS_PER_CLIENT),
            clock.today(),
        )?;
    }
    let made = demo.made;
    Ok(Generated { store, name, made })
}

/// Rows written, for the summary.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Made {
    pub habits: usize,
    pub archived: usize,
    pub check_ins: usize,
    pub check_in_notes: usize,
    pub energy: usize,
    pub assessments: usize,
    pub exercises: usize,
    pub notes: usize,
    pub clients: usize,
    pub sessions: usize,
    pub observer_answers: usize,
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
    ) -> Result<String, DemoError> {
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
    fn begin(&mut self, name: &str, start: NaiveDate) -> Result<(), DemoError> {
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
