//! Probe benchmark: 10,000 loopback endpoints (one in-process server, one path each), probed
//! with the same concurrency by the library (`probe::probe_all`) and by a parallel curl
//! (`xargs -P N curl …`, what an administrator would otherwise script), in the same run.
//! Reports probes/s and peak memory (RSS) of the prober for both, and the ratios.
//!
//!   cargo bench --bench probe                       (N = 10000, concurrency 64)
//!   PROBE_BENCH_N=2000 PROBE_BENCH_C=32 cargo bench --bench probe
//!
//! The library runs in a child process (this binary re-invoked) so its peak RSS is the
//! prober's alone, not the server's.
// Test and benchmark code: a failed unwrap is a failed test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use axum::routing::get;
use axum::Router;
use govops::model::{Expect, Interface};
use govops::probe::{probe_all, ProbeSettings};

fn env_usize(k: &str, d: usize) -> usize {
    std::env::var(k)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(d)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--child") {
        child(
            &args[2],
            args[3].parse().unwrap_or(10_000),
            args[4].parse().unwrap_or(64),
        );
        return;
    }
    if args.iter().any(|a| a == "--list") {
        return;
    }
    let n = env_usize("PROBE_BENCH_N", 10_000);
    let c = env_usize("PROBE_BENCH_C", 64);
    let (base, _server) = server();
    println!("probe benchmark: {n} loopback endpoints at {base}, concurrency {c}");

    // The library, in a child process.
    let exe = std::env::current_exe().expect("current exe");
    let started = Instant::now();
    let out = Command::new(exe)
        .args(["--child", &base, &n.to_string(), &c.to_string()])
        .output()
        .expect("child");
    let lib_secs = started.elapsed().as_secs_f64();
    let text = String::from_utf8_lossy(&out.stdout);
    let field = |k: &str| {
        text.split_whitespace()
            .find_map(|w| w.strip_prefix(k))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let (lib_ok, lib_probe_secs, lib_kb) = (field("ok="), field("secs="), field("hwm_kb="));

    // xargs -P c curl, one process per URL; peak RSS sampled over xargs and its curls.
    let dir = tempfile::tempdir().expect("tmp");
    let list = dir.path().join("urls.txt");
    let mut f = std::fs::File::create(&list).expect("urls");
    for i in 0..n {
        let _ = writeln!(f, "{base}/p/{i}");
    }
    drop(f);
    let started = Instant::now();
    let mut xargs = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "xargs -P {c} -n 1 curl -s -o /dev/null --max-time 10 -w '%{{http_code}}\\n' < {}",
            list.display()
        ))
        .stdout(Stdio::piped())
        .spawn()
        .expect("xargs");
    let root = xargs.id();
    let sampler = std::thread::spawn(move || {
        let mut peak = 0u64;
        let t0 = Instant::now();
        while t0.elapsed() < Duration::from_secs(3600) {
            let tree = tree_rss_kb(root);
            if tree == 0 {
                break;
            }
            peak = peak.max(tree);
            // Scanning /proc costs CPU the curls need; 25 ms is fine-grained enough.
            std::thread::sleep(Duration::from_millis(25));
        }
        peak
    });
    let mut codes = String::new();
    if let Some(mut o) = xargs.stdout.take() {
        let _ = std::io::Read::read_to_string(&mut o, &mut codes);
    }
    let _ = xargs.wait();
    let curl_secs = started.elapsed().as_secs_f64();
    let curl_kb = sampler.join().unwrap_or(0) as f64;
    let curl_ok = codes.lines().filter(|l| l.trim() == "200").count();

    let lib_rate = n as f64 / lib_probe_secs.max(1e-9);
    let curl_rate = n as f64 / curl_secs;
    println!("| prober | ok | seconds | probes/s | peak RSS MiB |");
    println!("| --- | --- | --- | --- | --- |");
    println!("| govops probe_all | {lib_ok} | {lib_probe_secs:.2} (process {lib_secs:.2}) | {lib_rate:.0} | {:.1} |", lib_kb / 1024.0);
    println!(
        "| xargs -P {c} curl | {curl_ok} | {curl_secs:.2} | {curl_rate:.0} | {:.1} |",
        curl_kb / 1024.0
    );
    println!(
        "ratio: govops is {:.1}x the probes/s of curl, with {:.2}x its peak memory",
        lib_rate / curl_rate,
        lib_kb / curl_kb.max(1.0)
    );
}

/// The library's side: probe every endpoint, print ok count, seconds and own peak RSS.
fn child(base: &str, n: usize, c: usize) {
    let ifaces: Vec<Interface> = (0..n)
        .map(|i| Interface {
            id: format!("p{i}"),
            url: Some(format!("{base}/p/{i}")),
            method: "GET".into(),
            expect: Expect {
                json_field: Some("data".into()),
                ..Default::default()
            },
            ..Default::default()
        })
        .collect();
    let settings = ProbeSettings {
        concurrency: c,
        timeout: Duration::from_secs(10),
        ..ProbeSettings::default()
    };
    let started = Instant::now();
    let results = probe_all(&ifaces, &settings, &|_| {}).expect("probe run");
    let secs = started.elapsed().as_secs_f64();
    let ok = results.iter().filter(|r| r.healthy()).count();
    println!(
        "ok={ok} secs={secs:.3} hwm_kb={}",
        status_kb(std::process::id(), "VmHWM:")
    );
}

fn server() -> (String, std::thread::JoinHandle<()>) {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    l.set_nonblocking(true).expect("nonblocking");
    let base = format!("http://{}", l.local_addr().expect("addr"));
    let h = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("rt");
        rt.block_on(async move {
            let app = Router::new().route(
                "/p/:n",
                get(|| async { r#"{"code":0,"data":{"records":[]}}"# }),
            );
            let listener = tokio::net::TcpListener::from_std(l).expect("listener");
            let _ = axum::serve(listener, app).await;
        });
    });
    (base, h)
}

fn status_kb(pid: u32, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Summed RSS of `root` and all its descendants (0 when `root` is gone).
fn tree_rss_kb(root: u32) -> u64 {
    let mut parent: Vec<(u32, u32)> = Vec::new();
    if let Ok(rd) = std::fs::read_dir("/proc") {
        for e in rd.flatten() {
            let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
                continue;
            };
            if let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) {
                // The field after the ")" that closes the command name: state, then ppid.
                if let Some(rest) = stat.rsplit_once(')').map(|x| x.1) {
                    if let Some(pp) = rest.split_whitespace().nth(1).and_then(|v| v.parse().ok()) {
                        parent.push((pid, pp));
                    }
                }
            }
        }
    }
    if !parent.iter().any(|(p, _)| *p == root) {
        return 0;
    }
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let cur = tree[i];
        tree.extend(parent.iter().filter(|(_, pp)| *pp == cur).map(|(p, _)| *p));
        i += 1;
    }
    tree.iter().map(|p| status_kb(*p, "VmRSS:")).sum()
}
