//! Crash safety, tested rather than promised: writers run through the real `leadback` binary
//! (check-ins with notes, journal notes, energy, and self-assessment answers typed into
//! `leadback assess`) and are killed with SIGKILL at random moments. Afterwards the database must
//! pass `integrity_check`, and every write a writer acknowledged must be there: a one-shot command
//! acknowledges by exiting successfully, `assess` by asking the next question.
//!
//! The number of kills is `LEADBACK_CRASH_KILLS` (default 50, as in the test command); the
//! benchmark job runs 500 and the README records the result. Kill moments come from a seeded
//! generator (`LEADBACK_CRASH_SEED`), spread over the time one write takes on this machine.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use std::io::{Read, Write as _};
use std::process::Stdio;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use common::{Rng, command, env_number, ok};
use leadback_store::Store;

/// One write a writer makes, and how to find it afterwards.
#[derive(Debug)]
enum Write {
    CheckIn { day: NaiveDate, note: String },
    Note { day: NaiveDate, text: String },
    Energy { day: NaiveDate, level: i64 },
}

impl Write {
    fn args(&self) -> Vec<String> {
        match self {
            Self::CheckIn { day, note } => vec![
                "habits".into(),
                "check".into(),
                "Let".into(),
                "--date".into(),
                day.to_string(),
                "--note".into(),
                note.clone(),
            ],
            Self::Note { day, text } => vec![
                "journal".into(),
                "add".into(),
                text.clone(),
                "--date".into(),
                day.to_string(),
            ],
            Self::Energy { day, level } => vec![
                "energy".into(),
                level.to_string(),
                "--date".into(),
                day.to_string(),
            ],
        }
    }
}

#[test]
fn acknowledged_writes_survive_being_killed_at_any_moment() {
    let kills = env_number("LEADBACK_CRASH_KILLS", 50);
    let mut rng = Rng(env_number("LEADBACK_CRASH_SEED", 0x1ead_bac4) | 1);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["me", "--name", "Ada"]);
    ok(data, &["habits", "add", "let-others-go-first"]);

    let run = |write: &Write, kill_after: Option<Duration>| -> bool {
        let mut child = command(data, write.args())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        if let Some(delay) = kill_after {
            // Not a timing assertion: the pause only picks a random moment to pull the plug.
            std::thread::sleep(delay);
            // Fails only if the writer already exited, which is fine.
            let _ = child.kill();
        }
        child.wait().unwrap().success()
    };

    // How long one write takes here (the slowest of three, as the machine may be busy), so kill
    // moments cover the whole of it.
    let day0 = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let slowest = (0..3)
        .map(|_| {
            let start = Instant::now();
            assert!(run(
                &Write::Energy {
                    day: day0,
                    level: 3
                },
                None
            ));
            start.elapsed().as_micros() as u64
        })
        .max()
        .unwrap_or(0);
    let span = slowest * 5 / 4 + 1;

    let mut acknowledged = Vec::new();
    let mut interrupted = 0;
    let mut answers_checked = 0;
    for i in 0..kills {
        // One writer in four answers the questionnaire; the rest make one-shot writes.
        if rng.below(4) == 0 {
            // Never sooner than a one-shot write takes: the questionnaire starts up like one
            // before its first answer, and a kill before that tests nothing about answers.
            let delay = Duration::from_micros(span + rng.below(span * 3));
            answers_checked += assess_killed(data, delay);
            interrupted += 1;
            continue;
        }
        let day = day0 + chrono::Duration::days(1 + i as i64);
        let write = match rng.below(3) {
            0 => Write::CheckIn {
                day,
                note: format!("crash check-in {i}"),
            },
            1 => Write::Note {
                day,
                text: format!("crash note {i}"),
            },
            _ => Write::Energy {
                day,
                level: 1 + rng.below(5) as i64,
            },
        };
        let delay = Duration::from_micros(rng.below(span));
        if run(&write, Some(delay)) {
            acknowledged.push(write);
        } else {
            interrupted += 1;
        }
    }

    // On a busy machine every questionnaire may have been killed before its first answer; then
    // later kills wait longer and longer, until answers are acknowledged and checked too.
    let mut wait = span * 4;
    for _ in 0..10 {
        if answers_checked > 0 {
            break;
        }
        wait *= 2;
        answers_checked += assess_killed(data, Duration::from_micros(wait));
        interrupted += 1;
    }

    let store = Store::open_in(data).unwrap();
    let info = store.info().unwrap();
    assert_eq!(info.integrity, leadback_store::Integrity::Ok);
    let me = store.me().unwrap().unwrap().id;
    let habit = store.habits(me, true).unwrap()[0].id;
    let check_ins = store.check_ins(habit).unwrap();
    let journal = store.journal(me, &Default::default()).unwrap();
    let energy = store.energy(me).unwrap();
    for write in &acknowledged {
        let found = match write {
            // The check-in, and its note in the journal the triggers keep.
            Write::CheckIn { day, note } => {
                check_ins
                    .iter()
                    .any(|c| c.day == *day && c.note.as_deref() == Some(note))
                    && journal.iter().any(|e| e.day == *day && e.text == *note)
            }
            Write::Note { day, text } => journal.iter().any(|e| e.day == *day && e.text == *text),
            Write::Energy { day, level } => {
                energy.iter().any(|e| e.day == *day && e.level == *level)
            }
        };
        assert!(found, "acknowledged but lost: {write:?}");
    }
    assert!(
        answers_checked > 0,
        "no assessment answer was acknowledged before a kill"
    );
    // A harness whose kills never land tests nothing.
    assert!(
        interrupted * 5 >= kills,
        "only {interrupted} of {kills} writers were interrupted"
    );
    println!(
        "{kills} writers, {interrupted} killed before acknowledging, {} acknowledged writes and {answers_checked} acknowledged answers all present, integrity ok",
        acknowledged.len()
    );
}

/// Runs `leadback assess` with every answer typed ahead, kills it after `delay`, and checks that
/// each answer it acknowledged (by asking the question after it) was saved. Returns how many
/// answers that was.
fn assess_killed(data: &std::path::Path, delay: Duration) -> usize {
    let mut child = command(data, ["assess"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // "3" answers every statement (1–5) and picks a scenario's third option; the questionnaire
    // is far shorter than this.
    let _ = child
        .stdin
        .take()
        .unwrap()
        .write_all("3\n".repeat(200).as_bytes());
    std::thread::sleep(delay);
    let _ = child.kill();
    child.wait().unwrap();
    let mut printed = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut printed)
        .unwrap();

    // "[N/total]" asks question N, so questions before N were answered and saved. After the
    // first, each follows the "> " the previous question's answer was read at (input from a pipe
    // is not echoed).
    let asked = printed
        .lines()
        .filter_map(|line| {
            line.trim_start_matches("> ")
                .strip_prefix('[')?
                .split('/')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .max()
        .unwrap_or(1);
    let acknowledged = asked - 1;
    if acknowledged == 0 {
        return 0;
    }
    let store = Store::open_in(data).unwrap();
    let me = store.me().unwrap().unwrap().id;
    match store.open_assessment(me).unwrap() {
        Some(open) => {
            let saved = open.answers.len() + open.choices.len();
            assert!(
                saved >= acknowledged && open.position >= acknowledged as i64,
                "{acknowledged} answers acknowledged, {saved} saved, position {}",
                open.position
            );
        }
        // Finished: every answer was saved with it.
        None => assert!(!store.completed_assessments(me).unwrap().is_empty()),
    }
    acknowledged
}
