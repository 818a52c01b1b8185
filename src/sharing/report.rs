//! The `govops sharing` report as data (the JSON envelope) and in every format it writes.

use serde_json::{json, Value};

use super::coverage::Coverage;
use super::graph::GraphReport;
use super::history::InterfaceHistory;
use crate::model::{Finding, Interface};
use crate::probe::ProbeResult;
use crate::report::i18n::t;
use crate::report::table::{Kind, Rows, Style};
use crate::report::Format;
use crate::report::{findings as ftable, Envelope};
use crate::tr;

const RULES: &[crate::rules::RuleInfo] = crate::rules::of_command(crate::rules::Area::Sharing);

pub struct ProbeRun {
    pub results: Vec<ProbeResult>,
    pub elapsed_ms: f64,
}

pub struct HistoryReport {
    pub file: String,
    pub stored: i64,
    pub pruned: usize,
    pub interfaces: Vec<InterfaceHistory>,
}

pub struct Report {
    pub inputs: Value,
    pub registry: String,
    pub interfaces: Vec<Interface>,
    pub graph: Option<GraphReport>,
    pub coverage: Option<Coverage>,
    pub probes: Option<ProbeRun>,
    pub history: Option<HistoryReport>,
    pub findings: Vec<Finding>,
}

impl Report {
    fn probe_summary(&self) -> Option<Value> {
        let run = self.probes.as_ref()?;
        let r = &run.results;
        let mut lat: Vec<f64> = r
            .iter()
            .filter(|p| p.available())
            .map(|p| p.latency_ms)
            .collect();
        lat.sort_by(f64::total_cmp);
        let mut classes = std::collections::BTreeMap::new();
        for p in r {
            for pr in &p.problems {
                *classes.entry(pr.rule).or_insert(0usize) += 1;
            }
        }
        Some(json!({
            "probed": r.len(),
            "healthy": r.iter().filter(|p| p.healthy()).count(),
            "available": r.iter().filter(|p| p.available()).count(),
            "p50_ms": super::history::percentile(&lat, 0.5),
            "p95_ms": super::history::percentile(&lat, 0.95),
            "elapsed_ms": run.elapsed_ms,
            "problems": classes,
        }))
    }

    pub fn summary(&self) -> Value {
        let providers: std::collections::BTreeSet<&str> = self
            .interfaces
            .iter()
            .map(|i| i.provider.as_str())
            .filter(|p| !p.is_empty())
            .collect();
        let mut s = json!({
            "interfaces": self.interfaces.len(),
            "providers": providers.len(),
            "findings": self.findings.len(),
            "by_severity": ftable::by_severity(&self.findings),
            "by_rule": ftable::by_rule(&self.findings),
        });
        if let Some(g) = &self.graph {
            s["graph"] = json!({
                "departments": g.departments, "edges": g.edges, "density": g.density,
                "reciprocity": g.reciprocity, "components": g.components,
                "islands": g.islands, "isolated": g.isolated,
                "not_shared_by_law": g.not_shared_by_law,
            });
        }
        if let Some(c) = &self.coverage {
            s["coverage"] = json!({
                "mentions": c.mentions, "covered_mentions": c.covered_mentions,
                "paperless_share": c.paperless_share, "materials": c.materials,
                "covered_materials": c.covered_materials,
            });
        }
        if let Some(p) = self.probe_summary() {
            s["probes"] = p;
        }
        s
    }

    pub fn envelope(&self) -> Envelope {
        let mut e = Envelope::new("sharing", self.inputs.clone(), self.summary())
            .findings(self.findings.clone());
        if let Some(g) = &self.graph {
            e = e.section("graph", serde_json::to_value(g).unwrap_or(Value::Null));
        }
        if let Some(c) = &self.coverage {
            e = e.section("coverage", serde_json::to_value(c).unwrap_or(Value::Null));
        }
        if let Some(p) = &self.probes {
            e = e.section(
                "probes",
                serde_json::to_value(&p.results).unwrap_or(Value::Null),
            );
        }
        if let Some(h) = &self.history {
            e = e.section(
                "history",
                json!({
                    "file": h.file, "stored_probes": h.stored, "pruned": h.pruned,
                    "interfaces": h.interfaces,
                }),
            );
        }
        e
    }

    pub fn render(&self, format: Format, style: Style) -> String {
        match format {
            Format::Json => self.envelope().to_json(),
            Format::Csv => ftable::to_csv(&self.findings),
            Format::Sarif => crate::report::sarif::to_sarif(RULES, &self.findings, &self.registry),
            Format::Junit => crate::report::junit::to_junit("sharing", RULES, &self.findings),
            Format::Markdown => self.sections(|r| r.to_markdown(), true),
            Format::Html => self.html(),
            _ => {
                self.sections(|r| r.to_table(style, None), false)
                    + &ftable::table(&self.findings, style, 200)
            }
        }
    }

