//! Least privilege, checked: every permission the capability grants is used by the UI, and every
//! command the UI calls is granted. A grant nobody uses is attack surface with no purpose.

use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The permissions in the main capability.
fn granted() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("src-tauri/capabilities/main.json")).unwrap();
    let capability: serde_json::Value = serde_json::from_str(&text).unwrap();
    capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect()
}

/// The text of every non-test module of ui/src/api, the only code that talks to Rust.
fn api_source() -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(root().join("ui/src/api")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".ts") && !name.ends_with(".test.ts") {
            text.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
    text
}

/// Command names the UI calls: `call<…>("name"` or `call("name"`.
fn called(source: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for piece in source.split("call").skip(1) {
        let rest = piece.trim_start_matches(|c: char| c != '(' && c != '"' && c != '\n');
        if let Some(quoted) = rest.strip_prefix("(\"")
            && let Some(end) = quoted.find('"')
        {
            names.insert(quoted[..end].to_owned());
        }
    }
    names
}

#[test]
fn every_granted_command_is_called_by_the_ui_and_every_call_is_granted() {
    let source = api_source();
    let calls = called(&source);
    // Commands the UI needs but no screen calls yet would show up here; there are none.
    let granted_commands: BTreeSet<String> = granted()
        .iter()
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    let unused: Vec<_> = granted_commands.difference(&calls).collect();
    assert!(
        unused.is_empty(),
        "granted but never called by ui/src/api: {unused:?}"
    );
    let ungranted: Vec<_> = calls.difference(&granted_commands).collect();
    assert!(
        ungranted.is_empty(),
        "called but not granted: {ungranted:?}"
    );
}

#[test]
fn every_plugin_permission_is_used_and_no_other_is_granted() {
    let source = api_source();
    for permission in granted().iter().filter(|p| !p.starts_with("allow-")) {
        let used = match permission.as_str() {
            "dialog:allow-open" => source.contains("await open("),
            "dialog:allow-save" => source.contains("await save("),
            other => panic!("{other} is granted; add it here with what uses it, or remove it"),
        };
        assert!(used, "{permission} is granted but ui/src/api never uses it");
    }
}

#[test]
fn the_call_finder_finds_calls() {
    let found = called("return call<Programme[]>(\"get_programmes\");\ncall(\"x_y\", { a });");
    assert_eq!(
        found,
        BTreeSet::from(["get_programmes".to_owned(), "x_y".to_owned()])
    );
}

/// The text between `start` and the first `end` after it in the file at `path` (under the root).
fn between(path: &str, start: &str, end: &str) -> String {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{path} has no {start:?}"))
        + start.len();
    let to = text[from..]
        .find(end)
        .unwrap_or_else(|| panic!("{path}: no {end:?} after {start:?}"));
    text[from..from + to].to_owned()
}

/// Every name in a list, and the names that appear in it more than once.
fn names(list: Vec<String>) -> (BTreeSet<String>, Vec<String>) {
    let mut set = BTreeSet::new();
    let twice = list
        .into_iter()
        .filter(|n| !set.insert(n.clone()))
        .collect();
    (set, twice)
}

/// The command list is kept in three places (the handler list the shell dispatches on, the
/// permissions build.rs generates, the capability that grants them); a command added to one and
/// forgotten in another either cannot be called or is granted for nothing. This names it.
#[test]
fn the_handler_list_the_permission_list_and_the_capability_name_the_same_commands() {
    let handlers: Vec<String> = between("src-tauri/src/commands/mod.rs", "generate_handler![", "]")
        .split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| entry.rsplit("::").next().unwrap().to_owned())
        .collect();
    let permissions: Vec<String> =
        between("src-tauri/build.rs", "const COMMANDS: &[&str] = &[", "];")
            .split(',')
            .map(|entry| entry.trim().trim_matches('"').to_owned())
            .filter(|entry| !entry.is_empty())
            .collect();
    let capability: Vec<String> = granted()
        .iter()
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    assert!(
        handlers.len() > 50,
        "the handler list was not found: {handlers:?}"
    );

    let lists = [
        (
            "the handler list in src-tauri/src/commands/mod.rs",
            names(handlers),
        ),
        ("COMMANDS in src-tauri/build.rs", names(permissions)),
        (
            "the permissions in src-tauri/capabilities/main.json",
            names(capability),
        ),
    ];
    let mut problems = Vec::new();
    for (list, (_, twice)) in &lists {
        problems.extend(
            twice
                .iter()
                .map(|name| format!("{name} is in {list} twice")),
        );
    }
    let every: BTreeSet<&String> = lists.iter().flat_map(|(_, (set, _))| set).collect();
    for name in every {
        for (list, (set, _)) in &lists {
            if !set.contains(name) {
                problems.push(format!("{name} is missing from {list}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
