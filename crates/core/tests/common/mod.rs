//! What the fuzz tests of the loaders share (these, and the Loop importer's in the store, which
//! includes this file): the case count, where failures are kept, and the ways a valid file is
//! damaged — byte edits for any file, line and value edits for text files, so that a mutation gets
//! past the parser often enough to reach the checks behind it.
// Each fuzz file is its own test binary and uses only some of these helpers.
#![allow(dead_code)]

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::FileFailurePersistence;

/// 256 cases unless `PROPTEST_CASES` says otherwise (the long job sets 10000). Not
/// `ProptestConfig::with_cases`, which would ignore the variable. Failing seeds are kept in the
/// crate's `proptest-regressions/` folder, in the file named, and replayed first on every run.
pub fn config(regressions: &'static str) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(regressions))),
        ..ProptestConfig::default()
    }
}

/// A refusal must say what is wrong: more than the file name it starts with.
pub fn assert_clear(message: &str, file: &str) {
    let rest = message.strip_prefix(file).unwrap_or(message);
    let rest = rest.trim_start_matches(':').trim();
    assert!(!rest.is_empty(), "the error names no problem: {message:?}");
}

/// Arbitrary bytes, up to a few kilobytes, read as text the way a loader's caller reads a file.
pub fn arbitrary_text() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..4096)
            .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        any::<String>(),
        proptest::string::string_regex("(?s).{0,2000}").unwrap(),
    ]
}

/// Values that break rules: out of range, of the wrong type, empty, huge, odd characters.
pub const AWKWARD_VALUES: &[&str] = &[
    "0",
    "-1",
    "1",
    "2",
    "5",
    "6",
    "100",
    "101",
    "3600",
    "99999",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "0.5",
    "1e308",
    "-1e308",
    "nan",
    "inf",
    "-inf",
    "true",
    "false",
    "\"\"",
    "\" \"",
    "\"\\n\"",
    "\"\\t\"",
    "\"\\u0000\"",
    "\"\\u202e\"",
    "\"🙂\"",
    "\"front\"",
    "\"behind\"",
    "\"servant\"",
    "\"rest\"",
    "\"text\"",
    "\"rating\"",
    "\"assessment\"",
    "\"exercise\"",
    "\"habit\"",
    "\"prompt\"",
    "\"a\"",
    "\"A-B\"",
    "\"a--b\"",
    "\"-a\"",
    "[]",
    "[\"\"]",
    "[1, 2]",
    "{}",
    "{ seconds = 0 }",
    "{ seconds = 3 }",
    "{ times = 0, days = 0 }",
    "{ times = 9, days = 1 }",
    "null",
    "1979-05-27T07:32:00Z",
];

/// A string as TOML and JSON both write it (their escapes agree for what serde_json emits).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

/// A value for a `key = value` (or `"key": value`) line: an awkward one, a number, or a string.
pub fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(AWKWARD_VALUES).prop_map(str::to_owned),
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => any::<f64>().prop_map(|n| format!("{n:?}")),
        2 => ".{0,30}".prop_map(|s| quoted(&s)),
        1 => (1usize..6000).prop_map(|n| quoted(&"x".repeat(n))),
    ]
}

/// A string value: empty, blank, long, multi-line, odd characters, or another of the file's words.
pub fn string_value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => ".{0,30}".prop_map(|s| quoted(&s)),
        2 => "[a-z]{1,8}(-[a-z]{1,8}){0,2}".prop_map(|s| quoted(&s)),
        1 => "[ \t\n]{0,3}".prop_map(|s| quoted(&s)),
        1 => (1usize..6000).prop_map(|n| quoted(&"x".repeat(n))),
        1 => proptest::sample::select(AWKWARD_VALUES)
            .prop_filter("a string", |v| v.starts_with('"'))
            .prop_map(str::to_owned),
    ]
}

/// A whole number near the edges that matter: zero, small, the type's limits.
pub fn number_value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (-3i64..12).prop_map(|n| n.to_string()),
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => proptest::sample::select(&["0.5", "-0.0", "1e308", "nan", "inf", "4294967296", "9223372036854775807", "-9223372036854775808"][..]).prop_map(str::to_owned),
    ]
}

/// What a `ReplaceValue` edit writes: mostly a value of the kind the line had (so the file still
/// parses and its rules are what is tested), sometimes anything.
#[derive(Debug, Clone)]
pub struct Replacement {
    pub same_kind: bool,
    pub any: String,
    pub string: String,
    pub number: String,
}

