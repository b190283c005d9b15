//! A small, valid instrument for tests, kept in pieces so a test can drop or alter one part and see
//! exactly one fault. Scale 1–5; three items per stance (the second of each reverse-keyed); three
//! scenarios; three energy items; bands split at 50; profile margin 25.

use super::{Fault, Instrument, InstrumentError, Problem};

pub(super) const FILE: &str = "tiny.toml";

pub(super) const HEAD: &str = r#"
id = "tiny"
version = 1
title = "Tiny"
intro = "A tiny instrument."
stem = "In the last month, I…"

[scale]
min = 1
max = 5
labels = ["Never", "Rarely", "Sometimes", "Often", "Always"]

[[items]]
id = "f1"
stance = "front"
text = "led."

[[items]]
id = "f2"
stance = "front"
reverse = true
text = "followed."

[[items]]
id = "f3"
stance = "front"
text = "decided."

[[items]]
id = "b1"
stance = "behind"
text = "let others go first."

[[items]]
id = "b2"
stance = "behind"
reverse = true
text = "went first."

[[items]]
id = "b3"
stance = "behind"
text = "handed over."

[[items]]
id = "s1"
stance = "servant"
text = "listened."

[[items]]
id = "s2"
stance = "servant"
reverse = true
text = "interrupted."

[[items]]
id = "s3"
stance = "servant"
text = "asked."

[[scenarios]]
id = "walk"
title = "Walk"
prompt = "A calm walk."
fitting = "behind"

[[scenarios.options]]
id = "a"
stance = "front"
text = "Lead."

[[scenarios.options]]
id = "b"
stance = "behind"
text = "Stay back."

[[scenarios.options]]
id = "c"
stance = "servant"
text = "Ask."

[[scenarios]]
id = "fire"
title = "Fire"
prompt = "A crisis."
fitting = "front"

[[scenarios.options]]
id = "a"
stance = "front"
text = "Step in."

[[scenarios.options]]
id = "b"
stance = "behind"
text = "Wait."

[[scenarios.options]]
id = "c"
stance = "servant"
text = "Ask."

[[scenarios]]
id = "talk"
title = "Talk"
prompt = "A conversation."
fitting = "servant"

[[scenarios.options]]
id = "a"
stance = "front"
text = "Tell."

[[scenarios.options]]
id = "b"
stance = "behind"
text = "Say nothing."

[[scenarios.options]]
id = "c"
stance = "servant"
text = "Listen."

[energy]
title = "Energy"
stem = "In the last month, I…"

[[energy.items]]
id = "e1"
text = "rested."

[[energy.items]]
id = "e2"
reverse = true
text = "was worn out."

[[energy.items]]
id = "e3"
text = "took a break."

[feedback]
not_enough_answers = "Not enough answers."

[[feedback.front]]
id = "low"
label = "Low front"
from = 0
to = 50
narrative = "Seldom in front."
strengths = ["Room for others."]
risks = ["Nobody steps in."]

[[feedback.front]]
id = "high"
label = "High front"
from = 50
to = 100
narrative = "Often in front."
strengths = ["Momentum."]
risks = ["Heavy."]

[[feedback.behind]]
id = "low"
label = "Low behind"
from = 0
to = 50
narrative = "Seldom behind."
strengths = ["Close to the work."]
risks = ["Fewer chances for others."]

[[feedback.behind]]
id = "high"
label = "High behind"
from = 50
to = 100
narrative = "Often behind."
strengths = ["Others grow."]
risks = ["Late to step in."]
"#;

pub(super) const SERVANT_BANDS: &str = r#"
[[feedback.servant]]
id = "low"
label = "Low servant"
from = 0
to = 50
narrative = "Seldom serving."
strengths = ["Gets things done."]
risks = ["People unheard."]

[[feedback.servant]]
id = "high"
label = "High servant"
from = 50
to = 100
narrative = "Often serving."
strengths = ["People heard."]
risks = ["Own needs last."]
"#;

