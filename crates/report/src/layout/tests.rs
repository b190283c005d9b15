//! Where pages break, measured on the layout's pages: no page but the last is left less than half
//! full, the last page is not a near-empty one that the page before could have held, and a long
//! bar chart continues across pages inside the margins instead of jumping to a page of its own.

use chrono::NaiveDate;
use leadback_core::report::{Bar, Block, Figure, Report, Section, Tone};

use super::*;
use crate::fonts::Fonts;

fn fonts() -> Fonts {
    Fonts::system().expect("this machine has DejaVu or Noto fonts")
}

fn report(sections: Vec<Section>) -> Report {
    Report {
        title: "Leading from the back".to_owned(),
        person_name: "Grace Hopper".to_owned(),
        coach_name: None,
        generated_on: NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date"),
        facts: vec![("Prepared for".to_owned(), "Grace Hopper".to_owned())],
        sections,
    }
}

fn section(heading: &str, blocks: Vec<Block>, new_page: bool) -> Section {
    Section {
        heading: heading.to_owned(),
        blocks,
        new_page,
    }
}

/// `n` one-line paragraphs.
fn filler(n: usize) -> Vec<Block> {
    (1..=n)
        .map(|i| Block::Paragraph(format!("Line {i} of what came before.")))
        .collect()
}

fn pages(report: &Report, fonts: &Fonts) -> Vec<Page> {
    let fonts = Typesetter::new(fonts);
    flow(report, &fonts).pages
}

/// The share of the page's writing area its content takes.
fn fill(page: &Page) -> f32 {
    (page.bottom - TOP) / (BOTTOM - TOP)
}

