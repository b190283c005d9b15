//! How a report words and formats things: stance names, dates, scores, shares and table columns.

use chrono::{NaiveDate, NaiveDateTime};

use super::model::Column;
use crate::assessment::Stance;
use crate::habits::HabitStance;

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

pub(super) fn habit_stance_name(stance: Option<HabitStance>) -> &'static str {
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

pub(super) fn short_date(day: NaiveDate) -> String {
    day.format("%-d %b %Y").to_string()
}

pub(super) fn session_time(at: NaiveDateTime) -> String {
    at.format("%-d %B %Y, %H:%M").to_string()
}

/// A 0–100 score with one decimal, as the app shows it, or the reason there is none.
pub(super) fn score_text(score: Option<f64>, missing: &str) -> String {
    score.map_or_else(|| missing.to_owned(), |s| format!("{s:.1}"))
}

/// A gap between two scores with its sign, one decimal: "+21.1", "−11.7" (a minus sign, not a
/// hyphen), "±0.0".
pub fn signed_gap(gap: f64) -> String {
    let sign = if gap > 0.0 {
        "+"
    } else if gap < 0.0 {
        "−"
    } else {
        "±"
    };
    format!("{sign}{:.1}", gap.abs())
}

pub(super) const NOT_ENOUGH: &str = "Not enough answers";

pub(super) fn percent(share: f64) -> String {
    format!("{:.0}%", (share * 100.0).clamp(0.0, 100.0))
}

pub(super) fn column(title: &str, width: f32, numeric: bool) -> Column {
    Column {
        title: title.to_owned(),
        width,
        numeric,
    }
}
