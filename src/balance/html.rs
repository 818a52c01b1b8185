//! One self-contained HTML page (no script, no network): summary, charts as inline SVG,
//! an indicator heat table and the tables of the text report. Every string from the data is
//! escaped with `report::sanitize::html`.

use super::analysis::Report;
use super::charts;
use super::render;
use crate::report::i18n::t;
use crate::report::sanitize::html as esc;

/// Heat-table rows at most (top and bottom halves beyond that).
const MAX_HEAT_ROWS: usize = 200;

fn chart(title: &str, svg: Option<Result<String, String>>) -> String {
    match svg {
        None => String::new(),
        Some(Ok(svg)) => format!(
            "<section><h2>{}</h2>\n<div class=\"scroll\">{svg}</div></section>\n",
            esc(title)
        ),
        Some(Err(e)) => format!(
            "<section><h2>{}</h2><p>{}: {}</p></section>\n",
            esc(title),
            esc(&t("bal-chart-failed")),
            esc(&e)
        ),
    }
}

/// Background for a 0–1 score: red (0) through yellow to green (1).
fn heat(score: f64) -> String {
    let s = score.clamp(0.0, 1.0);
    let (a, b, t) = if s < 0.5 {
        ((215.0, 48.0, 39.0), (255.0, 255.0, 191.0), s * 2.0)
    } else {
        ((255.0, 255.0, 191.0), (26.0, 152.0, 80.0), (s - 0.5) * 2.0)
    };
    let mix = |x: f64, y: f64| (x + (y - x) * t).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(a.0, b.0),
        mix(a.1, b.1),
        mix(a.2, b.2)
    )
}

fn heat_table(r: &Report) -> String {
    let mut s = format!(
        "<div class=\"scroll\"><table><thead><tr><th>{}</th><th>{}</th><th>{}</th>",
        esc(&t("bal-rank")),
        esc(&t("bal-name")),
        esc(&t("bal-index"))
    );
    for spec in &r.specs {
        s += &format!(
            "<th>{}{}</th>",
            esc(&spec.name),
            if spec.better.as_str() == "lower" {
                " ↓"
            } else {
                ""
            }
        );
    }
    s += "</tr></thead><tbody>\n";
    let n = r.regions.len();
    let half = MAX_HEAT_ROWS / 2;
    for (pos, x) in r.regions.iter().enumerate() {
        if n > MAX_HEAT_ROWS && pos == half {
            s += &format!(
                "<tr><td colspan=\"{}\">{}</td></tr>\n",
                r.specs.len() + 3,
                esc(&crate::tr!("bal-more-regions", n = n - MAX_HEAT_ROWS))
            );
        }
        if n > MAX_HEAT_ROWS && (half..n - half).contains(&pos) {
            continue;
        }
        s += &format!(
            "<tr><td class=\"n\">{}</td><td>{}</td><td class=\"n\" style=\"background:{}\">{}</td>",
            x.rank.map(|k| k.to_string()).unwrap_or_else(|| "–".into()),
            esc(&x.unit.name),
            x.index.map(heat).unwrap_or_else(|| "#fff".into()),
            render::num(x.index)
        );
        for (v, sc) in x.values.iter().zip(&x.scores) {
            s += &format!(
                "<td class=\"n\" style=\"background:{}\" title=\"{} {}\">{}</td>",
                sc.map(heat).unwrap_or_else(|| "#fff".into()),
                esc(&t("bal-score")),
                render::num(*sc),
                render::num(*v)
            );
        }
        s += "</tr>\n";
    }
    s + "</tbody></table></div>\n"
}

fn legend(r: &Report) -> String {
    let names = r.plan.scheme.tier_names();
    let mut s = String::from("<p class=\"legend\">");
    for (i, n) in names.iter().enumerate() {
        let c = charts::tier_colour(i, names.len());
        s += &format!(
            "<span><i class=\"sw\" style=\"background:#{:02x}{:02x}{:02x}\"></i>{}</span>",
            c.0,
            c.1,
            c.2,
            esc(n)
        );
    }
    s + "</p>\n"
}

/// Regions shown at each end of the ranking chart.
const CHART_ENDS: usize = 15;

pub fn page(r: &Report) -> String {
    use crate::report::html::{bar_svg, Page};
    let mut p = Page::new(&t("bal-title"));
    for l in render::headline(r) {
        p.para(&l);
    }
    let ranked: Vec<(String, f64)> = r
        .regions
        .iter()
        .filter_map(|x| Some((x.unit.name.clone(), x.index?)))
        .collect();
    p.heading(&t("bal-ranking"));
    if ranked.len() > 2 * CHART_ENDS {
        p.raw(&bar_svg(
            &ranked[..CHART_ENDS],
            &t("bal-chart-index"),
            Some(1.0),
        ));
        p.note(&crate::tr!(
            "bal-more-regions",
            n = ranked.len() - 2 * CHART_ENDS
        ));
        p.raw(&bar_svg(
            &ranked[ranked.len() - CHART_ENDS..],
            &t("bal-chart-index"),
            Some(1.0),
        ));
    } else {
        p.raw(&bar_svg(&ranked, &t("bal-chart-index"), Some(1.0)));
    }
    p.raw(&legend(r));
    p.raw(&chart(&t("bal-chart-groups"), charts::groups(r)));
    if let Some(g) = r.index_inequality().and_then(|q| render::groups(q, false)) {
        p.table(&g);
    }
    p.raw(&chart(&t("bal-chart-lorenz"), charts::lorenz(r)));
    p.heading(&t("bal-heat"));
    p.raw(&heat_table(r));
    p.heading(&t("bal-inequality"));
    p.table(&render::inequality(r));
    p.heading(&render::laggard_title(r));
    let lag = render::laggards(r);
    if lag.is_empty() {
        p.para(&t("none"));
    } else {
        p.table(&lag);
    }
    for (title, rows) in render::sections(r) {
        p.heading(&title);
        p.table(&rows);
    }
    if !r.notes.is_empty() {
        p.heading(&t("bal-notes"));
        for n in &r.notes {
            p.para(n);
        }
    }
    p.finish()
}
