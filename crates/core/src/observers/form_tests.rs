//! Building a form, rendering its HTML, and the form's JavaScript agreeing with Rust byte for byte
//! (run with Node; a missing Node fails the test rather than skipping it).

use std::process::Command;

use chrono::NaiveDate;
use serde_json::Value;

use super::fixtures::{tiny, tiny_without_wording};
use super::form::TEMPLATE;
use super::*;
use crate::validation::ValidationError;

const REQUEST: &str = "0123456789abcdef0123456789abcdef";

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 14).unwrap_or_default()
}

fn form(subject: &str, observer: &str) -> ObserverForm {
    match ObserverForm::new(&tiny(), REQUEST, subject, observer, day()) {
        Ok(form) => form,
        Err(e) => panic!("a valid form was refused: {e}"),
    }
}

#[test]
fn a_form_holds_the_third_person_items_in_order() {
    let f = form("  Ada ", "Sam");
    assert_eq!((f.subject.as_str(), f.observer.as_str()), ("Ada", "Sam"));
    assert_eq!(
        (f.instrument_id.as_str(), f.instrument_version),
        ("tiny", 1)
    );
    assert_eq!((f.scale.min, f.scale.max), (1, 5));
    let texts: Vec<(&str, &str)> = f
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.text.as_str()))
        .collect();
    assert_eq!(texts[0], ("f1", "Leads."));
    assert_eq!(texts.len(), 9);
    assert_eq!(f.created_on, day());
    assert_eq!(f.expected().request_id, REQUEST);
}

#[test]
fn the_builtin_instrument_makes_a_form() {
    let builtin = crate::assessment::builtin();
    let Ok(instrument) = builtin else {
        panic!("{builtin:?}");
    };
    let f = ObserverForm::new(&instrument, REQUEST, "Ada", "Sam", day());
    assert_eq!(f.map(|f| f.items.len()).ok(), Some(30));
}

#[test]
fn an_instrument_without_observer_wording_cannot_make_a_form() {
    let refused = ObserverForm::new(&tiny_without_wording(), REQUEST, "Ada", "Sam", day());
    assert_eq!(
        refused,
        Err(ObserverError::NoObserverWording {
            instrument: "tiny".into()
        })
    );
}

#[test]
fn request_ids_and_names_are_checked() {
    let instrument = tiny();
    let long = "a".repeat(REQUEST_ID_MAX_CHARS + 1);
    for bad in ["", "has space", "line\nbreak", "ü", long.as_str()] {
        assert_eq!(
            ObserverForm::new(&instrument, bad, "Ada", "Sam", day()),
            Err(ObserverError::InvalidRequestId { found: bad.into() })
        );
    }
    assert_eq!(
        ObserverForm::new(&instrument, REQUEST, " ", "Sam", day()),
        Err(ObserverError::InvalidName(ValidationError::Empty {
            field: "The person's name"
        }))
    );
    assert_eq!(
        ObserverForm::new(&instrument, REQUEST, "Ada", "Sam\nSmith", day()),
        Err(ObserverError::InvalidName(
            ValidationError::ControlCharacter {
                field: "The observer's name"
            }
        ))
    );
}

#[test]
fn the_answers_file_name_is_safe() {
    let name = |observer: &str| form("Ada", observer).answers_file_name();
    assert_eq!(
        name("Sam Smith"),
        "Sam-Smith-answers.leadback-observer.json"
    );
    assert_eq!(
        name("../../etc/passwd"),
        "etc-passwd-answers.leadback-observer.json"
    );
    assert_eq!(name("Zoë"), "Zoë-answers.leadback-observer.json");
    assert_eq!(name("!!!"), "observer-answers.leadback-observer.json");
}

/// The JSON inside `<script type="application/json" id="form-data">`.
fn embedded(html: &str) -> Value {
    let open = "<script type=\"application/json\" id=\"form-data\">";
    let start = html.find(open).map(|i| i + open.len()).unwrap_or(0);
    let end = html[start..].find("</script>").map_or(0, |e| start + e);
    serde_json::from_str(&html[start..end]).unwrap_or(Value::Null)
}

