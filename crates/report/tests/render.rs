//! The PDF as a reader gets it: a valid file whose pages poppler counts and whose text it can
//! extract (names, dates, page numbers), notes only when chosen, long notes flowing onto more
//! pages, and clear errors when there is no usable font.
//!
//! These tests read the PDF with poppler's `pdftotext` and `pdfinfo` (Debian: poppler-utils) and
//! fail, rather than pass silently, when they are missing.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use std::collections::BTreeMap;

use leadback_core::assessment::{AnswerSheet, HistoryEntry, Instrument, Stance, builtin, evaluate};
use leadback_core::habits::HabitStance;
use leadback_core::observers::{StanceView, aggregate};
use leadback_core::report::{HabitSummary, ObserverComparison, Report, ReportData, signed_gap};
use leadback_report::{Fonts, ReportError, render};
use leadback_testkit::{at, pdf_info, pdf_layout_text, report_data, session};

fn sheet(instrument: &Instrument, step: usize) -> AnswerSheet {
    let mut sheet = AnswerSheet::default();
    for (i, item) in instrument.items().iter().enumerate() {
        let value = 1 + ((i + step) % 5) as i64;
        sheet.answers.insert(item.id.clone(), Some(value));
    }
    for item in instrument.energy_items() {
        sheet.answers.insert(item.id.clone(), Some(3));
    }
    for (i, scenario) in instrument.scenarios().iter().enumerate() {
        let option = &scenario.options[(i + step) % scenario.options.len()];
        sheet
            .scenarios
            .insert(scenario.id.clone(), option.id.clone());
    }
    sheet
}

/// A client with ten assessments, habits, exercises and (when `notes`) two sessions.
fn data(notes: Option<&str>) -> ReportData {
    let instrument = builtin().unwrap();
    let history: Vec<HistoryEntry> = (0..10)
        .map(|i| {
            let when = at(2025, 2 + i as u32, 3, 10, 0);
            HistoryEntry::score(i as i64 + 1, when, &instrument, &sheet(&instrument, i)).unwrap()
        })
        .collect();
    let latest = Some(evaluate(&instrument, &sheet(&instrument, 9)).unwrap());
    let habits = [
        ("Let someone else go first", HabitStance::Behind, 0.82),
        ("Listen before speaking", HabitStance::Servant, 0.55),
        ("Take a real break", HabitStance::Rest, 0.31),
        ("Share the goal and the plan", HabitStance::Front, 0.12),
    ]
    .into_iter()
    .map(|(name, stance, strength)| HabitSummary {
        name: name.to_owned(),
        stance: Some(stance),
        schedule: "3 times a week".to_owned(),
        strength,
        current_streak: 4,
        best_streak: 12,
    })
    .collect();
    let sessions = notes.map(|notes| vec![session("Looking back at the hike", notes)]);
    ReportData {
        history,
        latest,
        habits,
        sessions,
        ..report_data()
    }
}

/// `count` observers' answers on the built-in instrument, combined by the domain's own
/// aggregation beside the person's latest scores (what the store's observer view does).
fn with_observers(mut data: ReportData, count: usize) -> ReportData {
    let instrument = builtin().unwrap();
    let own = data.latest.as_ref().unwrap().scores.stances;
    let answers: Vec<BTreeMap<String, Option<i64>>> = (0..count)
        .map(|observer| {
            instrument
                .items()
                .iter()
                .enumerate()
                .map(|(i, item)| (item.id.clone(), Some(1 + ((i * 2 + observer) % 5) as i64)))
                .collect()
        })
        .collect();
    let summary = aggregate(&instrument, &own, &answers).unwrap();
    data.observers = Some(ObserverComparison { own, summary });
    data
}

fn fonts() -> Fonts {
    Fonts::system().expect("this machine has DejaVu or Noto fonts")
}

struct Read {
    text: String,
    pages: usize,
    info: String,
}

fn read(bytes: &[u8]) -> Read {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, bytes).unwrap();
    let text = pdf_layout_text(&path);
    let info = pdf_info(&path);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports the page count");
    Read { text, pages, info }
}

