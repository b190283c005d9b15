//! Two devices of one person, each with its own database, exchanging the changes their
//! transactions recorded: what one writes appears on the other, and when both change the same
//! thing before they hear from each other, the later change wins the same way on both — with
//! any text that lost kept in the journal.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{NaiveDate, Utc};
use leadback_core::habits::{CheckState, HabitName, HabitStance, Schedule};
use leadback_store::sync::WallClock;
use leadback_store::{JournalQuery, NewHabit, Store};
use leadback_testkit::{add_client, files_holding, now, set_me};

/// One device: its folder, its database and the hand of its wall clock.
struct Device {
    _dir: tempfile::TempDir,
    store: Store,
    clock: Arc<AtomicI64>,
}

impl Device {
    fn new(id: u64) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in(dir.path()).unwrap();
        let clock = Arc::new(AtomicI64::new(1_800_000_000_000));
        let hand = Arc::clone(&clock);
        store.set_sync_wall_clock(WallClock::new(move || hand.load(Ordering::SeqCst)));
        store.sync_start_recording(id).unwrap();
        Self {
            _dir: dir,
            store,
            clock,
        }
    }

    /// Moves this device's wall clock to `millis`.
    fn at(&mut self, millis: i64) -> &mut Store {
        self.clock.store(millis, Ordering::SeqCst);
        &mut self.store
    }

    /// What this device recorded and has not sent never arrives anywhere (its file was damaged
    /// on the way).
    fn lose_unsent(&mut self) {
        let outbox = self.store.sync_outbox().unwrap();
        self.store
            .sync_clear_outbox(outbox.last().unwrap().seq)
            .unwrap();
    }

    /// Sends everything this device recorded to `to`.
    fn send_to(&mut self, to: &mut Device) {
        let outbox = self.store.sync_outbox().unwrap();
        let entries: Vec<_> = outbox
            .iter()
            .map(|e| (e.stamp, e.changes.clone()))
            .collect();
        to.store.sync_apply((0, 0), &entries, &name).unwrap();
        if let Some(last) = outbox.last() {
            self.store.sync_clear_outbox(last.seq).unwrap();
        }
    }
}

fn name(device: u64) -> String {
    format!("device {device:x}")
}

/// Everything both devices hold, derived tables aside (each device builds its own).
fn same_data(a: &Store, b: &Store) {
    let mut left = a.export_all(now()).unwrap().tables;
    let mut right = b.export_all(now()).unwrap().tables;
    left.remove("journal_entry");
    right.remove("journal_entry");
    assert_eq!(left, right);
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn habit(store: &mut Store, me: i64, name: &str) -> i64 {
    let name = HabitName::parse(name).unwrap();
    let new = NewHabit {
        library_id: None,
        name: &name,
        stance: Some(HabitStance::Behind),
        why: None,
        schedule: Schedule::DAILY,
        measure: None,
    };
    store.add_habit(me, &new, Utc::now()).unwrap().id
}

fn journal_texts(store: &Store, me: i64) -> Vec<String> {
    store
        .journal(me, &JournalQuery::default())
        .unwrap()
        .into_iter()
        .map(|e| e.text)
        .collect()
}

/// Each one's snapshot as it is now (file `sequence` of its own), applied on the other: how the
/// laptop (0x1a) and the desktop (0xd0) hear of each other when no change of theirs arrived.
fn exchange_snapshots(laptop: &mut Device, desktop: &mut Device, sequence: u64) {
    let from_laptop = laptop.store.sync_snapshot().unwrap();
    let from_desktop = desktop.store.sync_snapshot().unwrap();
    desktop
        .store
        .sync_apply_snapshot((0x1a, sequence), &from_laptop, &name)
        .unwrap();
    laptop
        .store
        .sync_apply_snapshot((0xd0, sequence), &from_desktop, &name)
        .unwrap();
}

/// A laptop that made "me" and a habit, and a desktop that has heard of both.
fn laptop_and_desktop() -> (Device, Device, i64, i64) {
    let mut laptop = Device::new(0x1a);
    let mut desktop = Device::new(0xd0);
    let me = set_me(laptop.at(1_800_000_001_000), "Ada");
    let go_second = habit(laptop.at(1_800_000_002_000), me, "Go second");
    laptop.send_to(&mut desktop);
    (laptop, desktop, me, go_second)
}

/// The laptop adds a client, Ben, with a session on the 5th; the desktop hears of both.
fn ben_with_a_session(laptop: &mut Device, desktop: &mut Device) -> (i64, i64) {
    let client = add_client(laptop.at(1_800_000_003_000), "Ben", "Notes kept");
    let session = laptop
        .at(1_800_000_004_000)
        .add_session(
            client,
            day(5).and_hms_opt(10, 0, 0).unwrap(),
            "Goals",
            now(),
        )
        .unwrap()
        .id;
    laptop.send_to(desktop);
    (client, session)
}

#[test]
fn a_device_records_nothing_until_it_syncs() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    set_me(&mut store, "Ada");
    assert!(store.sync_outbox().unwrap().is_empty());
    assert_eq!(store.sync_device().unwrap(), None);
}

