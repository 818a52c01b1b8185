//! The language people read: 简体中文 or English. Messages live in Fluent files in the
//! repository (`i18n/en/govops.ftl`, `i18n/zh-CN/govops.ftl`), embedded at build time.
//!
//! The language is chosen once per process (`--lang`, then `GOVOPS_LANG`, then `LC_ALL`,
//! `LC_MESSAGES`, `LANG`; English when nothing says otherwise) and read by every renderer
//! through [`t`] / [`tr`] and the [`tr!`](crate::tr) macro, so any presentation code (a
//! table, an HTML page, the monitor's panes) localises with one call and no plumbing:
//!
//! ```
//! use govops::report::i18n::{self, Lang};
//! i18n::set(Lang::Zh);
//! assert_eq!(i18n::t("status-pass"), "通过");
//! assert_eq!(govops::tr!("findings-more", n = 3), "…另有 3 条问题（完整列表请用 -f json 或 -f csv）");
//! ```
//!
//! Machine formats keep English keys; only their human text fields follow the language.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language govops speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// English
    #[default]
    En,
    /// 简体中文
    Zh,
}

impl Lang {
    /// The BCP 47 tag (`en`, `zh-CN`), for `<html lang=…>` and SARIF.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// A locale or language name as found in `GOVOPS_LANG`, `LC_ALL` or `LANG`
    /// (`zh_CN.UTF-8`, `zh-Hans`, `zh`, `en_US`, `C`). `None` for empty values.
    pub fn from_locale(s: &str) -> Option<Lang> {
        let s = s.trim();
        if s.is_empty() {
            return None;
        }
        let lower = s.to_ascii_lowercase();
        Some(if lower.starts_with("zh") || lower == "chinese" {
            Lang::Zh
        } else {
            Lang::En
        })
    }
}

/// English source and Simplified Chinese translation, embedded at build time.
pub const EN_FTL: &str = include_str!("../../i18n/en/govops.ftl");
pub const ZH_FTL: &str = include_str!("../../i18n/zh-CN/govops.ftl");

static LANG: AtomicU8 = AtomicU8::new(0);

/// Choose the language for the rest of the process.
pub fn set(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

thread_local! {
    /// A language for this thread only ([`scoped`]): tests render both languages in parallel.
    static SCOPED: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// Run `f` with `lang` in force on this thread only (the process-wide choice is untouched).
pub fn scoped<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = SCOPED.with(|c| c.replace(Some(lang)));
    let out = f();
    SCOPED.with(|c| c.set(before));
    out
}

/// The language in force.
pub fn current() -> Lang {
    if let Some(l) = SCOPED.with(|c| c.get()) {
        return l;
    }
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::Zh,
        _ => Lang::En,
    }
}

/// The language a run asks for: the flag, then `GOVOPS_LANG`, then the first of `LC_ALL`,
/// `LC_MESSAGES`, `LANG` that is set and not empty (POSIX order); English otherwise.
pub fn detect(flag: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(l) = flag {
        return l;
    }
    if let Some(l) = env("GOVOPS_LANG").as_deref().and_then(Lang::from_locale) {
        return l;
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(l) = env(var).as_deref().and_then(Lang::from_locale) {
            return l;
        }
    }
    Lang::En
}

/// [`detect`] from the process environment.
pub fn detect_env(flag: Option<Lang>) -> Lang {
    detect(flag, |k| std::env::var(k).ok())
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static ZH: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let (cell, src, tag) = match lang {
        Lang::En => (&EN, EN_FTL, "en"),
        Lang::Zh => (&ZH, ZH_FTL, "zh-CN"),
    };
    cell.get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut b = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks: terminals, CSV and width measurement must see plain text.
        b.set_use_isolating(false);
        // The catalogs are checked by tests; a bad entry is skipped, not fatal.
        let res = FluentResource::try_new(src.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = b.add_resource(res);
        b
    })
}

fn format_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let b = bundle(lang);
    let msg = b.get_message(id)?;
    let pattern = msg.value()?;
    let mut errors = Vec::new();
    Some(b.format_pattern(pattern, args, &mut errors).into_owned())
}

/// Does the catalog have message `id`?
pub fn has(id: &str) -> bool {
    bundle(Lang::En).has_message(id)
}

/// Message `id` in the current language (English if the translation lacks it, the id itself
/// if both do, so a missing message shows up in review rather than as an empty string).
pub fn t(id: &str) -> String {
    tr(id, &[])
}

/// Message `id` with named arguments.
pub fn tr(id: &str, args: &[(&str, Arg)]) -> String {
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        match v {
            Arg::Str(s) => fa.set(*k, FluentValue::from(s.clone())),
            Arg::Num(n) => fa.set(*k, FluentValue::from(*n)),
        }
    }
    let fa = (!args.is_empty()).then_some(&fa);
    format_in(current(), id, fa)
        .or_else(|| format_in(Lang::En, id, fa))
        .unwrap_or_else(|| id.to_string())
}

/// Message `id` in the current language, if the catalog has it (rule texts: the registry's
/// English is the fallback).
pub fn try_t(id: &str) -> Option<String> {
    format_in(current(), id, None)
}

