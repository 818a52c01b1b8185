//! Reading a server certificate's expiry (notAfter) from its DER bytes.

use chrono::{DateTime, Utc};

/// The certificate's notAfter, if the DER parses.
pub fn not_after(der: &[u8]) -> Option<DateTime<Utc>> {
    let (_, cert) = x509_parser::parse_x509_certificate(der).ok()?;
    DateTime::from_timestamp(cert.validity().not_after.timestamp(), 0)
}
