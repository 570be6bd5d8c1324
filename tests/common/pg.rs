//! A fresh PostgreSQL/PostGIS database per test, on the server named by `ZAE_TEST_PG` (default
//! `postgresql://postgres:zae-test@127.0.0.1:5432/postgres`), dropped at the end; the CNIG tables and
//! fixtures loaded on demand. No server: the test fails and says how to start one.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use postgres::{Client, NoTls};
use serde_json::{Map, Value};

pub const DEFAULT_URL: &str = "postgresql://postgres:zae-test@127.0.0.1:5432/postgres";

const HOW_TO_START: &str = "The database tests need PostgreSQL with PostGIS on 127.0.0.1. Start one with \
`sudo .ci/start-postgres` (installs postgresql and postgresql-15-postgis-3 if needed, sets the \
postgres password to zae-test), then `export ZAE_TEST_PG=postgresql://postgres:zae-test@127.0.0.1:5432/postgres`; \
or point ZAE_TEST_PG at any server where that user may CREATE DATABASE.";

/// The admin connection string (with its password, for the tests only).
pub fn admin_url() -> String {
    std::env::var("ZAE_TEST_PG").unwrap_or_else(|_| DEFAULT_URL.to_string())
}

/// Connects or fails the test with instructions.
pub fn connect(url: &str) -> Client {
    match Client::connect(url, NoTls) {
        Ok(c) => c,
        Err(e) => panic!(
            "cannot connect to the test PostgreSQL at {}: {}\n{HOW_TO_START}",
            zae_atlas::db::target::redact(url),
            zae_atlas::db::describe(&e)
        ),
    }
}

/// `url` with its database name replaced.
pub fn with_dbname(url: &str, dbname: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    format!("{}/{dbname}{query}", &base[..path_start])
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);
static CREATING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// A database made for one test, dropped when the value is.
pub struct TestDb {
    pub name: String,
    /// Connection string of this database (with the test password).
    pub url: String,
    admin_url: String,
}

impl TestDb {
    /// A new database with PostGIS.
    pub fn new(tag: &str) -> Self {
        Self::with_postgis(tag, true)
    }

    pub fn with_postgis(tag: &str, postgis: bool) -> Self {
        let admin_url = admin_url();
        let name = format!(
            "zae_test_{tag}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = connect(&admin_url);
        // CREATE DATABASE copies template1, which must not be in use by another CREATE: one at
        // a time in this process, and a few tries against other processes.
        let _one_at_a_time = CREATING.lock().unwrap_or_else(|e| e.into_inner());
        let mut tries = 0;
        while let Err(e) = admin.batch_execute(&format!("CREATE DATABASE {name}")) {
            tries += 1;
            let reason = zae_atlas::db::describe(&e);
            assert!(
                tries < 20 && reason.contains("being accessed by other users"),
                "CREATE DATABASE {name}: {reason}"
            );
            // Another test's connection still holds the template database; PostgreSQL gives no
            // signal when it leaves, so wait a moment and try again (bounded above).
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        drop(_one_at_a_time);
        let db = TestDb {
            url: with_dbname(&admin_url, &name),
            name,
            admin_url,
        };
        if postgis {
            db.execute("CREATE EXTENSION postgis");
        }
        db
    }

    /// A writable connection, to set the test up (the app's own sessions are read-only).
    pub fn client(&self) -> Client {
        connect(&self.url)
    }

    pub fn execute(&self, sql: &str) {
        self.client()
            .batch_execute(sql)
            .unwrap_or_else(|e| panic!("{sql}: {}", zae_atlas::db::describe(&e)));
    }

    /// A database with table `grid`: `columns` × `rows` squares of 200 m, every 400 m, from
    /// `(x, y)` in Lambert-93, with a spatial index. The square in column i, row j has id
    /// i × 1000 + j and name "cell i/j".
    pub fn grid(tag: &str, (columns, rows): (u32, u32), (x, y): (u32, u32)) -> Self {
        let db = Self::new(tag);
        db.execute(&format!(
            "CREATE TABLE grid (id int PRIMARY KEY, nom text, geom geometry(Polygon, 2154));
             INSERT INTO grid
             SELECT i * 1000 + j, 'cell ' || i || '/' || j,
                    ST_MakeEnvelope({x} + i * 400, {y} + j * 400,
                                    {x} + 200 + i * 400, {y} + 200 + j * 400, 2154)
               FROM generate_series(0, {}) i, generate_series(0, {}) j;
             CREATE INDEX ON grid USING gist (geom);
             ANALYZE grid;",
            columns - 1,
            rows - 1
        ));
        db
    }

    /// The session ZAE Atlas would open on this database.
    pub fn session(&self) -> zae_atlas::db::Session {
        let target = zae_atlas::db::DbTarget::parse(&self.url).expect("test URL parses");
        zae_atlas::db::Session::new(target, None)
    }

    /// Schema `sites_economiques` with the CNIG tables (the standard's DDL, unchanged).
    pub fn load_cnig_ddl(&self) {
        let mut sql = String::from("CREATE SCHEMA sites_economiques;\n");
        for class in ["site_eco", "terrain_eco", "etablissement"] {
            let path = data_dir().join(format!("cnig/sql/sites_economiques_{class}.sql"));
            sql.push_str(
                &std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display())),
            );
            sql.push_str(";\n");
        }
        self.execute(&sql);
    }

