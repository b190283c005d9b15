//! A backup's file name (its time and reason), listing the folder, and which backups rotation keeps.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};

use super::kinds::{
    BackupFile, BackupReason, KEEP_DAILY, KEEP_NEWEST, KEEP_WEEKLY, PREFIX, STAMP, SUFFIX, io_error,
};
use crate::StoreError;

pub(super) fn names_in(dir: &Path) -> Result<Vec<String>, StoreError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|source| io_error("read the backups folder", dir, source))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| io_error("read the backups folder", dir, source))?;
        names.extend(entry.file_name().to_str().map(str::to_owned));
    }
    Ok(names)
}

/// The backups in `dir`, newest first. Files that are not Leadback backups are left out (and are
/// never touched by rotation). A missing folder has no backups.
pub fn list_backups(dir: &Path) -> Result<Vec<BackupFile>, StoreError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(io_error("read the backups folder", dir, source)),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| io_error("read the backups folder", dir, source))?;
        let path = entry.path();
        let Some((taken_at, reason, attempt)) = path
            .file_name()
            .and_then(|name| name.to_str())
            .and_then(parse_name)
        else {
            continue;
        };
        let bytes = entry
            .metadata()
            .map_err(|source| io_error("read the size of", &path, source))?
            .len();
        found.push((
            attempt,
            BackupFile {
                path,
                taken_at,
                reason,
                bytes,
            },
        ));
    }
    // Newest first; within one second, the later attempt is the newer.
    found.sort_by(|(a_try, a), (b_try, b)| b.taken_at.cmp(&a.taken_at).then(b_try.cmp(a_try)));
    Ok(found.into_iter().map(|(_, backup)| backup).collect())
}

pub(super) fn file_name(taken_at: DateTime<Utc>, reason: BackupReason, attempt: u32) -> String {
    let stamp = taken_at.format(STAMP);
    match attempt {
        0 => format!("{PREFIX}{stamp}-{}{SUFFIX}", reason.slug()),
        n => format!("{PREFIX}{stamp}-{}-{n}{SUFFIX}", reason.slug()),
    }
}

pub(super) fn parse_name(name: &str) -> Option<(DateTime<Utc>, BackupReason, u32)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (stamp, tail) = rest.split_at_checked(STAMP_LEN)?;
    let taken_at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    let tail = tail.strip_prefix('-')?;
    BackupReason::ALL.into_iter().find_map(|reason| {
        let counter = tail.strip_prefix(reason.slug())?;
        if counter.is_empty() {
            return Some((taken_at, reason, 0));
        }
        let digits = counter.strip_prefix('-')?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some((taken_at, reason, digits.parse().ok()?))
    })
}

/// `20261122T075500Z`
const STAMP_LEN: usize = 16;

/// Which backups rotation keeps, given their times newest first: the [`KEEP_NEWEST`] newest, the
/// newest of each of the [`KEEP_DAILY`] most recent days, and the newest of each of the
/// [`KEEP_WEEKLY`] most recent ISO weeks. Returns the indexes to keep.
pub fn backups_to_keep(newest_first: &[DateTime<Utc>]) -> BTreeSet<usize> {
    let mut keep: BTreeSet<usize> = (0..newest_first.len().min(KEEP_NEWEST)).collect();
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    for (index, taken_at) in newest_first.iter().enumerate() {
        let day = taken_at.date_naive();
        if !days.contains(&day) && days.len() < KEEP_DAILY {
            days.push(day);
            keep.insert(index);
        }
        let week = day.iso_week();
        if !weeks.contains(&week) && weeks.len() < KEEP_WEEKLY {
            weeks.push(week);
            keep.insert(index);
        }
    }
    keep
}

/// Removes the backups [`backups_to_keep`] does not keep, never the one `just_made` nor `spare`
/// (the backup being restored, however its path is written).
pub(super) fn rotate(dir: &Path, just_made: &Path, spare: Option<&Path>) -> Result<(), StoreError> {
    let backups = list_backups(dir)?;
    let times: Vec<_> = backups.iter().map(|b| b.taken_at).collect();
    let keep = backups_to_keep(&times);
    let spare = spare.and_then(|path| std::fs::canonicalize(path).ok());
    let spared = |path: &Path| spare.is_some() && std::fs::canonicalize(path).ok() == spare;
    for (index, backup) in backups.iter().enumerate() {
        if !keep.contains(&index) && backup.path != just_made && !spared(&backup.path) {
            std::fs::remove_file(&backup.path)
                .map_err(|source| io_error("remove the old backup", &backup.path, source))?;
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "names_tests.rs"]
mod tests;
