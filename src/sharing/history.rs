//! Probe history in SQLite: every probe of every run, one transaction per run (a run killed
//! mid-write loses only its own uncommitted rows), WAL and a busy timeout so two runs can
//! write at once. From it: availability and p50/p95 latency per interface over 24 h, 7 d, 30 d.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Duration;

use rusqlite::{params, Connection, TransactionBehavior};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::probe::ProbeResult;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    registry TEXT,
    probes INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS probes (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    ts INTEGER NOT NULL,
    interface_id TEXT NOT NULL,
    url TEXT,
    healthy INTEGER NOT NULL,
    available INTEGER NOT NULL,
    status INTEGER,
    latency_ms REAL,
    ttfb_ms REAL,
    bytes INTEGER,
    error_class TEXT,
    problems TEXT,
    cert_not_after TEXT
);
CREATE INDEX IF NOT EXISTS probes_iface_ts ON probes(interface_id, ts);
CREATE INDEX IF NOT EXISTS probes_ts ON probes(ts);
";

pub const WINDOWS: [(&str, i64); 3] = [("24h", 86_400), ("7d", 7 * 86_400), ("30d", 30 * 86_400)];

pub struct History {
    conn: Connection,
    shown: String,
}

fn db_err(path: &str, e: rusqlite::Error) -> Error {
    Error::Other(format!("{path}: history database: {e}"))
}

impl History {
    /// Open (creating if needed) the history file.
    pub fn open(path: &Path) -> Result<Self> {
        let shown = path.display().to_string();
        let conn = Connection::open(path).map_err(|e| db_err(&shown, e))?;
        conn.busy_timeout(Duration::from_secs(30))
            .map_err(|e| db_err(&shown, e))?;
        // Switching to WAL needs a moment alone with the file; another run may hold it.
        let mut last = None;
        for _ in 0..50 {
            match conn.pragma_update(None, "journal_mode", "WAL") {
                Ok(()) => {
                    last = None;
                    break;
                }
                Err(e) => {
                    last = Some(e);
                    std::thread::sleep(Duration::from_millis(100));
                }
            }
        }
        if let Some(e) = last {
            return Err(db_err(&shown, e));
        }
        conn.execute_batch("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")
            .and_then(|_| conn.execute_batch(SCHEMA))
            .map_err(|e| db_err(&shown, e))?;
        Ok(History { conn, shown })
    }

    /// Record one run's probes and prune rows older than `retention`, in one transaction.
    /// Returns the number of probes pruned.
    pub fn record(
        &mut self,
        registry: &str,
        results: &[ProbeResult],
        now: i64,
        retention: Option<Duration>,
    ) -> Result<usize> {
        let shown = self.shown.clone();
        let err = |e| db_err(&shown, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let started = chrono::DateTime::from_timestamp(now, 0)
            .unwrap_or_default()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        tx.execute(
            "INSERT INTO runs (started_at, registry, probes) VALUES (?1, ?2, ?3)",
            params![started, registry, results.len() as i64],
        )
        .map_err(err)?;
        let run_id = tx.last_insert_rowid();
        {
            let mut ins = tx
                .prepare(
                    "INSERT INTO probes (run_id, ts, interface_id, url, healthy, available, status,
                     latency_ms, ttfb_ms, bytes, error_class, problems, cert_not_after)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                )
                .map_err(err)?;
            for r in results {
                let problems: Vec<&str> = r.problems.iter().map(|p| p.rule).collect();
                ins.execute(params![
                    run_id,
                    now,
                    r.id,
                    r.url,
                    r.healthy(),
                    r.available(),
                    r.status,
                    r.latency_ms,
                    r.ttfb_ms,
                    r.bytes as i64,
                    r.error_class.map(|c| c.as_str()),
                    problems.join(","),
                    r.cert_not_after,
                ])
                .map_err(err)?;
            }
        }
        let pruned = match retention {
            Some(d) => prune(&tx, now - d.as_secs() as i64).map_err(err)?,
            None => 0,
        };
        tx.commit().map_err(err)?;
        Ok(pruned)
    }

