//! One observer form: what a request asks of one observer, and the self-contained HTML file they
//! fill in. The file needs nothing but a browser: no network, no fonts, no scripts from elsewhere
//! (its Content-Security-Policy forbids them), so it can be emailed and opened from disk.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::answers::ExpectedRequest;
use super::{ObserverError, ObserverItem, observer_items};
use crate::assessment::{Instrument, Scale};
use crate::validation::single_line;

/// The longest request id accepted. Ids are the caller's opaque tokens (e.g. 32 hex digits).
pub const REQUEST_ID_MAX_CHARS: usize = 128;
/// The longest subject or observer name, the same as a person's name.
pub const NAME_MAX_CHARS: usize = crate::person::NAME_MAX_CHARS;

/// The form sent to one observer about one person. Everything the HTML file shows comes from here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ObserverForm {
    /// The caller's token for this request; the answers file carries it back.
    pub request_id: String,
    /// The person being described, as they want to be named to the observer.
    pub subject: String,
    /// The observer's name or role, e.g. "Sam" or "A colleague".
    pub observer: String,
    pub instrument_id: String,
    pub instrument_version: u32,
    pub scale: Scale,
    /// The Likert items in the order they are asked, in the third person.
    pub items: Vec<ObserverItem>,
    pub created_on: NaiveDate,
}

impl ObserverForm {
    /// Builds the form for one observer. Fails when the instrument has no observer wording, the
    /// request id is not a short token of letters, digits, '-' or '_', or a name is blank, too long
    /// or has line breaks.
    pub fn new(
        instrument: &Instrument,
        request_id: &str,
        subject: &str,
        observer: &str,
        today: NaiveDate,
    ) -> Result<ObserverForm, ObserverError> {
        let items = observer_items(instrument)?;
        let token_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        if request_id.is_empty()
            || request_id.len() > REQUEST_ID_MAX_CHARS
            || !request_id.chars().all(token_char)
        {
            return Err(ObserverError::InvalidRequestId {
                found: request_id.to_owned(),
            });
        }
        Ok(ObserverForm {
            request_id: request_id.to_owned(),
            subject: single_line("The person's name", subject, NAME_MAX_CHARS)?,
            observer: single_line("The observer's name", observer, NAME_MAX_CHARS)?,
            instrument_id: instrument.id().to_owned(),
            instrument_version: instrument.version(),
            scale: instrument.scale().clone(),
            items,
            created_on: today,
        })
    }

    /// What a returned answers file must match, for [`super::verify_answers`].
    pub fn expected(&self) -> ExpectedRequest {
        ExpectedRequest {
            request_id: self.request_id.clone(),
            instrument_id: self.instrument_id.clone(),
            instrument_version: self.instrument_version,
        }
    }

    /// `<observer>-answers.leadback-observer.json`, with the name reduced to letters, digits, '-'
    /// and '_' so it is a safe file name everywhere ("observer" when nothing is left).
    pub fn answers_file_name(&self) -> String {
        let mut name = String::new();
        for c in self.observer.chars() {
            if c.is_alphanumeric() || c == '_' {
                name.push(c);
            } else if !name.is_empty() && !name.ends_with('-') {
                name.push('-');
            }
        }
        let name = name.trim_end_matches('-');
        let name = if name.is_empty() { "observer" } else { name };
        format!("{name}-answers.leadback-observer.json")
    }
}

/// The HTML template; `{{FORM_DATA}}` is replaced by the form as JSON.
pub(super) const TEMPLATE: &str = include_str!("form.html");
const DATA_SLOT: &str = "{{FORM_DATA}}";

/// What the page's script reads from its `<script type="application/json">` element.
#[derive(Serialize)]
struct Payload<'a> {
    form: &'a ObserverForm,
    file_name: String,
}

/// The form as one self-contained HTML file (inline CSS and JavaScript, light and dark). Its
/// "Save my answers" button downloads [`ObserverForm::answers_file_name`], checksummed as
/// [`super::verify_answers`] expects. The form data is embedded as JSON with `<`, `>` and `&`
/// escaped, so no name can close the script element; the page only ever sets text, never HTML.
pub fn render_html(form: &ObserverForm) -> String {
    let payload = Payload {
        form,
        file_name: form.answers_file_name(),
    };
    // Serialising plain strings, numbers and a date cannot fail; should it ever, the page says the
    // form is damaged instead of showing half a form.
    let json = serde_json::to_string(&payload).unwrap_or_else(|_| "null".to_owned());
    TEMPLATE.replacen(DATA_SLOT, &script_safe(&json), 1)
}

/// JSON that can sit inside a `<script>` element: these characters only occur inside JSON strings,
/// where their `\uXXXX` escapes mean the same.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}
