//! The database data layer against a real PostgreSQL/PostGIS on 127.0.0.1 (see tests/common/pg.rs;
//! `.ci/run` starts one): the CNIG DDL and fixtures in EPSG:2154 read into the same model as the
//! files, reprojection against the pyproj reference pairs, other SRIDs, the alias table, bbox
//! fetching of large tables, read-only sessions, and every bad input giving a clear message.

mod common;

use common::pg::{self, TestDb};
use serde_json::Value;
use zae_atlas::db::{
    self, DbError, DbTarget, Fetched, ReadOptions, Secret, Session, TableKind, TableRef,
};
use zae_atlas::io::Layer;
use zae_atlas::store::Dataset;

fn read(session: &Session, table: &str) -> db::TableData {
    read_with(session, table, &ReadOptions::default())
}

fn read_with(session: &Session, table: &str, options: &ReadOptions) -> db::TableData {
    db::read_table(session, &TableRef::parse(table), options, &mut |_| true)
        .unwrap_or_else(|e| panic!("{table}: {e}"))
}

fn add(dataset: &mut Dataset, data: db::TableData) {
    let file = data.loaded;
    let name = file.report.file.clone();
    dataset.add_loaded(file, &name, None);
}

fn cnig_db() -> TestDb {
    let db = TestDb::new("cnig");
    db.load_cnig_ddl();
    db.insert_cnig_fixtures();
    db
}

#[test]
fn cnig_tables_are_listed_recognised_read_and_joined_like_the_files() {
    let db = cnig_db();
    let session = db.session();
    let tables = db::list_tables(&session).expect("tables listed");
    let kinds: Vec<(String, TableKind)> = tables
        .iter()
        .map(|t| (t.table.to_string(), t.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            (
                "sites_economiques.etablissement".into(),
                TableKind::Etablissement
            ),
            ("sites_economiques.site_eco".into(), TableKind::SiteEco),
            (
                "sites_economiques.terrain_eco".into(),
                TableKind::TerrainEco
            ),
        ]
    );
    let site = tables
        .iter()
        .find(|t| t.kind == TableKind::SiteEco)
        .expect("site");
    let geometry = site.geometry().expect("geometry column");
    assert_eq!(
        (geometry.name.as_str(), geometry.srid),
        ("site_geomsurf", 2154)
    );

    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(pg::data_dir().join("cnig/expected.json")).expect("expected"),
    )
    .expect("JSON");
    let mut data = Dataset::default();
    for (table, layer) in [
        ("sites_economiques.site_eco", Layer::Zones),
        ("sites_economiques.terrain_eco", Layer::Plots),
        ("sites_economiques.etablissement", Layer::Establishments),
    ] {
        let read = read(&session, table);
        assert_eq!(read.loaded.layer, layer, "{table}");
        assert_eq!(read.fetched, Fetched::Whole);
        let report = &read.loaded.report;
        assert!(report.skipped.is_empty(), "{table}: {:?}", report.skipped);
        assert!(
            report.crs.to_string().contains("EPSG:2154"),
            "{}",
            report.crs
        );
        assert!(
            report.file.starts_with("db: postgres@127.0.0.1") && report.file.ends_with(table),
            "{}",
            report.file
        );
        add(&mut data, read);
    }
    let count = |layer: &str| expected["layers"][layer]["count"].as_u64().expect("count") as usize;
    assert_eq!(data.zones.len(), count("site-eco"));
    assert_eq!(data.plots.len(), count("terrain-eco"));
    assert_eq!(data.establishments.len(), count("etablissement"));

    for (site_id, site) in expected["sites"].as_object().expect("sites") {
        let zi = data.zone_index_by_id(site_id).expect("zone by site_id");
        let zone = &data.zones[zi];
        assert_eq!(zone.name.as_deref(), site["site_nom"].as_str());
        assert_eq!(
            zone.surface_declared_ha,
            site["site_surf_brute_ha"].as_f64()
        );
        let first = zone.geometry().0[0].exterior().0[0];
        let want = &site["first_vertex_wgs84"];
        assert!(
            (first.x - want[0].as_f64().expect("lon")).abs() < 1e-6
                && (first.y - want[1].as_f64().expect("lat")).abs() < 1e-6,
            "{site_id}: {first:?} vs {want}"
        );
        let stats = data.land_stats(zi);
        let n = |key: &str| site[key].as_u64().expect(key) as usize;
        assert_eq!(stats.plots, n("plots"), "{site_id}");
        assert_eq!(stats.plots_for_sale, n("plots_for_sale"), "{site_id}");
        assert_eq!(stats.vacant_plots, n("vacant_plots"), "{site_id}");
        assert!(
            (stats.available_ha - site["available_surface_ha"].as_f64().expect("ha")).abs() < 1e-6
        );
        // site_taux_vacance is an integer column in the DDL: 12.5 was stored as 12.
        let vacancy = site["vacancy_rate_percent"]
            .as_f64()
            .map(|v| if v == 12.5 { 12.0 } else { v });
        assert_eq!(stats.vacancy_percent, vacancy, "{site_id}");
        assert_eq!(
            stats.price_m2_min,
            site["m2_price_min"].as_f64(),
            "{site_id}"
        );
        assert_eq!(
            stats.price_m2_max,
            site["m2_price_max"].as_f64(),
            "{site_id}"
        );
    }
    common::check_expected_establishments(&data, &expected);
    for e in &data.establishments {
        let siret = e.siret.as_deref().unwrap_or_default();
        assert!(e.activity.is_some() && e.headcount.is_some(), "{siret}");
    }
    assert_eq!(data.joins.plots_by_site_id, 8);
    assert_eq!(data.joins.establishments_without_zone, 1);
    // char(n) columns come without their padding.
    let zone = &data.zones[0];
    assert_eq!(
        zone.properties
            .get("site_comm_insee")
            .map(|v| v.to_string()),
        Some("\"21231\"".to_string())
    );
}

