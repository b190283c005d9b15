//! `leadback sync` as two or three computers of one person use it, each with its own data folder
//! and all sharing one folder (what Syncthing or Dropbox would keep in step): pairing, both
//! computers' records ending up on both, and files that must not be applied refused by name and
//! reason while the rest still are.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use std::path::{Path, PathBuf};

use common::{command, leadback, ok, refused, rows, stderr, stdout};
use leadback_store::Store;
use leadback_sync::file::{self, Header, Kind};
use leadback_sync::group::GroupKey;
use serde_json::Value;

struct Setup {
    _root: tempfile::TempDir,
    shared: PathBuf,
    laptop: PathBuf,
    desktop: PathBuf,
}

fn setup() -> Setup {
    let root = tempfile::tempdir().unwrap();
    let shared = root.path().join("Sync");
    let laptop = root.path().join("laptop");
    let desktop = root.path().join("desktop");
    for dir in [&shared, &laptop, &desktop] {
        std::fs::create_dir_all(dir).unwrap();
    }
    Setup {
        _root: root,
        shared,
        laptop,
        desktop,
    }
}

fn json(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn start(data: &Path, shared: &Path, name: &str) -> String {
    let started = json(&ok(
        data,
        &[
            "sync",
            "start",
            "--folder",
            shared.to_str().unwrap(),
            "--name",
            name,
            "--json",
        ],
    ));
    started["code"].as_str().unwrap().to_owned()
}

fn join(data: &Path, shared: &Path, code: &str, name: &str) -> Value {
    json(&ok(
        data,
        &[
            "sync",
            "join",
            "--folder",
            shared.to_str().unwrap(),
            "--code",
            code,
            "--name",
            name,
            "--json",
        ],
    ))
}

fn habit_names(data: &Path) -> Vec<String> {
    let listed = json(&ok(data, &["habits", "list", "--json"]));
    let mut names: Vec<String> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["name"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn two_computers_used_before_sync_end_up_with_both_records() {
    let s = setup();
    ok(&s.laptop, &["me", "--name", "Ada"]);
    ok(&s.laptop, &["habits", "add", "Let someone else go first"]);
    ok(&s.desktop, &["me", "--name", "Ada"]);
    ok(&s.desktop, &["habits", "add", "Listen before speaking"]);

    let code = start(&s.laptop, &s.shared, "Laptop");
    assert_eq!(code.len(), 19, "{code}");
    assert_eq!(code.matches('-').count(), 3, "{code}");
    let joined = join(&s.desktop, &s.shared, &code, "Desktop");
    assert_eq!(joined["refused"], Value::Array(vec![]));
    // The desktop's own records went out as its snapshot.
    assert_eq!(joined["sent"].as_array().unwrap().len(), 1, "{joined}");
    ok(&s.laptop, &["sync", "now"]);

    let both = ["Let someone else go first", "Listen before speaking"];
    assert_eq!(habit_names(&s.laptop), both);
    assert_eq!(habit_names(&s.desktop), both);
    // One person, not two.
    let people = json(&ok(&s.desktop, &["people", "list", "--json"]));
    assert_eq!(people.as_array().unwrap().len(), 1, "{people}");

    // A check-in on one computer reaches the other on its next sync.
    ok(
        &s.desktop,
        &[
            "habits",
            "check",
            "Listen before speaking",
            "--note",
            "Heard Dan out",
        ],
    );
    let sent = json(&ok(&s.desktop, &["sync", "now", "--json"]));
    assert_eq!(sent["sent"].as_array().unwrap().len(), 1, "{sent}");
    let got = json(&ok(&s.laptop, &["sync", "now", "--json"]));
    assert_eq!(got["applied"].as_array().unwrap().len(), 1, "{got}");
    assert!(ok(&s.laptop, &["journal"]).contains("Heard Dan out"));

    let status = json(&ok(&s.laptop, &["sync", "status", "--json"]));
    let devices: Vec<&str> = status["devices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    // This computer first.
    assert_eq!(devices, ["Laptop", "Desktop"]);
    // In words, each computer's last sync is a local date and minute.
    let said = ok(&s.laptop, &["sync", "status"]);
    let line = said.lines().find(|l| l.contains("Desktop")).unwrap();
    let when = line.rsplit("last synced ").next().unwrap();
    assert!(
        chrono::NaiveDateTime::parse_from_str(when, "%Y-%m-%d %H:%M").is_ok(),
        "{said}"
    );

    // Nothing readable, and no database, in the shared folder.
    for entry in walk(&s.shared) {
        let bytes = std::fs::read(&entry).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for secret in ["Heard Dan out", "Listen before speaking", "SQLite format"] {
            assert!(
                !text.contains(secret),
                "{} shows {secret:?}",
                entry.display()
            );
        }
    }
}

/// A join cut off after this computer entered the group but before its snapshot was in the
/// folder (the app closed, the stick pulled out): its records from before still reach the others.
#[test]
fn a_computer_whose_first_snapshot_never_reached_the_folder_sends_it_at_its_next_sync() {
    let s = setup();
    ok(&s.laptop, &["me", "--name", "Ada"]);
    ok(&s.desktop, &["me", "--name", "Ada"]);
    ok(&s.desktop, &["habits", "add", "Listen before speaking"]);
    let code = start(&s.laptop, &s.shared, "Laptop");
    join(&s.desktop, &s.shared, &code, "Desktop");

    // What the join left had it stopped before writing the snapshot: no snapshot in the folder,
    // none noted as sent.
    let desktop_files: Vec<PathBuf> = walk(&s.shared.join(this_device(&s.desktop)))
        .into_iter()
        .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with("000"))
        .collect();
    assert_eq!(desktop_files.len(), 1, "{desktop_files:?}");
    std::fs::remove_file(&desktop_files[0]).unwrap();
    let database = leadback_store::paths::database_path(&s.desktop);
    rusqlite::Connection::open(database)
        .unwrap()
        .execute("DELETE FROM setting WHERE key = 'sync.last_snapshot'", [])
        .unwrap();
    ok(&s.laptop, &["sync", "now"]);
    assert!(habit_names(&s.laptop).is_empty());

    let sent = json(&ok(&s.desktop, &["sync", "now", "--json"]));
    assert_eq!(sent["sent"].as_array().unwrap().len(), 1, "{sent}");
    ok(&s.laptop, &["sync", "now"]);
    assert_eq!(habit_names(&s.laptop), ["Listen before speaking"]);
    // Once sent, it is not sent again.
    let again = json(&ok(&s.desktop, &["sync", "now", "--json"]));
    assert_eq!(again["sent"], Value::Array(vec![]), "{again}");
}

/// This computer's device id as its folder in the shared folder is named.
fn this_device(data: &Path) -> String {
    let database = leadback_store::paths::database_path(data);
    rusqlite::Connection::open(database)
        .unwrap()
        .query_row(
            "SELECT value FROM setting WHERE key = 'sync.device'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn a_wrong_code_is_refused_and_nothing_is_written() {
    let s = setup();
    ok(&s.laptop, &["me", "--name", "Ada"]);
    let code = start(&s.laptop, &s.shared, "Laptop");
    ok(&s.desktop, &["me", "--name", "Ada"]);
    let before = rows(&s.desktop);
    let listing_before = walk(&s.shared);

    // One character off (the code's alphabet has no U).
    let wrong: String = code
        .chars()
        .map(|c| {
            if c == '-' {
                c
            } else if c == 'Z' {
                'Y'
            } else {
                'Z'
            }
        })
        .collect();
    let shared = s.shared.to_str().unwrap();
    for code in [wrong.as_str(), "not-a-code"] {
        let out = leadback(
            &s.desktop,
            &["sync", "join", "--folder", shared, "--code", code],
        );
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("code"), "{}", stderr(&out));
    }
    assert_eq!(rows(&s.desktop), before);
    assert_eq!(walk(&s.shared), listing_before);
    let status = json(&ok(&s.desktop, &["sync", "status", "--json"]));
    assert_eq!(status["in_group"], Value::Bool(false));
    // A lost code is replaced from a computer in the group; the old one stops working.
    let new = json(&ok(&s.laptop, &["sync", "code", "--json"]));
    let new = new["code"].as_str().unwrap();
    assert_ne!(new, code);
    let out = leadback(
        &s.desktop,
        &["sync", "join", "--folder", shared, "--code", &code],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    join(&s.desktop, &s.shared, new, "Desktop");
    // And a data folder cannot be its own sync folder.
    let out = leadback(
        &s.desktop,
        &["sync", "start", "--folder", s.desktop.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn a_group_starts_in_a_new_folder_inside_the_synced_one_and_nowhere_else() {
    let s = setup();
    ok(&s.laptop, &["me", "--name", "Ada"]);
    // As the README suggests: a folder of Leadback's own inside the one the sync tool keeps.
    let own = s.shared.join("Leadback");
    let code = start(&s.laptop, &own, "Laptop");
    assert!(own.join("leadback-sync.key").is_file());

    ok(&s.desktop, &["me", "--name", "Ada"]);
    let before = rows(&s.desktop);
    let root = s.shared.parent().unwrap();
    let nowhere = root.join("nowhere").join("Leadback");
    let inside_data = s.desktop.join("Leadback");
    for (folder, says) in [
        (&nowhere, "nor the folder it would go in"),
        (&inside_data, "holds Leadback's own data"),
    ] {
        let out = leadback(
            &s.desktop,
            &["sync", "start", "--folder", folder.to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
        assert!(!folder.exists(), "{}", folder.display());
    }
    // Joining needs the folder the sync tool brought: a missing one is not made.
    let out = leadback(
        &s.desktop,
        &[
            "sync",
            "join",
            "--folder",
            nowhere.to_str().unwrap(),
            "--code",
            &code,
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("let your sync tool bring the group's folder"),
        "{}",
        stderr(&out)
    );
    assert!(!nowhere.exists());
    assert_eq!(rows(&s.desktop), before);
    // Both computers go by their host name, the same: the second is told apart.
    let joined = ok(
        &s.desktop,
        &[
            "sync",
            "join",
            "--folder",
            own.to_str().unwrap(),
            "--code",
            &code,
            "--name",
            "laptop",
        ],
    );
    assert!(
        joined.contains("Joined the sync group as “laptop (2)”"),
        "{joined}"
    );
    let status = ok(&s.laptop, &["sync", "now"]);
    assert!(status.contains("applied 1"), "{status}");
    let listed = ok(&s.laptop, &["sync", "status"]);
    assert!(listed.contains("laptop (2): last synced"), "{listed}");
}

/// Runs `args` on `data` while the app's sync of the same data runs (another process holding its
/// lock): the command says it waits and is still waiting when `meanwhile` looks; then the app's
/// sync ends and the command's output is returned.
fn while_the_app_syncs(
    data: &Path,
    args: &[&str],
    meanwhile: impl FnOnce(),
) -> std::process::Output {
    use std::io::BufRead;
    use std::process::Stdio;

    let database = leadback_store::paths::database_path(data);
    let app = leadback_testkit::hold_lock(&leadback_actions::sync::lock_path(&database));

    let mut terminal = command(data, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut said = String::new();
    std::io::BufReader::new(terminal.stderr.take().unwrap())
        .read_line(&mut said)
        .unwrap();
    assert!(
        said.contains("waiting for another sync of this data"),
        "{args:?}: {said}"
    );
    assert!(terminal.try_wait().unwrap().is_none(), "{args:?}");
    meanwhile();
    // (It was still waiting when `meanwhile` looked: it can only end once the lock is let go.)
    assert!(terminal.try_wait().unwrap().is_none(), "{args:?}");

    drop(app);
    let out = terminal.wait_with_output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", stdout(&out));
    out
}

#[test]
fn a_sync_waits_for_another_sync_of_the_same_data_and_writes_nothing_meanwhile() {
    let s = setup();
    ok(&s.laptop, &["me", "--name", "Ada"]);
    start(&s.laptop, &s.shared, "Laptop");
    ok(&s.laptop, &["habits", "add", "Let someone else go first"]);
    let before = walk(&s.shared);
    let out = while_the_app_syncs(&s.laptop, &["sync", "now"], || {
        // It waits with nothing written: one of the two would otherwise send its changes under
        // a number the other also uses.
        assert_eq!(walk(&s.shared), before);
    });
    assert!(stdout(&out).starts_with("Sent 1 file,"), "{}", stdout(&out));
}

/// This computer's name in its group and whether it is in one, as `sync status` says.
fn this_computer(data: &Path) -> Option<String> {
    let status = json(&ok(data, &["sync", "status", "--json"]));
    status["devices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["this_device"] == true)
        .map(|d| d["name"].as_str().unwrap().to_owned())
}

#[test]
fn renaming_a_new_code_joining_or_leaving_waits_for_the_apps_sync_which_would_write_over_it() {
    let s = setup();
    ok(&s.laptop, &["me", "--name", "Ada"]);
    start(&s.laptop, &s.shared, "Laptop");

    // The app's sync writes this computer's card when it ends: a new name written meanwhile
    // would be written over with the old one.
    let out = while_the_app_syncs(&s.laptop, &["sync", "rename", "Office laptop"], || {
        assert_eq!(this_computer(&s.laptop).as_deref(), Some("Laptop"));
    });
    assert!(stdout(&out).contains("“Office laptop”"), "{}", stdout(&out));
    assert_eq!(this_computer(&s.laptop).as_deref(), Some("Office laptop"));

    // The group's key, sealed with the pairing code, in the folder.
    let key = "leadback-sync.key";
    let sealed = std::fs::read(s.shared.join(key)).unwrap();
    let out = while_the_app_syncs(&s.laptop, &["sync", "code", "--json"], || {
        assert_eq!(std::fs::read(s.shared.join(key)).unwrap(), sealed);
    });
    let code = json(&stdout(&out))["code"].as_str().unwrap().to_owned();
    assert_ne!(std::fs::read(s.shared.join(key)).unwrap(), sealed);

    // Joining waits for it too, saying so (the app could be joining with the same data).
    let folder = s.shared.to_str().unwrap();
    let joining = [
        "sync", "join", "--folder", folder, "--code", &code, "--name", "Desktop",
    ];
    while_the_app_syncs(&s.desktop, &joining, || {
        assert_eq!(this_computer(&s.desktop), None);
    });
    assert_eq!(this_computer(&s.desktop).as_deref(), Some("Desktop"));

    while_the_app_syncs(&s.laptop, &["sync", "leave"], || {
        assert!(this_computer(&s.laptop).is_some());
    });
    assert_eq!(this_computer(&s.laptop), None);
}

/// What an earlier Leadback left: imported habits keyed by the time they were made (here: moved
/// far from the keys their import keys give), their check-ins and journal entries following.
/// (The journal's triggers, which fold text with a function of Leadback's own, are set aside
/// meanwhile.)
fn key_imported_habits_as_before(data: &Path) {
    let database = leadback_store::paths::database_path(data);
    let mut conn = rusqlite::Connection::open(database).unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    let tx = conn.transaction().unwrap();
    tx.pragma_update(None, "defer_foreign_keys", true).unwrap();
    let triggers: Vec<(String, String)> = tx
        .prepare("SELECT name, sql FROM sqlite_schema WHERE name LIKE 'check_in_journal_%'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(triggers.len(), 3);
    for (name, _) in &triggers {
        tx.execute_batch(&format!("DROP TRIGGER {name}")).unwrap();
    }
    tx.execute_batch(
        "UPDATE habit SET id = id + (1 << 45) WHERE import_key IS NOT NULL;
         UPDATE check_in SET habit_id = habit_id + (1 << 45)
         WHERE habit_id + (1 << 45) IN (SELECT id FROM habit);
         UPDATE journal_entry SET habit_id = habit_id + (1 << 45),
                source = 'check-in:' || (habit_id + (1 << 45)) || '/' || day
         WHERE source LIKE 'check-in:%' AND habit_id + (1 << 45) IN (SELECT id FROM habit);",
    )
    .unwrap();
    for (_, sql) in &triggers {
        tx.execute_batch(sql).unwrap();
    }
    let moved: i64 = tx
        .query_row("SELECT count(*) FROM habit WHERE id > (1 << 45)", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(moved, 9);
    tx.commit().unwrap();
}

#[test]
fn two_computers_that_imported_one_loop_backup_before_they_met_hold_its_habits_once_with_every_note()
 {
    let s = setup();
    let backup = leadback_testkit::loop_fixture("loop-schema12.db");
    let tablet = s.shared.parent().unwrap().join("tablet");
    std::fs::create_dir_all(&tablet).unwrap();
    for data in [&s.laptop, &s.desktop, &tablet] {
        ok(data, &["me", "--name", "Ada"]);
        ok(data, &["import", "loop", backup.to_str().unwrap()]);
    }
    // The tablet imported it with an earlier Leadback.
    key_imported_habits_as_before(&tablet);
    let notes = [
        (&s.laptop, "2026-11-30", "Let Cleo open the meeting"),
        (&s.desktop, "2026-12-01", "Waited before answering Tom"),
        (&tablet, "2026-12-02", "Asked the team first"),
    ];
    for (data, day, note) in notes {
        let habit = "Wake up early";
        ok(
            data,
            &["habits", "check", habit, "--date", day, "--note", note],
        );
    }

    let code = start(&s.laptop, &s.shared, "Laptop");
    join(&s.desktop, &s.shared, &code, "Desktop");
    join(&tablet, &s.shared, &code, "Tablet");
    for data in [&s.laptop, &s.desktop, &tablet, &s.laptop, &s.desktop] {
        ok(data, &["sync", "now"]);
    }

    let habits = habit_names(&s.laptop);
    assert_eq!(
        habits.len(),
        9,
        "the backup's nine habits, once: {habits:?}"
    );
    for data in [&s.laptop, &s.desktop, &tablet] {
        assert_eq!(habit_names(data), habits);
        let journal = ok(data, &["journal"]);
        for (_, day, note) in notes {
            assert!(
                journal.contains(&format!("{day}  check-in   {note}")),
                "{journal}"
            );
        }
        let wake_up = ok(data, &["habits", "list"]);
        assert_eq!(wake_up, ok(&s.laptop, &["habits", "list"]));
    }
}

/// A person who added the same suggested habit on both computers before they met (the first the
/// library offers, say) holds it once after joining, every day's check-in and every note with
/// it, not twice, which adding it on one computer would never allow; and the same once they
/// are in the group, when both add another before they next sync.
#[test]
fn a_suggested_habit_added_on_two_computers_is_held_once_with_every_note() {
    let s = setup();
    let first = "Let someone else go first";
    let notes = [
        (&s.laptop, "2026-11-30", "Let Cleo open the meeting"),
        (&s.laptop, "2026-12-01", "Kept quiet until Tom had finished"),
        (&s.desktop, "2026-12-01", "Waited before answering Tom"),
        (&s.desktop, "2026-12-02", "Asked the team first"),
    ];
    for data in [&s.laptop, &s.desktop] {
        ok(data, &["me", "--name", "Ada"]);
        ok(data, &["habits", "add", "let-others-go-first"]);
    }
    ok(&s.desktop, &["habits", "add", "back-of-the-walk"]);
    for (data, day, note) in notes {
        ok(
            data,
            &["habits", "check", first, "--date", day, "--note", note],
        );
    }

    let code = start(&s.laptop, &s.shared, "Laptop");
    join(&s.desktop, &s.shared, &code, "Desktop");
    ok(&s.laptop, &["sync", "now"]);
    for data in [&s.laptop, &s.desktop] {
        ok(data, &["habits", "add", "hand-over-a-decision"]);
    }
    for data in [&s.laptop, &s.desktop, &s.laptop] {
        ok(data, &["sync", "now"]);
    }

    let names = habit_names(&s.laptop);
    assert_eq!(names.iter().filter(|n| *n == first).count(), 1, "{names:?}");
    assert_eq!(names.len(), 3, "{names:?}");
    for data in [&s.laptop, &s.desktop] {
        assert_eq!(habit_names(data), names);
        let journal = ok(data, &["journal"]);
        for (_, day, note) in notes {
            // The two notes of 1 December: the later is the day's, the other kept beside it.
            assert!(journal.contains(note), "{note} missing:\n{journal}");
            assert!(journal.contains(day), "{journal}");
        }
        assert_eq!(
            ok(data, &["habits", "list"]),
            ok(&s.laptop, &["habits", "list"])
        );
    }
    let listed = ok(&s.desktop, &["habits", "list"]);
    let line = listed.lines().find(|l| l.contains(first)).unwrap();
    assert!(
        line.contains("best 3"),
        "check-ins of three days in a row: {line}"
    );
}

/// The group's key, as a device keeps it.
fn group_key(data: &Path) -> GroupKey {
    let store = Store::open_in(data).unwrap();
    GroupKey::from_secret_text(&store.setting("sync.key").unwrap().unwrap()).unwrap()
}

/// Today's check-in of "Let someone else go first", with a note.
fn first_with_note(data: &Path, note: &str) {
    let habit = "Let someone else go first";
    ok(data, &["habits", "check", habit, "--note", note]);
}

#[test]
fn bad_files_are_refused_by_name_and_reason_and_the_rest_still_apply() {
    let s = setup();
    let tablet = s.shared.parent().unwrap().join("tablet");
    std::fs::create_dir_all(&tablet).unwrap();
    ok(&s.laptop, &["me", "--name", "Ada"]);
    ok(&s.laptop, &["habits", "add", "Let someone else go first"]);
    let code = start(&s.laptop, &s.shared, "Laptop");
    join(&s.desktop, &s.shared, &code, "Desktop");
    join(&tablet, &s.shared, &code, "Tablet");

    // The laptop writes a check-in; its file is then damaged in the folder.
    first_with_note(&s.laptop, "Cleo first");
    let sent = json(&ok(&s.laptop, &["sync", "now", "--json"]));
    let damaged = s.shared.join(sent["sent"][0].as_str().unwrap());
    let mut bytes = std::fs::read(&damaged).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    std::fs::write(&damaged, bytes).unwrap();
    // The tablet writes a journal note; that file is fine.
    ok(&tablet, &["journal", "add", "Quiet day"]);
    // (The tablet refuses the damaged file too, and still sends its own.)
    let out = leadback(&tablet, &["sync", "now"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    // A file from another group, and one from a newer Leadback, appear too.
    let stranger = GroupKey::generate();
    let key = group_key(&s.laptop);
    let header = |device: u64, sequence: u64, schema: i64| Header {
        device,
        sequence,
        schema,
        kind: Kind::Changes,
        first: leadback_sync::clock::Stamp::ZERO.to_string(),
        last: leadback_sync::clock::Stamp::ZERO.to_string(),
        seen: Default::default(),
    };
    let foreign_dir = s.shared.join("00000000000000f1");
    std::fs::create_dir_all(&foreign_dir).unwrap();
    std::fs::write(
        foreign_dir.join("000000000001.lbsync"),
        file::seal(&stranger, &header(0xf1, 1, 10), b"").unwrap(),
    )
    .unwrap();
    let newer_dir = s.shared.join("00000000000000f2");
    std::fs::create_dir_all(&newer_dir).unwrap();
    std::fs::write(
        newer_dir.join("000000000001.lbsync"),
        file::seal(&key, &header(0xf2, 1, 999), b"").unwrap(),
    )
    .unwrap();

    let out = leadback(&s.desktop, &["sync", "now", "--json"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let outcome = json(&stdout(&out));
    let refused: Vec<(String, String)> = outcome["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap().to_owned(),
                r["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(refused.len(), 3, "{refused:?}");
    let reason = |file: &str| {
        refused
            .iter()
            .find(|(f, _)| f.starts_with(file))
            .map(|(_, r)| r.clone())
            .unwrap_or_else(|| panic!("{file} not refused: {refused:?}"))
    };
    let damaged_label = format!(
        "{}/",
        damaged
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
    );
    assert!(reason(&damaged_label).contains("damaged"), "{refused:?}");
    assert!(reason("00000000000000f1/").contains("not from a device of this sync group"));
    assert!(reason("00000000000000f2/").contains("newer"));
    assert!(
        reason(&damaged_label).contains("Laptop is asked to send everything again"),
        "{refused:?}"
    );
    assert!(
        !reason("00000000000000f2/").contains("asked"),
        "{refused:?}"
    );
    // The tablet's note arrived all the same; the laptop's check-in did not.
    let journal = ok(&s.desktop, &["journal"]);
    assert!(journal.contains("Quiet day"), "{journal}");
    assert!(!journal.contains("Cleo first"), "{journal}");

    // Asked on the others' cards, the laptop sends a snapshot at its next sync; with it the day's
    // check-in arrives, and the damaged file, no longer needed by anyone, leaves the folder.
    first_with_note(&s.laptop, "Ben first");
    std::fs::remove_dir_all(&foreign_dir).unwrap();
    std::fs::remove_dir_all(&newer_dir).unwrap();
    let sent = json(&ok(&s.laptop, &["sync", "now", "--json"]));
    assert_eq!(
        sent["sent"].as_array().unwrap().len(),
        2,
        "changes and a snapshot: {sent}"
    );
    for data in [&s.desktop, &tablet] {
        let outcome = json(&ok(data, &["sync", "now", "--json"]));
        assert_eq!(outcome["refused"], Value::Array(vec![]), "{outcome}");
        let journal = ok(data, &["journal"]);
        // (The later note replaced the damaged file's "Cleo first" on the laptop itself.)
        assert!(journal.contains("Ben first"), "{journal}");
    }
    ok(&s.laptop, &["sync", "now"]);
    assert!(!damaged.exists(), "the damaged file is still in the folder");
    // Asked once, answered once: the next syncs write no more snapshots.
    for data in [&s.desktop, &tablet, &s.laptop] {
        let outcome = json(&ok(data, &["sync", "now", "--json"]));
        assert_eq!(outcome["sent"], Value::Array(vec![]), "{outcome}");
    }
}

#[test]
fn a_backup_restored_on_one_computer_reaches_the_other_and_nothing_is_applied_twice() {
    let s = setup();
    ok(&s.laptop, &["me", "--name", "Ada"]);
    ok(&s.laptop, &["habits", "add", "Let someone else go first"]);
    let code = start(&s.laptop, &s.shared, "Laptop");
    join(&s.desktop, &s.shared, &code, "Desktop");
    ok(&s.laptop, &["sync", "now"]);
    ok(&s.laptop, &["backup", "now"]);
    let listed = ok(&s.laptop, &["backup", "list"]);
    let file = listed.split_whitespace().last().unwrap().to_owned();

    // After the backup, each computer adds a habit, and both sync.
    ok(&s.laptop, &["habits", "add", "Speak last"]);
    ok(&s.desktop, &["habits", "add", "Listen before speaking"]);
    ok(&s.laptop, &["sync", "now"]);
    ok(&s.desktop, &["sync", "now"]);
    ok(&s.laptop, &["sync", "now"]);
    let all = [
        "Let someone else go first",
        "Listen before speaking",
        "Speak last",
    ];
    assert_eq!(habit_names(&s.desktop), all);

    let restored = ok(&s.laptop, &["backup", "restore", &file]);
    assert!(restored.contains("Restored"), "{restored}");
    let status = json(&ok(&s.laptop, &["sync", "status", "--json"]));
    assert_eq!(status["in_group"], Value::Bool(true), "{status}");
    // The laptop sends the restore and applies nothing it had applied before.
    let sent = json(&ok(&s.laptop, &["sync", "now", "--json"]));
    assert_eq!(sent["sent"].as_array().unwrap().len(), 1, "{sent}");
    assert_eq!(sent["applied"], Value::Array(vec![]), "{sent}");
    ok(&s.desktop, &["sync", "now"]);
    for data in [&s.laptop, &s.desktop] {
        assert_eq!(habit_names(data), ["Let someone else go first"]);
    }
}

#[test]
fn a_computer_renamed_shows_its_new_name_and_a_bad_name_writes_nothing() {
    let s = setup();
    ok(&s.laptop, &["me", "--name", "Ada"]);
    let code = start(&s.laptop, &s.shared, "Laptop");
    join(&s.desktop, &s.shared, &code, "Desktop");
    let said = ok(&s.laptop, &["sync", "rename", "Work laptop"]);
    assert!(said.contains("“Work laptop”"), "{said}");
    let names = |data: &Path| -> Vec<String> {
        let status = json(&ok(data, &["sync", "status", "--json"]));
        let mut names: Vec<String> = status["devices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["name"].as_str().unwrap().to_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(names(&s.desktop), ["Desktop", "Work laptop"]);
    let long = "x".repeat(61);
    for bad in ["", "  ", long.as_str()] {
        let out = leadback(&s.laptop, &["sync", "rename", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {}", stderr(&out));
    }
    assert_eq!(names(&s.desktop), ["Desktop", "Work laptop"]);
}

/// Every sync file in the folder opened with the group's key: (its path, its inflated body).
fn opened_files(shared: &Path, key: &GroupKey) -> Vec<(PathBuf, Vec<u8>)> {
    walk(shared)
        .into_iter()
        .filter(|path| path.extension().is_some_and(|e| e == "lbsync"))
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            let (_, body) = file::open(key, &bytes, i64::MAX)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, body)
        })
        .collect()
}

#[test]
fn what_was_written_about_an_erased_client_leaves_the_sync_folder_once_every_computer_has_it() {
    const WORDS: &[u8] = b"Quillfeather";
    let s = setup();
    ok(&s.laptop, &["me", "--name", "Ada"]);
    let code = start(&s.laptop, &s.shared, "Laptop");
    join(&s.desktop, &s.shared, &code, "Desktop");
    {
        let mut laptop = Store::open_in(&s.laptop).unwrap();
        leadback_testkit::add_tagged_client(&mut laptop, "Noor Haddad", &[], "Notes kept.");
    }
    let agenda = "Quillfeather spoke about the reorganisation";
    for (data, date) in [(&s.laptop, "2026-01-05"), (&s.desktop, "2026-01-12")] {
        ok(data, &["sync", "now"]);
        ok(
            data,
            &[
                "session",
                "add",
                "Noor Haddad",
                "--date",
                date,
                "--agenda",
                agenda,
            ],
        );
        ok(data, &["sync", "now"]);
    }
    ok(&s.laptop, &["sync", "now"]);
    let key = group_key(&s.laptop);
    let holding = |files: &[(PathBuf, Vec<u8>)]| -> Vec<PathBuf> {
        files
            .iter()
            .filter(|(_, body)| body.windows(WORDS.len()).any(|w| w == WORDS))
            .map(|(path, _)| path.clone())
            .collect()
    };
    assert!(
        holding(&opened_files(&s.shared, &key)).len() >= 2,
        "both computers' files should hold the words first, or this test proves nothing"
    );

    ok(&s.laptop, &["person", "erase", "Noor Haddad", "--yes"]);
    // Each computer syncs twice: the erasure reaches the desktop, then each folds its files once
    // the other has them all.
    let mut sent = Vec::new();
    let mut applied = Vec::new();
    for _ in 0..2 {
        for data in [&s.laptop, &s.desktop] {
            let outcome = json(&ok(data, &["sync", "now", "--json"]));
            if data == &s.laptop {
                sent.extend(outcome["sent"].as_array().unwrap().clone());
            } else {
                applied.extend(outcome["applied"].as_array().unwrap().clone());
            }
        }
    }
    let files = opened_files(&s.shared, &key);
    assert_eq!(holding(&files), Vec::<PathBuf>::new());
    // What stays is each computer's snapshot and card (and nothing was lost on the way).
    for data in [&s.laptop, &s.desktop] {
        let people = ok(data, &["people", "list"]);
        assert!(!people.contains("Noor"), "{people}");
        assert_eq!(
            json(&ok(data, &["sync", "now", "--json"]))["refused"],
            Value::Array(vec![])
        );
    }
    // The laptop's snapshot followed files the desktop had all applied: it was noted, not
    // replayed.
    let laptops_last = sent.iter().filter_map(Value::as_str).max().unwrap();
    let replayed = applied
        .iter()
        .find(|a| a["file"] == laptops_last)
        .unwrap_or_else(|| panic!("{laptops_last} among {applied:?}"));
    assert_eq!(replayed["rows"], 0, "{replayed}");
    // A computer joining now has everything but the erased client, from the snapshots.
    let tablet = s.shared.parent().unwrap().join("tablet");
    std::fs::create_dir_all(&tablet).unwrap();
    join(&tablet, &s.shared, &code, "Tablet");
    let people = ok(&tablet, &["people", "list"]);
    assert!(
        people.starts_with("Ada (me)") && !people.contains("Noor"),
        "{people}"
    );
}

/// `sync forget` takes another computer off the list by its name, never this one; the computer
/// is back once it syncs again.
#[test]
fn a_computer_that_will_not_sync_again_is_forgotten_by_name() {
    let s = setup();
    let code = start(&s.laptop, &s.shared, "Laptop");
    join(&s.desktop, &s.shared, &code, "Desktop");
    ok(&s.laptop, &["sync", "now"]);
    let listed = |data: &Path| {
        json(&ok(data, &["sync", "status", "--json"]))["devices"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(listed(&s.laptop), 2);

    refused(
        &s.laptop,
        &["sync", "forget", "laptop"],
        "That is this computer",
    );
    refused(
        &s.laptop,
        &["sync", "forget", "Phone"],
        "No other computer of this group goes by “Phone”",
    );
    let said = ok(&s.laptop, &["sync", "forget", "desktop"]);
    assert!(said.contains("“Desktop” is no longer listed"), "{said}");
    assert_eq!(listed(&s.laptop), 1);
    ok(&s.desktop, &["sync", "now"]);
    assert_eq!(listed(&s.laptop), 2);
}
