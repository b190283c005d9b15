//! What sync between a person's computers needs beside the database, kept apart so it is tested on
//! its own: the hybrid logical clock that puts changes from several devices in one order
//! ([`clock`]), the pairing code a second device joins with and the group key it unlocks
//! ([`group`]), and the sealed file each device writes to the shared folder ([`file`]).
//!
//! Nothing here reads a clock, a file or the network: the caller passes the wall time and the
//! bytes. The store records and applies the changes (SQLite's session extension); this crate only
//! orders, seals and opens them.

pub mod clock;
pub mod file;
pub mod group;
