//! Programme files between machines: a round trip, and each kind of bad file refused with a
//! message that says what is wrong — another kind of file, a newer Leadback, broken or cut-off
//! JSON, a name over its limit, an id this machine does not know.

use super::parse_tests::libraries;
use super::*;
use crate::validation::ValidationError;

fn shipped() -> Programme {
    let (exercises, habits) = libraries();
    builtin(&exercises, &habits).unwrap().remove(0)
}

fn import(text: &str) -> Result<Programme, ProgrammeFileError> {
    let (exercises, habits) = libraries();
    Programme::import_file("retreat.json", text, &exercises, &habits)
}

fn exchange_error(text: &str) -> ExchangeError {
    match import(text) {
        Err(ProgrammeFileError::Exchange(e)) => e,
        other => panic!("expected an exchange error, got {other:?}"),
    }
}

#[test]
fn export_then_import_gives_the_same_programme() {
    let programme = shipped();
    let text = programme.export_file();
    assert!(
        text.contains("\"format\": \"leadback-programme\""),
        "{text}"
    );
    assert!(text.contains("\"kind\": \"exercise\""), "{text}");
    assert_eq!(import(&text), Ok(programme.clone()));
    assert_eq!(
        text,
        programme.export_file(),
        "the same programme gives the same file"
    );
}

#[test]
fn the_json_of_a_programme_is_the_shape_of_the_file() {
    // What the UI sends over IPC (serde) and what the file holds must read the same way.
    let programme = shipped();
    let value: serde_json::Value = serde_json::from_str(&programme.export_file()).unwrap();
    let via_serde = serde_json::to_value(&programme).unwrap();
    assert_eq!(value["programme"], via_serde);
    let back: Programme = serde_json::from_value(via_serde).unwrap();
    assert_eq!(back, programme);
}

#[test]
fn a_file_of_another_kind_is_refused() {
    let text = shipped()
        .export_file()
        .replace("leadback-programme", "leadback-results");
    let err = exchange_error(&text);
    assert_eq!(
        err.to_string(),
        "This is a participant's results file, not a Leadback programme file."
    );
    let err = exchange_error("{\"hello\": 1}");
    assert!(matches!(err, ExchangeError::WrongKind { found: None, .. }));
    assert_eq!(
        err.to_string(),
        "This is not a Leadback programme file: it was not made by Leadback (it has no \"format\" field)."
    );
}

#[test]
fn a_file_from_a_newer_leadback_is_refused() {
    let text = shipped()
        .export_file()
        .replace("\"format_version\": 1", "\"format_version\": 2");
    let err = exchange_error(&text);
    assert_eq!(
        err,
        ExchangeError::NewerVersion {
            found: 2,
            supported: 1
        }
    );
    assert!(
        err.to_string().contains("made by a newer Leadback"),
        "{err}"
    );
    let text = shipped()
        .export_file()
        .replace("\"format_version\": 1", "\"format_version\": 0");
    assert!(matches!(
        exchange_error(&text),
        ExchangeError::BadVersion { .. }
    ));
}

#[test]
fn malformed_and_truncated_json_are_told_apart() {
    let text = shipped().export_file();
    let cut = &text[..text.len() / 2];
    let err = exchange_error(cut);
    assert!(matches!(err, ExchangeError::Truncated { .. }));
    assert!(
        err.to_string()
            .starts_with("The file stops too early (at line "),
        "{err}"
    );
    let err = exchange_error("PK\u{3}\u{4} this is a zip");
    assert!(matches!(err, ExchangeError::Malformed { .. }), "{err}");
    assert!(
        err.to_string()
            .starts_with("This is not a Leadback programme file: at line 1, column 1, "),
        "{err}"
    );
    let err = exchange_error("{\"format\": \"leadback-programme\",\n \"format_version\": 1,}");
    assert_eq!(
        err.to_string(),
        "This is not a Leadback programme file: at line 2, column 22, a comma is followed by nothing."
    );
}

#[test]
fn unknown_and_wrongly_typed_fields_are_refused() {
    let text = shipped()
        .export_file()
        .replacen("\"title\":", "\"titel\":", 1);
    assert!(matches!(
        exchange_error(&text),
        ExchangeError::Fields { .. }
    ));
    let err = exchange_error(&text);
    let line = text.lines().position(|l| l.contains("\"titel\"")).unwrap() + 1;
    assert!(
        err.to_string().starts_with(&format!(
            "This is a Leadback programme file, but it is damaged: at line {line}, "
        )),
        "{err}"
    );
    assert!(
        err.to_string()
            .ends_with("there is a field \"titel\" that does not belong here."),
        "{err}"
    );
    let text = shipped()
        .export_file()
        .replacen("\"version\": 1", "\"version\": \"one\"", 1);
    let err = exchange_error(&text);
    assert!(matches!(err, ExchangeError::Fields { .. }));
    assert!(
        err.to_string()
            .ends_with("the text \"one\" is where a whole number belongs."),
        "{err}"
    );
}

#[test]
fn a_huge_file_is_refused_before_it_is_parsed() {
    let text = " ".repeat(exchange::MAX_FILE_BYTES + 1);
    assert!(matches!(
        exchange_error(&text),
        ExchangeError::TooLarge { .. }
    ));
}

#[test]
fn a_10000_character_title_and_unknown_ids_are_refused_with_the_place() {
    let mut programme = shipped();
    programme.title = "T".repeat(10_000);
    programme.days[1].items[0].activity = ProgrammeActivity::Exercise {
        exercise: "not-on-this-machine".into(),
    };
    let Err(ProgrammeFileError::Invalid(err)) = import(&programme.export_file()) else {
        panic!("expected the programme to be refused");
    };
    let problems = err.problems();
    assert_eq!(problems.len(), 2, "{err}");
    assert_eq!(
        problems[0].fault,
        ProgrammeFault::Text(ValidationError::TooLong {
            field: "The title",
            len: 10_000,
            max: PROGRAMME_TITLE_MAX_CHARS
        })
    );
    assert_eq!(problems[1].at, "day 2, item \"listen\"");
    assert!(
        err.to_string().starts_with(
            "The file retreat.json has 2 problems:\n  - The programme: the title is too long"
        ),
        "{err}"
    );
}
