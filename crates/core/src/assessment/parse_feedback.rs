//! Validation of the interpreting half of an instrument file: feedback bands, profile labels and
//! suggestion rules. These are checked so that every possible result lands in exactly one band, gets
//! exactly one profile and at least one suggestion rule: interpretation can then never fail.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::model::{Band, ProfileLabel, SUGGESTED_EXERCISES, SUGGESTED_HABITS};
use super::model::{SuggestionRule, SuggestionWhen};
use super::parse_check::{Checker, place};
use super::{Fault, Stance};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(super) struct RawFeedback {
    not_enough_answers: String,
    front: Vec<RawBand>,
    behind: Vec<RawBand>,
    servant: Vec<RawBand>,
    energy: Vec<RawBand>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawBand {
    id: String,
    label: String,
    from: Option<i64>,
    to: Option<i64>,
    narrative: String,
    strengths: Vec<String>,
    risks: Vec<String>,
}

#[derive(Debug)]
pub(super) struct FeedbackParts {
    pub(super) bands: [Vec<Band>; 3],
    pub(super) energy: Vec<Band>,
    pub(super) not_enough_answers: String,
}

impl RawFeedback {
    pub(super) fn build(self, check: &mut Checker, has_energy_items: bool) -> FeedbackParts {
        let not_enough_answers = check.text(
            "the feedback",
            "not_enough_answers text",
            self.not_enough_answers,
        );
        let front = bands("front", self.front, true, check);
        let behind = bands("behind", self.behind, true, check);
        let servant = bands("servant", self.servant, true, check);
        let energy = if has_energy_items || !self.energy.is_empty() {
            bands("energy", self.energy, false, check)
        } else {
            Vec::new()
        };
        FeedbackParts {
            bands: [front, behind, servant],
            energy,
            not_enough_answers,
        }
    }
}

/// Validates one list of bands and returns it sorted by `from`. `needs_lists`: stance bands must
/// name strengths and risks; energy bands may leave them out.
fn bands(owner: &str, raw: Vec<RawBand>, needs_lists: bool, check: &mut Checker) -> Vec<Band> {
    let whole = format!("the {owner} feedback");
    if raw.is_empty() {
        check.fault(whole, Fault::NoBands);
        return Vec::new();
    }
    let mut seen = BTreeMap::new();
    let mut bands = Vec::with_capacity(raw.len());
    let mut ranges_valid = true;
    for (i, r) in raw.into_iter().enumerate() {
        let at = format!("{owner} {}", place("band", i, &r.id));
        check.local_id(&at, &r.id, &mut seen);
        let label = check.text(&at, "label", r.label);
        let narrative = check.text(&at, "narrative", r.narrative);
        let strengths = list(&at, "strength", r.strengths, needs_lists, check);
        let risks = list(&at, "risk", r.risks, needs_lists, check);
        let (Some(from), Some(to)) = (r.from, r.to) else {
            for (value, field) in [(r.from, "from"), (r.to, "to")] {
                if value.is_none() {
                    check.fault(&at, Fault::Missing { field });
                }
            }
            ranges_valid = false;
            continue;
        };
        if !(0 <= from && from < to && to <= 100) {
            check.fault(&at, Fault::BandRange { from, to });
            ranges_valid = false;
        }
        bands.push(Band {
            id: r.id,
            label,
            from,
            to,
            narrative,
            strengths,
            risks,
        });
    }
    bands.sort_by_key(|b| (b.from, b.to));
    // Only judge coverage when each band is sound on its own, so one typo is one message.
    if ranges_valid {
        let mut covered_to = 0;
        for band in &bands {
            if band.from > covered_to {
                check.fault(
                    &whole,
                    Fault::BandGap {
                        from: covered_to,
                        to: band.from,
                    },
                );
            } else if band.from < covered_to {
                let to = covered_to.min(band.to);
                check.fault(
                    &whole,
                    Fault::BandOverlap {
                        from: band.from,
                        to,
                    },
                );
            }
            covered_to = covered_to.max(band.to);
        }
        if covered_to < 100 {
            check.fault(
                &whole,
                Fault::BandGap {
                    from: covered_to,
                    to: 100,
                },
            );
        }
    }
    bands
}

fn list(
    at: &str,
    field: &'static str,
    raw: Vec<String>,
    required: bool,
    check: &mut Checker,
) -> Vec<String> {
    if required && raw.is_empty() {
        check.fault(at, Fault::EmptyList { field });
    }
    raw.into_iter()
        .map(|text| check.text(at, field, text))
        .collect()
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(super) struct RawProfile {
    margin: Option<f64>,
    incomplete: RawIncomplete,
    labels: Vec<RawLabel>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawIncomplete {
    id: String,
    label: String,
    summary: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawLabel {
    id: String,
    leading: Vec<String>,
    label: String,
    summary: String,
}

impl RawProfile {
    /// Returns the margin in tenths of a point, the incomplete profile and the labels.
    pub(super) fn build(self, check: &mut Checker) -> (i64, ProfileLabel, Vec<ProfileLabel>) {
        let margin = match self.margin {
            Some(value) => check.percent("the profile", "margin", value),
            None => {
                check.fault("the profile", Fault::Missing { field: "margin" });
                0
            }
        };
        let mut seen = BTreeMap::new();
        let at = "the incomplete profile";
        check.local_id(at, &self.incomplete.id, &mut seen);
        let incomplete = ProfileLabel {
            id: self.incomplete.id,
            leading: Vec::new(),
            label: check.text(at, "label", self.incomplete.label),
            summary: check.text(at, "summary", self.incomplete.summary),
        };
        // Each non-empty set of leading stances, as a bit mask, and the label that covers it.
        let mut covered: BTreeMap<u8, String> = BTreeMap::new();
        let mut labels = Vec::with_capacity(self.labels.len());
        for (i, r) in self.labels.into_iter().enumerate() {
            let at = place("profile label", i, &r.id);
            check.local_id(&at, &r.id, &mut seen);
            let label = check.text(&at, "label", r.label);
            let summary = check.text(&at, "summary", r.summary);
            if r.leading.is_empty() {
                check.fault(
                    &at,
                    Fault::EmptyList {
                        field: "leading stance",
                    },
                );
            }
            let mut leading: Vec<Stance> = Vec::with_capacity(r.leading.len());
            for raw in &r.leading {
                let Some(stance) = check.stance(&at, "leading stance", raw) else {
                    continue;
                };
                if leading.contains(&stance) {
                    check.fault(&at, Fault::RepeatedStance { stance });
                } else {
                    leading.push(stance);
                }
            }
            leading.sort();
            let mask = mask(&leading);
            if mask != 0 {
                if let Some(first) = covered.get(&mask) {
                    check.fault(
                        &at,
                        Fault::DuplicateProfile {
                            first: first.clone(),
                        },
                    );
                } else {
                    covered.insert(mask, at.clone());
                }
            }
            labels.push(ProfileLabel {
                id: r.id,
                leading,
                label,
                summary,
            });
        }
        for wanted in 1..8u8 {
            if !covered.contains_key(&wanted) {
                let leading = describe(wanted);
                check.fault("the profile labels", Fault::MissingProfile { leading });
            }
        }
        (margin, incomplete, labels)
    }
}

/// A set of stances as bits, in [`Stance::ALL`] order.
pub(super) fn mask(stances: &[Stance]) -> u8 {
    stances.iter().fold(0, |m, s| m | 1 << s.index())
}

/// "front", "front and servant", "front, behind and servant".
fn describe(mask: u8) -> String {
    let names: Vec<&str> = Stance::ALL
        .into_iter()
        .filter(|s| mask & (1 << s.index()) != 0)
        .map(Stance::as_str)
        .collect();
    match names.as_slice() {
        [only] => (*only).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
        [] => String::new(),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(super) struct RawRule {
    when: RawWhen,
    habits: Vec<String>,
    exercises: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawWhen {
    profile: Option<String>,
    energy_below: Option<f64>,
    situational_below: Option<f64>,
}

pub(super) fn rules(
    raw: Vec<RawRule>,
    incomplete: &ProfileLabel,
    labels: &[ProfileLabel],
    check: &mut Checker,
) -> Vec<SuggestionRule> {
    let mut rules = Vec::with_capacity(raw.len());
    let mut fallback: Option<String> = None;
    for (i, r) in raw.into_iter().enumerate() {
        let at = format!("suggestion rule #{}", i + 1);
        if let Some(id) = &r.when.profile {
            let known = id == &incomplete.id || labels.iter().any(|l| &l.id == id);
            if !known {
                check.fault(&at, Fault::UnknownProfile { id: id.clone() });
            }
        }
        for (value, field) in [
            (r.when.energy_below, "energy_below threshold"),
            (r.when.situational_below, "situational_below threshold"),
        ] {
            if let Some(value) = value {
                check.percent(&at, field, value);
            }
        }
        let habits = suggested(&at, "habits", r.habits, SUGGESTED_HABITS, check);
        let exercises = suggested(&at, "exercises", r.exercises, SUGGESTED_EXERCISES, check);
        let when = SuggestionWhen {
            profile: r.when.profile,
            energy_below: r.when.energy_below,
            situational_below: r.when.situational_below,
        };
        if let Some(first) = &fallback {
            check.fault(
                &at,
                Fault::UnreachableRule {
                    fallback: first.clone(),
                },
            );
        } else if when.is_unconditional() {
            fallback = Some(at);
        }
        rules.push(SuggestionRule {
            when,
            habits,
            exercises,
        });
    }
    if rules
        .last()
        .is_none_or(|last| !last.when.is_unconditional())
    {
        check.fault("the suggestions", Fault::NoFallbackRule);
    }
    rules
}

fn suggested(
    at: &str,
    field: &'static str,
    ids: Vec<String>,
    expected: usize,
    check: &mut Checker,
) -> Vec<String> {
    if ids.len() != expected {
        check.fault(
            at,
            Fault::SuggestionCount {
                field,
                found: ids.len(),
                expected,
            },
        );
    }
    for (i, id) in ids.iter().enumerate() {
        if check.slug(at, id) && ids[..i].contains(id) {
            check.fault(at, Fault::RepeatedSuggestion { id: id.clone() });
        }
    }
    ids
}