pub fn replacement() -> impl Strategy<Value = Replacement> {
    (
        proptest::bool::weighted(0.75),
        value(),
        string_value(),
        number_value(),
    )
        .prop_map(|(same_kind, any, string, number)| Replacement {
            same_kind,
            any,
            string,
            number,
        })
}

impl Replacement {
    fn for_value(&self, old: &str) -> &str {
        let old = old.trim();
        match old.chars().next() {
            Some('"') if self.same_kind => &self.string,
            Some('-' | '0'..='9') if self.same_kind => &self.number,
            _ => &self.any,
        }
    }
}

/// One edit of a file's bytes. Positions are fractions of the length, so they fit any file.
#[derive(Debug, Clone)]
pub enum ByteEdit {
    Flip {
        at: Index,
        bit: u8,
    },
    Set {
        at: Index,
        byte: u8,
    },
    Insert {
        at: Index,
        bytes: Vec<u8>,
    },
    Delete {
        at: Index,
        len: usize,
    },
    Truncate {
        at: Index,
    },
    /// Copies a run of the file over another place: a plausible-looking damage.
    Copy {
        from: Index,
        to: Index,
        len: usize,
    },
}

pub fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    prop_oneof![
        (any::<Index>(), 0u8..8).prop_map(|(at, bit)| ByteEdit::Flip { at, bit }),
        (any::<Index>(), any::<u8>()).prop_map(|(at, byte)| ByteEdit::Set { at, byte }),
        (
            any::<Index>(),
            proptest::collection::vec(any::<u8>(), 1..16)
        )
            .prop_map(|(at, bytes)| ByteEdit::Insert { at, bytes }),
        (any::<Index>(), 1usize..64).prop_map(|(at, len)| ByteEdit::Delete { at, len }),
        any::<Index>().prop_map(|at| ByteEdit::Truncate { at }),
        (any::<Index>(), any::<Index>(), 1usize..64).prop_map(|(from, to, len)| ByteEdit::Copy {
            from,
            to,
            len
        }),
    ]
}

pub fn apply_bytes(bytes: &mut Vec<u8>, edit: &ByteEdit) {
    if bytes.is_empty() {
        if let ByteEdit::Insert { bytes: new, .. } = edit {
            bytes.extend_from_slice(new);
        }
        return;
    }
    let len = bytes.len();
    match edit {
        ByteEdit::Flip { at, bit } => bytes[at.index(len)] ^= 1 << bit,
        ByteEdit::Set { at, byte } => bytes[at.index(len)] = *byte,
        ByteEdit::Insert { at, bytes: new } => {
            let at = at.index(len + 1);
            bytes.splice(at..at, new.iter().copied());
        }
        ByteEdit::Delete { at, len: n } => {
            let at = at.index(len);
            bytes.drain(at..(at + n).min(len));
        }
        ByteEdit::Truncate { at } => bytes.truncate(at.index(len)),
        ByteEdit::Copy { from, to, len: n } => {
            let (from, to) = (from.index(len), to.index(len));
            let n = (*n).min(len - from).min(len - to);
            bytes.copy_within(from..from + n, to);
        }
    }
}

/// One edit of a text file's lines or values.
#[derive(Debug, Clone)]
pub enum TextEdit {
    Bytes(ByteEdit),
    DeleteLine(Index),
    /// A copy of one line inserted before another: a repeated key, a field moved to another table.
    CopyLine {
        from: Index,
        to: Index,
    },
    SwapLines(Index, Index),
    /// The value of a `key = value` or `"key": value` line replaced.
    ReplaceValue {
        line: Index,
        value: Replacement,
    },
    /// One word of the file put in place of another: a key, an id or a table name moved.
    ReplaceWord {
        from: Index,
        to: Index,
    },
}

pub fn text_edit() -> impl Strategy<Value = TextEdit> {
    prop_oneof![
        2 => byte_edit().prop_map(TextEdit::Bytes),
        1 => any::<Index>().prop_map(TextEdit::DeleteLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(from, to)| TextEdit::CopyLine { from, to }),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| TextEdit::SwapLines(a, b)),
        4 => (any::<Index>(), replacement()).prop_map(|(line, value)| TextEdit::ReplaceValue { line, value }),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(from, to)| TextEdit::ReplaceWord { from, to }),
    ]
}

/// One to three edits: each one alone is usually enough to make a file wrong.
pub fn text_edits() -> impl Strategy<Value = Vec<TextEdit>> {
    proptest::collection::vec(text_edit(), 1..4)
}

