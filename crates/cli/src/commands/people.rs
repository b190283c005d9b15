//! `leadback people list`, `leadback person erase NAME --yes`: a coach's clients from the terminal
//! (adding and correcting them is in `person.rs`).

use std::io::Write;
use std::path::Path;

use leadback_core::PersonKind;
use leadback_core::clients::PersonSummary;
use leadback_store::Store;

use crate::error::CliError;
use crate::output::counted;

pub fn list(data_dir: &Path, json: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let people = super::open_store(data_dir)?.people()?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &people).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    if people.is_empty() {
        writeln!(
            out,
            "No one yet: set your name with `leadback me --name NAME`."
        )?;
    }
    for p in &people {
        writeln!(out, "{}", line(p))?;
    }
    Ok(())
}

fn line(p: &PersonSummary) -> String {
    let who = match p.person.kind {
        PersonKind::Me => format!("{} (me)", p.person.name),
        PersonKind::Client => p.person.name.clone(),
    };
    let consent = match (&p.person.kind, &p.consent) {
        (PersonKind::Me, _) => String::new(),
        (_, None) => "consent not recorded".into(),
        (_, Some(c)) => match c.withdrawn_on {
            Some(day) => format!("consent withdrawn {day}"),
            None => format!("consent given {}", c.agreed_on),
        },
    };
    let tags = if p.tags.is_empty() {
        String::new()
    } else {
        format!("[{}]", p.tags.join(", "))
    };
    format!(
        "{who:<30} {:>3} assessments  {consent:<26} {tags}",
        p.completed_assessments
    )
    .trim_end()
    .to_owned()
}

/// The one client called exactly `name`.
pub fn client_named(store: &Store, name: &str) -> Result<PersonSummary, CliError> {
    let mut matches: Vec<_> = store
        .people()?
        .into_iter()
        .filter(|p| p.person.kind == PersonKind::Client && p.person.name == name.trim())
        .collect();
    match (matches.pop(), matches.len()) {
        (Some(one), 0) => Ok(one),
        (None, _) => Err(CliError::Usage(format!(
            "There is no client called {name:?}. `leadback people list` shows who there is."
        ))),
        (Some(_), others) => Err(CliError::Usage(format!(
            "{} clients are called {name:?}; rename one in the app first. Nothing was changed.",
            others + 1
        ))),
    }
}

pub fn erase(data_dir: &Path, name: &str, yes: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let mut store = super::open_store(data_dir)?;
    let client = client_named(&store, name)?;
    let preview = store.erase_preview(client.person.id)?;
    let what = format!(
        "{}, {}, {} with {}, {}, {} and {}",
        counted(preview.sessions, "session", "sessions"),
        counted(preview.assessments, "assessment", "assessments"),
        counted(preview.habits, "habit", "habits"),
        counted(preview.check_ins, "check-in", "check-ins"),
        counted(preview.exercise_runs, "exercise", "exercises"),
        counted(preview.journal_entries, "journal entry", "journal entries"),
        counted(preview.consents, "consent record", "consent records")
    );
    if !yes {
        return Err(CliError::Usage(format!(
            "Erasing {} deletes {what}, for good. Add --yes to erase them. Nothing was changed.",
            preview.name
        )));
    }
    leadback_actions::coaching::erase_client(&mut store, client.person.id, &preview.name)?;
    writeln!(out, "Erased {}: {what}.", preview.name)?;
    Ok(())
}
