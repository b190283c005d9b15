//! IPC commands, one module per feature. Each command validates its input with the domain's types,
//! calls the store, and maps errors to [`crate::IpcError`].

pub mod profile;
