//! The `leadback` binary as a user runs it: real processes, a temporary data folder each.
#![allow(clippy::expect_used, clippy::unwrap_used)] // In tests a panic is a failure report.

mod common;

use std::path::Path;
use std::process::{Output, Stdio};

use common::{command, leadback, stdout};
use leadback_testkit::loop_fixture;

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
    let version = format!(
        "schema version: {}",
        leadback_store::latest_schema_version()
    );
    assert!(info.contains(&version), "{info}");
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

fn leadback_with_input(data_dir: &Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = command(data_dir, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn instrument_json() -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let out = leadback(dir.path(), &["instrument", "show", "--json"]);
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Writes an answers file giving `value` to every item and option `option` to every scenario.
fn answers_file(dir: &Path, value: serde_json::Value, option: &str) -> std::path::PathBuf {
    let instrument = instrument_json();
    let mut answers = serde_json::Map::new();
    let items = instrument["items"].as_array().unwrap();
    for item in items
        .iter()
        .chain(instrument["energy"]["items"].as_array().unwrap())
    {
        answers.insert(item["id"].as_str().unwrap().to_owned(), value.clone());
    }
    let scenarios: serde_json::Map<String, serde_json::Value> = instrument["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap().to_owned(), option.into()))
        .collect();
    let file = serde_json::json!({
        "instrument": instrument["id"], "version": instrument["version"],
        "answers": answers, "scenarios": scenarios,
    });
    let path = dir.join("answers.json");
    std::fs::write(&path, file.to_string()).unwrap();
    path
}

#[test]
fn instrument_show_json_lists_every_item_with_its_key_and_the_scale() {
    let instrument = instrument_json();
    assert_eq!(
        (
            instrument["scale"]["min"].as_i64(),
            instrument["scale"]["max"].as_i64()
        ),
        (Some(1), Some(5))
    );
    let items = instrument["items"].as_array().unwrap();
    assert!(items.len() >= 24);
    for item in items {
        assert!(item["id"].is_string());
        assert!(["front", "behind", "servant"].contains(&item["stance"].as_str().unwrap()));
        assert!(item["reverse"].is_boolean());
    }
}

#[test]
fn score_json_prints_the_three_stances_situation_energy_and_label() {
    let dir = tempfile::tempdir().unwrap();
    let path = answers_file(dir.path(), 3.into(), "a");
    let out = leadback(dir.path(), &["score", path.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{out:?}");
    let scores: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Every answer is the middle of the scale, so every stance sits at 50 whichever way it is keyed.
    for stance in ["front", "behind", "servant", "energy"] {
        assert_eq!(scores[stance], 50.0, "{stance}: {scores}");
    }
    assert!(scores["situational"].is_number());
    assert!(scores["label"].is_string());
    assert!(
        !dir.path().join("leadback.sqlite3").exists(),
        "scoring never touches the database"
    );
}

#[test]
fn score_reports_too_few_answers_as_null_not_a_guess() {
    let dir = tempfile::tempdir().unwrap();
    let path = answers_file(dir.path(), serde_json::Value::Null, "a");
    let out = leadback(dir.path(), &["score", path.to_str().unwrap(), "--json"]);
    let scores: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(scores["front"], serde_json::Value::Null);
}

#[test]
fn score_refuses_bad_answer_files_with_exit_2_and_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(answers_file(dir.path(), 3.into(), "a")).unwrap();
    let cases = [
        (good.replacen("front-01", "front-99", 1), "front-99"),
        (good.replacen(":3,", ":9,", 1), "outside the scale"),
        (good.replace("\"version\":1", "\"version\":7"), "version 7"),
        (good.replace("\"a\"", "\"z\""), "no option \"z\""),
        ("{ not json".to_owned(), "not a valid answers file"),
    ];
    for (text, problem) in cases {
        let path = dir.path().join("bad.json");
        std::fs::write(&path, &text).unwrap();
        let out = leadback(dir.path(), &["score", path.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{problem}: {err}");
        assert!(err.contains(problem), "expected {problem:?} in: {err}");
    }
    let missing = leadback(dir.path(), &["score", "/no/such/answers.json"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn assess_saves_each_answer_so_a_stopped_assessment_resumes_and_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let no_profile = leadback_with_input(dir.path(), &["assess"], "");
    assert_eq!(
        no_profile.status.code(),
        Some(2),
        "a profile is needed first"
    );
    leadback(dir.path(), &["me", "--name", "Ada"]);

    let stopped = leadback_with_input(dir.path(), &["assess"], "4\n4\nx\n4\nq\n");
    let text = String::from_utf8_lossy(&stopped.stdout);
    assert!(text.contains("Please type a number from 1 to 5"), "{text}");
    assert!(text.contains("Stopped at question 4 of 44"), "{text}");

    // 41 more answers: the rest of the items, the scenarios (options 1–3), the energy items.
    let rest: String = (4..=44)
        .map(|n| if (31..=38).contains(&n) { "2\n" } else { "5\n" })
        .collect();
    let finished = leadback_with_input(dir.path(), &["assess"], &rest);
    let text = String::from_utf8_lossy(&finished.stdout);
    assert!(text.contains("Resuming at question 4 of 44"), "{text}");
    assert!(text.contains("Done. Here is your profile"), "{text}");
    let info = String::from_utf8_lossy(&leadback(dir.path(), &["info"]).stdout).into_owned();
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().eq(["assessment", "1"])),
        "{info}"
    );
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().eq(["assessment_answer", "36"])),
        "{info}"
    );
}

#[test]
fn habits_check_and_list_json_show_strength_and_streaks() {
    let dir = tempfile::tempdir().unwrap();
    leadback(dir.path(), &["me", "--name", "Ada"]);
    let added = leadback(dir.path(), &["habits", "add", "listen-before-speaking"]);
    assert!(added.status.success(), "{added:?}");
    for date in ["2026-03-01", "2026-03-02", "2026-03-03"] {
        let out = leadback(
            dir.path(),
            &[
                "habits",
                "check",
                "listen",
                "--date",
                date,
                "--note",
                "Let Sam finish.",
            ],
        );
        assert!(out.status.success(), "{out:?}");
    }
    let out = leadback(
        dir.path(),
        &["habits", "list", "--as-of", "2026-03-03", "--json"],
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = &rows[0];
    assert_eq!(row["stance"], "servant");
    assert_eq!(row["schedule"], "every day");
    assert_eq!(
        (row["current_streak"].as_u64(), row["best_streak"].as_u64()),
        (Some(3), Some(3))
    );
    // Three daily check-ins from zero: 1 − m³ with m = 0.5^(1/13) (Loop's formula).
    let m = 0.5f64.powf(1.0 / 13.0);
    let expected = 1.0 - m.powi(3);
    assert!(
        (row["strength"].as_f64().unwrap() - expected).abs() < 1e-6,
        "{row}"
    );
}

#[test]
fn habits_check_refuses_days_to_come_unknown_states_and_unknown_habits_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    leadback(dir.path(), &["me", "--name", "Ada"]);
    leadback(dir.path(), &["habits", "add", "real-break"]);
    let cases: [&[&str]; 3] = [
        &["habits", "check", "take", "--date", "2999-01-01"],
        &["habits", "check", "take", "--state", "maybe"],
        &["habits", "check", "juggle"],
    ];
    for args in cases {
        let out = leadback(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
    }
    let out = leadback(dir.path(), &["habits", "list", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        rows[0]["today"],
        serde_json::Value::Null,
        "nothing was written"
    );
}

#[test]
fn import_loop_brings_the_backup_in_once() {
    let dir = tempfile::tempdir().unwrap();
    leadback(dir.path(), &["me", "--name", "Ada"]);
    let fixture = loop_fixture("loop-schema12.db");
    let first = leadback(dir.path(), &["import", "loop", fixture.to_str().unwrap()]);
    assert!(
        stdout(&first).contains("Imported 9 new habits"),
        "{first:?}"
    );
    let second = leadback(dir.path(), &["import", "loop", fixture.to_str().unwrap()]);
    assert!(
        stdout(&second).contains("Imported 0 new habits (9 already here), 0 check-ins"),
        "{second:?}"
    );

    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a loop file at all").unwrap();
    let refused = leadback(dir.path(), &["import", "loop", junk.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("neither a Loop backup"));
}

#[test]
fn energy_is_a_number_from_1_to_5() {
    let dir = tempfile::tempdir().unwrap();
    leadback(dir.path(), &["me", "--name", "Ada"]);
    assert!(leadback(dir.path(), &["energy", "4"]).status.success());
    assert_eq!(
        leadback(dir.path(), &["energy", "9"]).status.code(),
        Some(2)
    );
    let info = stdout(&leadback(dir.path(), &["info"]));
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().eq(["energy_check_in", "1"])),
        "{info}"
    );
}

#[test]
fn exercise_list_json_holds_the_library_and_a_programme_exports_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = leadback(dir.path(), &["exercise", "list", "--json"]);
    let exercises: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = exercises
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"walk-at-the-back") && ids.contains(&"shepherds-debrief"),
        "{ids:?}"
    );

    let file = dir.path().join("programme.json");
    let out = leadback(
        dir.path(),
        &[
            "programme",
            "export",
            "three-days-at-the-back",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let exported: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(exported["format"], "leadback-programme");
    let missing = leadback(
        dir.path(),
        &[
            "programme",
            "export",
            "no-such-programme",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(missing.status.code(), Some(2));
}

fn results_file(dir: &Path, code: &str, before: f64, after: f64) -> std::path::PathBuf {
    use leadback_core::assessment::StanceScores;
    let scores = |v: f64| StanceScores {
        front: Some(v),
        behind: Some(100.0 - v),
        servant: Some(50.0),
    };
    let file = leadback_core::cohort::ResultsFile::new(
        "three-days-at-the-back",
        code,
        None,
        Some(scores(before)),
        Some(scores(after)),
        &["walk-at-the-back".to_owned()],
    )
    .unwrap();
    let path = dir.join(format!("{code}.json"));
    std::fs::write(&path, file.seal()).unwrap();
    path
}

#[test]
fn cohort_import_and_summary_follow_each_participant_once() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<_> = [("A", 80.0, 60.0), ("B", 70.0, 50.0), ("C", 60.0, 40.0)]
        .iter()
        .map(|(code, before, after)| results_file(dir.path(), code, *before, *after))
        .collect();
    let mut args = vec!["cohort", "import"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    assert!(leadback(dir.path(), &args).status.success());
    // A participant sends a corrected file: it replaces theirs.
    let again = results_file(dir.path(), "A", 80.0, 60.0);
    leadback(dir.path(), &["cohort", "import", again.to_str().unwrap()]);

    let out = leadback(dir.path(), &["cohort", "summary", "--json"]);
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["participants"], 3);
    let front = &summary["stances"]["front"];
    assert_eq!(
        (front["n"].as_u64(), front["mean_before"].as_f64()),
        (Some(3), Some(70.0))
    );
    assert_eq!(
        (front["mean_after"].as_f64(), front["mean_change"].as_f64()),
        (Some(50.0), Some(-20.0))
    );

    let tampered = dir.path().join("tampered.json");
    std::fs::write(
        &tampered,
        std::fs::read_to_string(&files[1])
            .unwrap()
            .replace("70", "99"),
    )
    .unwrap();
    let refused = leadback(
        dir.path(),
        &[
            "cohort",
            "import",
            files[2].to_str().unwrap(),
            tampered.to_str().unwrap(),
        ],
    );
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
}

#[test]
fn the_journal_lists_searches_and_exports_what_was_written() {
    let dir = tempfile::tempdir().unwrap();
    leadback(dir.path(), &["me", "--name", "Ada"]);
    leadback(dir.path(), &["habits", "add", "listen-before-speaking"]);
    leadback(
        dir.path(),
        &[
            "habits",
            "check",
            "listen",
            "--date",
            "2026-03-02",
            "--note",
            "Let Sam finish his story.",
        ],
    );
    leadback(
        dir.path(),
        &[
            "journal",
            "add",
            "Quiet week; more room for the team.",
            "--date",
            "2026-03-03",
        ],
    );
    let all = stdout(&leadback(dir.path(), &["journal"]));
    assert!(
        all.find("Quiet week").unwrap() < all.find("Let Sam").unwrap(),
        "newest first: {all}"
    );
    let found = stdout(&leadback(dir.path(), &["journal", "--search", "story"]));
    assert!(
        found.contains("Let Sam finish") && !found.contains("Quiet week"),
        "{found}"
    );
    let file = dir.path().join("journal.md");
    leadback(dir.path(), &["journal", "--export", file.to_str().unwrap()]);
    let markdown = std::fs::read_to_string(file).unwrap();
    assert!(
        markdown.starts_with("# Ada's journal") && markdown.contains("## Monday 2 March 2026"),
        "{markdown}"
    );
}

#[test]
fn listing_habits_skips_the_whole_file_check_but_still_reports_damage_it_meets() {
    let dir = tempfile::tempdir().unwrap();
    leadback(dir.path(), &["me", "--name", "Ada"]);
    leadback(dir.path(), &["habits", "add", "real-break"]);
    let listed = leadback(dir.path(), &["habits", "list", "--json"]);
    assert!(listed.status.success(), "{listed:?}");

    // Every page after the first (the schema's) overwritten: the list meets the damage when it
    // reads the person and their habits, and says so as the start-up check would.
    let file = dir.path().join("leadback.sqlite3");
    let mut bytes = std::fs::read(&file).unwrap();
    let page = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65_536,
        size => usize::from(size),
    };
    assert!(bytes.len() > 2 * page, "the file has pages to damage");
    for byte in &mut bytes[page..] {
        *byte = 0xa5;
    }
    std::fs::write(&file, &bytes).unwrap();
    let out = leadback(dir.path(), &["habits", "list", "--json"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is damaged"),
        "{out:?}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), bytes, "nothing was written");
}