#[test]
fn what_one_device_writes_appears_on_the_other() {
    let (mut laptop, mut desktop, me, go_second) = laptop_and_desktop();
    laptop
        .at(1_800_000_003_000)
        .check_in(
            go_second,
            day(2),
            Some(CheckState::Done),
            Some("Cleo spoke first"),
            now(),
        )
        .unwrap();
    laptop
        .at(1_800_000_004_000)
        .add_journal_note(me, day(2), "A calm meeting", now())
        .unwrap();
    let client = add_client(laptop.at(1_800_000_005_000), "Ben", "Notes kept");
    laptop.send_to(&mut desktop);

    same_data(&laptop.store, &desktop.store);
    assert_eq!(desktop.store.me().unwrap().unwrap().name, "Ada");
    assert_eq!(desktop.store.person(client).unwrap().name, "Ben");
    // The journal index is built on the desktop from what arrived.
    let mut texts = journal_texts(&desktop.store, me);
    texts.sort();
    assert_eq!(texts, ["A calm meeting", "Cleo spoke first"]);
    // And nothing the desktop applied goes back out as its own change.
    assert!(desktop.store.sync_outbox().unwrap().is_empty());
}

#[test]
fn the_later_change_wins_on_both_devices_and_the_losing_note_is_kept() {
    let (mut laptop, mut desktop, me, go_second) = laptop_and_desktop();
    // Both note the same day before hearing from each other; the desktop writes later.
    laptop
        .at(1_800_000_010_000)
        .check_in(
            go_second,
            day(3),
            Some(CheckState::Done),
            Some("Let Dan lead"),
            now(),
        )
        .unwrap();
    desktop
        .at(1_800_000_020_000)
        .check_in(
            go_second,
            day(3),
            Some(CheckState::Skipped),
            Some("Away all day"),
            now(),
        )
        .unwrap();
    laptop.send_to(&mut desktop);
    desktop.send_to(&mut laptop);

    same_data(&laptop.store, &desktop.store);
    let kept = laptop.store.check_ins(go_second).unwrap();
    assert_eq!(kept[0].note.as_deref(), Some("Away all day"));
    assert_eq!(kept[0].state, Some(CheckState::Skipped));
    for device in [&laptop, &desktop] {
        let copies: Vec<String> = journal_texts(&device.store, me)
            .into_iter()
            .filter(|t| t.starts_with("Kept from a sync conflict"))
            .collect();
        assert_eq!(copies.len(), 1, "{copies:?}");
        assert!(
            copies[0].contains("a check-in note written on device 1a"),
            "{}",
            copies[0]
        );
        assert!(copies[0].ends_with("Let Dan lead"), "{}", copies[0]);
    }
}

