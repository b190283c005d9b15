//! The self-assessment in a terminal. Every answer is saved the moment it is given, at the same
//! position the app uses, so an assessment started here can be finished in the app and back.

use std::io::{BufRead, Write};
use std::path::Path;

use leadback_actions::assessments::{self, Answer};
use leadback_core::Clock;
use leadback_core::assessment::{Instrument, Questionnaire, Step};

use crate::error::CliError;
use crate::output;

/// What the person typed at a prompt.
#[derive(Debug, PartialEq, Eq)]
enum Reply {
    Answer(usize),
    Skip,
    Back,
    Quit,
    /// Input ended (a pipe ran dry, or Ctrl-D).
    Closed,
}

pub fn run(
    data_dir: &Path,
    clock: &dyn Clock,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let mut store = super::open_store(data_dir)?;
    let me = super::me(&store)?;
    let library = super::instrument::library(&store)?;
    let record = assessments::start(&mut store, &library, me.id, clock.now())?;
    let instrument = assessments::instrument_of(&record, &library)?;
    let questionnaire = Questionnaire::new(instrument.view());
    let total = questionnaire.steps.len();
    let mut position = usize::try_from(record.position).unwrap_or(0).min(total);

    if position > 0 {
        writeln!(out, "Resuming at question {} of {total}.", position + 1)?;
    } else {
        writeln!(
            out,
            "{}\n\n{}\n",
            instrument.view().title,
            instrument.view().intro
        )?;
    }
    writeln!(
        out,
        "Type the number of your answer and press Enter. Enter alone skips, b goes back, q stops (your answers are kept).\n"
    )?;

    while let Some(step) = questionnaire.steps.get(position) {
        let choices = ask(out, instrument, step, position, total)?;
        let next = i64::try_from(position + 1).unwrap_or(i64::MAX);
        match read_reply(input, out, choices)? {
            reply @ (Reply::Answer(_) | Reply::Skip) => {
                let index = match reply {
                    Reply::Answer(index) => Some(index),
                    _ => None,
                };
                let answer = answer_to(instrument, step, index);
                let now = clock.now();
                assessments::answer(&mut store, &library, &record, answer, next, now)?;
                position += 1;
            }
            Reply::Back => {
                position = position.saturating_sub(1);
                let back = i64::try_from(position).unwrap_or(0);
                assessments::move_to(&mut store, &library, &record, back)?;
            }
            Reply::Quit | Reply::Closed => {
                writeln!(
                    out,
                    "\nStopped at question {} of {total}. Your answers are saved: run `leadback assess` again (or open the app) to continue.",
                    position + 1
                )?;
                return Ok(());
            }
        }
    }

    let result = assessments::finish(&mut store, &library, record.id, clock.now())?.result;
    writeln!(out, "\nDone. Here is your profile:\n")?;
    output::result(out, &result)?;
    Ok(())
}

/// Prints one question and returns how many answers it offers.
fn ask(
    out: &mut dyn Write,
    instrument: &Instrument,
    step: &Step,
    position: usize,
    total: usize,
) -> Result<usize, CliError> {
    let view = instrument.view();
    let number = position + 1;
    let scale = |out: &mut dyn Write| -> Result<usize, CliError> {
        writeln!(out, "   {}", output::scale(&view.scale))?;
        Ok(view.scale.labels.len())
    };
    match step {
        Step::Item(id) => {
            let text = view.items.iter().find(|i| &i.id == id).map(|i| &i.text);
            statement(out, number, total, &view.stem, text.unwrap_or(id))?;
            scale(out)
        }
        Step::Energy(id) => {
            let energy = &view.energy;
            let text = energy.items.iter().find(|i| &i.id == id).map(|i| &i.text);
            statement(out, number, total, &energy.stem, text.unwrap_or(id))?;
            scale(out)
        }
        Step::Scenario(id) => {
            let Some(scenario) = view.scenarios.iter().find(|s| &s.id == id) else {
                return Ok(0);
            };
            writeln!(
                out,
                "[{number}/{total}] {}: {}",
                scenario.title, scenario.prompt
            )?;
            for (index, option) in scenario.options.iter().enumerate() {
                writeln!(out, "   {} {}", index + 1, option.text)?;
            }
            Ok(scenario.options.len())
        }
    }
}

/// Prints a statement to rate: its number, the stem and the statement.
fn statement(
    out: &mut dyn Write,
    number: usize,
    total: usize,
    stem: &str,
    text: &str,
) -> Result<(), CliError> {
    writeln!(out, "[{number}/{total}] {stem} {text}")?;
    Ok(())
}

/// Reads lines until one is a valid reply; answers are 1-based positions among `choices`.
fn read_reply(
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    choices: usize,
) -> Result<Reply, CliError> {
    loop {
        write!(out, "> ")?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            return Ok(Reply::Closed);
        }
        match line.trim() {
            "" => return Ok(Reply::Skip),
            "b" | "B" => return Ok(Reply::Back),
            "q" | "Q" => return Ok(Reply::Quit),
            other => match other.parse::<usize>() {
                Ok(n) if (1..=choices).contains(&n) => return Ok(Reply::Answer(n - 1)),
                _ => writeln!(
                    out,
                    "Please type a number from 1 to {choices}, Enter to skip, b to go back or q to stop."
                )?,
            },
        }
    }
}

/// The `index`-th answer (or a skip, `None`) to the question of `step`.
fn answer_to<'a>(instrument: &'a Instrument, step: &'a Step, index: Option<usize>) -> Answer<'a> {
    match step {
        Step::Item(id) | Step::Energy(id) => Answer::Item {
            id,
            value: index
                .and_then(|i| i64::try_from(i).ok())
                .map(|i| instrument.scale().min + i),
        },
        Step::Scenario(id) => Answer::Scenario {
            id,
            option: index.and_then(|i| {
                instrument
                    .scenarios()
                    .iter()
                    .find(|s| &s.id == id)
                    .and_then(|s| s.options.get(i))
                    .map(|o| o.id.as_str())
            }),
        },
    }
}