/// An argument of a message: text, or a number (Fluent picks plural forms from numbers).
#[derive(Debug, Clone)]
pub enum Arg {
    Str(String),
    Num(f64),
}

macro_rules! from_num {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Self {
                Arg::Num(v as f64)
            }
        }
    )*};
}
from_num!(usize, u64, u32, u8, i64, i32, f64);

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Str(v.to_string())
    }
}
impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Str(v)
    }
}
impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::Str(v.clone())
    }
}

/// `tr!("id", name = value, ...)`: a localised message with arguments.
#[macro_export]
macro_rules! tr {
    ($id:expr) => { $crate::report::i18n::t($id) };
    ($id:expr, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::report::i18n::tr($id, &[$((stringify!($k), $crate::report::i18n::Arg::from($v))),+])
    };
}

/// A rule's title, explanation or remedy (`part`: `title`, `explanation`, `remedy`) in the
/// current language; the registry's English when there is no translation.
pub fn rule_text(id: &str, part: &str, english: &'static str) -> String {
    if current() == Lang::En {
        return english.to_string();
    }
    try_t(&rule_key(id, part)).unwrap_or_else(|| english.to_string())
}

/// The catalog key of a rule text: `rule-duplicate-near_name-title`.
pub fn rule_key(id: &str, part: &str) -> String {
    format!("rule-{}-{part}", id.replace('.', "-"))
}

/// A severity as people read it (`high` / `高`).
pub fn severity(s: crate::model::Severity) -> String {
    t(&format!("severity-{}", s.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    /// Message id -> the variables it uses.
    fn catalog(src: &str) -> BTreeMap<String, BTreeSet<String>> {
        fn walk_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
            for el in &p.elements {
                if let ast::PatternElement::Placeable { expression } = el {
                    walk_expr(expression, out);
                }
            }
        }
        fn walk_inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
            match e {
                ast::InlineExpression::VariableReference { id } => {
                    out.insert(id.name.to_string());
                }
                ast::InlineExpression::Placeable { expression } => walk_expr(expression, out),
                ast::InlineExpression::FunctionReference { arguments, .. } => {
                    for a in &arguments.positional {
                        walk_inline(a, out);
                    }
                }
                _ => {}
            }
        }
        fn walk_expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
            match e {
                ast::Expression::Select { selector, variants } => {
                    walk_inline(selector, out);
                    for v in variants {
                        walk_pattern(&v.value, out);
                    }
                }
                ast::Expression::Inline(i) => walk_inline(i, out),
            }
        }
        let res = match fluent_syntax::parser::parse(src) {
            Ok(r) => r,
            Err((_, errs)) => panic!("catalog does not parse: {errs:?}"),
        };
        let mut m = BTreeMap::new();
        for entry in res.body {
            if let ast::Entry::Message(msg) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &msg.value {
                    walk_pattern(p, &mut vars);
                }
                assert!(
                    m.insert(msg.id.name.to_string(), vars).is_none(),
                    "{} defined twice",
                    msg.id.name
                );
            }
        }
        m
    }

    #[test]
    fn every_message_is_in_both_languages_with_the_same_placeholders() {
        let en = catalog(EN_FTL);
        let zh = catalog(ZH_FTL);
        let only_en: Vec<&String> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
        let only_zh: Vec<&String> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(only_en.is_empty(), "missing in zh-CN: {only_en:?}");
        assert!(only_zh.is_empty(), "missing in en: {only_zh:?}");
        for (k, vars) in &en {
            assert_eq!(vars, &zh[k], "placeholders of {k} differ");
        }
        assert!(en.len() > 100, "{}", en.len());
    }

    #[test]
    fn every_rule_has_chinese_title_explanation_and_remedy() {
        let zh = catalog(ZH_FTL);
        for r in crate::rules::all() {
            for part in ["title", "explanation", "remedy"] {
                let k = rule_key(r.id, part);
                assert!(zh.contains_key(&k), "{k}");
            }
        }
    }

    #[test]
    fn the_chinese_catalog_is_chinese() {
        // Each zh-CN message has at least one Han character, or is the same as the English
        // (units, format names, codes).
        let en = catalog(EN_FTL);
        let b = bundle(Lang::Zh);
        for k in en.keys() {
            let Some(p) = b.get_message(k).and_then(|m| m.value()) else {
                continue;
            };
            let mut errs = Vec::new();
            let zh = b.format_pattern(p, None, &mut errs).into_owned();
            let han = zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            let eb = bundle(Lang::En);
            let en_text = eb
                .get_message(k)
                .and_then(|m| m.value())
                .map(|p| eb.format_pattern(p, None, &mut errs).into_owned())
                .unwrap_or_default();
            assert!(han || zh == en_text, "{k}: {zh}");
        }
    }

    #[test]
    fn the_language_comes_from_the_flag_then_govops_lang_then_the_locale() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(detect(None, env(&[])), Lang::En);
        assert_eq!(detect(None, env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(
            detect(None, env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")])),
            Lang::En
        );
        assert_eq!(
            detect(None, env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW")])),
            Lang::Zh
        );
        assert_eq!(
            detect(None, env(&[("GOVOPS_LANG", "en"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            detect(Some(Lang::Zh), env(&[("GOVOPS_LANG", "en")])),
            Lang::Zh
        );
    }
}
