//! One test per kind of fault in the interpreting half of an instrument file (bands, profile
//! labels, suggestion rules), refused with a message naming the file, the place and the problem.

use super::fixtures::{BALANCED, FALLBACK, FILE, RULES, SERVANT_BANDS, refused, tiny, with};
use super::*;

#[test]
fn bands_with_a_gap() {
    let text = with(
        "label = \"High front\"\nfrom = 50",
        "label = \"High front\"\nfrom = 60",
    );
    refused(
        &text,
        "the front feedback",
        Fault::BandGap { from: 50, to: 60 },
    );
}

#[test]
fn bands_that_overlap() {
    let text = with(
        "label = \"High behind\"\nfrom = 50",
        "label = \"High behind\"\nfrom = 40",
    );
    refused(
        &text,
        "the behind feedback",
        Fault::BandOverlap { from: 40, to: 50 },
    );
}

#[test]
fn bands_that_stop_short_of_100() {
    let text = with(
        "from = 50\nto = 100\nnarrative = \"Often serving.\"",
        "from = 50\nto = 90\nnarrative = \"Often serving.\"",
    );
    refused(
        &text,
        "the servant feedback",
        Fault::BandGap { from: 90, to: 100 },
    );
}

#[test]
fn a_band_that_ends_where_it_starts() {
    let text = with(
        "from = 0\nto = 50\nnarrative = \"Seldom in front.\"",
        "from = 0\nto = 0\nnarrative = \"Seldom in front.\"",
    );
    refused(
        &text,
        "front band \"low\"",
        Fault::BandRange { from: 0, to: 0 },
    );
}

#[test]
fn a_stance_without_bands() {
    refused(
        &tiny().replace(SERVANT_BANDS, ""),
        "the servant feedback",
        Fault::NoBands,
    );
}

#[test]
fn a_stance_band_without_strengths() {
    let text = with("strengths = [\"Momentum.\"]", "strengths = []");
    refused(
        &text,
        "front band \"high\"",
        Fault::EmptyList { field: "strength" },
    );
}

#[test]
fn energy_items_without_energy_bands() {
    let text = with("[[feedback.energy]]", "[[feedback.unused]]");
    let Err(InstrumentError::Syntax { .. }) = Instrument::parse(FILE, &text) else {
        panic!("an unknown feedback table is a syntax error");
    };
    let text = tiny()
        .replace("[[feedback.energy]]\nid = \"low\"\nlabel = \"Tired\"\nfrom = 0\nto = 50\nnarrative = \"Heavy month.\"\n", "")
        .replace("[[feedback.energy]]\nid = \"high\"\nlabel = \"Rested\"\nfrom = 50\nto = 100\nnarrative = \"Rested month.\"\n", "");
    refused(&text, "the energy feedback", Fault::NoBands);
}

#[test]
fn suggestion_referring_to_no_profile() {
    let text = with(
        "when = { profile = \"f\" }",
        "when = { profile = \"nobody\" }",
    );
    refused(
        &text,
        "suggestion rule #2",
        Fault::UnknownProfile {
            id: "nobody".into(),
        },
    );
}

#[test]
fn suggestion_with_the_wrong_number_of_habits_or_exercises() {
    let text = with(
        "habits = [\"share-the-goal\", \"praise-a-contribution\", \"real-break\"]",
        "habits = [\"share-the-goal\"]",
    );
    let fault = Fault::SuggestionCount {
        field: "habits",
        found: 1,
        expected: 3,
    };
    refused(&text, "suggestion rule #3", fault);
    let text = with(
        "exercises = [\"shepherds-debrief\", \"collective-genius\"]",
        "exercises = []",
    );
    let fault = Fault::SuggestionCount {
        field: "exercises",
        found: 0,
        expected: 2,
    };
    refused(&text, "suggestion rule #3", fault);
}

#[test]
fn suggestion_naming_a_habit_twice() {
    let text = with(
        "\"praise-a-contribution\", \"real-break\"]",
        "\"real-break\", \"real-break\"]",
    );
    refused(
        &text,
        "suggestion rule #3",
        Fault::RepeatedSuggestion {
            id: "real-break".into(),
        },
    );
}

#[test]
fn suggestion_threshold_outside_0_to_100() {
    let text = with("energy_below = 50", "energy_below = 150");
    let fault = Fault::OutOfRange {
        field: "energy_below threshold",
        value: 150.0,
    };
    refused(&text, "suggestion rule #1", fault);
}

#[test]
fn suggestions_without_a_final_unconditional_rule() {
    refused(
        &tiny().replace(FALLBACK, ""),
        "the suggestions",
        Fault::NoFallbackRule,
    );
}

#[test]
fn a_rule_after_the_unconditional_one_can_never_apply() {
    let text = tiny()
        .replace(RULES, "")
        .replace(FALLBACK, &format!("{FALLBACK}{RULES}{FALLBACK}"));
    let fault = Fault::UnreachableRule {
        fallback: "suggestion rule #1".into(),
    };
    refused(&text, "suggestion rule #2", fault);
}

#[test]
fn a_set_of_leading_stances_without_a_profile_label() {
    let fault = Fault::MissingProfile {
        leading: "front, behind and servant".into(),
    };
    refused(&tiny().replace(BALANCED, ""), "the profile labels", fault);
}

#[test]
fn two_profile_labels_for_the_same_leading_stances() {
    let text = with(
        "leading = [\"front\", \"behind\", \"servant\"]",
        "leading = [\"behind\", \"front\"]",
    );
    let fault = Fault::DuplicateProfile {
        first: "profile label \"fb\"".into(),
    };
    refused(&text, "profile label \"fbs\"", fault);
}

#[test]
fn a_profile_label_naming_a_stance_twice() {
    let text = with("leading = [\"front\"]", "leading = [\"front\", \"front\"]");
    refused(
        &text,
        "profile label \"f\"",
        Fault::RepeatedStance {
            stance: Stance::Front,
        },
    );
}

#[test]
fn margin_outside_0_to_100() {
    let text = with("margin = 25", "margin = -1");
    refused(
        &text,
        "the profile",
        Fault::OutOfRange {
            field: "margin",
            value: -1.0,
        },
    );
}
