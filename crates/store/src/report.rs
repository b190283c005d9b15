//! What a person's PDF report is made from, read in one place so the app and the CLI report the
//! same numbers: their finished assessments scored on the instrument each was taken with, their
//! habits with today's strength, the exercises they finished, their observers' (360) view exactly
//! as the app's observer view gives it, and (only when asked) their session notes. The report's
//! content and layout are decided elsewhere (`leadback_core::report`, the `leadback-report`
//! crate).

use chrono::NaiveDate;
use leadback_core::PersonKind;
use leadback_core::assessment::{HistoryEntry, InstrumentLibrary, evaluate};
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::HabitLibrary;
use leadback_core::report::{ExerciseSummary, HabitSummary, ObserverComparison, ReportData};

use crate::values::parse_timestamp;
use crate::{Store, StoreError};

/// What a report needs besides the database: the libraries that give ids their names and scores
/// their meaning.
#[derive(Debug, Clone, Copy)]
pub struct ReportLibraries<'a> {
    pub instruments: &'a InstrumentLibrary,
    pub habits: &'a HabitLibrary,
    pub exercises: &'a ExerciseLibrary,
}

impl Store {
    /// Everything the report about `person_id` shows, as of `today`. Session notes are read only
    /// when `include_notes` is set. An unknown person is [`StoreError::NotFound`].
    pub fn report_data(
        &self,
        person_id: i64,
        today: NaiveDate,
        libraries: ReportLibraries<'_>,
        include_notes: bool,
    ) -> Result<ReportData, StoreError> {
        let person = self.person(person_id)?;
        let coach = match person.kind {
            PersonKind::Client => self.me()?,
            PersonKind::Me => None,
        };
        let records = self.completed_assessments(person_id)?;
        let mut history = Vec::with_capacity(records.len());
        let mut latest = None;
        for (i, record) in records.iter().enumerate() {
            let unreadable = |err: &dyn std::fmt::Display| {
                StoreError::InvalidRecord(format!("assessment {}: {err}", record.id))
            };
            // The one rule (leadback-actions' `assessments`): an unfinished assessment has no
            // result; it is refused, never skipped or dated with a made-up time.
            let completed_at = record
                .completed_at
                .ok_or_else(|| unreadable(&"it is not finished, so it has no result"))?;
            let instrument = libraries
                .instruments
                .find(&record.instrument_id, record.instrument_version)
                .map_err(|e| unreadable(&e))?;
            let sheet = record.sheet();
            history.push(
                HistoryEntry::score(record.id, completed_at, instrument, &sheet)
                    .map_err(|e| unreadable(&e))?,
            );
            if i + 1 == records.len() {
                latest = Some(evaluate(instrument, &sheet).map_err(|e| unreadable(&e))?);
            }
        }
        let (suggested_habits, suggested_exercises) = latest.as_ref().map_or_else(
            || (Vec::new(), Vec::new()),
            |result| {
                (
                    result
                        .suggestions
                        .habits
                        .iter()
                        .filter_map(|id| libraries.habits.get(id).map(|h| h.name.clone()))
                        .collect(),
                    result
                        .suggestions
                        .exercises
                        .iter()
                        .filter_map(|id| libraries.exercises.get(id).map(|e| e.title.clone()))
                        .collect(),
                )
            },
        );
        let habits = self
            .habit_overviews(person_id, false, today)?
            .into_iter()
            .map(|o| HabitSummary {
                name: o.habit.name,
                stance: o.habit.stance,
                // A measurable habit reads as its target ("at least 20 minutes a week").
                schedule: o.habit.measure.as_ref().map_or_else(
                    || o.habit.schedule.to_string(),
                    |measure| measure.describe(o.habit.schedule),
                ),
                strength: o.strength,
                current_streak: o.streaks.current,
                best_streak: o.streaks.best,
            })
            .collect();
        let exercises = self
            .exercises_done(person_id)?
            .into_iter()
            .map(|(id, times, last_done)| ExerciseSummary {
                title: libraries
                    .exercises
                    .get(&id)
                    .map_or_else(|| id.clone(), |e| e.title.clone()),
                exercise_id: id,
                times,
                last_done,
            })
            .collect();
        // The app's observer view itself, so the report withholds exactly what the app does.
        let view = self.observer_view(person_id, libraries.instruments)?;
        let observers = (view.summary.observers > 0).then_some(ObserverComparison {
            own: view.own,
            summary: view.summary,
        });
        let sessions = if include_notes {
            let mut sessions = self.sessions(person_id)?;
            sessions.reverse();
            Some(sessions)
        } else {
            None
        };
        Ok(ReportData {
            person,
            coach,
            generated_on: today,
            history,
            latest,
            suggested_habits,
            suggested_exercises,
            habits,
            exercises,
            sessions,
            observers,
        })
    }

    /// Each exercise the person finished: its id, how many times, and the last day (UTC), the
    /// most recently done first.
    fn exercises_done(&self, person_id: i64) -> Result<Vec<(String, u32, NaiveDate)>, StoreError> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT exercise_id, COUNT(*), MAX(finished_at) FROM exercise_run
                 WHERE person_id = ?1 AND finished_at IS NOT NULL
                 GROUP BY exercise_id ORDER BY MAX(finished_at) DESC, exercise_id",
            )?
            .query_map([person_id], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(2)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(id, times, last)| {
                let last = parse_timestamp("exercise_run.finished_at", &last)?;
                Ok((
                    id,
                    u32::try_from(times).unwrap_or(u32::MAX),
                    last.date_naive(),
                ))
            })
            .collect()
    }
}
