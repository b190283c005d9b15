use chrono::{NaiveDate, Utc};

use super::*;
use crate::assessment::HistoryEntry;
use crate::validation::ValidationError;

fn client(name: &str, contact: Option<&str>, tags: &[&str]) -> ClientInput {
    ClientInput {
        name: name.into(),
        contact: contact.map(Into::into),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
    }
}

#[test]
fn a_client_is_trimmed_with_unique_sorted_tags_and_no_blank_contact() {
    let details = client(
        "  Noor Haddad ",
        Some("  "),
        &["team lead", " pilot", "pilot"],
    )
    .validate()
    .unwrap();
    assert_eq!(details.name, "Noor Haddad");
    assert_eq!(details.contact, None);
    assert_eq!(details.tags, ["pilot", "team lead"]);
}

#[test]
fn bad_client_fields_name_the_field() {
    let empty = client(" ", None, &[]).validate();
    assert_eq!(
        empty,
        Err(ValidationError::Empty {
            field: "The client's name"
        })
    );
    let long_tag = client("Noor", None, &[&"t".repeat(41)]).validate();
    assert!(matches!(
        long_tag,
        Err(ValidationError::TooLong {
            field: "A tag",
            len: 41,
            ..
        })
    ));
    let many = client("Noor", None, &["x"; 21]).validate();
    assert!(matches!(
        many,
        Err(ValidationError::TooLong { field: "Tags", .. })
    ));
    let contact = client("Noor", Some("a\u{7}b"), &[]).validate();
    assert_eq!(
        contact,
        Err(ValidationError::ControlCharacter { field: "Contact" })
    );
}

#[test]
fn consent_cannot_be_dated_in_the_future_or_say_nothing() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let tomorrow = today.succ_opt().unwrap();
    let input = |day, terms: &str| ConsentInput {
        agreed_on: day,
        terms: terms.into(),
    };
    assert_eq!(
        input(
            today,
            "  Notes kept on this laptop only.\nReport on request. "
        )
        .validate(today),
        Ok("Notes kept on this laptop only.\nReport on request.".into())
    );
    assert!(matches!(
        input(tomorrow, "x").validate(today),
        Err(ValidationError::FutureDate { .. })
    ));
    assert!(matches!(
        input(today, "   ").validate(today),
        Err(ValidationError::Empty { .. })
    ));
}

#[test]
fn a_megabyte_of_notes_is_fine_and_more_than_the_limit_is_refused() {
    assert_eq!(validate_notes(&"a".repeat(1_048_576)), Ok(()));
    assert!(matches!(
        validate_notes(&"a".repeat(NOTES_MAX_CHARS + 1)),
        Err(ValidationError::TooLong {
            field: "Session notes",
            ..
        })
    ));
}

#[test]
fn results_are_csv_with_empty_fields_for_missing_scores_and_quoted_labels() {
    use chrono::TimeZone;

    use crate::assessment::{AnswerSheet, builtin};

    let instrument = builtin().unwrap();
    let mut all_threes = AnswerSheet::default();
    for item in instrument.items() {
        all_threes.answers.insert(item.id.clone(), Some(3));
    }
    let when = Utc.with_ymd_and_hms(2026, 11, 1, 10, 0, 0).unwrap();
    let full = HistoryEntry::score(1, when, &instrument, &all_threes).unwrap();
    let mut empty = HistoryEntry::score(2, when, &instrument, &AnswerSheet::default()).unwrap();
    empty.profile.label = "Front, then \"back\"".into();

    let csv = results_csv(&[full, empty]);
    let lines: Vec<_> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "completed_at,instrument,version,front,behind,servant,situational,energy,profile"
    );
    let first: Vec<_> = lines[1].split(',').collect();
    assert_eq!(first[0], "2026-11-01T10:00:00+00:00");
    assert_eq!(first[1], "leadback-core");
    assert_eq!((first[3], first[4], first[5]), ("50.0", "50.0", "50.0"));
    assert!(
        lines[2].ends_with(",,,,,,\"Front, then \"\"back\"\"\""),
        "{}",
        lines[2]
    );
    assert_eq!(lines.len(), 4, "two rows and the last line end");
}

