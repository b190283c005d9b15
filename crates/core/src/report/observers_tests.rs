//! The observers' section says how many answered, shows a stance's mean and gap only when the
//! aggregation shows it, says "withheld" otherwise, and is absent when nobody answered.

use super::*;
use crate::report::{Report, ReportData};

const OWN: StanceScores = StanceScores {
    front: Some(40.0),
    behind: Some(70.0),
    servant: None,
};

fn shown(mean: f64, observers: u32, gap: Option<f64>) -> StanceView {
    StanceView::Shown {
        mean,
        observers,
        gap,
    }
}

fn withheld_view(answered: u32) -> StanceView {
    StanceView::Withheld {
        answered,
        needed: MIN_OBSERVERS,
    }
}

fn comparison(observers: u32, stances: [StanceView; 3]) -> ObserverComparison {
    let [front, behind, servant] = stances;
    ObserverComparison {
        own: OWN,
        summary: ObserverSummary {
            observers,
            stances: crate::observers::ObserverStances {
                front,
                behind,
                servant,
            },
        },
    }
}

fn built(c: Option<ObserverComparison>) -> Option<Section> {
    section("Grace Hopper", c.as_ref())
}

fn table_of(section: &Section) -> &Table {
    section
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .expect("the section has a table")
}

#[test]
fn three_observers_show_their_mean_beside_the_own_score_and_the_gap() {
    let c = comparison(
        3,
        [
            shown(61.1, 3, Some(21.1)),
            shown(58.3, 3, Some(-11.7)),
            withheld_view(2),
        ],
    );
    let section = built(Some(c)).expect("a section once observers answered");
    assert_eq!(section.heading, "Observers (360)");
    let Some(Block::Note(intro)) = section.blocks.first() else {
        panic!("it opens with a line on who answered: {:?}", section.blocks);
    };
    assert!(
        intro.starts_with("3 observers answered about Grace Hopper."),
        "{intro}"
    );
    assert!(
        intro.contains("fewer than 3 of them could score is withheld"),
        "{intro}"
    );

    let Some(Block::Figure(Figure::Grouped { groups, legend, .. })) = section.blocks.get(1) else {
        panic!("then the chart: {:?}", section.blocks);
    };
    assert_eq!(legend.len(), 2);
    let labels: Vec<&str> = groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels, ["Front", "Behind", "Servant"]);
    let values: Vec<(Option<f64>, Option<f64>)> = groups
        .iter()
        .map(|g| (g.bars[0].value, g.bars[1].value))
        .collect();
    assert_eq!(
        values,
        [
            (Some(40.0), Some(61.1)),
            (Some(70.0), Some(58.3)),
            (None, None)
        ]
    );
    assert_eq!(
        groups[2].bars[1].value_label,
        "Withheld: 2 of the 3 observers needed"
    );

    assert_eq!(
        table_of(&section).rows,
        [
            ["Front", "40.0", "61.1 (3 observers)", "+21.1"],
            ["Behind", "70.0", "58.3 (3 observers)", "−11.7"],
            ["Servant", "—", "Withheld: 2 of the 3 observers needed", "—"],
        ]
    );
}

#[test]
fn with_two_observers_every_stance_is_withheld_and_no_chart_is_drawn() {
    let c = comparison(2, [withheld_view(2), withheld_view(2), withheld_view(1)]);
    let section = built(Some(c)).expect("the section says why nothing is shown");
    assert!(
        !section.blocks.iter().any(|b| matches!(b, Block::Figure(_))),
        "no chart of the own scores alone"
    );
    let Some(Block::Note(intro)) = section.blocks.first() else {
        panic!("{:?}", section.blocks);
    };
    assert!(intro.starts_with("2 observers answered"), "{intro}");
    assert!(intro.contains("no observers' score is shown"), "{intro}");
    let rows = &table_of(&section).rows;
    assert!(
        rows.iter()
            .all(|r| r[2].starts_with("Withheld:") && r[3] == "—"),
        "{rows:?}"
    );
    assert_eq!(rows[2][2], "Withheld: 1 of the 3 observers needed");
}

#[test]
fn without_answers_there_is_no_section() {
    assert_eq!(built(None), None);
    let nobody = comparison(0, [withheld_view(0), withheld_view(0), withheld_view(0)]);
    assert_eq!(built(Some(nobody)), None);
}

#[test]
fn the_section_follows_the_profile() {
    let person = crate::Person {
        id: 2,
        kind: crate::PersonKind::Client,
        name: "Grace Hopper".into(),
        created_at: chrono::DateTime::UNIX_EPOCH,
        updated_at: chrono::DateTime::UNIX_EPOCH,
    };
    let data = ReportData {
        person,
        coach: None,
        generated_on: chrono::NaiveDate::MIN,
        history: vec![],
        latest: None,
        suggested_habits: vec![],
        suggested_exercises: vec![],
        habits: vec![],
        exercises: vec![],
        sessions: None,
        observers: Some(comparison(
            3,
            [shown(50.0, 3, None), withheld_view(2), withheld_view(2)],
        )),
    };
    let headings: Vec<String> = Report::build(&data)
        .sections
        .into_iter()
        .map(|s| s.heading)
        .collect();
    assert_eq!(
        headings,
        [
            "Profile",
            "Observers (360)",
            "History",
            "Habits",
            "Exercises"
        ]
    );
}
