//! `leadback sync start|join|now|code|rename|status|forget|leave`: sync with the person's other computers through a
//! folder their own sync tool keeps in step. Scripts and tests rely on the `--json` shapes.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use leadback_actions::sync::{self, Options, Outcome, Wait};
use leadback_core::Clock;

use crate::error::CliError;
use crate::output::counted;

#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Start a sync group in a folder your sync tool (Syncthing, Nextcloud, Dropbox…) keeps in
    /// step, with this computer as its first device; shows the pairing code for the next one.
    Start {
        /// A folder of its own inside the one your sync tool keeps (made if only it is missing).
        #[arg(long, value_name = "DIR")]
        folder: PathBuf,
        /// This computer's name in the group (default: its host name).
        #[arg(long)]
        name: Option<String>,
        /// Print {"code", "folder", "device"} as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Join the group in a folder with the pairing code shown on one of its computers. What is
    /// already here is kept and shared with the others.
    Join {
        #[arg(long, value_name = "DIR")]
        folder: PathBuf,
        #[arg(long)]
        code: String,
        /// This computer's name in the group (default: its host name).
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Write this computer's changes to the folder and apply the others'. Exits with 3 when a
    /// file was refused (after applying the rest).
    Now {
        /// Print {"sent", "applied", "refused", "kept_copies", "waiting"} as JSON.
        #[arg(long)]
        json: bool,
    },
    /// A new pairing code for this computer's group (the old one stops working), for when the
    /// first is lost.
    Code {
        #[arg(long)]
        json: bool,
    },
    /// Rename this computer in its group (the others see the new name after their next sync).
    Rename {
        /// The new name, e.g. "Office desktop".
        name: String,
    },
    /// The group's computers and when each last synced.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Take another computer off the group's list, one that will not sync again (lost, broken,
    /// given away), so the others stop waiting for it before they fold their files.
    Forget {
        /// Its name or id, as `leadback sync status --json` lists it.
        computer: String,
    },
    /// Stop syncing this computer (its data stays here).
    Leave,
}

pub fn run(
    data_dir: &Path,
    command: SyncCommand,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let mut store = super::open_store(data_dir)?;
    let options = Options::default();
    let mut quiet = |_: usize, _: usize| {};
    match command {
        SyncCommand::Start { folder, name, json } => {
            let name = name.unwrap_or_else(sync::this_computer_name);
            let started = sync::start(
                &mut store,
                &super::absolute(&folder),
                &name,
                options,
                clock.now(),
            )?;
            if json {
                print_json(out, &started)?;
            } else {
                writeln!(
                    out,
                    "Started a sync group in {} as “{name}”.",
                    started.folder.display()
                )?;
                writeln!(out, "Pairing code: {}", started.code)?;
                writeln!(
                    out,
                    "On your other computer: leadback sync join --folder <the same folder there> --code {}",
                    started.code
                )?;
            }
        }
        SyncCommand::Join {
            folder,
            code,
            name,
            json,
        } => {
            let name = name.unwrap_or_else(sync::this_computer_name);
            let folder = super::absolute(&folder);
            let outcome = sync::JoinRequest::check(&store, &folder, &code, &name)?
                .open()?
                .enter(&mut store, Wait::Yes(&mut say_waiting))?
                .complete(&mut store, options, clock.now(), &mut quiet)?;
            if !json {
                // (Numbered when another computer of the group already has the name.)
                let joined_as = sync::status(&store)
                    .ok()
                    .and_then(|s| s.devices.into_iter().find(|d| d.this_device))
                    .map_or(name, |d| d.name);
                writeln!(out, "Joined the sync group as “{joined_as}”.")?;
            }
            return report(out, &outcome, json);
        }
        SyncCommand::Code { json } => {
            let started = sync::new_code(&store, options, Wait::Yes(&mut say_waiting))?;
            if json {
                print_json(out, &started)?;
            } else {
                writeln!(
                    out,
                    "New pairing code: {} (the old one no longer works).",
                    started.code
                )?;
            }
        }
        SyncCommand::Now { json } => {
            let outcome = sync::sync_now_or_wait(
                &mut store,
                options,
                clock.now(),
                &mut quiet,
                &mut say_waiting,
            )?;
            return report(out, &outcome, json);
        }
        SyncCommand::Rename { name } => {
            let name = sync::rename(&mut store, &name, clock.now(), Wait::Yes(&mut say_waiting))?;
            writeln!(out, "This computer is now “{name}” in its sync group.")?;
        }
        SyncCommand::Status { json } => {
            let status = sync::status(&store)?;
            if json {
                print_json(out, &status)?;
            } else if !status.in_group {
                writeln!(
                    out,
                    "This computer does not sync. Start a group with `leadback sync start --folder DIR`, or join one with `leadback sync join`."
                )?;
            } else {
                if let Some(folder) = &status.folder {
                    writeln!(out, "Syncing through {}", folder.display())?;
                }
                for device in &status.devices {
                    let this = if device.this_device {
                        " (this computer)"
                    } else {
                        ""
                    };
                    let when = device
                        .synced_at
                        .as_deref()
                        .map_or_else(|| "never".to_owned(), local_minute);
                    writeln!(out, "  {}{this}: last synced {when}", device.name)?;
                }
                writeln!(
                    out,
                    "{} here not yet written to the folder.",
                    counted(status.unsent, "change", "changes")
                )?;
            }
        }
        SyncCommand::Forget { computer } => {
            let name = sync::forget(&store, &computer, Wait::Yes(&mut say_waiting))?;
            writeln!(
                out,
                "“{name}” is no longer listed in this sync group; should it sync again, it is back."
            )?;
        }
        SyncCommand::Leave => {
            sync::leave(&mut store, Wait::Yes(&mut say_waiting))?;
            writeln!(out, "This computer no longer syncs; its data stays here.")?;
        }
    }
    Ok(())
}

/// Said while another sync of the same data (the app's, usually) runs to its end first; on stderr,
/// so that `--json` output stays one document.
fn say_waiting() {
    let _ = writeln!(
        std::io::stderr(),
        "leadback: waiting for another sync of this data to finish (the app's, perhaps)…"
    );
}

/// An RFC 3339 time from a card as this computer's local date and minute (the JSON keeps the
/// exact time); a time that does not read is shown as it is.
fn local_minute(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339).map_or_else(
        |_| rfc3339.to_owned(),
        |t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        },
    )
}

