//! From a file's text to a validated [`Instrument`]. The TOML is first read into loose "raw" structs
//! (strings for stances, defaults for missing text) so that a semantic fault is reported by us, with
//! the item's id, rather than as a bare serde message. Every problem is collected before refusing.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::model::{EnergyItem, EnergySection, Instrument, InstrumentView, Item, Key, Scale};
use super::model::{Scenario, ScenarioOption};
use super::parse_check::{Checker, place};
use super::parse_feedback::{RawFeedback, RawProfile, RawRule};
use super::{Fault, InstrumentError, Stance};

/// The fewest items a stance may have: one item is a single question, not a scale.
pub const MIN_ITEMS_PER_STANCE: usize = 2;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawInstrument {
    id: String,
    version: Option<i64>,
    title: String,
    intro: String,
    stem: String,
    scale: RawScale,
    items: Vec<RawItem>,
    scenarios: Vec<RawScenario>,
    energy: RawEnergy,
    feedback: RawFeedback,
    profile: RawProfile,
    suggestions: Vec<RawRule>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawScale {
    min: Option<i64>,
    max: Option<i64>,
    labels: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawItem {
    id: String,
    stance: String,
    reverse: bool,
    text: String,
    /// The third-person wording for observer forms; optional, but never blank when given.
    observer: Option<String>,
    source: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawEnergy {
    title: String,
    stem: String,
    items: Vec<RawEnergyItem>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawEnergyItem {
    id: String,
    reverse: bool,
    text: String,
    source: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawScenario {
    id: String,
    title: String,
    prompt: String,
    fitting: String,
    source: String,
    options: Vec<RawOption>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawOption {
    id: String,
    stance: String,
    text: String,
}

impl Instrument {
    /// Parses and validates an instrument file. `file_name` is only used in messages.
    pub fn parse(file_name: &str, text: &str) -> Result<Instrument, InstrumentError> {
        let raw: RawInstrument = InstrumentError::read_toml(file_name, text)?;
        let mut check = Checker::default();
        let instrument = build(raw, &mut check);
        InstrumentError::unless_problems(file_name, instrument, check.problems)
    }
}

fn build(raw: RawInstrument, check: &mut Checker) -> Instrument {
    let top = "the instrument";
    check.slug(top, &raw.id);
    let version = match raw.version {
        None => {
            check.fault(top, Fault::Missing { field: "version" });
            0
        }
        Some(v) => u32::try_from(v)
            .ok()
            .filter(|v| *v >= 1)
            .unwrap_or_else(|| {
                check.fault(top, Fault::BadVersion { found: v });
                0
            }),
    };
    let title = check.text(top, "title", raw.title);
    let intro = check.text(top, "intro", raw.intro);
    let stem = check.text(top, "stem", raw.stem);
    let scale = scale(raw.scale, check);

    let mut keys = BTreeMap::new();
    let items = items(raw.items, check, &mut keys);
    let energy = energy(raw.energy, check, &mut keys);
    let scenarios = raw
        .scenarios
        .into_iter()
        .enumerate()
        .filter_map(|(i, s)| scenario(i, s, check))
        .collect();
    let feedback = raw.feedback.build(check, !energy.items.is_empty());
    let (margin_tenths, incomplete, labels) = raw.profile.build(check);
    let suggestions = super::parse_feedback::rules(raw.suggestions, &incomplete, &labels, check);

    Instrument {
        view: InstrumentView {
            id: raw.id,
            version,
            title,
            intro,
            stem,
            scale,
            items,
            scenarios,
            energy,
        },
        bands: feedback.bands,
        energy_bands: feedback.energy,
        not_enough_answers: feedback.not_enough_answers,
        margin_tenths,
        incomplete,
        labels,
        suggestions,
        keys,
    }
}

fn scale(raw: RawScale, check: &mut Checker) -> Scale {
    let at = "the scale";
    let (min, max) = match (raw.min, raw.max) {
        (Some(min), Some(max)) => (min, max),
        (min, max) => {
            for (value, field) in [(min, "minimum"), (max, "maximum")] {
                if value.is_none() {
                    check.fault(at, Fault::Missing { field });
                }
            }
            return Scale {
                min: 0,
                max: 0,
                labels: raw.labels,
            };
        }
    };
    if min >= max {
        check.fault(at, Fault::ScaleBounds { min, max });
    } else {
        let expected = i128::from(max) - i128::from(min) + 1;
        if i128::try_from(raw.labels.len()).ok() != Some(expected) {
            let found = raw.labels.len();
            check.fault(
                at,
                Fault::ScaleLabels {
                    min,
                    max,
                    expected,
                    found,
                },
            );
        }
    }
    let labels = raw
        .labels
        .into_iter()
        .map(|l| check.text(at, "label", l))
        .collect();
    Scale { min, max, labels }
}

fn items(raw: Vec<RawItem>, check: &mut Checker, keys: &mut BTreeMap<String, Key>) -> Vec<Item> {
    let mut items = Vec::with_capacity(raw.len());
    for (i, r) in raw.into_iter().enumerate() {
        let at = place("item", i, &r.id);
        check.shared_id(&at, &r.id);
        let text = check.text(&at, "text", r.text);
        let observer_text = r.observer.map(|o| check.text(&at, "observer wording", o));
        let Some(stance) = check.stance(&at, "stance", &r.stance) else {
            continue;
        };
        keys.insert(r.id.clone(), Key::Stance(stance, r.reverse));
        let source = r.source.trim().to_owned();
        items.push(Item {
            id: r.id,
            stance,
            reverse: r.reverse,
            text,
            observer_text,
            source,
        });
    }
    for stance in Stance::ALL {
        let found = items.iter().filter(|item| item.stance == stance).count();
        if found < MIN_ITEMS_PER_STANCE {
            let min = MIN_ITEMS_PER_STANCE;
            check.fault(
                format!("the \"{stance}\" stance"),
                Fault::TooFewItems { stance, found, min },
            );
        }
    }
    items
}

fn energy(raw: RawEnergy, check: &mut Checker, keys: &mut BTreeMap<String, Key>) -> EnergySection {
    let at = "the energy section";
    let (title, stem) = if raw.items.is_empty() {
        (raw.title.trim().to_owned(), raw.stem.trim().to_owned())
    } else {
        (
            check.text(at, "title", raw.title),
            check.text(at, "stem", raw.stem),
        )
    };
    let mut items = Vec::with_capacity(raw.items.len());
    for (i, r) in raw.items.into_iter().enumerate() {
        let at = place("energy item", i, &r.id);
        check.shared_id(&at, &r.id);
        let text = check.text(&at, "text", r.text);
        keys.insert(r.id.clone(), Key::Energy(r.reverse));
        let source = r.source.trim().to_owned();
        items.push(EnergyItem {
            id: r.id,
            reverse: r.reverse,
            text,
            source,
        });
    }
    EnergySection { title, stem, items }
}

fn scenario(index: usize, raw: RawScenario, check: &mut Checker) -> Option<Scenario> {
    let at = place("scenario", index, &raw.id);
    check.shared_id(&at, &raw.id);
    let title = check.text(&at, "title", raw.title);
    let prompt = check.text(&at, "prompt", raw.prompt);
    let fitting = check.stance(&at, "fitting stance", &raw.fitting);
    let mut seen = BTreeMap::new();
    let mut options = Vec::with_capacity(raw.options.len());
    for (i, o) in raw.options.into_iter().enumerate() {
        let option_at = format!("{at}, {}", place("option", i, &o.id));
        check.local_id(&option_at, &o.id, &mut seen);
        let text = check.text(&option_at, "text", o.text);
        if let Some(stance) = check.stance(&option_at, "stance", &o.stance) {
            options.push(ScenarioOption {
                id: o.id,
                stance,
                text,
            });
        }
    }
    for stance in Stance::ALL {
        let found = options.iter().filter(|o| o.stance == stance).count();
        if found != 1 {
            check.fault(&at, Fault::OptionsPerStance { stance, found });
        }
    }
    let source = raw.source.trim().to_owned();
    Some(Scenario {
        id: raw.id,
        title,
        prompt,
        fitting: fitting?,
        options,
        source,
    })
}
