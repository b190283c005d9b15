//! The sections after the profile: the history of assessments, habits with their strength,
//! exercises done, and session notes.

use super::data::{ExerciseSummary, HabitSummary};
use super::markdown::markdown_blocks;
use super::model::{Bar, Block, Figure, Section, Series, Table};
use super::words::{
    column, habit_stance_name, percent, score_text, session_time, short_date, stance_name,
};
use crate::assessment::{HistoryEntry, Stance};
use crate::clients::Session;

pub(super) fn history_section(history: &[HistoryEntry]) -> Section {
    let heading = "History".to_owned();
    if history.is_empty() {
        return Section {
            heading,
            blocks: vec![Block::Note("No finished assessments yet.".to_owned())],
            new_page: false,
        };
    }
    let mut blocks = Vec::new();
    if history.len() >= 2 {
        blocks.push(Block::Figure(Figure::Lines {
            caption: "Score per stance over time (0–100)".to_owned(),
            dates: history
                .iter()
                .map(|h| h.completed_at.date_naive())
                .collect(),
            series: Stance::ALL
                .into_iter()
                .map(|stance| Series {
                    label: stance_name(stance).to_owned(),
                    tone: stance.into(),
                    values: history
                        .iter()
                        .map(|h| h.scores.stances.get(stance))
                        .collect(),
                })
                .collect(),
        }));
    } else {
        blocks.push(Block::Note(
            "One assessment so far: the chart of change over time appears from the second one on."
                .to_owned(),
        ));
    }
    blocks.push(Block::Table(Table {
        columns: vec![
            column("Finished", 1.3, false),
            column("Front", 0.8, true),
            column("Behind", 0.8, true),
            column("Servant", 0.8, true),
            column("Profile", 2.0, false),
        ],
        rows: history
            .iter()
            .map(|h| {
                let mut row = vec![short_date(h.completed_at.date_naive())];
                row.extend(
                    Stance::ALL
                        .into_iter()
                        .map(|s| score_text(h.scores.stances.get(s), "—")),
                );
                row.push(h.profile.label.clone());
                row
            })
            .collect(),
    }));
    Section {
        heading,
        blocks,
        new_page: false,
    }
}

pub(super) fn habits_section(habits: &[HabitSummary]) -> Section {
    let heading = "Habits".to_owned();
    if habits.is_empty() {
        return Section {
            heading,
            blocks: vec![Block::Note("No habits are being practised.".to_owned())],
            new_page: false,
        };
    }
    let blocks = vec![
        Block::Note(
            "Strength grows with every check-in that keeps the habit and fades slowly with each \
             one missed; a day marked as no chance leaves it as it was. 100% is a habit kept for \
             a long time without a miss."
                .to_owned(),
        ),
        Block::Figure(Figure::Bars {
            caption: "Habit strength".to_owned(),
            max: 100.0,
            unit: "%".to_owned(),
            bars: habits
                .iter()
                .map(|h| Bar {
                    label: h.name.clone(),
                    value: Some(h.strength * 100.0),
                    value_label: percent(h.strength),
                    tone: h.stance.into(),
                })
                .collect(),
        }),
        Block::Table(Table {
            columns: vec![
                column("Habit", 2.6, false),
                column("Builds", 0.9, false),
                column("Schedule", 1.5, false),
                column("Strength", 0.9, true),
                column("Streak (best)", 1.1, true),
            ],
            rows: habits
                .iter()
                .map(|h| {
                    vec![
                        h.name.clone(),
                        habit_stance_name(h.stance).to_owned(),
                        h.schedule.clone(),
                        percent(h.strength),
                        format!("{} ({})", h.current_streak, h.best_streak),
                    ]
                })
                .collect(),
        }),
    ];
    Section {
        heading,
        blocks,
        new_page: false,
    }
}

pub(super) fn exercises_section(exercises: &[ExerciseSummary]) -> Section {
    let heading = "Exercises".to_owned();
    if exercises.is_empty() {
        return Section {
            heading,
            blocks: vec![Block::Note("No guided exercise finished yet.".to_owned())],
            new_page: false,
        };
    }
    Section {
        heading,
        new_page: false,
        blocks: vec![Block::Table(Table {
            columns: vec![
                column("Exercise", 3.0, false),
                column("Times done", 1.0, true),
                column("Last done", 1.3, true),
            ],
            rows: exercises
                .iter()
                .map(|e| {
                    vec![
                        e.title.clone(),
                        e.times.to_string(),
                        short_date(e.last_done),
                    ]
                })
                .collect(),
        })],
    }
}

pub(super) fn notes_section(sessions: &[Session]) -> Section {
    let heading = "Session notes".to_owned();
    if sessions.is_empty() {
        return Section {
            heading,
            blocks: vec![Block::Note("No sessions recorded.".to_owned())],
            new_page: false,
        };
    }
    let mut blocks = Vec::new();
    for session in sessions {
        let agenda = session.agenda.trim();
        blocks.push(Block::Heading(if agenda.is_empty() {
            session_time(session.starts_at)
        } else {
            format!("{} — {agenda}", session_time(session.starts_at))
        }));
        let notes = markdown_blocks(&session.notes);
        if notes.is_empty() {
            blocks.push(Block::Note("No notes.".to_owned()));
        }
        blocks.extend(notes);
    }
    Section {
        heading,
        blocks,
        new_page: true,
    }
}
