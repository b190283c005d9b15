//! Damage done to the CSV export's files, and the exports a reader could hand the writer.

use super::*;
use leadback_store::loop_import::LoopMeasure;

/// A change to one of the CSV export's files before it is zipped.
#[derive(Debug, Clone)]
pub(crate) enum CsvEdit {
    Text(TextEdit),
    /// One cell of one line replaced (cells split on commas, quotes ignored); mostly below the
    /// header row, so the file still reads.
    Cell {
        header: bool,
        line: Index,
        column: Index,
        value: String,
    },
    /// The file moved: a habit's folder numbered differently, or renamed.
    Rename(String),
}

pub(crate) fn csv_value() -> impl Strategy<Value = String> {
    const AWKWARD: &[&str] = &[
        "YES_MANUAL",
        "YES_AUTO",
        "NO",
        "SKIP",
        "UNKNOWN",
        "YES_NO",
        "NUMERICAL",
        "true",
        "false",
        "",
        " ",
        "0",
        "1",
        "2",
        "3",
        "-1",
        "7",
        "001",
        "1.5",
        "1e400",
        "NaN",
        "inf",
        "9223372036854775807",
        "9223372036854775808",
        "2015-01-25",
        "2015-02-30",
        "0000-01-01",
        "+262143-12-31",
        "99999-01-01",
        "2015-1-5",
        "\"a,b\"",
        "\"\"\"\"",
        "\"unterminated",
        "\u{feff}Position",
    ];
    prop_oneof![
        4 => proptest::sample::select(AWKWARD).prop_map(str::to_owned),
        1 => ".{0,20}",
        1 => (0usize..300).prop_map(|n| "x".repeat(n)),
        1 => Just("x".repeat(5_001)),
    ]
}

pub(crate) fn csv_edit() -> impl Strategy<Value = CsvEdit> {
    prop_oneof![
        3 => common::text_edit().prop_map(CsvEdit::Text),
        5 => (proptest::bool::weighted(0.1), any::<Index>(), any::<Index>(), csv_value())
            .prop_map(|(header, line, column, value)| CsvEdit::Cell { header, line, column, value }),
        1 => prop_oneof![
            Just("1 Meditate/Checkmarks.csv".to_owned()),
            Just("002 Meditate/Checkmarks.csv".to_owned()),
            Just("Habits.csv".to_owned()),
            Just("habits.csv".to_owned()),
            Just("002 Wake up early\\Checkmarks.csv".to_owned()),
            "[0-9]{0,4} [a-z]{0,6}/Checkmarks.csv",
        ]
        .prop_map(CsvEdit::Rename),
    ]
}

/// Which file of the export an edit changes: mostly one the importer reads.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    Named(&'static str),
    Any(Index),
}

pub(crate) fn csv_file() -> impl Strategy<Value = Target> {
    prop_oneof![
        3 => Just(Target::Named("Habits.csv")),
        2 => Just(Target::Named("002 Wake up early/Checkmarks.csv")),
        1 => Just(Target::Named("001 Meditate/Checkmarks.csv")),
        1 => any::<Index>().prop_map(Target::Any),
    ]
}

pub(crate) fn apply_csv(file: &mut (String, String), edit: &CsvEdit) {
    match edit {
        CsvEdit::Text(edit) => file.1 = apply_text(&file.1, std::slice::from_ref(edit)),
        CsvEdit::Cell {
            header,
            line,
            column,
            value,
        } => {
            let mut lines: Vec<String> = file.1.lines().map(str::to_owned).collect();
            let at = match lines.len() {
                0 => return,
                1 => 0,
                _ if *header => 0,
                n => 1 + line.index(n - 1),
            };
            let line = &mut lines[at];
            let mut cells: Vec<&str> = line.split(',').collect();
            let column = column.index(cells.len());
            cells[column] = value;
            *line = cells.join(",");
            file.1 = lines.join("\n") + "\n";
        }
        CsvEdit::Rename(name) => file.0.clone_from(name),
    }
}

/// What a reader could hand the writer: habits with names, schedules, days and notes Leadback may
/// not be able to keep, and keys that match habits an earlier import brought in.
pub(crate) fn export() -> impl Strategy<Value = LoopExport> {
    let day = prop_oneof![
        400 => (0i32..4000).prop_map(|d| NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + chrono::Days::new(d as u64)),
        1 => Just(NaiveDate::MIN),
        1 => Just(NaiveDate::MAX),
        1 => Just(NaiveDate::from_ymd_opt(1, 1, 1).unwrap()),
        1 => Just(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap()),
        1 => Just(NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap()),
    ];
    let value = prop_oneof![
        Just(LoopValue::Done),
        Just(LoopValue::NotDone),
        Just(LoopValue::Skipped),
        Just(LoopValue::Auto),
        Just(LoopValue::Unknown),
        any::<f64>().prop_map(LoopValue::Amount),
    ];
    let note = proptest::option::of(prop_oneof![
        ".{0,20}",
        Just(String::new()),
        Just("x".repeat(5_001)),
    ]);
    let entry = (day, value, note).prop_map(|(day, value, note)| LoopEntry { day, value, note });
    let name = prop_oneof![
        40 => "[A-Za-z][a-z ]{0,20}",
        1 => Just("Meditate".to_owned()),
        1 => Just(String::new()),
        1 => Just("two\nlines".to_owned()),
        1 => Just("x".repeat(81)),
    ];
    let frequency = prop_oneof![
        40 => (1i64..=7).prop_flat_map(|den| (1..=den, Just(den))),
        1 => (any::<i64>(), any::<i64>()),
        1 => (-1i64..3, -1i64..3),
    ];
    let habit = (
        name,
        proptest::option::of(prop_oneof![
            Just("1:Meditate".to_owned()),
            Just("2:Wake up early".to_owned())
        ]),
        proptest::option::of(".{0,20}"),
        frequency,
        any::<bool>(),
        proptest::option::weighted(
            0.1,
            (".{0,45}", any::<f64>(), any::<bool>()).prop_map(|(unit, target, at_most)| {
                LoopMeasure {
                    unit,
                    target,
                    at_most,
                }
            }),
        ),
        proptest::collection::vec(entry, 0..12),
    )
        .prop_map(
            |(name, key, description, (freq_num, freq_den), archived, numerical, entries)| {
                LoopHabit {
                    key: key.unwrap_or_else(|| format!("0:{name}")),
                    name,
                    description,
                    freq_num,
                    freq_den,
                    archived,
                    position: 0,
                    numerical,
                    entries,
                }
            },
        );
    proptest::collection::vec(habit, 1..6).prop_map(|habits| LoopExport { habits })
}
