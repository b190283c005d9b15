//! A coach's work with a client: adding, correcting and erasing them, their consent, a session
//! (with its notes) and the homework set in it.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use leadback_core::clients::{
    ClientInput, Consent, ConsentInput, ErasePreview, PersonSummary, Session, SessionInput,
    SessionItem, SessionItemInput, validate_due, validate_notes,
};
use leadback_core::exercises::ExerciseLibrary;
use leadback_core::habits::{HabitLibrary, HabitName};
use leadback_core::programmes::Programme;
use leadback_core::{Clock, ValidationError};
use leadback_store::{NewHabit, Store};

use crate::ActionError;

impl From<ValidationError> for ActionError {
    fn from(err: ValidationError) -> Self {
        Self::Invalid(err.to_string())
    }
}

/// A session to add.
#[derive(Debug, Clone, Copy)]
pub struct NewSession<'a> {
    pub person_id: i64,
    pub starts_at: NaiveDateTime,
    pub agenda: &'a str,
    /// Notes written beforehand (e.g. from a file), kept exactly as given.
    pub notes: Option<&'a str>,
}

/// Adds a session with a client, with its notes if given. Everything is checked before anything
/// is written; if the notes cannot be saved, the session is taken back, so it is one action.
pub fn add_session(
    store: &mut Store,
    clock: &dyn Clock,
    input: NewSession<'_>,
) -> Result<Session, ActionError> {
    let agenda = SessionInput {
        starts_at: input.starts_at,
        agenda: input.agenda.to_owned(),
    }
    .validate()?;
    if let Some(notes) = input.notes {
        validate_notes(notes)?;
    }
    let now = clock.now();
    let mut session = store.add_session(input.person_id, input.starts_at, &agenda, now)?;
    if let Some(notes) = input.notes.filter(|n| !n.is_empty()) {
        if let Err(err) = store.save_session_notes(session.id, notes, now) {
            store.delete_session(session.id)?;
            return Err(err.into());
        }
        session.notes = notes.to_owned();
    }
    Ok(session)
}

/// What homework to set: a habit from the library (added to the client's habits unless they have
/// it) or an exercise.
#[derive(Debug, Clone, Copy)]
pub enum HomeworkChoice<'a> {
    Habit { library_id: &'a str },
    Exercise { exercise_id: &'a str },
}

/// Homework to set in a session.
#[derive(Debug, Clone, Copy)]
pub struct AssignHomework<'a> {
    pub session_id: i64,
    pub homework: HomeworkChoice<'a>,
    /// By when; from today to the furthest a due day may be.
    pub due: Option<NaiveDate>,
}

/// The libraries homework is chosen from.
#[derive(Debug, Clone, Copy)]
pub struct HomeworkLibraries<'a> {
    pub habits: &'a HabitLibrary,
    pub exercises: &'a ExerciseLibrary,
}

/// Sets homework in a session; returns the homework's id and the client's id. The habit or
/// exercise and the due day are checked before anything is written.
pub fn assign_homework(
    store: &mut Store,
    clock: &dyn Clock,
    libraries: HomeworkLibraries<'_>,
    input: AssignHomework<'_>,
) -> Result<(i64, i64), ActionError> {
    let (today, now) = (clock.today(), clock.now());
    let due = validate_due(today, input.due)?;
    let session = store.session(input.session_id)?;
    let id = match input.homework {
        HomeworkChoice::Habit { library_id } => {
            let habit = libraries.habits.get(library_id).ok_or_else(|| {
                ActionError::NotFound(format!("There is no habit {library_id:?} in the library."))
            })?;
            let name = HabitName::parse(&habit.name)?;
            let new = NewHabit::from_library(habit, &name);
            store.assign_library_habit(session.id, &new, today, now)?
        }
        HomeworkChoice::Exercise { exercise_id } => {
            let exercise = libraries.exercises.get(exercise_id).ok_or_else(|| {
                ActionError::NotFound(format!("There is no exercise {exercise_id:?}."))
            })?;
            store.assign_exercise(session.id, &exercise.id, today)?
        }
    };
    if due.is_some() {
        store.set_homework_due(id, due)?;
    }
    Ok((id, session.person_id))
}

/// Adds a client with the consent they gave (on a day up to today); everything is checked first.
pub fn add_client(
    store: &mut Store,
    clock: &dyn Clock,
    client: &ClientInput,
    consent: &ConsentInput,
) -> Result<PersonSummary, ActionError> {
    let details = client.validate()?;
    let terms = consent.validate(clock.today())?;
    Ok(store.add_client(&details, consent.agreed_on, &terms, clock.now())?)
}

