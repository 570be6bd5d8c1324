//! A whole inventory read from a database, for a comparison: the CNIG tables of the database
//! (site_eco, terrain_eco, etablissement, wherever they are), or its only table with a
//! geometry, each read whole.

use super::{
    DbError, DbTarget, ReadOptions, Session, TableInfo, TableRef, list_tables, read_table,
};
use crate::io::LoadedFile;

/// At most this many rows a table, for a comparison (an inventory is compared whole, never
/// only where the map looks).
const WHOLE: usize = 5_000_000;

/// Whether a command-line argument names a database rather than a file.
pub fn is_connection_string(arg: &str) -> bool {
    let arg = arg.trim_start();
    arg.starts_with("postgresql://") || arg.starts_with("postgres://")
}

/// The tables a database is opened with when none is named: its CNIG tables, else its only
/// table with a geometry, else none (the planner chooses).
pub fn tables_to_open(tables: &[TableInfo]) -> Vec<TableRef> {
    let cnig: Vec<TableRef> = tables
        .iter()
        .filter(|t| t.kind.is_cnig())
        .map(|t| t.table.clone())
        .collect();
    match (cnig.is_empty(), tables) {
        (false, _) => cnig,
        (true, [only]) => vec![only.table.clone()],
        (true, _) => Vec::new(),
    }
}

/// Reads the inventory a connection string names (its password from the string, `PGPASSWORD`
/// or `~/.pgpass`, as for `--db`).
pub fn read_inventory(url: &str) -> Result<Vec<LoadedFile>, DbError> {
    let session = Session::new(DbTarget::parse(url)?, None);
    let chosen = tables_to_open(&list_tables(&session)?);
    if chosen.is_empty() {
        return Err(DbError::TableNotFound {
            db: session.name(),
            table: "site_eco / terrain_eco / etablissement (or a single table with a geometry)"
                .into(),
        });
    }
    let options = ReadOptions {
        large_table_rows: WHOLE,
        max_rows: WHOLE,
        view: None,
    };
    chosen
        .into_iter()
        .map(|t| read_table(&session, &t, &options, &mut |_| true).map(|d| d.loaded))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_strings_are_told_from_files() {
        assert!(is_connection_string("postgresql://planner@sig/zae"));
        assert!(is_connection_string("postgres://localhost/zae"));
        assert!(!is_connection_string("2019/site-eco.csv"));
        assert!(!is_connection_string("postgresql.geojson"));
    }
}
