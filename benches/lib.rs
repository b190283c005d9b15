//! Shared set-up for the benchmarks: realistic data built through the same core and store the app
//! uses. Only benchmarks depend on this crate.

use chrono::{DateTime, Duration, TimeZone, Utc};
use leadback_core::PersonName;
use leadback_core::assessment::{AnswerSheet, Instrument, Step};
use leadback_store::{Store, StoreError};

/// A fixed start so every run builds the same data.
pub fn epoch() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2016, 1, 4, 9, 0, 0)
        .single()
        .unwrap_or_default()
}

/// A complete answer sheet whose answers vary with `seed` (a cheap deterministic spread, not RNG).
pub fn sheet(instrument: &Instrument, seed: u64) -> AnswerSheet {
    let scale = instrument.scale();
    let span = u64::try_from(scale.max - scale.min + 1).unwrap_or(1);
    let mut sheet = AnswerSheet::default();
    let ids = instrument
        .items()
        .iter()
        .map(|i| &i.id)
        .chain(instrument.energy_items().iter().map(|i| &i.id));
    for (n, id) in (0u64..).zip(ids) {
        let offset = i64::try_from((seed.wrapping_mul(31) + n * 7) % span).unwrap_or(0);
        sheet.answers.insert(id.clone(), Some(scale.min + offset));
    }
    for (n, scenario) in (0u64..).zip(instrument.scenarios()) {
        let index = usize::try_from((seed + n) % 3).unwrap_or(0);
        if let Some(option) = scenario.options.get(index) {
            sheet
                .scenarios
                .insert(scenario.id.clone(), option.id.clone());
        }
    }
    sheet
}

/// "Me" with `count` finished assessments, a week apart, saved answer by answer as the app does.
pub fn store_with_history(
    store: &mut Store,
    instrument: &Instrument,
    count: u64,
) -> Result<i64, StoreError> {
    let name =
        PersonName::parse("Bench Person").map_err(|e| StoreError::InvalidRecord(e.to_string()))?;
    let me = store.set_my_name(&name, epoch())?.id;
    let steps = leadback_core::assessment::Questionnaire::new(instrument.view()).steps;
    for week in 0..count {
        let at = epoch() + Duration::weeks(i64::try_from(week).unwrap_or(0));
        let record =
            store.start_assessment(me, instrument.id(), i64::from(instrument.version()), at)?;
        let sheet = sheet(instrument, week);
        for (position, step) in (1i64..).zip(&steps) {
            match step {
                Step::Item(id) | Step::Energy(id) => {
                    let value = sheet.answers.get(id).copied().flatten();
                    store.save_answer(record.id, id, value, position, at)?;
                }
                Step::Scenario(id) => {
                    let option = sheet.scenarios.get(id).map(String::as_str);
                    store.save_choice(record.id, id, option, position, at)?;
                }
            }
        }
        store.complete_assessment(record.id, at + Duration::minutes(12))?;
    }
    Ok(me)
}

/// The day after the big dataset's last day: imports refuse days still to come.
pub fn after_ten_years() -> DateTime<Utc> {
    epoch() + Duration::days(TEN_YEARS + 1)
}

/// Habits in the big dataset, and the days each has been checked in.
pub const HABITS: i64 = 20;
pub const TEN_YEARS: i64 = 3653;

/// "Me" with [`HABITS`] daily habits checked in for ten years, imported from a Loop backup, in a
/// data folder under `dir`. Returns the store and my id.
pub fn ten_years_of_habits(dir: &std::path::Path) -> Result<(Store, i64), StoreError> {
    ten_years_of(dir, false)
}

/// [`ten_years_of_habits`] with measurable habits: at least 10 minutes a week each, an amount on
/// about four days in five.
pub fn ten_years_of_measurable_habits(dir: &std::path::Path) -> Result<(Store, i64), StoreError> {
    ten_years_of(dir, true)
}

