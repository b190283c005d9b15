//! Every write goes through [`Db::transaction`]: while this device is in a sync group, the
//! transaction runs with an SQLite session attached, and its changeset is kept in `sync_outbox`
//! with the transaction's stamp, in the same commit. Nothing written can escape sync, and a crash
//! either keeps both the change and its record or neither.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;
#[cfg(debug_assertions)]
use std::sync::atomic::{AtomicBool, Ordering};

use leadback_sync::clock::{HybridClock, Stamp};
use rusqlite::session::Session;
use rusqlite::{Connection, Params, Transaction};

use super::tables::is_synced;
use crate::StoreError;

/// The wall clock stamps are taken from, in milliseconds since the Unix epoch. Tests give a
/// fixed one.
#[derive(Clone)]
pub struct WallClock(Arc<dyn Fn() -> i64 + Send + Sync>);

impl WallClock {
    pub fn new(now: impl Fn() -> i64 + Send + Sync + 'static) -> Self {
        Self(Arc::new(now))
    }

    pub fn system() -> Self {
        Self::new(|| chrono::Utc::now().timestamp_millis())
    }

    pub fn now(&self) -> i64 {
        (self.0)()
    }
}

impl fmt::Debug for WallClock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WallClock")
    }
}

/// What a device in a sync group keeps while the store is open.
#[derive(Debug)]
pub(crate) struct Capture {
    pub(crate) clock: HybridClock,
    pub(crate) wall: WallClock,
}

impl Capture {
    pub(crate) fn tick(&mut self) -> Stamp {
        let now = self.wall.now();
        self.clock.tick(now)
    }
}

/// The store's connection, and sync's capture when this device is in a group.
#[derive(Debug)]
pub(crate) struct Db {
    conn: Connection,
    capture: Option<Capture>,
    #[cfg(debug_assertions)]
    watch: Arc<Watch>,
}

impl Db {
    pub(crate) fn new(conn: Connection) -> Self {
        #[cfg(debug_assertions)]
        let watch = Watch::install(&conn);
        Self {
            conn,
            capture: None,
            #[cfg(debug_assertions)]
            watch,
        }
    }

    pub(crate) fn capture(&self) -> Option<&Capture> {
        self.capture.as_ref()
    }

    pub(crate) fn capture_mut(&mut self) -> Option<&mut Capture> {
        self.capture.as_mut()
    }

    /// Starts (`Some`) or stops (`None`) recording changes.
    pub(crate) fn set_capture(&mut self, capture: Option<Capture>) {
        #[cfg(debug_assertions)]
        self.watch
            .capturing
            .store(capture.is_some(), Ordering::SeqCst);
        self.capture = capture;
    }

    /// A write transaction; with sync on, its changes are recorded when it commits.
    pub(crate) fn transaction(&mut self) -> Result<Tx<'_>, rusqlite::Error> {
        let inside = self.inside();
        let Db { conn, capture, .. } = self;
        let session = match capture {
            Some(_) => {
                let mut session = Session::new(conn)?;
                session.table_filter(Some(is_synced));
                session.attach(None::<&str>)?;
                Some(session)
            }
            None => None,
        };
        let tx = conn.unchecked_transaction()?;
        Ok(Tx {
            tx,
            session,
            capture: capture.as_mut(),
            _inside: inside,
        })
    }

    /// One statement in a transaction of its own.
    pub(crate) fn execute<P: Params>(&mut self, sql: &str, params: P) -> Result<usize, StoreError> {
        let tx = self.transaction()?;
        let changed = tx.execute(sql, params)?;
        tx.commit()?;
        Ok(changed)
    }

    /// A transaction that records nothing (applying other devices' changes, sync's own
    /// bookkeeping), with the capture beside it for what an apply itself must send on.
    pub(crate) fn unrecorded(&mut self) -> Result<(Tx<'_>, Option<&mut Capture>), rusqlite::Error> {
        let inside = self.inside();
        let Db { conn, capture, .. } = self;
        let tx = Tx {
            tx: conn.transaction()?,
            session: None,
            capture: None,
            _inside: inside,
        };
        Ok((tx, capture.as_mut()))
    }

    /// Marks one of the store's own transactions open until the mark is dropped.
    fn inside(&self) -> Inside {
        #[cfg(debug_assertions)]
        {
            self.watch.inside.store(true, Ordering::SeqCst);
        }
        Inside {
            #[cfg(debug_assertions)]
            watch: Arc::clone(&self.watch),
        }
    }

    /// The connection itself, for what replaces the whole file (restore, import, re-keying).
    pub(crate) fn raw_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

impl Deref for Db {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        &self.conn
    }
}

/// A write transaction of the store's; see [`Db::transaction`] and [`Db::unrecorded`].
pub(crate) struct Tx<'a> {
    tx: Transaction<'a>,
    session: Option<Session<'a>>,
    capture: Option<&'a mut Capture>,
    _inside: Inside,
}

/// Debug builds watch for writes that would never travel: a change to a synced table, made
/// while this device records its changes but outside the store's transactions (through the
/// connection itself, as homework once was), fails its commit and names the table. SQLite calls
/// the update hook for every row changed in a table with row ids, which every synced table is.
#[cfg(debug_assertions)]
#[derive(Debug, Default)]
struct Watch {
    capturing: AtomicBool,
    inside: AtomicBool,
    escaped: std::sync::Mutex<Option<String>>,
}

