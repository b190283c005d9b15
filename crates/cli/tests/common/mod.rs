//! Running the `leadback` binary as a user does: a real process, its data in a folder of the test's;
//! and what the tests of refusals share: every row of the database, to prove a refused command
//! wrote nothing, and a coach with a client to refuse things to. The fixed clock and records made
//! through the store come from `leadback-testkit`.
#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)] // Each test file uses some of these.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output};

use chrono::Utc;
use leadback_store::Store;
use serde_json::Value;

/// The binary, about to run `args` on the data in `data_dir`.
pub fn command(data_dir: &Path, args: impl IntoIterator<Item = impl AsRef<OsStr>>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_leadback"));
    command.args(args).env("LEADBACK_DATA_DIR", data_dir);
    command
}

pub fn leadback(data_dir: &Path, args: &[&str]) -> Output {
    command(data_dir, args).output().expect("run leadback")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs and insists on success, returning what was printed.
pub fn ok(data_dir: &Path, args: &[&str]) -> String {
    let out = leadback(data_dir, args);
    assert!(
        out.status.success(),
        "leadback {args:?} failed: {}",
        stderr(&out)
    );
    stdout(&out)
}

/// Every row of every table, to prove a refused command wrote nothing.
pub fn rows(dir: &Path) -> Value {
    let store = Store::open_in(dir).unwrap();
    serde_json::to_value(store.export_all(Utc::now()).unwrap().tables).unwrap()
}

/// Runs a command that must be refused with exit code 2, a message containing `why`, and no write.
pub fn refused(dir: &Path, args: &[&str], why: &str) {
    let before = rows(dir);
    let out = leadback(dir, args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    assert!(stderr(&out).contains(why), "{args:?}: {}", stderr(&out));
    assert_eq!(rows(dir), before, "{args:?} wrote something");
}

/// "Coach Kim" and their client "Noor Hadad", who agreed to "Notes kept on this laptop.", added
/// from the command line; `details` go on to `person add` (`--contact`, `--tag`…).
pub fn coach_with_client(dir: &Path, details: &[&str]) {
    ok(dir, &["me", "--name", "Coach Kim"]);
    let add = [
        "person",
        "add",
        "Noor Hadad",
        "--consent",
        "Notes kept on this laptop.",
    ];
    ok(dir, &[&add[..], details].concat());
}

/// xorshift64*: a few lines are enough for spreading kill moments; seeded, so a failure replays.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A number from the environment, or `default`.
pub fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
