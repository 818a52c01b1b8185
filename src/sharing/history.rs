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
CREATE TABLE IF NOT EXISTS hourly (
    interface_id TEXT NOT NULL,
    hour INTEGER NOT NULL,
    probes INTEGER NOT NULL,
    up INTEGER NOT NULL,
    maintenance INTEGER NOT NULL,
    maintenance_up INTEGER NOT NULL,
    latency_sum REAL NOT NULL,
    latency_max REAL NOT NULL,
    PRIMARY KEY (interface_id, hour)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS incidents (
    id INTEGER PRIMARY KEY,
    interface_id TEXT NOT NULL,
    started INTEGER NOT NULL,
    ended INTEGER,
    alerted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS incidents_iface ON incidents(interface_id, started);
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
            .and_then(|_| migrate(&conn))
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
            let mut ins = tx.prepare_cached(INSERT_PROBE).map_err(err)?;
            for r in results {
                insert_probe(&mut ins, run_id, now, r, false).map_err(err)?;
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

/// One probe as `sharing watch` records it: when, what, and whether a maintenance window
/// covered it (such probes are kept but left out of SLA figures).
#[derive(Debug, Clone)]
pub struct WatchRow {
    pub ts: i64,
    pub result: ProbeResult,
    pub maintenance: bool,
}

/// One probe row; the same statement for one-shot runs (`sharing --probe`) and the watch.
const INSERT_PROBE: &str = "INSERT INTO probes (run_id, ts, interface_id, url, healthy, available,
     status, latency_ms, ttfb_ms, bytes, error_class, problems, cert_not_after, maintenance)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";

fn insert_probe(
    ins: &mut rusqlite::CachedStatement<'_>,
    run_id: i64,
    ts: i64,
    r: &ProbeResult,
    maintenance: bool,
) -> rusqlite::Result<usize> {
    let problems: Vec<&str> = r.problems.iter().map(|p| p.rule).collect();
    ins.execute(params![
        run_id,
        ts,
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
        maintenance,
    ])
}

/// An incident's change, as the watcher decides it.
#[derive(Debug, Clone, PartialEq)]
pub enum IncidentChange {
    /// The first failure of a run of failures.
    Open { interface: String, started: i64 },
    /// The run reached the failure threshold outside maintenance: an alert went out.
    Alerted { interface: String },
    /// The interface recovered (its first success of the recovery run).
    Close { interface: String, ended: i64 },
}

/// Probes, maintenance probes and how many of each were up, per interface.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub probes: u64,
    pub up: u64,
    pub maintenance: u64,
    pub maintenance_up: u64,
}

impl Counts {
    /// Uptime outside maintenance; None when nothing outside maintenance was probed.
    pub fn uptime(&self) -> Option<f64> {
        let n = self.probes - self.maintenance;
        (n > 0).then(|| (self.up - self.maintenance_up) as f64 / n as f64)
    }

    pub fn add(&mut self, o: Counts) {
        self.probes += o.probes;
        self.up += o.up;
        self.maintenance += o.maintenance;
        self.maintenance_up += o.maintenance_up;
    }
}

/// One incident as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Incident {
    pub interface: String,
    pub started: i64,
    pub ended: Option<i64>,
    pub alerted: bool,
}

/// What one compaction did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Compaction {
    pub rolled_up: usize,
    pub raw_deleted: usize,
    pub hourly_deleted: usize,
}

