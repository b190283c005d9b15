//! A person's report as content: which sections, in which order, what each table and chart holds,
//! session notes only when chosen, and how session notes' Markdown becomes blocks.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use leadback_core::assessment::{AnswerSheet, HistoryEntry, Instrument, builtin, evaluate};
use leadback_core::habits::HabitStance;
use leadback_core::report::{
    Block, Figure, HabitSummary, Report, ReportData, Section, Tone, markdown_blocks,
};
use leadback_testkit::{at, day, report_data, session};

/// Every item answered `value` (so reverse-keyed items pull the other way), every scenario with
/// its fitting option.
fn sheet(instrument: &Instrument, value: i64) -> AnswerSheet {
    let mut sheet = AnswerSheet::default();
    for item in instrument.items() {
        sheet.answers.insert(item.id.clone(), Some(value));
    }
    for item in instrument.energy_items() {
        sheet.answers.insert(item.id.clone(), Some(value));
    }
    for scenario in instrument.scenarios() {
        let fitting = scenario
            .options
            .iter()
            .find(|o| o.stance == scenario.fitting)
            .unwrap();
        sheet
            .scenarios
            .insert(scenario.id.clone(), fitting.id.clone());
    }
    sheet
}

fn data(assessments: usize) -> ReportData {
    let instrument = builtin().unwrap();
    let history: Vec<HistoryEntry> = (0..assessments)
        .map(|i| {
            let when = at(2026, 3 + i as u32, 1, 10, 0);
            HistoryEntry::score(
                i as i64 + 1,
                when,
                &instrument,
                &sheet(&instrument, 2 + i as i64),
            )
            .unwrap()
        })
        .collect();
    let latest = (assessments > 0)
        .then(|| evaluate(&instrument, &sheet(&instrument, 1 + assessments as i64)).unwrap());
    ReportData {
        history,
        latest,
        habits: vec![HabitSummary {
            name: "Listen before speaking".into(),
            stance: Some(HabitStance::Servant),
            schedule: "every day".into(),
            strength: 0.634,
            current_streak: 4,
            best_streak: 9,
        }],
        ..report_data()
    }
}

fn headings(report: &Report) -> Vec<&str> {
    report.sections.iter().map(|s| s.heading.as_str()).collect()
}

fn section<'a>(report: &'a Report, heading: &str) -> &'a Section {
    report
        .sections
        .iter()
        .find(|s| s.heading == heading)
        .unwrap_or_else(|| panic!("no section {heading:?}"))
}

fn all_text(report: &Report) -> String {
    format!("{report:?}")
}

#[test]
fn the_first_page_names_the_person_the_coach_and_the_date() {
    let report = Report::build(&data(3));
    assert_eq!(report.person_name, "Grace Hopper");
    assert_eq!(report.coach_name.as_deref(), Some("Ada Coach"));
    let facts: Vec<(&str, &str)> = report
        .facts
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(facts[0], ("Prepared for", "Grace Hopper"));
    assert_eq!(facts[1], ("Prepared by", "Ada Coach"));
    assert_eq!(facts[2], ("Date", "22 November 2026"));
    assert_eq!(
        facts[3],
        ("Assessments", "3 finished, 1 Mar 2026 to 1 May 2026")
    );
}

#[test]
fn a_report_about_oneself_has_no_coach_line() {
    let mut data = data(1);
    data.coach = None;
    let report = Report::build(&data);
    assert!(report.facts.iter().all(|(k, _)| k != "Prepared by"));
    assert_eq!(report.coach_name, None);
}

#[test]
fn sections_come_in_order_and_notes_only_when_chosen() {
    let without = Report::build(&data(2));
    assert_eq!(
        headings(&without),
        ["Profile", "History", "Habits", "Exercises"]
    );

    let mut chosen = data(2);
    let notes = "Talked about **letting go** first.";
    chosen.sessions = Some(vec![session("First look at the profile", notes)]);
    let with = Report::build(&chosen);
    assert_eq!(
        headings(&with),
        ["Profile", "History", "Habits", "Exercises", "Session notes"]
    );
    let notes = section(&with, "Session notes");
    assert_eq!(
        notes.blocks,
        [
            Block::Heading("5 October 2026, 14:30 — First look at the profile".into()),
            Block::Paragraph("Talked about letting go first.".into()),
        ]
    );
    assert!(!all_text(&without).contains("letting go"));
}

#[test]
fn the_profile_shows_a_bar_per_stance_with_the_latest_scores() {
    let data = data(2);
    let report = Report::build(&data);
    let latest = data.latest.as_ref().unwrap();
    let profile = section(&report, "Profile");
    let bars = profile
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Figure(Figure::Bars { bars, max, .. }) => Some((bars, *max)),
            _ => None,
        })
        .unwrap();
    assert_eq!(bars.1, 100.0);
    let labels: Vec<&str> = bars.0.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, ["Front", "Behind", "Servant"]);
    for (bar, stance) in bars.0.iter().zip(&latest.stances) {
        assert_eq!(bar.value, stance.score);
        assert_eq!(bar.value_label, format!("{:.1}", stance.score.unwrap()));
    }
    assert!(profile.blocks.contains(&Block::Callout {
        title: latest.profile.label.clone(),
        text: latest.profile.summary.clone(),
    }));
}

