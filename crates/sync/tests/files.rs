//! Sealed sync files as a device finds them in the shared folder: its group's files open, and
//! anything else (damaged, truncated, changed, foreign, newer) is refused with its reason.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use leadback_sync::clock::{HybridClock, Stamp};
use leadback_sync::file::{self, FileError, Header, Kind};
use leadback_sync::group::GroupKey;
use proptest::prelude::*;

fn header(schema: i64) -> Header {
    let mut clock = HybridClock::new(0x00c0_ffee);
    let first: Stamp = clock.tick(1_765_000_000_000);
    let last = clock.tick(1_765_000_000_500);
    Header {
        device: 0x00c0_ffee,
        sequence: 3,
        schema,
        kind: Kind::Changes,
        first: first.to_string(),
        last: last.to_string(),
        seen: [("00000000000000ab".to_owned(), 7)].into_iter().collect(),
    }
}

const NOTE: &[u8] = "Listened first; let Noor open the meeting. استمعت أولاً".as_bytes();

#[test]
fn a_file_of_the_group_opens_to_its_header_and_changes() {
    let key = GroupKey::generate();
    let sealed = file::seal(&key, &header(9), NOTE).unwrap();
    assert!(sealed.starts_with(b"leadback-sync 1\n"));
    assert!(
        !sealed.windows(8).any(|w| NOTE.starts_with(w)),
        "what a person wrote is never in the folder in the clear"
    );
    let (read, body) = file::open(&key, &sealed, 9).unwrap();
    assert_eq!(read, header(9));
    assert_eq!(body, NOTE);
}

#[test]
fn files_that_cannot_be_applied_say_why() {
    let key = GroupKey::generate();
    let sealed = file::seal(&key, &header(9), NOTE).unwrap();

    let other_group = GroupKey::generate();
    assert_eq!(
        file::open(&other_group, &sealed, 9),
        Err(FileError::NotFromGroup)
    );
    assert_eq!(
        file::open(&key, b"PK\x03\x04 a zip, not ours", 9),
        Err(FileError::NotSyncFile)
    );
    let newer = [b"leadback-sync 2\n".as_slice(), &sealed[16..]].concat();
    assert_eq!(file::open(&key, &newer, 9), Err(FileError::NewerFormat(2)));
    assert_eq!(
        file::open(&key, &sealed, 8),
        Err(FileError::NewerSchema { file: 9, ours: 8 })
    );
    let truncated = &sealed[..sealed.len() - 10];
    assert!(matches!(
        file::open(&key, truncated, 9),
        Err(FileError::Damaged(_))
    ));
    let mut changed = sealed.clone();
    let last = changed.len() - 20;
    changed[last] ^= 0x01;
    assert!(matches!(
        file::open(&key, &changed, 9),
        Err(FileError::Damaged(_))
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_bytes_make_the_reader_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let key = GroupKey::generate();
        let with_magic = [b"leadback-sync 1\n".as_slice(), &bytes].concat();
        prop_assert!(file::open(&key, &bytes, 9).is_err());
        prop_assert!(file::open(&key, &with_magic, 9).is_err());
    }

    #[test]
    fn a_changed_byte_anywhere_is_refused(at in any::<prop::sample::Index>(), bit in 0u8..8) {
        let key = GroupKey::generate();
        let mut sealed = file::seal(&key, &header(9), NOTE).unwrap();
        let at = at.index(sealed.len());
        sealed[at] ^= 1 << bit;
        prop_assert!(file::open(&key, &sealed, 9).is_err(), "byte {} changed", at);
    }
}