#[test]
fn edits_to_different_columns_of_one_row_both_stay() {
    let (mut laptop, mut desktop, me, _) = laptop_and_desktop();
    let (_, session) = ben_with_a_session(&mut laptop, &mut desktop);
    laptop
        .at(1_800_000_030_000)
        .save_session_notes(session, "Ben wants to listen more", now())
        .unwrap();
    desktop
        .at(1_800_000_020_000)
        .update_session(
            session,
            day(5).and_hms_opt(11, 0, 0).unwrap(),
            "Goals and fears",
            now(),
        )
        .unwrap();
    laptop.send_to(&mut desktop);
    desktop.send_to(&mut laptop);

    same_data(&laptop.store, &desktop.store);
    let merged = desktop.store.session(session).unwrap();
    assert_eq!(merged.notes, "Ben wants to listen more");
    assert_eq!(merged.agenda, "Goals and fears");
    let _ = me;
}

#[test]
fn an_erased_client_stays_erased_when_an_edit_arrives_later() {
    let (mut laptop, mut desktop, _, _) = laptop_and_desktop();
    let (client, session) = ben_with_a_session(&mut laptop, &mut desktop);
    // The desktop erases Ben; later, the laptop (not yet told) writes notes and a new session.
    desktop.at(1_800_000_010_000).erase_person(client).unwrap();
    laptop
        .at(1_800_000_020_000)
        .save_session_notes(session, "Private words", now())
        .unwrap();
    laptop
        .at(1_800_000_021_000)
        .add_session(client, day(9).and_hms_opt(9, 0, 0).unwrap(), "Next", now())
        .unwrap();
    laptop.send_to(&mut desktop);
    desktop.send_to(&mut laptop);

    same_data(&laptop.store, &desktop.store);
    for device in [&laptop, &desktop] {
        assert!(device.store.person(client).is_err());
        let people = device.store.people().unwrap();
        assert!(people.iter().all(|p| p.person.name != "Ben"));
    }
}

#[test]
fn changes_applied_twice_change_nothing_more() {
    let (mut laptop, mut desktop, _, go_second) = laptop_and_desktop();
    laptop
        .at(1_800_000_003_000)
        .check_in(go_second, day(2), Some(CheckState::Done), None, now())
        .unwrap();
    let entries: Vec<_> = laptop
        .store
        .sync_outbox()
        .unwrap()
        .iter()
        .map(|e| (e.stamp, e.changes.clone()))
        .collect();
    desktop
        .store
        .sync_apply((0x1a, 1), &entries, &name)
        .unwrap();
    desktop
        .store
        .sync_apply((0x1a, 1), &entries, &name)
        .unwrap();
    same_data(&laptop.store, &desktop.store);
}

#[test]
fn a_device_that_joins_with_records_of_its_own_keeps_them_and_gets_the_others() {
    // Both computers were used before sync: each has "me" and a habit of its own.
    let mut laptop = Device::new(0x1a);
    let me = set_me(laptop.at(1_800_000_001_000), "Ada");
    let go_second = habit(laptop.at(1_800_000_002_000), me, "Go second");
    laptop
        .at(1_800_000_003_000)
        .check_in(
            go_second,
            day(2),
            Some(CheckState::Done),
            Some("Cleo first"),
            now(),
        )
        .unwrap();

    let dir = tempfile::tempdir().unwrap();
    let mut desktop_store = Store::open_in(dir.path()).unwrap();
    let desktop_me = set_me(&mut desktop_store, "Ada L.");
    let listen = habit(&mut desktop_store, desktop_me, "Listen first");
    desktop_store
        .check_in(
            listen,
            day(2),
            Some(CheckState::Done),
            Some("Heard Dan out"),
            now(),
        )
        .unwrap();
    // Joining: one "me", then recording, then the snapshots cross.
    desktop_store.sync_adopt_me(me).unwrap();
    let clock = Arc::new(AtomicI64::new(1_800_000_010_000));
    let hand = Arc::clone(&clock);
    desktop_store.set_sync_wall_clock(WallClock::new(move || hand.load(Ordering::SeqCst)));
    desktop_store.sync_start_recording(0xd0).unwrap();
    let mut desktop = Device {
        _dir: dir,
        store: desktop_store,
        clock,
    };
    exchange_snapshots(&mut laptop, &mut desktop, 1);

    same_data(&laptop.store, &desktop.store);
    for device in [&laptop, &desktop] {
        let names: Vec<String> = device
            .store
            .habits(me, false)
            .unwrap()
            .into_iter()
            .map(|h| h.name)
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(
            names.contains(&"Go second".to_owned()) && names.contains(&"Listen first".to_owned())
        );
        // One "me": the name set last (on the desktop, which joined later) everywhere.
        let people = device.store.people().unwrap();
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].person.name, "Ada L.");
        let mut texts = journal_texts(&device.store, me);
        texts.sort();
        assert_eq!(texts, ["Cleo first", "Heard Dan out"]);
    }
}

