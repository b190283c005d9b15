//! The `tour` preset: a new user's first ten weeks, so every screen has something that reads well.
//! The habits, growth, exercises, notes and today's check-ins are scripted here; the days between
//! are drawn from the seed as in the history.

use chrono::Days;
use leadback_core::Clock;
use leadback_core::habits::{CheckState, HabitLibrary, check_in_note};

use super::Demo;
use super::habits::HabitSpec;
use super::life::{Growth, Stances};
use crate::DemoError;

impl Demo<'_> {
    /// Ten weeks of a new user who took to it: a small set that reads well on every screen.
    pub(super) fn tour(
        &mut self,
        library: &HabitLibrary,
        clock: &dyn Clock,
    ) -> Result<String, DemoError> {
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
                DemoError::Data(format!("the habit library has no {id:?} for the tour"))
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
                DemoError::Data(format!("the exercise library has no {id:?} for the tour"))
            })?;
            self.exercise(&life, day, &exercise)?;
        }
        for (day, text) in TOUR_NOTES {
            let text = self.fill(text);
            self.note(&life, day, &text)?;
        }
        Ok(name.to_owned())
    }
}

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