#[test]
fn a_report_is_a_pdf_with_the_person_the_coach_and_numbered_pages() {
    let report = Report::build(&data(None));
    let rendered = render(&report, &fonts()).unwrap();
    assert!(rendered.bytes.starts_with(b"%PDF-"));
    assert!(rendered.bytes.trim_ascii_end().ends_with(b"%%EOF"));
    let read = read(&rendered.bytes);
    assert_eq!(read.pages, rendered.pages);
    assert!(read.pages >= 2, "a full report takes more than one page");
    for expected in [
        "Leading from the back",
        "A report for Grace Hopper",
        "Prepared by",
        "Ada Coach",
        "22 November 2026",
        "Score per stance (0–100)",
        "Score per stance over time",
        "Habit strength",
        "Let someone else go first",
        "82%",
        "The walk at the back",
        &format!("Page 1 of {}", read.pages),
        &format!("Page {0} of {0}", read.pages),
    ] {
        assert!(
            read.text.contains(expected),
            "{expected:?} missing from:\n{}",
            read.text
        );
    }
    assert!(read.info.contains("Title:") && read.info.contains("Grace Hopper"));
    assert!(read.info.contains("Author:") && read.info.contains("Ada Coach"));
    // Every history row is there: ten assessment dates.
    assert!(read.text.contains("3 Mar 2025"));
    assert!(read.text.contains("3 Nov 2025"));
}

#[test]
fn session_notes_appear_only_when_chosen() {
    let secret = "Sam took the lead on the descent";
    let without = read(&render(&Report::build(&data(None)), &fonts()).unwrap().bytes);
    assert!(!without.text.contains("Session notes"));
    assert!(!without.text.contains(secret));

    let notes = format!("## On the hike\n\n- {secret}.\n- We *waited* at the back.");
    let with = read(
        &render(&Report::build(&data(Some(&notes))), &fonts())
            .unwrap()
            .bytes,
    );
    assert!(with.text.contains("Session notes"));
    assert!(with.text.contains(secret), "{}", with.text);
    assert!(
        with.text.contains("We waited at the back."),
        "emphasis marks are dropped"
    );
    let exercises = with.text.rfind("The walk at the back").unwrap();
    let notes = with.text.find("Session notes").unwrap();
    assert!(exercises < notes, "the notes come last");
    // Where they start (on a page of their own only when the page before is at least half full)
    // is checked by the layout's own tests, which can measure pages.
    assert!(with.pages >= without.pages);
}

#[test]
fn long_notes_flow_across_pages_and_nothing_is_lost() {
    let paragraphs: Vec<String> = (1..=120)
        .map(|i| {
            format!(
                "Paragraph {i}: who stepped up today, and what did you see from the back of the \
                 group while they found the path? A long reflection wraps over several lines."
            )
        })
        .collect();
    let notes = paragraphs.join("\n\n");
    let rendered = render(&Report::build(&data(Some(&notes))), &fonts()).unwrap();
    let read = read(&rendered.bytes);
    assert!(read.pages >= 8, "120 paragraphs take pages: {}", read.pages);
    let text: String = read.text.split_whitespace().collect::<Vec<_>>().join(" ");
    for i in [1, 60, 120] {
        assert!(
            text.contains(&format!("Paragraph {i}: who stepped up")),
            "paragraph {i}"
        );
    }
    assert!(read.text.contains(&format!("Page {0} of {0}", read.pages)));
}

#[test]
fn an_empty_record_still_makes_a_one_page_report_that_says_so() {
    let mut data = data(None);
    data.history.clear();
    data.latest = None;
    data.habits.clear();
    data.exercises.clear();
    data.coach = None;
    let rendered = render(&Report::build(&data), &fonts()).unwrap();
    let read = read(&rendered.bytes);
    assert_eq!(read.pages, 1);
    assert!(read.text.contains("No assessment has been finished yet"));
    assert!(read.text.contains("No habits are being practised."));
    assert!(!read.text.contains("Prepared by"));
}

