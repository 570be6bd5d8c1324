//! Problems in the interface's language: the core's typed errors written as sentences when they
//! are shown (Fluent messages `load-error-*`, `crs-error-*`, `export-error-*`). The core's own
//! `Display` stays English, for logs and the command line.

use crate::db::DbError;
use crate::io::LoadError;
use crate::io::crs::CrsError;
use crate::io::export::ExportError;
use crate::state::Problem;
use crate::t;

/// A problem as the errors window says it.
pub fn problem_text(problem: &Problem) -> String {
    match problem {
        Problem::Load(e) => load_error_text(e),
        Problem::Reload(e) => t!("error-reload", error = load_error_text(e)),
        Problem::Embedded(e) => t!("error-embedded", error = load_error_text(e)),
        Problem::Db(e) => db_error_text(e),
        Problem::DbAgain(e) => format!("{} {}", db_error_text(e), t!("db-last-data-stays")),
        Problem::Export(e) => export_error_text(e),
        Problem::Sheet(reason) => t!("sheet-error", reason = reason.clone()),
        Problem::Said(text) => text.clone(),
    }
}

/// Why a file could not be opened. What a library says (a JSON parser's message, a system
/// error) is passed on as it said it.
pub fn load_error_text(e: &LoadError) -> String {
    match e {
        LoadError::Io { file, source } => {
            t!("load-error-io", file = file, reason = source.to_string())
        }
        LoadError::Empty { file } => t!("load-error-empty", file = file),
        LoadError::TooLarge {
            file,
            size_bytes,
            limit_bytes,
        } => t!(
            "load-error-too-large",
            file = file,
            size = crate::format::format_mb(*size_bytes),
            limit = crate::format::format_mb(*limit_bytes)
        ),
        LoadError::Json {
            file,
            line,
            column,
            message,
        } => t!(
            "load-error-json",
            file = file,
            line = *line,
            column = *column,
            reason = message
        ),
        LoadError::Csv {
            file,
            line,
            message,
        } => t!(
            "load-error-csv",
            file = file,
            line = *line,
            reason = message
        ),
        LoadError::NotGeoJson { file, reason } => {
            t!("load-error-not-geojson", file = file, reason = reason)
        }
        LoadError::NotCnig { file, reason } => {
            t!("load-error-not-cnig", file = file, reason = reason)
        }
        LoadError::Crs { file, source } => {
            t!(
                "load-error-crs",
                file = file,
                reason = crs_error_text(source)
            )
        }
        LoadError::Unreadable {
            file,
            format,
            reason,
        } => t!(
            "load-error-unreadable",
            file = file,
            format = *format,
            reason = reason
        ),
        LoadError::MissingPart { file, missing } => {
            t!("load-error-missing-part", file = file, missing = missing)
        }
        LoadError::NoLayer {
            file,
            layer,
            available,
        } => t!(
            "load-error-no-layer",
            file = file,
            layer = layer,
            available = available
        ),
        LoadError::SeveralLayers {
            file,
            layers,
            available,
            first,
        } => t!(
            "load-error-several-layers",
            file = file,
            n = *layers,
            available = available,
            first = first
        ),
        LoadError::Cancelled { file } => t!("load-error-cancelled", file = file),
        LoadError::Internal { file } => t!("load-error-internal", file = file),
        LoadError::Database(e) => crate::ui::db_tls::db_error_text(e),
    }
}

/// A coordinate system that could not be used.
pub fn crs_error_text(e: &CrsError) -> String {
    match e {
        CrsError::Unrecognised(name) => t!("crs-error-unrecognised", name = name),
        CrsError::UnknownEpsg(code) => t!("crs-error-unknown-epsg", code = code.to_string()),
        CrsError::Setup { code, reason } => {
            t!("crs-error-setup", code = code.to_string(), reason = reason)
        }
    }
}

/// Why the export could not be written.
pub fn export_error_text(e: &ExportError) -> String {
    match e {
        ExportError::Io { file, source } => {
            t!("export-error-io", file = file, reason = source.to_string())
        }
        ExportError::Csv { file, source } => {
            t!("export-error-csv", file = file, reason = source.to_string())
        }
        ExportError::GeoPackage { file, reason } => {
            t!("export-error-gpkg", file = file, reason = reason)
        }
        ExportError::Format { file } => t!("export-error-format", file = file),
    }
}

/// What went wrong with a database. What the server said is passed on as it said it.
pub fn db_error_text(e: &DbError) -> String {
    match e {
        DbError::BadUrl { url, reason } => t!("db-error-bad-url", url = url, reason = reason),
        DbError::PasswordRequired { db } => t!("db-error-password-required", db = db),
        DbError::AuthFailed { db, reason } => {
            t!("db-error-auth-failed", db = db, reason = reason)
        }
        DbError::UnknownDatabase { db, reason } => {
            t!("db-error-unknown-database", db = db, reason = reason)
        }
        DbError::Unreachable { db, reason } => {
            t!("db-error-unreachable", db = db, reason = reason)
        }
        DbError::NoPostgis { db } => t!("db-error-no-postgis", db = db),
        DbError::TableNotFound { db, table } => {
            t!("db-error-table-not-found", db = db, table = table)
        }
        DbError::NoGeometry { db, table, columns } => t!(
            "db-error-no-geometry",
            db = db,
            table = table,
            columns = columns
        ),
        DbError::Query { db, table, reason } => {
            t!("db-error-query", db = db, table = table, reason = reason)
        }
        DbError::Load { db, table, reason } => {
            t!("db-error-load", db = db, table = table, reason = reason)
        }
        DbError::Cancelled { db, table } => t!("db-error-cancelled", db = db, table = table),
        DbError::Tls { .. } => super::db_tls::db_error_text(e),
    }
}
