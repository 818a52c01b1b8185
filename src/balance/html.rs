//! One self-contained HTML page (no script, no network): summary, charts as inline SVG,
//! an indicator heat table and the tables of the text report. Every string from the data is
//! escaped with `report::sanitize::html`.

use super::analysis::Report;
use super::charts;
use super::render;
use crate::report::envelope::now_rfc3339;
use crate::report::sanitize::html as esc;
use crate::report::table::Rows;

/// Heat-table rows at most (top and bottom halves beyond that).
const MAX_HEAT_ROWS: usize = 200;

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',sans-serif;\
margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}h1{margin-bottom:.2rem}.meta{color:#666}\
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left}\
th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}svg{max-width:100%;height:auto}\
.legend span{display:inline-block;margin-right:1rem}.sw{display:inline-block;width:.9rem;height:.9rem;vertical-align:middle;margin-right:.3rem}\
.notes li{color:#555}";

fn table(rows: &Rows) -> String {
    let mut s = String::from("<table><thead><tr>");
    for h in &rows.header {
        s += &format!("<th>{}</th>", esc(h));
    }
    s += "</tr></thead><tbody>\n";
    for row in &rows.rows {
        s += "<tr>";
        for c in row {
            let numeric = c.trim_end_matches('%').parse::<f64>().is_ok();
            s += &format!(
                "<td{}>{}</td>",
                if numeric { " class=\"n\"" } else { "" },
                esc(c)
            );
        }
        s += "</tr>\n";
    }
    s + "</tbody></table>\n"
}

fn chart(title: &str, svg: Option<Result<String, String>>) -> String {
    match svg {
        None => String::new(),
        Some(Ok(svg)) => format!(
            "<section><h2>{}</h2>\n<figure>{svg}</figure></section>\n",
            esc(title)
        ),
        Some(Err(e)) => format!(
            "<section><h2>{}</h2><p>chart not drawn: {}</p></section>\n",
            esc(title),
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
    let mut s = String::from("<table><thead><tr><th>rank</th><th>region</th><th>index</th>");
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
                "<tr><td colspan=\"{}\">… {} more regions</td></tr>\n",
                r.specs.len() + 3,
                n - MAX_HEAT_ROWS
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
                "<td class=\"n\" style=\"background:{}\" title=\"score {}\">{}</td>",
                sc.map(heat).unwrap_or_else(|| "#fff".into()),
                render::num(*sc),
                render::num(*v)
            );
        }
        s += "</tr>\n";
    }
    s + "</tbody></table>\n"
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

pub fn page(r: &Report) -> String {
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>Regional balance</title><style>{CSS}</style></head><body>\n<h1>Regional balance</h1>\n\
<p class=\"meta\">govops {} · {}</p>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&now_rfc3339())
    );
    s += "<section><h2>Summary</h2>";
    for l in render::headline(r) {
        s += &format!("<p>{}</p>", esc(&l));
    }
    s += "</section>\n";
    s += &chart("Ranking by index", Some(charts::ranking(r)));
    s += &legend(r);
    s += &chart("Mean index by group", charts::groups(r));
    if let Some(g) = r.index_inequality().and_then(|q| render::groups(q, false)) {
        s += &table(&g);
    }
    s += &chart("Lorenz curve of the index", charts::lorenz(r));
    s += "<section><h2>Indicators (cells coloured by score, 0 red to 1 green)</h2>\n";
    s += &heat_table(r);
    s += "</section>\n<section><h2>Inequality</h2>\n";
    s += &table(&render::inequality(r));
    s += &format!(
        "</section>\n<section><h2>{}</h2>\n",
        esc(&render::laggard_title(r))
    );
    let lag = render::laggards(r);
    s += &if lag.is_empty() {
        "<p>None.</p>".to_string()
    } else {
        table(&lag)
    };
    s += "</section>\n";
    for (title, rows) in render::sections(r) {
        s += &format!(
            "<section><h2>{}</h2>\n{}</section>\n",
            esc(&title),
            table(&rows)
        );
    }
    if !r.notes.is_empty() {
        s += "<section><h2>Notes</h2><ul class=\"notes\">";
        for n in &r.notes {
            s += &format!("<li>{}</li>", esc(n));
        }
        s += "</ul></section>\n";
    }
    s + "</body></html>\n"
}