#[test]
fn notes_written_into_a_session_deleted_elsewhere_are_kept() {
    let (mut laptop, mut desktop, _, _) = laptop_and_desktop();
    let (client, session) = ben_with_a_session(&mut laptop, &mut desktop);
    desktop
        .at(1_800_000_010_000)
        .delete_session(session)
        .unwrap();
    laptop
        .at(1_800_000_020_000)
        .save_session_notes(session, "Ben will try going second", now())
        .unwrap();
    laptop.send_to(&mut desktop);
    desktop.send_to(&mut laptop);

    same_data(&laptop.store, &desktop.store);
    for device in [&laptop, &desktop] {
        assert!(
            device.store.session(session).is_err(),
            "the deletion stands"
        );
        let texts = journal_texts(&device.store, client);
        assert_eq!(texts.len(), 1, "{texts:?}");
        assert!(
            texts[0].contains("session notes written on device 1a"),
            "{}",
            texts[0]
        );
        assert!(
            texts[0].ends_with("Ben will try going second"),
            "{}",
            texts[0]
        );
    }
}

#[test]
fn a_measurable_habit_and_its_amounts_travel_and_the_later_amount_wins() {
    let (mut laptop, mut desktop, me, _) = laptop_and_desktop();
    let name = HabitName::parse("Minutes of listening").unwrap();
    let measure = leadback_core::habits::Measure::new("minutes", 20.0, false).unwrap();
    let new = NewHabit {
        library_id: None,
        name: &name,
        stance: Some(HabitStance::Servant),
        why: None,
        schedule: Schedule::new(1, 7).unwrap(),
        measure: Some(measure.clone()),
    };
    let minutes = laptop
        .at(1_800_000_003_000)
        .add_habit(me, &new, now())
        .unwrap()
        .id;
    laptop
        .at(1_800_000_004_000)
        .check_in_amount(minutes, day(2), 12.5, Some("Let Sam finish"), now())
        .unwrap();
    laptop.send_to(&mut desktop);
    assert_eq!(desktop.store.habit(minutes).unwrap().measure, Some(measure));
    let entry = &desktop.store.check_ins(minutes).unwrap()[0];
    assert_eq!(
        (entry.amount, entry.note.as_deref()),
        (Some(12.5), Some("Let Sam finish"))
    );

    // Both change the day's amount before hearing from each other: the later one wins on both.
    laptop
        .at(1_800_000_005_000)
        .check_in_amount(minutes, day(2), 15.0, Some("Let Sam finish"), now())
        .unwrap();
    desktop
        .at(1_800_000_006_000)
        .check_in_amount(minutes, day(2), 18.0, Some("Let Sam finish"), now())
        .unwrap();
    laptop.send_to(&mut desktop);
    desktop.send_to(&mut laptop);
    for device in [&laptop, &desktop] {
        assert_eq!(
            device.store.check_ins(minutes).unwrap()[0].amount,
            Some(18.0)
        );
    }
    same_data(&laptop.store, &desktop.store);
}

/// What the person sees of their data: everything exported but device-local settings and
/// derived tables.
fn data_of(
    store: &Store,
) -> std::collections::BTreeMap<String, leadback_store::export::ExportTable> {
    let mut tables = store.export_all(now()).unwrap().tables;
    tables.remove("journal_entry");
    tables.remove("setting");
    tables
}

