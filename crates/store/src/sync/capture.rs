//! Every write goes through [`Db::transaction`]: while this device is in a sync group, the
//! transaction runs with an SQLite session attached, and its changeset is kept in `sync_outbox`
//! with the transaction's stamp, in the same commit. Nothing written can escape sync, and a crash
//! either keeps both the change and its record or neither.

use std::fmt;
use std::io::Read;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

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
    pub(crate) capture: Option<Capture>,
}

impl Db {
    pub(crate) fn new(conn: Connection) -> Self {
        Self {
            conn,
            capture: None,
        }
    }

    /// A write transaction; with sync on, its changes are recorded when it commits.
    pub(crate) fn transaction(&mut self) -> Result<Tx<'_>, rusqlite::Error> {
        let Db { conn, capture } = self;
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
        })
    }

    /// One statement in a transaction of its own.
    pub(crate) fn execute<P: Params>(&mut self, sql: &str, params: P) -> Result<usize, StoreError> {
        let tx = self.transaction()?;
        let changed = tx.execute(sql, params)?;
        tx.commit()?;
        Ok(changed)
    }

    /// A transaction that records nothing (applying other devices' changes), with the capture
    /// beside it for what the apply itself must send on.
    pub(crate) fn unrecorded(
        &mut self,
    ) -> Result<(Transaction<'_>, Option<&mut Capture>), rusqlite::Error> {
        let Db { conn, capture } = self;
        Ok((conn.transaction()?, capture.as_mut()))
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

/// A write transaction of the store's; see [`Db::transaction`].
pub(crate) struct Tx<'a> {
    tx: Transaction<'a>,
    session: Option<Session<'a>>,
    capture: Option<&'a mut Capture>,
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

/// Reads a changeset's bytes item by item.
pub(crate) fn read_changes<T>(
    changes: &[u8],
    mut each: impl FnMut(&rusqlite::session::ChangesetItem) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
    check_first_table(changes)?;
    let mut bytes: &[u8] = changes;
    let input: &mut dyn Read = &mut bytes;
    let mut items = rusqlite::session::ChangesetIter::start_strm(&input)?;
    let mut out = Vec::new();
    while let Some(item) = items.next()? {
        out.push(each(item)?);
    }
    Ok(out)
}

/// SQLite's streaming reader keeps asking for more input when a table's header claims more
/// columns than the bytes hold, and never returns: the first header is checked before it reads.
/// (Its layout: 'T' or 'P', the column count as a varint, a byte per column, the table's name.)
fn check_first_table(changes: &[u8]) -> Result<(), StoreError> {
    let Some((&kind, rest)) = changes.split_first() else {
        return Ok(());
    };
    let damaged = || StoreError::Sync("the changes are damaged (a table header)".to_owned());
    if kind != b'T' && kind != b'P' {
        return Err(damaged());
    }
    let mut columns: u64 = 0;
    let mut used = 0;
    for byte in rest.iter().take(9) {
        used += 1;
        columns = (columns << 7) | u64::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            break;
        }
    }
    let fits =
        usize::try_from(columns).is_ok_and(|c| (1..=2000).contains(&c) && used + c < rest.len());
    if fits { Ok(()) } else { Err(damaged()) }
}
