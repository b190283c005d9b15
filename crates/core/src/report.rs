//! A person's report as content, ready to lay out: a title page's facts, then sections made of
//! paragraphs, lists, tables and figures given as data (scores per stance, scores over time, habit
//! strength). It decides *what* a report says — which sections, in which order, what each table
//! holds, that session notes appear only when chosen — and nothing about pages, fonts or PDF; the
//! `leadback-report` crate draws it. Built from [`ReportData`], which the store gathers.
//!
//! Session notes are Markdown; [`markdown_blocks`] turns them into subheadings, paragraphs and lists
//! (emphasis and code marks are dropped, links keep their address in brackets). The observers'
//! (360) section is in [`observers`](ObserverComparison).

mod markdown;
mod observers;

use chrono::{NaiveDate, NaiveDateTime};

use crate::Person;
use crate::assessment::{AssessmentResult, HistoryEntry, Stance};
use crate::clients::Session;
use crate::habits::HabitStance;

pub use markdown::markdown_blocks;
pub use observers::ObserverComparison;

/// Everything a report is made from, gathered by the store for one person.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportData {
    pub person: Person,
    /// Whoever prepared the report: the app's "me", when the report is about a client.
    pub coach: Option<Person>,
    pub generated_on: NaiveDate,
    /// Every finished assessment, oldest first.
    pub history: Vec<HistoryEntry>,
    /// The full result of the newest finished assessment.
    pub latest: Option<AssessmentResult>,
    /// Names of the habits and exercises the latest result suggests (found in the libraries).
    pub suggested_habits: Vec<String>,
    pub suggested_exercises: Vec<String>,
    /// The person's habits that are not archived, in their own order.
    pub habits: Vec<HabitSummary>,
    /// Every exercise the person finished at least once.
    pub exercises: Vec<ExerciseSummary>,
    /// Session notes, oldest first; `None` unless the coach chose to include them.
    pub sessions: Option<Vec<Session>>,
    /// The observers' (360) view beside the person's own scores, as the app shows it; `None`
    /// when no observer has answered.
    pub observers: Option<ObserverComparison>,
}

/// One habit as the report shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct HabitSummary {
    pub name: String,
    pub stance: Option<HabitStance>,
    /// In words, e.g. "3 times a week".
    pub schedule: String,
    /// 0–1, as of the report's date.
    pub strength: f64,
    pub current_streak: u32,
    pub best_streak: u32,
}

/// One exercise the person has done.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseSummary {
    pub exercise_id: String,
    /// The library's title, or the id for an exercise no longer in the library.
    pub title: String,
    pub times: u32,
    pub last_done: NaiveDate,
}

/// A report: what the first page says about it, then its sections in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub title: String,
    pub person_name: String,
    pub coach_name: Option<String>,
    pub generated_on: NaiveDate,
    /// Label and value pairs for the first page ("Prepared for", "Date", …).
    pub facts: Vec<(String, String)>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
    /// Starts at the top of a page (session notes do), unless that would leave the page before
    /// it more than half empty.
    pub new_page: bool,
}

/// What a figure's marks stand for; the renderer picks the colour (the app's stance colours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    Front,
    Behind,
    Servant,
    Rest,
    Neutral,
    /// A person's own view, beside what others see.
    Own,
    /// Observers' combined view.
    Observers,
}

impl From<Stance> for Tone {
    fn from(stance: Stance) -> Self {
        match stance {
            Stance::Front => Self::Front,
            Stance::Behind => Self::Behind,
            Stance::Servant => Self::Servant,
        }
    }
}

