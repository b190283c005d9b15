//! Scoring and feedback, checked against hand-computed examples on the tiny fixture (scale 1–5,
//! items f1 f2ʳ f3 / b1 b2ʳ b3 / s1 s2ʳ s3, energy e1 e2ʳ e3; ʳ = reverse-keyed), and by properties.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::fixtures::{FILE, tiny, tiny_instrument};
use super::*;

fn sheet(answers: &[(&str, Option<i64>)], scenarios: &[(&str, &str)]) -> AnswerSheet {
    AnswerSheet {
        answers: answers
            .iter()
            .map(|(id, v)| ((*id).to_owned(), *v))
            .collect(),
        scenarios: scenarios
            .iter()
            .map(|(s, o)| ((*s).to_owned(), (*o).to_owned()))
            .collect(),
    }
}

fn scores(answers: &[(&str, Option<i64>)], scenarios: &[(&str, &str)]) -> Scores {
    match score(&tiny_instrument(), &sheet(answers, scenarios)) {
        Ok(scores) => scores,
        Err(e) => panic!("{e}"),
    }
}

fn result(answers: &[(&str, Option<i64>)]) -> AssessmentResult {
    match evaluate(&tiny_instrument(), &sheet(answers, &[])) {
        Ok(result) => result,
        Err(e) => panic!("{e}"),
    }
}

/// Answers giving front, behind and servant these normalised sums out of 12 (each item 0–4).
fn stance_points(front: i64, behind: i64, servant: i64) -> Vec<(&'static str, Option<i64>)> {
    let mut answers = Vec::new();
    for (points, ids) in [
        (front, ["f1", "f2", "f3"]),
        (behind, ["b1", "b2", "b3"]),
        (servant, ["s1", "s2", "s3"]),
    ] {
        let mut left = points;
        for (i, id) in ids.into_iter().enumerate() {
            let p = left.min(4);
            left -= p;
            // The second item of each stance is reverse-keyed: p points need the answer 5 − p.
            answers.push((id, Some(if i == 1 { 5 - p } else { 1 + p })));
        }
    }
    answers
}

#[test]
fn top_answers_on_plain_items_and_bottom_on_reversed_give_100() {
    let s = scores(&[("f1", Some(5)), ("f2", Some(1)), ("f3", Some(5))], &[]);
    assert_eq!(s.stances.front, Some(100.0));
}

#[test]
fn a_reversed_answer_counts_as_min_plus_max_minus_x() {
    // f1 = 4 → 3 points, f2 = 2 reversed → 4 → 3 points, f3 = 1 → 0 points: 6 of 12 = 50.
    let s = scores(&[("f1", Some(4)), ("f2", Some(2)), ("f3", Some(1))], &[]);
    assert_eq!(s.stances.front, Some(50.0));
}

#[test]
fn scores_are_rounded_to_one_decimal() {
    // 1 point of 12 = 8.333… → 8.3; 2 of 12 = 16.666… → 16.7.
    let s = scores(&stance_points(1, 2, 0), &[]);
    assert_eq!(
        (s.stances.front, s.stances.behind, s.stances.servant),
        (Some(8.3), Some(16.7), Some(0.0))
    );
}

#[test]
fn exactly_two_thirds_answered_is_enough_and_less_is_not() {
    // Two of three items: f1 = 5 → 4 points, f2 = 5 reversed → 0 points: 4 of 8 = 50.
    let s = scores(&[("f1", Some(5)), ("f2", Some(5)), ("f3", None)], &[]);
    assert_eq!(s.stances.front, Some(50.0));
    assert_eq!(
        s.answered.front,
        Progress {
            answered: 2,
            total: 3
        }
    );
    let s = scores(&[("f1", Some(5)), ("f2", None)], &[]);
    assert_eq!(s.stances.front, None, "one of three is not enough");
    assert_eq!(s.balance, None, "no balance without all three stances");
}

#[test]
fn balance_is_each_stance_share_of_the_sum() {
    let s = scores(&stance_points(12, 6, 6), &[]);
    assert_eq!(
        s.balance,
        Some(Balance {
            front: 50.0,
            behind: 25.0,
            servant: 25.0
        })
    );
    let s = scores(&stance_points(0, 0, 0), &[]);
    assert_eq!(s.balance, None, "all zero has no shares");
}

#[test]
fn situational_score_needs_half_the_scenarios() {
    let s = scores(&[], &[("walk", "b"), ("fire", "c")]);
    assert_eq!(
        s.situational,
        Some(50.0),
        "walk fits behind (chosen), fire fits front (not chosen)"
    );
    let s = scores(&[], &[("walk", "b"), ("fire", "a"), ("talk", "a")]);
    assert_eq!(s.situational, Some(66.7));
    let s = scores(&[], &[("talk", "c")]);
    assert_eq!(s.situational, None, "one of three is fewer than half");
    assert_eq!(
        s.answered.scenarios,
        Progress {
            answered: 1,
            total: 3
        }
    );
}

