//! The shipped instrument: it must parse, and it must meet the content rules of the product brief
//! (enough items per stance, enough of them reverse-keyed, the scenarios the texts describe, a short
//! energy section, every text traced to a source, suggestions naming real habits and exercises).

use std::collections::BTreeSet;

use super::*;

fn core() -> Instrument {
    match builtin() {
        Ok(instrument) => instrument,
        Err(e) => panic!("the built-in instrument must parse:\n{e}"),
    }
}

/// Habit and exercise ids the habits and exercises libraries are built around (one measurable).
const HABITS: [&str; 9] = [
    "let-others-go-first",
    "minutes-listening-first",
    "listen-before-speaking",
    "ask-before-telling",
    "back-of-the-walk",
    "first-step-to-them",
    "praise-a-contribution",
    "share-the-goal",
    "real-break",
];
const EXERCISES: [&str; 8] = [
    "walk-at-the-back",
    "listen-first",
    "let-them-go-first-at-work",
    "rest-and-recharge",
    "shepherds-debrief",
    "when-would-i-step-in",
    "collective-genius",
    "praise-and-recognition",
];

#[test]
fn the_builtin_instrument_is_leadback_core_version_1() {
    let i = core();
    assert_eq!((i.id(), i.version()), ("leadback-core", 1));
    assert_eq!(
        (i.scale().min, i.scale().max, i.scale().labels.len()),
        (1, 5, 5)
    );
}

#[test]
fn each_stance_has_at_least_8_items_and_a_quarter_reverse_keyed() {
    let i = core();
    for stance in Stance::ALL {
        let items: Vec<&Item> = i.items().iter().filter(|it| it.stance == stance).collect();
        let reverse = items.iter().filter(|it| it.reverse).count();
        assert!(items.len() >= 8, "{stance}: {} items", items.len());
        assert!(
            reverse * 4 >= items.len(),
            "{stance}: {reverse} of {} reverse-keyed",
            items.len()
        );
    }
}

#[test]
fn the_scenarios_of_the_texts_are_there_with_the_stance_that_fits() {
    let i = core();
    assert!(i.scenarios().len() >= 6);
    let fitting = |id: &str| i.scenarios().iter().find(|s| s.id == id).map(|s| s.fitting);
    assert_eq!(fitting("hike"), Some(Stance::Behind));
    assert_eq!(fitting("crisis"), Some(Stance::Front), "prepare to step in");
    assert_eq!(fitting("struggling-colleague"), Some(Stance::Servant));
    assert_eq!(
        fitting("conversation"),
        Some(Stance::Servant),
        "listen before speaking"
    );
    assert_eq!(fitting("ready-to-grow"), Some(Stance::Behind));
    assert!(fitting("meeting").is_some() && fitting("kickoff").is_some());
    for s in i.scenarios() {
        assert_eq!(s.options.len(), 3, "{}", s.id);
    }
}

#[test]
fn the_energy_section_has_4_to_6_items() {
    let n = core().energy_items().len();
    assert!((4..=6).contains(&n), "{n} energy items");
}

#[test]
fn every_item_and_scenario_names_its_source_text() {
    let i = core();
    let sources = i
        .items()
        .iter()
        .map(|it| (&it.id, &it.source))
        .chain(i.energy_items().iter().map(|it| (&it.id, &it.source)))
        .chain(i.scenarios().iter().map(|s| (&s.id, &s.source)));
    for (id, source) in sources {
        assert!(
            source.starts_with("000 §") || source.starts_with("004 §"),
            "{id}: {source:?}"
        );
    }
}

#[test]
fn every_item_has_observer_wording_in_the_third_person() {
    let i = core();
    for item in i.items() {
        let Some(wording) = item.observer_text.as_deref() else {
            panic!("{}: no observer wording", item.id);
        };
        // Observer wording stands alone ("Lets others go first…"), unlike `text`, which continues
        // the stem "In the last month, I…"; it speaks of the person, never as them.
        assert!(
            wording.starts_with(|c: char| c.is_uppercase()),
            "{}: {wording:?}",
            item.id
        );
        let words: Vec<&str> = wording
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .collect();
        for first_person in ["I", "me", "my", "myself", "I'd", "I'm"] {
            assert!(
                !words.contains(&first_person),
                "{}: {wording:?} speaks in the first person",
                item.id
            );
        }
        assert_ne!(wording, item.text, "{}", item.id);
    }
}

