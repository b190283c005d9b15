//! `leadback person add|edit|consent|erase`: a coach's clients from the terminal. Everything is
//! checked before anything is written; a refusal exits with 2 and changes nothing.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{ArgGroup, Args, Subcommand};
use leadback_actions::{coaching, files, people};
use leadback_core::Clock;
use leadback_core::clients::{ClientInput, ConsentInput, PersonSummary};
use leadback_store::Store;

use super::people::{client_named, erase};
use crate::error::CliError;
use crate::output::counted;

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Add a client with the consent they gave today.
    Add {
        /// The client's name (no other client may have it).
        name: String,
        /// What the client agreed to, in your words.
        #[arg(long, value_name = "TEXT")]
        consent: String,
        /// An email address or a phone number.
        #[arg(long, value_name = "C")]
        contact: Option<String>,
        /// A tag, e.g. "pilot"; repeat for more.
        #[arg(long = "tag", value_name = "T")]
        tags: Vec<String>,
    },
    /// Correct a client's name, contact or tags (what is not given stays).
    Edit(EditArgs),
    /// Record that a client withdrew consent (--withdraw --yes), or gave it again (--give TEXT).
    Consent(ConsentArgs),
    /// Export what is kept about a person ("me" or a client): everything as JSON, or their
    /// assessment results as CSV.
    Export(ExportArgs),
    /// Erase a client and everything about them (without --yes: says what would go).
    Erase {
        /// The client's name, exactly.
        name: String,
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The client's name, exactly as `leadback people list` shows it.
    name: String,
    /// Their new name.
    #[arg(long = "name", value_name = "N")]
    new_name: Option<String>,
    /// Their new contact ("" removes it).
    #[arg(long, value_name = "C")]
    contact: Option<String>,
    /// Their tags, replacing the ones they have; repeat for more.
    #[arg(long = "tag", value_name = "T", conflicts_with = "no_tags")]
    tags: Vec<String>,
    /// Remove every tag.
    #[arg(long)]
    no_tags: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("format").required(true).args(["csv", "json"])))]
