//! The report for people (terminal table with inline bars, Markdown) and as CSV (one row per
//! region). Every cell goes through `report::table::Rows`, which sanitizes it.

use super::analysis::{Inequality, Report};
use crate::report::i18n::t;
use crate::report::sanitize;
use crate::tr;

/// A column heading in the chosen language.
fn c(en: &str) -> String {
    t(&bal_key(en))
}

fn bal_key(en: &str) -> String {
    let mut k = String::from("bal-");
    let mut dash = false;
    for ch in en.to_lowercase().chars() {
        if ch.is_ascii_alphanumeric() {
            k.push(ch);
            dash = false;
        } else if !dash && k.len() > 4 {
            k.push('-');
            dash = true;
        }
    }
    let k = k.trim_end_matches('-').to_string();
    if k == "bal-" {
        "bal-blank".into()
    } else {
        k
    }
}
use crate::report::table::{bar, Kind, Rows, Style};

/// Ranking tables longer than this show the top and the bottom only.
const MAX_ROWS: usize = 60;
const ENDS: usize = 25;
/// Laggards listed in the human formats at most (JSON has all).
const MAX_LAGGARD_ROWS: usize = 30;
/// Indicator columns shown in the ranking table at most.
const MAX_INDICATOR_COLS: usize = 6;

/// A number for people: integers as integers, else 4 decimals below 10, 2 below 1000, 0 above.
pub fn num(v: Option<f64>) -> String {
    match v {
        None => "–".into(),
        Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", x as i64),
        Some(x) if x.abs() >= 1000.0 => format!("{x:.0}"),
        Some(x) if x.abs() >= 10.0 => format!("{x:.2}"),
        Some(x) => format!("{x:.4}"),
    }
}

pub fn pct(v: Option<f64>) -> String {
    v.map(|x| format!("{:.1}%", x * 100.0))
        .unwrap_or_else(|| "–".into())
}

