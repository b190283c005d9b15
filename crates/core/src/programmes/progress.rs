//! How far a participant is through a programme, day by day. Progress is recorded as the set of
//! item keys done (the store keeps them); this turns that set into what the "today's programme"
//! screen shows. Keys the programme does not have are ignored, so a note left by an older version
//! of the programme does no harm.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Programme;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DayProgress {
    /// 1 for the first day.
    pub day: u32,
    pub title: String,
    pub required: u32,
    pub required_done: u32,
    pub optional: u32,
    pub optional_done: u32,
    /// Every required item is done (a day of only optional items is complete from the start).
    pub complete: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProgrammeProgress {
    pub days: Vec<DayProgress>,
    /// The first day that is not complete: where "today's programme" picks up. Null when all are.
    pub next_day: Option<u32>,
    pub complete: bool,
    /// The keys of the programme's items that are done, in programme order.
    pub done: Vec<String>,
}

/// Per-day progress of a programme, given the keys of the items done.
pub fn progress(programme: &Programme, done: &BTreeSet<String>) -> ProgrammeProgress {
    let days: Vec<DayProgress> = programme
        .days
        .iter()
        .zip(1u32..)
        .map(|(day, number)| {
            let mut p = DayProgress {
                day: number,
                title: day.title.clone(),
                required: 0,
                required_done: 0,
                optional: 0,
                optional_done: 0,
                complete: false,
            };
            for item in &day.items {
                let is_done = u32::from(done.contains(&item.key));
                if item.required {
                    p.required += 1;
                    p.required_done += is_done;
                } else {
                    p.optional += 1;
                    p.optional_done += is_done;
                }
            }
            p.complete = p.required_done == p.required;
            p
        })
        .collect();
    let next_day = days.iter().find(|d| !d.complete).map(|d| d.day);
    ProgrammeProgress {
        complete: next_day.is_none(),
        next_day,
        days,
        done: programme
            .items()
            .filter(|item| done.contains(&item.key))
            .map(|item| item.key.clone())
            .collect(),
    }
}
