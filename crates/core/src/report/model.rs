//! What a report is made of: a title page's facts, then sections of paragraphs, lists, tables and
//! figures given as data.

use chrono::NaiveDate;

use crate::assessment::Stance;
use crate::habits::HabitStance;

/// A report: what the first page says about it, then its sections in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub title: String,
    pub person_name: String,
    pub coach_name: Option<String>,
    pub generated_on: NaiveDate,
    /// Label and value pairs for the first page ("Prepared for", "Date", …).
    pub facts: Vec<(String, String)>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
    /// Starts at the top of a page (session notes do), unless that would leave the page before
    /// it more than half empty.
    pub new_page: bool,
}

/// What a figure's marks stand for; the renderer picks the colour (the app's stance colours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    Front,
    Behind,
    Servant,
    Rest,
    Neutral,
    /// A person's own view, beside what others see.
    Own,
    /// Observers' combined view.
    Observers,
}

impl From<Stance> for Tone {
    fn from(stance: Stance) -> Self {
        match stance {
            Stance::Front => Self::Front,
            Stance::Behind => Self::Behind,
            Stance::Servant => Self::Servant,
        }
    }
}

impl From<Option<HabitStance>> for Tone {
    fn from(stance: Option<HabitStance>) -> Self {
        match stance {
            Some(HabitStance::Front) => Self::Front,
            Some(HabitStance::Behind) => Self::Behind,
            Some(HabitStance::Servant) => Self::Servant,
            Some(HabitStance::Rest) => Self::Rest,
            None => Self::Neutral,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading inside a section.
    Heading(String),
    /// A smaller heading: a label over a list, or a heading inside notes.
    Subheading(String),
    Paragraph(String),
    /// A quieter line: an explanation, or why something is missing.
    Note(String),
    /// A boxed statement with a title, e.g. the profile and its summary.
    Callout {
        title: String,
        text: String,
    },
    List {
        ordered: bool,
        items: Vec<String>,
    },
    Table(Table),
    Figure(Figure),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Share of the table's width, relative to the other columns.
    pub width: f32,
    /// Numbers are right-aligned.
    pub numeric: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    /// One horizontal bar per entry on a 0–`max` scale, e.g. stance scores on 0–100.
    Bars {
        caption: String,
        max: f64,
        /// Appended to the value labels, e.g. "%".
        unit: String,
        bars: Vec<Bar>,
    },
    /// Bars in groups on one 0–`max` scale, e.g. per stance the person's own score beside their
    /// observers' mean. Each group has the same number of bars, in the legend's order.
    Grouped {
        caption: String,
        max: f64,
        /// What each bar of a group stands for, and its colour.
        legend: Vec<(String, Tone)>,
        groups: Vec<BarGroup>,
    },
    /// Lines over time on a 0–100 scale: one per stance.
    Lines {
        caption: String,
        /// The x positions, in order.
        dates: Vec<NaiveDate>,
        series: Vec<Series>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    /// `None` draws an empty track with the reason in `value_label`.
    pub value: Option<f64>,
    pub value_label: String,
    pub tone: Tone,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarGroup {
    pub label: String,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub tone: Tone,
    /// One per date; `None` where that assessment has no score for the stance.
    pub values: Vec<Option<f64>>,
}
