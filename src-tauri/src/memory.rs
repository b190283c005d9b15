//! Handing memory the app no longer uses back to the system.
//!
//! The start-up check and the day's backup read the whole database through SQLite connections of
//! their own on a background thread. When they finish, everything they allocated is freed, but
//! glibc keeps freed memory inside its per-thread arenas rather than return it: about 6 MiB that
//! would otherwise stay charged to the app for as long as it runs (measured with
//! `benches/startup.sh`). `malloc_trim` gives the free pages back.

/// Returns the heap's free pages to the system (glibc only; elsewhere it does nothing).
pub fn release_free_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: `malloc_trim` has no preconditions: it takes glibc's allocator locks itself and
        // only releases pages no allocation is using, so it may run on any thread at any time.
        #[allow(unsafe_code)]
        unsafe {
            libc::malloc_trim(0);
        }
    }
}