    /// The human report: summary, then probes, coverage and history tables.
    fn sections(&self, draw: impl Fn(&Rows) -> String, markdown: bool) -> String {
        let mut out = String::new();
        let head = |t: &str| {
            if markdown {
                format!("\n## {}\n\n", crate::report::sanitize::markdown(t))
            } else {
                format!("\n{t}\n")
            }
        };
        if markdown {
            out += "# govops sharing\n";
        }
        for (title, rows) in self.tables() {
            out += &head(&title);
            out += &draw(&rows);
        }
        out += &head(&t("sharing-findings"));
        if markdown {
            out += &if self.findings.is_empty() {
                t("no-findings") + "\n"
            } else {
                ftable::rows(&self.findings).to_markdown()
            };
        }
        out
    }

    /// Every table of the human formats, with its title.
    fn tables(&self) -> Vec<(String, Rows)> {
        let mut v = vec![(t("sharing-summary"), self.summary_rows())];
        if let Some(p) = &self.probes {
            v.push((
                t("sharing-probes"),
                probe_rows(&self.interfaces, &p.results),
            ));
        }
        if let Some(c) = &self.coverage {
            if !c.top_uncovered.is_empty() {
                let mut r = Rows::new([t("col-material"), t("col-mentions")])
                    .kinds(&[Kind::Name, Kind::Fixed]);
                for (m, n) in &c.top_uncovered {
                    r.push([m.clone(), n.to_string()]);
                }
                v.push((t("sharing-uncovered"), r));
            }
        }
        if let Some(h) = &self.history {
            v.push((
                tr!("sharing-history", n = h.stored),
                history_rows(&h.interfaces),
            ));
        }
        v
    }

    /// One self-contained page: figures, a latency chart of the probes, the tables and the
    /// findings.
    fn html(&self) -> String {
        use crate::report::html::{self as h, Page};
        let mut p = Page::new(&t("sharing-title"));
        let sev = ftable::by_severity(&self.findings);
        let mut figs = vec![
            (t("fig-interfaces"), self.interfaces.len().to_string()),
            (t("fig-findings"), self.findings.len().to_string()),
            (t("col-high"), sev["high"].to_string()),
        ];
        if let Some(g) = &self.graph {
            figs.push((
                t("fig-silos"),
                (g.isolated.len() + g.islands.len()).to_string(),
            ));
            if !g.not_shared_by_law.is_empty() {
                figs.push((
                    t("fig-not-shared-by-law"),
                    g.not_shared_by_law.len().to_string(),
                ));
            }
        }
        if let Some(c) = &self.coverage {
            figs.push((
                t("fig-paperless"),
                format!("{:.1}%", c.paperless_share * 100.0),
            ));
        }
        p.figures(&figs);
        if let Some(pr) = &self.probes {
            let mut bars: Vec<(String, f64)> = pr
                .results
                .iter()
                .map(|r| (r.id.clone(), r.latency_ms))
                .collect();
            bars.sort_by(|a, b| b.1.total_cmp(&a.1));
            p.heading(&t("sharing-slowest"));
            p.raw(&h::bar_chart(&bars, &t("col-latency-ms"), 15));
        }
        for (title, rows) in self.tables() {
            p.heading(&title);
            p.table(&rows);
        }
        p.heading(&t("sharing-findings"));
        if self.findings.is_empty() {
            p.para(&t("no-findings"));
        } else {
            p.table(&ftable::rows(&self.findings));
        }
        p.finish()
    }