/// Erases a client and everything about them, in one transaction. `confirm_name` must be their
/// name exactly, so a slip erases no one; returns what went.
pub fn erase_client(
    store: &mut Store,
    person_id: i64,
    confirm_name: &str,
) -> Result<ErasePreview, ActionError> {
    let preview = store.erase_preview(person_id)?;
    if confirm_name.trim() != preview.name {
        return Err(ActionError::Invalid(
            "Type the client's name exactly as shown to erase them. Nothing was erased.".to_owned(),
        ));
    }
    Ok(store.erase_person(person_id)?)
}

/// Corrects a client's name, contact or tags.
pub fn update_client(
    store: &mut Store,
    clock: &dyn Clock,
    person_id: i64,
    client: &ClientInput,
) -> Result<PersonSummary, ActionError> {
    let details = client.validate()?;
    Ok(store.update_client(person_id, &details, clock.now())?)
}

/// Consent given again or on new terms; the earlier records stay as history.
pub fn record_consent(
    store: &mut Store,
    clock: &dyn Clock,
    person_id: i64,
    consent: &ConsentInput,
) -> Result<Consent, ActionError> {
    let terms = consent.validate(clock.today())?;
    Ok(store.record_consent(person_id, consent.agreed_on, &terms, clock.now())?)
}

/// The client withdrew their consent today: from now on nothing new is kept about them until
/// they give it again.
pub fn withdraw_consent(
    store: &mut Store,
    clock: &dyn Clock,
    person_id: i64,
) -> Result<Consent, ActionError> {
    Ok(store.withdraw_consent(person_id, clock.today())?)
}

/// Corrects a session's date and agenda.
pub fn update_session(
    store: &mut Store,
    clock: &dyn Clock,
    session_id: i64,
    session: &SessionInput,
) -> Result<Session, ActionError> {
    let agenda = session.validate()?;
    Ok(store.update_session(session_id, session.starts_at, &agenda, clock.now())?)
}

/// Saves a session's notes exactly as typed; returns when they were saved.
pub fn save_session_notes(
    store: &mut Store,
    clock: &dyn Clock,
    session_id: i64,
    notes: &str,
) -> Result<DateTime<Utc>, ActionError> {
    validate_notes(notes)?;
    Ok(store.save_session_notes(session_id, notes, clock.now())?)
}

/// Deletes a session with its notes and the homework set in it; the client's habits stay.
pub fn delete_session(store: &mut Store, session_id: i64) -> Result<(), ActionError> {
    Ok(store.delete_session(session_id)?)
}

/// Notes that an assessment, habit, exercise or programme was run or used in a session; the same
/// thing noted twice is kept once. An exercise or programme must be one of `exercises` or
/// `programmes`; this is checked before anything is written.
pub fn add_session_item(
    store: &mut Store,
    clock: &dyn Clock,
    exercises: &ExerciseLibrary,
    programmes: &[Programme],
    session_id: i64,
    item: &SessionItemInput,
) -> Result<SessionItem, ActionError> {
    match item {
        SessionItemInput::Exercise { exercise_id } if exercises.get(exercise_id).is_none() => {
            return Err(ActionError::NotFound(format!(
                "There is no exercise {exercise_id:?}."
            )));
        }
        SessionItemInput::Programme { programme_id }
            if !programmes.iter().any(|p| &p.id == programme_id) =>
        {
            return Err(ActionError::NotFound(format!(
                "There is no programme {programme_id:?}."
            )));
        }
        _ => {}
    }
    Ok(store.add_session_item(session_id, item, clock.now())?)
}

/// Takes an item off its session; the assessment, habit or exercise itself stays.
pub fn remove_session_item(store: &mut Store, item_id: i64) -> Result<SessionItem, ActionError> {
    Ok(store.remove_session_item(item_id)?)
}

/// Sets the day homework is due (from the day it was set to a year later), or clears it with
/// `None`; returns the client's id.
pub fn set_homework_due(
    store: &mut Store,
    homework_id: i64,
    due_on: Option<NaiveDate>,
) -> Result<i64, ActionError> {
    let (assigned_on, _) = store.homework_assigned(homework_id)?;
    let due_on = validate_due(assigned_on, due_on)?;
    Ok(store.set_homework_due(homework_id, due_on)?)
}
