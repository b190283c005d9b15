//! The cohort summary, with numbers worked out by hand: means and spread of the change, the
//! distribution buckets, completion per exercise, replacement on re-import, and everything about
//! fewer than 3 participants withheld.

use super::*;
use crate::assessment::{Stance, StanceScores};

const PROGRAMME: &str = "three-days-at-the-back";

fn front(score: Option<f64>) -> Option<StanceScores> {
    score.map(|f| StanceScores {
        front: Some(f),
        behind: None,
        servant: None,
    })
}

fn file(code: &str, pre: Option<f64>, post: Option<f64>, exercises: &[&str]) -> ResultsFile {
    let exercises: Vec<String> = exercises.iter().map(|e| (*e).to_owned()).collect();
    ResultsFile::new(PROGRAMME, code, None, front(pre), front(post), &exercises).unwrap()
}

fn cohort() -> Vec<ResultsFile> {
    vec![
        file(
            "p1",
            Some(40.0),
            Some(60.0),
            &["walk-at-the-back", "listen-first"],
        ),
        file("p2", Some(45.0), Some(50.0), &["walk-at-the-back"]),
        file(
            "p3",
            Some(55.0),
            Some(50.0),
            &["walk-at-the-back", "listen-first"],
        ),
        file("p4", Some(100.0), None, &[]),
        file("p5", None, Some(80.0), &["shepherds-debrief"]),
    ]
}

fn rows() -> Vec<String> {
    ["walk-at-the-back", "listen-first", "collective-genius"]
        .map(String::from)
        .to_vec()
}

fn stance(summary: &CohortSummary, stance: Stance) -> &StanceCohort {
    match summary.stances.iter().find(|s| s.stance == stance) {
        Some(s) => s,
        None => panic!("no {stance} row"),
    }
}

#[test]
fn means_and_spread_of_the_change_over_participants_with_both_scores() {
    let summary = summarize(PROGRAMME, &rows(), &cohort());
    assert_eq!(summary.participants, 5);
    let front = stance(&summary, Stance::Front);
    assert_eq!(
        (front.n, front.scored_before, front.scored_after),
        (3, 4, 4)
    );
    // Pairs (40→60), (45→50), (55→50): before 140/3 = 46.67, after 160/3 = 53.33, changes
    // +20, +5, −5 with mean 6.67; squared deviations 177.78 + 2.78 + 136.11 = 316.67, over
    // n − 1 = 2 gives 158.33, whose root is 12.58.
    assert_eq!(
        front.change,
        Some(StanceChange {
            mean_before: 46.7,
            mean_after: 53.3,
            mean_change: 6.7,
            spread: 12.6,
        })
    );
}

#[test]
fn buckets_under_3_are_withheld() {
    let summary = summarize(PROGRAMME, &rows(), &cohort());
    let front = stance(&summary, Stance::Front);
    let ranges: Vec<(u32, u32)> = front.buckets.iter().map(|b| (b.from, b.to)).collect();
    assert_eq!(ranges, [(0, 20), (20, 40), (40, 60), (60, 80), (80, 100)]);
    let before: Vec<Option<u32>> = front.buckets.iter().map(|b| b.before).collect();
    // 40, 45 and 55 share 40–60; 100 is alone in 80–100; the empty buckets are withheld too.
    assert_eq!(before, [None, None, Some(3), None, None]);
    let after: Vec<Option<u32>> = front.buckets.iter().map(|b| b.after).collect();
    // 50, 50 (two) in 40–60, 60 in 60–80, 80 in 80–100: none reaches 3.
    assert_eq!(after, [None; 5]);
}

#[test]
fn bucket_edges_belong_to_the_bucket_above_and_100_to_the_last() {
    let files: Vec<ResultsFile> = (1..=6)
        .map(|i| {
            let score = if i <= 3 { 20.0 } else { 100.0 };
            file(&format!("p{i}"), Some(score), Some(19.9), &[])
        })
        .collect();
    let summary = summarize(PROGRAMME, &[], &files);
    let front = stance(&summary, Stance::Front);
    let before: Vec<Option<u32>> = front.buckets.iter().map(|b| b.before).collect();
    assert_eq!(before, [None, Some(3), None, None, Some(3)]);
    assert_eq!(front.buckets[0].after, Some(6));
}

#[test]
fn a_stance_with_fewer_than_3_pairs_shows_n_but_no_statistics() {
    let mut files = cohort();
    files.truncate(2);
    files.push(file("p3", Some(55.0), None, &[]));
    let summary = summarize(PROGRAMME, &rows(), &files);
    let front = stance(&summary, Stance::Front);
    assert_eq!((front.n, front.change), (2, None));
    let servant = stance(&summary, Stance::Servant);
    assert_eq!(
        (servant.n, servant.change, servant.scored_before),
        (0, None, 0)
    );
    assert!(
        summary.exercises.iter().all(|e| e.count.is_some()),
        "3 participants are enough"
    );
}

#[test]
fn completion_per_exercise_in_the_order_asked_then_the_others() {
    let summary = summarize(PROGRAMME, &rows(), &cohort());
    let table: Vec<(&str, Option<u32>, Option<f64>)> = summary
        .exercises
        .iter()
        .map(|e| (e.exercise.as_str(), e.count, e.share))
        .collect();
    assert_eq!(
        table,
        [
            ("walk-at-the-back", Some(3), Some(60.0)),
            ("listen-first", Some(2), Some(40.0)),
            ("collective-genius", Some(0), Some(0.0)),
            ("shepherds-debrief", Some(1), Some(20.0)),
        ]
    );
}

#[test]
fn re_importing_a_participant_replaces_their_file() {
    let mut files = cohort();
    files.push(file("p1", Some(40.0), Some(70.0), &["walk-at-the-back"]));
    let summary = summarize(PROGRAMME, &rows(), &files);
    assert_eq!(summary.participants, 5, "p1 counted once");
    let front = stance(&summary, Stance::Front);
    // After: (70 + 50 + 50) / 3 = 56.67.
    assert_eq!(front.change.map(|c| c.mean_after), Some(56.7));
    assert_eq!(
        summary.exercises[1].count,
        Some(1),
        "p1's new file lists no listen-first"
    );
}

#[test]
fn files_of_another_programme_are_left_out() {
    let mut files = cohort();
    let other = ResultsFile::new(
        "another-retreat",
        "p9",
        None,
        front(Some(10.0)),
        front(Some(90.0)),
        &[],
    );
    files.push(other.unwrap());
    let summary = summarize(PROGRAMME, &rows(), &files);
    assert_eq!(summary.participants, 5);
    assert_eq!(stance(&summary, Stance::Front).n, 3);
}

#[test]
fn a_cohort_of_fewer_than_3_shows_nothing_but_its_size() {
    let files = &cohort()[..2];
    let summary = summarize(PROGRAMME, &rows(), files);
    assert_eq!((summary.participants, summary.min_group), (2, 3));
    for s in &summary.stances {
        assert_eq!(s.change, None);
        assert!(
            s.buckets
                .iter()
                .all(|b| b.before.is_none() && b.after.is_none())
        );
    }
    assert!(
        summary
            .exercises
            .iter()
            .all(|e| e.count.is_none() && e.share.is_none())
    );
    let empty = summarize(PROGRAMME, &rows(), &[]);
    assert_eq!(empty.participants, 0);
    assert!(empty.exercises.iter().all(|e| e.share.is_none()));
}