fn ten_years_of(dir: &std::path::Path, measurable: bool) -> Result<(Store, i64), StoreError> {
    let backup = dir.join("loop.db");
    loop_backup_of(&backup, HABITS, TEN_YEARS, measurable)?;
    let mut store = Store::open_in(&dir.join("data"))?;
    let name = PersonName::parse("Bench").map_err(|e| StoreError::InvalidRecord(e.to_string()))?;
    let me = store.set_my_name(&name, epoch())?.id;
    let export = leadback_store::loop_import::read_backup(&backup)?;
    store.import_loop(me, "loop.db", &export, after_ten_years())?;
    Ok((store, me))
}

/// A Loop backup (the newest schema shape) with `habits` daily habits and `days` days each, about
/// four in five days done, written to `path`.
pub fn loop_backup(path: &std::path::Path, habits: i64, days: i64) -> rusqlite::Result<i64> {
    loop_backup_of(path, habits, days, false)
}

/// [`loop_backup`], of measurable habits when asked (Loop's numerical type: 10 minutes a week,
/// 2.5 minutes on the days done).
fn loop_backup_of(
    path: &std::path::Path,
    habits: i64,
    days: i64,
    measurable: bool,
) -> rusqlite::Result<i64> {
    let mut conn = rusqlite::Connection::open(path)?;
    conn.execute_batch(
        "CREATE TABLE Habits (id INTEGER PRIMARY KEY, archived INTEGER, name TEXT, freq_num INTEGER,
           freq_den INTEGER, position INTEGER, type INTEGER, question TEXT, uuid TEXT,
           target_type INTEGER NOT NULL DEFAULT 0, target_value REAL NOT NULL DEFAULT 0,
           unit TEXT NOT NULL DEFAULT '');
         CREATE TABLE Repetitions (id INTEGER PRIMARY KEY, habit INTEGER, timestamp INTEGER,
           value INTEGER, notes TEXT);
         PRAGMA user_version = 24;",
    )?;
    let tx = conn.transaction()?;
    let start_ms = epoch()
        .date_naive()
        .and_time(chrono::NaiveTime::MIN)
        .and_utc()
        .timestamp_millis();
    let (kind, per, done) = if measurable { (1, 7, 2_500) } else { (0, 1, 2) };
    let mut rows = 0;
    for habit in 0..habits {
        tx.execute(
            "INSERT INTO Habits (id, archived, name, freq_num, freq_den, position, type, uuid,
               target_value, unit)
             VALUES (?1, 0, ?2, 1, ?3, ?1, ?4, ?5, 10.0, 'minutes')",
            rusqlite::params![
                habit,
                format!("Habit {habit}"),
                per,
                kind,
                format!("uuid-{habit}")
            ],
        )?;
        for day in 0..days {
            // A fixed, irregular pattern: skip days where (day × 7 + habit) mod 5 == 0.
            let value = if (day * 7 + habit) % 5 == 0 { 0 } else { done };
            tx.execute(
                "INSERT INTO Repetitions (habit, timestamp, value) VALUES (?1, ?2, ?3)",
                rusqlite::params![habit, start_ms + day * 86_400_000, value],
            )?;
            rows += 1;
        }
    }
    tx.commit()?;
    Ok(rows)
}

/// The day the demo datasets end on: the benchmarks' fixed "today".
pub fn demo_today() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
        .single()
        .unwrap_or_default()
}

/// Fills the empty data folder `dir` with `leadback demo`'s data for `shape` and `seed`, as of
/// [`demo_today`], the way the CLI does (made in memory, written in one step).
pub fn demo_data_dir(
    dir: &std::path::Path,
    shape: leadback_demo::Shape,
    coaching: Option<leadback_demo::Coaching>,
    seed: u64,
) -> Result<(), String> {
    let clock = leadback_core::FixedClock::new(demo_today());
    let demo = leadback_demo::generate(shape, coaching, seed, &clock).map_err(|e| e.to_string())?;
    let doc = demo
        .store
        .export_all(demo_today())
        .map_err(|e| e.to_string())?;
    let mut disk = Store::open_in(dir).map_err(|e| e.to_string())?;
    disk.import_all(&doc).map_err(|e| e.to_string())
}
