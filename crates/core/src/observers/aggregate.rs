//! Combining observers' answers into one view per stance, with the rule that keeps observers
//! anonymous: a stance fewer than [`MIN_OBSERVERS`] observers scored shows only how many did.
//!
//! Each observer is scored exactly like a self-assessment restricted to the Likert items (same
//! reverse keying, same "two thirds of a stance's items" rule for skips), so a self score and the
//! observers' mean are on the same 0–100 scale and their difference means something. Arithmetic is
//! in tenths of a point, like scoring, so the result does not depend on the observers' order.
//!
//! A shown stance has no lowest or highest observer score on purpose: with three observers, the
//! mean, lowest and highest together give away every observer's score.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ObserverError;
use crate::assessment::{AnswerSheet, Instrument, Stance, StanceScores, score};

/// The fewest observers whose answers a stance's result may be computed from. With two, a person
/// who knows one observer's answers (their own) could work out the other's; the best 360 tools
/// (e.g. the LPI) use three for the same reason.
pub const MIN_OBSERVERS: u32 = 3;

/// What observers' answers say about one stance.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum StanceView {
    /// Too few observers scored this stance to show anything but the count: no score, mean or range
    /// is computed into this value, so nothing can leak through it.
    Withheld {
        /// Observers who answered enough of the stance's statements to be scored.
        answered: u32,
        /// How many must have, always [`MIN_OBSERVERS`].
        needed: u32,
    },
    /// At least [`MIN_OBSERVERS`] observers scored the stance.
    Shown {
        /// The observers' scores' mean on 0–100, one decimal (halves to the even tenth).
        mean: f64,
        /// How many observers the mean is over.
        observers: u32,
        /// `mean − self score`: positive when others see more of the stance than the person does.
        /// Null when the person's own score for the stance is missing.
        gap: Option<f64>,
    },
}

/// One [`StanceView`] per stance.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ObserverStances {
    pub front: StanceView,
    pub behind: StanceView,
    pub servant: StanceView,
}

impl ObserverStances {
    /// The view of one stance, for code that loops over [`Stance::ALL`].
    pub fn get(&self, stance: Stance) -> StanceView {
        stance.pick(self.front, self.behind, self.servant)
    }
}

/// The observers' side of a self-versus-others comparison.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ObserverSummary {
    /// How many answer sets were combined (some may have scored no stance at all).
    pub observers: u32,
    pub stances: ObserverStances,
}

/// Scores each observer's answers (item id → value, `None` a skip) and combines them per stance,
/// comparing with the person's own `self_scores`. Fails on an id that is not a Likert item of the
/// instrument or a value off its scale, naming the observer by place (from 1).
pub fn aggregate(
    instrument: &Instrument,
    self_scores: &StanceScores,
    observers: &[BTreeMap<String, Option<i64>>],
) -> Result<ObserverSummary, ObserverError> {
    // Per stance, in `Stance::ALL` order: the tenths of every observer who could be scored.
    let mut scored: [Vec<i64>; 3] = Default::default();
    for (place, answers) in observers.iter().enumerate() {
        let observer = place + 1;
        if let Some(id) = answers
            .keys()
            .find(|id| !instrument.items().iter().any(|item| &item.id == *id))
        {
            return Err(ObserverError::NotOnTheForm {
                observer,
                id: id.clone(),
            });
        }
        let sheet = AnswerSheet {
            answers: answers.clone(),
            scenarios: BTreeMap::new(),
        };
        let scores = score(instrument, &sheet)
            .map_err(|source| ObserverError::Answers { observer, source })?;
        for (slot, stance) in scored.iter_mut().zip(Stance::ALL) {
            if let Some(points) = scores.stances.get(stance) {
                slot.push(to_tenths(points));
            }
        }
    }
    let [front, behind, servant] = scored;
    Ok(ObserverSummary {
        observers: count(observers.len()),
        stances: ObserverStances {
            front: view(&front, self_scores.front),
            behind: view(&behind, self_scores.behind),
            servant: view(&servant, self_scores.servant),
        },
    })
}

fn view(tenths: &[i64], self_score: Option<f64>) -> StanceView {
    let answered = count(tenths.len());
    if answered < MIN_OBSERVERS {
        return StanceView::Withheld {
            answered,
            needed: MIN_OBSERVERS,
        };
    }
    let mean = mean_tenths(tenths);
    StanceView::Shown {
        mean: to_points(mean),
        observers: answered,
        gap: self_score.map(|own| to_points(mean - to_tenths(own))),
    }
}

/// The mean of whole tenths, rounded to a whole tenth with halves to the even one. `tenths` is
/// never empty here (at least [`MIN_OBSERVERS`] values).
pub(super) fn mean_tenths(tenths: &[i64]) -> i64 {
    let sum: i128 = tenths.iter().map(|t| i128::from(*t)).sum();
    let n = i128::try_from(tenths.len()).unwrap_or(i128::MAX).max(1);
    let (quotient, remainder) = (sum.div_euclid(n), sum.rem_euclid(n));
    let rounded = match (remainder * 2).cmp(&n) {
        std::cmp::Ordering::Less => quotient,
        std::cmp::Ordering::Greater => quotient + 1,
        std::cmp::Ordering::Equal => quotient + quotient.rem_euclid(2),
    };
    i64::try_from(rounded).unwrap_or(i64::MAX)
}

/// Scores are kept to one decimal, so this is exact for every score scoring produces.
fn to_tenths(points: f64) -> i64 {
    (points * 10.0).round() as i64
}

fn to_points(tenths: i64) -> f64 {
    tenths as f64 / 10.0
}

fn count(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}