pub(super) fn headline(r: &Report) -> Vec<String> {
    let p = &r.plan;
    let indicators = r
        .specs
        .iter()
        .map(|s| {
            format!(
                "{}{}{}",
                s.name,
                if s.weight != 1.0 {
                    format!("×{}", s.weight)
                } else {
                    String::new()
                },
                if s.better.as_str() == "lower" {
                    " ↓"
                } else {
                    ""
                }
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let mut first = tr!(
        "bal-headline",
        regions = r.regions.len(),
        n = r.specs.len(),
        indicators = indicators,
        normalise = p.scaling.as_str(),
        tiers = p.scheme.name()
    );
    if let Some(g) = &p.group_by {
        first += &tr!("bal-grouped-by", by = g);
    }
    if let Some(w) = &p.weight {
        first += &tr!("bal-weighted-by", by = w);
    }
    let mut lines = vec![first];
    if let Some(q) = r.index_inequality() {
        let mut s = tr!(
            "bal-index-line",
            mean = num(q.basic.mean),
            median = num(q.basic.median),
            min = num(q.basic.min),
            max = num(q.basic.max),
            gini = num(q.basic.gini),
            theil = num(q.basic.theil_t),
            cv = num(q.basic.cv)
        );
        if let Some(d) = &q.decomposition {
            s += &tr!(
                "bal-between-line",
                share = pct(d.between_share),
                p = num(d.between_share_p_value)
            );
        }
        lines.push(s);
    }
    lines
}

/// The ranking: at most `MAX_ROWS` rows (top and bottom `ENDS` beyond that).
pub(super) fn ranking(r: &Report, with_bar: bool) -> Rows {
    let show: Vec<usize> = (0..r.specs.len().min(MAX_INDICATOR_COLS)).collect();
    let mut head: Vec<String> = vec![c("rank"), c("code"), c("name"), c("group")];
    if with_bar {
        head.push(String::new());
    }
    head.extend([c("index"), c("tier")]);
    head.extend(show.iter().map(|&j| r.specs[j].name.clone()));
    // At 80 columns: rank, name, index and tier first; the bar, code, group and the
    // indicator columns give way in that order.
    let mut priority = vec![0, 5, 1, 6];
    let mut kinds = vec![Kind::Fixed, Kind::Fixed, Kind::Name, Kind::Name];
    if with_bar {
        priority.push(4);
        kinds.push(Kind::Fixed);
    }
    priority.extend([2, 3]);
    kinds.extend([Kind::Fixed, Kind::Name]);
    priority.extend(show.iter().map(|&j| 7 + j));
    kinds.extend(show.iter().map(|_| Kind::Fixed));
    let mut rows = Rows::new(head).priority(&priority).kinds(&kinds);
    let n = r.regions.len();
    for (pos, x) in r.regions.iter().enumerate() {
        if n > MAX_ROWS && pos == ENDS {
            let mut gap = vec![
                String::new(),
                "…".into(),
                tr!("bal-more-regions", n = n - 2 * ENDS),
            ];
            gap.resize(rows.header.len(), String::new());
            rows.push(gap);
        }
        if n > MAX_ROWS && (ENDS..n - ENDS).contains(&pos) {
            continue;
        }
        let tier = match (&x.tier, &x.rating_class) {
            (Some(t), Some(c)) => format!("{t} ({c})"),
            (Some(t), None) => t.clone(),
            _ => "–".into(),
        };
        let mut row = vec![
            x.rank.map(|k| k.to_string()).unwrap_or_else(|| "–".into()),
            x.unit.code.clone(),
            x.unit.name.clone(),
            x.by_group
                .clone()
                .or_else(|| x.unit.group.clone())
                .unwrap_or_default(),
        ];
        if with_bar {
            row.push(bar(x.index.unwrap_or(0.0), 20));
        }
        row.extend([num(x.index), tier]);
        row.extend(show.iter().map(|&j| num(x.values[j])));
        rows.push(row);
    }
    rows
}

pub(super) fn inequality(r: &Report) -> Rows {
    let mut rows = Rows::new([
        c("indicator"),
        c("n"),
        c("mean"),
        c("Gini"),
        c("Theil T"),
        c("Theil L"),
        c("CV"),
        c("max/min"),
        c("w. mean"),
        c("w. Gini"),
        c("between T"),
        c("p"),
    ]);
    for (name, q) in &r.inequality {
        let d = q.decomposition.as_ref();
        rows.push([
            name.clone(),
            q.basic.n.to_string(),
            num(q.basic.mean),
            num(q.basic.gini),
            num(q.basic.theil_t),
            num(q.basic.theil_l),
            num(q.basic.cv),
            num(q.basic.max_min_ratio),
            num(q.weighted.as_ref().and_then(|w| w.mean)),
            num(q.weighted.as_ref().and_then(|w| w.gini)),
            pct(d.and_then(|d| d.between_share)),
            num(d.and_then(|d| d.between_share_p_value)),
        ]);
    }
    rows
}

pub(super) fn groups(q: &Inequality, with_bar: bool) -> Option<Rows> {
    let d = q.decomposition.as_ref()?;
    let max = d.groups.iter().map(|g| g.mean).fold(0.0, f64::max);
    let named = d.groups.iter().any(|g| g.name.is_some());
    let mut head = vec![c("group")];
    if named {
        head.push(c("name"));
    }
    head.extend([c("n"), c("mean index")]);
    if with_bar {
        head.push(String::new());
    }
    head.extend([c("Theil T"), c("Theil L")]);
    let mut rows = Rows::new(head);
    for g in &d.groups {
        let mut row = vec![g.group.clone()];
        if named {
            row.push(g.name.clone().unwrap_or_default());
        }
        row.extend([g.n.to_string(), num(Some(g.mean))]);
        if with_bar {
            row.push(bar(if max > 0.0 { g.mean / max } else { 0.0 }, 16));
        }
        row.extend([num(g.theil_t), num(g.theil_l)]);
        rows.push(row);
    }
    Some(rows)
}

pub(super) fn laggards(r: &Report) -> Rows {
    let mut rows = Rows::new([
        c("rank"),
        c("code"),
        c("name"),
        c("index"),
        c("below median"),
        c("weakest indicators (score vs median)"),
    ]);
    for (k, l) in r.laggards.iter().enumerate() {
        if k == MAX_LAGGARD_ROWS {
            let mut more = vec![
                String::new(),
                "…".into(),
                tr!("bal-more", n = r.laggards.len() - k),
            ];
            more.resize(rows.header.len(), String::new());
            rows.push(more);
            break;
        }
        let weak: Vec<String> = l
            .weakest
            .iter()
            .map(|w| format!("{} {:.2} vs {:.2}", w.indicator, w.score, w.median_score))
            .collect();
        rows.push([
            l.rank.to_string(),
            l.code.clone(),
            l.name.clone(),
            num(Some(l.index)),
            pct(Some(l.shortfall)),
            weak.join("; "),
        ]);
    }
    rows
}

/// Sector and level balance (catalog-derived reports).
pub(super) fn sections(r: &Report) -> Vec<(String, Rows)> {
    let mut out = Vec::new();
    for (key, v) in &r.sections {
        let Some(items) = v.as_array() else { continue };
        let rows = match key.as_str() {
            "sectors" => {
                let mut rows = Rows::new([
                    c("sector"),
                    c("items"),
                    c("online"),
                    c("fully online"),
                    c("regions"),
                    c("Gini (fully online)"),
                    c("lagging regions"),
                ]);
                for s in items {
                    let lag: Vec<String> = s["lagging_regions"]
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .filter_map(|x| x["name"].as_str().map(String::from))
                                .collect()
                        })
                        .unwrap_or_default();
                    rows.push([
                        s["sector"].as_str().unwrap_or("").to_string(),
                        s["items"].to_string(),
                        pct(s["online_share"].as_f64()),
                        pct(s["full_online_share"].as_f64()),
                        s["regions"].to_string(),
                        num(s["gini"].as_f64()),
                        lag.join(", "),
                    ]);
                }
                (t("bal-sectors"), rows)
            }
            "levels" => {
                let mut rows = Rows::new([
                    c("level"),
                    c("items"),
                    c("online"),
                    c("fully online"),
                    c("mobile"),
                    c("mean visits"),
                ]);
                for s in items {
                    rows.push([
                        s["level"].as_str().unwrap_or("").to_string(),
                        s["items"].to_string(),
                        pct(s["online_share"].as_f64()),
                        pct(s["full_online_share"].as_f64()),
                        pct(s["mobile_share"].as_f64()),
                        num(s["mean_visits"].as_f64()),
                    ]);
                }
                (t("bal-levels"), rows)
            }
            _ => continue,
        };
        out.push(rows);
    }
    out
}

pub(super) fn laggard_title(r: &Report) -> String {
    tr!(
        "bal-laggards-title",
        pct = format!("{:.0}", r.plan.laggard_ratio * 100.0),
        median = num(r.median_index)
    )
}

pub fn table(r: &Report, style: Style) -> String {
    let mut out = String::new();
    for l in headline(r) {
        out += &crate::report::table::wrap(&sanitize::terminal(&l), style.width());
        out.push('\n');
    }
    out += &format!("\n{}\n", t("bal-ranking"));
    out += &ranking(r, true).to_table(style, None);
    out += &format!("\n{}\n", t("bal-inequality"));
    out += &inequality(r).to_table(style, None);
    if let Some(g) = r.index_inequality().and_then(|q| groups(q, true)) {
        out += &format!(
            "\n{}\n",
            sanitize::terminal(&tr!(
                "bal-groups-by",
                by = r.plan.group_by.as_deref().unwrap_or("")
            ))
        );
        out += &g.to_table(style, None);
    }
    out += &format!("\n{}\n", laggard_title(r));
    let lag = laggards(r);
    out += &if lag.is_empty() {
        t("none") + "\n"
    } else {
        lag.to_table(style, None)
    };
    for (title, rows) in sections(r) {
        out += &format!("\n{title}\n");
        out += &rows.to_table(style, None);
    }
    if !r.notes.is_empty() {
        out += &format!("\n{}\n", t("bal-notes"));
        for n in &r.notes {
            out += &format!("- {}\n", sanitize::terminal(n));
        }
    }
    out
}

pub fn markdown(r: &Report) -> String {
    let mut out = format!("# {}\n\n", t("bal-title"));
    for l in headline(r) {
        out += &format!("{}\n\n", sanitize::markdown(&l));
    }
    out += &format!("## {}\n\n", t("bal-ranking"));
    out += &ranking(r, false).to_markdown();
    out += &format!("\n## {}\n\n", t("bal-inequality"));
    out += &inequality(r).to_markdown();
    if let Some(g) = r.index_inequality().and_then(|q| groups(q, false)) {
        out += &format!(
            "\n## {}\n\n",
            sanitize::markdown(&tr!(
                "bal-groups-by",
                by = r.plan.group_by.as_deref().unwrap_or("")
            ))
        );
        out += &g.to_markdown();
    }
    out += &format!("\n## {}\n\n", sanitize::markdown(&laggard_title(r)));
    let lag = laggards(r);
    out += &if lag.is_empty() {
        t("none") + "\n"
    } else {
        lag.to_markdown()
    };
    for (title, rows) in sections(r) {
        out += &format!("\n## {title}\n\n");
        out += &rows.to_markdown();
    }
    if !r.notes.is_empty() {
        out += &format!("\n## {}\n\n", t("bal-notes"));
        for n in &r.notes {
            out += &format!("- {}\n", sanitize::markdown(n));
        }
    }
    out
}

/// One row per region, every indicator's value and score, full precision.
pub fn csv(r: &Report) -> String {
    let mut head: Vec<String> = [
        "rank",
        "code",
        "name",
        "group",
        "population",
        "index",
        "tier",
        "rating_class",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    head.extend(r.specs.iter().map(|s| s.name.clone()));
    head.extend(r.specs.iter().map(|s| format!("score_{}", s.name)));
    let mut rows = Rows::new(head);
    let f = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    for x in &r.regions {
        let mut row = vec![
            x.rank.map(|k| k.to_string()).unwrap_or_default(),
            // Control characters are made visible here too: CSV gets `cat`-ed.
            sanitize::terminal(&x.unit.code).into_owned(),
            sanitize::terminal(&x.unit.name).into_owned(),
            sanitize::terminal(x.unit.group.as_deref().unwrap_or("")).into_owned(),
            f(x.unit.population),
            f(x.index),
            x.tier.clone().unwrap_or_default(),
            x.rating_class.clone().unwrap_or_default(),
        ];
        row.extend(x.values.iter().map(|v| f(*v)));
        row.extend(x.scores.iter().map(|v| f(*v)));
        rows.push(row);
    }
    rows.to_csv()
}