/// `value` as pretty JSON, the shape scripts rely on.
fn print_json(out: &mut dyn Write, value: &impl serde::Serialize) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value).map_err(std::io::Error::other)?;
    writeln!(out, "{text}")?;
    Ok(())
}

/// What a sync did; an error (exit code 3) when something was refused.
fn report(out: &mut dyn Write, outcome: &Outcome, json: bool) -> Result<(), CliError> {
    if json {
        print_json(out, outcome)?;
    } else {
        writeln!(
            out,
            "Sent {}, applied {} from the other computers.",
            counted(outcome.sent.len(), "file", "files"),
            outcome.applied.len()
        )?;
        if outcome.kept_copies > 0 {
            writeln!(
                out,
                "{} changed on two computers at once: the earlier version is kept in the journal.",
                counted(outcome.kept_copies, "note", "notes")
            )?;
        }
        if outcome.waiting > 0 {
            let verb = if outcome.waiting == 1 {
                "it builds"
            } else {
                "they build"
            };
            writeln!(
                out,
                "{} for files {verb} on.",
                counted(outcome.waiting, "file waits", "files wait")
            )?;
        }
        for refused in &outcome.refused {
            writeln!(out, "Not applied: {} — {}", refused.file, refused.reason)?;
        }
    }
    if outcome.refused.is_empty() {
        Ok(())
    } else {
        Err(CliError::SyncRefused(outcome.refused.len()))
    }
}
