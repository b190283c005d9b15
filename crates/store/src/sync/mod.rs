//! The database's side of sync between a person's computers: each write transaction's changes
//! recorded by SQLite's session extension ([`capture`]), other devices' changes applied with
//! conflicts settled the same way everywhere ([`apply`]), and a snapshot of everything for a
//! device joining a group. Files, keys and the folder are `leadback-sync`'s and the actions'.

mod apply;
mod bookkeeping;
mod capture;
mod changes;
mod clashes;
mod copies;
mod replace;
mod snapshot;
mod tables;

use std::collections::BTreeMap;

use leadback_sync::clock::{HybridClock, Stamp};
use rusqlite::OptionalExtension;

pub use apply::Applied;
pub(crate) use capture::Db;
pub use capture::WallClock;
pub use snapshot::{GoneText, RowStampsText, Snapshot};

use crate::settings::put_setting;
use crate::{Store, StoreError};

/// The setting holding this device's id while it is in a sync group.
const DEVICE_SETTING: &str = "sync.device";

/// The setting holding how far each other device's files are applied here.
const APPLIED_SETTING: &str = "sync.applied";

/// Set while this device's files in the folder may still hold someone erased since (they carry
/// what was written about them, and the erasure's changeset keeps the deleted values): the
/// files are folded into a snapshot as soon as every device has them (see
/// [`Store::sync_folder_holds_erased`]).
const HOLDS_ERASED_SETTING: &str = "sync.folder_holds_erased";

fn note_folder_holds_erased(tx: &rusqlite::Connection) -> Result<(), StoreError> {
    put_setting(tx, HOLDS_ERASED_SETTING, "1")
}

/// Puts the conflict copies an apply made in the outbox, so every device ends with them.
pub(crate) fn send_copies(
    tx: &rusqlite::Connection,
    applied: &Applied,
    capture: Option<&mut capture::Capture>,
) -> Result<(), StoreError> {
    if let Some(capture) = capture
        && !applied.copies.is_empty()
    {
        capture::keep_local(tx, &applied.copies, capture.tick())?;
    }
    Ok(())
}

/// Notes in `tx` that file `from` (device, sequence) is applied.
pub(crate) fn note_applied(tx: &rusqlite::Connection, from: (u64, u64)) -> Result<(), StoreError> {
    let text: Option<String> = tx
        .query_row(
            "SELECT value FROM setting WHERE key = ?1",
            [APPLIED_SETTING],
            |r| r.get(0),
        )
        .optional()?;
    let mut by_hex: BTreeMap<String, u64> = match text {
        Some(text) => serde_json::from_str(&text)
            .map_err(|_| StoreError::Sync("the record of applied files is damaged".to_owned()))?,
        None => BTreeMap::new(),
    };
    let seq = by_hex.entry(format!("{:016x}", from.0)).or_insert(0);
    *seq = (*seq).max(from.1);
    let text = serde_json::to_string(&by_hex).map_err(|e| StoreError::Sync(e.to_string()))?;
    put_setting(tx, APPLIED_SETTING, &text)
}

