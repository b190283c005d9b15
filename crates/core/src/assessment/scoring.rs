//! Turning an answer sheet into numbers: the one scoring implementation the app, the CLI and the
//! history all use.
//!
//! Arithmetic is done in whole numbers and scores are kept in tenths of a point until the end, so the
//! result does not depend on the order answers are summed in, and a mirrored sheet gives an exactly
//! mirrored score. Rounding to one decimal sends halves to the even tenth for that reason.
//! Too few answers give no score (`None`), never an estimate.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::Key;
use super::{Instrument, ScoringError, Stance};

/// What a person answered. Items (stance and energy) share `answers`; a missing or `null` answer is
/// a skip. `scenarios` maps a scenario id to the chosen option id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AnswerSheet {
    #[serde(default)]
    pub answers: BTreeMap<String, Option<i64>>,
    #[serde(default)]
    pub scenarios: BTreeMap<String, String>,
}

/// Each stance's score on 0–100, one decimal; Null when too few of its items were answered.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StanceScores {
    pub front: Option<f64>,
    pub behind: Option<f64>,
    pub servant: Option<f64>,
}

impl StanceScores {
    pub fn get(&self, stance: Stance) -> Option<f64> {
        stance.pick(self.front, self.behind, self.servant)
    }
}

/// Each stance's share, in percent (one decimal), of the three scores' sum.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Balance {
    pub front: f64,
    pub behind: f64,
    pub servant: f64,
}

/// How many of a part's questions were answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Progress {
    pub answered: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AnswerCounts {
    pub front: Progress,
    pub behind: Progress,
    pub servant: Progress,
    pub energy: Progress,
    pub scenarios: Progress,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Scores {
    pub stances: StanceScores,
    /// Null when a stance has no score or all three are 0.
    pub balance: Option<Balance>,
    /// Percent of answered scenarios where the fitting stance was chosen; Null when fewer than half
    /// of the scenarios were answered.
    pub situational: Option<f64>,
    /// 0–100, higher is more rested; null like a stance score.
    pub energy: Option<f64>,
    pub answered: AnswerCounts,
}

/// The same scores in tenths of a point, for feedback rules that must compare them exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tenths {
    pub(super) stances: [Option<i64>; 3],
    pub(super) situational: Option<i64>,
    pub(super) energy: Option<i64>,
}

/// Scores an answer sheet. Fails on the first (in id order) unknown item, out-of-scale value,
/// unknown scenario or unknown option.
pub fn score(instrument: &Instrument, sheet: &AnswerSheet) -> Result<Scores, ScoringError> {
    score_tenths(instrument, sheet).map(|(scores, _)| scores)
}

/// A running sum of normalised answers (`x − min`, or `max − x` when reverse-keyed).
#[derive(Debug, Clone, Copy, Default)]
struct Sum {
    total: u32,
    answered: u32,
    points: i64,
}

impl Sum {
    fn progress(self) -> Progress {
        Progress {
            answered: self.answered,
            total: self.total,
        }
    }

    /// The 0–100 score in tenths, or `None` with fewer than two thirds of the items answered.
    fn tenths(self, span: i64) -> Option<i64> {
        let enough = self.total > 0 && u64::from(self.answered) * 3 >= u64::from(self.total) * 2;
        enough.then(|| tenths_of_percent(self.points, i64::from(self.answered) * span))
    }
}

pub(super) fn score_tenths(
    instrument: &Instrument,
    sheet: &AnswerSheet,
) -> Result<(Scores, Tenths), ScoringError> {
    let scale = instrument.scale();
    let span = scale.max - scale.min;
    let mut stances = [Sum::default(); 3];
    let mut energy = Sum::default();
    for item in instrument.items() {
        stances[item.stance.index()].total += 1;
    }
    energy.total = count(instrument.energy_items().len());

    for (id, value) in &sheet.answers {
        let key = instrument.answer_key(id, *value)?;
        let Some(value) = *value else { continue };
        let (sum, reverse) = match key {
            Key::Stance(stance, reverse) => (&mut stances[stance.index()], reverse),
            Key::Energy(reverse) => (&mut energy, reverse),
        };
        sum.answered += 1;
        sum.points += if reverse {
            scale.max - value
        } else {
            value - scale.min
        };
    }

    let mut chosen = Sum {
        total: count(instrument.scenarios().len()),
        ..Sum::default()
    };
    for (scenario_id, option_id) in &sheet.scenarios {
        let (scenario, option) = instrument.scenario_option(scenario_id, option_id)?;
        chosen.answered += 1;
        chosen.points += i64::from(option.stance == scenario.fitting);
    }

    let stance_tenths = stances.map(|s| s.tenths(span));
    let situational = (chosen.total > 0 && chosen.answered * 2 >= chosen.total)
        .then(|| tenths_of_percent(chosen.points, i64::from(chosen.answered)));
    let tenths = Tenths {
        stances: stance_tenths,
        situational,
        energy: energy.tenths(span),
    };

    let [front, behind, servant] = stance_tenths.map(|t| t.map(to_points));
    let scores = Scores {
        stances: StanceScores {
            front,
            behind,
            servant,
        },
        balance: balance(stance_tenths),
        situational: situational.map(to_points),
        energy: tenths.energy.map(to_points),
        answered: AnswerCounts {
            front: stances[0].progress(),
            behind: stances[1].progress(),
            servant: stances[2].progress(),
            energy: energy.progress(),
            scenarios: chosen.progress(),
        },
    };
    Ok((scores, tenths))
}

fn balance(tenths: [Option<i64>; 3]) -> Option<Balance> {
    let [front, behind, servant] = tenths;
    let (front, behind, servant) = (front?, behind?, servant?);
    let sum = front + behind + servant;
    (sum > 0).then(|| Balance {
        front: to_points(tenths_of_percent(front, sum)),
        behind: to_points(tenths_of_percent(behind, sum)),
        servant: to_points(tenths_of_percent(servant, sum)),
    })
}

fn count(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// `100 × part / whole`, in tenths of a point, halves rounded to even. `whole` must be positive.
pub(super) fn tenths_of_percent(part: i64, whole: i64) -> i64 {
    let scaled = i128::from(part) * 1000;
    let whole = i128::from(whole.max(1));
    let (quotient, remainder) = (scaled.div_euclid(whole), scaled.rem_euclid(whole));
    let rounded = match (remainder * 2).cmp(&whole) {
        std::cmp::Ordering::Less => quotient,
        std::cmp::Ordering::Greater => quotient + 1,
        std::cmp::Ordering::Equal => quotient + quotient.rem_euclid(2),
    };
    i64::try_from(rounded).unwrap_or(i64::MAX)
}

fn to_points(tenths: i64) -> f64 {
    tenths as f64 / 10.0
}
