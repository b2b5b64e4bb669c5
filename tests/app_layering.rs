//! The app's architecture, checked on its sources: only `io` touches the file system, only the
//! reducer changes the app's state, and no folder of `src/app` has an import cycle.
//!
//! The checks read the code as text (comments and `#[cfg(test)]` modules left out), so they
//! are simple and strict: a new `std::fs` call in a panel, a public `&mut self` method on the
//! model or a panel importing a panel that imports it back fails here, with the file named.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn app_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app")
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("read the folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The file's code without comments and without its `#[cfg(test)]` modules (which come last
/// in this code base, or are files of their own named `tests.rs`).
fn code_of(path: &Path) -> Vec<String> {
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return Vec::new();
    }
    let text = std::fs::read_to_string(path).expect("read the source");
    let mut lines = Vec::new();
    // The indentation of the `#[cfg(test)]` whose item is being skipped.
    let mut skipping: Option<usize> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(at) = skipping {
            // The item ends with a closing brace at its own indentation, or is one line
            // (`mod tests;`).
            if indent == at
                && (trimmed.starts_with('}')
                    || (trimmed.ends_with(';') && !trimmed.starts_with('#')))
            {
                skipping = None;
            }
            continue;
        }
        if trimmed.starts_with("#[cfg(test)]") {
            skipping = Some(indent);
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        let code = line.split(" // ").next().unwrap_or(line);
        lines.push(code.to_owned());
    }
    lines
}

