//! The sync folder is written by other programs and other computers: whatever bytes a file in it
//! holds (random, cut short, changed after writing, or sealed properly around nonsense), reading
//! it never panics, and a file that cannot be applied is refused with a reason and writes nothing.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use std::path::{Path, PathBuf};

use leadback_actions::sync::{self, Options};
use leadback_store::Store;
use leadback_sync::clock::Stamp;
use leadback_sync::file::{self, Header, Kind};
use leadback_sync::group::GroupKey;
use leadback_testkit::{now, set_me};
use proptest::prelude::*;

const OPTIONS: Options = Options {
    work_factor: 1,
    compact_after: 50,
};

/// A computer in a group of its own, in folder `shared`.
fn grouped(root: &Path) -> (Store, PathBuf, GroupKey) {
    let shared = root.join("Sync");
    std::fs::create_dir_all(&shared).unwrap();
    let mut store = Store::open_in(&root.join("data")).unwrap();
    set_me(&mut store, "Ada");
    sync::start(&mut store, &shared, "Laptop", OPTIONS, now()).unwrap();
    let key = GroupKey::from_secret_text(&store.setting("sync.key").unwrap().unwrap()).unwrap();
    (store, shared, key)
}

fn header(kind: Kind) -> Header {
    Header {
        device: 0xf00d,
        sequence: 1,
        schema: leadback_store::latest_schema_version(),
        kind,
        first: Stamp::ZERO.to_string(),
        last: Stamp::ZERO.to_string(),
        seen: Default::default(),
    }
}

/// Puts `bytes` in the folder as another computer's first file, syncs, and checks the file was
/// refused with a reason and nothing in the database changed.
fn refused_without_a_write(store: &mut Store, shared: &Path, bytes: &[u8]) {
    let dir = shared.join("000000000000f00d");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("000000000001.lbsync"), bytes).unwrap();
    let before = store.export_all(now()).unwrap().tables;
    let outcome = sync::sync_now(store, OPTIONS, now(), &mut |_, _| {}).unwrap();
    assert_eq!(outcome.applied, vec![], "{outcome:?}");
    assert_eq!(outcome.refused.len(), 1, "{outcome:?}");
    assert!(!outcome.refused[0].reason.is_empty());
    assert_eq!(store.export_all(now()).unwrap().tables, before);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48)
    ))]

    #[test]
    fn random_bytes_never_open(bytes in proptest::collection::vec(any::<u8>(), 0..400), magic in any::<bool>()) {
        let key = GroupKey::generate();
        let mut file = if magic { b"leadback-sync 1\n".to_vec() } else { Vec::new() };
        file.extend_from_slice(&bytes);
        prop_assert!(file::open(&key, &file, 99).is_err());
    }

    #[test]
    fn a_sealed_file_changed_anywhere_does_not_open(at in any::<prop::sample::Index>(), flip in 1u8..=255, cut in any::<bool>()) {
        let key = GroupKey::generate();
        let sealed = file::seal(&key, &header(Kind::Changes), b"some changes").unwrap();
        let mut changed = sealed.clone();
        let i = at.index(changed.len());
        if cut {
            changed.truncate(i);
        } else {
            changed[i] ^= flip;
        }
        prop_assert!(file::open(&key, &changed, 99).is_err());
    }

    #[test]
    fn nonsense_sealed_with_the_groups_key_is_refused_and_writes_nothing(
        body in proptest::collection::vec(any::<u8>(), 1..300),
        snapshot in any::<bool>(),
    ) {
        let root = tempfile::tempdir().unwrap();
        let (mut store, shared, key) = grouped(root.path());
        let kind = if snapshot { Kind::Snapshot } else { Kind::Changes };
        // A body that parses as one transaction, around bytes that are not a changeset.
        let mut framed = if snapshot { Vec::new() } else {
            let stamp = Stamp { millis: 5, counter: 0, device: 0xf00d }.to_string();
            let mut framed = vec![stamp.len() as u8];
            framed.extend_from_slice(stamp.as_bytes());
            framed.extend_from_slice(&(body.len() as u32).to_le_bytes());
            framed
        };
        framed.extend_from_slice(&body);
        let sealed = file::seal(&key, &header(kind), &framed).unwrap();
        refused_without_a_write(&mut store, &shared, &sealed);
    }
}

#[test]
fn a_file_from_an_older_format_or_cut_in_half_is_refused_and_the_next_sync_still_runs() {
    let root = tempfile::tempdir().unwrap();
    let (mut store, shared, key) = grouped(root.path());
    let sealed = file::seal(&key, &header(Kind::Changes), b"").unwrap();
    refused_without_a_write(&mut store, &shared, &sealed[..sealed.len() / 2]);
    refused_without_a_write(&mut store, &shared, b"leadback-sync 0\nold");
}