/// Whether any of these changesets deletes a person (an erasure: a client is deleted with
/// everything about them, and only so).
fn erases_someone<'a>(all: impl Iterator<Item = &'a [u8]>) -> Result<bool, StoreError> {
    for changes in all {
        let deletes = changes::read_changes(changes, |item| {
            let op = item.op()?;
            Ok(op.code() == rusqlite::hooks::Action::SQLITE_DELETE && op.table_name() == "person")
        })?;
        if deletes.into_iter().any(|d| d) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// One of this device's transactions, waiting to be written to the sync folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEntry {
    pub seq: i64,
    pub stamp: Stamp,
    pub changes: Vec<u8>,
}

impl Store {
    /// The id this device syncs under, while it is in a group.
    pub fn sync_device(&self) -> Result<Option<u64>, StoreError> {
        let text: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM setting WHERE key = ?1",
                [DEVICE_SETTING],
                |r| r.get(0),
            )
            .optional()?;
        text.map(|t| {
            u64::from_str_radix(&t, 16)
                .map_err(|_| StoreError::Sync(format!("the device id {t:?} is not valid")))
        })
        .transpose()
    }

    /// Starts recording every change for sync as device `device`. Rows already here count as
    /// made now (a device joining with data of its own keeps it: it goes out in its snapshot).
    pub fn sync_start_recording(&mut self, device: u64) -> Result<(), StoreError> {
        let mut capture = capture::Capture {
            clock: HybridClock::new(device),
            wall: self.wall(),
        };
        let born = capture.tick();
        let tx = self.conn.unrecorded()?.0;
        put_setting(&tx, DEVICE_SETTING, &format!("{device:016x}"))?;
        tx.execute_batch(
            "DELETE FROM sync_row; DELETE FROM sync_gone; DELETE FROM sync_outbox;
             DELETE FROM setting WHERE key IN ('sync.noted', 'sync.outbox_cleared', 'sync.applied');",
        )?;
        // Two computers that imported one backup, or added one habit from the library, before
        // they met hold each such habit under one key.
        crate::ids::key_imported_habits(&tx)?;
        crate::ids::key_library_habits(&tx)?;
        bookkeeping::stamp_every_row(&tx, born)?;
        bookkeeping::save_clock(&tx, born)?;
        tx.commit()?;
        self.conn.set_capture(Some(capture));
        Ok(())
    }

    /// Makes "me" here the same person as "me" on the group's other devices (`id` there), before
    /// this device joins: one person, not two, once both sides' records meet.
    pub fn sync_adopt_me(&mut self, id: i64) -> Result<(), StoreError> {
        let Some(me) = self.me()? else {
            return Ok(());
        };
        if me.id == id {
            return Ok(());
        }
        let tx = self.conn.unrecorded()?.0;
        crate::ids::rekey_row(&tx, "person", me.id, id)?;
        // The journal's index names check-ins and notes by key, not people: nothing else moves.
        tx.commit()?;
        if self.acting == Some(me.id) {
            self.acting = Some(id);
        }
        Ok(())
    }

    /// Stops recording and forgets sync's records (leaving a group).
    pub fn sync_stop_recording(&mut self) -> Result<(), StoreError> {
        let tx = self.conn.unrecorded()?.0;
        tx.execute_batch(
            "DELETE FROM sync_row; DELETE FROM sync_gone; DELETE FROM sync_outbox;
             DELETE FROM setting WHERE key LIKE 'sync.%';",
        )?;
        tx.commit()?;
        self.conn.set_capture(None);
        Ok(())
    }

    /// Takes stamps from `wall` from now on (tests give a fixed clock).
    pub fn set_sync_wall_clock(&mut self, wall: WallClock) {
        self.wall_clock = Some(wall.clone());
        if let Some(capture) = self.conn.capture_mut() {
            capture.wall = wall;
        }
    }

    pub(crate) fn wall(&self) -> WallClock {
        self.wall_clock.clone().unwrap_or_else(WallClock::system)
    }

    /// Resumes recording when the database says this device is in a group (at opening).
    pub(crate) fn resume_recording(&mut self) -> Result<(), StoreError> {
        let Some(device) = self.sync_device()? else {
            return Ok(());
        };
        // The newest stamp given: the saved clock, or a change still in the outbox.
        let waiting: Option<String> =
            self.conn
                .query_row("SELECT max(stamp) FROM sync_outbox", [], |r| r.get(0))?;
        let waiting = waiting.and_then(|s| s.parse::<Stamp>().ok());
        let clock = match bookkeeping::load_clock(&self.conn)?.max(waiting) {
            Some(last) => HybridClock::resume(last),
            None => HybridClock::new(device),
        };
        let wall = self.wall();
        self.conn
            .set_capture(Some(capture::Capture { clock, wall }));
        Ok(())
    }

    /// This device's changes not yet written out, oldest first.
    pub fn sync_outbox(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        let rows: Vec<(i64, String, Vec<u8>)> = self
            .conn
            .prepare("SELECT seq, stamp, changes FROM sync_outbox ORDER BY seq")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(seq, stamp, changes)| {
                let stamp = stamp.parse().map_err(|_| {
                    StoreError::Sync(format!("the outbox holds a bad stamp {stamp:?}"))
                })?;
                Ok(OutboxEntry {
                    seq,
                    stamp,
                    changes,
                })
            })
            .collect()
    }

    /// Forgets the outbox up to and including `seq`, once written to the folder.
    pub fn sync_clear_outbox(&mut self, through: i64) -> Result<(), StoreError> {
        // An erasure's changes hold what was erased (SQLite's changesets keep a deleted row's
        // values): once sent, they are overwritten, not just let go.
        let erasure_sent = {
            let mut statement = self
                .conn
                .prepare("SELECT changes FROM sync_outbox WHERE seq <= ?1")?;
            let sent: Vec<Vec<u8>> = statement
                .query_map([through], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            erases_someone(sent.iter().map(Vec::as_slice))?
        };
        if erasure_sent {
            return self.scrubbing(|store| store.clear_outbox(through, true));
        }
        self.clear_outbox(through, false)
    }

    /// Whether this device's files in the folder may hold someone erased since (an erasure made
    /// here and written out, or one applied from another device): they are then folded into a
    /// snapshot as soon as every device has applied them, not only after many files.
    pub fn sync_folder_holds_erased(&self) -> Result<bool, StoreError> {
        Ok(self.setting(HOLDS_ERASED_SETTING)?.is_some())
    }

    /// Notes that every file of this device's that held someone erased is gone from the folder.
    pub fn sync_folder_cleared_of_erased(&mut self) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM setting WHERE key = ?1", [HOLDS_ERASED_SETTING])?;
        Ok(())
    }

    fn clear_outbox(&mut self, through: i64, erasure_sent: bool) -> Result<(), StoreError> {
        let tx = self.conn.unrecorded()?.0;
        bookkeeping::catch_up(&tx)?;
        let newest: Option<String> = tx.query_row(
            "SELECT max(stamp) FROM sync_outbox WHERE seq <= ?1",
            [through],
            |r| r.get(0),
        )?;
        if let Some(newest) = newest.and_then(|s| s.parse().ok()) {
            bookkeeping::save_clock(&tx, newest)?;
        }
        tx.execute("DELETE FROM sync_outbox WHERE seq <= ?1", [through])?;
        if erasure_sent {
            note_folder_holds_erased(&tx)?;
        }
        tx.execute(
            "INSERT INTO setting (key, value) VALUES ('sync.outbox_cleared', ?1)
             ON CONFLICT (key) DO UPDATE SET
               value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
            [through],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// How far this device has applied each other device's files (device id → sequence).
    pub fn sync_applied(&self) -> Result<BTreeMap<u64, u64>, StoreError> {
        let text: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM setting WHERE key = ?1",
                [APPLIED_SETTING],
                |r| r.get(0),
            )
            .optional()?;
        let Some(text) = text else {
            return Ok(BTreeMap::new());
        };
        let by_hex: BTreeMap<String, u64> = serde_json::from_str(&text)
            .map_err(|_| StoreError::Sync("the record of applied files is damaged".to_owned()))?;
        by_hex
            .into_iter()
            .map(|(hex, seq)| {
                u64::from_str_radix(&hex, 16)
                    .map(|device| (device, seq))
                    .map_err(|_| StoreError::Sync(format!("{hex:?} is not a device id")))
            })
            .collect()
    }

    /// Notes file `from` (device, sequence) as applied without applying anything: a snapshot
    /// that holds nothing new here.
    pub fn sync_note_applied(&mut self, from: (u64, u64)) -> Result<Applied, StoreError> {
        let (tx, _) = self.conn.unrecorded()?;
        note_applied(&tx, from)?;
        tx.commit()?;
        Ok(Applied::default())
    }

    /// Applies file `from` (device, sequence) of another device: its transactions, in order, and
    /// the note that it was applied, in one transaction of this database: all of it or, on an
    /// error, none. `device_name` names devices in kept conflict copies.
    pub fn sync_apply(
        &mut self,
        from: (u64, u64),
        entries: &[(Stamp, Vec<u8>)],
        device_name: &dyn Fn(u64) -> String,
    ) -> Result<Applied, StoreError> {
        // Another computer's erasure is carried out here as it was there: nothing of the person
        // stays readable in this computer's files either.
        if erases_someone(entries.iter().map(|(_, changes)| changes.as_slice()))? {
            return self.scrubbing(|store| store.apply_entries(from, entries, device_name, true));
        }
        self.apply_entries(from, entries, device_name, false)
    }

    fn apply_entries(
        &mut self,
        from: (u64, u64),
        entries: &[(Stamp, Vec<u8>)],
        device_name: &dyn Fn(u64) -> String,
        erasing: bool,
    ) -> Result<Applied, StoreError> {
        let now = self.wall().now();
        let seen = entries
            .iter()
            .map(|(stamp, _)| *stamp)
            .max()
            .map(|newest| self.observe(newest, now));
        let (tx, mut capture) = self.conn.unrecorded()?;
        bookkeeping::catch_up(&tx)?;
        let mut total = Applied::default();
        for (stamp, changes) in entries {
            let applied =
                apply::apply_changes(&tx, changes, &apply::Stamps::Uniform(*stamp), device_name)?;
            total.rows += applied.rows;
            total.kept_copies += applied.kept_copies;
            send_copies(&tx, &applied, capture.as_deref_mut())?;
        }
        if let Some(seen) = seen {
            bookkeeping::save_clock(&tx, seen)?;
        }
        note_applied(&tx, from)?;
        if erasing {
            tx.execute(crate::erase::OPTIMIZE_JOURNAL_INDEX, [])?;
            note_folder_holds_erased(&tx)?;
        }
        tx.commit()?;
        Ok(total)
    }

    /// What this device does next is later than `remote`.
    pub(crate) fn observe(&mut self, remote: Stamp, wall_millis: i64) -> Stamp {
        match self.conn.capture_mut() {
            Some(capture) => capture.clock.observe(remote, wall_millis),
            None => remote,
        }
    }
}