#[test]
fn a_backup_restored_in_a_group_becomes_every_devices_data_and_the_device_stays_in_it() {
    let (mut laptop, mut desktop, me, go_second) = laptop_and_desktop();
    laptop
        .at(1_800_000_002_500)
        .add_journal_note(me, day(1), "Before the backup", now())
        .unwrap();
    laptop.send_to(&mut desktop);
    let backup = laptop
        .store
        .backup_now(leadback_store::backup::BackupReason::Manual, now())
        .unwrap()
        .unwrap();
    // After the backup: a new habit, a check-in with a note, the habit renamed; all sent on.
    let speak_last = habit(laptop.at(1_800_000_003_000), me, "Speak last");
    laptop
        .at(1_800_000_004_000)
        .check_in(
            go_second,
            day(2),
            Some(CheckState::Done),
            Some("Cleo spoke first"),
            now(),
        )
        .unwrap();
    laptop.send_to(&mut desktop);
    assert_eq!(
        desktop.store.habit(speak_last).unwrap().name.as_str(),
        "Speak last"
    );
    let applied_before = laptop.store.setting("sync.applied").unwrap();

    laptop
        .at(1_800_000_005_000)
        .restore_backup(&backup.path, now())
        .unwrap();

    // Still in the group, with what it had applied: nothing is applied again.
    assert_eq!(laptop.store.sync_device().unwrap(), Some(0x1a));
    assert_eq!(
        laptop.store.setting("sync.applied").unwrap(),
        applied_before
    );
    assert!(laptop.store.habit(speak_last).is_err());
    assert!(laptop.store.check_ins(go_second).unwrap().is_empty());
    // The restore goes out like any change, and the desktop ends with the restored data.
    assert!(!laptop.store.sync_outbox().unwrap().is_empty());
    laptop.send_to(&mut desktop);
    assert!(desktop.store.habit(speak_last).is_err());
    assert!(desktop.store.check_ins(go_second).unwrap().is_empty());
    for device in [&laptop, &desktop] {
        assert_eq!(journal_texts(&device.store, me), ["Before the backup"]);
    }
    same_data(&laptop.store, &desktop.store);

    // Work goes on after it, on both.
    desktop
        .at(1_800_000_006_000)
        .check_in(
            go_second,
            day(3),
            Some(CheckState::Done),
            Some("Waited"),
            now(),
        )
        .unwrap();
    desktop.send_to(&mut laptop);
    let mut texts = journal_texts(&laptop.store, me);
    texts.sort();
    assert_eq!(texts, ["Before the backup", "Waited"]);
    same_data(&laptop.store, &desktop.store);
}

#[test]
fn a_backup_from_an_older_version_restored_in_a_group_is_upgraded_in_a_copy_and_sent_on() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/schema-v11.sqlite3");
    let untouched = std::fs::read(&fixture).unwrap();
    // The same backup restored outside a group: what the data must be.
    let alone_dir = tempfile::tempdir().unwrap();
    let mut alone = Store::open_in(alone_dir.path()).unwrap();
    let copy = alone_dir.path().join("v11.sqlite3");
    std::fs::copy(&fixture, &copy).unwrap();
    alone.restore_backup(&copy, now()).unwrap();

    let (mut laptop, mut desktop, _, _) = laptop_and_desktop();
    // The backup in a folder of its own (a stick, perhaps read-only): it is only read, and
    // nothing is written beside it or left beside the database.
    let stick = tempfile::tempdir().unwrap();
    let copy = stick.path().join("v11.sqlite3");
    std::fs::copy(&fixture, &copy).unwrap();
    let names = |dir: &std::path::Path| -> Vec<std::ffi::OsString> {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let data_before = names(laptop._dir.path());
    laptop
        .at(1_800_000_005_000)
        .restore_backup(&copy, now())
        .unwrap();
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        untouched,
        "the backup is only read"
    );
    assert_eq!(names(stick.path()), ["v11.sqlite3"]);
    // Only the backup taken before the restore is new there.
    let mut data_after = names(laptop._dir.path());
    data_after.retain(|name| name != "backups");
    assert_eq!(data_after, data_before);

    assert_eq!(data_of(&laptop.store), data_of(&alone));
    assert_eq!(laptop.store.sync_device().unwrap(), Some(0x1a));
    laptop.send_to(&mut desktop);
    same_data(&laptop.store, &desktop.store);
}

