//! Export to GeoPackage: read back, the same zones and properties; in Lambert-93 on request;
//! GDAL's ogrinfo reads it; a failed export leaves nothing behind.

use std::path::PathBuf;
use std::process::Command;

use serde_json::{Map, Value};
use zae_atlas::io::export::{GpkgOptions, export_with};
use zae_atlas::io::{LoadedFile, load_path, source};

fn cnig(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cnig")
        .join(name)
}

/// Property maps compared with numbers as numbers (a REAL column gives 4.0 for 4).
fn same_properties(a: &Map<String, Value>, b: &Map<String, Value>) {
    assert_eq!(a.len(), b.len(), "{a:?}\n{b:?}");
    for (key, va) in a {
        let vb = b.get(key).unwrap_or_else(|| panic!("{key} missing"));
        match (va, vb) {
            (Value::Number(x), Value::Number(y)) => {
                assert_eq!(x.as_f64(), y.as_f64(), "{key}")
            }
            (Value::Object(_) | Value::Array(_), Value::String(s)) => {
                assert_eq!(&va.to_string(), s, "{key}")
            }
            _ => assert_eq!(va, vb, "{key}"),
        }
    }
}

fn round_trip(epsg: Option<u32>) -> (LoadedFile, LoadedFile, PathBuf, tempfile::TempDir) {
    let original = load_path(&cnig("site-eco.geojson")).expect("site-eco");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("export.gpkg");
    let n = export_with(
        original.zones.iter(),
        &out,
        &GpkgOptions {
            layer: Some("zones_filtrees".into()),
            epsg,
        },
    )
    .expect("exported");
    assert_eq!(n, original.zones.len());
    assert_eq!(
        source::layers(&out).expect("layers"),
        vec!["zones_filtrees".to_string()]
    );
    let back = load_path(&out).unwrap_or_else(|e| panic!("{e}"));
    (original, back, out, dir)
}

#[test]
fn wgs84_export_reads_back_the_same_zones_and_properties() {
    let (original, back, out, _dir) = round_trip(None);
    assert_eq!(back.zones.len(), original.zones.len());
    assert!(
        back.report.crs.to_string().contains("4326"),
        "{}",
        back.report.crs
    );
    assert_eq!(back.report.file, "export.gpkg");
    for (a, b) in original.zones.iter().zip(&back.zones) {
        assert_eq!(a.name, b.name);
        assert_eq!(a.commune, b.commune);
        same_properties(a.properties.map(), b.properties.map());
        let (ga, gb) = (a.geometry(), b.geometry());
        assert_eq!(ga, gb, "{:?}", a.name);
    }
    assert!(
        back.report
            .warnings
            .iter()
            .all(|w| !w.message().contains("clockwise")),
        "{:?}",
        back.report.warnings
    );
    let table: String = rusqlite::Connection::open(&out)
        .expect("open")
        .query_row("SELECT table_name FROM gpkg_contents", [], |r| r.get(0))
        .expect("contents");
    assert_eq!(table, "zones_filtrees");
}

