use chrono::TimeZone;

use super::*;

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
        .single()
        .expect("a valid test time")
}

#[test]
fn names_carry_the_time_and_reason_and_read_back() {
    let taken = at(2026, 11, 22, 7);
    for reason in BackupReason::ALL {
        for attempt in [0, 1, 12] {
            let name = file_name(taken, reason, attempt);
            assert_eq!(parse_name(&name), Some((taken, reason, attempt)), "{name}");
        }
    }
    assert_eq!(
        file_name(taken, BackupReason::BeforeImport, 0),
        "leadback-20261122T070000Z-before-import.sqlite3"
    );
}

#[test]
fn other_files_in_the_folder_are_not_backups() {
    for name in [
        "notes.txt",
        "leadback.sqlite3",
        "leadback-20261122T070000Z-daily.partial",
        "leadback-20261122T070000Z-weekly.sqlite3",
        "leadback-20261122T070000Z-daily-.sqlite3",
        "leadback-20261122T070000Z-daily-x.sqlite3",
        "leadback-2026112T070000Z-daily.sqlite3",
        "leadback-20261322T070000Z-daily.sqlite3",
    ] {
        assert_eq!(parse_name(name), None, "{name}");
    }
}

#[test]
fn rotation_keeps_the_newest_then_one_a_day_for_a_week_and_one_a_week_for_a_month() {
    // Two backups a day for 60 days, newest first.
    let newest = at(2026, 11, 22, 20);
    let times: Vec<_> = (0..120)
        .map(|i| newest - chrono::Duration::hours(12 * i))
        .collect();
    let keep = backups_to_keep(&times);
    let kept: Vec<_> = keep.iter().map(|&i| times[i]).collect();

    // The three newest, whatever the day.
    assert!(keep.contains(&0) && keep.contains(&1) && keep.contains(&2));
    // The newest of each of the last seven days.
    for day in 0..7 {
        let evening = newest - chrono::Duration::days(day);
        assert!(kept.contains(&evening), "day {day}");
    }
    // Nothing older than the fourth ISO week counting this one.
    let oldest = kept.iter().min().copied().expect("something kept");
    assert!(oldest >= at(2026, 10, 26, 0), "kept {oldest}");
    // 3 newest (2 days' worth), +5 more days, +3 older weeks' newest.
    assert_eq!(keep.len(), 3 + 5 + 3, "{kept:?}");
}

#[test]
fn rotation_of_a_few_backups_keeps_them_all() {
    let times = [at(2026, 11, 22, 9), at(2026, 11, 22, 8)];
    assert_eq!(backups_to_keep(&times).len(), 2);
    assert!(backups_to_keep(&[]).is_empty());
}
