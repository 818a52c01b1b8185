//! The rule registry (`src/rules/`) cannot drift from the code, the docs or the outputs:
//!
//! - every rule id the source emits is registered, and every registered rule is emitted
//!   somewhere (found by reading `src/`: string literals and the `&str` constants that hold
//!   them), with the severity the registry gives it;
//! - the rule tables in `commands/audit.md` and `commands/sharing.md` are the registry's
//!   rendering, byte for byte (regenerate with `GOVOPS_BLESS=1 cargo test --test it rules`);
//! - `--list-rules`, `--explain`, SARIF's rule metadata and JUnit's test cases print it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use govops::model::Severity;
use govops::rules::{self, Area, RuleInfo};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

// ---------------------------------------------------------------------------------------
// Reading the source

/// One string literal: its text (as written, escapes not decoded), the code before it on its
/// line and the code after it.
struct Lit<'a> {
    text: &'a str,
    before: &'a str,
    after: &'a str,
    line: usize,
}

/// The string literals of Rust source, skipping comments, char literals and lifetimes.
fn literals(src: &str) -> Vec<Lit<'_>> {
    lex(src).0
}

/// The source with comments and literals blanked out (lines kept): only code is left.
fn code_only(src: &str) -> String {
    lex(src).1
}

fn lex(src: &str) -> (Vec<Lit<'_>>, String) {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut blank: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let start = i;
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                blank.push((start, i));
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let start = i;
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
                blank.push((start, i.min(b.len())));
            }
            b'\'' => {
                // '\n', '\'', '"', 'x' (any UTF-8 char) or a lifetime.
                if b.get(i + 1) == Some(&b'\\') {
                    i += 2;
                    while i < b.len() && b[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                } else {
                    let ch_len = src[i + 1..].chars().next().map_or(1, char::len_utf8);
                    if b.get(i + 1 + ch_len) == Some(&b'\'') {
                        i += 2 + ch_len;
                    } else {
                        i += 1;
                    }
                }
            }
            b'r' if (i == 0 || !ident(b[i - 1]))
                && matches!(b.get(i + 1), Some(b'"') | Some(b'#')) =>
            {
                let mut j = i + 1;
                while b.get(j) == Some(&b'#') {
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let hashes = j - i - 1;
                let close: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let start = j + 1;
                let end = src[start..].find(&close).map_or(b.len(), |e| start + e);
                i = (end + close.len()).min(b.len());
                blank.push((start, end));
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                let line_start = src[..i].rfind('\n').map_or(0, |p| p + 1);
                let end = j.min(b.len());
                out.push(Lit {
                    text: &src[start..end],
                    before: &src[line_start..i],
                    after: &src[(end + 1).min(b.len())..],
                    line: src[..i].matches('\n').count() + 1,
                });
                i = end + 1;
                blank.push((start, end));
            }
            _ => i += 1,
        }
    }
    let mut code = b.to_vec();
    for (s, e) in blank {
        for c in &mut code[s..e.min(b.len())] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    }
    // Whole UTF-8 sequences are blanked (comments and literals end on ASCII), so this holds.
    (out, String::from_utf8(code).unwrap_or_default())
}

/// `src/**/*.rs` outside the registry, without their test modules: (path, code).
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join("src"), &mut files);
    files
        .into_iter()
        // The registry itself is not evidence of use; `src/rules/ids.rs` names ids the checks use.
        .filter(|p| !p.starts_with(root().join("src/rules")) || p.ends_with("src/rules/ids.rs"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            // Every test module in src/ is the file's last item, opened by `#[cfg(test)]`.
            let code = match text.find("#[cfg(test)]") {
                Some(at) => text[..at].to_string(),
                None => text,
            };
            let rel = p.strip_prefix(root()).unwrap().display().to_string();
            (rel, code)
        })
        .collect()
}

/// Literals that look like rule ids of a registered family but are not rules.
const NOT_RULES: &[(&str, &str)] = &[
    // Profile keys validated in src/profile/validate.rs (`sharing.timeout` is both).
    ("sharing.deadline", "profile key sharing.deadline"),
    ("sharing.yaml", "the file name of the demo's registry"),
];

/// Calls whose first argument is a rule id, whatever its family.
const EMITTERS: &[&str] = &[
    "Finding::new(",
    "row_finding(",
    "problem(",
    "defect(",
    "wants(",
];

fn looks_like_id(s: &str) -> bool {
    let mut parts = s.split('.');
    let family = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    !family.is_empty()
        && family.bytes().all(|c| c.is_ascii_lowercase())
        && !rest.is_empty()
        && rest
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_lowercase() || c == b'_'))
}

