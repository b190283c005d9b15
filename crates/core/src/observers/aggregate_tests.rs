//! Combining observers: hand-computed means and gaps, and the rule that a stance fewer than three
//! observers scored shows nothing but the count.

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::Value;

use super::aggregate::mean_tenths;
use super::fixtures::{answers, tiny};
use super::*;
use crate::assessment::{ScoringError, Stance, StanceScores};

const SELF: StanceScores = StanceScores {
    front: Some(50.0),
    behind: None,
    servant: Some(80.0),
};

/// Front 100, behind 50, servant 0 (two of three servant items: enough to score).
fn first() -> BTreeMap<String, Option<i64>> {
    answers(&[
        ("f1", 5),
        ("f2", 1),
        ("f3", 5),
        ("b1", 3),
        ("b2", 3),
        ("b3", 3),
        ("s1", 1),
        ("s2", 5),
    ])
}

/// Front 75, behind 100 (two of three), servant unscored (one of three, and a skip).
fn second() -> BTreeMap<String, Option<i64>> {
    answers(&[
        ("f1", 4),
        ("f2", 2),
        ("f3", 4),
        ("b1", 5),
        ("b2", 1),
        ("s1", 0),
        ("s3", 5),
    ])
}

/// Front 1 point of 12 = 8.3, behind 3 of 12 = 25, servant 100.
fn third() -> BTreeMap<String, Option<i64>> {
    answers(&[
        ("f1", 1),
        ("f2", 5),
        ("f3", 2),
        ("b1", 2),
        ("b2", 4),
        ("b3", 2),
        ("s1", 5),
        ("s2", 1),
        ("s3", 5),
    ])
}

fn summary(observers: &[BTreeMap<String, Option<i64>>]) -> ObserverSummary {
    match aggregate(&tiny(), &SELF, observers) {
        Ok(summary) => summary,
        Err(e) => panic!("valid answers must combine: {e}"),
    }
}

#[test]
fn with_three_observers_a_stance_shows_their_mean_and_the_gap() {
    let s = summary(&[first(), second(), third()]);
    assert_eq!(s.observers, 3);
    // (100 + 75 + 8.3) / 3 = 61.1; 61.1 − 50 = 11.1.
    assert_eq!(
        s.stances.front,
        StanceView::Shown {
            mean: 61.1,
            observers: 3,
            gap: Some(11.1),
        }
    );
    // (50 + 100 + 25) / 3 = 58.33…; no own score, so no gap.
    assert_eq!(
        s.stances.behind,
        StanceView::Shown {
            mean: 58.3,
            observers: 3,
            gap: None,
        }
    );
    // Only the first and third observers answered enough servant statements.
    assert_eq!(
        s.stances.servant,
        StanceView::Withheld {
            answered: 2,
            needed: 3,
        }
    );
}

#[test]
fn with_two_observers_every_stance_is_withheld() {
    let s = summary(&[first(), second()]);
    assert_eq!(s.observers, 2);
    assert_eq!(
        s.stances,
        ObserverStances {
            front: StanceView::Withheld {
                answered: 2,
                needed: 3
            },
            behind: StanceView::Withheld {
                answered: 2,
                needed: 3
            },
            servant: StanceView::Withheld {
                answered: 1,
                needed: 3
            },
        }
    );
}

#[test]
fn the_gap_is_negative_when_others_see_less_than_the_person() {
    let s = summary(&[first(), third(), third(), first()]);
    // Servant: (0 + 100 + 100 + 0) / 4 = 50; 50 − 80 = −30.
    assert_eq!(
        s.stances.get(Stance::Servant),
        StanceView::Shown {
            mean: 50.0,
            observers: 4,
            gap: Some(-30.0),
        }
    );
    // Front: (100 + 8.3 + 8.3 + 100) / 4 = 54.15, half to the even tenth: 54.2; gap 4.2.
    assert_eq!(
        s.stances.front,
        StanceView::Shown {
            mean: 54.2,
            observers: 4,
            gap: Some(4.2),
        }
    );
}

#[test]
fn means_round_half_to_the_even_tenth_whatever_the_order() {
    assert_eq!(mean_tenths(&[0, 0, 0, 2]), 0); // 0.5 tenths → 0
    assert_eq!(mean_tenths(&[0, 0, 0, 6]), 2); // 1.5 tenths → 2
    assert_eq!(mean_tenths(&[6, 0, 0, 0]), 2);
    assert_eq!(mean_tenths(&[1000, 1000, 1]), 667);
}