pub struct ExportArgs {
    /// "me", or a client's name exactly as `leadback people list` shows it.
    name: String,
    /// Their assessment results, one row per finished assessment.
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
    /// Everything stored about them.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("change").required(true).args(["withdraw", "give"])))]
pub struct ConsentArgs {
    /// The client's name, exactly as `leadback people list` shows it.
    name: String,
    /// The client withdrew their consent today (needs --yes).
    #[arg(long)]
    withdraw: bool,
    /// Confirms a withdrawal.
    #[arg(long, requires = "withdraw")]
    yes: bool,
    /// The client gave consent (again) today, to these terms.
    #[arg(long, value_name = "TEXT")]
    give: Option<String>,
}

pub fn run(
    data_dir: &Path,
    command: PersonCommand,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match command {
        PersonCommand::Add {
            name,
            consent,
            contact,
            tags,
        } => add(data_dir, &name, &consent, contact, tags, clock, out),
        PersonCommand::Edit(args) => edit(data_dir, args, clock, out),
        PersonCommand::Consent(args) => consent(data_dir, args, clock, out),
        PersonCommand::Erase { name, yes } => erase(data_dir, &name, yes, out),
        PersonCommand::Export(args) => export(data_dir, args, clock, out),
    }
}

/// Writes the JSON export or the results CSV; the file is checked before anything is read.
fn export(
    data_dir: &Path,
    args: ExportArgs,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let store = super::open_store(data_dir)?;
    let person = super::person_named(&store, &args.name)?;
    match (args.csv.as_deref(), args.json.as_deref()) {
        (Some(file), None) => {
            let file = super::absolute(file);
            files::check_target(&store, &file)?;
            let instruments = super::instrument::library(&store)?;
            let rows = people::export_results_csv(&store, &instruments, person.id, &file)?;
            writeln!(
                out,
                "Wrote {}'s results to {}: {}.",
                person.name,
                file.display(),
                counted(rows, "finished assessment", "finished assessments")
            )?;
        }
        (None, Some(file)) => {
            let file = super::absolute(file);
            files::check_target(&store, &file)?;
            let written = people::export_json(&store, clock, person.id, &file)?;
            writeln!(
                out,
                "Wrote everything kept about {} to {}: {} rows in {} tables.",
                person.name,
                file.display(),
                written.rows,
                written.tables
            )?;
        }
        _ => {
            return Err(CliError::Usage(
                "Give one of --csv FILE or --json FILE. Nothing was written.".into(),
            ));
        }
    }
    Ok(())
}

fn add(
    data_dir: &Path,
    name: &str,
    terms: &str,
    contact: Option<String>,
    tags: Vec<String>,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let client = ClientInput {
        name: name.to_owned(),
        contact,
        tags,
    };
    let details = client.validate()?;
    let consent = ConsentInput {
        agreed_on: clock.today(),
        terms: terms.to_owned(),
    };
    consent.validate(clock.today())?;
    let mut store = super::open_store(data_dir)?;
    // The CLI finds clients by name, so it keeps names apart (the app shows them by id).
    refuse_taken_name(&store, &details.name, None)?;
    let added = coaching::add_client(&mut store, clock, &client, &consent)?;
    writeln!(
        out,
        "Added {}, who gave consent on {}.",
        added.person.name, consent.agreed_on
    )?;
    Ok(())
}

fn edit(
    data_dir: &Path,
    args: EditArgs,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if args.new_name.is_none() && args.contact.is_none() && args.tags.is_empty() && !args.no_tags {
        return Err(CliError::Usage(
            "Nothing to change: give --name, --contact, --tag or --no-tags. Nothing was changed."
                .into(),
        ));
    }
    let mut store = super::open_store(data_dir)?;
    let client = client_named(&store, &args.name)?;
    let tags = match (args.no_tags, args.tags.is_empty()) {
        (true, _) => Vec::new(),
        (false, true) => client.tags.clone(),
        (false, false) => args.tags,
    };
    let input = ClientInput {
        name: args.new_name.unwrap_or_else(|| client.person.name.clone()),
        contact: args.contact.or_else(|| client.contact.clone()),
        tags,
    };
    refuse_taken_name(&store, &input.validate()?.name, Some(client.person.id))?;
    let updated = coaching::update_client(&mut store, clock, client.person.id, &input)?;
    writeln!(out, "{}", describe(&updated))?;
    Ok(())
}

fn consent(
    data_dir: &Path,
    args: ConsentArgs,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let today = clock.today();
    let given = args.give.as_deref().map(|terms| ConsentInput {
        agreed_on: today,
        terms: terms.to_owned(),
    });
    if let Some(given) = &given {
        given.validate(today)?;
    }
    let mut store = super::open_store(data_dir)?;
    let client = client_named(&store, &args.name)?;
    let name = &client.person.name;
    if let Some(given) = given {
        coaching::record_consent(&mut store, clock, client.person.id, &given)?;
        writeln!(
            out,
            "Recorded {name}'s consent on {today}; their earlier consent stays in the history."
        )?;
        return Ok(());
    }
    match client.consent.as_ref().map(|c| c.withdrawn_on) {
        None => {
            return Err(CliError::Usage(format!(
                "{name} has no consent recorded, so there is none to withdraw. Nothing was changed."
            )));
        }
        Some(Some(on)) => {
            return Err(CliError::Usage(format!(
                "{name} already withdrew consent on {on}. Nothing was changed."
            )));
        }
        Some(None) => {}
    }
    if !args.yes {
        return Err(CliError::Usage(format!(
            "Withdrawing {name}'s consent means no new assessment, session, homework or observer \
             form for them until they give it again; what is kept stays, and so does the history \
             of their consent. Add --yes to withdraw it. Nothing was changed."
        )));
    }
    coaching::withdraw_consent(&mut store, clock, client.person.id)?;
    writeln!(
        out,
        "Recorded that {name} withdrew consent on {today}. Give it again with: leadback person consent {name:?} --give TEXT"
    )?;
    Ok(())
}

/// Refuses a name another client already has: the command line finds clients by name.
fn refuse_taken_name(store: &Store, name: &str, except: Option<i64>) -> Result<(), CliError> {
    let taken = store.people()?.into_iter().any(|p| {
        p.person.kind == leadback_core::PersonKind::Client
            && p.person.name == name
            && Some(p.person.id) != except
    });
    if taken {
        return Err(CliError::Usage(format!(
            "There is already a client called {name:?}; give another name (add a surname or an initial). Nothing was written."
        )));
    }
    Ok(())
}

fn describe(client: &PersonSummary) -> String {
    let contact = client.contact.as_deref().unwrap_or("no contact");
    let tags = if client.tags.is_empty() {
        "no tags".to_owned()
    } else {
        format!("tags: {}", client.tags.join(", "))
    };
    format!("Saved {} ({contact}; {tags}).", client.person.name)
}