#[test]
fn energy_is_scored_like_a_stance() {
    // e1 = 5 → 4, e2 = 4 reversed → 1, e3 = 3 → 2: 7 of 12 = 58.3.
    let s = scores(&[("e1", Some(5)), ("e2", Some(4)), ("e3", Some(3))], &[]);
    assert_eq!(s.energy, Some(58.3));
    assert_eq!(scores(&[("e1", Some(5))], &[]).energy, None);
}

#[test]
fn faulty_answers_are_refused_by_name() {
    let i = tiny_instrument();
    let fails = |answers: &[(&str, Option<i64>)], scenarios: &[(&str, &str)]| {
        score(&i, &sheet(answers, scenarios)).err()
    };
    assert_eq!(
        fails(&[("zz", Some(3))], &[]),
        Some(ScoringError::UnknownItem { id: "zz".into() })
    );
    let out = ScoringError::OutOfScale {
        id: "f1".into(),
        value: 6,
        min: 1,
        max: 5,
    };
    assert_eq!(fails(&[("f1", Some(6))], &[]), Some(out));
    assert!(matches!(
        fails(&[("e1", Some(0))], &[]),
        Some(ScoringError::OutOfScale { value: 0, .. })
    ));
    assert_eq!(
        fails(&[], &[("swim", "a")]),
        Some(ScoringError::UnknownScenario { id: "swim".into() })
    );
    let option = ScoringError::UnknownOption {
        scenario: "walk".into(),
        option: "d".into(),
    };
    assert_eq!(fails(&[], &[("walk", "d")]), Some(option));
    let message = fails(&[("f1", Some(9))], &[])
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        message.contains("\"f1\"") && message.contains('9'),
        "{message}"
    );
}

#[test]
fn answers_for_another_instrument_or_version_are_refused() {
    let i = tiny_instrument();
    assert_eq!(i.check_identity("tiny", 1), Ok(()));
    assert!(i.check_identity("tiny", 2).is_err());
    assert!(i.check_identity("leadback-core", 1).is_err());
}

#[test]
fn the_profile_is_the_label_of_the_stances_within_the_margin_of_the_top() {
    assert_eq!(result(&stance_points(12, 0, 0)).profile.id, "f");
    // 75 is exactly 25 (the margin) below 100: it leads too.
    assert_eq!(result(&stance_points(12, 9, 0)).profile.id, "fb");
    assert_eq!(
        result(&stance_points(12, 8, 0)).profile.id,
        "f",
        "66.7 is more than 25 below"
    );
    assert_eq!(result(&stance_points(0, 4, 6)).profile.id, "bs");
    assert_eq!(result(&stance_points(6, 6, 6)).profile.id, "fbs");
    let fs = result(&stance_points(10, 0, 12)).profile;
    assert_eq!(
        (fs.id.as_str(), fs.leading),
        ("fs", vec![Stance::Front, Stance::Servant])
    );
    let incomplete = result(&[("f1", Some(3))]);
    assert_eq!(incomplete.profile.id, "incomplete");
    assert!(incomplete.stances.iter().all(|s| s.band.is_none()));
    assert_eq!(incomplete.not_enough_answers, "Not enough answers.");
}

#[test]
fn a_score_on_a_band_boundary_belongs_to_the_upper_band() {
    let r = result(&stance_points(6, 12, 0));
    let bands: Vec<Option<&str>> = r
        .stances
        .iter()
        .map(|s| s.band.as_ref().map(|b| b.id.as_str()))
        .collect();
    assert_eq!(
        bands,
        [Some("high"), Some("high"), Some("low")],
        "50 → high, 100 → high, 0 → low"
    );
    let front = &r.stances[0];
    assert_eq!(front.stance, Stance::Front);
    assert_eq!(
        front.band.as_ref().map(|b| b.narrative.as_str()),
        Some("Often in front.")
    );
}

#[test]
fn suggestions_come_from_the_first_matching_rule() {
    let front_led = stance_points(12, 0, 0);
    let tired = [
        front_led.clone(),
        vec![("e1", Some(1)), ("e2", Some(5)), ("e3", Some(1))],
    ]
    .concat();
    let rested = [
        front_led.clone(),
        vec![("e1", Some(5)), ("e2", Some(1)), ("e3", Some(3))],
    ]
    .concat();
    assert_eq!(
        result(&tired).suggestions.exercises,
        ["rest-and-recharge", "walk-at-the-back"]
    );
    assert_eq!(result(&tired).energy.map(|b| b.id), Some("low".into()));
    assert_eq!(
        result(&rested).suggestions.exercises,
        ["walk-at-the-back", "listen-first"]
    );
    assert_eq!(
        result(&front_led).suggestions.exercises,
        ["walk-at-the-back", "listen-first"],
        "no energy score never counts as low"
    );
    let fallback = result(&stance_points(0, 12, 0)).suggestions;
    assert_eq!(
        fallback.habits,
        ["share-the-goal", "praise-a-contribution", "real-break"]
    );
}