#[test]
fn history_draws_a_line_per_stance_once_there_are_two_assessments() {
    let report = Report::build(&data(3));
    let history = section(&report, "History");
    let Some(Block::Figure(Figure::Lines { dates, series, .. })) = history.blocks.first() else {
        panic!("the history starts with its chart: {:?}", history.blocks);
    };
    assert_eq!(dates, &[day(2026, 3, 1), day(2026, 4, 1), day(2026, 5, 1)]);
    assert_eq!(series.len(), 3);
    assert!(series.iter().all(|s| s.values.len() == 3));
    let Some(Block::Table(table)) = history.blocks.get(1) else {
        panic!("and a table of the same numbers");
    };
    assert_eq!(table.rows.len(), 3);
    assert_eq!(table.rows[0][0], "1 Mar 2026");

    let single = Report::build(&data(1));
    let history = section(&single, "History");
    assert!(matches!(history.blocks.first(), Some(Block::Note(_))));
}

#[test]
fn nothing_yet_says_so_instead_of_showing_empty_charts() {
    let mut data = data(0);
    data.habits.clear();
    data.exercises.clear();
    data.suggested_habits.clear();
    data.suggested_exercises.clear();
    let report = Report::build(&data);
    for section in &report.sections {
        assert!(
            matches!(section.blocks.as_slice(), [Block::Note(_)]),
            "{}: {:?}",
            section.heading,
            section.blocks
        );
    }
    assert_eq!(report.facts[3].1, "none finished yet");
}

#[test]
fn habits_show_strength_as_a_percentage_bar_in_their_stance_colour() {
    let report = Report::build(&data(1));
    let habits = section(&report, "Habits");
    let bar = habits
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Figure(Figure::Bars { bars, .. }) => bars.first(),
            _ => None,
        })
        .unwrap();
    assert_eq!(bar.label, "Listen before speaking");
    assert_eq!(bar.value_label, "63%");
    assert_eq!(bar.tone, Tone::Servant);
    let table = habits
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        table.rows[0],
        [
            "Listen before speaking",
            "Servant",
            "every day",
            "63%",
            "4 (9)"
        ]
    );
}

#[test]
fn markdown_becomes_headings_paragraphs_and_lists() {
    let text = "# What we saw\n\nShe let the *team* go first.\nThen she __waited__.\n\n\
                - asked before telling\n- praised `Sam`\n  and Lee\n1. rest\n2. plan\n\
                ## Next\nSee [the essay](https://example.invalid/essay) and snake_case_name.";
    assert_eq!(
        markdown_blocks(text),
        [
            Block::Subheading("What we saw".into()),
            Block::Paragraph("She let the team go first. Then she waited.".into()),
            Block::List {
                ordered: false,
                items: vec!["asked before telling".into(), "praised Sam and Lee".into()],
            },
            Block::List {
                ordered: true,
                items: vec!["rest".into(), "plan".into()],
            },
            Block::Subheading("Next".into()),
            Block::Paragraph(
                "See the essay (https://example.invalid/essay) and snake_case_name.".into()
            ),
        ]
    );
}

#[test]
fn markdown_without_structure_is_one_paragraph_and_odd_marks_stay_text() {
    assert_eq!(markdown_blocks(""), []);
    assert_eq!(markdown_blocks("\n\n  \n"), []);
    assert_eq!(
        markdown_blocks("#hashtag, [not a link] and 3.5 hours"),
        [Block::Paragraph(
            "#hashtag, [not a link] and 3.5 hours".into()
        )]
    );
}

#[test]
fn markdown_lists_inside_items_join_the_outer_list_and_code_keeps_its_words() {
    let text = "- first\n  - inner one\n  - inner two\n- last\n\nAfter.\n\n    indented  code\n    more\n\n\
                Title\n=====\n\n> quoted *words*";
    assert_eq!(
        markdown_blocks(text),
        [
            Block::List {
                ordered: false,
                items: vec![
                    "first".into(),
                    "inner one".into(),
                    "inner two".into(),
                    "last".into()
                ],
            },
            Block::Paragraph("After.".into()),
            Block::Paragraph("indented  code more".into()),
            Block::Subheading("Title".into()),
            Block::Paragraph("quoted words".into()),
        ]
    );
}

#[test]
fn a_megabyte_of_notes_is_parsed_quickly_into_many_paragraphs() {
    let paragraph = "Who stepped up today? Sam did, and the team followed. ".repeat(20);
    let text = format!("{paragraph}\n\n").repeat(1_000);
    assert!(text.len() > 1_000_000);
    let blocks = markdown_blocks(&text);
    assert_eq!(blocks.len(), 1_000);
}