#[cfg(debug_assertions)]
impl Watch {
    #[allow(clippy::print_stderr)] // Debug builds only: the test that fails says why.
    fn install(conn: &Connection) -> Arc<Self> {
        let watch = Arc::new(Self::default());
        let seen = Arc::clone(&watch);
        conn.update_hook(Some(move |_, _: &str, table: &str, _| {
            if seen.capturing.load(Ordering::SeqCst)
                && !seen.inside.load(Ordering::SeqCst)
                && is_synced(table)
            {
                *seen.escaped.lock().unwrap_or_else(|e| e.into_inner()) = Some(table.to_owned());
            }
        }));
        let judged = Arc::clone(&watch);
        conn.commit_hook(Some(move || {
            let escaped = judged
                .escaped
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take();
            if let Some(table) = &escaped {
                eprintln!(
                    "a write to {table} was made outside the store's transactions: sync would never send it"
                );
            }
            escaped.is_some()
        }));
        let cleared = Arc::clone(&watch);
        conn.rollback_hook(Some(move || {
            cleared
                .escaped
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take();
        }));
        watch
    }
}

/// Held while one of the store's transactions is open (in debug builds, for [`Watch`]).
struct Inside {
    #[cfg(debug_assertions)]
    watch: Arc<Watch>,
}

#[cfg(debug_assertions)]
impl Drop for Inside {
    fn drop(&mut self) {
        self.watch.inside.store(false, Ordering::SeqCst);
    }
}

impl<'a> Tx<'a> {
    pub(crate) fn commit(mut self) -> Result<(), StoreError> {
        if let (Some(session), Some(capture)) = (self.session.as_mut(), self.capture.as_deref_mut())
        {
            record(&self.tx, session, capture)?;
        }
        drop(self.session);
        self.tx.commit()?;
        Ok(())
    }
}

impl<'a> Deref for Tx<'a> {
    type Target = Transaction<'a>;

    fn deref(&self) -> &Transaction<'a> {
        &self.tx
    }
}

impl DerefMut for Tx<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

/// Keeps what the session saw, if anything, in the outbox with a new stamp.
fn record(tx: &Connection, session: &mut Session, capture: &mut Capture) -> Result<(), StoreError> {
    if session.is_empty() {
        return Ok(());
    }
    let mut changes = Vec::new();
    session.changeset_strm(&mut changes)?;
    if changes.is_empty() {
        return Ok(());
    }
    keep_local(tx, &changes, capture.tick())
}

/// Keeps `changes`, made here at `stamp`, in the outbox for the other devices. What they change
/// in sync's records of each row is noted later, off the write's path (see
/// [`bookkeeping::catch_up`]), before anything reads those records.
pub(crate) fn keep_local(tx: &Connection, changes: &[u8], stamp: Stamp) -> Result<(), StoreError> {
    // Prepared once for the connection: parsing it again cost a noticeable part of every write.
    tx.prepare_cached(
        // Numbers are never given twice, even once the outbox has been emptied: a file being
        // written names the numbers it covers, and a crash must not let new changes take them.
        "INSERT INTO sync_outbox (seq, stamp, changes)
         VALUES (max((SELECT coalesce(max(seq), 0) FROM sync_outbox),
                     (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM setting
                      WHERE key = 'sync.outbox_cleared')) + 1, ?1, ?2)",
    )?
    .execute((stamp.to_string(), changes))?;
    // The clock is not saved here (a write per transaction): the outbox holds this stamp until
    // it is written out, and the clock is saved when the outbox is emptied (and read back from
    // both when the store opens).
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A write to a synced table made beside the store's transactions (through the connection
    /// itself) fails in debug builds, changing nothing; through a transaction it is recorded.
    #[cfg(debug_assertions)]
    #[test]
    fn a_write_that_would_escape_sync_fails_in_debug_builds() {
        let mut store = crate::Store::open_in_memory().unwrap();
        let name = leadback_core::PersonName::parse("Ada").unwrap();
        let today = chrono::DateTime::UNIX_EPOCH;
        let me = store.set_my_name(&name, today).unwrap().id;
        let rename = "UPDATE person SET name = 'Bea' WHERE id = ?1";
        let name_now = |store: &crate::Store| -> String {
            store
                .conn
                .query_row("SELECT name FROM person WHERE id = ?1", [me], |r| r.get(0))
                .unwrap()
        };

        // Not in a group: nothing to escape.
        let conn: &Connection = &store.conn;
        conn.execute(rename, [me]).unwrap();
        conn.execute("UPDATE person SET name = 'Ada' WHERE id = ?1", [me])
            .unwrap();

        store.sync_start_recording(0xa1).unwrap();
        let conn: &Connection = &store.conn;
        let err = conn.execute(rename, [me]).unwrap_err();
        assert!(err.to_string().contains("constraint"), "{err}");
        let tx = conn.unchecked_transaction().unwrap();
        tx.execute(rename, [me]).unwrap();
        assert!(tx.commit().is_err());
        assert_eq!(name_now(&store), "Ada");
        assert!(store.sync_outbox().unwrap().is_empty());

        // Local tables are the device's own; the store's transactions are recorded.
        let conn: &Connection = &store.conn;
        conn.execute(
            "INSERT INTO setting (key, value) VALUES ('window', '{}')",
            [],
        )
        .unwrap();
        store.conn.execute(rename, [me]).unwrap();
        assert_eq!(name_now(&store), "Bea");
        assert_eq!(store.sync_outbox().unwrap().len(), 1);
    }
}
