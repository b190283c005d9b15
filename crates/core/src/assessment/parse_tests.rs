//! One test per kind of fault in the questionnaire half of an instrument file (ids, scale, items,
//! scenarios): each must be refused with a message that names the file, the place and the problem.

use super::fixtures::{FILE, refused, tiny, with};
use super::*;

#[test]
fn the_fixture_is_valid() {
    let parsed = Instrument::parse(FILE, &tiny());
    assert!(parsed.is_ok(), "{parsed:?}");
}

#[test]
fn broken_toml_names_the_file_and_the_line() {
    let text = with("title = \"Tiny\"", "title = \"Tiny");
    let Err(InstrumentError::Syntax { file, message }) = Instrument::parse(FILE, &text) else {
        panic!("expected a syntax error");
    };
    assert_eq!(file, FILE);
    assert!(message.contains("line 4"), "{message}");
}

#[test]
fn a_misspelt_field_is_refused_rather_than_ignored() {
    let text = with(
        "reverse = true\ntext = \"followed.\"",
        "revers = true\ntext = \"followed.\"",
    );
    let Err(e @ InstrumentError::Syntax { .. }) = Instrument::parse(FILE, &text) else {
        panic!("expected a syntax error");
    };
    assert!(e.to_string().contains("revers"), "{e}");
}

#[test]
fn unknown_stance_of_an_item() {
    let text = with(
        "stance = \"front\"\ntext = \"led.\"",
        "stance = \"frnt\"\ntext = \"led.\"",
    );
    let fault = Fault::UnknownStance {
        field: "stance",
        found: "frnt".into(),
    };
    refused(&text, "item \"f1\"", fault);
}

#[test]
fn duplicate_id_between_an_item_and_an_energy_item() {
    let text = with("id = \"e1\"", "id = \"f1\"");
    let fault = Fault::DuplicateId {
        id: "f1".into(),
        first: "item \"f1\"".into(),
    };
    refused(&text, "energy item \"f1\"", fault);
}

#[test]
fn duplicate_id_between_an_item_and_a_scenario() {
    let text = with("id = \"walk\"", "id = \"b1\"");
    let fault = Fault::DuplicateId {
        id: "b1".into(),
        first: "item \"b1\"".into(),
    };
    refused(&text, "scenario \"b1\"", fault);
}

#[test]
fn duplicate_item_ids() {
    let text = with("id = \"f3\"", "id = \"f1\"");
    let fault = Fault::DuplicateId {
        id: "f1".into(),
        first: "item \"f1\"".into(),
    };
    refused(&text, "item \"f1\"", fault);
}

#[test]
fn empty_and_malformed_ids() {
    refused(&with("id = \"b1\"", "id = \"\""), "item #4", Fault::EmptyId);
    let fault = Fault::InvalidId {
        id: "Front 1".into(),
    };
    refused(
        &with("id = \"f1\"", "id = \"Front 1\""),
        "item \"Front 1\"",
        fault,
    );
    refused(
        &with("id = \"tiny\"", "id = \"\""),
        "the instrument",
        Fault::EmptyId,
    );
}

#[test]
fn scale_min_not_below_max() {
    let text = with("min = 1\nmax = 5", "min = 5\nmax = 5");
    refused(&text, "the scale", Fault::ScaleBounds { min: 5, max: 5 });
}

#[test]
fn wrong_number_of_scale_labels() {
    let text = with("\"Often\", \"Always\"]", "\"Often\"]");
    let fault = Fault::ScaleLabels {
        min: 1,
        max: 5,
        expected: 5,
        found: 4,
    };
    refused(&text, "the scale", fault);
}

#[test]
fn item_with_empty_or_missing_text() {
    refused(
        &with("text = \"led.\"", "text = \"  \""),
        "item \"f1\"",
        Fault::EmptyText { field: "text" },
    );
    refused(
        &with("text = \"led.\"", ""),
        "item \"f1\"",
        Fault::EmptyText { field: "text" },
    );
}

