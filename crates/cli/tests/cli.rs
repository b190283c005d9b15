//! The `leadback` binary as a user runs it: real processes, a temporary data folder each.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

use std::path::Path;
use std::process::{Command, Output};

fn leadback(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leadback"))
        .args(args)
        .env("LEADBACK_DATA_DIR", data_dir)
        .output()
        .expect("run leadback")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn me_without_a_profile_explains_how_to_set_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = leadback(dir.path(), &["me"]);
    assert!(out.status.success());
    assert!(
        stdout(&out).contains("leadback me --name"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn me_sets_the_name_and_info_counts_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let set = leadback(dir.path(), &["me", "--name", "  Grace Hopper "]);
    assert!(set.status.success(), "{set:?}");
    assert_eq!(
        stdout(&leadback(dir.path(), &["me"])).trim(),
        "Grace Hopper"
    );

    let info = stdout(&leadback(dir.path(), &["info"]));
    assert!(info.contains("integrity:      ok"), "{info}");
    assert!(info.contains("schema version: 1"), "{info}");
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().eq(["person", "1"])),
        "{info}"
    );
    assert!(info.contains(&dir.path().display().to_string()), "{info}");
}

#[test]
fn the_data_dir_flag_beats_the_environment() {
    let env_dir = tempfile::tempdir().unwrap();
    let flag_dir = tempfile::tempdir().unwrap();
    let flag = flag_dir.path().to_str().unwrap();
    let out = leadback(env_dir.path(), &["--data-dir", flag, "me", "--name", "Lin"]);
    assert!(out.status.success());
    assert!(flag_dir.path().join("leadback.sqlite3").is_file());
    assert!(!env_dir.path().join("leadback.sqlite3").exists());
}

#[test]
fn a_rejected_name_exits_2_with_the_reason_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let long = "x".repeat(10_000);
    for (bad, reason) in [
        ("   ", "can't be empty"),
        (long.as_str(), "too long: 10000"),
    ] {
        let out = leadback(&data_dir, &["me", "--name", bad]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(reason), "stderr: {err}");
    }
    assert!(
        !data_dir.exists(),
        "a refused command must not create anything"
    );
}

#[test]
fn a_damaged_database_is_reported_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("leadback.sqlite3"),
        b"not sqlite".repeat(100),
    )
    .unwrap();
    let out = leadback(dir.path(), &["info"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is damaged"));
}
