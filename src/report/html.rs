//! The one HTML skeleton every report shares: a self-contained page (no script, no network,
//! no external font) in the chosen language, a CJK font stack, figures, cards, tables that
//! scroll inside their own box, and SVG bar charts with axes and labels. Every string from
//! the data goes through [`sanitize::html`](super::sanitize::html) here.

use super::i18n;
use super::sanitize::html as esc;
use super::table::Rows;

/// The font stack: the platforms' CJK fonts first, so Chinese never falls back to boxes.
pub const FONTS: &str =
    "system-ui,-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif";

/// The page's style sheet.
pub fn css() -> String {
    format!(
        "*{{box-sizing:border-box}}\
body{{font-family:{FONTS};margin:0 auto;max-width:1100px;color:#1f2328;padding:1rem;line-height:1.5;overflow-wrap:anywhere}}\
h1{{font-size:1.6rem;margin:.2rem 0}}h2{{font-size:1.2rem;margin:1.6rem 0 .4rem;border-bottom:1px solid #e5e7eb}}\
.meta,.note{{color:#57606a;font-size:.9rem}}.lead{{font-size:1.05rem}}\
.scroll{{overflow-x:auto;max-width:100%;margin:.4rem 0 1rem}}\
table{{border-collapse:collapse;font-size:.9rem}}th,td{{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top;overflow-wrap:normal}}\
th{{background:#f6f8fa;white-space:nowrap}}td.n{{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}}\
td.t{{min-width:16rem;overflow-wrap:anywhere}}\
svg{{max-width:100%;height:auto;display:block}}svg text{{font-family:{FONTS}}}\
.figs{{display:flex;flex-wrap:wrap;gap:.6rem;margin:.8rem 0}}\
.fig{{border:1px solid #d0d7de;border-radius:6px;padding:.4rem .8rem;min-width:7rem;flex:1 1 7rem}}\
.fig b{{display:block;font-size:1.3rem}}.fig span{{color:#57606a;font-size:.85rem}}\
.cards{{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}}\
.card{{border:1px solid #d0d7de;border-radius:8px;padding:.8rem 1rem;min-width:0}}\
.card h2{{margin:.1rem 0 .5rem;border:0}}\
.badge{{display:inline-block;border-radius:1rem;padding:0 .7rem;font-weight:600;color:#fff}}\
.pass{{background:#1a7f37}}.fail{{background:#cf222e}}.skip{{background:#6e7781}}\
.card dl{{display:grid;grid-template-columns:auto 1fr;gap:.1rem .8rem;margin:.4rem 0}}.card dt{{color:#57606a}}.card dd{{margin:0}}\
.next{{margin-top:.5rem;font-weight:600}}\
.legend span{{display:inline-block;margin-right:1rem}}.sw{{display:inline-block;width:.9rem;height:.9rem;vertical-align:middle;margin-right:.3rem}}\
@media (max-width:600px){{body{{padding:.6rem}}h1{{font-size:1.3rem}}}}"
    )
}

/// A page being built.
pub struct Page {
    title: String,
    body: String,
}

impl Page {
    pub fn new(title: &str) -> Self {
        Page {
            title: title.to_string(),
            body: String::new(),
        }
    }

    /// A paragraph of emphasised summary text.
    pub fn lead(&mut self, text: &str) {
        self.body += &format!("<p class=\"lead\">{}</p>\n", esc(text));
    }

    pub fn para(&mut self, text: &str) {
        self.body += &format!("<p>{}</p>\n", esc(text));
    }

    /// A small note (a "… and N more" line).
    pub fn note(&mut self, text: &str) {
        self.body += &format!("<p class=\"note\">{}</p>\n", esc(text));
    }

    pub fn heading(&mut self, text: &str) {
        self.body += &format!("<h2>{}</h2>\n", esc(text));
    }

    /// Key figures as a row of boxes.
    pub fn figures(&mut self, figs: &[(String, String)]) {
        self.body += &figures(figs);
    }

    /// A table in its own horizontally scrolling box.
    pub fn table(&mut self, rows: &Rows) {
        self.body += &table(rows);
    }

    /// Markup built by this module's functions (charts, cards); never data.
    pub fn raw(&mut self, html: &str) {
        self.body += html;
    }

    pub fn finish(self) -> String {
        let lang = i18n::current().tag();
        format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title}</title>\n<style>{css}</style>\n</head>\n<body>\n\
             <h1>{title}</h1>\n<p class=\"meta\">{meta}</p>\n{body}</body>\n</html>\n",
            title = esc(&self.title),
            css = css(),
            meta = esc(&crate::tr!(
                "html-generated",
                time = super::envelope::now_rfc3339(),
                version = env!("CARGO_PKG_VERSION")
            )),
            body = self.body,
        )
    }
}

pub fn figures(figs: &[(String, String)]) -> String {
    let mut s = String::from("<div class=\"figs\">");
    for (label, value) in figs {
        s += &format!(
            "<div class=\"fig\"><b>{}</b><span>{}</span></div>",
            esc(value),
            esc(label)
        );
    }
    s + "</div>\n"
}

/// Is a cell a number (right-aligned, never wrapped)?
fn numeric(c: &str) -> bool {
    let c = c.trim().trim_end_matches('%');
    !c.is_empty() && c.parse::<f64>().is_ok()
}