#[test]
fn an_export_imported_in_a_group_reaches_the_other_devices() {
    let mut laptop = Device::new(0x1a);
    let mut desktop = Device::new(0xd0);
    let source_dir = tempfile::tempdir().unwrap();
    let mut source = Store::open_in(source_dir.path()).unwrap();
    let me = set_me(&mut source, "Ada");
    let go_second = habit(&mut source, me, "Go second");
    source
        .check_in(
            go_second,
            day(2),
            Some(CheckState::Done),
            Some("Cleo spoke first"),
            now(),
        )
        .unwrap();
    let doc = source.export_all(now()).unwrap();

    laptop.at(1_800_000_001_000).import_all(&doc).unwrap();
    assert_eq!(laptop.store.sync_device().unwrap(), Some(0x1a));
    assert_eq!(data_of(&laptop.store), data_of(&source));
    laptop.send_to(&mut desktop);
    assert_eq!(data_of(&desktop.store), data_of(&source));
    assert_eq!(journal_texts(&desktop.store, me), ["Cleo spoke first"]);
}

#[test]
fn a_client_erased_on_one_computer_leaves_no_words_in_either_computers_files() {
    const WORDS: &str = "Quillfeather";
    let (mut laptop, mut desktop, _, _) = laptop_and_desktop();
    let (client, session) = ben_with_a_session(&mut laptop, &mut desktop);
    laptop
        .at(1_800_000_005_000)
        .save_session_notes(
            session,
            &format!("{WORDS} spoke about the reorganisation"),
            now(),
        )
        .unwrap();
    laptop.send_to(&mut desktop);
    let folded = WORDS.to_lowercase();
    assert!(
        files_holding(desktop._dir.path(), WORDS) > 0,
        "the words should be on the desktop's disk first, or this test proves nothing"
    );

    laptop.at(1_800_000_006_000).erase_person(client).unwrap();
    laptop.send_to(&mut desktop);

    for device in [&laptop, &desktop] {
        assert!(device.store.person(client).is_err());
        assert_eq!(
            files_holding(device._dir.path(), WORDS) + files_holding(device._dir.path(), &folded),
            0,
            "a file of {} still holds the erased client's words",
            device._dir.path().display()
        );
    }
}

#[test]
fn a_snapshot_carries_what_was_deleted_and_a_computer_catching_up_through_it_loses_it_too() {
    const WORDS: &str = "Quillfeather";
    let (mut laptop, mut desktop, me, _) = laptop_and_desktop();
    let (client, session) = ben_with_a_session(&mut laptop, &mut desktop);
    let own = add_client(laptop.at(1_800_000_005_000), "Cleo", "Notes kept");
    let cleos = laptop
        .at(1_800_000_005_500)
        .add_session(own, day(6).and_hms_opt(9, 0, 0).unwrap(), WORDS, now())
        .unwrap()
        .id;
    laptop.send_to(&mut desktop);
    // The laptop erases Ben and deletes Cleo's session; the desktop never gets those changes
    // (their file was damaged), only the laptop's snapshot made afterwards.
    laptop.at(1_800_000_006_000).erase_person(client).unwrap();
    laptop.at(1_800_000_006_500).delete_session(cleos).unwrap();
    laptop.lose_unsent();
    // Meanwhile the desktop writes a journal note of its own, made after: it stays.
    desktop
        .at(1_800_000_007_000)
        .add_journal_note(me, day(7), "Spoke last", now())
        .unwrap();
    let snapshot = laptop.store.sync_snapshot().unwrap();
    assert!(snapshot.gone.iter().any(|g| g.table == "person"));
    desktop
        .store
        .sync_apply_snapshot((0x1a, 9), &snapshot, &name)
        .unwrap();

    assert!(desktop.store.person(client).is_err());
    assert!(desktop.store.session(session).is_err());
    assert!(desktop.store.session(cleos).is_err());
    assert!(desktop.store.person(own).is_ok());
    assert_eq!(journal_texts(&desktop.store, me), ["Spoke last"]);
    assert_eq!(files_holding(desktop._dir.path(), WORDS), 0);
    // What the desktop wrote reaches the laptop as usual, and both then hold the same.
    desktop.send_to(&mut laptop);
    same_data(&laptop.store, &desktop.store);
}