#[test]
fn an_observer_with_no_answers_counts_but_scores_nothing() {
    let s = summary(&[first(), second(), BTreeMap::new()]);
    assert_eq!(s.observers, 3);
    assert_eq!(
        s.stances.front,
        StanceView::Withheld {
            answered: 2,
            needed: 3
        }
    );
}

#[test]
fn answers_off_the_form_or_the_scale_name_the_observer() {
    let instrument = tiny();
    let energy = answers(&[("f1", 3), ("energy-01", 4)]);
    assert_eq!(
        aggregate(&instrument, &SELF, &[first(), energy]),
        Err(ObserverError::NotOnTheForm {
            observer: 2,
            id: "energy-01".into()
        })
    );
    let off_scale = answers(&[("f1", 9)]);
    let Err(e) = aggregate(&instrument, &SELF, &[off_scale]) else {
        panic!("a value off the scale was accepted");
    };
    assert_eq!(
        e,
        ObserverError::Answers {
            observer: 1,
            source: ScoringError::OutOfScale {
                id: "f1".into(),
                value: 9,
                min: 1,
                max: 5
            }
        }
    );
    assert_eq!(
        e.to_string(),
        "observer 1's answers: the answer 9 to item \"f1\" is outside the scale 1 to 5"
    );
}

/// Every number anywhere in the value, with the key it is under.
fn numbers<'a>(value: &'a Value, key: &'a str, out: &mut Vec<(&'a str, &'a Value)>) {
    match value {
        Value::Number(_) => out.push((key, value)),
        Value::Array(items) => items.iter().for_each(|v| numbers(v, key, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| numbers(v, k, out)),
        _ => {}
    }
}

fn answer_set() -> impl Strategy<Value = BTreeMap<String, Option<i64>>> {
    let ids = ["f1", "f2", "f3", "b1", "b2", "b3", "s1", "s2", "s3"];
    proptest::collection::vec(proptest::option::of(1i64..=5), ids.len()).prop_map(move |values| {
        ids.iter()
            .zip(values)
            .map(|(id, value)| ((*id).to_owned(), value))
            .collect()
    })
}

fn own_score() -> impl Strategy<Value = Option<f64>> {
    proptest::option::of((0i64..=1000).prop_map(|t| t as f64 / 10.0))
}

proptest! {
    /// With fewer than three observers the output holds counts and nothing else: no key of a
    /// score, and no number other than a whole count of at most two observers or the three needed.
    #[test]
    fn fewer_than_three_observers_never_reveal_a_score(
        observers in proptest::collection::vec(answer_set(), 0..3),
        front in own_score(),
        behind in own_score(),
        servant in own_score(),
    ) {
        let own = StanceScores { front, behind, servant };
        let summary = aggregate(&tiny(), &own, &observers);
        prop_assert!(summary.is_ok(), "{summary:?}");
        let json = serde_json::to_value(summary.ok()).unwrap_or_default();
        let text = json.to_string();
        for word in ["mean", "gap", "min", "max", "score", "shown"] {
            prop_assert!(!text.contains(word), "{word} in {text}");
        }
        let mut found = Vec::new();
        numbers(&json, "", &mut found);
        prop_assert_eq!(found.len(), 7, "{}", text);
        for (key, number) in found {
            let count = number.as_u64();
            match key {
                "needed" => prop_assert_eq!(count, Some(3)),
                "answered" | "observers" => prop_assert!(count.is_some_and(|c| c < 3), "{text}"),
                other => prop_assert!(false, "unexpected number under {other:?}: {text}"),
            }
        }
    }

    /// With three or more observers, a shown stance is always over at least three of them.
    #[test]
    fn a_shown_stance_is_over_at_least_three_observers(
        observers in proptest::collection::vec(answer_set(), 3..7),
    ) {
        let summary = aggregate(&tiny(), &SELF, &observers);
        let Ok(summary) = summary else {
            return Err(TestCaseError::fail(format!("{summary:?}")));
        };
        for stance in Stance::ALL {
            match summary.stances.get(stance) {
                StanceView::Shown { observers, mean, .. } => {
                    prop_assert!(observers >= 3);
                    prop_assert!((0.0..=100.0).contains(&mean));
                }
                StanceView::Withheld { answered, needed } => {
                    prop_assert!(answered < needed);
                }
            }
        }
    }
}