/// The pyproj reference pairs of the planner-data issue (tests/loader.rs), as stored in
/// Lambert-93 and read back in WGS84.
const REFERENCE_PAIRS: [((f64, f64), (f64, f64)); 3] = [
    ((5.0345, 47.3225), (853654.56, 6693332.34)),
    ((5.1085, 47.2380), (859492.67, 6684095.99)),
    ((2.3499, 48.8530), (652296.97, 6861636.36)),
];
/// 0.01 m is about 1.3e-7° of longitude and 0.9e-7° of latitude here; the reference values
/// themselves are rounded to the centimetre.
const DEGREES_1CM: f64 = 1.5e-7;

fn reference_points_sql(table: &str, srid_expr: &str) -> String {
    let values: Vec<String> = REFERENCE_PAIRS
        .iter()
        .enumerate()
        .map(|(i, (_, (x, y)))| {
            format!(
                "({i}, 'point {i}', '9990000000000{i}', {})",
                srid_expr
                    .replace("{x}", &x.to_string())
                    .replace("{y}", &y.to_string())
            )
        })
        .collect();
    format!("INSERT INTO {table} VALUES {};", values.join(", "))
}

#[test]
fn lambert93_rows_match_the_reference_pairs_and_other_srids_agree() {
    let db = TestDb::new("srid");
    // A custom SRID holding Lambert-93: unknown to the projection library, so the server
    // reprojects it (ST_Transform).
    db.execute(
        "INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text) \
         SELECT 990001, 'zae', 990001, srtext, proj4text FROM spatial_ref_sys WHERE srid = 2154;",
    );
    let l93 = "ST_SetSRID(ST_MakePoint({x}, {y}), 2154)";
    let mut sql = String::new();
    for (table, geometry, expr) in [
        ("pts_2154", "geometry(Point, 2154)", l93.to_string()),
        (
            "pts_4326",
            "geometry(Point, 4326)",
            format!("ST_Transform({l93}, 4326)"),
        ),
        (
            "pts_3857",
            "geometry(Point, 3857)",
            format!("ST_Transform({l93}, 3857)"),
        ),
        (
            "pts_custom",
            "geometry(Point, 990001)",
            format!("ST_SetSRID({l93}, 990001)"),
        ),
        (
            "pts_srid0",
            "geometry",
            "ST_MakePoint({x}, {y})".to_string(),
        ),
        (
            "pts_geog",
            "geography(Point, 4326)",
            format!("ST_Transform({l93}, 4326)::geography"),
        ),
    ] {
        sql.push_str(&format!(
            "CREATE TABLE {table} (id int PRIMARY KEY, etab_nom text, siret text, geom {geometry});"
        ));
        sql.push_str(&reference_points_sql(table, &expr));
    }
    db.execute(&sql);
    let session = db.session();
    for (table, crs) in [
        ("pts_2154", "EPSG:2154"),
        ("pts_4326", "EPSG:4326"),
        ("pts_3857", "EPSG:3857"),
        ("pts_custom", "by the server"),
        ("pts_srid0", "SRID 0"),
        ("pts_geog", "EPSG:4326"),
    ] {
        let data = read(&session, &format!("public.{table}"));
        let report = &data.loaded.report;
        assert!(
            report.crs.to_string().contains(crs),
            "{table}: {}",
            report.crs
        );
        assert_eq!(data.loaded.layer, Layer::Establishments, "{table}");
        let points = &data.loaded.establishments;
        assert_eq!(points.len(), 3, "{table}: {:?}", report.skipped);
        for (e, ((lon, lat), _)) in points.iter().zip(REFERENCE_PAIRS) {
            assert!(
                (e.lon - lon).abs() < DEGREES_1CM && (e.lat - lat).abs() < DEGREES_1CM,
                "{table}: ({}, {}) vs ({lon}, {lat}): {:e}, {:e}",
                e.lon,
                e.lat,
                e.lon - lon,
                e.lat - lat
            );
        }
    }
}

