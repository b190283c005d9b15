//! The facilitator's cohort view, on the domain side: the results file a participant exports at the
//! end of a programme ([`ResultsFile`]: sealed with a checksum, opened with every check), and the
//! anonymised summary of many of them ([`summarize`]: distributions before and after, mean change
//! and its spread, completion per exercise, groups under 3 withheld).
//!
//! There is no server: files travel by hand (a USB stick, an email), so a file must say what it is,
//! which version of Leadback wrote it, and whether it arrived whole. The envelope and its errors are
//! shared with programme files ([`crate::programmes::exchange`]). Nothing here reads files.

mod results;
mod summary;

#[cfg(test)]
mod results_tests;
#[cfg(test)]
mod summary_tests;

pub use results::{
    MAX_EXERCISES_COMPLETED, PARTICIPANT_CODE_MAX_CHARS, RESULTS_FORMAT_VERSION, ResultsFile,
    ResultsFileError,
};
pub use summary::{
    BUCKET_WIDTH, CohortSummary, ExerciseCompletion, MIN_GROUP, ScoreBucket, StanceChange,
    StanceCohort, summarize,
};
