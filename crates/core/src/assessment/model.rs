//! What a validated instrument holds. The part a questionnaire screen needs to render (scale, items,
//! scenarios, energy section) is [`InstrumentView`], exported to TypeScript; the scoring keys,
//! feedback texts and suggestion rules stay on the Rust side, behind [`Instrument`]'s accessors, so
//! the only way to get an `Instrument` is through [`Instrument::parse`] and its checks.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ScoringError, Stance};

/// The answer scale shared by every Likert item, e.g. 1 "Never" … 5 "Almost always".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    /// One label per point, from `min` to `max`.
    pub labels: Vec<String>,
}

impl Scale {
    pub fn contains(&self, value: i64) -> bool {
        (self.min..=self.max).contains(&value)
    }
}

/// A behaviour-based statement about one stance, answered on the [`Scale`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Item {
    pub id: String,
    pub stance: Stance,
    /// Agreeing means *less* of the stance: an answer `x` counts as `min + max − x`.
    pub reverse: bool,
    pub text: String,
    /// The same statement in the third person, for observer (360) forms: "Lets others go first…".
    /// Absent in a custom instrument that has none; observer forms then cannot use the instrument.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub observer_text: Option<String>,
    /// The passage of the source texts the item comes from.
    pub source: String,
}

/// A statement about energy and the weight of leading, answered on the same [`Scale`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EnergyItem {
    pub id: String,
    /// Agreeing means *less* energy: an answer `x` counts as `min + max − x`.
    pub reverse: bool,
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EnergySection {
    pub title: String,
    /// Shown above each energy item, e.g. "In the last month, I…".
    pub stem: String,
    pub items: Vec<EnergyItem>,
}

/// One possible response to a scenario; each scenario has exactly one per stance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScenarioOption {
    pub id: String,
    pub stance: Stance,
    pub text: String,
}

/// A situational-judgement question: which stance would you take here?
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    pub prompt: String,
    /// The stance the source texts say fits this situation.
    pub fitting: Stance,
    pub options: Vec<ScenarioOption>,
    pub source: String,
}

/// Everything a questionnaire screen needs to render the instrument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InstrumentView {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub intro: String,
    /// Shown above each item, e.g. "In the last month, I…".
    pub stem: String,
    pub scale: Scale,
    /// In the order they are asked.
    pub items: Vec<Item>,
    pub scenarios: Vec<Scenario>,
    pub energy: EnergySection,
}

/// A score range on 0–100 with what to say about it. `from` is included; `to` is excluded, except
/// for 100, which belongs to the band that ends there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    pub id: String,
    pub label: String,
    pub from: i64,
    pub to: i64,
    pub narrative: String,
    pub strengths: Vec<String>,
    pub risks: Vec<String>,
}

impl Band {
    /// Whether a score, in tenths of a point, falls in this band.
    pub(super) fn holds_tenths(&self, tenths: i64) -> bool {
        tenths >= self.from * 10 && (tenths < self.to * 10 || (self.to == 100 && tenths == 1000))
    }
}

/// A profile a result can be given. `leading` is the set of stances within the margin of the
/// highest score (sorted); the incomplete profile has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileLabel {
    pub id: String,
    pub leading: Vec<Stance>,
    pub label: String,
    pub summary: String,
}

/// The conditions of a suggestion rule; all the ones given must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SuggestionWhen {
    pub profile: Option<String>,
    pub energy_below: Option<f64>,
    pub situational_below: Option<f64>,
}

impl SuggestionWhen {
    pub fn is_unconditional(&self) -> bool {
        self.profile.is_none() && self.energy_below.is_none() && self.situational_below.is_none()
    }
}

/// How many habits and exercises every suggestion rule names.
pub const SUGGESTED_HABITS: usize = 3;
pub const SUGGESTED_EXERCISES: usize = 2;

/// "When the result looks like this, suggest these habits and exercises." The first rule that
/// matches wins; the last rule has no conditions.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestionRule {
    pub when: SuggestionWhen,
    pub habits: Vec<String>,
    pub exercises: Vec<String>,
}

/// Which score an answer feeds, and whether it is reverse-keyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
    Stance(Stance, bool),
    Energy(bool),
}