    fn summary_rows(&self) -> Rows {
        let mut r = Rows::new([t("col-figure"), t("col-value")]).kinds(&[Kind::Fixed, Kind::Text]);
        let providers: std::collections::BTreeSet<&str> = self
            .interfaces
            .iter()
            .map(|i| i.provider.as_str())
            .filter(|p| !p.is_empty())
            .collect();
        r.push([
            t("sharing-row-registry"),
            tr!(
                "sharing-registry-value",
                registry = self.registry.clone(),
                interfaces = self.interfaces.len(),
                providers = providers.len()
            ),
        ]);
        let none = || t("none");
        if let Some(g) = &self.graph {
            r.push([
                t("sharing-row-graph"),
                tr!(
                    "sharing-graph-value",
                    departments = g.departments,
                    edges = g.edges,
                    density = format!("{:.3}", g.density),
                    reciprocity = format!("{:.3}", g.reciprocity),
                    components = g.components
                ),
            ]);
            let islands: Vec<String> = g.islands.iter().map(|i| i.join("、")).collect();
            r.push([
                t("sharing-row-islands"),
                if islands.is_empty() {
                    none()
                } else {
                    islands.join(" | ")
                },
            ]);
            r.push([
                t("sharing-row-isolated"),
                if g.isolated.is_empty() {
                    none()
                } else {
                    g.isolated.join("、")
                },
            ]);
            if !g.not_shared_by_law.is_empty() {
                r.push([
                    t("sharing-row-not-shared-by-law"),
                    g.not_shared_by_law.join("、"),
                ]);
            }
            if !g.one_way.is_empty() {
                r.push([t("sharing-row-one-way"), g.one_way.join("、")]);
            }
        }
        if let Some(c) = &self.coverage {
            r.push([
                t("sharing-row-coverage"),
                tr!(
                    "sharing-coverage-value",
                    share = format!("{:.1}", c.paperless_share * 100.0),
                    mentions = c.mentions,
                    covered = c.covered_materials,
                    materials = c.materials
                ),
            ]);
        }
        if let Some(p) = self.probe_summary() {
            r.push([
                t("sharing-row-probes"),
                tr!(
                    "sharing-probes-value",
                    probed = p["probed"].as_u64().unwrap_or(0),
                    elapsed = format!("{:.0}", p["elapsed_ms"].as_f64().unwrap_or(0.0)),
                    healthy = p["healthy"].as_u64().unwrap_or(0),
                    available = p["available"].as_u64().unwrap_or(0),
                    p50 = fmt_ms(&p["p50_ms"]),
                    p95 = fmt_ms(&p["p95_ms"])
                ),
            ]);
        }
        let sev = ftable::by_severity(&self.findings);
        r.push([
            t("fig-findings"),
            tr!(
                "check-fig-findings-value",
                total = self.findings.len(),
                high = sev["high"],
                medium = sev["medium"],
                low = sev["low"]
            ),
        ]);
        r
    }
}

fn fmt_ms(v: &Value) -> String {
    v.as_f64()
        .map(|x| format!("{x:.0}"))
        .unwrap_or_else(|| "-".into())
}

fn probe_rows(ifaces: &[Interface], results: &[ProbeResult]) -> Rows {
    let mut r = Rows::new([
        t("col-id"),
        t("col-dataset"),
        t("col-http-status"),
        t("col-latency-ms"),
        t("col-bytes"),
        t("col-result"),
    ])
    .kinds(&[
        Kind::Fixed,
        Kind::Name,
        Kind::Fixed,
        Kind::Fixed,
        Kind::Fixed,
        Kind::Text,
    ])
    .priority(&[0, 2, 3, 4, 5, 1]);
    for p in results {
        let dataset = ifaces
            .iter()
            .find(|i| i.id == p.id)
            .map(|i| i.dataset.clone())
            .unwrap_or_default();
        let result = if p.healthy() {
            t("probe-ok")
        } else {
            p.problems
                .iter()
                .map(|x| x.rule.trim_start_matches("sharing."))
                .collect::<Vec<_>>()
                .join(", ")
        };
        r.push([
            p.id.clone(),
            dataset,
            p.status
                .map(|s| s.to_string())
                .unwrap_or_else(|| "-".into()),
            format!("{:.0}", p.latency_ms),
            p.bytes.to_string(),
            result,
        ]);
    }
    r
}

fn history_rows(h: &[InterfaceHistory]) -> Rows {
    let mut r = Rows::new([
        t("col-id"),
        tr!("col-window-avail", window = "24h"),
        tr!("col-window-latency", window = "24h"),
        tr!("col-window-avail", window = "7d"),
        tr!("col-window-latency", window = "7d"),
        tr!("col-window-avail", window = "30d"),
        tr!("col-window-latency", window = "30d"),
    ])
    .priority(&[0, 1, 3, 2, 5, 4, 6]);
    for i in h {
        let mut row = vec![i.id.clone()];
        for w in ["24h", "7d", "30d"] {
            let s = i.windows.get(w);
            row.push(
                s.and_then(|s| s.availability)
                    .map(|a| {
                        tr!(
                            "avail-of",
                            pct = format!("{:.1}", a * 100.0),
                            n = s.map(|s| s.probes).unwrap_or(0)
                        )
                    })
                    .unwrap_or_else(|| "-".into()),
            );
            row.push(match s {
                Some(s) if s.p50_ms.is_some() => format!(
                    "{:.0}/{:.0}",
                    s.p50_ms.unwrap_or(0.0),
                    s.p95_ms.unwrap_or(0.0)
                ),
                _ => "-".into(),
            });
        }
        r.push(row);
    }
    r
}
