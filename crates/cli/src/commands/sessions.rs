//! `leadback session list|add|edit|delete`: a coach's sessions with a client. Dates are checked
//! before anything is written; deleting needs --yes and says what goes.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use clap::Subcommand;
use leadback_actions::coaching::{self, NewSession};
use leadback_actions::files;
use leadback_core::Clock;
use leadback_core::clients::{NOTES_MAX_CHARS, Session, SessionInput};

use super::people::client_named;
use crate::error::CliError;

/// The time of a session given by its day alone.
const DEFAULT_HOUR: u32 = 9;

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// A client's sessions, newest first, with their ids.
    List {
        /// The client's name, exactly as `leadback people list` shows it.
        name: String,
    },
    /// Add a session with a client; prints its id.
    Add {
        /// The client's name, exactly as `leadback people list` shows it.
        name: String,
        /// When: YYYY-MM-DD (at 09:00) or YYYY-MM-DDTHH:MM; default now.
        #[arg(long, value_name = "D")]
        date: Option<String>,
        /// What the session is about.
        #[arg(long, value_name = "TEXT")]
        agenda: Option<String>,
        /// The session's notes, read from this text file.
        #[arg(long, value_name = "F")]
        notes_file: Option<PathBuf>,
    },
    /// Change a session's date or agenda (what is not given stays).
    Edit {
        /// The session's id (see `leadback session list NAME`).
        id: i64,
        #[arg(long, value_name = "D")]
        date: Option<String>,
        #[arg(long, value_name = "TEXT")]
        agenda: Option<String>,
    },
    /// Delete a session with its notes and the homework set in it (without --yes: says what
    /// would go).
    Delete {
        id: i64,
        #[arg(long)]
        yes: bool,
    },
}

pub fn run(
    data_dir: &Path,
    command: SessionCommand,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match command {
        SessionCommand::List { name } => list(data_dir, &name, out),
        SessionCommand::Add {
            name,
            date,
            agenda,
            notes_file,
        } => {
            let starts_at = match date.as_deref() {
                Some(text) => parse_when(text)?,
                None => now_local(clock),
            };
            let notes = notes_file.as_deref().map(read_notes).transpose()?;
            let mut store = super::open_store(data_dir)?;
            let client = client_named(&store, &name)?;
            let input = NewSession {
                person_id: client.person.id,
                starts_at,
                agenda: agenda.as_deref().unwrap_or(""),
                notes: notes.as_deref(),
            };
            let session = coaching::add_session(&mut store, clock, input)?;
            writeln!(
                out,
                "Added session {} with {} on {}{}.",
                session.id,
                client.person.name,
                when(&session),
                if session.notes.is_empty() {
                    ""
                } else {
                    ", with its notes"
                }
            )?;
            Ok(())
        }
        SessionCommand::Edit { id, date, agenda } => {
            if date.is_none() && agenda.is_none() {
                return Err(CliError::Usage(
                    "Nothing to change: give --date or --agenda. Nothing was changed.".into(),
                ));
            }
            let starts_at = date.as_deref().map(parse_when).transpose()?;
            let mut store = super::open_store(data_dir)?;
            let session = session(&store, id)?;
            let starts_at = starts_at.unwrap_or(session.starts_at);
            let input = SessionInput {
                starts_at,
                agenda: agenda.unwrap_or(session.agenda),
            };
            let saved = coaching::update_session(&mut store, clock, id, &input)?;
            writeln!(out, "Saved session {id}: {}.", when(&saved))?;
            Ok(())
        }
        SessionCommand::Delete { id, yes } => {
            let mut store = super::open_store(data_dir)?;
            let session = session(&store, id)?;
            let person = store.person(session.person_id)?;
            let homework = store
                .homework(session.person_id, clock.today())?
                .iter()
                .filter(|w| w.session_id == id)
                .count();
            let what = format!(
                "the session with {} on {} ({} characters of notes, {homework} homework set in it)",
                person.name,
                when(&session),
                session.notes.chars().count()
            );
            if !yes {
                return Err(CliError::Usage(format!(
                    "Deleting session {id} deletes {what}, for good; the client's habits stay. Add --yes to delete it. Nothing was changed."
                )));
            }
            coaching::delete_session(&mut store, id)?;
            writeln!(out, "Deleted {what}.")?;
            Ok(())
        }
    }
}

fn list(data_dir: &Path, name: &str, out: &mut dyn Write) -> Result<(), CliError> {
    let store = super::open_store(data_dir)?;
    let client = client_named(&store, name)?;
    let sessions = store.sessions(client.person.id)?;
    if sessions.is_empty() {
        writeln!(out, "No sessions with {} yet.", client.person.name)?;
    }
    for session in sessions {
        let agenda = session.agenda.lines().next().unwrap_or_default();
        writeln!(out, "{:>6}  {}  {agenda}", session.id, when(&session))?;
    }
    Ok(())
}

/// A session by its id, with a message that says how to find one.
fn session(store: &leadback_store::Store, id: i64) -> Result<Session, CliError> {
    match store.session(id) {
        Err(leadback_store::StoreError::NotFound { .. }) => Err(CliError::Usage(format!(
            "There is no session {id}. `leadback session list NAME` shows a client's sessions. Nothing was changed."
        ))),
        other => Ok(other?),
    }
}

/// A notes file: UTF-8 text no longer than notes may be (four bytes a character at most).
fn read_notes(path: &Path) -> Result<String, CliError> {
    let max = NOTES_MAX_CHARS.saturating_mul(4);
    let text = files::read_chosen_text(path, max)?;
    if text.len() > max {
        return Err(CliError::InputFile {
            path: path.to_path_buf(),
            message: format!(
                "is longer than session notes may be ({NOTES_MAX_CHARS} characters). Nothing was written."
            ),
        });
    }
    Ok(text)
}

/// "2026-11-22" (at 09:00), "2026-11-22T09:30" or "2026-11-22 09:30".
fn parse_when(text: &str) -> Result<NaiveDateTime, CliError> {
    let text = text.trim();
    for format in ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(at) = NaiveDateTime::parse_from_str(text, format) {
            return Ok(at.with_second(0).unwrap_or(at));
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|day| day.and_hms_opt(DEFAULT_HOUR, 0, 0))
        .ok_or_else(|| {
            CliError::Usage(format!(
                "{text:?} is not a date: give YYYY-MM-DD (the session is then at 09:00) or YYYY-MM-DDTHH:MM. Nothing was written."
            ))
        })
}

/// Now, on this computer's clock, to the minute.
fn now_local(clock: &dyn Clock) -> NaiveDateTime {
    let now = clock.now().with_timezone(&Local).naive_local();
    now.date()
        .and_time(NaiveTime::from_hms_opt(now.hour(), now.minute(), 0).unwrap_or_default())
}

fn when(session: &Session) -> String {
    session.starts_at.format("%Y-%m-%d %H:%M").to_string()
}