impl History {
    /// Start a `sharing watch` session; its probes belong to the returned run.
    pub fn begin_run(&mut self, registry: &str, now: i64) -> Result<i64> {
        let started = chrono::DateTime::from_timestamp(now, 0)
            .unwrap_or_default()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        self.conn
            .execute(
                "INSERT INTO runs (started_at, registry, probes) VALUES (?1, ?2, 0)",
                params![started, registry],
            )
            .map_err(|e| db_err(&self.shown, e))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Write a batch of watch probes and incident changes in one transaction.
    pub fn record_batch(
        &mut self,
        run_id: i64,
        rows: &[WatchRow],
        incidents: &[IncidentChange],
    ) -> Result<()> {
        let shown = self.shown.clone();
        let err = |e| db_err(&shown, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        {
            let mut ins = tx.prepare_cached(INSERT_PROBE).map_err(err)?;
            for w in rows {
                insert_probe(&mut ins, run_id, w.ts, &w.result, w.maintenance).map_err(err)?;
            }
            for c in incidents {
                match c {
                    IncidentChange::Open { interface, started } => tx.execute(
                        "INSERT INTO incidents (interface_id, started) VALUES (?1, ?2)",
                        params![interface, started],
                    ),
                    IncidentChange::Alerted { interface } => tx.execute(
                        "UPDATE incidents SET alerted = 1 WHERE id = (SELECT MAX(id) FROM incidents
                         WHERE interface_id = ?1 AND ended IS NULL)",
                        params![interface],
                    ),
                    IncidentChange::Close { interface, ended } => tx.execute(
                        "UPDATE incidents SET ended = ?2 WHERE interface_id = ?1 AND ended IS NULL",
                        params![interface, ended],
                    ),
                }
                .map_err(err)?;
            }
            tx.execute(
                "UPDATE runs SET probes = probes + ?2 WHERE id = ?1",
                params![run_id, rows.len() as i64],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    /// Roll raw probes older than `raw_keep` up into hourly rows (whole hours only), delete
    /// them, and delete hourly rows older than `hourly_keep`, in one transaction.
    pub fn compact(
        &mut self,
        now: i64,
        raw_keep: Duration,
        hourly_keep: Duration,
    ) -> Result<Compaction> {
        let shown = self.shown.clone();
        let err = |e| db_err(&shown, e);
        let cutoff = (now - raw_keep.as_secs() as i64).div_euclid(3600) * 3600;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let rolled_up = tx
            .execute(
                "INSERT INTO hourly (interface_id, hour, probes, up, maintenance, maintenance_up,
                                     latency_sum, latency_max)
                 SELECT interface_id, (ts / 3600) * 3600, COUNT(*), SUM(available), SUM(maintenance),
                        SUM(available AND maintenance),
                        TOTAL(CASE WHEN available THEN latency_ms ELSE 0 END),
                        MAX(COALESCE(latency_ms, 0))
                 FROM probes WHERE ts < ?1 GROUP BY interface_id, ts / 3600
                 ON CONFLICT (interface_id, hour) DO UPDATE SET
                    probes = probes + excluded.probes, up = up + excluded.up,
                    maintenance = maintenance + excluded.maintenance,
                    maintenance_up = maintenance_up + excluded.maintenance_up,
                    latency_sum = latency_sum + excluded.latency_sum,
                    latency_max = MAX(latency_max, excluded.latency_max)",
                params![cutoff],
            )
            .map_err(err)?;
        let raw_deleted = tx
            .execute("DELETE FROM probes WHERE ts < ?1", params![cutoff])
            .map_err(err)?;
        // A watch session's run stays while it is young, even before its first probe.
        let cutoff_text = chrono::DateTime::from_timestamp(cutoff, 0)
            .unwrap_or_default()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        tx.execute(
            "DELETE FROM runs WHERE started_at < ?1 AND id NOT IN (SELECT DISTINCT run_id FROM probes)",
            params![cutoff_text],
        )
        .map_err(err)?;
        let hourly_deleted = tx
            .execute(
                "DELETE FROM hourly WHERE hour < ?1",
                params![now - hourly_keep.as_secs() as i64],
            )
            .map_err(err)?;
        tx.execute(
            "DELETE FROM incidents WHERE ended IS NOT NULL AND ended < ?1",
            params![now - hourly_keep.as_secs() as i64],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(Compaction {
            rolled_up,
            raw_deleted,
            hourly_deleted,
        })
    }

    /// Probe counts per interface in `[from, to)`, from raw probes and hourly roll-ups (a
    /// roll-up counts when its hour starts inside the range).
    pub fn counts(&self, from: i64, to: i64) -> Result<BTreeMap<String, Counts>> {
        let err = |e| db_err(&self.shown, e);
        let mut out: BTreeMap<String, Counts> = BTreeMap::new();
        for sql in [
            "SELECT interface_id, COUNT(*), SUM(available), SUM(maintenance),
                    SUM(available AND maintenance)
             FROM probes WHERE ts >= ?1 AND ts < ?2 GROUP BY interface_id",
            "SELECT interface_id, SUM(probes), SUM(up), SUM(maintenance), SUM(maintenance_up)
             FROM hourly WHERE hour >= ?1 AND hour < ?2 GROUP BY interface_id",
        ] {
            let mut stmt = self.conn.prepare(sql).map_err(err)?;
            let rows = stmt
                .query_map(params![from, to], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        Counts {
                            probes: r.get::<_, i64>(1)?.max(0) as u64,
                            up: r.get::<_, Option<i64>>(2)?.unwrap_or(0).max(0) as u64,
                            maintenance: r.get::<_, Option<i64>>(3)?.unwrap_or(0).max(0) as u64,
                            maintenance_up: r.get::<_, Option<i64>>(4)?.unwrap_or(0).max(0) as u64,
                        },
                    ))
                })
                .map_err(err)?;
            for row in rows {
                let (id, c) = row.map_err(err)?;
                out.entry(id).or_default().add(c);
            }
        }
        Ok(out)
    }

    /// Incidents that overlap `[from, to)`, oldest first.
    pub fn incidents(&self, from: i64, to: i64) -> Result<Vec<Incident>> {
        let err = |e| db_err(&self.shown, e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT interface_id, started, ended, alerted FROM incidents
                 WHERE started < ?2 AND (ended IS NULL OR ended >= ?1) ORDER BY started, interface_id",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map(params![from, to], |r| {
                Ok(Incident {
                    interface: r.get(0)?,
                    started: r.get(1)?,
                    ended: r.get(2)?,
                    alerted: r.get(3)?,
                })
            })
            .map_err(err)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(err)
    }

