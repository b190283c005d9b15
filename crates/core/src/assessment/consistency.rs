//! Internal consistency: how well a stance's items agree with each other across the assessments in
//! one database, as Cronbach's alpha. Shown to coaches once there are enough assessments, and always
//! labelled as local: it describes these answers, not the instrument in general.
//!
//! Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests. Psychometrika,
//! 16(3), 297–334: α = k / (k − 1) · (1 − Σ σ²ᵢ / σ²ₜ), where k is the number of items, σ²ᵢ the
//! variance of item i across respondents and σ²ₜ the variance of the respondents' totals.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{AnswerSheet, Instrument, Stance};

/// Fewer complete assessments than this and alpha is not shown.
pub const MIN_ASSESSMENTS: usize = 10;

/// Cronbach's alpha of `rows` (one row per respondent, one value per item, every row as long as
/// the first). None with fewer than two items or two respondents, or when the totals do not vary.
pub fn cronbach_alpha(rows: &[Vec<f64>]) -> Option<f64> {
    let k = rows.first()?.len();
    if k < 2 || rows.len() < 2 || rows.iter().any(|r| r.len() != k) {
        return None;
    }
    let item_variances: f64 = (0..k).map(|i| variance(rows.iter().map(|r| r[i]))).sum();
    let total_variance = variance(rows.iter().map(|r| r.iter().sum::<f64>()));
    if total_variance <= f64::EPSILON {
        return None;
    }
    let k = k as f64;
    Some(k / (k - 1.0) * (1.0 - item_variances / total_variance))
}

/// Sample variance (n − 1); the ratio in alpha is the same with either definition.
fn variance(values: impl Iterator<Item = f64> + Clone) -> f64 {
    let n = values.clone().count() as f64;
    let mean = values.clone().sum::<f64>() / n;
    values.map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0)
}

/// Alpha for one stance, or why there is none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StanceConsistency {
    pub stance: Stance,
    /// The stance's items.
    pub items: usize,
    /// Assessments that answered every one of them (only those count).
    pub assessments: usize,
    /// None below [`MIN_ASSESSMENTS`] or when the answers do not vary.
    pub alpha: Option<f64>,
}

/// Alpha per stance over `sheets`, all taken with `instrument`. Reverse-keyed items are turned
/// round first, as scoring does; an assessment that skipped any item of a stance is left out of
/// that stance.
pub fn consistency(instrument: &Instrument, sheets: &[AnswerSheet]) -> Vec<StanceConsistency> {
    let scale = instrument.scale();
    [Stance::Front, Stance::Behind, Stance::Servant]
        .into_iter()
        .map(|stance| {
            let items: Vec<_> = instrument
                .items()
                .iter()
                .filter(|i| i.stance == stance)
                .collect();
            let rows: Vec<Vec<f64>> = sheets
                .iter()
                .filter_map(|sheet| {
                    items
                        .iter()
                        .map(|item| {
                            let value = sheet.answers.get(&item.id).copied().flatten()?;
                            let keyed = if item.reverse {
                                scale.min + scale.max - value
                            } else {
                                value
                            };
                            Some(keyed as f64)
                        })
                        .collect::<Option<Vec<f64>>>()
                })
                .collect();
            let alpha = if rows.len() >= MIN_ASSESSMENTS {
                cronbach_alpha(&rows)
            } else {
                None
            };
            StanceConsistency {
                stance,
                items: items.len(),
                assessments: rows.len(),
                alpha,
            }
        })
        .collect()
}

/// Alpha per stance for one instrument version over every complete assessment in this database,
/// with what the UI needs to say how many more are wanted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InstrumentConsistency {
    pub instrument_id: String,
    pub instrument_version: u32,
    pub title: String,
    /// Complete assessments a stance needs before its alpha is shown ([`MIN_ASSESSMENTS`]).
    pub min_assessments: usize,
    /// Finished assessments on this version in the database, complete or not.
    pub finished: usize,
    pub stances: Vec<StanceConsistency>,
}

