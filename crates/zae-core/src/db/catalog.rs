//! The tables of a database that ZAE Atlas can read: their columns, geometry columns (type and
//! SRID) and primary key, read from the PostgreSQL catalog; CNIG classes recognised by their
//! columns, as for files.

use crate::io::Layer;

use super::DbError;
use super::session::Session;

/// A table (or view) by schema and name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TableRef {
    pub schema: String,
    pub table: String,
}

impl TableRef {
    pub fn new(schema: impl Into<String>, table: impl Into<String>) -> Self {
        Self {
            schema: schema.into(),
            table: table.into(),
        }
    }

    /// Reads `schema.table`, or `table` (schema `public`).
    pub fn parse(text: &str) -> Self {
        match text.trim().split_once('.') {
            Some((schema, table)) => Self::new(schema, table),
            None => Self::new("public", text.trim()),
        }
    }

    /// `"schema"."table"`, quoted for SQL.
    pub fn sql(&self) -> String {
        format!("{}.{}", quote_ident(&self.schema), quote_ident(&self.table))
    }
}

impl std::fmt::Display for TableRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.schema, self.table)
    }
}

/// An identifier quoted for SQL (`"` doubled).
pub fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A string literal for SQL (`'` doubled; the session keeps standard_conforming_strings on).
pub fn quote_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// What a table holds, recognised from its column names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    /// CNIG site-eco: zones.
    SiteEco,
    /// CNIG terrain-eco: plots.
    TerrainEco,
    /// CNIG etablissement: establishments.
    Etablissement,
    /// Any other table with a geometry column: zones read through the alias table.
    Other,
}

