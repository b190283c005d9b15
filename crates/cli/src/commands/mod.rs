//! One module per subcommand.

pub mod assess;
pub mod info;
pub mod instrument;
pub mod me;
pub mod score;