#[test]
fn a_table_of_another_shape_is_read_through_the_alias_table() {
    let db = TestDb::new("alias");
    db.execute(
        "CREATE TABLE public.zones_activite (
            gid serial PRIMARY KEY, nom text, commune varchar(80), superficie numeric,
            emplois integer, vocation text, created date, \"note l'été \\ \"\"x\"\" \" text,
            geom geometry(MultiPolygon, 2154));
         INSERT INTO zones_activite (nom, commune, superficie, emplois, vocation, created,
                                     \"note l'été \\ \"\"x\"\" \", geom)
         VALUES ('Parc Test', 'Longvic', 12.5, 340, 'industrie', '2001-05-01', 'ok',
                 ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(855000, 6687000), 2154), 150, 2)));
         CREATE TABLE public.notes (id int, texte text);",
    );
    let session = db.session();
    let tables = db::list_tables(&session).expect("listed");
    assert_eq!(tables.len(), 1, "only the table with geometry is offered");
    assert_eq!(tables[0].kind, TableKind::Other);
    let data = read(&session, "zones_activite");
    assert_eq!(data.loaded.layer, Layer::Zones);
    let zone = &data.loaded.zones[0];
    assert_eq!(zone.id, "1", "primary key as id");
    assert_eq!(zone.name.as_deref(), Some("Parc Test"));
    assert_eq!(zone.commune.as_deref(), Some("Longvic"));
    assert_eq!(zone.surface_declared_ha, Some(12.5));
    assert_eq!(zone.jobs, Some(340.0));
    assert_eq!(
        zone.properties.get("created").map(|v| v.to_string()),
        Some("\"2001-05-01\"".into())
    );
    // Any column name, quotes and backslashes included.
    assert_eq!(
        zone.properties
            .get("note l'été \\ \"x\" ")
            .map(|v| v.to_string()),
        Some("\"ok\"".into())
    );
    // An octagon of radius 150 m: 2√2 × 150² m².
    assert!((zone.area_ha - 6.364).abs() < 0.05, "{}", zone.area_ha);

    let err = db::read_table(
        &session,
        &TableRef::parse("public.notes"),
        &ReadOptions::default(),
        &mut |_| true,
    )
    .expect_err("no geometry");
    assert!(matches!(err, DbError::NoGeometry { .. }), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("public.notes")
            && text.contains("no geometry column")
            && text.contains("id, texte"),
        "{text}"
    );
    let err = db::read_table(
        &session,
        &TableRef::parse("public.missing"),
        &ReadOptions::default(),
        &mut |_| true,
    )
    .expect_err("missing");
    assert!(
        err.to_string().contains("public.missing not found"),
        "{err}"
    );
}

