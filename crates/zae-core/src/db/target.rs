//! Which database: a connection string (`postgresql://user@host:port/dbname` or libpq's
//! `key=value` form) parsed by the client crate, shown and remembered without its password, and
//! the password found the way `psql` finds it (the string itself, `PGPASSWORD`, `~/.pgpass`).

use std::fmt;
use std::str::FromStr;

use postgres::config::Host;

use super::DbError;
use super::tls::{TlsSettings, split_tls_params};

/// A password, never printed: `Debug` and `Display` show `***`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// A database to connect to: the parsed configuration and its names for people.
#[derive(Clone)]
pub struct DbTarget {
    config: postgres::Config,
    /// `sslmode` and `sslrootcert`, handled by [`super::tls`].
    tls: TlsSettings,
    /// The connection string without its password: what settings and messages hold.
    redacted: String,
}

impl fmt::Debug for DbTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DbTarget({})", self.redacted)
    }
}

impl PartialEq for DbTarget {
    fn eq(&self, other: &Self) -> bool {
        self.redacted == other.redacted
    }
}

impl DbTarget {
    /// Parses a connection string; a password in it is used but never shown or stored.
    pub fn parse(text: &str) -> Result<Self, DbError> {
        let text = text.trim();
        let redacted = redact(text);
        if text.is_empty() {
            return Err(DbError::BadUrl {
                url: redacted,
                reason: "the connection string is empty (e.g. postgresql://user@host/dbname)"
                    .into(),
            });
        }
        let (rest, tls) = split_tls_params(text).map_err(|reason| DbError::BadUrl {
            url: redacted.clone(),
            reason,
        })?;
        let mut config = postgres::Config::from_str(&rest).map_err(|e| DbError::BadUrl {
            url: redacted.clone(),
            reason: format!(
                "{} (expected e.g. postgresql://user@host:5432/dbname)",
                super::describe(&e)
            ),
        })?;
        config.ssl_mode(tls.mode.client_mode());
        Ok(Self {
            config,
            tls,
            redacted,
        })
    }

    /// `sslmode` and `sslrootcert`.
    pub fn tls(&self) -> &TlsSettings {
        &self.tls
    }

    /// The connection string without its password.
    pub fn url(&self) -> &str {
        &self.redacted
    }

    pub fn user(&self) -> String {
        self.config
            .get_user()
            .map(str::to_string)
            .or_else(|| std::env::var("USER").ok())
            .unwrap_or_else(|| "postgres".into())
    }

    pub fn host(&self) -> String {
        match self.config.get_hosts().first() {
            Some(Host::Tcp(host)) => host.clone(),
            #[cfg(unix)]
            Some(Host::Unix(path)) => path.display().to_string(),
            None => "localhost".into(),
        }
    }

    pub fn port(&self) -> u16 {
        self.config.get_ports().first().copied().unwrap_or(5432)
    }

    pub fn dbname(&self) -> String {
        self.config
            .get_dbname()
            .map(str::to_string)
            .unwrap_or_else(|| self.user())
    }

    /// "user@host/dbname" (with ":port" when it is not 5432): how the database is named on screen.
    pub fn display(&self) -> String {
        let port = match self.port() {
            5432 => String::new(),
            p => format!(":{p}"),
        };
        format!("{}@{}{port}/{}", self.user(), self.host(), self.dbname())
    }

    /// The password written in the connection string, if any.
    pub fn url_password(&self) -> Option<Secret> {
        self.config
            .get_password()
            .map(|p| Secret::new(String::from_utf8_lossy(p)))
    }

    /// The password `psql` would use: the one in the connection string, else `PGPASSWORD`, else
    /// the matching line of the password file (`PGPASSFILE`, or `~/.pgpass`).
    pub fn default_password(&self) -> Option<Secret> {
        if let Some(p) = self.url_password() {
            return Some(p);
        }
        if let Ok(p) = std::env::var("PGPASSWORD") {
            return Some(Secret::new(p));
        }
        let file = std::env::var_os("PGPASSFILE")
            .map(std::path::PathBuf::from)
            .or_else(|| directories::BaseDirs::new().map(|d| d.home_dir().join(".pgpass")))?;
        let text = std::fs::read_to_string(file).ok()?;
        pgpass_lookup(
            &text,
            &self.host(),
            self.port(),
            &self.dbname(),
            &self.user(),
        )
        .map(Secret::new)
    }

    /// The client configuration with a password (if any), timeouts and keepalives set.
    pub(super) fn config_with(&self, password: Option<&Secret>) -> postgres::Config {
        let mut config = self.config.clone();
        if let Some(p) = password.filter(|p| !p.is_empty()) {
            config.password(p.expose());
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(std::time::Duration::from_secs(5));
        }
        config.keepalives(true);
        config.keepalives_idle(std::time::Duration::from_secs(30));
        config.application_name("zae-atlas");
        config
    }
}

