//! `leadback backup now|list|restore`, `leadback export FILE` and `leadback import backup FILE`:
//! keeping a person's data safe and taking it elsewhere.

use std::io::Write;
use std::path::Path;

use leadback_actions::{ActionError, data};
use leadback_core::Clock;
use leadback_store::backup::{self, BackupFile, BackupReason};
use leadback_store::{Store, StoreError, paths};

use crate::error::CliError;

fn describe(backup: &BackupFile) -> String {
    format!(
        "{}  {:>9}  {:<16}  {}",
        backup.taken_at.format("%Y-%m-%d %H:%M UTC"),
        size(backup.bytes),
        reason(backup.reason),
        backup.path.display()
    )
}

fn reason(reason: BackupReason) -> &'static str {
    match reason {
        BackupReason::Daily => "daily",
        BackupReason::BeforeMigration => "before upgrade",
        BackupReason::BeforeImport => "before import",
        BackupReason::BeforeRestore => "before restore",
        BackupReason::Manual => "by hand",
    }
}

fn size(bytes: u64) -> String {
    // Shown rounded: exact to the kilobyte is enough to tell backups apart.
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / f64::from(1 << 20))
    } else {
        format!("{} KB", bytes.div_ceil(1 << 10))
    }
}

pub fn now(data_dir: &Path, clock: &dyn Clock, out: &mut dyn Write) -> Result<(), CliError> {
    let store = super::open_store(data_dir)?;
    match data::backup_now(&store, clock.now())? {
        Some(taken) => writeln!(out, "Backed up and checked: {}", taken.path.display())?,
        None => writeln!(out, "Nothing to back up.")?,
    }
    Ok(())
}

pub fn list(data_dir: &Path, out: &mut dyn Write) -> Result<(), CliError> {
    let dir = backup::backups_dir(&paths::database_path(data_dir));
    let backups = backup::list_backups(&dir)?;
    if backups.is_empty() {
        writeln!(out, "No backups yet in {}.", dir.display())?;
    }
    for backup in &backups {
        writeln!(out, "{}", describe(backup))?;
    }
    Ok(())
}

pub fn restore(
    data_dir: &Path,
    file: &Path,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let database = paths::database_path(data_dir);
    let key = super::passphrase();
    match Store::open_with(&database, key.as_deref()) {
        Ok(mut store) => {
            let safety =
                data::restore(&mut store, &super::absolute(file), clock.now()).map_err(|err| {
                    match err {
                        ActionError::Store(err) => input(file)(err),
                        other => other.into(),
                    }
                })?;
            writeln!(out, "Restored {}.", file.display())?;
            if let Some(safety) = safety {
                writeln!(
                    out,
                    "What was there before is kept in {}.",
                    safety.path.display()
                )?;
            }
        }
        // A damaged database cannot be backed up; it is moved aside instead, never deleted.
        Err(StoreError::Damaged { .. }) => {
            let aside = backup::recover_from_backup(data_dir, file, key.as_deref(), clock.now())
                .map_err(input(file))?;
            Store::open(&database)?;
            writeln!(out, "Restored {}.", file.display())?;
            writeln!(
                out,
                "The damaged database was moved to {}.",
                aside.display()
            )?;
        }
        Err(other) => return Err(super::locked(other)),
    }
    Ok(())
}

fn input(file: &Path) -> impl Fn(StoreError) -> CliError + '_ {
    move |err| match err {
        StoreError::BadBackup { detail, .. } => CliError::InputFile {
            path: file.to_path_buf(),
            message: format!("cannot be restored: {detail}. Nothing was changed."),
        },
        StoreError::BadExport(_) | StoreError::NotEmpty { .. } => CliError::InputFile {
            path: file.to_path_buf(),
            message: err.to_string(),
        },
        other => CliError::Store(other),
    }
}

pub fn export(
    data_dir: &Path,
    file: &Path,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let store = super::open_store(data_dir)?;
    let exported =
        data::export_everything(&store, &super::absolute(file), clock.now()).map_err(|err| {
            match err {
                ActionError::Store(StoreError::WriteFile { source, .. }) => CliError::InputFile {
                    path: file.to_path_buf(),
                    message: format!("could not be written: {source}"),
                },
                other => other.into(),
            }
        })?;
    writeln!(
        out,
        "Exported {} rows from {} tables to {}.",
        exported.rows,
        exported.tables,
        file.display()
    )?;
    Ok(())
}

pub fn import_backup(data_dir: &Path, file: &Path, out: &mut dyn Write) -> Result<(), CliError> {
    // The whole document is checked before the database is even opened.
    let doc = data::read_export(file)?;
    let mut store = super::open_store(data_dir)?;
    let rows = data::import_export(&mut store, file, &doc)?;
    writeln!(out, "Imported {rows} rows from {}.", file.display())?;
    Ok(())
}