/// A validated instrument. Built only by [`Instrument::parse`].
#[derive(Debug, Clone, PartialEq)]
pub struct Instrument {
    pub(super) view: InstrumentView,
    /// Per stance, in [`Stance::ALL`] order, sorted by `from`.
    pub(super) bands: [Vec<Band>; 3],
    pub(super) energy_bands: Vec<Band>,
    pub(super) not_enough_answers: String,
    /// Tenths of a point: a stance this close to the highest score also leads.
    pub(super) margin_tenths: i64,
    pub(super) incomplete: ProfileLabel,
    pub(super) labels: Vec<ProfileLabel>,
    pub(super) suggestions: Vec<SuggestionRule>,
    pub(super) keys: BTreeMap<String, Key>,
}

impl Instrument {
    pub fn view(&self) -> &InstrumentView {
        &self.view
    }

    pub fn id(&self) -> &str {
        &self.view.id
    }

    pub fn version(&self) -> u32 {
        self.view.version
    }

    pub fn scale(&self) -> &Scale {
        &self.view.scale
    }

    pub fn items(&self) -> &[Item] {
        &self.view.items
    }

    pub fn scenarios(&self) -> &[Scenario] {
        &self.view.scenarios
    }

    pub fn energy_items(&self) -> &[EnergyItem] {
        &self.view.energy.items
    }

    /// The feedback bands of a stance, sorted from low to high.
    pub fn bands(&self, stance: Stance) -> &[Band] {
        &self.bands[stance.index()]
    }

    pub fn energy_bands(&self) -> &[Band] {
        &self.energy_bands
    }

    /// What to say about a stance that has too few answers to score.
    pub fn not_enough_answers(&self) -> &str {
        &self.not_enough_answers
    }

    /// How close (in points) to the highest stance score another stance must be to count as leading.
    pub fn margin(&self) -> f64 {
        self.margin_tenths as f64 / 10.0
    }

    pub fn profile_labels(&self) -> &[ProfileLabel] {
        &self.labels
    }

    /// The profile given when a stance has too few answers to score.
    pub fn incomplete_profile(&self) -> &ProfileLabel {
        &self.incomplete
    }

    pub fn suggestion_rules(&self) -> &[SuggestionRule] {
        &self.suggestions
    }

    /// Refuses answers that were given to another instrument or another version of this one.
    pub fn check_identity(&self, id: &str, version: i64) -> Result<(), ScoringError> {
        if id == self.view.id && version == i64::from(self.view.version) {
            Ok(())
        } else {
            Err(ScoringError::WrongInstrument {
                expected_id: self.view.id.clone(),
                expected_version: self.view.version,
                found_id: id.to_owned(),
                found_version: version,
            })
        }
    }
}

impl Instrument {
    /// Checks one answer before it is saved: the item must exist and a value must be on the scale.
    pub fn check_answer(&self, item_id: &str, value: Option<i64>) -> Result<(), ScoringError> {
        self.answer_key(item_id, value).map(|_| ())
    }

    /// Checks one scenario choice before it is saved (`None` is a skip).
    pub fn check_choice(
        &self,
        scenario_id: &str,
        option_id: Option<&str>,
    ) -> Result<(), ScoringError> {
        match option_id {
            Some(option_id) => self.scenario_option(scenario_id, option_id).map(|_| ()),
            None => self
                .scenarios()
                .iter()
                .any(|s| s.id == scenario_id)
                .then_some(())
                .ok_or_else(|| ScoringError::UnknownScenario {
                    id: scenario_id.to_owned(),
                }),
        }
    }

    /// The scoring key of an item, after checking that the value (if any) is on the scale.
    pub(super) fn answer_key(
        &self,
        item_id: &str,
        value: Option<i64>,
    ) -> Result<Key, ScoringError> {
        let key = *self
            .keys
            .get(item_id)
            .ok_or_else(|| ScoringError::UnknownItem {
                id: item_id.to_owned(),
            })?;
        match value {
            Some(value) if !self.scale().contains(value) => Err(ScoringError::OutOfScale {
                id: item_id.to_owned(),
                value,
                min: self.scale().min,
                max: self.scale().max,
            }),
            _ => Ok(key),
        }
    }

    pub(super) fn scenario_option(
        &self,
        scenario_id: &str,
        option_id: &str,
    ) -> Result<(&Scenario, &ScenarioOption), ScoringError> {
        let scenario = self
            .scenarios()
            .iter()
            .find(|s| s.id == scenario_id)
            .ok_or_else(|| ScoringError::UnknownScenario {
                id: scenario_id.to_owned(),
            })?;
        let option = scenario
            .options
            .iter()
            .find(|o| o.id == option_id)
            .ok_or_else(|| ScoringError::UnknownOption {
                scenario: scenario_id.to_owned(),
                option: option_id.to_owned(),
            })?;
        Ok((scenario, option))
    }
}