/// The connection string with its password taken out: `postgresql://user:pw@host/db` →
/// `postgresql://user@host/db`; `password=pw` (key/value form or URL parameter) removed.
pub fn redact(text: &str) -> String {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    if let Some(scheme_end) = ["postgresql://", "postgres://"]
        .iter()
        .find(|s| lower.starts_with(*s))
        .map(|s| s.len())
    {
        let (scheme, rest) = text.split_at(scheme_end);
        let (authority_and_path, query) = match rest.split_once('?') {
            Some((a, q)) => (a, Some(q)),
            None => (rest, None),
        };
        let authority_end = authority_and_path
            .find('/')
            .unwrap_or(authority_and_path.len());
        let (authority, path) = authority_and_path.split_at(authority_end);
        let authority = match authority.rsplit_once('@') {
            Some((userinfo, hosts)) => {
                let user = userinfo.split_once(':').map_or(userinfo, |(u, _)| u);
                format!("{user}@{hosts}")
            }
            None => authority.to_string(),
        };
        let query = query
            .map(|q| {
                q.split('&')
                    .filter(|kv| !kv.to_ascii_lowercase().starts_with("password="))
                    .collect::<Vec<_>>()
                    .join("&")
            })
            .filter(|q| !q.is_empty())
            .map(|q| format!("?{q}"))
            .unwrap_or_default();
        return format!("{scheme}{authority}{path}{query}");
    }
    // key=value form: drop `password=...` (the value may be quoted).
    let mut out = Vec::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let key = word.split('=').next().unwrap_or_default().trim();
        if key.eq_ignore_ascii_case("password") {
            // A quoted value may span words: skip to its closing quote.
            let value = word.split_once('=').map_or("", |(_, v)| v);
            let value = if value.is_empty() {
                words.next().unwrap_or_default()
            } else {
                value
            };
            if value.starts_with('\'') && !(value.len() > 1 && value.ends_with('\'')) {
                for w in words.by_ref() {
                    if w.ends_with('\'') {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(word);
    }
    out.join(" ")
}

/// Finds the password for a connection in the text of a `.pgpass` file
/// (`hostname:port:database:username:password`, `*` matches anything, `\` escapes).
pub fn pgpass_lookup(text: &str, host: &str, port: u16, db: &str, user: &str) -> Option<String> {
    let port = port.to_string();
    for line in text.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = split_pgpass(line);
        let [h, p, d, u, password] = fields.as_slice() else {
            continue;
        };
        let matches = |field: &str, value: &str| field == "*" || field == value;
        // As in libpq, "localhost" also matches a Unix-socket connection.
        let host_ok = matches(h, host) || (h == "localhost" && host.starts_with('/'));
        if host_ok && matches(p, &port) && matches(d, db) && matches(u, user) {
            return Some(password.clone());
        }
    }
    None
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(last)) = (chars.next(), fields.last_mut()) {
                    last.push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                if let Some(last) = fields.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_taken_out_of_connection_strings() {
        assert_eq!(
            redact("postgresql://alice:s3cr%40t@db.example.org:5433/zae?sslmode=prefer&password=x"),
            "postgresql://alice@db.example.org:5433/zae?sslmode=prefer"
        );
        assert_eq!(
            redact("postgres://alice@localhost/zae"),
            "postgres://alice@localhost/zae"
        );
        assert_eq!(
            redact("host=localhost password='a b c' dbname=zae user=bob"),
            "host=localhost dbname=zae user=bob"
        );
        assert_eq!(
            redact("host=localhost password=abc dbname=zae"),
            "host=localhost dbname=zae"
        );
    }

    #[test]
    fn targets_are_named_without_password() {
        let t = DbTarget::parse("postgresql://alice:secret@db.example.org/zae").expect("parses");
        assert_eq!(t.display(), "alice@db.example.org/zae");
        assert_eq!(t.url(), "postgresql://alice@db.example.org/zae");
        assert_eq!(
            t.url_password().map(|p| p.expose().to_string()),
            Some("secret".into())
        );
        assert!(!format!("{t:?}").contains("secret"));
        let t = DbTarget::parse("host=127.0.0.1 port=5499 user=bob dbname=x").expect("parses");
        assert_eq!(t.display(), "bob@127.0.0.1:5499/x");
        let err = DbTarget::parse("postgresql://alice:pw@host:notaport/db")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("postgresql://alice@host:notaport/db"), "{err}");
        assert!(!err.contains("pw@"), "{err}");
        assert!(DbTarget::parse("  ").is_err());
    }

    #[test]
    fn pgpass_lines_match_with_wildcards_and_escapes() {
        let text =
            "# comment\nother:5432:*:bob:nope\nlocalhost:5432:zae:bob:pa\\:ss\n*:*:*:*:any\n";
        assert_eq!(
            pgpass_lookup(text, "localhost", 5432, "zae", "bob").as_deref(),
            Some("pa:ss")
        );
        assert_eq!(
            pgpass_lookup(text, "/run/postgresql", 5432, "zae", "bob").as_deref(),
            Some("pa:ss")
        );
        assert_eq!(
            pgpass_lookup(text, "db", 5432, "zae", "eve").as_deref(),
            Some("any")
        );
        assert_eq!(pgpass_lookup("a:b", "a", 1, "c", "d"), None);
    }
}
