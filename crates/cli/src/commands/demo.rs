//! `leadback demo`: fills an empty data folder with a made-up person's use of the app — habits with
//! streaks and gaps, energy most days, assessments whose answers drift, exercises with reflections,
//! journal notes — for trying the app out, for screenshots and for measuring it at scale. Every row
//! goes in through the store's public API, as the app's own writes do, and every answer is checked
//! by the domain first. The same seed on the same day gives the same data: instants are derived
//! from calendar days, never from the time the command runs (except today's check-ins in the tour).

use std::f64::consts::TAU;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, NaiveTime, TimeDelta, Utc, Weekday};
use leadback_core::assessment::{Instrument, InstrumentLibrary, Questionnaire, Stance, Step};
use leadback_core::exercises::{Exercise, ExerciseLibrary, PromptKind, RATING_MAX, RATING_MIN};
use leadback_core::habits::{
    CheckState, HabitLibrary, HabitName, HabitStance, MAX_BACKFILL_YEARS, Schedule,
    builtin_library, check_in_note,
};
use leadback_core::{Clock, PersonName};
use leadback_store::{NewHabit, Store, StoreError};

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

/// One habit as added, and how the person keeps it up.
#[derive(Debug, Clone)]
struct HabitPlan {
    id: i64,
    stance: Option<HabitStance>,
    schedule: Schedule,
    /// Day indexes: added on `first`, checked in until `end` (exclusive: archived, or today).
    first: usize,
    end: usize,
    /// How often it is done when life is ordinary, 0–1; the weekly level drifts around it.
    adherence: f64,
    /// How much a done day makes the next one likelier (0: independent days).
    persistence: f64,
    /// Given up before being archived (rather than archived because it became second nature).
    fades: bool,
    /// For schedules counted in weeks: the weekdays it is usually done on.
    weekdays: Vec<Weekday>,
}

impl HabitPlan {
    /// Work habits mostly have no chance at weekends, on holiday or when ill.
    fn at_work(&self) -> bool {
        self.stance != Some(HabitStance::Rest)
    }
}

/// What each day of the person's life was like, shared by all their habits and their energy.
#[derive(Debug, Clone, Copy, Default)]
struct Day {
    away: bool,
    ill: bool,
    busy: bool,
    /// The app was not opened: nothing at all is entered.
    closed: bool,
}

#[derive(Debug)]
struct Life {
    start: NaiveDate,
    days: Vec<Day>,
    /// How long it takes the person's practice to show (days): see [`Life::progress`].
    pace: f64,
}

impl Life {
    fn date(&self, index: usize) -> NaiveDate {
        self.start + Days::new(u64::try_from(index).unwrap_or(0))
    }

    fn day(&self, index: usize) -> Day {
        self.days.get(index).copied().unwrap_or_default()
    }

    /// 0 at the start, towards 1 as the practice settles in.
    fn progress(&self, index: usize) -> f64 {
        1.0 - (-(index as f64) / self.pace).exp()
    }
}

/// The three stances as fractions of the answer scale, as the person would rate themselves.
#[derive(Debug, Clone, Copy)]
struct Stances {
    front: f64,
    behind: f64,
    servant: f64,
}

impl Stances {
    fn get(&self, stance: Stance) -> f64 {
        match stance {
            Stance::Front => self.front,
            Stance::Behind => self.behind,
            Stance::Servant => self.servant,
        }
    }

    fn leading(&self) -> Stance {
        let mut best = Stance::Front;
        for stance in Stance::ALL {
            if self.get(stance) > self.get(best) {
                best = stance;
            }
        }
        best
    }
}

/// Where the person starts and how far their practice moves them.
#[derive(Debug, Clone, Copy)]
struct Growth {
    from: Stances,
    by: Stances,
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

