use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use leadback_core::assessment::{AnswerSheet, builtin, evaluate};
use serde::Deserialize;

use crate::error::CliError;
use crate::output;

/// The answers file `leadback score` reads.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswersFile {
    instrument: String,
    version: i64,
    #[serde(default)]
    answers: BTreeMap<String, Option<i64>>,
    #[serde(default)]
    scenarios: BTreeMap<String, String>,
}

pub fn run(path: &Path, json: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let input_error = |message: String| CliError::InputFile {
        path: path.to_path_buf(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|err| input_error(err.to_string()))?;
    let file: AnswersFile = serde_json::from_str(&text)
        .map_err(|err| input_error(format!("not a valid answers file: {err}")))?;

    let instrument = builtin()?;
    let scoring_error = |source| CliError::Scoring {
        path: path.to_path_buf(),
        source,
    };
    instrument
        .check_identity(&file.instrument, file.version)
        .map_err(scoring_error)?;
    let sheet = AnswerSheet {
        answers: file.answers,
        scenarios: file.scenarios,
    };
    let result = evaluate(&instrument, &sheet).map_err(scoring_error)?;

    if json {
        let scores = &result.scores;
        let summary = serde_json::json!({
            "front": scores.stances.front,
            "behind": scores.stances.behind,
            "servant": scores.stances.servant,
            "situational": scores.situational,
            "energy": scores.energy,
            "label": result.profile.label,
        });
        serde_json::to_writer_pretty(&mut *out, &summary).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        output::result(out, &result)?;
    }
    Ok(())
}
