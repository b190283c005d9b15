//! A coach's practice: clients with consent and tags, an assessment every couple of months with a
//! session beside it (agenda and Markdown notes), and a habit set as homework with check-ins.

use chrono::{Days, NaiveDate};
use leadback_core::clients::ClientDetails;
use leadback_core::habits::{CheckState, HabitName, Schedule, builtin_library};
use leadback_store::{AnsweredVia, NewHabit};

use super::life::Growth;
use super::texts::{
    AGENDAS, CLIENT_FIRST, CLIENT_LAST, CLIENT_TAGS, CONSENT_TERMS, OBSERVER_ROLES, SESSION_NOTES,
};
use super::{Demo, at};
use crate::DemoError;

/// Days between a client's assessments.
const EVERY_DAYS: usize = 56;

impl Demo<'_> {
    /// `count` clients, each with `assessments` assessments ending before `today`.
    pub(super) fn clients(
        &mut self,
        count: usize,
        assessments: usize,
        today: NaiveDate,
    ) -> Result<(), DemoError> {
        let coach = self.me;
        let library = builtin_library()?;
        // Homework is one of the library's yes/no habits (the demo checks it in as done).
        let yes_no: Vec<_> = library
            .habits()
            .iter()
            .filter(|h| h.measure.is_none())
            .cloned()
            .collect();
        for n in 0..count {
            let name = format!(
                "{} {}",
                self.rng.text(CLIENT_FIRST),
                CLIENT_LAST
                    .get(n % CLIENT_LAST.len())
                    .copied()
                    .unwrap_or("Lee")
            );
            let span = assessments.max(1) * EVERY_DAYS + self.rng.between(7, 30);
            let start = today
                .checked_sub_days(Days::new(span as u64))
                .unwrap_or(today);
            let mut tags = vec![self.rng.text(CLIENT_TAGS).to_owned()];
            if self.rng.chance(0.4) {
                tags.push(self.rng.text(CLIENT_TAGS).to_owned());
            }
            tags.sort();
            tags.dedup();
            let details = ClientDetails {
                contact: Some(format!(
                    "{}@example.org",
                    name.to_lowercase().replace(' ', ".")
                )),
                name,
                tags,
            };
            let terms = self.rng.text(CONSENT_TERMS);
            let client = self
                .store
                .add_client(&details, start, terms, at(start, 9 * 60))?
                .person
                .id;
            self.me = client;
            let life = self.life(start, span, true);
            let growth = self.growth();
            let mut first_session = None;
            for k in 0..assessments {
                let index = (k * EVERY_DAYS + self.rng.between(0, 5)).min(span - 1);
                self.assessment(&life, index, &growth, &[])?;
                let day = life.date(index);
                let agenda = self.made_up(AGENDAS);
                let session = self.store.add_session(
                    client,
                    at(day, 10 * 60).naive_utc(),
                    &agenda,
                    at(day, 11 * 60),
                )?;
                let notes = self.made_up(SESSION_NOTES);
                self.store
                    .save_session_notes(session.id, &notes, at(day, 11 * 60))?;
                first_session.get_or_insert((session.id, day, index));
                self.made.sessions += 1;
            }
            if let Some((session, day, from)) = first_session
                && let Some(habit) = self.rng.pick(&yes_no).cloned()
            {
                let name = HabitName::parse(&habit.name)?;
                let id = self
                    .store
                    .add_habit(
                        client,
                        &NewHabit {
                            schedule: Schedule::DAILY,
                            ..NewHabit::from_library(&habit, &name)
                        },
                        at(day, 11 * 60),
                    )?
                    .id;
                self.store.assign_habit(session, id, day)?;
                let keen = 0.4 + 0.5 * self.rng.unit();
                for index in from..span {
                    if self.rng.chance(keen) {
                        let date = life.date(index);
                        self.store.check_in(
                            id,
                            date,
                            Some(CheckState::Done),
                            None,
                            at(date, 20 * 60),
                        )?;
                        self.made.check_ins += 1;
                    }
                }
            }
            self.observers(client, &growth, today)?;
            self.made.clients += 1;
        }
        self.me = coach;
        Ok(())
    }

    /// Three to five observers asked in the last weeks, all but the last answered (here or by
    /// file), each seeing the client's stances a little differently from how they see themselves.
    fn observers(
        &mut self,
        client: i64,
        growth: &Growth,
        today: NaiveDate,
    ) -> Result<(), DemoError> {
        let instrument = self.instrument;
        let scale = instrument.scale();
        let asked = self.rng.between(3, 5);
        for n in 0..asked {
            let role = OBSERVER_ROLES
                .get(n % OBSERVER_ROLES.len())
                .copied()
                .unwrap_or("A colleague");
            let day = today
                .checked_sub_days(Days::new(self.rng.between(3, 40) as u64))
                .unwrap_or(today);
            let key = (instrument.id(), i64::from(instrument.version()));
            let request = self
                .store
                .add_observer_request(client, role, key, at(day, 9 * 60))?;
            if n + 1 == asked && asked > 3 {
                continue;
            }
            let answers = instrument
                .items()
                .iter()
                .map(|item| {
                    let level = (growth.from.get(item.stance)
                        + growth.by.get(item.stance)
                        + 0.12 * self.rng.normal())
                    .clamp(0.0, 1.0);
                    let span = (scale.max - scale.min) as f64;
                    let value = scale.min + (level * span).round() as i64;
                    let value = if item.reverse {
                        scale.min + scale.max - value
                    } else {
                        value
                    };
                    (item.id.clone(), (!self.rng.chance(0.05)).then_some(value))
                })
                .collect();
            let via = if self.rng.chance(0.5) {
                AnsweredVia::Here
            } else {
                AnsweredVia::File
            };
            self.store
                .record_observer_answers(request.id, &answers, via, at(day, 18 * 60))?;
            self.made.observer_answers += 1;
        }
        Ok(())
    }
}