/// The fixture with every front item reverse-keyed.
fn all_front_reversed() -> Instrument {
    let text = tiny()
        .replace(
            "id = \"f1\"\nstance = \"front\"\n",
            "id = \"f1\"\nstance = \"front\"\nreverse = true\n",
        )
        .replace(
            "id = \"f3\"\nstance = \"front\"\n",
            "id = \"f3\"\nstance = \"front\"\nreverse = true\n",
        );
    match Instrument::parse(FILE, &text) {
        Ok(i)
            if i.items()
                .iter()
                .filter(|it| it.stance == Stance::Front)
                .all(|it| it.reverse) =>
        {
            i
        }
        other => panic!("the all-reversed fixture: {other:?}"),
    }
}

const ITEM_IDS: [&str; 12] = [
    "f1", "f2", "f3", "b1", "b2", "b3", "s1", "s2", "s3", "e1", "e2", "e3",
];

fn any_sheet() -> impl Strategy<Value = AnswerSheet> {
    let answers =
        proptest::collection::vec(proptest::option::weighted(0.8, 1i64..=5), ITEM_IDS.len());
    let choices = proptest::collection::vec(proptest::option::of(prop_oneof!["a", "b", "c"]), 3);
    (answers, choices).prop_map(|(answers, choices)| AnswerSheet {
        answers: ITEM_IDS
            .iter()
            .map(|id| (*id).to_owned())
            .zip(answers)
            .collect(),
        scenarios: ["walk", "fire", "talk"]
            .into_iter()
            .zip(choices)
            .filter_map(|(s, c)| c.map(|c| (s.to_owned(), c)))
            .collect(),
    })
}

fn in_range(score: Option<f64>) -> bool {
    score.is_none_or(|s| (0.0..=100.0).contains(&s))
}

proptest! {
    #[test]
    fn every_score_stays_within_0_and_100(sheet in any_sheet()) {
        let s = score(&tiny_instrument(), &sheet).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let st = s.stances;
        for value in [st.front, st.behind, st.servant, s.situational, s.energy] {
            prop_assert!(in_range(value), "{value:?}");
        }
        if let Some(b) = s.balance {
            for share in [b.front, b.behind, b.servant] {
                prop_assert!((0.0..=100.0).contains(&share));
            }
            prop_assert!((b.front + b.behind + b.servant - 100.0).abs() <= 0.2);
        }
    }

    #[test]
    fn reversing_every_answer_of_an_all_reversed_stance_mirrors_its_score(
        values in proptest::collection::vec(proptest::option::of(1i64..=5), 3),
    ) {
        let instrument = all_front_reversed();
        let ids = ["f1", "f2", "f3"];
        let make = |flip: bool| AnswerSheet {
            answers: ids.iter().zip(&values).map(|(id, v)| ((*id).to_owned(), v.map(|x| if flip { 1 + 5 - x } else { x }))).collect(),
            scenarios: BTreeMap::new(),
        };
        // Compared in tenths: the scores are exact to one decimal, their f64 difference need not be.
        let front = |sheet: &AnswerSheet| {
            score(&instrument, sheet).map(|s| s.stances.front.map(|v| (v * 10.0).round() as i64))
        };
        let (plain, flipped) = (front(&make(false)), front(&make(true)));
        prop_assert_eq!(flipped, plain.map(|t| t.map(|t| 1000 - t)));
    }

    #[test]
    fn the_order_answers_arrive_in_changes_nothing(
        (pairs, shuffled) in proptest::collection::vec(1i64..=5, ITEM_IDS.len())
            .prop_map(|v| ITEM_IDS.iter().map(|id| (*id).to_owned()).zip(v).collect::<Vec<_>>())
            .prop_flat_map(|pairs| (Just(pairs.clone()), Just(pairs).prop_shuffle())),
    ) {
        let build = |pairs: &[(String, i64)]| {
            let mut sheet = AnswerSheet::default();
            for (id, v) in pairs {
                sheet.answers.insert(id.clone(), Some(*v));
            }
            sheet
        };
        let i = tiny_instrument();
        prop_assert_eq!(evaluate(&i, &build(&pairs)), evaluate(&i, &build(&shuffled)));
    }

    #[test]
    fn the_same_input_gives_the_same_result(sheet in any_sheet()) {
        let (a, b) = (tiny_instrument(), tiny_instrument());
        prop_assert_eq!(evaluate(&a, &sheet), evaluate(&b, &sheet.clone()));
    }
}

#[test]
fn halves_round_to_the_even_tenth_so_mirrored_scores_stay_exact() {
    use super::scoring::tenths_of_percent;
    // 1/16 = 6.25 % and 15/16 = 93.75 %: 62.5 and 937.5 tenths, rounded to 62 and 938 (sum 1000).
    assert_eq!(tenths_of_percent(1, 16), 62);
    assert_eq!(tenths_of_percent(15, 16), 938);
    assert_eq!(tenths_of_percent(3, 16), 188);
    assert_eq!(tenths_of_percent(0, 7), 0);
    assert_eq!(tenths_of_percent(7, 7), 1000);
}