#[test]
fn no_usable_font_is_a_clear_error() {
    let empty = tempfile::tempdir().unwrap();
    let err = Fonts::search(&[empty.path().to_path_buf()]).unwrap_err();
    assert!(matches!(err, ReportError::NoFont { .. }));
    let message = err.to_string();
    assert!(message.contains("DejaVuSans.ttf"), "{message}");
    assert!(
        message.contains(&empty.path().display().to_string()),
        "{message}"
    );

    // A file with a font's name that is not a font is passed over.
    std::fs::write(empty.path().join("DejaVuSans.ttf"), b"not a font").unwrap();
    let err = Fonts::search(&[empty.path().to_path_buf()]).unwrap_err();
    assert!(matches!(err, ReportError::NoFont { .. }));

    let err = Fonts::from_data(b"nope".to_vec(), b"nope".to_vec()).unwrap_err();
    assert!(matches!(err, ReportError::BadFont { .. }), "{err:?}");
}

#[test]
fn the_same_report_makes_the_same_bytes() {
    let report = Report::build(&data(Some("Same notes.")));
    let fonts = fonts();
    assert_eq!(
        render(&report, &fonts).unwrap(),
        render(&report, &fonts).unwrap()
    );
}

#[test]
fn a_megabyte_of_notes_in_one_paragraph_flows_onto_many_pages() {
    let notes = format!(
        "{}The end of the notes.",
        "Noor let Sam open the stand-up. ".repeat(33_000)
    );
    assert!(notes.len() > 1_000_000);
    let rendered = render(&Report::build(&data(Some(&notes))), &fonts()).unwrap();
    let read = read(&rendered.bytes);
    assert!(read.pages > 100, "{} pages", read.pages);
    let words = read.text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("The end of the notes."),
        "the last words are there"
    );
    assert!(read.text.contains(&format!("Page {0} of {0}", read.pages)));
}

#[test]
fn three_observers_add_their_view_beside_the_own_scores() {
    let data = with_observers(data(None), 3);
    let comparison = data.observers.unwrap();
    let read = read(&render(&Report::build(&data), &fonts()).unwrap().bytes);
    for expected in [
        "Observers (360)",
        "3 observers answered about Grace Hopper.",
        "Own view and observers' view per stance",
        "Observers (mean)",
    ] {
        assert!(
            read.text.contains(expected),
            "{expected:?} missing from:\n{}",
            read.text
        );
    }
    let words = read.text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("a stance fewer than 3 of them could score is withheld"),
        "{words}"
    );
    for stance in Stance::ALL {
        let StanceView::Shown { mean, gap, .. } = comparison.summary.stances.get(stance) else {
            panic!("every stance of three full answer sets is shown");
        };
        let own = comparison.own.get(stance).unwrap();
        let gap = gap.unwrap();
        assert!(
            (gap - (mean - own)).abs() < 0.051,
            "the gap is the mean minus the own score"
        );
        let row = format!("{own:.1} {mean:.1} (3 observers) {}", signed_gap(gap));
        assert!(words.contains(&row), "{row:?} missing from:\n{}", read.text);
    }
}

#[test]
fn with_two_observers_the_report_says_the_stances_are_withheld_and_shows_no_number_of_theirs() {
    let data = with_observers(data(None), 2);
    let read = read(&render(&Report::build(&data), &fonts()).unwrap().bytes);
    assert!(read.text.contains("Observers (360)"));
    assert!(
        read.text
            .contains("2 observers answered about Grace Hopper.")
    );
    assert_eq!(
        read.text
            .matches("Withheld: 2 of the 3 observers needed")
            .count(),
        3,
        "one line per stance:\n{}",
        read.text
    );
    assert!(
        !read.text.contains("Observers (mean)"),
        "no chart of their view"
    );
    assert!(
        !read.text.contains("observers)"),
        "no mean over any number of them"
    );
}

#[test]
fn without_observers_the_report_has_no_observers_section() {
    let read = read(&render(&Report::build(&data(None)), &fonts()).unwrap().bytes);
    assert!(!read.text.contains("Observers (360)"));
    assert!(!read.text.contains("observers answered"));
}
