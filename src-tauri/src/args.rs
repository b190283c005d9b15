//! The app's own command-line flag: `--data-dir DIR` (or `--data-dir=DIR`) moves the data folder,
//! like `LEADBACK_DATA_DIR`. Anything else on the command line is left to Tauri and its plugins.

use std::ffi::OsString;

/// Passed when the app starts at login: it opens in the tray, without a window.
pub const START_HIDDEN: &str = "--hidden";
use std::path::PathBuf;

pub fn data_dir_flag(args: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    let mut found = None;
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            found = args.next().map(PathBuf::from);
        } else if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--data-dir=")) {
            found = Some(PathBuf::from(value));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Option<PathBuf> {
        data_dir_flag(args.iter().map(OsString::from))
    }

    #[test]
    fn reads_both_spellings_and_the_last_one_wins() {
        assert_eq!(parse(&["--data-dir", "/a"]), Some("/a".into()));
        assert_eq!(parse(&["--data-dir=/b"]), Some("/b".into()));
        assert_eq!(
            parse(&["--data-dir", "/a", "--data-dir=/b"]),
            Some("/b".into())
        );
    }

    #[test]
    fn ignores_other_arguments_and_a_dangling_flag() {
        assert_eq!(parse(&["--verbose", "/a"]), None);
        assert_eq!(parse(&["--data-dir"]), None);
    }
}
