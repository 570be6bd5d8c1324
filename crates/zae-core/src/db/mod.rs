//! Reading zones, plots and establishments from a PostgreSQL/PostGIS database, read-only.
//!
//! A table becomes the same model objects as a file: its rows go through the same
//! [`Builder`](crate::io::records::Builder) (layer recognised from the columns, CNIG names first
//! then the alias table, geometry checked and reprojected with the same CRS code), so joins and
//! statistics work across files and tables alike. No egui here.
//!
//! - [`target`]: connection strings, passwords (never shown or stored), `.pgpass`.
//! - [`session`]: one connection, opened read-only, reopened after it was lost.
//! - [`catalog`]: the tables with a geometry column, recognised as CNIG classes by their columns.
//! - [`read`]: a table's rows as records, whole or only those in a bounding box.
//!
//! WKB geometries (as PostGIS sends them) are read by [`crate::io::wkb`].

pub mod catalog;
pub mod inventory;
pub mod read;
pub mod session;
pub mod target;
pub mod tls;

pub use catalog::{GeometryColumn, TableInfo, TableKind, TableRef, describe_table, list_tables};
pub use read::{Fetched, ReadOptions, TableData, read_table};
pub use session::Session;
pub use target::{DbTarget, Secret};
pub use tls::{SslMode, TlsLink, TlsProblem, TlsSettings};

/// What went wrong with a database, in words for the planner: the database (without password)
/// and the table come first, then the problem and what to do.
#[derive(Clone, Debug, thiserror::Error, PartialEq)]
pub enum DbError {
    #[error("{url}: not a valid connection string: {reason}")]
    BadUrl { url: String, reason: String },
    #[error("{db}: the server asks for a password and none was given")]
    PasswordRequired { db: String },
    #[error("{db}: authentication failed: {reason}")]
    AuthFailed { db: String, reason: String },
    #[error("{db}: the database does not exist on this server ({reason})")]
    UnknownDatabase { db: String, reason: String },
    /// The server cannot be reached, or the connection was lost.
    #[error("{db}: cannot reach the server: {reason}")]
    Unreachable { db: String, reason: String },
    #[error("{db}: PostGIS is not installed in this database (CREATE EXTENSION postgis)")]
    NoPostgis { db: String },
    #[error("{db}: table {table} not found (or not readable by this user)")]
    TableNotFound { db: String, table: String },
    #[error(
        "{db}: table {table} has no geometry column (columns: {columns}); ZAE Atlas reads \
         tables with a PostGIS geometry or geography column"
    )]
    NoGeometry {
        db: String,
        table: String,
        columns: String,
    },
    #[error("{db}: reading {table} failed: {reason}")]
    Query {
        db: String,
        table: String,
        reason: String,
    },
    #[error("{db}: {table}: {reason}")]
    Load {
        db: String,
        table: String,
        reason: String,
    },
    /// TLS could not be set up as the connection string asks (see [`TlsProblem`]).
    #[error("{db}: {problem}")]
    Tls { db: String, problem: TlsProblem },
    #[error("{db}: {table}: reading cancelled")]
    Cancelled { db: String, table: String },
}

impl DbError {
    /// The server could not be reached or the connection was lost: worth a "Retry".
    pub fn is_connection_lost(&self) -> bool {
        matches!(self, DbError::Unreachable { .. })
    }

    /// A password is wanted (none given, or the one given was refused).
    pub fn wants_password(&self) -> bool {
        matches!(
            self,
            DbError::PasswordRequired { .. } | DbError::AuthFailed { .. }
        )
    }
}

/// A client error in words: the server's message (with its detail and hint) when there is one,
/// else the client's description and its cause.
pub fn describe(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        let mut text = db.message().to_string();
        if let Some(detail) = db.detail() {
            text.push_str(&format!(" ({detail})"));
        }
        if let Some(hint) = db.hint() {
            text.push_str(&format!("; hint: {hint}"));
        }
        return text;
    }
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(&format!(": {cause_text}"));
        }
        source = cause.source();
    }
    text
}

/// Sorts a client error into the kinds above. `table` is empty for connection-level errors.
pub fn classify(e: &postgres::Error, db: &str, table: &str) -> DbError {
    use postgres::error::SqlState;
    let reason = describe(e);
    let db = db.to_string();
    if let Some(code) = e.code() {
        if *code == SqlState::INVALID_PASSWORD
            || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        {
            return DbError::AuthFailed { db, reason };
        }
        if *code == SqlState::INVALID_CATALOG_NAME {
            return DbError::UnknownDatabase { db, reason };
        }
        let class = code.code().get(..2).unwrap_or_default();
        // 08: connection exception; 57P0x: the server is shutting down or starting up.
        if class == "08" || code.code().starts_with("57P") {
            return DbError::Unreachable { db, reason };
        }
        if *code == SqlState::UNDEFINED_TABLE && !table.is_empty() {
            return DbError::TableNotFound {
                db,
                table: table.into(),
            };
        }
        return DbError::Query {
            db,
            table: table.to_string(),
            reason,
        };
    }
    if reason.contains("password missing") {
        return DbError::PasswordRequired { db };
    }
    if reason.contains("invalid configuration") || reason.contains("invalid connection string") {
        return DbError::BadUrl { url: db, reason };
    }
    // Closed connections, I/O errors, timeouts: the server is gone or unreachable.
    DbError::Unreachable { db, reason }
}
