//! How results read in a terminal.

use std::fmt;
use std::io::{self, Write};

use leadback_core::assessment::{AssessmentResult, Scale};

/// "1 Never · 2 Rarely · …"
pub fn scale(scale: &Scale) -> String {
    (scale.min..=scale.max)
        .zip(&scale.labels)
        .map(|(value, label)| format!("{value} {label}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn score(value: Option<f64>) -> String {
    value.map_or_else(|| "not enough answers".to_owned(), |v| format!("{v:.1}"))
}

pub fn result(out: &mut dyn Write, result: &AssessmentResult) -> io::Result<()> {
    let scores = &result.scores;
    writeln!(out, "{}", result.profile.label)?;
    writeln!(out, "{}\n", result.profile.summary)?;
    for stance in &result.stances {
        let band = stance
            .band
            .as_ref()
            .map_or(String::new(), |b| format!("  ({})", b.label));
        writeln!(
            out,
            "  {:<10}{:>20}{band}",
            stance.stance.as_str(),
            score(stance.score)
        )?;
    }
    writeln!(
        out,
        "  {:<10}{:>20}",
        "situation",
        score(scores.situational)
    )?;
    writeln!(out, "  {:<10}{:>20}", "energy", score(scores.energy))?;
    if let Some(balance) = &scores.balance {
        writeln!(
            out,
            "\nbalance: front {:.1}% · behind {:.1}% · servant {:.1}%",
            balance.front, balance.behind, balance.servant
        )?;
    }
    for stance in &result.stances {
        if let Some(band) = &stance.band {
            writeln!(out, "\n{} — {}", stance.stance.as_str(), band.label)?;
            writeln!(out, "{}", band.narrative)?;
        }
    }
    writeln!(
        out,
        "\nhabits to try: {}",
        result.suggestions.habits.join(", ")
    )?;
    writeln!(
        out,
        "exercises to try: {}",
        result.suggestions.exercises.join(", ")
    )?;
    Ok(())
}

/// "Sunday 22 November 2026"
pub fn day(day: chrono::NaiveDate) -> String {
    day.format("%A %-d %B %Y").to_string()
}

/// A count with its noun: "1 session", "2 sessions", "0 sessions".
pub fn counted<N>(n: N, one: &str, many: &str) -> String
where
    N: fmt::Display + PartialEq + From<u8>,
{
    let noun = if n == N::from(1) { one } else { many };
    format!("{n} {noun}")
}