/// [`consistency`] for `instrument`, labelled with the instrument and the counts.
pub fn instrument_consistency(
    instrument: &Instrument,
    sheets: &[AnswerSheet],
) -> InstrumentConsistency {
    InstrumentConsistency {
        instrument_id: instrument.id().to_owned(),
        instrument_version: instrument.version(),
        title: instrument.view().title.clone(),
        min_assessments: MIN_ASSESSMENTS,
        finished: sheets.len(),
        stances: consistency(instrument, sheets),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::builtin;

    #[test]
    fn alpha_matches_a_hand_computed_example() {
        // Three items, four respondents:
        //   R1 1 2 2 (total 5), R2 2 3 3 (8), R3 3 3 4 (10), R4 4 4 5 (13).
        // Item variances (n − 1): 5/3, 2/3, 5/3, summing to 4. Totals: mean 9, squared deviations
        // 16 + 1 + 1 + 16 = 34, variance 34/3. α = 3/2 · (1 − 4 / (34/3)) = 3/2 · 22/34 = 33/34.
        let rows = vec![
            vec![1.0, 2.0, 2.0],
            vec![2.0, 3.0, 3.0],
            vec![3.0, 3.0, 4.0],
            vec![4.0, 4.0, 5.0],
        ];
        let alpha = cronbach_alpha(&rows).unwrap();
        assert!((alpha - 33.0 / 34.0).abs() < 1e-12, "{alpha}");
    }

    #[test]
    fn items_that_disagree_give_a_low_or_negative_alpha() {
        // The second item runs against the first: totals hardly vary, the items a lot.
        let rows = vec![
            vec![1.0, 5.0],
            vec![2.0, 4.0],
            vec![4.0, 2.0],
            vec![5.0, 1.0],
        ];
        assert!(
            cronbach_alpha(&rows).is_none(),
            "totals are all 6: no variance"
        );
        let rows = vec![
            vec![1.0, 5.0],
            vec![2.0, 4.0],
            vec![4.0, 3.0],
            vec![5.0, 1.0],
        ];
        assert!(cronbach_alpha(&rows).unwrap() < 0.0);
    }

    #[test]
    fn no_alpha_for_one_item_one_respondent_or_ragged_rows() {
        assert_eq!(cronbach_alpha(&[]), None);
        assert_eq!(cronbach_alpha(&[vec![1.0], vec![2.0]]), None);
        assert_eq!(cronbach_alpha(&[vec![1.0, 2.0]]), None);
        assert_eq!(cronbach_alpha(&[vec![1.0, 2.0], vec![1.0]]), None);
    }

    fn sheet(instrument: &Instrument, seed: i64, skip_front: bool) -> AnswerSheet {
        let mut sheet = AnswerSheet::default();
        for (n, item) in (0i64..).zip(instrument.items()) {
            // A respondent's level plus a little per-item spread, keyed as the item asks.
            let level = 1 + (seed % 4) + (n % 2);
            let raw = if item.reverse { 6 - level } else { level };
            let value = if skip_front && item.stance == Stance::Front {
                None
            } else {
                Some(raw.clamp(1, 5))
            };
            sheet.answers.insert(item.id.clone(), value);
        }
        sheet
    }

    #[test]
    fn per_stance_it_needs_ten_complete_assessments_and_turns_reverse_items_round() {
        let instrument = builtin().unwrap();
        let nine: Vec<_> = (0..9).map(|s| sheet(&instrument, s, false)).collect();
        let result = consistency(&instrument, &nine);
        assert!(
            result
                .iter()
                .all(|c| c.alpha.is_none() && c.assessments == 9)
        );

        let mut twelve: Vec<_> = (0..12).map(|s| sheet(&instrument, s, false)).collect();
        // Two that skipped front items count for the other stances only.
        twelve.push(sheet(&instrument, 3, true));
        twelve.push(sheet(&instrument, 5, true));
        let result = consistency(&instrument, &twelve);
        let front = result.iter().find(|c| c.stance == Stance::Front).unwrap();
        let behind = result.iter().find(|c| c.stance == Stance::Behind).unwrap();
        assert_eq!(front.assessments, 12);
        assert_eq!(behind.assessments, 14);
        assert!(front.items >= 2);
        // Each respondent answers every item of a stance at nearly one level once reverse items
        // are turned round: the items agree strongly. Were they not turned round, they would not.
        for c in &result {
            assert!(c.alpha.unwrap() > 0.8, "{c:?}");
        }
    }
    #[test]
    fn identical_answers_everywhere_give_no_alpha() {
        // Every respondent answered 3 to every item: no variance in the totals, nothing to divide by.
        let rows = vec![vec![3.0; 4]; 12];
        assert_eq!(cronbach_alpha(&rows), None);
    }

    #[test]
    fn a_custom_instrument_is_labelled_and_counts_what_it_needs() {
        let text = include_str!("../../../../tests/fixtures/instruments/team-pulse.toml");
        let instrument = Instrument::parse("team-pulse.toml", text).unwrap();
        let sheets: Vec<_> = (0..10).map(|s| sheet(&instrument, s, s == 0)).collect();
        let result = instrument_consistency(&instrument, &sheets);
        assert_eq!(
            (result.instrument_id.as_str(), result.instrument_version),
            ("team-pulse", 1)
        );
        assert_eq!((result.min_assessments, result.finished), (10, 10));
        let front = &result.stances[0];
        // One of the ten skipped the front items: nine complete, so no alpha for front yet.
        assert_eq!(
            (front.stance, front.items, front.assessments),
            (Stance::Front, 3, 9)
        );
        assert_eq!(front.alpha, None);
        assert!(result.stances[1].alpha.is_some());
    }
}
