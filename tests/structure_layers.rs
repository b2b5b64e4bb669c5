//! `src/structure/` is in layers that import only downwards, with no import cycle among its
//! modules: `types` at the bottom, then `words` (text primitives), `blocks` (paragraphs and
//! headings), `parts` (sections, footnotes, items), then the modules at the top of the folder.
//! This reads the sources (tests left out) and fails on an import that goes up a layer or
//! closes a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The folders of `src/structure/`, bottom first; `types` is a file, the top is the folder
/// itself.
const LAYERS: [&str; 4] = ["types", "words", "blocks", "parts"];

/// A module's layer: 0 for `types`, 1 to 3 for the folders, 4 for the top.
fn layer(module: &str) -> usize {
    let first = module.split("::").next().unwrap_or(module);
    LAYERS
        .iter()
        .position(|l| *l == first)
        .unwrap_or(LAYERS.len())
}

/// Every module of the folder (`words::tokens`, `proposals`, `mod` for `mod.rs`), with its
/// source up to its tests.
fn modules() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/structure");
    let mut out = BTreeMap::new();
    let mut read = |path: &Path, name: String| {
        let source = std::fs::read_to_string(path).expect("a source file");
        let code = source
            .split("#[cfg(test)]")
            .next()
            .unwrap_or("")
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        out.insert(name, code);
    };
    for entry in std::fs::read_dir(&root).expect("src/structure") {
        let path = entry.expect("an entry").path();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a name")
            .to_owned();
        if path.is_dir() {
            for inner in std::fs::read_dir(&path).expect("a folder") {
                let inner = inner.expect("an entry").path();
                let name = inner
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .expect("a name")
                    .to_owned();
                let name = if name == "mod" {
                    stem.clone()
                } else {
                    format!("{stem}::{name}")
                };
                read(&inner, name);
            }
        } else {
            read(&path, stem);
        }
    }
    out
}

/// The path segments after `prefix` at `at` in `code`: `a::b::{c, d::e}` gives `[a, b, c]` and
/// `[a, b, d, e]` (cut to two segments, enough to name a module here).
fn paths_after(code: &str, at: usize) -> Vec<Vec<String>> {
    let rest = &code[at..];
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || "_:{}, \n".contains(c)))
        .unwrap_or(rest.len());
    let mut text = &rest[..end];
    // A brace group closes at its matching brace.
    if let Some(open) = text.find('{')
        && !text[..open].contains([' ', '\n', ','])
    {
        let mut depth = 0;
        let mut close = text.len();
        for (i, c) in text.char_indices().skip(open) {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let head: Vec<String> = text[..open]
            .split("::")
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        return text[open + 1..close]
            .split(',')
            .map(|item| {
                let mut path = head.clone();
                path.extend(
                    item.trim()
                        .split("::")
                        .map(|s| s.trim_matches(|c: char| !(c.is_alphanumeric() || c == '_')))
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned),
                );
                path
            })
            .collect();
    }
    text = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .next()
        .unwrap_or("");
    vec![
        text.split("::")
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
    ]
}

/// The modules of the folder `name`'s code refers to.
fn imports(name: &str, code: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let folder = match name.split_once("::") {
        Some((folder, _)) => Some(folder),
        None if LAYERS[1..].contains(&name) => Some(name),
        None => None,
    };
    let resolve = |path: &[String], base: Option<&str>| -> Option<String> {
        let mut candidates = Vec::new();
        let full: Vec<&str> = base
            .into_iter()
            .chain(path.iter().map(String::as_str))
            .collect();
        for n in (1..=full.len().min(2)).rev() {
            candidates.push(full[..n].join("::"));
        }
        candidates.into_iter().find(|c| known.contains(c))
    };
    let mut out = BTreeSet::new();
    for (prefix, base) in [("crate::structure::", None), ("super::", folder)] {
        for (at, _) in code.match_indices(prefix) {
            for path in paths_after(code, at + prefix.len()) {
                // `super::` in a top module is the folder itself (`structure::detect`).
                if prefix == "super::" && folder.is_none() && !name.contains("::") {
                    if let Some(m) = resolve(&path, None) {
                        out.insert(m);
                    }
                    continue;
                }
                match resolve(&path, base) {
                    Some(m) => {
                        out.insert(m);
                    }
                    // `crate::structure::Span`: what the folder's root re-exports.
                    None if prefix.starts_with("crate") => {
                        out.insert("mod".to_owned());
                    }
                    None => {}
                }
            }
        }
    }
    out.remove(name);
    out
}

#[test]
fn imports_go_down_the_layers_and_close_no_cycle() {
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    for expected in [
        "types",
        "words::tokens",
        "blocks::paragraphs",
        "parts::items",
    ] {
        assert!(known.contains(expected), "no {expected} in {known:?}");
    }
    let graph: BTreeMap<String, BTreeSet<String>> = modules
        .iter()
        .filter(|(name, _)| name.as_str() != "mod")
        .map(|(name, code)| (name.clone(), imports(name, code, &known)))
        .collect();
    // The folders' own mod.rs files only declare their modules.
    let mut upward = Vec::new();
    for (name, uses) in &graph {
        for used in uses {
            if used == "mod" || layer(used) > layer(name) {
                upward.push(format!("{name} → {used}"));
            }
        }
    }
    assert!(upward.is_empty(), "imports up a layer: {upward:?}");
    // Depth-first search for a cycle.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        let cycle = visit(node, &graph, &mut Vec::new(), &mut done);
        assert_eq!(cycle, None, "an import cycle");
    }
    // The checker sees imports: tokens reads numbers, items reads sections.
    assert!(
        graph["words::tokens"].contains("words::numbers"),
        "{graph:?}"
    );
    assert!(
        graph["parts::items"].contains("parts::sections"),
        "{graph:?}"
    );
    assert!(graph["proposals"].contains("parts::items"), "{graph:?}");
}