#[test]
fn version_below_one_or_missing() {
    refused(
        &with("version = 1", "version = 0"),
        "the instrument",
        Fault::BadVersion { found: 0 },
    );
    refused(
        &with("version = 1", "version = -3"),
        "the instrument",
        Fault::BadVersion { found: -3 },
    );
    refused(
        &with("version = 1", ""),
        "the instrument",
        Fault::Missing { field: "version" },
    );
}

#[test]
fn fewer_than_two_items_for_a_stance() {
    let text = with(
        "id = \"s2\"\nstance = \"servant\"",
        "id = \"s2\"\nstance = \"behind\"",
    );
    let text = text.replacen(
        "id = \"s3\"\nstance = \"servant\"",
        "id = \"s3\"\nstance = \"behind\"",
        1,
    );
    let fault = Fault::TooFewItems {
        stance: Stance::Servant,
        found: 1,
        min: 2,
    };
    refused(&text, "the \"servant\" stance", fault);
}

#[test]
fn scenario_without_one_option_per_stance() {
    let text = with(
        "stance = \"servant\"\ntext = \"Ask.\"",
        "stance = \"front\"\ntext = \"Ask.\"",
    );
    let at = "scenario \"walk\"";
    refused(
        &text,
        at,
        Fault::OptionsPerStance {
            stance: Stance::Front,
            found: 2,
        },
    );
    refused(
        &text,
        at,
        Fault::OptionsPerStance {
            stance: Stance::Servant,
            found: 0,
        },
    );
}

#[test]
fn scenario_with_unknown_fitting_stance() {
    let text = with("fitting = \"behind\"", "fitting = \"sideways\"");
    let fault = Fault::UnknownStance {
        field: "fitting stance",
        found: "sideways".into(),
    };
    refused(&text, "scenario \"walk\"", fault);
}

#[test]
fn scenario_option_with_unknown_stance_or_repeated_id() {
    let text = with(
        "stance = \"behind\"\ntext = \"Stay back.\"",
        "stance = \"up\"\ntext = \"Stay back.\"",
    );
    let fault = Fault::UnknownStance {
        field: "stance",
        found: "up".into(),
    };
    refused(&text, "scenario \"walk\", option \"b\"", fault);
    let text = with(
        "id = \"b\"\nstance = \"behind\"\ntext = \"Stay back.\"",
        "id = \"a\"\nstance = \"behind\"\ntext = \"Stay back.\"",
    );
    let fault = Fault::DuplicateId {
        id: "a".into(),
        first: "scenario \"walk\", option \"a\"".into(),
    };
    refused(&text, "scenario \"walk\", option \"a\"", fault);
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = with("version = 1", "version = 0").replacen("text = \"led.\"", "text = \"\"", 1);
    let Err(e) = Instrument::parse(FILE, &text) else {
        panic!("a faulty file was accepted");
    };
    assert_eq!(e.problems().len(), 2, "{e}");
    let message = e.to_string();
    assert!(message.starts_with("tiny.toml: 2 problems:"), "{message}");
    assert!(
        message.contains("\n  - the instrument: the version is 0"),
        "{message}"
    );
    assert!(
        message.contains("\n  - item \"f1\": the text is empty"),
        "{message}"
    );
}

#[test]
fn observer_wording_is_optional_and_read_when_given() {
    let Ok(without) = Instrument::parse(FILE, &tiny()) else {
        panic!("the fixture must parse");
    };
    assert!(without.items().iter().all(|it| it.observer_text.is_none()));

    let text = with(
        "text = \"led.\"",
        "text = \"led.\"\nobserver = \"  Leads.  \"",
    );
    let Ok(with_wording) = Instrument::parse(FILE, &text) else {
        panic!("an item with observer wording must parse");
    };
    let f1 = with_wording.items().iter().find(|it| it.id == "f1");
    assert_eq!(
        f1.and_then(|it| it.observer_text.as_deref()),
        Some("Leads.")
    );
}

#[test]
fn blank_observer_wording_is_refused() {
    refused(
        &with("text = \"led.\"", "text = \"led.\"\nobserver = \" \""),
        "item \"f1\"",
        Fault::EmptyText {
            field: "observer wording",
        },
    );
}