/// A severity written right after a rule id in a call: `Finding::new(ID, Severity::High, …)`.
fn severity_after(after: &str) -> Option<Severity> {
    let rest = after.trim_start().strip_prefix(',')?.trim_start();
    let name = rest.strip_prefix("Severity::")?;
    let word: String = name.chars().take_while(char::is_ascii_alphabetic).collect();
    match word.as_str() {
        "High" => Some(Severity::High),
        "Medium" => Some(Severity::Medium),
        "Low" => Some(Severity::Low),
        _ => None,
    }
}

/// Emitted severities that differ from the rule's default on purpose, as its explanation says.
const OTHER_SEVERITIES: &[(&str, Severity)] = &[
    // A valid certificate about to expire is medium; a failed handshake is high.
    ("sharing.tls", Severity::Medium),
];

#[derive(Default)]
struct Scan {
    /// Every rule-like id in the source, with where it is.
    ids: BTreeMap<String, Vec<String>>,
    /// The ids that are emitted: used in code, not only tested for (`wants(…)`), and not only
    /// in the sample generator's ground truth.
    emitted: BTreeSet<String>,
    /// (id, severity, where) for ids written next to a severity.
    severities: Vec<(String, Severity, String)>,
}

fn scan() -> Scan {
    let families: BTreeSet<&str> = rules::all()
        .iter()
        .filter_map(|r| r.id.split('.').next())
        .collect();
    let files = sources();
    let mut s = Scan::default();
    // `const NAME: &str = "id";` → NAME is the id wherever it is used.
    let mut consts: Vec<(String, String, String)> = Vec::new();
    for (file, code) in &files {
        for lit in literals(code) {
            let at = format!("{file}:{}", lit.line);
            let before = lit.before.trim_end();
            let emitter = EMITTERS.iter().any(|e| before.ends_with(e));
            let family = lit.text.split('.').next().unwrap_or_default();
            let is_id = looks_like_id(lit.text)
                && (emitter || families.contains(family))
                && !NOT_RULES.iter().any(|(n, _)| *n == lit.text);
            if !is_id {
                assert!(
                    !emitter || !before.ends_with("Finding::new("),
                    "{at}: `Finding::new(\"{}\"…)` is not a dotted rule id",
                    lit.text
                );
                continue;
            }
            s.ids
                .entry(lit.text.to_string())
                .or_default()
                .push(at.clone());
            if let Some(sev) = severity_after(lit.after) {
                s.severities.push((lit.text.to_string(), sev, at.clone()));
            }
            let const_name = before
                .trim_start()
                .strip_prefix("pub ")
                .unwrap_or(before.trim_start())
                .strip_prefix("const ")
                .and_then(|r| r.split(':').next())
                .map(str::trim);
            if let Some(name) = const_name {
                consts.push((name.to_string(), lit.text.to_string(), file.clone()));
            } else if !before.ends_with("wants(") && !file.starts_with("src/sample/") {
                s.emitted.insert(lit.text.to_string());
            }
        }
    }
    let code_of: Vec<(&String, String)> = files
        .iter()
        .filter(|(file, _)| !file.starts_with("src/sample/"))
        .map(|(file, code)| (file, code_only(code)))
        .collect();
    for (name, id, def_file) in &consts {
        for (file, code) in &code_of {
            for (n, line) in code.lines().enumerate() {
                let mut rest = line;
                while let Some(p) = rest.find(name.as_str()) {
                    let pre = rest[..p].chars().next_back();
                    let post = rest[p + name.len()..].chars().next();
                    let boundary =
                        |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                    let is_def = *file == def_file && line.contains("const ");
                    if boundary(pre) && boundary(post) && !is_def {
                        s.emitted.insert(id.clone());
                        if let Some(sev) = severity_after(&rest[p + name.len()..]) {
                            s.severities
                                .push((id.clone(), sev, format!("{file}:{}", n + 1)));
                        }
                    }
                    rest = &rest[p + name.len()..];
                }
            }
        }
    }
    s
}

#[test]
fn the_source_reader_finds_literals() {
    let code = "// \"comment.id\"\nlet c = '\"'; let l: &'static str = r#\"raw.id\"#;\n\
                Finding::new(\"gap.x\", Severity::High, m) /* \"block.id\" */ 'x';";
    let lits: Vec<&str> = literals(code).iter().map(|l| l.text).collect();
    assert_eq!(lits, ["gap.x"]);
    let l = &literals(code)[0];
    assert!(l.before.ends_with("Finding::new("));
    assert_eq!(severity_after(l.after), Some(Severity::High));
    assert_eq!(l.line, 3);
    let code = code_only(code);
    assert!(
        !code.contains("gap.x") && !code.contains("comment") && code.contains("Severity::High")
    );
    assert_eq!(code.lines().count(), 3);
}