    /// Raw probes and hourly rows stored.
    pub fn sizes(&self) -> Result<(i64, i64)> {
        let err = |e| db_err(&self.shown, e);
        let raw = self.count()?;
        let hourly = self
            .conn
            .query_row("SELECT COUNT(*) FROM hourly", [], |r| r.get(0))
            .map_err(err)?;
        Ok((raw, hourly))
    }
}

/// Files written before `sharing watch` lack the maintenance flag on probes. The check and
/// the change are one immediate transaction, so two processes opening the same old (or new)
/// file at once cannot both add the column.
fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let has: bool = tx
        .prepare("SELECT 1 FROM pragma_table_info('probes') WHERE name = 'maintenance'")?
        .exists([])?;
    if !has {
        tx.execute_batch("ALTER TABLE probes ADD COLUMN maintenance INTEGER NOT NULL DEFAULT 0")?;
    }
    tx.commit()
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

    fn row(ts: i64, id: &str, up: bool, maintenance: bool) -> WatchRow {
        let mut r = crate::probe::ProbeResult {
            id: id.into(),
            url: String::new(),
            at: String::new(),
            status: Some(if up { 200 } else { 500 }),
            latency_ms: 10.0,
            ttfb_ms: None,
            bytes: 0,
            redirects: 0,
            error_class: None,
            error: None,
            cert_not_after: None,
            cert_days_left: None,
            data_time: None,
            problems: vec![],
        };
        if !up {
            r.problems.push(crate::probe::Problem {
                rule: crate::rules::ids::sharing::HTTP_STATUS,
                severity: crate::model::Severity::High,
                message: "HTTP 500".into(),
            });
        }
        WatchRow {
            ts,
            result: r,
            maintenance,
        }
    }

    /// 1,000 one-minute probes: 20 down outside maintenance, 30 in maintenance of which 10
    /// down. Uptime = (970 - 20) / 970 by hand, before and after the roll-up.
    #[test]
    fn uptime_excludes_maintenance_and_survives_the_roll_up() {
        let dir = tempfile::tempdir().unwrap();
        let mut h = History::open(&dir.path().join("h.sqlite")).unwrap();
        let t0 = 1_700_000_000 / 3600 * 3600;
        let run = h.begin_run("r", t0).unwrap();
        let rows: Vec<WatchRow> = (0..1000)
            .map(|i| {
                let maint = (500..530).contains(&i);
                let up = !((100..120).contains(&i) || (500..510).contains(&i));
                row(t0 + i * 60, "A", up, maint)
            })
            .collect();
        h.record_batch(run, &rows, &[]).unwrap();
        let want = (970.0 - 20.0) / 970.0;
        let c = h.counts(t0, t0 + 1000 * 60).unwrap()["A"];
        assert_eq!((c.probes, c.maintenance), (1000, 30));
        assert!((c.uptime().unwrap() - want).abs() < 1e-12);
        // A week later every hour is rolled up; the figures are the same.
        let later = t0 + 1000 * 60 + 8 * 86_400;
        let done = h
            .compact(
                later,
                Duration::from_secs(7 * 86_400),
                Duration::from_secs(365 * 86_400),
            )
            .unwrap();
        assert_eq!(done.raw_deleted, 1000);
        assert_eq!(h.sizes().unwrap(), (0, 17));
        let c = h.counts(t0, t0 + 1000 * 60).unwrap()["A"];
        assert_eq!(c.probes, 1000);
        assert!((c.uptime().unwrap() - want).abs() < 1e-12);
    }

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.5), Some(50.0));
        assert_eq!(percentile(&v, 0.95), Some(95.0));
        assert_eq!(percentile(&[7.0], 0.95), Some(7.0));
        assert_eq!(percentile(&[], 0.5), None);
    }
}