#[test]
fn homework_is_due_from_the_day_it_is_set_to_a_year_later() {
    let set = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    assert_eq!(validate_due(set, None), Ok(None));
    assert_eq!(validate_due(set, Some(set)), Ok(Some(set)));
    let a_year = NaiveDate::from_ymd_opt(2027, 11, 23).unwrap();
    assert_eq!(validate_due(set, Some(a_year)), Ok(Some(a_year)));
    let refused = Err(ValidationError::OutsideDays {
        field: "The day homework is due",
        first: set,
        last: a_year,
    });
    assert_eq!(validate_due(set, set.pred_opt()), refused);
    assert_eq!(validate_due(set, a_year.succ_opt()), refused);
    let message = validate_due(set, set.pred_opt()).map_err(|e| e.to_string());
    assert_eq!(
        message,
        Err("The day homework is due must be between 2026-11-22 and 2027-11-23.".into())
    );
}

#[test]
fn session_items_name_their_kind_in_the_stored_words() {
    for kind in [
        SessionItemKind::Assessment,
        SessionItemKind::Habit,
        SessionItemKind::Exercise,
        SessionItemKind::Programme,
    ] {
        assert_eq!(SessionItemKind::parse(kind.as_str()), Some(kind));
    }
    assert_eq!(SessionItemKind::parse("journal"), None);
    let input: SessionItemInput =
        serde_json::from_str(r#"{"kind":"programme","programme_id":"three-days"}"#).unwrap();
    assert_eq!(input.kind(), SessionItemKind::Programme);
}

#[test]
fn an_agenda_may_be_empty_but_not_endless() {
    let at = NaiveDate::from_ymd_opt(2026, 11, 22)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap();
    let input = |agenda: &str| SessionInput {
        starts_at: at,
        agenda: agenda.into(),
    };
    assert_eq!(input("  ").validate(), Ok(String::new()));
    assert!(input(&"a".repeat(AGENDA_MAX_CHARS + 1)).validate().is_err());
}

#[test]
fn a_results_cell_a_spreadsheet_would_run_as_a_formula_is_kept_as_text() {
    use chrono::TimeZone;

    use crate::assessment::{AnswerSheet, builtin};

    let instrument = builtin().unwrap();
    let when = Utc.with_ymd_and_hms(2026, 11, 1, 10, 0, 0).unwrap();
    let labelled = |label: &str| {
        let mut entry = HistoryEntry::score(1, when, &instrument, &AnswerSheet::default()).unwrap();
        entry.profile.label = label.into();
        entry
    };
    let labels = [
        "=HYPERLINK(\"http://x.invalid\")",
        "+1",
        "-2+3",
        "@SUM(A1)",
        "\tTab",
        "\rReturn",
    ];
    let entries: Vec<_> = labels.iter().map(|l| labelled(l)).collect();
    let csv = results_csv(&entries);
    let profiles: Vec<_> = csv
        .split("\r\n")
        .skip(1)
        .filter(|line| !line.is_empty())
        .map(|line| line.splitn(9, ',').nth(8).unwrap_or_default())
        .collect();
    assert_eq!(
        profiles,
        [
            "\"'=HYPERLINK(\"\"http://x.invalid\"\")\"",
            "'+1",
            "'-2+3",
            "'@SUM(A1)",
            "'\tTab",
            "\"'\rReturn\"",
        ],
        "each formula-like label starts with a quote so it reads as text: {csv:?}"
    );
    let plain = results_csv(&[labelled("Front, then back")]);
    assert!(
        plain.ends_with(",\"Front, then back\"\r\n"),
        "an ordinary label is left as it is: {plain:?}"
    );
}