#[test]
fn every_emitted_rule_is_registered_and_every_registered_rule_is_emitted() {
    let s = scan();
    let registered: BTreeSet<&str> = rules::all().iter().map(|r| r.id).collect();
    let unregistered: Vec<String> = s
        .ids
        .iter()
        .filter(|(id, _)| !registered.contains(id.as_str()))
        .map(|(id, at)| format!("{id} ({})", at.join(", ")))
        .collect();
    assert!(
        unregistered.is_empty(),
        "rule ids used in src/ but missing from src/rules/registry.rs: {unregistered:#?}"
    );
    let never: Vec<&str> = registered
        .iter()
        .copied()
        .filter(|id| !s.emitted.contains(*id))
        .collect();
    assert!(
        never.is_empty(),
        "rules in src/rules/registry.rs that nothing in src/ emits: {never:?}"
    );
    // The scan sees every area's rules, so it cannot pass by seeing nothing.
    assert!(s.emitted.len() >= 31, "{:?}", s.emitted);
}

#[test]
fn emitted_severities_are_the_registered_ones() {
    let s = scan();
    assert!(
        !s.severities.is_empty(),
        "the scan finds `Finding::new(id, Severity::…)`"
    );
    for (id, sev, at) in &s.severities {
        let Some(rule) = rules::get(id) else { continue };
        assert!(
            rule.severity == *sev || OTHER_SEVERITIES.contains(&(id.as_str(), *sev)),
            "{at}: {id} emitted at {sev}, registered at {}",
            rule.severity
        );
    }
}

// ---------------------------------------------------------------------------------------
// The docs

/// The page with its generated block replaced by the registry's rendering.
fn regenerate(page: &str, area: Area) -> Result<String, String> {
    let (Some(begin), Some(end)) = (page.find(rules::DOC_BEGIN), page.find(rules::DOC_END)) else {
        return Err(format!(
            "no `{}` … `{}` block",
            rules::DOC_BEGIN,
            rules::DOC_END
        ));
    };
    if end < begin || page.matches(rules::DOC_BEGIN).count() != 1 {
        return Err("exactly one generated block, begin before end".into());
    }
    Ok(format!(
        "{}{}{}",
        &page[..begin],
        rules::doc_block(area),
        &page[end + rules::DOC_END.len()..]
    ))
}

#[test]
fn command_pages_carry_the_registry_rule_tables() {
    let mut stale = Vec::new();
    for (area, page) in [
        (Area::Audit, "commands/audit.md"),
        (Area::Sharing, "commands/sharing.md"),
        (Area::Monitor, "commands/monitor.md"),
    ] {
        let path = root().join(page);
        let text = std::fs::read_to_string(&path).unwrap();
        let want = regenerate(&text, area).unwrap_or_else(|e| panic!("{page}: {e}"));
        if want == text {
            continue;
        }
        if std::env::var_os("GOVOPS_BLESS").is_some() {
            std::fs::write(&path, want).unwrap();
        } else {
            stale.push(page);
        }
    }
    assert!(
        stale.is_empty(),
        "rule tables edited by hand or stale (run `GOVOPS_BLESS=1 cargo test --test it rules`): \
         {stale:?}"
    );
}

#[test]
fn a_hand_edited_doc_line_is_caught() {
    let page = std::fs::read_to_string(root().join("commands/audit.md")).unwrap();
    let edited = page.replacen(
        "| `duplicate.record` | high |",
        "| `duplicate.record` | low |",
        1,
    );
    assert_ne!(
        edited, page,
        "the generated table lists duplicate.record at high"
    );
    assert_ne!(regenerate(&edited, Area::Audit).ok(), Some(edited));
}

// ---------------------------------------------------------------------------------------
// The outputs

