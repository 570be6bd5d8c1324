//! One database connection, opened read-only and shared by the worker threads that read from
//! it; after it was lost, the next use connects again.

use std::sync::Mutex;

use postgres::Client;

use super::target::{DbTarget, Secret};
use super::tls::{self, TlsLink};
use super::{DbError, classify};

/// Read-only for the whole session: every transaction is READ ONLY, and only SELECTs are sent.
/// String literals are standard (the reader quotes column names as `'...'` with `''`).
const READ_ONLY: &str = "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY; \
                         SET default_transaction_read_only = on; \
                         SET standard_conforming_strings = on; \
                         SET statement_timeout = '120s'";

pub struct Session {
    target: DbTarget,
    password: Option<Secret>,
    client: Mutex<Option<Client>>,
    /// How the last connection was secured (the padlock on the source).
    link: Mutex<TlsLink>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Session({})", self.target.display())
    }
}

impl Session {
    /// A session on `target`; `password` overrides the one `psql` would find (see
    /// [`DbTarget::default_password`]). Nothing is connected yet.
    pub fn new(target: DbTarget, password: Option<Secret>) -> Self {
        let password = password
            .filter(|p| !p.is_empty())
            .or_else(|| target.default_password());
        Self {
            target,
            password,
            client: Mutex::new(None),
            link: Mutex::new(TlsLink::Unknown),
        }
    }

    pub fn target(&self) -> &DbTarget {
        &self.target
    }

    /// "user@host/dbname".
    pub fn name(&self) -> String {
        self.target.display()
    }

    /// Connects now (or checks the open connection is alive).
    pub fn connect(&self) -> Result<(), DbError> {
        self.with_client("", |_| Ok(()))
    }

    /// Runs `work` on the connection, connecting first when there is none (or it was lost).
    /// When the connection is found lost, it is dropped so that the next call reconnects.
    pub fn with_client<T>(
        &self,
        table: &str,
        work: impl FnOnce(&mut Client) -> Result<T, postgres::Error>,
    ) -> Result<T, DbError> {
        let db = self.name();
        // A worker that failed while holding the connection leaves it in an unknown state:
        // start again from a new connection.
        let mut slot = self.client.lock().unwrap_or_else(|poisoned| {
            let mut slot = poisoned.into_inner();
            *slot = None;
            slot
        });
        if slot.as_ref().is_some_and(Client::is_closed) {
            *slot = None;
        }
        let client = match slot.as_mut() {
            Some(client) => client,
            None => slot.insert(self.open()?),
        };
        match work(client) {
            Ok(value) => Ok(value),
            Err(e) => {
                let error = classify(&e, &db, table);
                if error.is_connection_lost() || client.is_closed() {
                    *slot = None;
                }
                Err(error)
            }
        }
    }

    /// How the connection is secured (`Unknown` before the first connection).
    pub fn tls_link(&self) -> TlsLink {
        self.link.lock().map(|l| *l).unwrap_or_default()
    }

    fn open(&self) -> Result<Client, DbError> {
        let db = self.name();
        let config = self.target.config_with(self.password.as_ref());
        let settings = self.target.tls();
        let (connector, verified) = tls::connector(settings).map_err(|problem| DbError::Tls {
            db: db.clone(),
            problem,
        })?;
        let mut client = config.connect(connector).map_err(|e| {
            match tls::tls_problem(&e, settings, &self.target.host()) {
                Some(problem) => DbError::Tls {
                    db: db.clone(),
                    problem,
                },
                None => classify(&e, &db, ""),
            }
        })?;
        client
            .batch_execute(READ_ONLY)
            .map_err(|e| classify(&e, &db, ""))?;
        // `prefer` falls back to a plain connection when the server offers no TLS: ask the
        // server which it is.
        let encrypted: Option<bool> = client
            .query_opt(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
                &[],
            )
            .ok()
            .flatten()
            .and_then(|row| row.try_get(0).ok());
        let link = match encrypted {
            Some(true) => verified,
            Some(false) => TlsLink::Plain,
            None => TlsLink::Unknown,
        };
        if let Ok(mut slot) = self.link.lock() {
            *slot = link;
        }
        let postgis: Option<String> = client
            .query_opt(
                "SELECT extversion::text FROM pg_extension WHERE extname = 'postgis'",
                &[],
            )
            .map_err(|e| classify(&e, &db, ""))?
            .and_then(|row| row.try_get(0).ok());
        if postgis.is_none() {
            return Err(DbError::NoPostgis { db });
        }
        log::info!("{db}: connected read-only ({link:?})");
        Ok(client)
    }

    /// Drops the connection (the next use connects again).
    pub fn disconnect(&self) {
        if let Ok(mut slot) = self.client.lock() {
            *slot = None;
        }
    }
}