fn texts(page: &Page) -> Vec<&str> {
    page.ops
        .iter()
        .filter_map(|op| match op {
            Op::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// The lowest point any mark on the page reaches (a text's baseline plus a descender).
fn lowest_mark(page: &Page) -> f32 {
    page.ops
        .iter()
        .map(|op| match op {
            Op::Text { y, size, .. } => y + size * 0.25,
            Op::Rect { y, h, .. } => y + h,
            Op::Polyline { points, .. } => points.iter().map(|p| p.1).fold(f32::MIN, f32::max),
            Op::Dot { y, r, .. } => y + r,
        })
        .fold(f32::MIN, f32::max)
}

#[test]
fn notes_start_a_page_of_their_own_only_when_the_page_they_leave_is_at_least_half_full() {
    let fonts = fonts();
    let notes: Vec<Block> = (1..=6)
        .map(|i| {
            Block::Paragraph(format!(
                "Session {i}: she let the team open the meeting and kept her own view for the \
                 end, which took some patience on a busy morning."
            ))
        })
        .collect();
    for before in 0..70 {
        let report = report(vec![
            section("Before", filler(before), false),
            section("Session notes", notes.clone(), true),
        ]);
        let pages = pages(&report, &fonts);
        for (i, page) in pages.iter().enumerate().take(pages.len() - 1) {
            assert!(
                fill(page) >= 0.5,
                "with {before} lines before the notes, page {} of {} is only {:.0}% full",
                i + 1,
                pages.len(),
                fill(page) * 100.0
            );
        }
        let last = pages.last().expect("a page");
        assert!(
            texts(last).iter().any(|t| t.starts_with("Session 6:")),
            "the notes are all there"
        );
    }
}

#[test]
fn a_report_ending_just_after_a_page_break_does_not_end_on_a_page_the_one_before_could_hold() {
    let fonts = fonts();
    let mut checked = 0;
    for before in 0..80 {
        let report = report(vec![
            section("Before", filler(before), false),
            section(
                "Exercises",
                vec![Block::Note("No guided exercise finished yet.".to_owned())],
                false,
            ),
        ]);
        let pages = pages(&report, &fonts);
        let [.., previous, last] = pages.as_slice() else {
            continue;
        };
        checked += 1;
        let room = BOTTOM - TOP;
        let could_have_held = (previous.bottom - TOP) + 10.0 + (last.bottom - TOP) <= room;
        assert!(
            fill(last) >= 0.5 || !could_have_held,
            "with {before} lines before it, the last page is {:.0}% full, though the page before \
             (at {:.0}%) had room for all of it",
            fill(last) * 100.0,
            fill(previous) * 100.0
        );
    }
    assert!(checked > 30, "the reports ran over onto a second page");
}

#[test]
fn a_long_bar_chart_starts_under_its_heading_and_continues_on_the_next_page() {
    let fonts = fonts();
    let bars: Vec<Bar> = (1..=40)
        .map(|i| Bar {
            label: format!("Habit {i}"),
            value: Some(f64::from(i) * 2.5),
            value_label: format!("{}%", f64::from(i) * 2.5),
            tone: Tone::Behind,
        })
        .collect();
    let report = report(vec![
        section("Before", filler(12), false),
        section(
            "Habits",
            vec![
                Block::Note("Strength grows with every check-in.".to_owned()),
                Block::Figure(Figure::Bars {
                    caption: "Habit strength".to_owned(),
                    max: 100.0,
                    unit: "%".to_owned(),
                    bars,
                }),
            ],
            false,
        ),
    ]);
    let pages = pages(&report, &fonts);
    let first = texts(&pages[0]);
    assert!(
        first.contains(&"Habits") && first.contains(&"Habit 1"),
        "{first:?}"
    );
    assert!(fill(&pages[0]) > 0.9, "{:.0}%", fill(&pages[0]) * 100.0);
    assert!(texts(&pages[1]).contains(&"Habit strength (continued)"));
    for i in 1..=40 {
        let label = format!("Habit {i}");
        let times: usize = pages
            .iter()
            .map(|p| texts(p).iter().filter(|t| **t == label).count())
            .sum();
        assert_eq!(times, 1, "{label}");
    }
    for (i, page) in pages.iter().enumerate() {
        // Each part of the chart has its own grid and scale, inside the margins.
        assert!(
            lowest_mark(page) <= BOTTOM,
            "page {} draws down to {} (the margin is at {BOTTOM})",
            i + 1,
            lowest_mark(page)
        );
        let scale_zeros = texts(page).iter().filter(|t| **t == "0%").count();
        assert_eq!(scale_zeros, 1, "page {} has one scale", i + 1);
    }
}

#[test]
fn a_short_chart_is_kept_whole() {
    let fonts = fonts();
    let bars: Vec<Bar> = ["Front", "Behind", "Servant"]
        .into_iter()
        .map(|label| Bar {
            label: label.to_owned(),
            value: Some(50.0),
            value_label: "50.0".to_owned(),
            tone: Tone::Front,
        })
        .collect();
    for before in 20..45 {
        let report = report(vec![section(
            "Profile",
            filler(before)
                .into_iter()
                .chain([Block::Figure(Figure::Bars {
                    caption: "Score per stance (0–100)".to_owned(),
                    max: 100.0,
                    unit: String::new(),
                    bars: bars.clone(),
                })])
                .collect(),
            false,
        )]);
        let pages = pages(&report, &fonts);
        let holding = |label: &str| {
            pages
                .iter()
                .position(|p| texts(p).contains(&label))
                .expect("drawn")
        };
        assert_eq!(
            holding("Front"),
            holding("Servant"),
            "{before} lines before"
        );
        assert_eq!(holding("Score per stance (0–100)"), holding("Front"));
    }
}

#[test]
fn a_chart_without_bars_is_its_caption_and_scale() {
    let fonts = fonts();
    let report = report(vec![section(
        "Habits",
        vec![Block::Figure(Figure::Bars {
            caption: "Habit strength".to_owned(),
            max: 100.0,
            unit: "%".to_owned(),
            bars: Vec::new(),
        })],
        false,
    )]);
    let pages = pages(&report, &fonts);
    assert_eq!(pages.len(), 1);
    assert!(texts(&pages[0]).contains(&"Habit strength"));
}
