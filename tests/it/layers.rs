//! The layers point only down (ARCHITECTURE.md): cli → commands → (demo) → areas (audit,
//! sharing, balance, monitor, sample) → foundation (model, load, profile, probe, report,
//! rules, observe, runtime, error). A `use crate::…` or `crate::…::` path that points up, or
//! from one area into another, fails here with the file and line.

use std::path::{Path, PathBuf};

const FOUNDATION: &[&str] = &[
    "model", "load", "profile", "probe", "report", "rules", "observe", "runtime", "error", "serve",
];
const AREAS: &[&str] = &["audit", "sharing", "balance", "monitor", "sample"];
const TOP: &[&str] = &["cli", "commands", "demo"];

/// The modules that code in `module` must not name.
fn forbidden(module: &str) -> Vec<&'static str> {
    if FOUNDATION.contains(&module) {
        TOP.iter().chain(AREAS).copied().collect()
    } else if AREAS.contains(&module) {
        TOP.iter()
            .chain(AREAS)
            .copied()
            .filter(|m| *m != module)
            .collect()
    } else if module == "demo" {
        vec!["cli", "commands"]
    } else if module == "cli" {
        vec!["commands", "demo"]
    } else {
        Vec::new()
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `src/audit/dups.rs` → `audit`; `src/cli.rs` → `cli`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

#[test]
fn layers_point_only_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut bad = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        let banned = forbidden(&module);
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for m in &banned {
                let path = format!("crate::{m}");
                let hit = code.match_indices(&path).any(|(i, _)| {
                    let next = code[i + path.len()..].chars().next();
                    matches!(next, Some(':') | Some(';') | Some(',') | Some('}') | None)
                        || next == Some(' ')
                });
                if hit {
                    bad.push(format!(
                        "{}:{}: `{module}` names `{path}`: {}",
                        file.strip_prefix(&src).unwrap().display(),
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "imports against the layers:\n{}",
        bad.join("\n")
    );
    // The check itself sees the tree.
    assert!(files.len() > 50, "read {} files", files.len());
}

#[test]
fn the_layer_check_catches_an_upward_import() {
    assert!(forbidden("model").contains(&"cli"));
    assert!(forbidden("audit").contains(&"sharing"));
    assert!(!forbidden("audit").contains(&"audit"));
    assert!(forbidden("load").contains(&"commands"));
}
