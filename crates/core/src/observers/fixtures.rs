//! A small instrument for observer tests: the built-in one with its 30 items replaced by nine
//! (three per stance, the second of each reverse-keyed), so scores can be worked out by hand.
//! Scale 1–5: an answer x counts x − 1 points (5 − x when reversed) out of 4.

use std::collections::BTreeMap;

use crate::assessment::{BUILTIN, Instrument};

const ITEMS: &str = r#"
[[items]]
id = "f1"
stance = "front"
text = "led."
observer = "Leads."

[[items]]
id = "f2"
stance = "front"
reverse = true
text = "followed."
observer = "Follows."

[[items]]
id = "f3"
stance = "front"
text = "decided."
observer = "Decides."

[[items]]
id = "b1"
stance = "behind"
text = "let others go first."
observer = "Lets others go first."

[[items]]
id = "b2"
stance = "behind"
reverse = true
text = "went first."
observer = "Goes first."

[[items]]
id = "b3"
stance = "behind"
text = "handed over."
observer = "Hands over."

[[items]]
id = "s1"
stance = "servant"
text = "listened."
observer = "Listens."

[[items]]
id = "s2"
stance = "servant"
reverse = true
text = "interrupted."
observer = "Interrupts."

[[items]]
id = "s3"
stance = "servant"
text = "asked."
observer = "Asks."

"#;

/// The fixture's text: the built-in file with the items swapped and the id changed.
pub(super) fn tiny_text() -> String {
    let (Some(first), Some(after)) = (BUILTIN.find("[[items]]"), BUILTIN.find("[[scenarios]]"))
    else {
        panic!("the built-in instrument no longer has [[items]] before [[scenarios]]");
    };
    assert!(first < after, "items must come before scenarios");
    let text = [&BUILTIN[..first], ITEMS, &BUILTIN[after..]].concat();
    assert!(text.contains("id = \"leadback-core\""));
    text.replacen("id = \"leadback-core\"", "id = \"tiny\"", 1)
}

pub(super) fn parse(text: &str) -> Instrument {
    match Instrument::parse("tiny.toml", text) {
        Ok(instrument) => instrument,
        Err(e) => panic!("the observer fixture must parse:\n{e}"),
    }
}

/// The nine-item instrument, with observer wording.
pub(super) fn tiny() -> Instrument {
    parse(&tiny_text())
}

/// The same instrument as a custom file without any observer wording.
pub(super) fn tiny_without_wording() -> Instrument {
    let full = tiny_text();
    let text: Vec<&str> = full
        .lines()
        .filter(|line| !line.starts_with("observer = "))
        .collect();
    parse(&text.join("\n"))
}

/// An answer set from `(item id, value)` pairs; 0 stands for a skip (`null`).
pub(super) fn answers(pairs: &[(&str, i64)]) -> BTreeMap<String, Option<i64>> {
    pairs
        .iter()
        .map(|(id, value)| ((*id).to_owned(), (*value != 0).then_some(*value)))
        .collect()
}