pub(super) const PROFILE: &str = r#"
[[feedback.energy]]
id = "low"
label = "Tired"
from = 0
to = 50
narrative = "Heavy month."

[[feedback.energy]]
id = "high"
label = "Rested"
from = 50
to = 100
narrative = "Rested month."

[profile]
margin = 25

[profile.incomplete]
id = "incomplete"
label = "Not enough answers"
summary = "Answer more."

[[profile.labels]]
id = "f"
leading = ["front"]
label = "Front"
summary = "Front leads."

[[profile.labels]]
id = "b"
leading = ["behind"]
label = "Behind"
summary = "Behind leads."

[[profile.labels]]
id = "s"
leading = ["servant"]
label = "Servant"
summary = "Servant leads."

[[profile.labels]]
id = "fb"
leading = ["front", "behind"]
label = "Front and behind"
summary = "Both."

[[profile.labels]]
id = "fs"
leading = ["servant", "front"]
label = "Front and servant"
summary = "Both."

[[profile.labels]]
id = "bs"
leading = ["behind", "servant"]
label = "Behind and servant"
summary = "Both."
"#;

pub(super) const BALANCED: &str = r#"
[[profile.labels]]
id = "fbs"
leading = ["front", "behind", "servant"]
label = "Balanced"
summary = "All three."
"#;

pub(super) const RULES: &str = r#"
[[suggestions]]
when = { profile = "f", energy_below = 50 }
habits = ["real-break", "let-others-go-first", "back-of-the-walk"]
exercises = ["rest-and-recharge", "walk-at-the-back"]

[[suggestions]]
when = { profile = "f" }
habits = ["let-others-go-first", "listen-before-speaking", "first-step-to-them"]
exercises = ["walk-at-the-back", "listen-first"]
"#;

pub(super) const FALLBACK: &str = r#"
[[suggestions]]
habits = ["share-the-goal", "praise-a-contribution", "real-break"]
exercises = ["shepherds-debrief", "collective-genius"]
"#;

/// The whole valid text.
pub(super) fn tiny() -> String {
    [HEAD, SERVANT_BANDS, PROFILE, BALANCED, RULES, FALLBACK].concat()
}

pub(super) fn tiny_instrument() -> Instrument {
    match Instrument::parse(FILE, &tiny()) {
        Ok(instrument) => instrument,
        Err(e) => panic!("the tiny fixture must parse: {e}"),
    }
}

/// The fixture with one exact piece of text replaced; panics if the piece is not there, so a test
/// can never silently check the unaltered file.
pub(super) fn with(old: &str, new: &str) -> String {
    let text = tiny();
    assert!(text.contains(old), "the fixture has no {old:?}");
    text.replacen(old, new, 1)
}

pub(super) fn problems(text: &str) -> Vec<Problem> {
    match Instrument::parse(FILE, text) {
        Ok(_) => panic!("a faulty file was accepted"),
        Err(InstrumentError::Syntax { message, .. }) => {
            panic!("expected a semantic fault: {message}")
        }
        Err(InstrumentError::Invalid { file, problems }) => {
            assert_eq!(file, FILE);
            problems
        }
    }
}

/// Asserts the file is refused with this fault at this place, and that the message says so.
pub(super) fn refused(text: &str, at: &str, fault: Fault) {
    let found = problems(text);
    let wanted = Problem {
        at: at.to_owned(),
        fault,
    };
    assert!(
        found.contains(&wanted),
        "expected {wanted:?} among {found:#?}"
    );
    let message = match Instrument::parse(FILE, text) {
        Err(e) => e.to_string(),
        Ok(_) => String::new(),
    };
    assert!(
        message.starts_with(FILE),
        "the message names the file: {message}"
    );
    assert!(
        message.contains(&wanted.to_string()),
        "{message} should contain {wanted}"
    );
}
