//! What a result says to the person: a profile, a band per stance with its narrative, strengths and
//! risks, and three habits and two exercises to try next. All of it is chosen from the instrument's
//! data by fixed rules, so a coach can read the file and predict the result:
//!
//! - **Profile**: the stances "leading" are those within the instrument's margin of the highest
//!   score; the label whose `leading` set equals them is the profile. With any stance unscored, the
//!   incomplete profile.
//! - **Band**: the one whose range holds the score (`from` ≤ score < `to`; 100 is in the top band).
//! - **Suggestions**: the first rule, in file order, whose conditions all hold.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{Band, ProfileLabel, SuggestionWhen};
use super::parse_feedback::mask;
use super::scoring::{Tenths, score_tenths};
use super::{AnswerSheet, Instrument, Scores, ScoringError, Stance};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileResult {
    /// Stable id, e.g. "the-shepherd"; "not-enough-answers" style ids when a stance is unscored.
    pub id: String,
    /// The name shown, e.g. "The shepherd".
    pub label: String,
    pub summary: String,
    /// The stances within the margin of the highest score; empty for the incomplete profile.
    pub leading: Vec<Stance>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BandFeedback {
    /// The band's id, e.g. "low".
    pub id: String,
    pub label: String,
    pub narrative: String,
    pub strengths: Vec<String>,
    pub risks: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StanceFeedback {
    pub stance: Stance,
    pub score: Option<f64>,
    /// Null when the stance has too few answers; show [`AssessmentResult::not_enough_answers`].
    pub band: Option<BandFeedback>,
}

/// Ids from the habit library and the exercise library.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Suggestions {
    pub habits: Vec<String>,
    pub exercises: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssessmentResult {
    pub instrument_id: String,
    pub instrument_version: u32,
    pub scores: Scores,
    pub profile: ProfileResult,
    /// One per stance, in the order front, behind, servant.
    pub stances: Vec<StanceFeedback>,
    /// Null when the energy section has too few answers.
    pub energy: Option<BandFeedback>,
    /// What to show in place of a band for an unscored stance.
    pub not_enough_answers: String,
    pub suggestions: Suggestions,
}

/// Scores a sheet and interprets the scores: everything a results screen or report shows.
pub fn evaluate(
    instrument: &Instrument,
    sheet: &AnswerSheet,
) -> Result<AssessmentResult, ScoringError> {
    let (scores, tenths) = score_tenths(instrument, sheet)?;
    let profile = profile(instrument, &tenths);
    let stances = Stance::ALL
        .into_iter()
        .map(|stance| StanceFeedback {
            stance,
            score: scores.stances.get(stance),
            band: tenths.stances[stance.index()].and_then(|t| band(instrument.bands(stance), t)),
        })
        .collect();
    let energy = tenths
        .energy
        .and_then(|t| band(instrument.energy_bands(), t));
    let suggestions = suggestions(instrument, &profile.id, &tenths);
    Ok(AssessmentResult {
        instrument_id: instrument.id().to_owned(),
        instrument_version: instrument.version(),
        scores,
        profile: ProfileResult {
            id: profile.id.clone(),
            label: profile.label.clone(),
            summary: profile.summary.clone(),
            leading: profile.leading.clone(),
        },
        stances,
        energy,
        not_enough_answers: instrument.not_enough_answers().to_owned(),
        suggestions,
    })
}

fn profile<'a>(instrument: &'a Instrument, tenths: &Tenths) -> &'a ProfileLabel {
    let [Some(front), Some(behind), Some(servant)] = tenths.stances else {
        return instrument.incomplete_profile();
    };
    let scores = [front, behind, servant];
    let top = front.max(behind).max(servant);
    let leading: Vec<Stance> = Stance::ALL
        .into_iter()
        .filter(|s| top - scores[s.index()] <= instrument.margin_tenths)
        .collect();
    let wanted = mask(&leading);
    // Validation guarantees every set of leading stances has a label; the fallback is never taken.
    instrument
        .profile_labels()
        .iter()
        .find(|label| mask(&label.leading) == wanted)
        .unwrap_or(instrument.incomplete_profile())
}

fn band(bands: &[Band], tenths: i64) -> Option<BandFeedback> {
    bands
        .iter()
        .find(|b| b.holds_tenths(tenths))
        .map(|b| BandFeedback {
            id: b.id.clone(),
            label: b.label.clone(),
            narrative: b.narrative.clone(),
            strengths: b.strengths.clone(),
            risks: b.risks.clone(),
        })
}

fn suggestions(instrument: &Instrument, profile_id: &str, tenths: &Tenths) -> Suggestions {
    instrument
        .suggestion_rules()
        .iter()
        .find(|rule| applies(&rule.when, profile_id, tenths))
        .map(|rule| Suggestions {
            habits: rule.habits.clone(),
            exercises: rule.exercises.clone(),
        })
        .unwrap_or_default()
}

fn applies(when: &SuggestionWhen, profile_id: &str, tenths: &Tenths) -> bool {
    let below = |threshold: Option<f64>, score: Option<i64>| {
        threshold.is_none_or(|t| score.is_some_and(|s| s < (t * 10.0).round() as i64))
    };
    when.profile.as_deref().is_none_or(|p| p == profile_id)
        && below(when.energy_below, tenths.energy)
        && below(when.situational_below, tenths.situational)
}
