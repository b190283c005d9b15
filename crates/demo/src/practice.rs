//! The person's practice beyond habits: self-assessments whose answers drift with their growth,
//! exercise runs with reflections, and journal notes. Every answer is checked by the domain first.

use chrono::{Datelike, TimeDelta, Weekday};
use leadback_core::assessment::{Questionnaire, Step};
use leadback_core::exercises::{Exercise, PromptKind, RATING_MAX, RATING_MIN};
use leadback_core::habits::check_in_note;

use super::life::{Growth, Life, Stances};
use super::rng::Rng;
use super::texts::reflection;
use super::{Demo, at};
use crate::DemoError;

impl Demo<'_> {
    /// A completed self-assessment on `index`, answered question by question as the app saves it.
    pub(super) fn assessment(
        &mut self,
        life: &Life,
        index: usize,
        growth: &Growth,
        energy: &[Option<i64>],
    ) -> Result<(), DemoError> {
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
    pub(super) fn exercise(
        &mut self,
        life: &Life,
        mut index: usize,
        exercise: &Exercise,
    ) -> Result<(), DemoError> {
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

    pub(super) fn note(&mut self, life: &Life, index: usize, text: &str) -> Result<(), DemoError> {
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
}
