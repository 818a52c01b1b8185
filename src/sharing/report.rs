//! The `govops sharing` report as data (the JSON envelope) and in every format it writes.

use serde_json::{json, Value};

use super::coverage::Coverage;
use super::graph::GraphReport;
use super::history::InterfaceHistory;
use crate::model::{Finding, Interface};
use crate::probe::ProbeResult;
use crate::report::table::{Rows, Style};
use crate::report::Format;
use crate::report::{findings as ftable, Envelope};

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
                format!("\n## {t}\n\n")
            } else {
                format!("\n{t}\n")
            }
        };
        if markdown {
            out += "# govops sharing\n";
        }
        out += &head("Summary");
        out += &draw(&self.summary_rows());
        if let Some(p) = &self.probes {
            out += &head("Probes");
            out += &draw(&probe_rows(&self.interfaces, &p.results));
        }
        if let Some(c) = &self.coverage {
            if !c.top_uncovered.is_empty() {
                out += &head("Most-demanded materials no interface covers");
                let mut r = Rows::new(["material", "mentions"]);
                for (m, n) in &c.top_uncovered {
                    r.push([m.clone(), n.to_string()]);
                }
                out += &draw(&r);
            }
        }
        if let Some(h) = &self.history {
            out += &head(&format!("History ({} probes stored)", h.stored));
            out += &draw(&history_rows(&h.interfaces));
        }
        out += &head("Findings");
        if markdown {
            out += &if self.findings.is_empty() {
                "No findings.\n".to_string()
            } else {
                ftable::rows(&self.findings).to_markdown()
            };
        }
        out
    }

    fn summary_rows(&self) -> Rows {
        let mut r = Rows::new(["", ""]);
        let providers: std::collections::BTreeSet<&str> = self
            .interfaces
            .iter()
            .map(|i| i.provider.as_str())
            .filter(|p| !p.is_empty())
            .collect();
        r.push([
            "registry".to_string(),
            format!(
                "{} — {} interfaces, {} providers",
                self.registry,
                self.interfaces.len(),
                providers.len()
            ),
        ]);
        if let Some(g) = &self.graph {
            r.push([
                "sharing graph".to_string(),
                format!(
                    "{} departments, {} edges, density {:.3}, reciprocity {:.3}, {} components",
                    g.departments, g.edges, g.density, g.reciprocity, g.components
                ),
            ]);
            let islands: Vec<String> = g.islands.iter().map(|i| i.join("、")).collect();
            r.push([
                "islands".to_string(),
                if islands.is_empty() {
                    "none".into()
                } else {
                    islands.join(" | ")
                },
            ]);
            r.push([
                "isolated".to_string(),
                if g.isolated.is_empty() {
                    "none".into()
                } else {
                    g.isolated.join("、")
                },
            ]);
            if !g.one_way.is_empty() {
                r.push(["consume only".to_string(), g.one_way.join("、")]);
            }
        }
        if let Some(c) = &self.coverage {
            r.push([
                "materials coverage".to_string(),
                format!(
                    "{:.1}% of {} material mentions need no paper; {} of {} materials covered",
                    c.paperless_share * 100.0,
                    c.mentions,
                    c.covered_materials,
                    c.materials
                ),
            ]);
        }
        if let Some(p) = self.probe_summary() {
            r.push([
                "probes".to_string(),
                format!(
                    "{} probed in {:.0} ms: {} healthy, {} available; p50 {} ms, p95 {} ms",
                    p["probed"],
                    p["elapsed_ms"].as_f64().unwrap_or(0.0),
                    p["healthy"],
                    p["available"],
                    fmt_ms(&p["p50_ms"]),
                    fmt_ms(&p["p95_ms"])
                ),
            ]);
        }
        let sev = ftable::by_severity(&self.findings);
        r.push([
            "findings".to_string(),
            format!(
                "{} ({} high, {} medium, {} low)",
                self.findings.len(),
                sev["high"],
                sev["medium"],
                sev["low"]
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
    let mut r = Rows::new(["id", "dataset", "status", "latency ms", "bytes", "result"]);
    for p in results {
        let dataset = ifaces
            .iter()
            .find(|i| i.id == p.id)
            .map(|i| i.dataset.clone())
            .unwrap_or_default();
        let result = if p.healthy() {
            "ok".to_string()
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
        "id",
        "24h avail",
        "24h p50/p95 ms",
        "7d avail",
        "7d p50/p95 ms",
        "30d avail",
        "30d p50/p95 ms",
    ]);
    for i in h {
        let mut row = vec![i.id.clone()];
        for w in ["24h", "7d", "30d"] {
            let s = i.windows.get(w);
            row.push(
                s.and_then(|s| s.availability)
                    .map(|a| format!("{:.1}% of {}", a * 100.0, s.map(|s| s.probes).unwrap_or(0)))
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
