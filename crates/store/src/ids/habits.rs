//! Keys of habits that two computers may each make before they meet, worked out alike on every
//! computer from what the habit is (the backup it was imported from, the suggestion it was
//! added from), so that such a habit is one habit once they sync.

use rusqlite::Transaction;

use super::{COUNTED_KEYS_BELOW, rekey_row};

/// Where keys taken from an imported habit's import key begin: above counted keys, and below
/// every key `new_id!` makes (those of rows made from 2024-01-05 on), for 2^40 of them.
const IMPORTED_KEYS_FROM: i64 = COUNTED_KEYS_BELOW;
const IMPORTED_KEY_BITS: u32 = 40;
// (Four days of milliseconds after the epoch, as a key: the range ends before them.)
const _: () = assert!(IMPORTED_KEYS_FROM + (1 << IMPORTED_KEY_BITS) < (4 * 86_400_000) << 12);

/// The key of a habit imported from another app, from its import key alone: every computer that
/// imports the same backup gives the habit the same key, so two computers that both import it
/// before they sync hold one habit, whose check-ins meet day by day like any other edits,
/// instead of two that the rule "a backup's habit is imported once" makes clash (and one of
/// which, with everything written on it since, would have to go): its [`fnv1a`] cut to 40 bits.
/// Never to change: computers on different versions of Leadback must give the same key.
pub(crate) fn imported_key(import_key: &str) -> i64 {
    let low = fnv1a(import_key) & ((1 << IMPORTED_KEY_BITS) - 1);
    IMPORTED_KEYS_FROM + i64::try_from(low).unwrap_or_default()
}

/// The key of a habit added from the library: from whose it is, its library id, and how many of
/// theirs from that library id were added before it (`earlier`), so that a person who added the
/// same suggested habit on two computers before they met holds it once, its check-ins meeting
/// day by day, as an imported habit's do ([`imported_key`], in the same range: no import key
/// starts with "library").
pub(crate) fn library_key(person_id: i64, library_id: &str, earlier: u64) -> i64 {
    imported_key(&format!(
        "library\u{1f}{person_id}\u{1f}{library_id}\u{1f}{earlier}"
    ))
}

/// How many of `person_id`'s habits were added from `library_id` (archived ones too).
pub(crate) fn library_habits_before(
    conn: &rusqlite::Connection,
    person_id: i64,
    library_id: &str,
) -> rusqlite::Result<u64> {
    conn.query_row(
        "SELECT count(*) FROM habit
         WHERE person_id = ?1 AND library_id = ?2 AND import_key IS NULL",
        rusqlite::params![person_id, library_id],
        |r| r.get(0),
    )
}

/// 64-bit FNV-1a of `text` (Fowler, Noll and Vo's published offset basis and prime): for keys
/// every device must work out alike from the same facts.
pub(crate) fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Gives every imported habit whose key was made another way (before keys came from import
/// keys, or when that key was taken) its [`imported_key`], where that key is free. Run when a
/// computer enters a sync group, before anything of it is sent.
pub(crate) fn key_imported_habits(tx: &Transaction) -> rusqlite::Result<()> {
    let habits: Vec<(i64, String)> = tx
        .prepare("SELECT id, import_key FROM habit WHERE import_key IS NOT NULL ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (id, import_key) in habits {
        let key = imported_key(&import_key);
        if key == id || habit_key_taken(tx, key)? {
            continue;
        }
        rekey_habit(tx, id, key)?;
    }
    Ok(())
}

/// Gives every habit added from the library whose key was made another way (before keys came
/// from library ids, or with "me" under the key it had before it became the group's) its
/// [`library_key`], where that key is free: the n-th a person added from one library id (by
/// when it was added) takes the key for n. Run when a computer enters a sync group, once it
/// has taken the group's "me", before anything of it is sent.
pub(crate) fn key_library_habits(tx: &Transaction) -> rusqlite::Result<()> {
    let habits: Vec<(i64, i64, String)> = tx
        .prepare(
            "SELECT id, person_id, library_id FROM habit
             WHERE library_id IS NOT NULL AND import_key IS NULL ORDER BY created_at, id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut earlier: std::collections::HashMap<(i64, String), u64> = Default::default();
    for (id, person, library_id) in habits {
        let before = earlier.entry((person, library_id.clone())).or_default();
        let key = library_key(person, &library_id, *before);
        *before += 1;
        if key == id || habit_key_taken(tx, key)? {
            continue;
        }
        rekey_habit(tx, id, key)?;
    }
    Ok(())
}

/// Gives the habit `id` the key `key`. Its check-ins follow, and the journal's entries with
/// them, through their triggers; its kept strengths are worked out again under the new key.
fn rekey_habit(tx: &Transaction, id: i64, key: i64) -> rusqlite::Result<()> {
    rekey_row(tx, "habit", id, key)?;
    tx.execute("DELETE FROM derived_habit WHERE habit_id = ?1", [id])?;
    Ok(())
}

/// Whether a habit here has the key `key`.
pub(crate) fn habit_key_taken(conn: &rusqlite::Connection, key: i64) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM habit WHERE id = ?1)",
        [key],
        |r| r.get(0),
    )
}
