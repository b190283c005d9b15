//! A person's report as content, ready to lay out: a title page's facts, then sections made of
//! paragraphs, lists, tables and figures given as data (scores per stance, scores over time, habit
//! strength). It decides *what* a report says — which sections, in which order, what each table
//! holds, that session notes appear only when chosen — and nothing about pages, fonts or PDF; the
//! `leadback-report` crate draws it. Built from [`ReportData`], which the store gathers.
//!
//! Session notes are Markdown; [`markdown_blocks`] turns them into subheadings, paragraphs and lists
//! (emphasis and code marks are dropped, links keep their address in brackets). The observers'
//! (360) section is in [`observers`](ObserverComparison).

mod build;
mod data;
mod markdown;
mod model;
mod observers;
mod sections;
mod words;

pub use data::{ExerciseSummary, HabitSummary, ReportData};
pub use markdown::markdown_blocks;
pub use model::{Bar, BarGroup, Block, Column, Figure, Report, Section, Series, Table, Tone};
pub use observers::ObserverComparison;
pub use words::{long_date, signed_gap, stance_name, stance_title};
