//! The facilitator's picture of a cohort: for each stance, the distribution of scores before and
//! after and the mean change with its spread, and how many participants completed each exercise.
//!
//! Anonymity: a number about fewer than [`MIN_GROUP`] participants is withheld (`None`), as the
//! best 360 tools do — a stance's change statistics when fewer than 3 have both a before and an
//! after score, any bucket count of the distributions below 3 (0 included, so an empty bucket does
//! not tell which bucket a small group sits in), and the completion table when the whole cohort is
//! smaller than 3.
//!
//! Re-importing a participant's file replaces their earlier one: of several files with the same
//! participant code, the last one given wins (the caller passes them in import order).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ResultsFile;
use crate::assessment::{Stance, StanceScores};

/// The smallest group a number may describe.
pub const MIN_GROUP: u32 = 3;
/// The width of a distribution bucket, in score points: 0–20, 20–40, … 80–100.
pub const BUCKET_WIDTH: u32 = 20;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CohortSummary {
    pub programme_id: String,
    /// Participants counted: one per participant code.
    pub participants: u32,
    /// Groups smaller than this are withheld; for the "fewer than 3" caption.
    pub min_group: u32,
    /// Front, behind, servant, in that order.
    pub stances: Vec<StanceCohort>,
    /// The exercises asked for, in that order, then any other exercise someone completed.
    pub exercises: Vec<ExerciseCompletion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StanceCohort {
    pub stance: Stance,
    /// Participants with both a before and an after score for this stance.
    pub n: u32,
    /// Participants with a before score (the "before" distribution's size).
    pub scored_before: u32,
    /// Participants with an after score.
    pub scored_after: u32,
    /// Null when `n` is below [`MIN_GROUP`].
    pub change: Option<StanceChange>,
    /// Five buckets of [`BUCKET_WIDTH`] points, low to high; 100 is in the last.
    pub buckets: Vec<ScoreBucket>,
}

/// Over the `n` participants with both scores; one decimal.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StanceChange {
    pub mean_before: f64,
    pub mean_after: f64,
    /// `mean_after − mean_before`, rounded after subtracting.
    pub mean_change: f64,
    /// The sample standard deviation (n − 1) of the individual changes.
    pub spread: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScoreBucket {
    /// Included.
    pub from: u32,
    /// Excluded, except 100 in the last bucket.
    pub to: u32,
    /// How many before scores fall here; null when fewer than [`MIN_GROUP`].
    pub before: Option<u32>,
    pub after: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExerciseCompletion {
    pub exercise: String,
    /// Null when the cohort is smaller than [`MIN_GROUP`].
    pub count: Option<u32>,
    /// Percent of the participants, one decimal; null like `count`.
    pub share: Option<f64>,
}

/// Summarises the results files of one programme. Files for other programmes are left out;
/// `exercises` lists the exercise rows wanted first (normally [`Programme::exercise_ids`]).
///
/// [`Programme::exercise_ids`]: crate::programmes::Programme::exercise_ids
pub fn summarize(
    programme_id: &str,
    exercises: &[String],
    results: &[ResultsFile],
) -> CohortSummary {
    let mut latest: BTreeMap<&str, &ResultsFile> = BTreeMap::new();
    for file in results.iter().filter(|f| f.programme_id() == programme_id) {
        latest.insert(file.participant_code(), file);
    }
    let files: Vec<&ResultsFile> = latest.into_values().collect();
    let participants = count(files.len());

    let stances = Stance::ALL
        .into_iter()
        .map(|stance| stance_cohort(stance, &files))
        .collect();

    let mut rows: Vec<String> = Vec::new();
    for id in exercises {
        if !rows.contains(id) {
            rows.push(id.clone());
        }
    }
    let others: BTreeSet<&String> = files
        .iter()
        .flat_map(|f| f.exercises_completed())
        .filter(|id| !rows.contains(id))
        .collect();
    rows.extend(others.into_iter().cloned());
    let shown = participants >= MIN_GROUP;
    let exercises = rows
        .into_iter()
        .map(|exercise| {
            let done = count(
                files
                    .iter()
                    .filter(|f| f.exercises_completed().contains(&exercise))
                    .count(),
            );
            let share = round1(f64::from(done) * 100.0 / f64::from(participants.max(1)));
            ExerciseCompletion {
                exercise,
                count: shown.then_some(done),
                share: shown.then_some(share),
            }
        })
        .collect();

    CohortSummary {
        programme_id: programme_id.to_owned(),
        participants,
        min_group: MIN_GROUP,
        stances,
        exercises,
    }
}

fn stance_cohort(stance: Stance, files: &[&ResultsFile]) -> StanceCohort {
    let score = |s: Option<&StanceScores>| s.and_then(|s| s.get(stance));
    let before: Vec<f64> = files.iter().filter_map(|f| score(f.pre())).collect();
    let after: Vec<f64> = files.iter().filter_map(|f| score(f.post())).collect();
    let pairs: Vec<(f64, f64)> = files
        .iter()
        .filter_map(|f| Some((score(f.pre())?, score(f.post())?)))
        .collect();
    let n = count(pairs.len());
    let change = (n >= MIN_GROUP).then(|| {
        let len = f64::from(n);
        let mean_before = pairs.iter().map(|p| p.0).sum::<f64>() / len;
        let mean_after = pairs.iter().map(|p| p.1).sum::<f64>() / len;
        let mean_change = mean_after - mean_before;
        let squares: f64 = pairs
            .iter()
            .map(|(b, a)| (a - b - mean_change).powi(2))
            .sum();
        StanceChange {
            mean_before: round1(mean_before),
            mean_after: round1(mean_after),
            mean_change: round1(mean_change),
            spread: round1((squares / (len - 1.0)).sqrt()),
        }
    });
    let before_counts = histogram(&before);
    let after_counts = histogram(&after);
    let withheld = |c: u32| (c >= MIN_GROUP).then_some(c);
    let buckets = (0u32..)
        .zip(before_counts.into_iter().zip(after_counts))
        .map(|(i, (before, after))| ScoreBucket {
            from: i * BUCKET_WIDTH,
            to: (i + 1) * BUCKET_WIDTH,
            before: withheld(before),
            after: withheld(after),
        })
        .collect();
    StanceCohort {
        stance,
        n,
        scored_before: count(before.len()),
        scored_after: count(after.len()),
        change,
        buckets,
    }
}

const BUCKETS: usize = 5;

fn histogram(scores: &[f64]) -> [u32; BUCKETS] {
    let mut counts = [0; BUCKETS];
    for score in scores {
        // Scores are on 0–100 (checked when a file is opened); 100 belongs to the last bucket.
        let index = ((score / f64::from(BUCKET_WIDTH)) as usize).min(BUCKETS - 1);
        counts[index] += 1;
    }
    counts
}

fn round1(x: f64) -> f64 {
    let r = (x * 10.0).round() / 10.0;
    // No "-0.0" in a table of changes.
    if r == 0.0 { 0.0 } else { r }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
