//! Loop's CSV export: a zip with `Habits.csv` and, per habit, `NNN Name/Checkmarks.csv`
//! (`Date,Value,Notes`, newest first). Older exports have no header row in the checkmark files and
//! numeric values; newer ones a header row and `YES_MANUAL`/`YES_AUTO`/`NO`/`SKIP`/`UNKNOWN`.

use std::collections::HashMap;
use std::io::{Read, Seek};

use chrono::NaiveDate;

use super::{LoopEntry, LoopError, LoopExport, LoopHabit, LoopMeasure, LoopValue};

/// The largest file inside the zip we will read; a real export is a few hundred kilobytes.
const MAX_ENTRY_BYTES: u64 = 64 * 1024 * 1024;

pub fn read_csv_zip(file: &str, reader: impl Read + Seek) -> Result<LoopExport, LoopError> {
    let not_loop = |reason: String| LoopError::NotLoop {
        file: file.to_owned(),
        reason,
    };
    let malformed = |place: &str, problem: String| LoopError::Malformed {
        file: file.to_owned(),
        place: place.to_owned(),
        problem,
    };
    let mut zip = zip::ZipArchive::new(reader)
        .map_err(|e| not_loop(format!("it is not a zip file ({e})")))?;

    let mut texts: HashMap<String, String> = HashMap::new();
    for index in 0..zip.len() {
        let entry = zip
            .by_index(index)
            .map_err(|e| malformed("the zip", e.to_string()))?;
        let name = entry
            .name()
            .map_err(|e| malformed("the zip", e.to_string()))?
            .replace('\\', "/");
        if !name.ends_with(".csv") {
            continue;
        }
        if entry.size() > MAX_ENTRY_BYTES {
            return Err(malformed(
                &name,
                "the file is too large to be a Loop export".into(),
            ));
        }
        let mut text = String::new();
        entry
            .take(MAX_ENTRY_BYTES)
            .read_to_string(&mut text)
            .map_err(|e| malformed(&name, format!("it could not be read as text ({e})")))?;
        texts.insert(name, text);
    }

    let habits_csv = texts
        .get("Habits.csv")
        .ok_or_else(|| not_loop("it has no Habits.csv".into()))?;
    let mut habits =
        parse_habits(habits_csv).map_err(|(place, problem)| malformed(&place, problem))?;
    for habit in &mut habits {
        let prefix = format!("{} ", habit.key_prefix);
        let checkmarks = texts
            .iter()
            .find(|(path, _)| path.starts_with(&prefix) && path.ends_with("/Checkmarks.csv"));
        if let Some((path, text)) = checkmarks {
            habit.habit.entries = parse_checkmarks(text, habit.habit.numerical.is_some())
                .map_err(|(line, problem)| malformed(&format!("{path} line {line}"), problem))?;
        }
    }
    Ok(LoopExport {
        habits: habits.into_iter().map(|h| h.habit).collect(),
    })
}

struct ParsedHabit {
    /// The folder prefix of the habit's files, e.g. "001".
    key_prefix: String,
    habit: LoopHabit,
}