    /// Ten weeks of a new user who took to it: a small set that reads well on every screen.
    fn tour(&mut self, library: &HabitLibrary, clock: &dyn Clock) -> Result<String, CliError> {
        const WEEKS: u64 = 10;
        let today = clock.today();
        let start = today - Days::new(WEEKS * 7);
        let span = usize::try_from((today - start).num_days()).unwrap_or(0);
        let mut life = self.life(start, span, true);
        // Settles in within the ten weeks, but only just.
        life.pace = 300.0;
        let name = TOUR_PERSON;
        self.begin(name, start)?;
        let growth = Growth {
            from: Stances {
                front: 0.74,
                behind: 0.36,
                servant: 0.5,
            },
            by: Stances {
                front: -0.5,
                behind: 0.6,
                servant: 0.45,
            },
        };

        let mut plans = Vec::new();
        for (id, first, adherence) in TOUR_HABITS {
            let habit = library.get(id).ok_or_else(|| {
                CliError::Usage(format!("the habit library has no {id:?} for the tour"))
            })?;
            let spec = HabitSpec {
                library_id: Some(habit.id.clone()),
                name: habit.name.clone(),
                stance: Some(habit.stance),
                why: Some(habit.why.clone()),
                schedule: habit.schedule,
            };
            let mut plan = self.add_habit(&spec, &life, first, span)?;
            plan.adherence = adherence;
            plans.push(plan);
        }
        for plan in &plans {
            self.check_ins(plan, &life, 0.18)?;
        }
        // Today: two habits checked in already, the rest still to do.
        for (plan, note) in plans.iter().zip(TOUR_TODAY) {
            let note = note.map(|n| self.fill(n));
            let note = note.as_deref().map(check_in_note).transpose()?.flatten();
            self.store.check_in(
                plan.id,
                today,
                Some(CheckState::Done),
                note.as_deref(),
                clock.now(),
            )?;
            self.made.check_ins += 1;
            self.made.check_in_notes += usize::from(note.is_some());
        }
        let energy = self.energy(&life, 0.9)?;
        self.assessment(&life, 0, &growth, &energy)?;
        self.assessment(&life, span - 7, &growth, &energy)?;
        for (id, day) in TOUR_EXERCISES {
            let exercise = self.exercises.get(id).cloned().ok_or_else(|| {
                CliError::Usage(format!("the exercise library has no {id:?} for the tour"))
            })?;
            self.exercise(&life, day, &exercise)?;
        }
        for (day, text) in TOUR_NOTES {
            let text = self.fill(text);
            self.note(&life, day, &text)?;
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

    /// Holidays, illness, busy weeks and days the app stays closed, spread over `span` days.
    fn life(&mut self, start: NaiveDate, span: usize, calm: bool) -> Life {
        let mut days = vec![Day::default(); span];
        let years = span as f64 / 365.0;
        let mut events =
            |rng: &mut Rng, per_year: f64, min: usize, max: usize, mark: fn(&mut Day)| {
                let count = (per_year * years + rng.unit()).floor() as usize;
                for _ in 0..count {
                    let from = rng.below(span.max(1));
                    let to = (from + rng.between(min, max + 1)).min(span);
                    days.get_mut(from..to).into_iter().flatten().for_each(mark);
                }
            };
        if calm {
            events(&mut self.rng, 4.0, 5, 7, |d| d.busy = true);
            events(&mut self.rng, 5.0, 1, 2, |d| d.closed = true);
        } else {
            events(&mut self.rng, 2.0, 5, 16, |d| d.away = true);
            events(&mut self.rng, 1.0, 2, 7, |d| d.ill = true);
            events(&mut self.rng, 3.0, 10, 25, |d| d.busy = true);
            events(&mut self.rng, 4.0, 2, 10, |d| d.closed = true);
            events(&mut self.rng, 0.35, 20, 45, |d| d.closed = true);
            for day in &mut days {
                day.closed |= self.rng.chance(0.05);
            }
        }
        Life {
            start,
            days,
            pace: 365.0 * self.rng.range(0.8, 1.8),
        }
    }

    /// Where this person starts (mostly out in front) and how far practice moves them.
    fn growth(&mut self) -> Growth {
        let rng = &mut self.rng;
        Growth {
            from: Stances {
                front: rng.range(0.62, 0.82),
                behind: rng.range(0.22, 0.42),
                servant: rng.range(0.36, 0.56),
            },
            by: Stances {
                front: -rng.range(0.08, 0.22),
                behind: rng.range(0.14, 0.32),
                servant: rng.range(0.08, 0.26),
            },
        }
    }

    /// The library's habits in a random order, then own ones.
    fn specs(&mut self, library: &HabitLibrary, count: usize) -> Result<Vec<HabitSpec>, CliError> {
        let mut from_library: Vec<HabitSpec> = library
            .habits()
            .iter()
            .map(|h| HabitSpec {
                library_id: Some(h.id.clone()),
                name: h.name.clone(),
                stance: Some(h.stance),
                why: Some(h.why.clone()),
                schedule: h.schedule,
            })
            .collect();
        self.rng.shuffle(&mut from_library);
        let mut specs: Vec<HabitSpec> = from_library.into_iter().take(count).collect();
        let mut round = 1;
        while specs.len() < count {
            for (name, stance, schedule) in OWN_HABITS {
                if specs.len() == count {
                    break;
                }
                let name = if round == 1 {
                    name.to_owned()
                } else {
                    format!("{name} ({round})")
                };
                specs.push(HabitSpec {
                    library_id: None,
                    name,
                    stance,
                    why: None,
                    schedule: Schedule::parse(schedule)
                        .map_err(|e| CliError::Usage(e.to_string()))?,
                });
            }
            round += 1;
        }
        Ok(specs)
    }

    fn add_habit(
        &mut self,
        spec: &HabitSpec,
        life: &Life,
        first: usize,
        end: usize,
    ) -> Result<HabitPlan, CliError> {
        let name = HabitName::parse(&spec.name)?;
        let new = NewHabit {
            library_id: spec.library_id.as_deref(),
            name: &name,
            stance: spec.stance,
            why: spec.why.as_deref(),
            schedule: spec.schedule,
        };
        let minute = 19 * 60 + 30 + self.rng.below(60);
        let record = self
            .store
            .add_habit(self.me, &new, at(life.date(first), minute))?;
        self.made.habits += 1;
        let mut plan = HabitPlan {
            id: record.id,
            stance: spec.stance,
            schedule: spec.schedule,
            first,
            end,
            adherence: self.rng.range(0.5, 0.93),
            persistence: self.rng.range(0.3, 0.8),
            fades: false,
            weekdays: Vec::new(),
        };
        let times = usize::try_from(spec.schedule.times()).unwrap_or(1);
        if spec.schedule.days() == 7 {
            let mut pool = if plan.at_work() {
                WORKDAYS.to_vec()
            } else {
                WEEK.to_vec()
            };
            self.rng.shuffle(&mut pool);
            pool.truncate(times);
            plan.weekdays = pool;
        }
        Ok(plan)
    }

    /// Archives about one habit in six, some given up (fading first), some second nature by then.
    fn archive_some(
        &mut self,
        plans: &mut [HabitPlan],
        life: &Life,
        span: usize,
    ) -> Result<(), CliError> {
        let wanted = (plans.len() + 2) / 6;
        let mut candidates: Vec<usize> = (0..plans.len())
            .filter(|&i| plans.get(i).is_some_and(|p| p.first + 120 < span))
            .collect();
        self.rng.shuffle(&mut candidates);
        for index in candidates.into_iter().take(wanted) {
            let Some(plan) = plans.get_mut(index) else {
                continue;
            };
            let latest = (span - 14).min(plan.first + 3 * 365);
            let day = self
                .rng
                .between(plan.first + 90, latest.max(plan.first + 91));
            plan.end = day.min(span);
            plan.fades = self.rng.chance(0.6);
            self.store
                .set_habit_archived(plan.id, true, at(life.date(plan.end), 21 * 60))?;
            self.made.archived += 1;
        }
        Ok(())
    }

    /// A habit's check-ins: a two-state Markov chain per day (done / not done) whose level drifts
    /// week by week around the habit's own adherence, bent by what the day was like.
    fn check_ins(&mut self, plan: &HabitPlan, life: &Life, note_rate: f64) -> Result<(), CliError> {
        let records_misses = self.rng.range(0.15, 0.6);
        let mut level = plan.adherence;
        let mut done_before = false;
        for index in plan.first..plan.end {
            let age = index - plan.first;
            if age.is_multiple_of(7) {
                let mut target = plan.adherence + 0.08 * life.progress(index);
                if plan.fades && plan.end - index < 90 {
                    target *= (plan.end - index) as f64 / 90.0;
                }
                level += 0.05 * self.rng.normal() + 0.15 * (target - level);
                level = level.clamp(0.03, 0.97);
            }
            let day = life.day(index);
            if day.closed {
                done_before = false;
                continue;
            }
            let date = life.date(index);
            let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
            let daily = plan.schedule.is_daily();
            let no_chance = plan.at_work() && (day.away || day.ill || (daily && weekend));
            // New habits get a honeymoon of three weeks.
            let mut p = level + if age < 21 { 0.1 } else { 0.0 };
            if day.busy {
                p *= 0.7;
            }
            if day.ill {
                p *= 0.3;
            }
            if day.away && !plan.at_work() {
                p *= 1.2;
            }
            p = p.min(0.97);
            if daily {
                p = if done_before {
                    p + plan.persistence * (1.0 - p)
                } else {
                    p * (1.0 - plan.persistence)
                };
            } else if plan.weekdays.is_empty() {
                p *= f64::from(plan.schedule.times()) / f64::from(plan.schedule.days());
            } else if !plan.weekdays.contains(&date.weekday()) {
                p *= 0.08;
            }
            let planned = daily || plan.weekdays.contains(&date.weekday());
            let state = if no_chance && self.rng.chance(0.8) {
                // Mostly marked "no chance today"; some left blank, which breaks a streak.
                self.rng.chance(0.7).then_some(CheckState::Skipped)
            } else if self.rng.chance(p) {
                Some(CheckState::Done)
            } else if self.rng.chance(0.02) {
                Some(CheckState::Skipped)
            } else if planned && self.rng.chance(if daily { records_misses } else { 0.15 }) {
                Some(CheckState::NotDone)
            } else {
                None
            };
            done_before = state == Some(CheckState::Done);
            let Some(state) = state else {
                continue;
            };
            let rate = match state {
                CheckState::Done => note_rate,
                CheckState::NotDone | CheckState::Skipped => note_rate / 2.0,
            };
            let note = if self.rng.chance(rate) {
                let pool = match state {
                    CheckState::Done => done_notes(plan.stance),
                    CheckState::NotDone => MISSED_NOTES,
                    CheckState::Skipped => SKIPPED_NOTES,
                };
                let text = self.made_up(pool);
                check_in_note(&text)?
            } else {
                None
            };
            let minute = 20 * 60 + self.rng.below(150);
            self.store.check_in(
                plan.id,
                date,
                Some(state),
                note.as_deref(),
                at(date, minute),
            )?;
            self.made.check_ins += 1;
            self.made.check_in_notes += usize::from(note.is_some());
        }
        Ok(())
    }

    /// Energy on most open days: seasons, weekdays, busy weeks and illness, and a slow lift as the
    /// practice settles in. Returns each day's level (`None` when not recorded).
    fn energy(&mut self, life: &Life, recorded: f64) -> Result<Vec<Option<i64>>, CliError> {
        let baseline = 3.0 + self.rng.range(-0.3, 0.3);
        let season = self.rng.range(0.0, TAU);
        let mut levels = Vec::with_capacity(life.days.len());
        for (index, day) in life.days.iter().enumerate() {
            if day.closed || !self.rng.chance(recorded) {
                levels.push(None);
                continue;
            }
            let date = life.date(index);
            let weekday = match date.weekday() {
                Weekday::Mon => -0.25,
                Weekday::Fri => 0.1,
                Weekday::Sat | Weekday::Sun => 0.35,
                _ => 0.0,
            };
            let seasonal = 0.35 * (TAU * f64::from(date.ordinal()) / 365.0 + season).sin();
            let mut value = baseline
                + seasonal
                + weekday
                + 0.6 * life.progress(index)
                + 0.7 * self.rng.normal();
            if day.busy {
                value -= 0.8;
            }
            if day.ill {
                value -= 1.5;
            }
            if day.away {
                value += 0.7;
            }
            let level = (value.round() as i64).clamp(1, 5);
            let note = if self.rng.chance(0.04) {
                let text = if day.ill {
                    "Off sick, mostly resting."
                } else if day.away {
                    "Holiday. Slept in."
                } else if day.busy {
                    "Deadline week."
                } else {
                    self.rng.text(ENERGY_NOTES)
                };
                check_in_note(text)?
            } else {
                None
            };
            let minute = 21 * 60 + self.rng.below(90);
            self.store
                .set_energy(self.me, date, level, note.as_deref(), at(date, minute))?;
            self.made.energy += 1;
            levels.push(Some(level));
        }
        Ok(levels)
    }

    /// A completed self-assessment on `index`, answered question by question as the app saves it.
    fn assessment(
        &mut self,
        life: &Life,
        index: usize,
        growth: &Growth,
        energy: &[Option<i64>],
    ) -> Result<(), CliError> {
        let instrument = self.instrument;
        let progress = life.progress(index);
        let wobble = 0.04;
        let mut now = Stances {
            front: growth.from.front + growth.by.front * progress + wobble * self.rng.normal(),
            behind: growth.from.behind + growth.by.behind * progress + wobble * self.rng.normal(),
            servant: growth.from.servant
                + growth.by.servant * progress
                + wobble * self.rng.normal(),
        };
        now.front = now.front.clamp(0.0, 1.0);
        now.behind = now.behind.clamp(0.0, 1.0);
        now.servant = now.servant.clamp(0.0, 1.0);
        // The month before, as the energy items ask about it.
        let recent: Vec<i64> = energy
            .get(index.saturating_sub(28)..index.max(1).min(energy.len()))
            .unwrap_or_default()
            .iter()
            .flatten()
            .copied()
            .collect();
        let rested = if recent.is_empty() {
            0.5
        } else {
            (recent.iter().sum::<i64>() as f64 / recent.len() as f64 - 1.0) / 4.0
        };

        let date = life.date(index);
        let mut when = at(date, 19 * 60);
        let record = self.store.start_assessment(
            self.me,
            instrument.id(),
            i64::from(instrument.version()),
            when,
        )?;
        let steps = Questionnaire::new(instrument.view()).steps;
        let scale = instrument.scale();
        let answer = |rng: &mut Rng, level: f64, reverse: bool| -> Option<i64> {
            if rng.chance(0.02) {
                return None;
            }
            let span = (scale.max - scale.min) as f64;
            let fraction = (level + 0.1 * rng.normal()).clamp(0.0, 1.0);
            let value = scale.min + (fraction * span).round() as i64;
            Some(if reverse {
                scale.min + scale.max - value
            } else {
                value
            })
        };
        for (position, step) in (1i64..).zip(&steps) {
            when += TimeDelta::seconds(i64::try_from(self.rng.between(6, 40)).unwrap_or(20));
            match step {
                Step::Item(id) => {
                    let Some(item) = instrument.items().iter().find(|i| &i.id == id) else {
                        continue;
                    };
                    let value = answer(&mut self.rng, now.get(item.stance), item.reverse);
                    instrument.check_answer(id, value)?;
                    self.store
                        .save_answer(record.id, id, value, position, when)?;
                }
                Step::Energy(id) => {
                    let Some(item) = instrument.energy_items().iter().find(|i| &i.id == id) else {
                        continue;
                    };
                    let value = answer(&mut self.rng, rested, item.reverse);
                    instrument.check_answer(id, value)?;
                    self.store
                        .save_answer(record.id, id, value, position, when)?;
                }
                Step::Scenario(id) => {
                    let Some(scenario) = instrument.scenarios().iter().find(|s| &s.id == id) else {
                        continue;
                    };
                    // Reading the situation right grows with practice; otherwise habit wins.
                    let wanted = if self.rng.chance(0.35 + 0.4 * progress) {
                        scenario.fitting
                    } else {
                        now.leading()
                    };
                    let fitting = scenario.options.iter().find(|o| o.stance == wanted);
                    let option = match fitting {
                        Some(option) if !self.rng.chance(0.01) => Some(option),
                        Some(_) => None,
                        None => scenario.options.get(self.rng.below(scenario.options.len())),
                    };
                    let option = option.map(|o| o.id.as_str());
                    instrument.check_choice(id, option)?;
                    self.store
                        .save_choice(record.id, id, option, position, when)?;
                }
            }
        }
        self.store
            .complete_assessment(record.id, when + TimeDelta::minutes(1))?;
        self.made.assessments += 1;
        Ok(())
    }

    /// A finished run with its reflections, step by step. Long exercises wait for a weekend.
    fn exercise(
        &mut self,
        life: &Life,
        mut index: usize,
        exercise: &Exercise,
    ) -> Result<(), CliError> {
        if exercise.duration_minutes >= 60 {
            while !matches!(life.date(index).weekday(), Weekday::Sat | Weekday::Sun)
                && index + 1 < life.days.len()
            {
                index += 1;
            }
        }
        let date = life.date(index);
        let progress = life.progress(index);
        let start = at(date, 17 * 60 + self.rng.below(180));
        let run = self.store.start_exercise_run(
            self.me,
            &exercise.id,
            i64::from(exercise.version),
            None,
            start,
        )?;
        let minutes_per_step = i64::from(exercise.duration_minutes)
            / i64::try_from(exercise.steps.len().max(1)).unwrap_or(1);
        let mut when = start;
        for (step, part) in (0i64..).zip(&exercise.steps) {
            when += TimeDelta::minutes(minutes_per_step.max(1));
            for prompt in &part.prompts {
                match prompt.kind {
                    PromptKind::Text if self.rng.chance(0.88) => {
                        let template = reflection(&prompt.id, &mut self.rng);
                        let text = self.fill(template);
                        let text = check_in_note(&text)?;
                        self.store.save_reflection(
                            run.id,
                            step,
                            &prompt.id,
                            text.as_deref(),
                            None,
                            when,
                        )?;
                    }
                    PromptKind::Rating if self.rng.chance(0.95) => {
                        let value = 2.4 + 1.8 * progress + 0.8 * self.rng.normal();
                        let rating = (value.round() as i64).clamp(RATING_MIN, RATING_MAX);
                        self.store.save_reflection(
                            run.id,
                            step,
                            &prompt.id,
                            None,
                            Some(rating),
                            when,
                        )?;
                    }
                    PromptKind::Text | PromptKind::Rating => {}
                }
            }
        }
        self.store
            .finish_exercise_run(run.id, when + TimeDelta::minutes(1))?;
        self.made.exercises += 1;
        Ok(())
    }

    fn note(&mut self, life: &Life, index: usize, text: &str) -> Result<(), CliError> {
        let Some(text) = check_in_note(text)? else {
            return Ok(());
        };
        let date = life.date(index);
        let minute = 21 * 60 + self.rng.below(120);
        self.store
            .add_journal_note(self.me, date, &text, at(date, minute))?;
        self.made.notes += 1;
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

#[derive(Debug, Clone)]
struct HabitSpec {
    library_id: Option<String>,
    name: String,
    stance: Option<HabitStance>,
    why: Option<String>,
    schedule: Schedule,
}

/// A calendar day at a time of day. Naive times are read as UTC: the same day gives the same
/// instant wherever and whenever the command runs.
fn at(day: NaiveDate, minute: usize) -> DateTime<Utc> {
    day.and_time(NaiveTime::MIN).and_utc() + TimeDelta::minutes(i64::try_from(minute).unwrap_or(0))
}

/// SplitMix64: a few lines, good enough for made-up data, and the same sequence everywhere.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn range(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform in 0..n (0 when n is 0).
    fn below(&mut self, n: usize) -> usize {
        let n = u64::try_from(n).unwrap_or(u64::MAX).max(1);
        usize::try_from(self.next() % n).unwrap_or(0)
    }

    /// Uniform in low..high (low when the range is empty).
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high.saturating_sub(low))
    }

    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u = 1.0 - self.unit();
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (TAU * v).cos()
    }

