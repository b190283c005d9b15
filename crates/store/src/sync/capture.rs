//! Every write goes through [`Db::transaction`]: while this device is in a sync group, the
//! transaction runs with an SQLite session attached, and its changeset is kept in `sync_outbox`
//! with the transaction's stamp, in the same commit. Nothing written can escape sync, and a crash
//! either keeps both the change and its record or neither.

use std::fmt;
use std::io::Read;
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

/// Reads a changeset's bytes item by item.
pub(crate) fn read_changes<T>(
    changes: &[u8],
    mut each: impl FnMut(&rusqlite::session::ChangesetItem) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
    check_structure(changes)?;
    let mut bytes: &[u8] = changes;
    let input: &mut dyn Read = &mut bytes;
    let mut items = rusqlite::session::ChangesetIter::start_strm(&input)?;
    let mut out = Vec::new();
    while let Some(item) = items.next()? {
        out.push(each(item)?);
    }
    Ok(out)
}

/// SQLite's streaming reader keeps asking for more input when a table's header, or a value's
/// length, claims more bytes than the changeset holds, and never returns; so a changeset is walked
/// whole before SQLite reads it, by the format its session module documents:
/// - a table: `'T'`, the column count (a varint), one primary-key flag byte per column, the
///   table's name ending in a zero byte;
/// - then its changes: the operation (`SQLITE_INSERT` 18, `SQLITE_DELETE` 9, `SQLITE_UPDATE` 23),
///   an "indirect" byte, and the row's values: the old ones for a delete, the new ones for an
///   insert, both for an update; each value is a type byte (0 not given, 1 integer and 2 real with
///   8 bytes, 3 text and 4 blob with a varint length and their bytes, 5 null).
///
/// Only changesets are read here (Leadback never makes patchsets).
fn check_structure(changes: &[u8]) -> Result<(), StoreError> {
    let damaged = |what: &str| StoreError::Sync(format!("the changes are damaged ({what})"));
    let mut rest = changes;
    let mut columns = 0usize;
    while let Some((&kind, after)) = rest.split_first() {
        rest = after;
        match kind {
            b'T' => {
                let count = varint(&mut rest).ok_or_else(|| damaged("a table header"))?;
                columns = usize::try_from(count)
                    .ok()
                    .filter(|c| (1..=2000).contains(c) && *c < rest.len())
                    .ok_or_else(|| damaged("a table header"))?;
                rest = &rest[columns..];
                let end = rest
                    .iter()
                    .position(|b| *b == 0)
                    .ok_or_else(|| damaged("a table's name"))?;
                rest = &rest[end + 1..];
            }
            9 | 18 | 23 if columns > 0 => {
                let (&indirect, after) = rest.split_first().ok_or_else(|| damaged("a change"))?;
                if indirect > 1 {
                    return Err(damaged("a change"));
                }
                rest = after;
                let records = if kind == 23 { 2 } else { 1 };
                for _ in 0..records * columns {
                    skip_value(&mut rest).ok_or_else(|| damaged("a value"))?;
                }
            }
            _ => return Err(damaged("an unknown record")),
        }
    }
    Ok(())
}

/// Moves past one value; `None` when it runs past the end or has no known type.
fn skip_value(rest: &mut &[u8]) -> Option<()> {
    let (&kind, after) = rest.split_first()?;
    *rest = after;
    let len = match kind {
        0 | 5 => 0,
        1 | 2 => 8,
        3 | 4 => usize::try_from(varint(rest)?).ok()?,
        _ => return None,
    };
    *rest = rest.get(len..)?;
    Some(())
}

/// SQLite's variable-length integer: big-endian groups of 7 bits, the high bit set on every byte
/// but the last (the ninth byte, if reached, gives all 8 bits). `None` when the bytes run out.
fn varint(rest: &mut &[u8]) -> Option<u64> {
    let mut value: u64 = 0;
    for i in 0..9 {
        let (&byte, after) = rest.split_first()?;
        *rest = after;
        if i == 8 {
            return Some((value << 8) | u64::from(byte));
        }
        value = (value << 7) | u64::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;
    use rusqlite::session::Session;

    use super::*;

    /// A real changeset: two tables, inserts, an update and a delete, text and blobs.
    fn changeset() -> Vec<u8> {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE a (id INTEGER PRIMARY KEY, t TEXT, r REAL, b BLOB);
             CREATE TABLE b (k TEXT PRIMARY KEY, n INTEGER);
             INSERT INTO a VALUES (1, 'one', 1.5, x'00ff'), (2, 'two', NULL, NULL);
             INSERT INTO b VALUES ('x', 1);",
        )
        .unwrap();
        let mut session = Session::new(&conn).unwrap();
        session.attach(None::<&str>).unwrap();
        conn.execute_batch(
            "INSERT INTO a VALUES (3, 'Ελένη 领导', 2.25, x'0102');
             UPDATE a SET t = 'uno' WHERE id = 1;
             DELETE FROM a WHERE id = 2;
             INSERT INTO b VALUES ('y', 7); UPDATE b SET n = 2 WHERE k = 'x';",
        )
        .unwrap();
        let mut bytes = Vec::new();
        session.changeset_strm(&mut bytes).unwrap();
        bytes
    }

    #[test]
    fn a_real_changeset_reads_whole_and_every_cut_of_it_is_refused_or_whole() {
        let bytes = changeset();
        assert!(check_structure(&bytes).is_ok());
        assert_eq!(read_changes(&bytes, |_| Ok(())).unwrap().len(), 5);
        // Cut anywhere, it is refused before SQLite's reader sees it (which would wait forever
        // for the rest), or it ends exactly between two changes and reads as far as it goes.
        for cut in 0..bytes.len() {
            let part = &bytes[..cut];
            if check_structure(part).is_ok() {
                assert!(read_changes(part, |_| Ok(())).is_ok(), "cut at {cut}");
            } else {
                assert!(read_changes(part, |_| Ok(())).is_err(), "cut at {cut}");
            }
        }
    }

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

    #[test]
    fn a_damaged_second_table_header_is_refused() {
        let bytes = changeset();
        // The second table's header: 'T' followed by its column count (2), after the first
        // table's changes.
        let second = bytes
            .windows(3)
            .rposition(|w| w == [b'T', 2, 1])
            .expect("the header of table b");
        let mut damaged = bytes.clone();
        damaged[second + 1] = 0x7f;
        let err = read_changes(&damaged, |_| Ok(())).unwrap_err();
        assert!(err.to_string().contains("damaged"), "{err}");
        let mut unknown = bytes;
        unknown[second] = b'P';
        assert!(read_changes(&unknown, |_| Ok(())).is_err());
    }
}