fn govops(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_govops"))
        .args(args)
        .env_remove("GOVOPS_PROFILE")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn list_rules_prints_the_registry_in_every_format() {
    for area in Area::ALL {
        let cmd = area.as_str();
        let (code, md, _) = govops(&[cmd, "--list-rules", "-f", "markdown"]);
        assert_eq!(code, 0);
        assert_eq!(
            md,
            rules::markdown(Some(area)),
            "{cmd}: Markdown is the docs' table"
        );
        let (_, json, _) = govops(&[cmd, "--list-rules", "-f", "json"]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let want = serde_json::to_value(rules::of_command(area)).unwrap();
        assert_eq!(v, want, "{cmd}: JSON carries every field");
        let (_, csv, _) = govops(&[cmd, "--list-rules", "-f", "csv"]);
        assert_eq!(
            csv,
            rules::list(Some(area), govops::cli::Format::Csv, Default::default())
        );
        let (_, table, _) = govops(&["--wide", cmd, "--list-rules", "-f", "table"]);
        for r in rules::of_command(area) {
            let line = table.lines().find(|l| l.contains(&format!(" {} ", r.id)));
            let line = line.unwrap_or_else(|| panic!("{cmd}: {} not in {table}", r.id));
            assert!(
                line.contains(r.title) && line.contains(r.severity.as_str()),
                "{line}"
            );
        }
        assert_eq!(
            table.lines().count(),
            4 + rules::of_command(area).len(),
            "{table}"
        );
        let (code, _, err) = govops(&[cmd, "--list-rules", "-f", "sarif"]);
        assert_eq!(code, 2, "{err}");
    }
}

#[test]
fn explain_prints_the_registry() {
    for r in rules::all() {
        let command = match r.area {
            Area::Input => "audit",
            a => a.as_str(),
        };
        let (code, out, err) = govops(&[command, "--explain", r.id]);
        assert_eq!(code, 0, "{}: {err}", r.id);
        assert_eq!(out, rules::render_explain(r));
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for part in [r.title, r.explanation, r.remedy] {
            assert!(words(&out).contains(&words(part)), "{}: {part}", r.id);
        }
        for line in r.example.lines() {
            assert!(out.contains(&format!("    {line}\n")), "{}: {line}", r.id);
        }
    }
    // Any command explains any rule; the short form of the old `sharing --explain` stays.
    let (code, out, _) = govops(&["audit", "--explain", "silo"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("sharing.silo "), "{out}");
    let (code, _, err) = govops(&["sharing", "--explain", "sharing.slwo"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `sharing.slow`"), "{err}");
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

fn check_sarif_rules(sarif: &str, want: &[RuleInfo]) {
    let v: serde_json::Value = serde_json::from_str(sarif).unwrap();
    let got = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(got.len(), want.len());
    for (g, r) in got.iter().zip(want) {
        assert_eq!(g["id"], r.id);
        assert_eq!(g["shortDescription"]["text"], r.title);
        assert_eq!(g["fullDescription"]["text"], r.explanation);
        assert_eq!(g["help"]["text"], r.remedy);
        assert_eq!(g["defaultConfiguration"]["level"], level(r.severity));
    }
}

fn check_junit_cases(xml: &str, suite: &str, want: &[RuleInfo]) {
    let names: Vec<&str> = xml
        .split(&format!("<testcase classname=\"govops.{suite}\" name=\""))
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    let ids: Vec<&str> = want.iter().map(|r| r.id).collect();
    assert_eq!(names, ids);
}

#[test]
fn sarif_and_junit_rules_come_from_the_registry() {
    let cat = root().join("tests/data/audit/catalog.csv");
    let cat = cat.to_str().unwrap();
    let (_, sarif, err) = govops(&["audit", "--catalog", cat, "-f", "sarif"]);
    assert!(!sarif.is_empty(), "{err}");
    check_sarif_rules(&sarif, rules::of_command(Area::Audit));
    let (_, xml, _) = govops(&["audit", "--catalog", cat, "-f", "junit"]);
    check_junit_cases(&xml, "audit", rules::of_command(Area::Audit));

    let reg = root().join("tests/support/registry.yaml");
    let reg = reg.to_str().unwrap();
    let (_, sarif, err) = govops(&["sharing", "--registry", reg, "-f", "sarif"]);
    assert!(!sarif.is_empty(), "{err}");
    check_sarif_rules(&sarif, rules::of_command(Area::Sharing));
    let (_, xml, _) = govops(&["sharing", "--registry", reg, "-f", "junit"]);
    check_junit_cases(&xml, "sharing", rules::of_command(Area::Sharing));
}

#[test]
fn shell_completions_offer_every_rule_id_for_explain() {
    let bash = std::fs::read_to_string(root().join("completions/govops.bash")).unwrap();
    let fish = std::fs::read_to_string(root().join("completions/govops.fish")).unwrap();
    for rule in govops::rules::all() {
        assert!(bash.contains(rule.id), "bash completion lacks {}", rule.id);
        assert!(fish.contains(rule.id), "fish completion lacks {}", rule.id);
    }
}