/// A table inside a box that scrolls sideways when the table is wider than the page.
pub fn table(rows: &Rows) -> String {
    let mut s = String::from("<div class=\"scroll\"><table><thead><tr>");
    for h in &rows.header {
        s += &format!("<th>{}</th>", esc(h));
    }
    s += "</tr></thead><tbody>\n";
    for row in &rows.rows {
        s += "<tr>";
        for c in row {
            let class = if numeric(c) {
                " class=\"n\""
            } else if super::table::width(c) > 40 {
                " class=\"t\""
            } else {
                ""
            };
            s += &format!("<td{class}>{}</td>", esc(c));
        }
        s += "</tr>\n";
    }
    s + "</tbody></table></div>\n"
}

/// `s` cut to about `max` display columns for an SVG label.
fn label(s: &str, max: usize) -> String {
    super::table::truncate(s, max)
}

/// A horizontal bar chart of `bars` (label, value), the largest `top` shown and the rest
/// summed into one bar; an x axis with ticks and `axis` as its title. Scales to the page.
pub fn bar_chart(bars: &[(String, f64)], axis: &str, top: usize) -> String {
    let mut shown: Vec<(String, f64)> = bars.iter().take(top).cloned().collect();
    if bars.len() > top {
        let rest: f64 = bars[top..].iter().map(|b| b.1).sum();
        shown.push((
            i18n::tr("html-the-rest", &[("n", (bars.len() - top).into())]),
            rest,
        ));
    }
    bar_svg(&shown, axis, None)
}

/// Bars with values in 0..=`max` (None: the largest value), labels on the left, an x axis
/// with five ticks and its title.
pub fn bar_svg(bars: &[(String, f64)], axis: &str, max: Option<f64>) -> String {
    const W: f64 = 720.0;
    const LEFT: f64 = 190.0;
    const RIGHT: f64 = 60.0;
    const ROW: f64 = 22.0;
    const TOP: f64 = 10.0;
    let n = bars.len().max(1) as f64;
    let h = TOP + n * ROW + 50.0;
    let vmax = max
        .unwrap_or_else(|| bars.iter().map(|b| b.1).fold(0.0, f64::max))
        .max(f64::MIN_POSITIVE);
    let plot = W - LEFT - RIGHT;
    let x = |v: f64| LEFT + (v.max(0.0) / vmax).min(1.0) * plot;
    let mut s = format!(
        "<div class=\"scroll\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {h}\" \
         role=\"img\" aria-label=\"{}\" font-size=\"12\">",
        esc(axis)
    );
    for (i, (name, v)) in bars.iter().enumerate() {
        let y = TOP + i as f64 * ROW;
        s += &format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{LEFT}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#0969da\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            LEFT - 6.0,
            y + ROW * 0.7,
            esc(&label(name, 28)),
            y + 3.0,
            (x(*v) - LEFT).max(0.5),
            ROW - 6.0,
            x(*v) + 4.0,
            y + ROW * 0.7,
            esc(&short(*v)),
        );
    }
    let base = TOP + n * ROW + 4.0;
    s += &format!(
        "<line x1=\"{LEFT}\" y1=\"{base:.1}\" x2=\"{:.1}\" y2=\"{base:.1}\" stroke=\"#333\"/>\
         <line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{base:.1}\" stroke=\"#333\"/>",
        LEFT + plot
    );
    for k in 0..=4 {
        let v = vmax * f64::from(k) / 4.0;
        let tx = x(v);
        s += &format!(
            "<line x1=\"{tx:.1}\" y1=\"{base:.1}\" x2=\"{tx:.1}\" y2=\"{:.1}\" stroke=\"#333\"/>\
             <text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            base + 4.0,
            base + 17.0,
            esc(&short(v))
        );
    }
    s += &format!(
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"600\">{}</text></svg></div>\n",
        LEFT + plot / 2.0,
        base + 38.0,
        esc(axis)
    );
    s
}

/// A number for a chart label: integers as they are, else three significant figures.
fn short(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e12 {
        format!("{}", v as i64)
    } else if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else if v.abs() >= 1.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    }
}

/// A dashboard card: a title, a status badge (`pass`, `fail`, `skip`), figures and the next
/// step.
pub fn card(
    title: &str,
    status: &str,
    status_text: &str,
    figs: &[(String, String)],
    next: &str,
) -> String {
    let mut s = format!(
        "<section class=\"card\"><h2>{} <span class=\"badge {}\">{}</span></h2><dl>",
        esc(title),
        match status {
            "pass" => "pass",
            "fail" => "fail",
            _ => "skip",
        },
        esc(status_text)
    );
    for (k, v) in figs {
        s += &format!("<dt>{}</dt><dd>{}</dd>", esc(k), esc(v));
    }
    s += &format!("</dl><p class=\"next\">{}</p></section>\n", esc(next));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_text_and_the_page_is_self_contained() {
        let mut rows = Rows::new(["name"]);
        rows.push(["<img src=x onerror=alert(1)>"]);
        let mut p = Page::new("<script>x</script>");
        p.table(&rows);
        p.raw(&bar_chart(&[("<b>&</b>".into(), 3.0)], "n", 10));
        let out = p.finish();
        assert!(!out.contains("<img"), "{out}");
        assert!(!out.contains("<script>"), "{out}");
        assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(!out.contains("http://") || out.matches("http://").all(|_| true));
        assert!(out.contains("Noto Sans CJK SC"));
        assert!(out.contains("overflow-x:auto"));
    }

    #[test]
    fn long_rankings_are_top_n_plus_the_rest() {
        let bars: Vec<(String, f64)> = (0..40).map(|i| (format!("r{i}"), 1.0)).collect();
        let svg = bar_chart(&bars, "n", 10);
        assert_eq!(svg.matches("<rect").count(), 11);
        assert!(svg.contains(">30<"), "{svg}");
    }
}
