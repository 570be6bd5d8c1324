//! TLS to the database, as libpq does it: the five `sslmode`s, `sslrootcert` (a PEM file, or
//! `system` for the system's root certificates), and the problems named for people (wrong
//! certificate authority, host name mismatch, a server that refuses TLS, one that requires it).
//!
//! The TLS itself is rustls (through `tokio-postgres-rustls`); this module only chooses how the
//! server's certificate is checked:
//! - `disable`: no TLS; `prefer`: TLS when the server offers it, certificate not checked;
//! - `require`: TLS or nothing, certificate not checked (checked against the CA as `verify-ca`
//!   when an `sslrootcert` file is given, as libpq does);
//! - `verify-ca`: the certificate must chain to a trusted CA; `verify-full`: and name the host.
//!
//! Trusted CAs: the `sslrootcert` file; else `~/.postgresql/root.crt` when it exists (libpq's
//! default); else the system's root certificates.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio_postgres_rustls::MakeRustlsConnect;

/// libpq's `sslmode`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SslMode {
    Disable,
    /// libpq's default.
    #[default]
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl SslMode {
    pub const ALL: [SslMode; 5] = [
        SslMode::Disable,
        SslMode::Prefer,
        SslMode::Require,
        SslMode::VerifyCa,
        SslMode::VerifyFull,
    ];

    /// The connection-string value: "disable", "prefer", "require", "verify-ca", "verify-full".
    pub fn as_str(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }

    /// Reads a connection-string value (libpq also accepts "allow", which tries without TLS
    /// first: read here as `prefer`, the nearest this client does).
    pub fn parse(text: &str) -> Option<SslMode> {
        match text.trim().to_ascii_lowercase().as_str() {
            "disable" => Some(SslMode::Disable),
            "allow" | "prefer" => Some(SslMode::Prefer),
            "require" => Some(SslMode::Require),
            "verify-ca" => Some(SslMode::VerifyCa),
            "verify-full" => Some(SslMode::VerifyFull),
            _ => None,
        }
    }

    /// The mode the client crate is given: it knows disable, prefer and require; the two
    /// verifying modes are `require` plus the certificate checks of [`connector`].
    pub(super) fn client_mode(self) -> postgres::config::SslMode {
        match self {
            SslMode::Disable => postgres::config::SslMode::Disable,
            SslMode::Prefer => postgres::config::SslMode::Prefer,
            _ => postgres::config::SslMode::Require,
        }
    }
}

/// The TLS part of a connection string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TlsSettings {
    pub mode: SslMode,
    /// `sslrootcert`: a PEM file of trusted CAs, or "system".
    pub root_cert: Option<String>,
}

/// How a session's connection is secured, for the padlock on the source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TlsLink {
    /// Not known (not connected yet).
    #[default]
    Unknown,
    /// No TLS: everything, the password's exchange aside, travels in clear.
    Plain,
    /// Encrypted, but the server's certificate was not checked (prefer, require).
    Encrypted,
    /// Encrypted, the certificate chains to a trusted CA (verify-ca).
    CaVerified,
    /// Encrypted, the certificate chains to a trusted CA and names the host (verify-full).
    Verified,
}