    /// One of `items` (`None` only when there are none).
    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let index = self.below(items.len());
        items.get(index)
    }

    /// One of the texts (an empty one only if there are none, which makes no note).
    fn text(&mut self, texts: &[&'static str]) -> &'static str {
        self.pick(texts).copied().unwrap_or_default()
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

const WORKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];
const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

// ---- The made-up words. Kept here rather than in assets/: they are no part of the product. ------

const PEOPLE: &[&str] = &[
    "Alex Morgan",
    "Sam Okafor",
    "Mira Jensen",
    "Tomás Rivera",
    "Noor Haddad",
    "Hannah Berg",
    "Ravi Menon",
    "Julia Novak",
];

const TEAM: &[&str] = &[
    "Priya", "Marcus", "Lena", "Tom", "Aisha", "Jonas", "Mei", "Daniel", "Sofia", "Kwame", "Elif",
    "Ruth",
];

/// Own habits: name, stance, schedule.
const OWN_HABITS: [(&str, Option<HabitStance>, &str); 12] = [
    (
        "Ask \"what do you think?\" in every meeting",
        Some(HabitStance::Servant),
        "daily",
    ),
    (
        "Leave the first five minutes of stand-up to others",
        Some(HabitStance::Behind),
        "5/week",
    ),
    (
        "Write down one thing I handed over",
        Some(HabitStance::Behind),
        "daily",
    ),
    ("No email after 8 pm", Some(HabitStance::Rest), "daily"),
    (
        "Ten minutes outside at lunch",
        Some(HabitStance::Rest),
        "daily",
    ),
    (
        "Thank someone by name",
        Some(HabitStance::Servant),
        "3/week",
    ),
    (
        "Prepare one open question for each one-to-one",
        Some(HabitStance::Servant),
        "2/week",
    ),
    (
        "Close the laptop in one-to-ones",
        Some(HabitStance::Servant),
        "2/week",
    ),
    (
        "Let the silence last in meetings",
        Some(HabitStance::Behind),
        "daily",
    ),
    (
        "Plan tomorrow before leaving",
        Some(HabitStance::Front),
        "5/week",
    ),
    ("Read for twenty minutes", None, "daily"),
    (
        "Walk to someone's desk instead of sending a message",
        Some(HabitStance::Servant),
        "3/week",
    ),
];

fn done_notes(stance: Option<HabitStance>) -> &'static [&'static str] {
    match stance {
        Some(HabitStance::Behind) => BEHIND_NOTES,
        Some(HabitStance::Servant) => SERVANT_NOTES,
        Some(HabitStance::Front) => FRONT_NOTES,
        Some(HabitStance::Rest) => REST_NOTES,
        None => OWN_NOTES,
    }
}

const BEHIND_NOTES: &[&str] = &[
    "{a} ran the planning meeting. I kept quiet for the first twenty minutes and the plan was better for it.",
    "Let {a} take the first step on the migration. Slower than I would have been, but it is theirs now.",
    "Wanted to correct {a}'s draft. Left it, and asked one question instead.",
    "From the back I saw {a} help {b} without being asked.",
    "{a} chose a different approach from mine. It worked.",
    "{a} presented our results to the board. I answered one question, when asked.",
    "Handed the hiring decision to {a} and {b}. I'll stand by what they choose.",
    "{a} facilitated the retro and people spoke more than usual.",
    "Walked at the back on the team hike; {a} picked the path and waited for everyone at the fork.",
];

const SERVANT_NOTES: &[&str] = &[
    "Asked {a} what they needed before the deadline. The answer was fewer interruptions, not more help.",
    "Listened to {a} for ten minutes before saying anything. The real problem was the handover.",
    "Praised {a}'s summary in the team channel: specific, not just thanks.",
    "Asked a question instead of telling my own story. {a} laughed, then answered it.",
    "Built on {a}'s idea in the workshop instead of pitching mine.",
    "Let {a} start our one-to-one. It went somewhere I would not have taken it.",
    "Caught myself about to interrupt {a}. Twice. Stopped once.",
    "{a} is finding the new role hard. Asked what would help; we agreed on a weekly check-in.",
];

const FRONT_NOTES: &[&str] = &[
    "Led from the front on the incident only; everything else I left to the team.",
    "The team had been stuck on the estimate for two days. Stepped in, set a deadline, stepped back out.",
    "Decided early on the vendor question so {a} could get going.",
    "Checked where we were stuck: nowhere, for once.",
    "Early crisis call. Took the lead, and said clearly when I was handing it back to {a}.",
];

const REST_NOTES: &[&str] = &[
    "Lunch away from the desk, phone in the drawer.",
    "Twenty minutes outside between meetings. Came back calmer.",
    "Heavy day. Named it, closed the laptop at six.",
    "Let {a} cover the evening call and went for a run.",
    "Felt the weight in my shoulders around three. Took a break instead of pushing on.",
    "A light day, mostly because I didn't try to carry {a}'s project as well.",
];

const OWN_NOTES: &[&str] = &[
    "Done, though it took a reminder.",
    "Easier than last week.",
    "Only just: remembered it at the end of the day.",
    "{a} noticed, and said so.",
];

const MISSED_NOTES: &[&str] = &[
    "Meetings all day; no room for it.",
    "Forgot until it was too late.",
    "Jumped in before I noticed. Tomorrow.",
    "Tired, and went back to old habits.",
];

const SKIPPED_NOTES: &[&str] = &[
    "Travelling.",
    "Off sick.",
    "No team meetings today.",
    "Working alone on the report all day.",
];

const ENERGY_NOTES: &[&str] = &[
    "Slept badly.",
    "Good run this morning.",
    "Back-to-back meetings all afternoon.",
    "Quiet day; got real work done.",
    "Long day with the board.",
    "Team offsite: tiring, but good.",
    "Hard conversation with {a}. Glad it's done.",
];

const JOURNAL_NOTES: &[&str] = &[
    "Noticed how often I answer my own questions in meetings. Next time: ask, then count to five.",
    "{a} told me they felt trusted when I stayed out of the client call. I had nearly joined \"just to listen\".",
    "Let others go first four times this week. Meetings felt slower, but more people spoke.",
    "Read the piece on leading from behind again. The shepherd still knows the path: that's the part I forget.",
    "I default to the front when I'm tired. Worth knowing.",
    "{a} and {b} sorted out the release without me. I found out afterwards. That's the goal, isn't it?",
    "Hard week. I stepped in three times; twice it was needed. The third time was my nerves.",
    "One-to-one with {a}: asked what they want to learn next year. They had a clear answer I had never heard.",
    "Where I want to lead from the front this quarter: the reorganisation and the budget. Everything else can grow from behind.",
    "The team planned the offsite; I only chose the date. The best one we've had.",
    "Caught myself rewriting {a}'s email. Deleted my version.",
    "Energy has been better since I started taking real breaks. Not sure which causes which.",
    "Specific praise lands differently. {a} quoted mine back to me a week later.",
    "Stayed at the back of the walk on Sunday. {b} led, and everyone followed them, not me.",
    "The team decides more without me now. I miss being needed, a little. Writing that down.",
    "{a} failed at the pitch today and I let it happen. In the debrief they knew exactly what to change.",
    "Crisis day. I led from the front and it was right. Back to the back tomorrow.",
    "I'm more patient in the mornings. Moving the hard conversations earlier.",
];

/// An answer to one of the built-in exercises' text prompts, by prompt id.
fn reflection(prompt: &str, rng: &mut Rng) -> &'static str {
    let answers: &[&str] = match prompt {
        "question" => &[
            "How do we halve the time from idea to first customer test? It serves learning faster.",
            "What should our team stop doing next quarter? The goal is room for the work that matters.",
        ],
        "idea-you-lacked" => &[
            "{a}'s idea to test with the support team first. I would have gone straight to customers.",
            "Pairing new starters with each other, not only with the seniors.",
        ],
        "next-time" => &[
            "Write the question on the board and say nothing for the first ten minutes.",
            "Ask the quietest person first.",
        ],
        "the-work" => &[
            "The quarterly plan. {a} drafts it and runs the first meeting.",
            "The onboarding guide. {a} goes first; I review only when asked.",
        ],
        "urges" => &[
            "I wanted to fix the timeline. I asked {a} how confident they were instead.",
            "I wanted to jump in when the client pushed back. Counted to ten; {a} handled it.",
        ],
        "what-they-did" => &[
            "{a} started with the customer's words, not our numbers. It made the case stronger.",
            "They split the work by strengths, not by seniority.",
        ],
        "who" => &[
            "{a}, about moving to the platform team.",
            "{a} and {b}, about the delayed release.",
        ],
        "what-you-heard" => &[
            "That the real worry was not the deadline but being seen as slow.",
            "{a} has been carrying the on-call rota alone for a month.",
        ],
        "hardest-moment" => &[
            "When {a} described a solution I had already tried. I wanted to say so.",
            "The silence after my first question.",
        ],
        "contribution" => &[
            "{a}'s test plan: it caught the payment bug before the release.",
            "{a} rewrote the onboarding notes; three new starters used them this week.",
        ],
        "response" => &[
            "Surprised, then pleased. They asked if they could show it at the all-hands.",
            "A quiet thank-you, and later a message saying it made their week.",
        ],
        "first-question" => &[
            "What would you do if I weren't here?",
            "What do you see that I'm missing?",
        ],
        "what-you-noticed" => &[
            "I carry every open decision in my head. Handing two over felt lighter.",
            "Most of the weight is worry about things others are already handling.",
        ],
        "what-you-saw" => &[
            "{a} checks on the slowest person without being asked.",
            "How much the group talks when I'm not in front.",
        ],
        "who-stepped-up" => &[
            "{a} picked the route and called the breaks.",
            "{b} took over when the plan changed, and {a} backed them.",
        ],
        "who-struggled" => &[
            "{a} took a wrong turn at the fork. I waited; they found the way back with {b}.",
            "{a} struggled with the estimate. I let them present it anyway, and helped afterwards.",
        ],
        "stepped-in" => &[
            "Once, when safety was at stake. It was needed.",
            "I didn't. Twice I almost did.",
        ],
        "tell-whom" => &[
            "{a}: \"You kept the group together today. I saw it.\"",
            "The whole team, at Monday's stand-up.",
        ],
        "team" => &["The platform team.", "My leadership team of five."],
        "step-in-when" => &[
            "a customer is at risk, or the team has been stuck for more than two days.",
            "someone asks me to, or safety is at stake.",
        ],
        "how" => &[
            "say clearly that I'm taking the lead, and for how long.",
            "make the one decision that unblocks us and hand the rest back.",
        ],
        "step-back-when" => &[
            "the blocker is gone and someone else owns the next step.",
            "the crisis has an owner and a plan.",
        ],
        _ => &[
            "It went better than I expected.",
            "Harder than it looks. Worth doing again.",
        ],
    };
    rng.text(answers)
}