#[test]
fn a_note_edited_here_while_a_snapshot_brings_its_deletion_is_kept() {
    let (mut laptop, mut desktop, me, go_second) = laptop_and_desktop();
    laptop
        .at(1_800_000_003_000)
        .check_in(
            go_second,
            day(2),
            Some(CheckState::Done),
            Some("Let Ana lead"),
            now(),
        )
        .unwrap();
    laptop.send_to(&mut desktop);
    // Before hearing from each other, the desktop rewrites the note and the laptop deletes the
    // check-in; both files are damaged on the way, so each hears of the other only through a
    // snapshot.
    desktop
        .at(1_800_000_004_000)
        .check_in(
            go_second,
            day(2),
            Some(CheckState::Done),
            Some("Let Ana lead, and Sam too"),
            now(),
        )
        .unwrap();
    laptop
        .at(1_800_000_005_000)
        .check_in(go_second, day(2), None, None, now())
        .unwrap();
    laptop.lose_unsent();
    desktop.lose_unsent();
    let snapshot = laptop.store.sync_snapshot().unwrap();
    let applied = desktop
        .store
        .sync_apply_snapshot((0x1a, 9), &snapshot, &name)
        .unwrap();

    // The deletion is later and wins; the desktop's note, which the laptop never saw, is kept
    // in the journal, and goes to the laptop with the desktop's next changes.
    assert!(desktop.store.check_ins(go_second).unwrap().is_empty());
    assert_eq!(applied.kept_copies, 1);
    let kept = journal_texts(&desktop.store, me);
    assert_eq!(kept.len(), 1);
    assert!(
        kept[0].ends_with("\n\nLet Ana lead, and Sam too"),
        "{kept:?}"
    );
    desktop.send_to(&mut laptop);
    same_data(&laptop.store, &desktop.store);
}

#[test]
fn a_check_in_cleared_on_one_computer_stays_cleared_when_a_later_edit_comes_in_a_snapshot() {
    let (mut laptop, mut desktop, me, go_second) = laptop_and_desktop();
    let cleo = Some("Cleo spoke first");
    let done = Some(CheckState::Done);
    laptop
        .at(1_800_000_003_000)
        .check_in(go_second, day(2), done, cleo, now())
        .unwrap();
    laptop.send_to(&mut desktop);
    // The desktop clears the day; later, not knowing, the laptop rewrites its note. Both files
    // are damaged: each hears of the other through a snapshot only.
    desktop
        .at(1_800_000_004_000)
        .check_in(go_second, day(2), None, None, now())
        .unwrap();
    let rewritten = Some("Cleo spoke first, then Sam");
    laptop
        .at(1_800_000_005_000)
        .check_in(go_second, day(2), done, rewritten, now())
        .unwrap();
    laptop.lose_unsent();
    desktop.lose_unsent();
    exchange_snapshots(&mut laptop, &mut desktop, 9);

    // The clearing beats the edit, as when both come as changes; the rewritten note is kept.
    for device in [&laptop, &desktop] {
        assert!(device.store.check_ins(go_second).unwrap().is_empty());
    }
    let kept = journal_texts(&laptop.store, me);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(
        kept[0].ends_with("\n\nCleo spoke first, then Sam"),
        "{kept:?}"
    );
    laptop.send_to(&mut desktop);
    same_data(&laptop.store, &desktop.store);
}