    /// The rows of tests/data/cnig/*.geojson (Lambert-93) in the CNIG tables. Two values the
    /// DDL cannot hold are adapted: `site_taux_vacance` 12.5 (an integer column) becomes 12, and
    /// a `terr_id` list longer than varchar(23) keeps its first id.
    pub fn insert_cnig_fixtures(&self) {
        let mut client = self.client();
        for (file, table, column, multi) in [
            ("site-eco", "site_eco", "site_geomsurf", true),
            ("terrain-eco", "terrain_eco", "terr_geomsurf", false),
            ("etablissement", "etablissement", "etab_geompoint", true),
        ] {
            let path = data_dir().join(format!("cnig/{file}.geojson"));
            let text = std::fs::read_to_string(&path).expect("fixture");
            let json: Value = serde_json::from_str(&text).expect("fixture JSON");
            let features = json["features"].as_array().expect("features");
            let geom = if multi {
                "ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2), 2154))"
            } else {
                "ST_SetSRID(ST_GeomFromGeoJSON($2), 2154)"
            };
            let sql = format!(
                "INSERT INTO sites_economiques.{table} SELECT (jsonb_populate_record(\
                 NULL::sites_economiques.{table}, $1::text::jsonb || \
                 jsonb_build_object('{column}', ST_AsEWKT({geom})))).*"
            );
            for feature in features {
                let props: Map<String, Value> = feature["properties"]
                    .as_object()
                    .cloned()
                    .unwrap_or_default();
                // Column names are lower case in the DDL (the fixtures write "SIRET").
                let mut props: Map<String, Value> = props
                    .into_iter()
                    .map(|(k, v)| (k.to_ascii_lowercase(), v))
                    .collect();
                props.remove("site_geompoint");
                props.remove("etab_geompoint");
                if let Some(v) = props.get_mut("site_taux_vacance")
                    && v.as_f64() == Some(12.5)
                {
                    *v = Value::from(12);
                }
                if let Some(Value::String(ids)) = props.get_mut("terr_id")
                    && let Some((first, _)) = ids.clone().split_once('|')
                {
                    *ids = first.to_string();
                }
                let props = Value::Object(props).to_string();
                let geometry = feature["geometry"].to_string();
                client
                    .execute(&sql, &[&props, &geometry])
                    .unwrap_or_else(|e| panic!("{table}: {}", zae_atlas::db::describe(&e)));
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut admin) = Client::connect(&self.admin_url, NoTls) {
            let _ = admin.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}