    /// Prune without recording (history without --probe).
    pub fn prune(&mut self, now: i64, retention: Duration) -> Result<usize> {
        let shown = self.shown.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| db_err(&shown, e))?;
        let n = prune(&tx, now - retention.as_secs() as i64).map_err(|e| db_err(&shown, e))?;
        tx.commit().map_err(|e| db_err(&shown, e))?;
        Ok(n)
    }

    /// Availability and latency percentiles per interface over the standard windows.
    pub fn stats(&self, now: i64) -> Result<Vec<InterfaceHistory>> {
        let err = |e| db_err(&self.shown, e);
        let longest = WINDOWS[WINDOWS.len() - 1].1;
        let mut stmt = self
            .conn
            .prepare("SELECT interface_id, ts, available, latency_ms FROM probes WHERE ts >= ?1 AND ts <= ?2")
            .map_err(err)?;
        let mut by_iface: HashMap<String, Vec<(i64, bool, f64)>> = HashMap::new();
        let rows = stmt
            .query_map(params![now - longest, now], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, bool>(2)?,
                    row.get::<_, Option<f64>>(3)?,
                ))
            })
            .map_err(err)?;
        for row in rows {
            let (id, ts, ok, lat) = row.map_err(err)?;
            by_iface
                .entry(id)
                .or_default()
                .push((ts, ok, lat.unwrap_or(0.0)));
        }
        let mut out: Vec<InterfaceHistory> = by_iface
            .into_iter()
            .map(|(id, probes)| {
                let windows = WINDOWS
                    .iter()
                    .map(|(name, secs)| {
                        let inside: Vec<&(i64, bool, f64)> =
                            probes.iter().filter(|p| p.0 >= now - secs).collect();
                        (name.to_string(), window(&inside))
                    })
                    .collect();
                InterfaceHistory { id, windows }
            })
            .collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    /// Total probes stored.
    pub fn count(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT COUNT(*) FROM probes", [], |r| r.get(0))
            .map_err(|e| db_err(&self.shown, e))
    }
}

fn prune(tx: &rusqlite::Transaction<'_>, before: i64) -> rusqlite::Result<usize> {
    let n = tx.execute("DELETE FROM probes WHERE ts < ?1", params![before])?;
    tx.execute(
        "DELETE FROM runs WHERE id NOT IN (SELECT DISTINCT run_id FROM probes)",
        [],
    )?;
    Ok(n)
}

#[derive(Debug, Clone, Serialize)]
pub struct InterfaceHistory {
    pub id: String,
    pub windows: BTreeMap<String, Window>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Window {
    pub probes: usize,
    /// Share of probes that got the expected status.
    pub availability: Option<f64>,
    /// Latency percentiles of the available probes.
    pub p50_ms: Option<f64>,
    pub p95_ms: Option<f64>,
}

fn window(probes: &[&(i64, bool, f64)]) -> Window {
    if probes.is_empty() {
        return Window::default();
    }
    let up = probes.iter().filter(|p| p.1).count();
    let mut lat: Vec<f64> = probes.iter().filter(|p| p.1).map(|p| p.2).collect();
    lat.sort_by(f64::total_cmp);
    Window {
        probes: probes.len(),
        availability: Some(((up as f64 / probes.len() as f64) * 10_000.0).round() / 10_000.0),
        p50_ms: percentile(&lat, 0.50),
        p95_ms: percentile(&lat, 0.95),
    }
}

/// Nearest-rank percentile of sorted values.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p * sorted.len() as f64).ceil().max(1.0) as usize;
    Some(sorted[rank.min(sorted.len()) - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.5), Some(50.0));
        assert_eq!(percentile(&v, 0.95), Some(95.0));
        assert_eq!(percentile(&[7.0], 0.95), Some(7.0));
        assert_eq!(percentile(&[], 0.5), None);
    }
}
