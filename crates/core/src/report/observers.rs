//! The observers' (360) section of a report: per stance the person's own score beside their
//! observers' mean and the gap, as a chart and a table, the way the app's observers card shows it.
//! The numbers are the ones [`crate::observers::aggregate`] gave the store's observer view; nothing
//! is recomputed here, and a stance fewer than [`MIN_OBSERVERS`] observers scored shows only that
//! it is withheld and how many scored it, never a number from their answers.

use crate::assessment::{Stance, StanceScores};
use crate::observers::{MIN_OBSERVERS, ObserverSummary, StanceView};

use super::model::{Bar, BarGroup, Block, Figure, Section, Table, Tone};
use super::words::{column, score_text, signed_gap, stance_name};

/// The person's own latest scores and their observers' combined view, as the store's observer
/// view holds them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ObserverComparison {
    pub own: StanceScores,
    pub summary: ObserverSummary,
}

const OWN: &str = "Own view";
const OBSERVERS: &str = "Observers (mean)";

/// The section, or none when no observer answered.
pub(super) fn section(name: &str, comparison: Option<&ObserverComparison>) -> Option<Section> {
    let ObserverComparison { own, summary } = *comparison.filter(|c| c.summary.observers > 0)?;
    let answered = match summary.observers {
        1 => "1 observer answered".to_owned(),
        n => format!("{n} observers answered"),
    };
    let any_shown = Stance::ALL
        .into_iter()
        .any(|s| matches!(summary.stances.get(s), StanceView::Shown { .. }));
    let mut intro = format!(
        "{answered} about {name}. Their answers are shown only combined, and a stance fewer than \
         {MIN_OBSERVERS} of them could score is withheld."
    );
    if any_shown {
        intro.push_str(&format!(
            " The gap is the observers' mean minus {name}'s own score: above zero where others \
             see more of a stance than {name} does."
        ));
    } else {
        intro.push_str(" No stance has enough of them yet, so no observers' score is shown.");
    }
    let mut blocks = vec![Block::Note(intro)];
    if any_shown {
        blocks.push(Block::Figure(chart(&own, &summary)));
    }
    blocks.push(Block::Table(table(&own, &summary)));
    Some(Section {
        heading: "Observers (360)".to_owned(),
        blocks,
        new_page: false,
    })
}

fn chart(own: &StanceScores, summary: &ObserverSummary) -> Figure {
    Figure::Grouped {
        caption: "Own view and observers' view per stance (0–100)".to_owned(),
        max: 100.0,
        legend: vec![
            (OWN.to_owned(), Tone::Own),
            (OBSERVERS.to_owned(), Tone::Observers),
        ],
        groups: Stance::ALL
            .into_iter()
            .map(|stance| {
                let score = own.get(stance);
                let observers = match summary.stances.get(stance) {
                    StanceView::Shown { mean, .. } => Bar {
                        label: OBSERVERS.to_owned(),
                        value: Some(mean),
                        value_label: score_text(Some(mean), ""),
                        tone: Tone::Observers,
                    },
                    StanceView::Withheld { answered, needed } => Bar {
                        label: OBSERVERS.to_owned(),
                        value: None,
                        value_label: withheld(answered, needed),
                        tone: Tone::Observers,
                    },
                };
                BarGroup {
                    label: stance_name(stance).to_owned(),
                    bars: vec![
                        Bar {
                            label: OWN.to_owned(),
                            value: score,
                            value_label: score_text(score, "No own score"),
                            tone: Tone::Own,
                        },
                        observers,
                    ],
                }
            })
            .collect(),
    }
}

fn table(own: &StanceScores, summary: &ObserverSummary) -> Table {
    Table {
        columns: vec![
            column("Stance", 1.0, false),
            column("Own", 0.7, true),
            column("Observers", 2.2, true),
            column("Gap", 0.8, true),
        ],
        rows: Stance::ALL
            .into_iter()
            .map(|stance| {
                let (observers, gap) = match summary.stances.get(stance) {
                    StanceView::Shown {
                        mean,
                        observers,
                        gap,
                    } => (
                        format!("{mean:.1} ({observers} observers)"),
                        gap.map_or_else(|| "—".to_owned(), signed_gap),
                    ),
                    StanceView::Withheld { answered, needed } => {
                        (withheld(answered, needed), "—".to_owned())
                    }
                };
                vec![
                    stance_name(stance).to_owned(),
                    score_text(own.get(stance), "—"),
                    observers,
                    gap,
                ]
            })
            .collect(),
    }
}

fn withheld(answered: u32, needed: u32) -> String {
    format!("Withheld: {answered} of the {needed} observers needed")
}

#[cfg(test)]
#[path = "observers_tests.rs"]
mod tests;