#[test]
fn the_html_embeds_the_form_and_nothing_can_break_out() {
    assert_eq!(TEMPLATE.matches("{{FORM_DATA}}").count(), 1);
    let subject = "</script><script>alert('x')</script> & <b>";
    let html = render_html(&form(subject, "Sam <3"));
    assert!(!html.contains("{{FORM_DATA}}"));
    assert!(!html.contains("alert('x')</script>"), "the name broke out");
    assert_eq!(html.matches("</script>").count(), 2);
    let data = embedded(&html);
    assert_eq!(data["form"]["subject"], subject);
    assert_eq!(data["form"]["observer"], "Sam <3");
    assert_eq!(data["file_name"], "Sam-3-answers.leadback-observer.json");
    assert_eq!(data["form"]["items"][1]["text"], "Follows.");
}

#[test]
fn the_html_is_self_contained_and_says_who_asked_and_why_it_is_safe() {
    let html = render_html(&form("Ada", "Sam"));
    for network in ["http://", "https://", "src=", "@import", "url(", "fetch("] {
        assert!(!html.contains(network), "{network} in the form");
    }
    for needed in [
        "default-src 'none'",
        "prefers-color-scheme: dark",
        "type: \"radio\"",
        "Save my answers",
        " asked you, ",
        "only ever shown combined with the answers of at least two other people",
        "crypto.subtle",
    ] {
        assert!(html.contains(needed), "{needed:?} missing from the form");
    }
}