pub fn apply_text(text: &str, edits: &[TextEdit]) -> String {
    edits
        .iter()
        .fold(text.to_owned(), |text, edit| apply_text_edit(&text, edit))
}

fn apply_text_edit(text: &str, edit: &TextEdit) -> String {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    match edit {
        TextEdit::Bytes(edit) => {
            let mut bytes = text.as_bytes().to_vec();
            apply_bytes(&mut bytes, edit);
            return String::from_utf8_lossy(&bytes).into_owned();
        }
        _ if lines.is_empty() => {}
        TextEdit::DeleteLine(at) => {
            lines.remove(at.index(lines.len()));
        }
        TextEdit::CopyLine { from, to } => {
            let line = lines[from.index(lines.len())].clone();
            lines.insert(to.index(lines.len() + 1), line);
        }
        TextEdit::SwapLines(a, b) => {
            let (a, b) = (a.index(lines.len()), b.index(lines.len()));
            lines.swap(a, b);
        }
        TextEdit::ReplaceValue { line, value } => {
            let with_values: Vec<usize> = (0..lines.len())
                .filter(|&i| value_start(&lines[i]).is_some())
                .collect();
            if !with_values.is_empty() {
                let i = with_values[line.index(with_values.len())];
                let start = value_start(&lines[i]).unwrap_or(0);
                let old = lines[i][start..].trim_end();
                let (old, comma) = match old.strip_suffix(',') {
                    Some(old) => (old, ","),
                    None => (old, ""),
                };
                let value = value.for_value(old);
                lines[i] = format!("{}{value}{comma}\n", &lines[i][..start]);
            }
        }
        TextEdit::ReplaceWord { from, to } => {
            let words = words(text);
            if !words.is_empty() {
                let (start, end) = words[from.index(words.len())];
                let (at, at_end) = words[to.index(words.len())];
                let word = &text[start..end];
                return format!("{}{word}{}", &text[..at], &text[at_end..]);
            }
        }
    }
    lines.concat()
}

/// Where the value of a `key = value` (TOML) or `"key": value` (JSON) line starts.
fn value_start(line: &str) -> Option<usize> {
    if line.trim_start().starts_with('#') {
        return None;
    }
    line.find(" = ")
        .map(|i| i + 3)
        .or_else(|| line.find("\": ").map(|i| i + 3))
}

/// The byte ranges of the file's words: runs of letters, digits, `-` and `_`.
fn words(text: &str) -> Vec<(usize, usize)> {
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// The table names (`[scale]`, `[[days.items]]`) and keys (`id = …`) a valid TOML file uses.
pub fn toml_vocabulary(text: &str) -> (Vec<String>, Vec<String>) {
    let mut tables = Vec::new();
    let mut keys = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            tables.push(line.trim_matches(['[', ']']).to_owned());
        } else if let Some((key, _)) = line.split_once(" = ") {
            keys.push(key.trim().to_owned());
        }
    }
    for list in [&mut tables, &mut keys] {
        list.sort();
        list.dedup();
    }
    (tables, keys)
}

/// A TOML document made of a valid file's tables and keys, with awkward values: plausible enough to
/// get past the parser to the checks behind it.
pub fn toml_like(valid: &str) -> impl Strategy<Value = String> + use<> {
    let (tables, keys) = toml_vocabulary(valid);
    let line = prop_oneof![
        3 => (proptest::sample::select(keys), value()).prop_map(|(k, v)| format!("{k} = {v}\n")),
        1 => proptest::sample::select(tables.clone()).prop_map(|t| format!("\n[[{t}]]\n")),
        1 => proptest::sample::select(tables).prop_map(|t| format!("\n[{t}]\n")),
    ];
    proptest::collection::vec(line, 0..60).prop_map(|lines| lines.concat())
}

/// Any JSON value, with object keys drawn from `keys` (a file's own field names) so that objects
/// look like the ones a loader expects.
pub fn json_value(keys: Vec<String>) -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..12).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,20}".prop_map(Value::String),
        "[a-z]{1,8}(-[a-z]{1,8}){0,2}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((proptest::sample::select(keys.clone()), inner), 0..8)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// The keys of every object in a JSON text.
pub fn json_keys(text: &str) -> Vec<String> {
    fn walk(value: &serde_json::Value, keys: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    keys.push(key.clone());
                    walk(value, keys);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, keys)),
            _ => {}
        }
    }
    let mut keys = Vec::new();
    if let Ok(value) = serde_json::from_str(text) {
        walk(&value, &mut keys);
    }
    keys.sort();
    keys.dedup();
    keys
}