#[test]
fn null_empty_invalid_and_wrong_type_geometries_are_reported_one_by_one() {
    let db = TestDb::new("badgeom");
    db.execute(
        "CREATE TABLE z (id int PRIMARY KEY, nom text, geom geometry(Geometry, 2154));
         INSERT INTO z VALUES
           (1, 'ok', ST_GeomFromText('POLYGON((855000 6687000, 855300 6687000, 855300 6687300, 855000 6687300, 855000 6687000))', 2154)),
           (2, 'null', NULL),
           (3, 'empty', ST_GeomFromText('POLYGON EMPTY', 2154)),
           (4, 'bowtie', ST_GeomFromText('POLYGON((855000 6687000, 855300 6687300, 855300 6687000, 855000 6687300, 855000 6687000))', 2154)),
           (5, 'point', ST_GeomFromText('POINT(855000 6687000)', 2154)),
           (6, 'hole across', ST_GeomFromText('POLYGON((855000 6687000, 855300 6687000, 855300 6687300, 855000 6687300, 855000 6687000), (855200 6687200, 855200 6687500, 855250 6687500, 855250 6687200, 855200 6687200))', 2154)),
           (7, 'empty multi', ST_GeomFromText('MULTIPOLYGON EMPTY', 2154));",
    );
    let data = read(&db.session(), "z");
    let report = &data.loaded.report;
    assert_eq!(report.features_seen, 7);
    let names: Vec<_> = data
        .loaded
        .zones
        .iter()
        .filter_map(|z| z.name.clone())
        .collect();
    assert_eq!(names, ["ok", "bowtie", "hole across"], "{report:?}");
    let message = |id: &str| {
        report
            .skipped
            .iter()
            .chain(&report.warnings)
            .filter(|i| i.id.as_deref() == Some(id))
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert!(
        message("2").contains("geometry (geom) is NULL"),
        "{}",
        message("2")
    );
    assert!(
        message("3").contains("empty geometry (POLYGON EMPTY)"),
        "{}",
        message("3")
    );
    assert!(message("4").contains("crosses itself"), "{}", message("4"));
    assert!(
        message("5").contains("geometry is a Point; zones and plots must be Polygon"),
        "{}",
        message("5")
    );
    assert!(
        message("6").contains("rings of the polygon cross each other"),
        "{}",
        message("6")
    );
    assert!(
        message("7").contains("MULTIPOLYGON EMPTY"),
        "{}",
        message("7")
    );
    assert_eq!(report.skipped.len(), 4);
}

/// A grid of 30 × 20 squares of 200 m (every 400 m) around (850 000, 6 680 000) in Lambert-93.
fn grid_db() -> TestDb {
    TestDb::grid("grid", (30, 20), (850_000, 6_680_000))
}

#[test]
fn a_large_table_is_read_only_where_the_map_looks() {
    let db = grid_db();
    let session = db.session();
    let l93 = zae_atlas::io::crs::Reprojector::lambert93().expect("L93");
    // The view: Lambert-93 (851 000, 6 681 000)–(853 000, 6 683 000) in WGS84 (its corners).
    let corner = |x: f64, y: f64| l93.to_wgs84(x, y).expect("reprojects");
    let (a, b) = (
        corner(851_000.0, 6_681_000.0),
        corner(853_000.0, 6_683_000.0),
    );
    let view = geo::Rect::new(a, b);
    let options = ReadOptions {
        large_table_rows: 100,
        view: Some(view),
        ..ReadOptions::default()
    };
    let data = read_with(&session, "grid", &options);
    assert_eq!(data.fetched, Fetched::Within(view));
    let zones = &data.loaded.zones;
    // Every zone read meets the view's box, and every cell that lies inside it was read.
    assert!(zones.iter().all(|z| z.bbox.min().x <= view.max().x + 1e-3 && z.bbox.max().x >= view.min().x - 1e-3));
    let inside = |i: i32, j: i32| {
        let (x0, y0) = (
            850_000.0 + f64::from(i) * 400.0,
            6_680_000.0 + f64::from(j) * 400.0,
        );
        x0 >= 851_050.0 && x0 + 200.0 <= 852_950.0 && y0 >= 6_681_050.0 && y0 + 200.0 <= 6_682_950.0
    };
    for i in 0..30 {
        for j in 0..20 {
            if inside(i, j) {
                assert!(
                    zones.iter().any(|z| z.id == (i * 1000 + j).to_string()),
                    "cell {i}/{j}"
                );
            }
        }
    }
    assert!(
        zones.len() >= 16 && zones.len() <= 49,
        "{} zones",
        zones.len()
    );
    assert!(
        data.loaded
            .report
            .warnings
            .iter()
            .any(|w| w.message().contains("only the rows in view"))
    );

    // Under the threshold the table is read whole, view or not.
    let whole = read_with(
        &session,
        "grid",
        &ReadOptions {
            view: Some(view),
            ..ReadOptions::default()
        },
    );
    assert_eq!(whole.fetched, Fetched::Whole);
    assert_eq!(whole.loaded.zones.len(), 600);

    // Too many rows in view: capped, and said.
    let capped = read_with(
        &session,
        "grid",
        &ReadOptions {
            large_table_rows: 100,
            max_rows: 50,
            view: Some(geo::Rect::new((4.0, 46.0), (7.0, 48.0))),
        },
    );
    assert_eq!(capped.loaded.zones.len(), 50);
    assert!(
        capped
            .loaded
            .report
            .warnings
            .iter()
            .any(|w| w.message().contains("only the first 50"))
    );
}

#[test]
fn sessions_are_read_only() {
    let db = grid_db();
    let session = db.session();
    let err = session
        .with_client("grid", |c| c.batch_execute("DELETE FROM grid"))
        .expect_err("read-only");
    assert!(err.to_string().contains("read-only transaction"), "{err}");
    let err = session
        .with_client("", |c| c.batch_execute("CREATE TABLE x (a int)"))
        .expect_err("read-only");
    assert!(err.to_string().contains("read-only"), "{err}");
    let rows = db
        .client()
        .query_one("SELECT count(*) FROM grid", &[])
        .expect("count");
    assert_eq!(rows.get::<_, i64>(0), 600);
}

#[test]
fn wrong_password_unknown_database_and_no_server_are_clear_errors() {
    let db = TestDb::new("auth");
    let role = format!("{}_reader", db.name);
    db.execute(&format!("CREATE ROLE {role} LOGIN PASSWORD 'right-one'"));
    let url_for = |user: &str, dbname: &str| {
        let base = pg::with_dbname(&db.url, dbname);
        let rest = base
            .split_once('@')
            .map_or(base.as_str(), |(_, r)| r)
            .to_string();
        format!("postgresql://{user}@{rest}")
    };
    let connect = |url: &str, password: Option<&str>| {
        let target = DbTarget::parse(url).expect("parses");
        Session::new(target, password.map(Secret::new)).connect()
    };

    let err = connect(&url_for(&role, &db.name), Some("wrong")).expect_err("wrong password");
    assert!(matches!(err, DbError::AuthFailed { .. }), "{err:?}");
    assert!(err.wants_password());
    let text = err.to_string();
    assert!(
        text.contains("authentication failed") && text.contains(&role),
        "{text}"
    );
    assert!(
        !text.contains("wrong"),
        "the password is never shown: {text}"
    );

    connect(&url_for(&role, &db.name), Some("right-one")).expect("right password");
    if std::env::var_os("PGPASSWORD").is_none() {
        let err = connect(&url_for(&role, &db.name), None).expect_err("no password");
        assert!(
            matches!(
                err,
                DbError::PasswordRequired { .. } | DbError::AuthFailed { .. }
            ),
            "{err:?}"
        );
    }

    let err = connect(&pg::with_dbname(&db.url, "zae_no_such_db"), None).expect_err("unknown db");
    assert!(matches!(err, DbError::UnknownDatabase { .. }), "{err:?}");
    assert!(
        err.to_string().contains("zae_no_such_db") && err.to_string().contains("does not exist"),
        "{err}"
    );

    let free_port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port");
    let err = connect(
        &format!("postgresql://postgres@127.0.0.1:{free_port}/x"),
        None,
    )
    .expect_err("no server");
    assert!(err.is_connection_lost(), "{err:?}");
    assert!(err.to_string().contains("cannot reach the server"), "{err}");

    let err = DbTarget::parse("postgresql://postgres@127.0.0.1/x?sslmode=always")
        .expect_err("unknown sslmode");
    assert!(
        matches!(err, DbError::BadUrl { .. }) && err.to_string().contains("sslmode=always"),
        "{err:?}"
    );

    let err = DbTarget::parse("postgresql://me:secret@host:port/db").expect_err("bad URL");
    assert!(!err.to_string().contains("secret"), "{err}");

    let no_postgis = TestDb::with_postgis("nopostgis", false);
    let err = no_postgis.session().connect().expect_err("no PostGIS");
    assert!(
        err.to_string().contains("PostGIS is not installed"),
        "{err}"
    );
}

#[test]
/// Speed is measured by the benches; this reads a table of 20,000 zones whole and prints the
/// time it took, for the record.
fn a_table_of_twenty_thousand_zones_is_read_whole() {
    let db = TestDb::new("timing");
    db.execute(
        "CREATE TABLE big (id int PRIMARY KEY, nom text, commune text, emplois int,
                           geom geometry(MultiPolygon, 2154));
         INSERT INTO big
         SELECT i, 'zone ' || i, 'Dijon', i % 500,
                ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(840000 + (i % 200) * 150,
                                                           6680000 + (i / 200) * 150), 2154), 50, 4))
           FROM generate_series(1, 20000) i;
         ANALYZE big;",
    );
    let session = db.session();
    let started = std::time::Instant::now();
    let data = read(&session, "big");
    let elapsed = started.elapsed();
    assert_eq!(data.loaded.zones.len(), 20_000);
    assert_eq!(data.fetched, Fetched::Whole);
    eprintln!(
        "20 000 zones of 17 vertices read in {:.2} s",
        elapsed.as_secs_f64()
    );
}
