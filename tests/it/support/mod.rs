//! Loopback test servers started by the tests themselves: HTTP via axum, and raw TCP or TLS
//! servers for faults axum cannot express (never answering, resetting, streaming forever, bad
//! certificates). Each server runs on its own thread and runtime and stops when dropped.
#![allow(dead_code)]

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

pub struct Server {
    pub addr: SocketAddr,
    /// `http://127.0.0.1:PORT` (or `https://…` for TLS servers).
    pub base: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Run `serve(listener)` on a private runtime until the server is dropped.
fn spawn<F, Fut>(scheme: &str, serve: F) -> Server
where
    F: FnOnce(tokio::net::TcpListener) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + 'static,
{
    let std_listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    std_listener.set_nonblocking(true).expect("nonblocking");
    let addr = std_listener.local_addr().expect("addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(std_listener).expect("listener");
            tokio::select! {
                _ = serve(listener) => {}
                _ = stopped => {}
            }
        });
        rt.shutdown_background();
    });
    Server {
        addr,
        base: format!("{scheme}://{addr}"),
        stop: Some(stop),
        thread: Some(thread),
    }
}

/// An axum app on loopback.
pub fn http(app: axum::Router) -> Server {
    spawn("http", move |l| async move {
        let _ = axum::serve(l, app).await;
    })
}

/// What a raw server does with each connection.
#[derive(Clone, Copy, Debug)]
pub enum Raw {
    /// Accept, read the request, never answer.
    Hang,
    /// Accept, read the request, then reset the connection (RST).
    Reset,
    /// Answer 200 with a chunked body that never ends: one chunk every `delay`.
    StreamForever { delay_ms: u64 },
    /// Answer with these exact bytes and close.
    Fixed(&'static str),
}

/// A raw TCP server (plain HTTP) with the given behaviour.
pub fn raw(behaviour: Raw) -> Server {
    spawn("http", move |l| async move {
        loop {
            let Ok((stream, _)) = l.accept().await else {
                return;
            };
            tokio::spawn(async move {
                if let Raw::Reset = behaviour {
                    let mut stream = stream;
                    read_head(&mut stream).await;
                    // SO_LINGER 0 makes the close an RST, which is the point here.
                    #[allow(deprecated)]
                    let _ = stream.set_linger(Some(Duration::ZERO));
                    drop(stream);
                    return;
                }
                handle(stream, behaviour).await;
            });
        }
    })
}

async fn read_head<S: AsyncRead + Unpin>(s: &mut S) {
    let mut buf = Vec::new();
    let mut b = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        match s.read(&mut b).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&b[..n]),
        }
    }
}

async fn handle<S: AsyncRead + AsyncWrite + Unpin>(mut s: S, behaviour: Raw) {
    read_head(&mut s).await;
    match behaviour {
        Raw::Hang => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
        }
        Raw::Reset => {}
        Raw::StreamForever { delay_ms } => {
            let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
            if s.write_all(head.as_bytes()).await.is_err() {
                return;
            }
            let chunk = format!("{:x}\r\n{}\r\n", 4096, "x".repeat(4096));
            loop {
                if s.write_all(chunk.as_bytes()).await.is_err() {
                    return;
                }
                if delay_ms > 0 {
                    tokio::time::sleep(Duration::from_millis(delay_ms)).await;
                }
            }
        }
        Raw::Fixed(bytes) => {
            let _ = s.write_all(bytes.as_bytes()).await;
            let _ = s.shutdown().await;
        }
    }
}

/// A healthy JSON reply for raw servers.
pub const OK_JSON: &str = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 43\r\nconnection: close\r\n\r\n{\"data\":{\"records\":[]},\"msg\":\"successful!\"}";

/// Certificates for TLS tests: a private CA, and leaves it signs.
pub struct Pki {
    pub dir: tempfile::TempDir,
    /// PEM of the CA, for `--ca-file`.
    pub ca_file: PathBuf,
    ca_cert: rcgen::Certificate,
    ca_key: rcgen::KeyPair,
}

pub struct Leaf {
    pub cert_der: Vec<u8>,
    pub key_der: Vec<u8>,
}

fn ymd(days_from_now: i64) -> (i32, u8, u8) {
    let d = chrono::Utc::now() + chrono::Duration::days(days_from_now);
    use chrono::Datelike;
    (d.year(), d.month() as u8, d.day() as u8)
}

impl Pki {
    pub fn new() -> Pki {
        let ca_key = rcgen::KeyPair::generate().expect("key");
        let mut p = rcgen::CertificateParams::new(Vec::<String>::new()).expect("params");
        p.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        p.distinguished_name
            .push(rcgen::DnType::CommonName, "govops test CA");
        p.key_usages = vec![
            rcgen::KeyUsagePurpose::KeyCertSign,
            rcgen::KeyUsagePurpose::CrlSign,
        ];
        let ca_cert = p.self_signed(&ca_key).expect("ca");
        let dir = tempfile::tempdir().expect("tempdir");
        let ca_file = dir.path().join("ca.pem");
        std::fs::write(&ca_file, ca_cert.pem()).expect("write ca");
        Pki {
            dir,
            ca_file,
            ca_cert,
            ca_key,
        }
    }

    fn params(not_before: i64, not_after: i64) -> rcgen::CertificateParams {
        let mut p =
            rcgen::CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])
                .expect("params");
        p.distinguished_name
            .push(rcgen::DnType::CommonName, "127.0.0.1");
        let (y, m, d) = ymd(not_before);
        p.not_before = rcgen::date_time_ymd(y, m, d);
        let (y, m, d) = ymd(not_after);
        p.not_after = rcgen::date_time_ymd(y, m, d);
        p
    }

    /// A leaf for 127.0.0.1 signed by the CA, valid from/to these days relative to today.
    pub fn leaf(&self, not_before: i64, not_after: i64) -> Leaf {
        let key = rcgen::KeyPair::generate().expect("key");
        let cert = Self::params(not_before, not_after)
            .signed_by(&key, &self.ca_cert, &self.ca_key)
            .expect("sign");
        Leaf {
            cert_der: cert.der().to_vec(),
            key_der: key.serialize_der(),
        }
    }

    /// A self-signed leaf nobody trusts.
    pub fn self_signed() -> Leaf {
        let key = rcgen::KeyPair::generate().expect("key");
        let cert = Self::params(-1, 365)
            .self_signed(&key)
            .expect("self-signed");
        Leaf {
            cert_der: cert.der().to_vec(),
            key_der: key.serialize_der(),
        }
    }
}

/// A TLS server with `leaf` that answers every request with `reply` (raw bytes).
pub fn https(leaf: Leaf, reply: Raw) -> Server {
    use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(
            vec![CertificateDer::from(leaf.cert_der)],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf.key_der)),
        )
        .expect("server config");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    spawn("https", move |l| async move {
        loop {
            let Ok((stream, _)) = l.accept().await else {
                return;
            };
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                if let Ok(tls) = acceptor.accept(stream).await {
                    handle(tls, reply).await;
                }
            });
        }
    })
}

/// A registry YAML file in a temp dir; returns (dir, path).
pub fn registry_file(yaml: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("registry.yaml");
    std::fs::write(&path, yaml).expect("write registry");
    (dir, path)
}
