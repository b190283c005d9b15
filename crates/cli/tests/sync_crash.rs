//! Sync survives being killed: `leadback sync now` on the computer writing its changes and on the
//! one applying them is killed with SIGKILL at random moments. Afterwards both databases pass
//! `integrity_check`, the next sync completes, and every journal note the first computer
//! acknowledged is on the second exactly once — nothing lost, nothing applied twice.
//!
//! Kills: `LEADBACK_SYNC_CRASH_KILLS` (default 16), seeded by `LEADBACK_CRASH_SEED`.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use std::path::Path;
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