fn relative(path: &Path) -> String {
    path.strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")))
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn the_app_never_touches_the_file_system_itself() {
    const FORBIDDEN: [&str; 12] = [
        "std::fs",
        "fs::",
        "File::",
        "OpenOptions",
        "read_dir",
        "remove_file",
        "create_dir",
        ".is_file()",
        ".is_dir()",
        ".exists()",
        "metadata(",
        "current_dir",
    ];
    let mut found = Vec::new();
    for file in rust_files(&app_dir()) {
        for line in code_of(&file) {
            for word in FORBIDDEN {
                if line.contains(word) {
                    found.push(format!("{}: `{word}` in {}", relative(&file), line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "only io touches the file system:\n{}",
        found.join("\n")
    );
}

/// The methods of `impl Model` blocks in `code` that take `&mut self` and are visible outside
/// the file's module (`pub`, `pub(crate)` or `pub(in …)`; with `pub(super)` when `in_mod_rs`,
/// as `super` of the reducer's `mod.rs` is the whole app).
fn exposed_mutators(code: &[String], in_mod_rs: bool) -> Vec<String> {
    let mut exposed = Vec::new();
    let mut in_model = false;
    let mut signature = String::new();
    for line in code {
        if line.starts_with("impl Model {") {
            in_model = true;
            continue;
        }
        if in_model && line.starts_with('}') {
            in_model = false;
        }
        if !in_model {
            continue;
        }
        let trimmed = line.trim();
        let visible = trimmed.starts_with("pub fn")
            || trimmed.starts_with("pub(crate) fn")
            || trimmed.starts_with("pub(in ")
            || (in_mod_rs && trimmed.starts_with("pub(super) fn"));
        if visible || !signature.is_empty() {
            signature.push_str(trimmed);
            if trimmed.contains('{') || trimmed.ends_with(';') {
                if signature.contains("&mut self") {
                    let name = signature
                        .split(" fn ")
                        .nth(1)
                        .and_then(|rest| rest.split(['(', '<']).next())
                        .unwrap_or_default()
                        .to_owned();
                    exposed.push(name);
                }
                signature.clear();
            }
        }
    }
    exposed
}

#[test]
fn only_handle_changes_the_model_and_poll_only_receives() {
    let reducer = app_dir().join("reducer");
    let mod_rs = reducer.join("mod.rs");
    let code = code_of(&mod_rs);
    // The model's fields are private to the reducer.
    let start = code
        .iter()
        .position(|l| l.starts_with("pub struct Model {"))
        .expect("the model is defined in reducer/mod.rs");
    let public_fields: Vec<&String> = code[start + 1..]
        .iter()
        .take_while(|l| !l.starts_with('}'))
        .filter(|l| l.trim_start().starts_with("pub"))
        .collect();
    assert!(
        public_fields.is_empty(),
        "the model's fields are private: {public_fields:?}"
    );
    let mut exposed = Vec::new();
    for file in rust_files(&reducer) {
        let in_mod_rs = file == mod_rs;
        for name in exposed_mutators(&code_of(&file), in_mod_rs) {
            exposed.push(format!("{}: {name}", relative(&file)));
        }
    }
    assert_eq!(
        exposed,
        [
            "src/app/reducer/mod.rs: poll".to_owned(),
            "src/app/reducer/mod.rs: handle".to_owned(),
        ],
        "only handle changes the model (poll only empties the mailboxes of background threads)"
    );
    // Nothing else in the app defines methods on the model.
    for file in rust_files(&app_dir()) {
        if file.starts_with(&reducer) {
            continue;
        }
        assert!(
            !code_of(&file).iter().any(|l| l.starts_with("impl Model")),
            "{} adds methods to the model outside the reducer",
            relative(&file)
        );
    }
}

/// The module a file is, as a path under `app`: `ui/reader.rs` → `["ui", "reader"]`,
/// `ui/mod.rs` → `["ui"]`.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(app_dir()).expect("under src/app");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The imports of the file that is `module`, as edges between modules of one folder:
/// `(folder, from, to)`. A file imports for each folder it is in: `ui/reader.rs` naming
/// `crate::app::state` makes `ui` import `state` in `app`, and naming `super::widgets` makes
/// `reader` import `widgets` in `app/ui`.
fn imports_of(module: &[String], code: &[String]) -> Vec<(Vec<String>, String, String)> {
    let mut edges = Vec::new();
    for level in 0..module.len() {
        let folder = &module[..level];
        let name = &module[level];
        let prefix = format!(
            "crate::app::{}",
            folder.iter().map(|p| format!("{p}::")).collect::<String>()
        );
        let mut prefixes = vec![prefix];
        if level + 1 == module.len() {
            prefixes.push("super::".to_owned());
        }
        for line in code {
            for prefix in &prefixes {
                let mut rest = line.as_str();
                while let Some(at) = rest.find(prefix.as_str()) {
                    // `crate::app::super::` never occurs; `self::super::` neither.
                    rest = &rest[at + prefix.len()..];
                    for target in names_after(rest) {
                        if &target != name {
                            edges.push((folder.to_vec(), name.clone(), target));
                        }
                    }
                }
            }
        }
    }
    edges
}

/// The first path segment of `text`, or each name of a `{a, b::c}` group.
fn names_after(text: &str) -> Vec<String> {
    let ident = |s: &str| {
        s.trim()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect::<String>()
    };
    if let Some(group) = text.strip_prefix('{') {
        let group = group.split('}').next().unwrap_or_default();
        group.split(',').map(ident).collect()
    } else {
        vec![ident(text)]
    }
}

#[test]
fn no_folder_of_the_app_has_an_import_cycle() {
    let files = rust_files(&app_dir());
    let modules: Vec<Vec<String>> = files.iter().map(|f| module_of(f)).collect();
    // Folder (parent path) → its modules → the siblings each imports.
    let mut folders: BTreeMap<Vec<String>, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for module in &modules {
        if let Some((name, parent)) = module.split_last() {
            folders
                .entry(parent.to_vec())
                .or_default()
                .insert(name.clone(), BTreeSet::new());
        }
    }
    for (file, module) in files.iter().zip(&modules) {
        for (folder, from, to) in imports_of(module, &code_of(file)) {
            let graph = folders.get_mut(&folder).expect("folder");
            if graph.contains_key(&to) {
                graph.entry(from).or_default().insert(to);
            }
        }
    }
    for (folder, graph) in &folders {
        // Kahn's algorithm: whatever cannot be ordered is on a cycle.
        let mut left = graph.clone();
        while let Some(free) = left
            .iter()
            .find(|(_, deps)| deps.iter().all(|d| !left.contains_key(d)))
            .map(|(name, _)| name.clone())
        {
            left.remove(&free);
        }
        assert!(
            left.is_empty(),
            "src/app/{}: these modules import each other in a cycle: {left:?}",
            folder.join("/")
        );
    }
}