#[test]
fn suggestions_name_only_known_habits_and_exercises() {
    let i = core();
    let habits: BTreeSet<&str> = HABITS.into_iter().collect();
    let exercises: BTreeSet<&str> = EXERCISES.into_iter().collect();
    for rule in i.suggestion_rules() {
        assert!(
            rule.habits.iter().all(|h| habits.contains(h.as_str())),
            "{rule:?}"
        );
        assert!(
            rule.exercises
                .iter()
                .all(|e| exercises.contains(e.as_str())),
            "{rule:?}"
        );
    }
}

#[test]
fn a_person_always_out_in_front_and_tired_is_offered_rest() {
    let i = core();
    let mut sheet = AnswerSheet::default();
    for item in i.items() {
        let high = item.stance == Stance::Front;
        // Plain front items "almost always", reversed ones "never"; the other stances the opposite.
        let value = if high != item.reverse { 5 } else { 1 };
        sheet.answers.insert(item.id.clone(), Some(value));
    }
    for item in i.energy_items() {
        sheet
            .answers
            .insert(item.id.clone(), Some(if item.reverse { 5 } else { 1 }));
    }
    for s in i.scenarios() {
        let front = s
            .options
            .iter()
            .find(|o| o.stance == Stance::Front)
            .map(|o| o.id.clone());
        sheet
            .scenarios
            .insert(s.id.clone(), front.unwrap_or_default());
    }
    let result = match evaluate(&i, &sheet) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let st = result.scores.stances;
    assert_eq!(
        (st.front, st.behind, st.servant),
        (Some(100.0), Some(0.0), Some(0.0))
    );
    assert_eq!(result.scores.energy, Some(0.0));
    assert_eq!(
        result.scores.situational,
        Some(25.0),
        "2 of the 8 scenarios fit the front"
    );
    assert_eq!(result.profile.label, "Out in front");
    assert_eq!(
        result.suggestions.habits.first().map(String::as_str),
        Some("real-break")
    );
    assert_eq!(result.suggestions.exercises.len(), 2);
    assert!(result.stances.iter().all(|s| s.band.is_some()));
    assert_eq!(result.energy.map(|b| b.id), Some("low".into()));
}

#[test]
fn an_empty_sheet_has_no_scores_and_the_incomplete_profile() {
    let i = core();
    let result = evaluate(&i, &AnswerSheet::default());
    let Ok(result) = result else {
        panic!("{result:?}")
    };
    assert_eq!(
        result.scores.stances,
        StanceScores {
            front: None,
            behind: None,
            servant: None
        }
    );
    assert_eq!(
        (result.scores.situational, result.scores.energy),
        (None, None)
    );
    assert_eq!(result.profile.id, "not-enough-answers");
    assert_eq!(result.suggestions.habits.len(), 3);
}

#[test]
fn single_answers_are_checked_before_they_are_saved() {
    let instrument = builtin().unwrap();
    let item = instrument.items()[0].id.clone();
    assert!(instrument.check_answer(&item, Some(5)).is_ok());
    assert!(
        instrument.check_answer(&item, None).is_ok(),
        "a skip is a valid answer"
    );
    assert!(matches!(
        instrument.check_answer(&item, Some(6)),
        Err(ScoringError::OutOfScale { value: 6, .. })
    ));
    assert!(matches!(
        instrument.check_answer("no-such-item", Some(3)),
        Err(ScoringError::UnknownItem { .. })
    ));

    let scenario = instrument.scenarios()[0].clone();
    let option = scenario.options[0].id.clone();
    assert!(instrument.check_choice(&scenario.id, Some(&option)).is_ok());
    assert!(instrument.check_choice(&scenario.id, None).is_ok());
    assert!(matches!(
        instrument.check_choice(&scenario.id, Some("zz")),
        Err(ScoringError::UnknownOption { .. })
    ));
    assert!(matches!(
        instrument.check_choice("no-such-scenario", None),
        Err(ScoringError::UnknownScenario { .. })
    ));
}
