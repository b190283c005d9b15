//! Sync survives being killed: `leadback sync now` on the computer writing its changes and on the
//! one applying them is killed with SIGKILL at random moments. Afterwards both databases pass
//! `integrity_check`, the next sync completes, and every journal note the first computer
//! acknowledged is on the second exactly once — nothing lost, nothing applied twice. And
//! `leadback sync start` and `sync join` killed part way: the computer can start again, and what
//! it held reaches the group.
//!
//! Kills: `LEADBACK_SYNC_CRASH_KILLS` (default 16), `LEADBACK_SYNC_JOIN_KILLS` and
//! `LEADBACK_SYNC_START_KILLS` (default 4 each), seeded by `LEADBACK_CRASH_SEED`.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{Rng, command, env_number, ok};
use leadback_store::{Integrity, JournalQuery, Store};

/// Runs `sync now` on `data`, killed after `kill_after` if given; whether it finished.
fn sync_now(data: &Path, kill_after: Option<Duration>) -> bool {
    let mut child = command(data, ["sync", "now"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    if let Some(delay) = kill_after {
        // Not a timing assertion: the pause only picks a random moment to pull the plug.
        std::thread::sleep(delay);
        let _ = child.kill();
    }
    child.wait().unwrap().success()
}

fn notes(data: &Path) -> Vec<String> {
    let store = Store::open_in(data).unwrap();
    assert_eq!(store.info().unwrap().integrity, Integrity::Ok);
    let me = store.me().unwrap().unwrap().id;
    store
        .journal(me, &JournalQuery::default())
        .unwrap()
        .into_iter()
        .map(|e| e.text)
        .collect()
}

#[test]
fn a_sync_killed_while_writing_or_applying_loses_nothing_and_applies_nothing_twice() {
    let kills = env_number("LEADBACK_SYNC_CRASH_KILLS", 16);
    let mut rng = Rng(env_number("LEADBACK_CRASH_SEED", 0x1ead_bac4) | 1);
    let root = tempfile::tempdir().unwrap();
    let shared = root.path().join("Sync");
    let laptop = root.path().join("laptop");
    let desktop = root.path().join("desktop");
    std::fs::create_dir_all(&shared).unwrap();
    ok(&laptop, &["me", "--name", "Ada"]);
    let started: serde_json::Value = serde_json::from_str(&ok(
        &laptop,
        &[
            "sync",
            "start",
            "--folder",
            shared.to_str().unwrap(),
            "--json",
        ],
    ))
    .unwrap();
    let code = started["code"].as_str().unwrap();
    ok(
        &desktop,
        &[
            "sync",
            "join",
            "--folder",
            shared.to_str().unwrap(),
            "--code",
            code,
        ],
    );

    // How long one sync takes here, so kill moments cover the whole of it.
    let slowest = |data: &Path| {
        (0..3)
            .map(|_| {
                let start = Instant::now();
                assert!(sync_now(data, None));
                start.elapsed().as_micros() as u64
            })
            .max()
            .unwrap_or(0)
    };
    let span = slowest(&laptop).max(slowest(&desktop)) * 5 / 4 + 1;

    let mut acknowledged = Vec::new();
    let mut interrupted = 0;
    for i in 0..kills {
        let text = format!("sync crash note {i}");
        ok(&laptop, &["journal", "add", &text]);
        acknowledged.push(text);
        for data in [&laptop, &desktop] {
            let delay = Duration::from_micros(rng.below(span));
            if !sync_now(data, Some(delay)) {
                interrupted += 1;
            }
        }
    }
    // Then the computers sync undisturbed.
    for data in [&laptop, &desktop, &laptop, &desktop] {
        assert!(
            sync_now(data, None),
            "a sync after the kills did not complete"
        );
    }

    let on_desktop = notes(&desktop);
    let on_laptop = notes(&laptop);
    for text in &acknowledged {
        assert_eq!(
            on_desktop.iter().filter(|t| *t == text).count(),
            1,
            "{text} on the desktop"
        );
        assert_eq!(
            on_laptop.iter().filter(|t| *t == text).count(),
            1,
            "{text} on the laptop"
        );
    }
    assert!(
        interrupted * 4 >= kills,
        "only {interrupted} of {} syncs were interrupted",
        kills * 2
    );
    println!(
        "{} syncs, {interrupted} killed; {} notes each once on both computers, integrity ok",
        kills * 2,
        acknowledged.len()
    );
}

/// This computer's id in its group, if it is in one, by its own account.
fn device_id(data: &Path) -> Option<String> {
    let status: serde_json::Value =
        serde_json::from_str(&ok(data, &["sync", "status", "--json"])).unwrap();
    let id = status["devices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["this_device"] == true)
        .map(|d| d["id"].as_str().unwrap().to_owned());
    assert_eq!(status["in_group"], id.is_some(), "{status}");
    id
}

/// Whether device `id` has written anything into the group's folder yet.
fn records_in_folder(shared: &Path, id: &str) -> bool {
    std::fs::read_dir(shared.join(id)).is_ok_and(|mut files| files.next().is_some())
}

/// `sync start` in `shared` on `data`, with its pairing code.
fn start(data: &Path, shared: &Path) -> String {
    let folder = shared.to_str().unwrap();
    let started: serde_json::Value =
        serde_json::from_str(&ok(data, &["sync", "start", "--folder", folder, "--json"])).unwrap();
    started["code"].as_str().unwrap().to_owned()
}

/// `sync join` of the group in `shared` with `code`.
fn join_args(shared: &Path, code: &str) -> [String; 6] {
    let folder = shared.to_str().unwrap();
    ["sync", "join", "--folder", folder, "--code", code].map(str::to_owned)
}

/// A group of one computer (with "me" only) in a folder of its own, `i` naming both; the
/// group's folder, that computer's data folder and `sync join` with the pairing code.
fn new_group(root: &Path, i: u64) -> (PathBuf, PathBuf, [String; 6]) {
    let shared = root.join(format!("Sync-{i}"));
    let first = root.join(format!("first-{i}"));
    std::fs::create_dir_all(&shared).unwrap();
    ok(&first, &["me", "--name", "Ada"]);
    let code = start(&first, &shared);
    (shared.clone(), first, join_args(&shared, &code))
}

/// A computer with two years of its own records and a coach's clients (so that sending them
/// takes a moment) and a note written on it, `i` making the note its own.
fn computer_used_before(root: &Path, i: u64) -> (PathBuf, String) {
    let data = root.join(format!("used-{i}"));
    let demo = [
        "demo",
        "--habits",
        "10",
        "--years",
        "2",
        "--clients",
        "30",
        "--assessments-per-client",
        "3",
        "--seed",
        "5",
    ];
    ok(&data, &demo);
    let text = format!("written before syncing {i}");
    ok(&data, &["journal", "add", &text]);
    (data, text)
}

/// How long `args` takes on `data`, and whether it succeeded.
fn timed(data: &Path, args: &[String]) -> (bool, u64) {
    let start = Instant::now();
    let done = command(data, args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    (done.success(), start.elapsed().as_micros() as u64)
}

/// `args` on `data`, killed after `delay` microseconds; whether it finished first.
fn killed_after(data: &Path, args: &[String], delay: u64) -> bool {
    let mut child = command(data, args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Not a timing assertion: the pause only picks a moment to pull the plug.
    std::thread::sleep(Duration::from_micros(delay));
    let _ = child.kill();
    child.wait().unwrap().success()
}

/// Kill moments closing in on a narrow stretch of a command: each falls in the middle half of
/// the span between the latest kill that came too early and the earliest that came too late.
struct Moments {
    early: u64,
    late: u64,
}

impl Moments {
    fn next(&self, rng: &mut Rng) -> u64 {
        let span = self.late.saturating_sub(self.early).max(2);
        self.early + span / 4 + rng.below(span / 2)
    }
}

/// `text` is on `data`'s computer exactly once.
fn once_on(data: &Path, text: &str, what: &str) {
    let found = notes(data).iter().filter(|t| *t == text).count();
    assert_eq!(found, 1, "{text} on {} ({what})", data.display());
}

/// `sync join` killed at moments after its pairing code is tried (which takes the most time and
/// writes nothing): the computer is either out of the group and joins again, or in it, and then
/// what it held before joining reaches the others at its next sync, once. Each kill is in a group
/// of its own, and the moments close in on the narrowest case: in the group, its records not yet
/// in the folder.
#[test]
fn a_join_killed_part_way_still_brings_the_computers_records_to_the_group() {
    let kills = env_number("LEADBACK_SYNC_JOIN_KILLS", 4);
    let mut rng = Rng(env_number("LEADBACK_CRASH_SEED", 0x1ead_bac4) | 1);
    let root = tempfile::tempdir().unwrap();

    // How long trying a (wrong) code takes, and a whole join: the kills fall between.
    let (_, _, join) = new_group(root.path(), u64::MAX);
    let (probe, _) = computer_used_before(root.path(), u64::MAX);
    let mut wrong = join.clone();
    wrong[5] = "AAAA-AAAA-AAAA-AAAA".to_owned();
    let (refused, code_time) = timed(&probe, &wrong);
    assert!(!refused);
    let (joined, join_time) = timed(&probe, &join);
    assert!(joined);
    let mut moments = Moments {
        early: code_time * 9 / 10,
        late: join_time,
    };

    let (mut outside, mut before_records, mut after_records) = (0, 0, 0);
    // (Kills go on, up to four times as many, until one has fallen in the narrowest case.)
    let mut i = 0;
    while i < kills || (before_records == 0 && i < kills * 4) {
        i += 1;
        let (shared, laptop, join) = new_group(root.path(), i);
        let (desktop, text) = computer_used_before(root.path(), i);
        let delay = moments.next(&mut rng);
        let finished = killed_after(&desktop, &join, delay);
        match device_id(&desktop) {
            None => {
                outside += 1;
                moments.early = delay;
                ok(&desktop, &join.each_ref().map(String::as_str));
            }
            Some(id) => {
                if records_in_folder(&shared, &id) || finished {
                    after_records += 1;
                    moments.late = delay;
                } else {
                    before_records += 1;
                }
                assert!(
                    sync_now(&desktop, None),
                    "the next sync after a killed join"
                );
            }
        }
        assert!(sync_now(&laptop, None));
        once_on(
            &laptop,
            &text,
            if finished {
                "join finished"
            } else {
                "join killed"
            },
        );
        assert!(notes(&desktop).contains(&text));
    }
    println!(
        "{i} joins killed: {outside} before entering the group, {before_records} in it before its records were in the folder, {after_records} after; every computer's note once on the other, integrity ok"
    );
    assert!(
        before_records > 0,
        "no kill of {i} fell between entering the group and sending its records"
    );
}

/// `sync start` killed at moments along its way: the computer is either out of a group, and
/// starts again in the same folder (a key left there by its own start, whose code nobody saw,
/// is taken away), or in it, and then sends its records at its next sync; either way another
/// computer joining gets what it held before. The moments close in on where the key is in the
/// folder and the computer not yet in the group.
#[test]
fn a_start_killed_part_way_can_start_again_and_loses_nothing() {
    let kills = env_number("LEADBACK_SYNC_START_KILLS", 4);
    let mut rng = Rng(env_number("LEADBACK_CRASH_SEED", 0x1ead_bac4) | 1);
    let root = tempfile::tempdir().unwrap();

    let (probe, _) = computer_used_before(root.path(), u64::MAX);
    let probe_folder = root.path().join("Sync-probe");
    std::fs::create_dir_all(&probe_folder).unwrap();
    let start_args =
        |shared: &Path| ["sync", "start", "--folder", shared.to_str().unwrap()].map(str::to_owned);
    let (started, start_time) = timed(&probe, &start_args(&probe_folder));
    assert!(started);
    let mut moments = Moments {
        early: 0,
        late: start_time,
    };

    let (mut early, mut key_left, mut before_records, mut after_records) = (0, 0, 0, 0);
    let mut i = 0;
    while i < kills || (key_left == 0 && i < kills * 4) {
        i += 1;
        let (laptop, text) = computer_used_before(root.path(), i);
        let shared = root.path().join(format!("Sync-{i}"));
        std::fs::create_dir_all(&shared).unwrap();
        let delay = moments.next(&mut rng);
        let finished = killed_after(&laptop, &start_args(&shared), delay);
        let code = match device_id(&laptop) {
            None => {
                if shared.join("leadback-sync.key").exists() {
                    key_left += 1;
                } else {
                    early += 1;
                    moments.early = delay;
                }
                start(&laptop, &shared)
            }
            Some(id) => {
                if records_in_folder(&shared, &id) || finished {
                    after_records += 1;
                } else {
                    before_records += 1;
                }
                // In the group already: later than the stretch looked for.
                moments.late = delay;
                assert!(
                    sync_now(&laptop, None),
                    "the next sync after a killed start"
                );
                let code: serde_json::Value =
                    serde_json::from_str(&ok(&laptop, &["sync", "code", "--json"])).unwrap();
                code["code"].as_str().unwrap().to_owned()
            }
        };
        let desktop = root.path().join(format!("joining-{i}"));
        ok(&desktop, &["me", "--name", "Ada"]);
        ok(
            &desktop,
            &join_args(&shared, &code).each_ref().map(String::as_str),
        );
        once_on(
            &desktop,
            &text,
            if finished {
                "start finished"
            } else {
                "start killed"
            },
        );
    }
    println!(
        "{i} starts killed: {early} before anything was in the folder, {key_left} with the key there and the computer not in the group, {before_records} in it before its records were in the folder, {after_records} after; every note once on the computer joining, integrity ok"
    );
    assert!(
        key_left > 0,
        "no kill of {i} fell between writing the key and entering the group"
    );
}
