//! The order a questionnaire asks its questions in: the stance items, then the scenarios, then the
//! energy section. The app and the terminal both walk this list, and an unfinished assessment's
//! saved position is an index into it, so either can resume what the other started.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::InstrumentView;

/// One screen of the questionnaire, naming the question it asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "lowercase")]
#[ts(export)]
pub enum Step {
    Item(String),
    Scenario(String),
    Energy(String),
}

/// The instrument as the questionnaire shows it, with its steps in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Questionnaire {
    pub instrument: InstrumentView,
    pub steps: Vec<Step>,
}

impl Questionnaire {
    pub fn new(instrument: &InstrumentView) -> Self {
        let items = instrument.items.iter().map(|i| Step::Item(i.id.clone()));
        let scenarios = instrument
            .scenarios
            .iter()
            .map(|s| Step::Scenario(s.id.clone()));
        let energy = instrument
            .energy
            .items
            .iter()
            .map(|e| Step::Energy(e.id.clone()));
        Self {
            instrument: instrument.clone(),
            steps: items.chain(scenarios).chain(energy).collect(),
        }
    }

    /// The last valid position: the finish screen after the last question.
    pub fn finish_position(&self) -> i64 {
        i64::try_from(self.steps.len()).unwrap_or(i64::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::builtin;

    #[test]
    fn asks_items_then_scenarios_then_energy_once_each() {
        let instrument = builtin().unwrap();
        let q = Questionnaire::new(instrument.view());
        let view = instrument.view();
        let total = view.items.len() + view.scenarios.len() + view.energy.items.len();
        assert_eq!(q.steps.len(), total);
        assert_eq!(q.finish_position(), total as i64);
        assert_eq!(q.steps[0], Step::Item(view.items[0].id.clone()));
        assert_eq!(
            q.steps[view.items.len()],
            Step::Scenario(view.scenarios[0].id.clone())
        );
        assert!(matches!(q.steps.last(), Some(Step::Energy(_))));
    }

    #[test]
    fn serialises_as_kind_and_id_for_the_ui() {
        let json = serde_json::to_value(Step::Scenario("hike".into())).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "kind": "scenario", "id": "hike" })
        );
    }
}
