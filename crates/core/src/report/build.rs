//! Building a report from its data: the title page's facts, the order of the sections, and the
//! profile from the latest assessment.

use super::data::ReportData;
use super::model::{Bar, Block, Figure, Report, Section, Table};
use super::observers;
use super::sections::{exercises_section, habits_section, history_section, notes_section};
use super::words::{
    NOT_ENOUGH, column, long_date, score_text, short_date, stance_name, stance_title,
};
use crate::assessment::Stance;

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