fn parse_habits(text: &str) -> Result<Vec<ParsedHabit>, (String, String)> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| ("Habits.csv".to_owned(), e.to_string()))?
        .clone();
    let column = |names: &[&str]| headers.iter().position(|h| names.contains(&h.trim()));
    let required = |names: &[&str]| {
        column(names).ok_or_else(|| {
            (
                "Habits.csv".to_owned(),
                format!("it has no {} column", names[0]),
            )
        })
    };
    let position_col = required(&["Position"])?;
    let name_col = required(&["Name"])?;
    let num_col = required(&["FrequencyNumerator", "NumRepetitions"])?;
    let den_col = required(&["FrequencyDenominator", "Interval"])?;
    let type_col = column(&["Type"]);
    let question_col = column(&["Question"]);
    let description_col = column(&["Description"]);
    let archived_col = column(&["Archived?", "Archived"]);
    let unit_col = column(&["Unit"]);
    let target_type_col = column(&["Target Type"]);
    let target_col = column(&["Target Value"]);

    let mut habits = Vec::new();
    for (line, record) in (2..).zip(reader.records()) {
        let place = format!("Habits.csv line {line}");
        let record = record.map_err(|e| (place.clone(), e.to_string()))?;
        let field =
            |col: Option<usize>| col.and_then(|c| record.get(c)).map(str::trim).unwrap_or("");
        let name = field(Some(name_col)).to_owned();
        if name.is_empty() {
            return Err((place, "the habit has no name".into()));
        }
        let number = |col: usize, what: &str| {
            field(Some(col)).parse::<i64>().map_err(|_| {
                (
                    place.clone(),
                    format!("the {what} {:?} is not a number", field(Some(col))),
                )
            })
        };
        let key_prefix = field(Some(position_col)).to_owned();
        let position = number(position_col, "position")?;
        let description = [field(question_col), field(description_col)]
            .into_iter()
            .find(|t| !t.is_empty())
            .map(str::to_owned);
        habits.push(ParsedHabit {
            habit: LoopHabit {
                key: format!("{position}:{name}"),
                name,
                description,
                freq_num: number(num_col, "frequency")?,
                freq_den: number(den_col, "frequency")?,
                archived: field(archived_col).eq_ignore_ascii_case("true"),
                position,
                numerical: if field(type_col).eq_ignore_ascii_case("NUMERICAL") {
                    let target = field(target_col);
                    Some(LoopMeasure {
                        unit: field(unit_col).to_owned(),
                        target: if target.is_empty() {
                            0.0
                        } else {
                            target.parse::<f64>().map_err(|_| {
                                (
                                    place.clone(),
                                    format!("the target {target:?} is not a number"),
                                )
                            })?
                        },
                        at_most: field(target_type_col).eq_ignore_ascii_case("AT_MOST"),
                    })
                } else {
                    None
                },
                entries: Vec::new(),
            },
            key_prefix,
        });
    }
    Ok(habits)
}

fn parse_checkmarks(text: &str, numerical: bool) -> Result<Vec<LoopEntry>, (usize, String)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut entries = Vec::new();
    for (line, record) in (1..).zip(reader.records()) {
        let record = record.map_err(|e| (line, e.to_string()))?;
        let date = record.get(0).map(str::trim).unwrap_or("");
        if line == 1 && date.eq_ignore_ascii_case("Date") {
            continue;
        }
        if date.is_empty() {
            continue;
        }
        let day = NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map_err(|_| (line, format!("{date:?} is not a date")))?;
        let raw = record.get(1).map(str::trim).unwrap_or("");
        let value = parse_value(raw, numerical)
            .ok_or_else(|| (line, format!("{raw:?} is not a value Loop writes")))?;
        let note = record
            .get(2)
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned);
        entries.push(LoopEntry { day, value, note });
    }
    entries.sort_by_key(|e| e.day);
    Ok(entries)
}

/// A cell of a habit's `Checkmarks.csv`. Loop writes the stored integer, its five markers by
/// name; a measurable habit's integer is the amount × 1000 (so its "NO" is an amount of 0).
fn parse_value(raw: &str, numerical: bool) -> Option<LoopValue> {
    if numerical {
        let code = match raw {
            "YES_MANUAL" => 2,
            "YES_AUTO" => 1,
            "NO" => 0,
            "SKIP" => 3,
            "UNKNOWN" => -1,
            number => number.parse::<i64>().ok()?,
        };
        return LoopValue::from_amount_code(code);
    }
    match raw {
        "YES_MANUAL" => Some(LoopValue::Done),
        "YES_AUTO" => Some(LoopValue::Auto),
        "NO" => Some(LoopValue::NotDone),
        "SKIP" => Some(LoopValue::Skipped),
        "UNKNOWN" => Some(LoopValue::Unknown),
        code => code.parse::<i64>().ok().and_then(LoopValue::from_code),
    }
}
