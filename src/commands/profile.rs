//! `govops profile list | show | validate | init`.

use std::path::Path;

use crate::cli::{GlobalArgs, ProfileCommand};
use crate::error::{Error, Result};
use crate::report::output::{write_atomic, write_stdout};

use crate::profile::{locate, parse, user_dir, BUILTIN};

use crate::profile::STARTER;

pub fn run(global: &GlobalArgs, cmd: ProfileCommand) -> Result<u8> {
    let active = global.profile.as_deref();
    match cmd {
        ProfileCommand::List => list(),
        ProfileCommand::Show { name } => {
            let name = name.as_deref().or(active).unwrap_or("demo");
            let (text, origin) = locate(name)?;
            let profile = parse(&text).map_err(|problems| Error::Profile {
                name: origin.to_string(),
                problems: problems
                    .iter()
                    .map(|p| p.render(&origin.to_string()))
                    .collect(),
            })?;
            let yaml = crate::yaml::to_string(&profile).map_err(Error::Other)?;
            write_stdout(format!("# profile: {origin}\n{yaml}").as_bytes())?;
            Ok(0)
        }
        ProfileCommand::Validate { name } => {
            let name = name.as_deref().or(active).unwrap_or("demo");
            let (text, origin) = locate(name)?;
            match parse(&text) {
                Ok(_) => {
                    if !global.quiet {
                        eprintln!("govops: profile {origin} is valid");
                    }
                    Ok(0)
                }
                Err(problems) => Err(Error::Profile {
                    name: origin.to_string(),
                    problems: problems
                        .iter()
                        .map(|p| p.render(&origin.to_string()))
                        .collect(),
                }),
            }
        }
        ProfileCommand::Init { path, force } => init(&path, force, global.quiet),
    }
}

fn list() -> Result<u8> {
    let mut out = String::new();
    let mut seen = Vec::new();
    let mut dirs = vec![Path::new("profiles").to_path_buf()];
    dirs.extend(user_dir());
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
            .collect();
        files.sort();
        for f in files {
            let name = f
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name == "demo" {
                continue; // reserved for the built-in demo
            }
            let desc = std::fs::read_to_string(&f)
                .ok()
                .and_then(|t| parse(&t).ok())
                .and_then(|p| p.description)
                .unwrap_or_else(|| "(does not validate)".into());
            out += &format!("{name:<12} {:<40} {}\n", f.display(), first_line(&desc));
            seen.push(name);
        }
    }
    for (name, text) in BUILTIN {
        if seen.iter().any(|s| s == name) {
            continue;
        }
        let desc = parse(text)
            .ok()
            .and_then(|p| p.description)
            .unwrap_or_default();
        out += &format!("{name:<12} {:<40} {}\n", "(built in)", first_line(&desc));
    }
    write_stdout(crate::report::sanitize::terminal_multiline(&out).as_bytes())?;
    Ok(0)
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

fn init(path: &Path, force: bool, quiet: bool) -> Result<u8> {
    if path.exists() && !force {
        return Err(Error::usage(format!(
            "{} exists; use --force to overwrite it",
            path.display()
        )));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir.display(), e))?;
    }
    write_atomic(path, STARTER.as_bytes())?;
    if !quiet {
        eprintln!(
            "govops: wrote {}; check it with `govops profile validate {}`",
            path.display(),
            path.display()
        );
    }
    Ok(0)
}
