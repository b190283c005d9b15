//! One module per subcommand.

pub mod assess;
pub mod exercises;
pub mod habits;
pub mod import;
pub mod info;
pub mod instrument;
pub mod me;
pub mod score;
