//! GeoPackage, Shapefile (alone and zipped) and FlatGeobuf files, written by ogr2ogr from the
//! CNIG fixtures (tests/data/formats/make_fixtures.sh): zones counted, coordinate systems
//! recognised, accents read right, CNIG joins made; broken files refused by name with a reason.

use std::path::{Path, PathBuf};

use serde_json::Value;
use zae_atlas::io::{Layer, LoadError, LoadedFile, load_path, source};
use zae_atlas::store::{Dataset, SourceFile};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/formats")
        .join(name)
}

fn load(name: &str) -> LoadedFile {
    load_path(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn text<'a>(file: &'a LoadedFile, zone: usize, key: &str) -> Option<&'a str> {
    file.zones[zone]
        .properties
        .map()
        .get(key)
        .and_then(Value::as_str)
}

/// The zones of site-eco.geojson, by name, with their box centre: every format must agree.
fn reference_centres() -> Vec<(String, (f64, f64))> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/cnig/site-eco.geojson");
    let file = load_path(&path).expect("site-eco.geojson");
    centres(&file)
}

fn centres(file: &LoadedFile) -> Vec<(String, (f64, f64))> {
    let mut out: Vec<_> = file
        .zones
        .iter()
        .map(|z| {
            let c = z.bbox.center();
            (z.name.clone().unwrap_or_default(), (c.x, c.y))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn same_places(file: &LoadedFile) {
    let want = reference_centres();
    let got = centres(file);
    assert_eq!(got.len(), want.len(), "{}", file.report.file);
    for ((name, (x, y)), (wname, (wx, wy))) in got.iter().zip(&want) {
        assert_eq!(name, wname);
        assert!(
            (x - wx).abs() < 1e-6 && (y - wy).abs() < 1e-6,
            "{name}: ({x}, {y}) against ({wx}, {wy})"
        );
    }
}

fn no_winding_warning(file: &LoadedFile) {
    assert!(
        !file
            .report
            .warnings
            .iter()
            .any(|w| w.message().contains("clockwise")),
        "{:?}",
        file.report.warnings
    );
}

#[test]
fn a_geopackage_offers_its_tables_and_reads_each_with_its_crs() {
    let gpkg = fixture("parks.gpkg");
    assert_eq!(
        source::layers(&gpkg).expect("tables"),
        vec!["site_eco".to_string(), "terrain_eco".to_string()]
    );
    assert_eq!(
        source::expand_layers(&gpkg).expect("expanded"),
        vec![
            fixture("parks.gpkg:site_eco"),
            fixture("parks.gpkg:terrain_eco")
        ]
    );
    match load_path(&gpkg) {
        Err(e @ LoadError::SeveralLayers { .. }) => {
            let message = e.to_string();
            assert!(message.contains("parks.gpkg:site_eco"), "{message}");
        }
        other => panic!("{other:?}"),
    }

    let zones = load("parks.gpkg:site_eco");
    assert_eq!(zones.layer, Layer::Zones);
    assert_eq!(zones.zones.len(), 3);
    assert!(
        zones.report.skipped.is_empty(),
        "{:?}",
        zones.report.skipped
    );
    assert!(
        zones.report.crs.to_string().contains("EPSG:2154"),
        "{}",
        zones.report.crs
    );
    assert!(
        zones
            .report
            .crs
            .to_string()
            .contains("gpkg_spatial_ref_sys"),
        "{}",
        zones.report.crs
    );
    assert_eq!(zones.report.file, "parks.gpkg:site_eco");
    assert_eq!(text(&zones, 0, "site_epci_nom"), Some("Dijon Métropole"));
    same_places(&zones);

    let plots = load("parks.gpkg:terrain_eco");
    assert_eq!(plots.layer, Layer::Plots);
    assert_eq!(plots.plots.len(), 8);
    assert!(
        plots.report.crs.to_string().contains("4326"),
        "{}",
        plots.report.crs
    );

    // The CNIG joins, as from the GeoJSON files.
    let mut data = Dataset::default();
    for (name, file) in [("site_eco", zones), ("terrain_eco", plots)] {
        data.add_file(
            SourceFile {
                name: name.into(),
                path: None,
                report: file.report,
                database: None,
            },
            file.zones,
            file.plots,
            file.establishments,
        );
    }
    assert_eq!(data.joins.plots_by_site_id, 8);
    let zi = data
        .zone_index_by_id("21231_SITE-ECO_90001")
        .expect("zone A");
    assert!(data.land_stats(zi).plots > 0);

    match load_path(&fixture("parks.gpkg:nowhere")) {
        Err(e @ LoadError::NoLayer { .. }) => {
            assert!(e.to_string().contains("site_eco, terrain_eco"), "{e}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_geopackage_is_read_without_a_lock_and_never_changed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("parcs d'activité.gpkg");
    std::fs::copy(fixture("parks.gpkg"), &copy).expect("copy");
    let before = std::fs::read(&copy).expect("read");
    let modified = std::fs::metadata(&copy)
        .and_then(|m| m.modified())
        .expect("mtime");
    // Another program holds an exclusive lock, as QGIS does while it saves.
    let other = rusqlite::Connection::open(&copy).expect("open");
    other
        .execute_batch("BEGIN EXCLUSIVE")
        .expect("exclusive lock");
    let layer = source::with_layer(&copy, "site_eco");
    let file = load_path(&layer).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file.zones.len(), 3);
    other.execute_batch("ROLLBACK").expect("unlock");
    drop(other);
    assert_eq!(
        std::fs::read(&copy).expect("read"),
        before,
        "bytes unchanged"
    );
    assert_eq!(
        std::fs::metadata(&copy)
            .and_then(|m| m.modified())
            .expect("mtime"),
        modified
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no journal or lock file: {leftovers:?}");
}

#[test]
fn a_lambert_93_shapefile_with_esri_prj() {
    let file = load("site_eco_l93.shp");
    assert_eq!(file.zones.len(), 3);
    assert!(file.report.skipped.is_empty(), "{:?}", file.report.skipped);
    assert!(
        file.report.crs.to_string().contains("EPSG:2154"),
        "{}",
        file.report.crs
    );
    assert!(
        file.report.crs.to_string().contains("site_eco_l93.prj"),
        "{}",
        file.report.crs
    );
    no_winding_warning(&file);
    same_places(&file);
    // CNIG names cut to 10 characters still fill the zone's fields.
    let zone = &file.zones[0];
    assert_eq!(zone.commune.as_deref(), Some("Dijon"));
    assert!(zone.surface_declared_ha.is_some());
    assert_eq!(text(&file, 0, "site_epci_"), Some("Dijon Métropole"));
}

#[test]
fn a_zipped_latin_1_shapefile_in_cc47_without_cpg() {
    let file = load("latin1_cc47.zip");
    assert_eq!(file.zones.len(), 3);
    assert!(
        file.report.crs.to_string().contains("EPSG:3947"),
        "{}",
        file.report.crs
    );
    assert!(
        file.report
            .warnings
            .iter()
            .any(|w| w.message().contains("Windows-1252")),
        "{:?}",
        file.report.warnings
    );
    no_winding_warning(&file);
    same_places(&file);
    let long = text(&file, 0, "nom_long").expect("nom_long");
    assert!(long.ends_with(" à Épinay-lès-Dijon"), "{long}");
    assert_eq!(text(&file, 0, "epci"), Some("Dijon Métropole"));
    assert_eq!(
        source::layers(&fixture("latin1_cc47.zip")).expect("layers"),
        vec!["zones_cc47"]
    );
    let named = load("latin1_cc47.zip:zones_cc47");
    assert_eq!(named.zones.len(), 3);
}

#[test]
fn a_flatgeobuf_whole_and_through_its_index() {
    let file = load("site_eco.fgb");
    assert_eq!(file.zones.len(), 3);
    assert!(
        file.report.crs.to_string().contains("4326"),
        "{}",
        file.report.crs
    );
    assert_eq!(text(&file, 0, "site_epci_nom"), Some("Dijon Métropole"));
    same_places(&file);
    // A box around the first zone only: the index gives it alone.
    let target = &file.zones[0];
    let b = target.bbox;
    let (w, h) = (b.width() * 0.1, b.height() * 0.1);
    let rect = geo::Rect::new(
        (b.min().x + w, b.min().y + h),
        (b.max().x - w, b.max().y - h),
    );
    let (within, used_index) = zae_atlas::io::fgb::load(
        &fixture("site_eco.fgb"),
        Some(rect),
        "site_eco.fgb",
        &mut |_| true,
    )
    .expect("box read");
    assert!(used_index);
    assert!(
        !within.zones.is_empty() && within.zones.len() < 3,
        "{}",
        within.zones.len()
    );
    assert!(within.zones.iter().any(|z| z.name == target.name));
}

#[test]
fn a_shapefile_missing_its_dbf_is_named() {
    let err = load_path(&fixture("missing_dbf/zones.shp")).expect_err("refused");
    assert!(matches!(err, LoadError::MissingPart { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("zones.dbf is missing"), "{message}");
}

#[test]
fn broken_files_of_each_format_are_refused_by_name_with_a_reason() {
    let dir = fixture("broken");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("broken/") {
        let path = entry.expect("entry").path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext == "shx" || ext == "dbf" {
            continue;
        }
        seen += 1;
        let name = zae_atlas::io::display_name(&path);
        let err = load_path(&path).expect_err(&name);
        let message = err.to_string();
        assert!(message.starts_with(&name), "{message}");
        assert!(message.len() > name.len() + 10, "a reason: {message}");
        assert!(!matches!(err, LoadError::Internal { .. }), "{message}");
    }
    assert!(seen >= 6, "{seen} broken files");
}

#[test]
fn the_check_command_reads_every_table_of_a_geopackage() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zae-atlas"))
        .arg("check")
        .arg(fixture("parks.gpkg"))
        .arg(fixture("latin1_cc47.zip"))
        .output()
        .expect("run zae-atlas");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("parks.gpkg:site_eco"), "{text}");
    assert!(text.contains("parks.gpkg:terrain_eco"), "{text}");
    assert!(text.contains("plots: 8 by site_id"), "{text}");
    assert!(
        text.contains("3 file(s) checked, 3 read, 0 refused"),
        "{text}"
    );
}

/// The fixtures are what the script writes (the script is kept with them).
#[test]
fn fixtures_come_with_the_script_that_writes_them() {
    let script = std::fs::read_to_string(fixture("make_fixtures.sh")).expect("script");
    for name in [
        "parks.gpkg",
        "site_eco_l93.shp",
        "latin1_cc47.zip",
        "site_eco.fgb",
    ] {
        assert!(Path::new(&fixture(name)).exists(), "{name}");
        assert!(
            script.contains(name.split('.').next().unwrap_or(name)),
            "{name}"
        );
    }
}

/// A GeoPackage BOOLEAN column (written by ogr2ogr from GeoJSON true/false) reads as true and
/// false, not 1 and 0; integers stay integers, and our own export keeps the booleans.
#[test]
fn geopackage_boolean_columns_read_as_booleans() {
    let dir = tempfile::tempdir().expect("temp dir");
    let geojson = dir.path().join("flags.geojson");
    let square = |x: f64| {
        serde_json::json!({"type": "Polygon", "coordinates": [[
            [x, 47.3], [x + 0.01, 47.3], [x + 0.01, 47.31], [x, 47.31], [x, 47.3]
        ]]})
    };
    let features: Vec<Value> = [(Some(true), 1), (Some(false), 0), (None, 2)]
        .iter()
        .enumerate()
        .map(|(i, (flag, n))| {
            serde_json::json!({"type": "Feature",
                "properties": {"nom": format!("zone {i}"), "viabilise": flag, "lots": n},
                "geometry": square(5.0 + i as f64 * 0.02)})
        })
        .collect();
    let collection = serde_json::json!({"type": "FeatureCollection", "features": features});
    std::fs::write(&geojson, collection.to_string()).expect("write");
    let gpkg = dir.path().join("flags.gpkg");
    let status = std::process::Command::new("ogr2ogr")
        .args(["-f", "GPKG"])
        .arg(&gpkg)
        .arg(&geojson)
        .status()
        .expect("ogr2ogr (apt-get install gdal-bin)");
    assert!(status.success());
    // GDAL declares the column BOOLEAN.
    let declared: String = rusqlite::Connection::open(&gpkg)
        .expect("open")
        .query_row(
            "SELECT type FROM pragma_table_info('flags') WHERE name = 'viabilise'",
            [],
            |r| r.get(0),
        )
        .expect("column type");
    assert_eq!(declared, "BOOLEAN");
    let check = |file: &LoadedFile| {
        let value = |i: usize, key: &str| file.zones[i].properties.map().get(key).cloned();
        assert_eq!(value(0, "viabilise"), Some(Value::Bool(true)));
        assert_eq!(value(1, "viabilise"), Some(Value::Bool(false)));
        assert_eq!(value(2, "viabilise"), Some(Value::Null));
        assert_eq!(value(0, "lots"), Some(Value::from(1)));
        assert_eq!(value(1, "lots"), Some(Value::from(0)));
    };
    let file = load_path(&gpkg).expect("read");
    assert_eq!(file.zones.len(), 3);
    check(&file);
    let out = dir.path().join("export.gpkg");
    zae_atlas::io::export::export_with(
        file.zones.iter(),
        &out,
        &zae_atlas::io::export::GpkgOptions::default(),
    )
    .expect("export");
    check(&load_path(&out).expect("read back"));
}