// ---- The tour: a new user's first ten weeks. -----------------------------------------------------

const TOUR_PERSON: &str = "Alex Morgan";

/// Library habit, the day it was added (of 70), how well it is kept up.
const TOUR_HABITS: [(&str, usize, f64); 5] = [
    ("listen-before-speaking", 0, 0.8),
    ("let-others-go-first", 0, 0.7),
    ("real-break", 0, 0.6),
    ("praise-a-contribution", 14, 0.75),
    ("back-of-the-walk", 35, 0.8),
];

/// Today's check-ins, in the order of [`TOUR_HABITS`]: the first two are done already.
const TOUR_TODAY: [Option<&str>; 2] = [
    Some("Let {a} open the stand-up, and only spoke when asked."),
    None,
];

const TOUR_EXERCISES: [(&str, usize); 4] = [
    ("listen-first", 2),
    ("shepherds-debrief", 22),
    ("walk-at-the-back", 41),
    ("quick-pause", 60),
];

const TOUR_NOTES: [(usize, &str); 5] = [
    (
        1,
        "Took the assessment for the first time. No surprise: mostly out in front. I'd like to see more of the team lead the way.",
    ),
    (
        9,
        "First week of letting others go first. Meetings are slower, and {a} spoke up twice, which hardly ever happens.",
    ),
    (
        28,
        "Noticed I grab the whiteboard pen out of habit. Handed it to {a} today.",
    ),
    (
        49,
        "Walked at the back with friends. {b} chose the path and waited for everyone at each fork. I saw things I never see from the front.",
    ),
    (
        64,
        "Retook the assessment: behind is up, front a little down. My energy is better too; the real breaks help.",
    ),
];