impl TableKind {
    pub fn from_columns<'a>(columns: impl Iterator<Item = &'a str> + Clone) -> Self {
        let has = |name: &str| columns.clone().any(|c| c.eq_ignore_ascii_case(name));
        match Layer::detect(columns.clone()) {
            Layer::Plots => TableKind::TerrainEco,
            Layer::Establishments => TableKind::Etablissement,
            Layer::Zones if has("site_id") && has("site_nom") => TableKind::SiteEco,
            Layer::Zones => TableKind::Other,
        }
    }

    pub fn layer(self) -> Layer {
        match self {
            TableKind::SiteEco | TableKind::Other => Layer::Zones,
            TableKind::TerrainEco => Layer::Plots,
            TableKind::Etablissement => Layer::Establishments,
        }
    }

    pub fn is_cnig(self) -> bool {
        self != TableKind::Other
    }

    pub fn describe(self) -> &'static str {
        match self {
            TableKind::SiteEco => "CNIG site-eco (zones)",
            TableKind::TerrainEco => "CNIG terrain-eco (plots)",
            TableKind::Etablissement => "CNIG etablissement (establishments)",
            TableKind::Other => "zones, through the alias table",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    /// The type's name in pg_type (`varchar`, `bpchar`, `int4`, `geometry`...).
    pub type_name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GeometryColumn {
    pub name: String,
    /// From the column's type modifier; 0 when the column does not say.
    pub srid: i32,
    /// `MultiPolygon`, `Point`, ... or `Geometry` when the column does not say.
    pub geometry_type: String,
    pub geography: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TableInfo {
    pub table: TableRef,
    pub kind: TableKind,
    pub columns: Vec<Column>,
    pub geometry_columns: Vec<GeometryColumn>,
    pub primary_key: Option<String>,
    /// The planner's row estimate (`pg_class.reltuples`), when the table was ever analysed.
    pub estimated_rows: Option<f64>,
}

/// Geometry columns of the CNIG classes, preferred in this order.
const CNIG_GEOMETRY: [&str; 3] = ["site_geomsurf", "terr_geomsurf", "etab_geompoint"];

impl TableInfo {
    /// The geometry column read: a CNIG one, else the first polygon column, else the first.
    pub fn geometry(&self) -> Option<&GeometryColumn> {
        let columns = &self.geometry_columns;
        CNIG_GEOMETRY
            .iter()
            .find_map(|want| columns.iter().find(|c| c.name.eq_ignore_ascii_case(want)))
            .or_else(|| {
                columns
                    .iter()
                    .find(|c| c.geometry_type.to_ascii_lowercase().contains("polygon"))
            })
            .or_else(|| columns.first())
    }
}

const TABLES_SQL: &str = "
SELECT n.nspname::text, c.relname::text, a.attname::text, t.typname::text,
       CASE WHEN t.typname IN ('geometry', 'geography') AND a.atttypmod > 0
            THEN postgis_typmod_srid(a.atttypmod) ELSE 0 END,
       CASE WHEN t.typname IN ('geometry', 'geography') AND a.atttypmod > 0
            THEN postgis_typmod_type(a.atttypmod) ELSE 'Geometry' END,
       (SELECT pa.attname::text FROM pg_index i
          JOIN pg_attribute pa ON pa.attrelid = i.indrelid AND pa.attnum = i.indkey[0]
         WHERE i.indrelid = c.oid AND i.indisprimary LIMIT 1),
       c.reltuples::float8
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_type t ON t.oid = a.atttypid
 WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'topology', 'tiger', 'tiger_data')
   AND n.nspname NOT LIKE 'pg\\_%'
   AND has_table_privilege(c.oid, 'SELECT')
   AND ($1::text IS NULL OR n.nspname = $1)
   AND ($2::text IS NULL OR c.relname = $2)
 ORDER BY n.nspname, c.relname, a.attnum";

/// Tables and views with at least one geometry or geography column, by schema and name.
pub fn list_tables(session: &Session) -> Result<Vec<TableInfo>, DbError> {
    let tables = query_tables(session, None)?;
    Ok(tables
        .into_iter()
        .filter(|t| !t.geometry_columns.is_empty())
        .collect())
}

/// One table's description; an error when it does not exist or has no geometry column.
pub fn describe_table(session: &Session, table: &TableRef) -> Result<TableInfo, DbError> {
    let db = session.name();
    let info = query_tables(session, Some(table))?
        .into_iter()
        .next()
        .ok_or_else(|| DbError::TableNotFound {
            db: db.clone(),
            table: table.to_string(),
        })?;
    if info.geometry_columns.is_empty() {
        return Err(DbError::NoGeometry {
            db,
            table: table.to_string(),
            columns: info
                .columns
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    Ok(info)
}

fn query_tables(session: &Session, only: Option<&TableRef>) -> Result<Vec<TableInfo>, DbError> {
    let label = only.map(TableRef::to_string).unwrap_or_default();
    let schema = only.map(|t| t.schema.clone());
    let name = only.map(|t| t.table.clone());
    let rows = session.with_client(&label, |client| client.query(TABLES_SQL, &[&schema, &name]))?;
    let bad_row = |e: postgres::Error| DbError::Query {
        db: session.name(),
        table: label.clone(),
        reason: format!("unexpected catalog row: {e}"),
    };
    let mut tables: Vec<TableInfo> = Vec::new();
    for row in rows {
        let schema: String = row.try_get(0).map_err(bad_row)?;
        let table: String = row.try_get(1).map_err(bad_row)?;
        let column = Column {
            name: row.try_get(2).map_err(bad_row)?,
            type_name: row.try_get(3).map_err(bad_row)?,
        };
        let srid: i32 = row.try_get(4).map_err(bad_row)?;
        let geometry_type: String = row.try_get(5).map_err(bad_row)?;
        let primary_key: Option<String> = row.try_get(6).map_err(bad_row)?;
        let reltuples: f64 = row.try_get(7).map_err(bad_row)?;
        let table_ref = TableRef::new(schema, table);
        if tables.last().is_none_or(|t| t.table != table_ref) {
            tables.push(TableInfo {
                table: table_ref,
                kind: TableKind::Other,
                columns: Vec::new(),
                geometry_columns: Vec::new(),
                primary_key,
                estimated_rows: (reltuples >= 0.0).then_some(reltuples),
            });
        }
        let Some(info) = tables.last_mut() else {
            continue;
        };
        if column.type_name == "geometry" || column.type_name == "geography" {
            let geography = column.type_name == "geography";
            info.geometry_columns.push(GeometryColumn {
                name: column.name.clone(),
                srid: if geography && srid == 0 { 4326 } else { srid },
                geometry_type: geometry_type.clone(),
                geography,
            });
        }
        info.columns.push(column);
    }
    for info in &mut tables {
        info.kind = TableKind::from_columns(info.columns.iter().map(|c| c.name.as_str()));
    }
    Ok(tables)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cnig_tables_are_recognised_by_their_columns() {
        let kind = |cols: &[&str]| TableKind::from_columns(cols.iter().copied());
        assert_eq!(
            kind(&["site_id", "site_nom", "site_geomsurf"]),
            TableKind::SiteEco
        );
        assert_eq!(
            kind(&["terr_id", "site_id", "terr_etat_occup", "terr_geomsurf"]),
            TableKind::TerrainEco
        );
        assert_eq!(
            kind(&["siret", "terr_id", "etab_nom", "etab_geompoint"]),
            TableKind::Etablissement
        );
        assert_eq!(kind(&["nom", "geom"]), TableKind::Other);
    }

    #[test]
    fn identifiers_and_literals_are_quoted() {
        assert_eq!(
            TableRef::new("sites_economiques", "a\"b").sql(),
            "\"sites_economiques\".\"a\"\"b\""
        );
        assert_eq!(quote_literal("l'aire"), "'l''aire'");
        assert_eq!(TableRef::parse("zae"), TableRef::new("public", "zae"));
        assert_eq!(TableRef::parse("s.t"), TableRef::new("s", "t"));
    }
}