impl From<Option<HabitStance>> for Tone {
    fn from(stance: Option<HabitStance>) -> Self {
        match stance {
            Some(HabitStance::Front) => Self::Front,
            Some(HabitStance::Behind) => Self::Behind,
            Some(HabitStance::Servant) => Self::Servant,
            Some(HabitStance::Rest) => Self::Rest,
            None => Self::Neutral,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading inside a section.
    Heading(String),
    /// A smaller heading: a label over a list, or a heading inside notes.
    Subheading(String),
    Paragraph(String),
    /// A quieter line: an explanation, or why something is missing.
    Note(String),
    /// A boxed statement with a title, e.g. the profile and its summary.
    Callout {
        title: String,
        text: String,
    },
    List {
        ordered: bool,
        items: Vec<String>,
    },
    Table(Table),
    Figure(Figure),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Share of the table's width, relative to the other columns.
    pub width: f32,
    /// Numbers are right-aligned.
    pub numeric: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    /// One horizontal bar per entry on a 0–`max` scale, e.g. stance scores on 0–100.
    Bars {
        caption: String,
        max: f64,
        /// Appended to the value labels, e.g. "%".
        unit: String,
        bars: Vec<Bar>,
    },
    /// Bars in groups on one 0–`max` scale, e.g. per stance the person's own score beside their
    /// observers' mean. Each group has the same number of bars, in the legend's order.
    Grouped {
        caption: String,
        max: f64,
        /// What each bar of a group stands for, and its colour.
        legend: Vec<(String, Tone)>,
        groups: Vec<BarGroup>,
    },
    /// Lines over time on a 0–100 scale: one per stance.
    Lines {
        caption: String,
        /// The x positions, in order.
        dates: Vec<NaiveDate>,
        series: Vec<Series>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    /// `None` draws an empty track with the reason in `value_label`.
    pub value: Option<f64>,
    pub value_label: String,
    pub tone: Tone,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarGroup {
    pub label: String,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub tone: Tone,
    /// One per date; `None` where that assessment has no score for the stance.
    pub values: Vec<Option<f64>>,
}

/// Short stance names, as the app's charts and table headers use them.
pub fn stance_name(stance: Stance) -> &'static str {
    match stance {
        Stance::Front => "Front",
        Stance::Behind => "Behind",
        Stance::Servant => "Servant",
    }
}

/// Longer stance names, for a stance's own heading.
pub fn stance_title(stance: Stance) -> &'static str {
    match stance {
        Stance::Front => "Leading from the front",
        Stance::Behind => "Leading from behind",
        Stance::Servant => "Leading by serving",
    }
}

fn habit_stance_name(stance: Option<HabitStance>) -> &'static str {
    match stance {
        Some(HabitStance::Front) => "Front",
        Some(HabitStance::Behind) => "Behind",
        Some(HabitStance::Servant) => "Servant",
        Some(HabitStance::Rest) => "Rest",
        None => "—",
    }
}

/// "22 November 2026".
pub fn long_date(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

fn short_date(day: NaiveDate) -> String {
    day.format("%-d %b %Y").to_string()
}

fn session_time(at: NaiveDateTime) -> String {
    at.format("%-d %B %Y, %H:%M").to_string()
}

/// A 0–100 score with one decimal, as the app shows it, or the reason there is none.
fn score_text(score: Option<f64>, missing: &str) -> String {
    score.map_or_else(|| missing.to_owned(), |s| format!("{s:.1}"))
}

const NOT_ENOUGH: &str = "Not enough answers";

impl Report {
    /// The report for `data`: a profile from the latest assessment, the history of every
    /// assessment, habits with their strength, exercises done, and session notes only when
    /// `data.sessions` holds them.
    pub fn build(data: &ReportData) -> Self {
        let mut facts = vec![("Prepared for".to_owned(), data.person.name.clone())];
        if let Some(coach) = &data.coach {
            facts.push(("Prepared by".to_owned(), coach.name.clone()));
        }
        facts.push(("Date".to_owned(), long_date(data.generated_on)));
        facts.push((
            "Assessments".to_owned(),
            match data.history.len() {
                0 => "none finished yet".to_owned(),
                1 => "1 finished".to_owned(),
                n => format!(
                    "{n} finished, {} to {}",
                    short_date(data.history[0].completed_at.date_naive()),
                    short_date(data.history[n - 1].completed_at.date_naive())
                ),
            },
        ));
        let mut sections = vec![profile_section(data)];
        sections.extend(observers::section(
            &data.person.name,
            data.observers.as_ref(),
        ));
        sections.extend([
            history_section(&data.history),
            habits_section(&data.habits),
            exercises_section(&data.exercises),
        ]);
        if let Some(sessions) = &data.sessions {
            sections.push(notes_section(sessions));
        }
        Self {
            title: "Leading from the back".to_owned(),
            person_name: data.person.name.clone(),
            coach_name: data.coach.as_ref().map(|c| c.name.clone()),
            generated_on: data.generated_on,
            facts,
            sections,
        }
    }
}

fn profile_section(data: &ReportData) -> Section {
    let heading = "Profile".to_owned();
    let Some(result) = &data.latest else {
        return Section {
            heading,
            blocks: vec![Block::Note(
                "No assessment has been finished yet, so there is no profile to show. Take the \
                 self-assessment and the profile appears here."
                    .to_owned(),
            )],
            new_page: false,
        };
    };
    let mut blocks = Vec::new();
    if let Some(last) = data.history.last() {
        blocks.push(Block::Note(format!(
            "From the assessment finished on {}. Scores run from 0 to 100 for each stance: how \
             often the behaviours of that stance show up, not how good a leader someone is.",
            long_date(last.completed_at.date_naive())
        )));
    }
    blocks.push(Block::Callout {
        title: result.profile.label.clone(),
        text: result.profile.summary.clone(),
    });
    blocks.push(Block::Figure(Figure::Bars {
        caption: "Score per stance (0–100)".to_owned(),
        max: 100.0,
        unit: String::new(),
        bars: result
            .stances
            .iter()
            .map(|s| Bar {
                label: stance_name(s.stance).to_owned(),
                value: s.score,
                value_label: score_text(s.score, NOT_ENOUGH),
                tone: s.stance.into(),
            })
            .collect(),
    }));
    let balance = result.scores.balance;
    blocks.push(Block::Table(Table {
        columns: vec![
            column("Stance", 1.2, false),
            column("Score", 0.8, true),
            column("Share", 0.8, true),
            column("Band", 1.6, false),
        ],
        rows: result
            .stances
            .iter()
            .map(|s| {
                let share = balance.map(|b| match s.stance {
                    Stance::Front => b.front,
                    Stance::Behind => b.behind,
                    Stance::Servant => b.servant,
                });
                vec![
                    stance_name(s.stance).to_owned(),
                    score_text(s.score, "—"),
                    share.map_or_else(|| "—".to_owned(), |p| format!("{p:.0}%")),
                    s.band
                        .as_ref()
                        .map_or_else(|| result.not_enough_answers.clone(), |b| b.label.clone()),
                ]
            })
            .collect(),
    }));
    let situational = match result.scores.situational {
        Some(s) => format!(
            "Situational judgement: {s:.0}% of the scenarios answered with the stance that fits \
             the situation."
        ),
        None => "Situational judgement: too few scenarios were answered for a score.".to_owned(),
    };
    let mut extra = vec![situational];
    if let Some(energy) = &result.energy {
        let score = score_text(result.scores.energy, NOT_ENOUGH);
        extra.push(format!(
            "Energy and rest: {score} of 100 ({}). {}",
            energy.label, energy.narrative
        ));
    }
    blocks.push(Block::List {
        ordered: false,
        items: extra,
    });
    for stance in &result.stances {
        blocks.push(Block::Heading(format!(
            "{} — {}",
            stance_title(stance.stance),
            stance
                .band
                .as_ref()
                .map_or(result.not_enough_answers.as_str(), |b| b.label.as_str())
        )));
        let Some(band) = &stance.band else {
            continue;
        };
        blocks.push(Block::Paragraph(band.narrative.clone()));
        if !band.strengths.is_empty() {
            blocks.push(Block::Subheading("Strengths".to_owned()));
            blocks.push(Block::List {
                ordered: false,
                items: band.strengths.clone(),
            });
        }
        if !band.risks.is_empty() {
            blocks.push(Block::Subheading("Watch for".to_owned()));
            blocks.push(Block::List {
                ordered: false,
                items: band.risks.clone(),
            });
        }
    }
    if !data.suggested_habits.is_empty() || !data.suggested_exercises.is_empty() {
        blocks.push(Block::Heading("Suggested next".to_owned()));
        let items = data
            .suggested_habits
            .iter()
            .map(|h| format!("Habit: {h}"))
            .chain(
                data.suggested_exercises
                    .iter()
                    .map(|e| format!("Exercise: {e}")),
            )
            .collect();
        blocks.push(Block::List {
            ordered: false,
            items,
        });
    }
    Section {
        heading,
        blocks,
        new_page: false,
    }
}

fn history_section(history: &[HistoryEntry]) -> Section {
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

fn habits_section(habits: &[HabitSummary]) -> Section {
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

fn percent(share: f64) -> String {
    format!("{:.0}%", (share * 100.0).clamp(0.0, 100.0))
}

fn exercises_section(exercises: &[ExerciseSummary]) -> Section {
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

fn notes_section(sessions: &[Session]) -> Section {
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

fn column(title: &str, width: f32, numeric: bool) -> Column {
    Column {
        title: title.to_owned(),
        width,
        numeric,
    }
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