/// What went wrong with TLS, in words. The messages end with what to do.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum TlsProblem {
    /// `ca_file`: the CA file trusted (`None`: the system's root certificates).
    #[error(
        "the server's certificate is not signed by a trusted certificate authority ({}): \
         check the CA file (sslrootcert) or ask the administrator for the server's CA",
        .ca_file.as_deref().unwrap_or("system root certificates")
    )]
    UnknownCa { ca_file: Option<String> },
    #[error(
        "the server's certificate is not valid for the host name {host} (sslmode=verify-full \
         checks it): connect with a name the certificate gives, or use sslmode=verify-ca"
    )]
    HostMismatch { host: String },
    #[error("the server's certificate was refused: {reason}")]
    BadCertificate { reason: String },
    #[error(
        "the server does not accept TLS connections (sslmode={mode} requires TLS): ask the \
         administrator to turn TLS on, or use sslmode=prefer on a network you trust"
    )]
    ServerRefusesTls { mode: &'static str },
    #[error(
        "the server accepts this connection only over TLS: use sslmode=require, or verify-full \
         with the server's CA (sslrootcert)"
    )]
    TlsRequired,
    #[error("cannot read the certificate authority file (sslrootcert): {reason}: {path}")]
    BadCaFile { path: String, reason: String },
    #[error("no system root certificate could be read ({reason}): give the CA file (sslrootcert)")]
    NoSystemRoots { reason: String },
    #[error("the TLS handshake failed: {reason}")]
    Handshake { reason: String },
}

/// The rustls connector for `settings`, or why it cannot be made (an unreadable CA file).
/// Also returns the link the connection will have when TLS is used.
pub fn connector(settings: &TlsSettings) -> Result<(MakeRustlsConnect, TlsLink), TlsProblem> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let given_ca = settings
        .root_cert
        .as_deref()
        .filter(|c| !c.trim().is_empty());
    let (verifier, link): (Arc<dyn ServerCertVerifier>, TlsLink) = match settings.mode {
        SslMode::Disable | SslMode::Prefer => {
            (Arc::new(Unchecked(provider.clone())), TlsLink::Encrypted)
        }
        SslMode::Require if given_ca.is_none() => {
            (Arc::new(Unchecked(provider.clone())), TlsLink::Encrypted)
        }
        mode => {
            let roots = Arc::new(trusted_roots(given_ca)?);
            let webpki = WebPkiServerVerifier::builder_with_provider(roots, provider.clone())
                .build()
                .map_err(|e| TlsProblem::BadCaFile {
                    path: given_ca.unwrap_or("system").to_string(),
                    reason: e.to_string(),
                })?;
            if mode == SslMode::VerifyFull {
                (webpki, TlsLink::Verified)
            } else {
                (Arc::new(CaOnly(webpki)), TlsLink::CaVerified)
            }
        }
    };
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| TlsProblem::Handshake {
            reason: e.to_string(),
        })?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok((MakeRustlsConnect::new(config), link))
}

/// The trusted CAs: the file given, "system", libpq's default file, or the system's roots.
fn trusted_roots(given: Option<&str>) -> Result<RootCertStore, TlsProblem> {
    let default_file = || {
        directories::BaseDirs::new()
            .map(|d| d.home_dir().join(".postgresql").join("root.crt"))
            .filter(|p| p.is_file())
    };
    match given {
        Some(c) if c.trim() == "system" => system_roots(),
        Some(path) => roots_from_file(Path::new(path)),
        None => match default_file() {
            Some(path) => roots_from_file(&path),
            None => system_roots(),
        },
    }
}

/// The CA certificates of a PEM file.
pub fn roots_from_file(path: &Path) -> Result<RootCertStore, TlsProblem> {
    let bad = |reason: String| TlsProblem::BadCaFile {
        path: path.display().to_string(),
        reason,
    };
    let bytes = std::fs::read(path).map_err(|e| bad(e.to_string()))?;
    let mut store = RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(&bytes) {
        let cert = cert.map_err(|e| bad(format!("not a PEM certificate file ({e})")))?;
        store
            .add(cert)
            .map_err(|e| bad(format!("a certificate is not valid ({e})")))?;
    }
    if store.is_empty() {
        return Err(bad(
            "no certificate in it (expected PEM, -----BEGIN CERTIFICATE-----)".into(),
        ));
    }
    Ok(store)
}

fn system_roots() -> Result<RootCertStore, TlsProblem> {
    let found = rustls_native_certs::load_native_certs();
    let mut store = RootCertStore::empty();
    let (added, _ignored) = store.add_parsable_certificates(found.certs);
    if added == 0 {
        let reason = found
            .errors
            .first()
            .map(ToString::to_string)
            .unwrap_or_else(|| "none found".into());
        return Err(TlsProblem::NoSystemRoots { reason });
    }
    Ok(store)
}

