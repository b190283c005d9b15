//! Running the `leadback` binary as a user does: a real process, its data in a folder of the test's.
#![allow(dead_code, clippy::expect_used)] // Each test file uses some of these.

use std::path::Path;
use std::process::{Command, Output};

pub fn leadback(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leadback"))
        .args(args)
        .env("LEADBACK_DATA_DIR", data_dir)
        .output()
        .expect("run leadback")
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