#[test]
fn lambert_93_export_is_in_metres_and_reads_back_in_place() {
    let (original, back, out, _dir) = round_trip(Some(2154));
    assert!(
        back.report.crs.to_string().contains("EPSG:2154"),
        "{}",
        back.report.crs
    );
    let (min_x, srs): (f64, i64) = rusqlite::Connection::open(&out)
        .expect("open")
        .query_row("SELECT min_x, srs_id FROM gpkg_contents", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("contents");
    assert_eq!(srs, 2154);
    assert!(
        min_x > 800_000.0 && min_x < 900_000.0,
        "Dijon in Lambert-93: {min_x}"
    );
    for (a, b) in original.zones.iter().zip(&back.zones) {
        let (ca, cb) = (a.bbox.center(), b.bbox.center());
        assert!((ca.x - cb.x).abs() < 1e-7 && (ca.y - cb.y).abs() < 1e-7);
        same_properties(a.properties.map(), b.properties.map());
    }
}

#[test]
fn ogrinfo_reads_the_export() {
    let (_, _, out, _dir) = round_trip(Some(2154));
    let Ok(run) = Command::new("ogrinfo")
        .arg("-so")
        .arg(&out)
        .arg("zones_filtrees")
        .output()
    else {
        // gdal-bin is installed by .ci/run; a machine without it cannot run this check.
        eprintln!("ogrinfo not found: GDAL check skipped");
        return;
    };
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(text.contains("Feature Count: 3"), "{text}");
    assert!(text.contains("Multi Polygon"), "{text}");
    assert!(
        text.contains("Lambert-93") || text.contains("2154"),
        "{text}"
    );
    assert!(text.contains("site_nom: String"), "{text}");
}

#[test]
fn the_export_command_writes_a_filtered_geopackage() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("dijon.gpkg");
    let run = Command::new(env!("CARGO_BIN_EXE_zae-atlas"))
        .args(["export"])
        .arg(cnig("site-eco.geojson"))
        .arg("--to")
        .arg(&out)
        .args([
            "--filter",
            "commune = Dijon",
            "--crs",
            "2154",
            "--layer",
            "zae",
        ])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{text}");
    let back = load_path(&out).expect("read back");
    assert!(!back.zones.is_empty());
    assert!(
        back.zones
            .iter()
            .all(|z| z.commune.as_deref() == Some("Dijon"))
    );
    // --crs is refused for other formats, and other codes are refused.
    let csv = dir.path().join("x.csv");
    let run = Command::new(env!("CARGO_BIN_EXE_zae-atlas"))
        .arg("export")
        .arg(cnig("site-eco.geojson"))
        .arg("--to")
        .arg(&csv)
        .args(["--crs", "2154"])
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(1));
    assert!(!csv.exists());
    let run = Command::new(env!("CARGO_BIN_EXE_zae-atlas"))
        .arg("export")
        .arg(cnig("site-eco.geojson"))
        .arg("--to")
        .arg(dir.path().join("y.gpkg"))
        .args(["--crs", "3857"])
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(1));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .collect();
    assert_eq!(left.len(), 1, "only dijon.gpkg: {left:?}");
}

/// The export carries the `gpkg_rtree_index` extension: GDAL finds the spatial index, uses it
/// for a box query, and keeps it in step through the triggers when it edits the table; our
/// reader still reads the file back.
#[test]
fn the_export_has_a_spatial_index_that_gdal_uses() {
    let (original, back, out, _dir) = round_trip(None);
    assert_eq!(back.zones.len(), original.zones.len());
    let db = rusqlite::Connection::open(&out).expect("open");
    let (indexed, extension): (i64, String) = db
        .query_row(
            "SELECT (SELECT count(*) FROM rtree_zones_filtrees_geom), \
             (SELECT extension_name FROM gpkg_extensions \
              WHERE table_name = 'zones_filtrees' AND column_name = 'geom')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("rtree and extension");
    assert_eq!(indexed as usize, original.zones.len());
    assert_eq!(extension, "gpkg_rtree_index");
    drop(db);
    // ogrinfo OPTIONS FILE [LAYER]
    let ogrinfo = |args: &[&str], layer: Option<&str>| -> Option<String> {
        let run = Command::new("ogrinfo")
            .args(args)
            .arg(&out)
            .args(layer)
            .output()
            .ok()?;
        let text = String::from_utf8_lossy(&run.stdout).into_owned();
        assert!(
            run.status.success(),
            "{text}\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
        Some(text)
    };
    let Some(text) = ogrinfo(
        &["-sql", "SELECT HasSpatialIndex('zones_filtrees', 'geom')"],
        None,
    ) else {
        eprintln!("ogrinfo not found: GDAL check skipped");
        return;
    };
    assert!(text.contains("= 1"), "{text}");
    // A box around the first zone only: GDAL's spatial filter (through the index) finds it.
    let b = original.zones[0].bbox;
    let spat = [b.min().x, b.min().y, b.max().x, b.max().y].map(|v| v.to_string());
    let mut args = vec!["-so", "-spat"];
    args.extend(spat.iter().map(String::as_str));
    let text = ogrinfo(&args, Some("zones_filtrees")).expect("ogrinfo");
    let found: usize = text
        .lines()
        .find_map(|l| l.strip_prefix("Feature Count: "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("{text}"));
    assert!(found >= 1 && found < original.zones.len(), "{text}");
    // GDAL edits the table: the triggers keep the index in step.
    for edit in [
        "UPDATE zones_filtrees SET geom = geom WHERE fid = 1",
        "DELETE FROM zones_filtrees WHERE fid = 2",
    ] {
        ogrinfo(&["-sql", edit], None).expect(edit);
    }
    let db = rusqlite::Connection::open(&out).expect("open");
    let (rows, indexed): (i64, i64) = db
        .query_row(
            "SELECT (SELECT count(*) FROM zones_filtrees), \
             (SELECT count(*) FROM rtree_zones_filtrees_geom)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("counts");
    assert_eq!((rows, indexed), (2, 2));
    drop(db);
    assert_eq!(load_path(&out).expect("read back").zones.len(), 2);
}