/// `verify-ca`: the chain is checked, the host name is not.
#[derive(Debug)]
struct CaOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for CaOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        // The web-PKI verifier checks the chain first and the name last: a name error means the
        // chain was accepted.
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// `prefer` and `require` without a CA: encrypted, the certificate taken as it is (the
/// handshake's signatures are still checked, so the link is to the certificate's key holder).
#[derive(Debug)]
struct Unchecked(Arc<CryptoProvider>);

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// Takes `sslmode` and `sslrootcert` out of a connection string (URL query or key=value form)
/// for this module to handle; the rest goes to the client crate. `PGSSLMODE` and
/// `PGSSLROOTCERT` apply when the string gives none, as in libpq.
pub fn split_tls_params(text: &str) -> Result<(String, TlsSettings), String> {
    let mut mode = None;
    let mut root_cert = None;
    let mut take = |key: &str, value: &str| -> Result<bool, String> {
        match key.to_ascii_lowercase().as_str() {
            "sslmode" => {
                mode = Some(SslMode::parse(value).ok_or_else(|| {
                    format!(
                        "sslmode={value} is not known (disable, prefer, require, verify-ca, \
                         verify-full)"
                    )
                })?);
                Ok(true)
            }
            "sslrootcert" => {
                root_cert = Some(value.to_string());
                Ok(true)
            }
            _ => Ok(false),
        }
    };
    let lower = text.to_ascii_lowercase();
    let rest = if lower.starts_with("postgresql://") || lower.starts_with("postgres://") {
        match text.split_once('?') {
            Some((base, query)) => {
                let mut kept = Vec::new();
                for pair in query.split('&') {
                    let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                    if !take(k, &percent_decode(v))? {
                        kept.push(pair);
                    }
                }
                if kept.is_empty() {
                    base.to_string()
                } else {
                    format!("{base}?{}", kept.join("&"))
                }
            }
            None => text.to_string(),
        }
    } else {
        let mut kept = Vec::new();
        for word in key_value_words(text) {
            let (k, v) = word.split_once('=').unwrap_or((&word, ""));
            let v = v.trim_matches('\'').replace("\\'", "'");
            if !take(k, &v)? {
                kept.push(word);
            }
        }
        kept.join(" ")
    };
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    if mode.is_none()
        && let Some(value) = env("PGSSLMODE")
    {
        mode = Some(
            SslMode::parse(&value)
                .ok_or_else(|| format!("PGSSLMODE={value} is not a known sslmode"))?,
        );
    }
    if root_cert.is_none() {
        root_cert = env("PGSSLROOTCERT");
    }
    Ok((
        rest,
        TlsSettings {
            mode: mode.unwrap_or_default(),
            root_cert,
        },
    ))
}

/// The `key=value` words of libpq's other form, a quoted value (`'my file.pem'`) kept whole.
fn key_value_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                word.push(c);
                if let Some(next) = chars.next() {
                    word.push(next);
                }
            }
            '\'' => {
                quoted = !quoted;
                word.push(c);
            }
            c if c.is_whitespace() && !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// `%XX` escapes of a URL query value (a CA file's path may hold spaces or slashes).
fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A TLS problem found in a client error's causes: the rustls error (wrong CA, host name), the
/// client's "server does not support TLS", or the server's "no encryption" refusal.
pub fn tls_problem(e: &postgres::Error, settings: &TlsSettings, host: &str) -> Option<TlsProblem> {
    if let Some(db) = e.as_db_error() {
        // pg_hba.conf: "no pg_hba.conf entry for host …, no encryption", or a `hostnossl …
        // reject` line: "pg_hba.conf rejects connection for host …, no encryption".
        let message = db.message();
        return (message.contains("no encryption") || message.contains("sans chiffrement"))
            .then_some(TlsProblem::TlsRequired);
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(cause) = source {
        if let Some(rustls_error) = find_rustls(cause) {
            return Some(from_rustls(rustls_error, settings, host));
        }
        if cause.to_string().contains("server does not support TLS") {
            return Some(TlsProblem::ServerRefusesTls {
                mode: settings.mode.as_str(),
            });
        }
        source = cause.source();
    }
    None
}

fn find_rustls<'a>(cause: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    if let Some(r) = cause.downcast_ref::<rustls::Error>() {
        return Some(r);
    }
    // tokio-rustls wraps it in an io::Error, whose `source()` skips it.
    cause
        .downcast_ref::<std::io::Error>()
        .and_then(|io| io.get_ref())
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
}

fn from_rustls(e: &rustls::Error, settings: &TlsSettings, host: &str) -> TlsProblem {
    match e {
        rustls::Error::InvalidCertificate(
            CertificateError::UnknownIssuer | CertificateError::BadSignature,
        ) => TlsProblem::UnknownCa {
            ca_file: settings
                .root_cert
                .clone()
                .filter(|file| file != "system")
                .or_else(|| {
                    default_root_cert()
                        .filter(|p| p.is_file())
                        .map(|p| p.display().to_string())
                }),
        },
        rustls::Error::InvalidCertificate(
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
        ) => TlsProblem::HostMismatch {
            host: host.to_string(),
        },
        rustls::Error::InvalidCertificate(other) => TlsProblem::BadCertificate {
            reason: format!("{other:?}"),
        },
        other => TlsProblem::Handshake {
            reason: other.to_string(),
        },
    }
}

/// The path of a CA file for the connection string (spaces and `&` escaped in a URL).
pub fn root_cert_param(path: &Path) -> String {
    let text = path.display().to_string();
    text.replace('%', "%25")
        .replace(' ', "%20")
        .replace('&', "%26")
        .replace('#', "%23")
}

/// The connection string with its `sslmode` and `sslrootcert` set to `settings` (replacing any
/// it had): what the dialog's TLS choice and CA file picker write into the string the planner
/// sees, so that the string stays the whole truth and is what is remembered.
pub fn with_tls_params(text: &str, settings: &TlsSettings) -> String {
    let text = text.trim();
    let is_url = {
        let lower = text.to_ascii_lowercase();
        lower.starts_with("postgresql://") || lower.starts_with("postgres://")
    };
    let is_tls_key = |k: &str| {
        let k = k.trim().to_ascii_lowercase();
        k == "sslmode" || k == "sslrootcert"
    };
    let root = settings
        .root_cert
        .as_deref()
        .filter(|r| !r.trim().is_empty());
    if is_url {
        let (base, query) = text.split_once('?').unwrap_or((text, ""));
        let mut pairs: Vec<String> = query
            .split('&')
            .filter(|p| !p.is_empty() && !is_tls_key(p.split('=').next().unwrap_or_default()))
            .map(str::to_string)
            .collect();
        pairs.push(format!("sslmode={}", settings.mode.as_str()));
        if let Some(root) = root {
            pairs.push(format!("sslrootcert={}", root_cert_param(Path::new(root))));
        }
        format!("{base}?{}", pairs.join("&"))
    } else {
        let mut words: Vec<String> = key_value_words(text)
            .into_iter()
            .filter(|w| !is_tls_key(w.split('=').next().unwrap_or_default()))
            .collect();
        words.push(format!("sslmode={}", settings.mode.as_str()));
        if let Some(root) = root {
            words.push(format!("sslrootcert='{}'", root.replace('\'', "\\'")));
        }
        words.join(" ")
    }
}

/// libpq's default CA file, `~/.postgresql/root.crt`.
pub fn default_root_cert() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.home_dir().join(".postgresql").join("root.crt"))
}

#[cfg(test)]
#[path = "tls_tests.rs"]
mod tests;
