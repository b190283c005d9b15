//! Our strength against the strengths Loop Habit Tracker itself computed, from a real Loop CSV
//! export (`../shared/fixtures/loop-habit-tracker/`, read at build time, never copied into the
//! repository). Each habit folder holds `Checkmarks.csv` (newest first) and `Scores.csv`.
//!
//! `YES_AUTO` is Loop's own fill-in for days its schedule considers covered, not a check-in, and
//! `UNKNOWN` is no record, so both become "not entered"; `NO` is not done, `SKIP` skipped.

use chrono::NaiveDate;

use super::*;

const FIXTURES: &str = "../shared/fixtures/loop-habit-tracker/csv_export";

const WAKE_UP_CHECKMARKS: &str = include_str!(
    "../../../../../shared/fixtures/loop-habit-tracker/csv_export/002 Wake up early/Checkmarks.csv"
);
const WAKE_UP_SCORES: &str = include_str!(
    "../../../../../shared/fixtures/loop-habit-tracker/csv_export/002 Wake up early/Scores.csv"
);
const MEDITATE_CHECKMARKS: &str = include_str!(
    "../../../../../shared/fixtures/loop-habit-tracker/csv_export/001 Meditate/Checkmarks.csv"
);
const MEDITATE_SCORES: &str = include_str!(
    "../../../../../shared/fixtures/loop-habit-tracker/csv_export/001 Meditate/Scores.csv"
);
const HABITS: &str =
    include_str!("../../../../../shared/fixtures/loop-habit-tracker/csv_export/Habits.csv");

fn date(text: &str) -> NaiveDate {
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(d) => d,
        Err(e) => panic!("{FIXTURES}: bad date {text:?}: {e}"),
    }
}

/// `Date,Value,Notes` rows (notes may be quoted and hold commas; only the first two fields matter).
fn checkmarks(csv: &str) -> CheckIns {
    let mut check_ins = CheckIns::new();
    for line in csv.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let mut fields = line.splitn(3, ',');
        let (Some(day), Some(value)) = (fields.next(), fields.next()) else {
            panic!("{FIXTURES}: bad checkmark row {line:?}");
        };
        let state = match value {
            "YES_MANUAL" => CheckState::Done,
            "NO" => CheckState::NotDone,
            "SKIP" => CheckState::Skipped,
            "YES_AUTO" | "UNKNOWN" => continue,
            other => panic!("{FIXTURES}: unknown checkmark value {other:?}"),
        };
        check_ins.insert(date(day), state);
    }
    check_ins
}

/// `Date,Score` rows.
fn scores(csv: &str) -> Vec<(NaiveDate, f64)> {
    csv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let Some((day, score)) = line.split_once(',') else {
                panic!("{FIXTURES}: bad score row {line:?}");
            };
            (date(day), score.trim().parse().unwrap())
        })
        .collect()
}

/// The schedule of a habit in `Habits.csv`, from its FrequencyNumerator/Denominator columns.
fn schedule_of(name: &str) -> Schedule {
    let row = HABITS
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|fields| fields.get(1) == Some(&name))
        .unwrap();
    Schedule::new(row[5].parse().unwrap(), row[6].parse().unwrap()).unwrap()
}

fn matches_loop(name: &str, checkmarks_csv: &str, scores_csv: &str) {
    let schedule = schedule_of(name);
    let check_ins = checkmarks(checkmarks_csv);
    let expected = scores(scores_csv);
    let from = expected.iter().map(|(d, _)| *d).min().unwrap();
    let to = expected.iter().map(|(d, _)| *d).max().unwrap();
    let series = strength_series(schedule, &check_ins, from, to);
    assert_eq!(series.len(), expected.len(), "{name}: one score per day");
    for (day, loop_score) in expected {
        let ours = series.iter().find(|d| d.date == day).map(|d| d.strength);
        let Some(ours) = ours else {
            panic!("{name}: no strength for {day}")
        };
        // Loop prints four decimals, so half a unit in the last place is as close as it can show.
        assert!(
            (ours - loop_score).abs() <= 0.5e-4 + 1e-12,
            "{name} on {day}: ours {ours:.6}, Loop's {loop_score:.4}"
        );
    }
}

#[test]
fn wake_up_early_matches_loop_on_every_day() {
    assert_eq!(schedule_of("Wake up early"), Schedule::new(2, 3).unwrap());
    matches_loop("Wake up early", WAKE_UP_CHECKMARKS, WAKE_UP_SCORES);
}

#[test]
fn meditate_matches_loop_too() {
    // A daily habit with no check-ins at all in the export: Loop scores it 0, and so do we.
    assert_eq!(schedule_of("Meditate"), Schedule::DAILY);
    matches_loop("Meditate", MEDITATE_CHECKMARKS, MEDITATE_SCORES);
}

#[test]
fn yes_auto_days_are_not_check_ins() {
    let check_ins = checkmarks(WAKE_UP_CHECKMARKS);
    let done = check_ins
        .values()
        .filter(|s| **s == CheckState::Done)
        .count();
    assert_eq!((check_ins.len(), done), (7, 6));
    assert_eq!(check_ins.get(&date("2015-01-19")), None);
    assert_eq!(
        check_ins.get(&date("2015-01-24")),
        Some(&CheckState::NotDone)
    );
}
