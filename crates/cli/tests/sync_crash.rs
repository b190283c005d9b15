//! Sync survives being killed: `leadback sync now` on the computer writing its changes and on the
//! one applying them is killed with SIGKILL at random moments. Afterwards both databases pass
//! `integrity_check`, the next sync completes, and every journal note the first computer
//! acknowledged is on the second exactly once — nothing lost, nothing applied twice. And
//! `leadback sync join` killed part way: what the joining computer held reaches the group.
//!
//! Kills: `LEADBACK_SYNC_CRASH_KILLS` (default 16) and `LEADBACK_SYNC_JOIN_KILLS` (default 4),
//! seeded by `LEADBACK_CRASH_SEED`.
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

/// A group of one computer ("the laptop", with "me" only) in a folder of its own, `i` naming
/// both; its laptop's data folder, the group's folder and `sync join` with its pairing code.
fn new_group(root: &Path, i: u64) -> (PathBuf, PathBuf, [String; 6]) {
    let shared = root.join(format!("Sync-{i}"));
    let laptop = root.join(format!("laptop-{i}"));
    std::fs::create_dir_all(&shared).unwrap();
    ok(&laptop, &["me", "--name", "Ada"]);
    let folder = shared.to_str().unwrap().to_owned();
    let started: serde_json::Value = serde_json::from_str(&ok(
        &laptop,
        &["sync", "start", "--folder", &folder, "--json"],
    ))
    .unwrap();
    let code = started["code"].as_str().unwrap().to_owned();
    let join = ["sync", "join", "--folder", &folder, "--code", &code].map(str::to_owned);
    (shared, laptop, join)
}

/// A computer with two years of its own records and a coach's clients (so that sending them takes a moment) and a note
/// written on it, `i` making the note its own.
fn computer_used_before(root: &Path, i: u64) -> (PathBuf, String) {
    let data = root.join(format!("desktop-{i}"));
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
    let text = format!("written before joining {i}");
    ok(&data, &["journal", "add", &text]);
    (data, text)
}

/// `sync join` killed at moments after its pairing code is tried (which takes the most time and
/// writes nothing): the computer is either out of the group and joins again, or in it, and then
/// what it held before joining reaches the others at its next sync, once. Each kill is in a group
/// of its own, and the moments close in on the narrowest case, halving the span between a kill
/// too early and one too late: in the group, its records not yet in the folder.
#[test]
fn a_join_killed_part_way_still_brings_the_computers_records_to_the_group() {
    let kills = env_number("LEADBACK_SYNC_JOIN_KILLS", 4);
    let mut rng = Rng(env_number("LEADBACK_CRASH_SEED", 0x1ead_bac4) | 1);
    let root = tempfile::tempdir().unwrap();

    // How long trying a (wrong) code takes, and a whole join: the kills fall between.
    let timed = |data: &Path, args: &[String]| {
        let start = Instant::now();
        let done = command(data, args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        (done.success(), start.elapsed().as_micros() as u64)
    };
    let (_, _, join) = new_group(root.path(), u64::MAX);
    let (probe, _) = computer_used_before(root.path(), u64::MAX);
    let mut wrong = join.clone();
    wrong[5] = "AAAA-AAAA-AAAA-AAAA".to_owned();
    let (refused, code_time) = timed(&probe, &wrong);
    assert!(!refused);
    let (joined, join_time) = timed(&probe, &join);
    assert!(joined);
    let (mut early, mut late) = (code_time * 9 / 10, join_time);

    let (mut outside, mut before_records, mut after_records) = (0, 0, 0);
    // (Kills go on, up to four times as many, until one has fallen in the narrowest case.)
    let mut i = 0;
    while i < kills || (before_records == 0 && i < kills * 4) {
        i += 1;
        let (shared, laptop, join) = new_group(root.path(), i);
        let (desktop, text) = computer_used_before(root.path(), i);
        let mut child = command(&desktop, &join)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Not a timing assertion: the pause only picks a moment to pull the plug.
        let span = late.saturating_sub(early).max(2);
        let delay = early + span / 4 + rng.below(span / 2);
        std::thread::sleep(Duration::from_micros(delay));
        let _ = child.kill();
        let finished = child.wait().unwrap().success();

        match device_id(&desktop) {
            None => {
                outside += 1;
                early = delay;
                let join: Vec<&str> = join.iter().map(String::as_str).collect();
                ok(&desktop, &join);
            }
            Some(id) => {
                let records_sent = std::fs::read_dir(shared.join(&id))
                    .map(|files| files.count() > 0)
                    .unwrap_or(false);
                if records_sent || finished {
                    after_records += 1;
                    late = delay;
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
        let on_laptop = notes(&laptop);
        assert_eq!(
            on_laptop.iter().filter(|t| **t == text).count(),
            1,
            "{text} on the laptop (join {})",
            if finished { "finished" } else { "killed" }
        );
        assert!(notes(&desktop).contains(&text));
    }
    println!(
        "{i} joins killed: {outside} before entering the group, {before_records} in it before its records were in the folder, {after_records} after; every computer's note once on the laptop, integrity ok"
    );
    assert!(
        before_records > 0,
        "no kill of {i} fell between entering the group and sending its records"
    );
}
