//! Any bytes as a raw HTTP response from a loopback server: a catalog read from the URL
//! loads or fails with an error (bad status line, bad headers, short body, redirect loop,
//! size cap, deadline) — never a panic, never a hang past the one-second deadline.
#![no_main]

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use govops::load::{self, Limits, LoadOptions, Source};
use libfuzzer_sys::fuzz_target;

/// The response the server sends next; one server thread for the whole run.
static REPLY: Mutex<Vec<u8>> = Mutex::new(Vec::new());
static PORT: OnceLock<u16> = OnceLock::new();

fn server() -> u16 {
    *PORT.get_or_init(|| {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("local addr").port();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let mut s = stream;
                let _ = s.set_read_timeout(Some(Duration::from_millis(200)));
                // Read the request head, then answer with the fuzzed bytes and close.
                let mut head = Vec::new();
                let mut buf = [0u8; 1024];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match s.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => head.extend_from_slice(&buf[..n]),
                    }
                }
                let reply = REPLY.lock().map(|r| r.clone()).unwrap_or_default();
                let _ = s.write_all(&reply);
            }
        });
        port
    })
}

fuzz_target!(|data: &[u8]| {
    let port = server();
    // Most inputs start with a status line, so libFuzzer spends its time in headers/body.
    let mut reply = if data.first() == Some(&b'!') {
        data[1..].to_vec()
    } else {
        let mut r = b"HTTP/1.1 ".to_vec();
        r.extend_from_slice(data);
        r
    };
    reply.truncate(1 << 16);
    if let Ok(mut r) = REPLY.lock() {
        *r = reply;
    }
    let opts = LoadOptions {
        limits: Limits {
            timeout: Duration::from_secs(1),
            max_bytes: 1 << 15,
            max_document_bytes: 1 << 14,
            max_record_bytes: 1 << 12,
            max_field_bytes: 1 << 10,
        },
        lenient: true,
        ..Default::default()
    };
    let _ = load::read_catalog(Source::Url(format!("http://127.0.0.1:{port}/c.csv")), &opts);
});