/// Runs JavaScript with Node and returns what it printed; fails loudly when Node is missing.
fn node(script: &str) -> String {
    let output = Command::new("node").arg("-e").arg(script).output();
    let output = match output {
        Ok(output) => output,
        Err(e) => panic!(
            "this test needs Node.js 20 or later on the PATH (`node`) to run the form's JavaScript \
             checksum against Rust's; it could not be started: {e}"
        ),
    };
    assert!(
        output.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn checksum_section() -> &'static str {
    let start = TEMPLATE.find("// BEGIN checksum");
    let end = TEMPLATE.find("// END checksum");
    match (start, end) {
        (Some(start), Some(end)) if start < end => &TEMPLATE[start..end],
        _ => {
            panic!("form.html must mark its checksum code with // BEGIN checksum … // END checksum")
        }
    }
}

#[test]
fn the_forms_javascript_writes_files_rust_accepts_with_the_same_checksum() {
    let f = form("Ada", "Sam");
    let values = serde_json::json!({ "f1": 5, "f2": 1, "b3": 2, "s1": 4 });
    let script = format!(
        "{}\nconst form = {};\nanswersFile(form, {values}).then((file) => {{\n  \
         process.stdout.write(JSON.stringify({{ file, canonical: canonicalText(file) }}));\n}});",
        checksum_section(),
        serde_json::to_string(&f).unwrap_or_default(),
    );
    let out: Value = serde_json::from_str(&node(&script)).unwrap_or(Value::Null);
    let file = serde_json::to_vec(&out["file"]).unwrap_or_default();
    let verified = verify_answers(&file, &f.expected(), &tiny());
    let Ok(answers) = verified else {
        panic!("Rust refused the file the form made: {verified:?}\n{out}");
    };
    assert_eq!(answers.answers.len(), 9, "every item is in the file");
    assert_eq!(answers.answers.get("f1"), Some(&Some(5)));
    assert_eq!(answers.answers.get("b1"), Some(&None));
    assert_eq!(out["canonical"], answers.canonical_text());
    assert_eq!(out["file"]["checksum"], answers.checksum());
}

#[test]
fn the_forms_sha256_matches_rust() {
    // Lengths around the 55/56/64-byte padding edges, an empty text and multi-byte characters.
    let texts: Vec<String> = [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]
        .iter()
        .map(|n| "a".repeat(*n))
        .chain(["Zoë — 漢字 🙂\nnext=".to_owned()])
        .collect();
    let script = format!(
        "{}\nconst texts = {};\n(async () => {{\n  const out = [];\n  for (const t of texts) {{\n    \
         out.push(await sha256Hex(t));\n  }}\n  \
         process.stdout.write(JSON.stringify(out));\n}})();",
        checksum_section(),
        serde_json::to_string(&texts).unwrap_or_default(),
    );
    let out: Vec<String> = serde_json::from_str(&node(&script)).unwrap_or_default();
    assert_eq!(out.len(), texts.len());
    for (text, digest) in texts.iter().zip(out) {
        assert_eq!(format!("sha256:{digest}"), checksum(text), "{text:?}");
    }
}

#[test]
fn without_web_crypto_the_page_says_so_instead_of_saving() {
    let script = format!(
        "{}\nObject.defineProperty(globalThis, 'crypto', {{ value: undefined }});\n\
         sha256Hex('x').then(() => process.stdout.write('saved'), (e) => process.stdout.write(String(e)));",
        checksum_section(),
    );
    let out = node(&script);
    assert!(out.contains("cannot make the file's checksum"), "{out}");
}

#[test]
fn the_whole_page_script_is_valid_javascript() {
    let html = render_html(&form("Ada", "Sam"));
    let start = html.find("<script>\n").map(|i| i + "<script>\n".len());
    let end = html.rfind("</script>");
    let (Some(start), Some(end)) = (start, end) else {
        panic!("no page script");
    };
    // Compiles the script without running it (it needs a DOM).
    let script = serde_json::to_string(&html[start..end]).unwrap_or_default();
    let out = node(&format!(
        "new Function({script}); process.stdout.write('ok');"
    ));
    assert_eq!(out, "ok");
}

/// A stand-in for the few DOM calls the page makes, enough to run its whole script in Node. The
/// page is then written out as markup (text escaped), after pressing "Save my answers" once.
const FAKE_DOM: &str = r#"
function element(tag) {
  return {
    localName: tag, attributes: {}, children: [], listeners: {}, className: "",
    setAttribute(name, value) { this.attributes[name] = String(value); },
    append(...kids) { for (const kid of kids) this.children.push(typeof kid === "string" ? { text: kid } : kid); },
    replaceChildren(...kids) { this.children = []; this.append(...kids); },
    addEventListener(type, listener) { (this.listeners[type] ??= []).push(listener); },
    querySelectorAll(tag) { return this.children.filter((c) => c.localName === tag); },
    set textContent(text) { this.children = [{ text: String(text) }]; },
    click() {}, remove() {},
  };
}
const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
function markup(node) {
  if (node.text !== undefined) return escape(node.text);
  return "<" + node.localName + ">" + node.children.map(markup).join("") + "</" + node.localName + ">";
}
function find(node, test) {
  if (node.text !== undefined) return null;
  if (test(node)) return node;
  for (const child of node.children) { const found = find(child, test); if (found) return found; }
  return null;
}
const app = element("main");
globalThis.document = {
  title: "",
  body: element("body"),
  createElement: element,
  getElementById: (id) => (id === "app" ? app : id === "form-data" ? { textContent: FORM_DATA } : null),
};
globalThis.window = { addEventListener() {} };
globalThis.setTimeout = () => 0;
"#;

#[test]
fn the_page_isolates_every_name_written_in_any_direction() {
    let (subject, observer) = ("نور حداد", "سامي");
    let html = render_html(&form(subject, observer));
    let start = html.find("<script>\n").map(|i| i + "<script>\n".len());
    let end = html.rfind("</script>");
    let (Some(start), Some(end)) = (start, end) else {
        panic!("no page script");
    };
    let data = serde_json::to_string(&embedded(&html).to_string()).unwrap_or_default();
    // Runs the page, answers the first statement and saves, then writes out what is shown.
    let script = format!(
        "const FORM_DATA = {data};\n{FAKE_DOM}\n{page}\n\
         (async () => {{\n  \
           const answer = find(app, (n) => n.localName === \"input\");\n  \
           for (const listener of answer.listeners.change) listener();\n  \
           const save = find(document.body, (n) => n.localName === \"button\");\n  \
           for (const listener of save.listeners.click) await listener();\n  \
           process.stdout.write(markup(app) + markup(document.body));\n\
         }})();",
        page = &html[start..end],
    );
    let page = node(&script);
    let file = form(subject, observer).answers_file_name();
    assert!(
        page.contains("<h1>How does <bdi>نور حداد</bdi> lead?</h1>"),
        "{page}"
    );
    assert!(
        page.contains(
            "<p><bdi>نور حداد</bdi> asked you, <bdi>سامي</bdi>, to describe how they lead."
        ),
        "{page}"
    );
    assert!(
        page.contains(&format!("Send that file to <bdi>{subject}</bdi>.")),
        "the saved status: {page}"
    );
    // Once every isolated name is taken out, no name is left loose in a sentence.
    let mut loose = page.clone();
    for isolated in [subject, observer, file.as_str()] {
        loose = loose.replace(&format!("<bdi>{isolated}</bdi>"), "");
    }
    for name in [subject, observer] {
        assert!(!loose.contains(name), "{name} outside a <bdi>: {page}");
    }
}
