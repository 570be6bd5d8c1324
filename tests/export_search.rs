//! Export (CSV, GeoJSON, headless command) and search on the embedded Dijon dataset.

use std::path::Path;
use std::process::Command;

use zae_atlas::app::{EMBEDDED_DATASET, EMBEDDED_NAME};
use zae_atlas::io::{export, load_bytes, load_path};
use zae_atlas::search::SearchIndex;
use zae_atlas::store::Dataset;

fn embedded() -> Dataset {
    let file = load_bytes(EMBEDDED_NAME, EMBEDDED_DATASET, &mut |_| true).expect("loads");
    let mut d = Dataset::default();
    d.add_loaded(file, EMBEDDED_NAME, None);
    d
}

#[test]
fn geojson_export_round_trips_zones_and_every_property() {
    let data = embedded();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("zones.geojson");
    let n = export::export(data.zones.iter(), &out).expect("exported");
    assert_eq!(n, data.zones.len());
    let back = load_path(&out).expect("reloads");
    assert!(
        back.report.skipped.is_empty() && back.report.warnings.is_empty(),
        "{:?}",
        back.report
    );
    assert_eq!(back.zones.len(), data.zones.len());
    for (a, b) in data.zones.iter().zip(&back.zones) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.properties.map(), b.properties.map(), "{}", a.id);
        assert!(
            (a.geodesic_area_ha() - b.geodesic_area_ha()).abs() < 1e-6,
            "{}",
            a.id
        );
    }
}

#[test]
fn csv_export_parses_back_with_the_same_numbers() {
    let data = embedded();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("zones.csv");
    export::export(data.zones.iter(), &out).expect("exported");
    let mut reader = csv::Reader::from_path(&out).expect("csv");
    let headers = reader.headers().expect("header").clone();
    assert_eq!(headers.iter().collect::<Vec<_>>(), export::CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), data.zones.len());
    for (zone, row) in data.zones.iter().zip(&rows) {
        let number = |col: usize| {
            row.get(col)
                .filter(|s| !s.is_empty())
                .map(|s| s.parse::<f64>().expect("a number"))
        };
        assert_eq!(number(5), zone.surface_declared_ha, "{}", zone.id);
        assert_eq!(number(7), zone.jobs, "{}", zone.id);
        assert!((number(6).expect("computed") - zone.geodesic_area_ha()).abs() < 1e-3);
    }
}

#[test]
fn a_failed_export_leaves_no_file() {
    let data = embedded();
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-folder").join("zones.csv");
    let err = export::export(data.zones.iter(), &missing).expect_err("cannot write there");
    assert!(
        err.to_string().starts_with("zones.csv: cannot write"),
        "{err}"
    );
    assert!(!missing.exists());
    let bad = dir.path().join("zones.txt");
    assert!(export::export(data.zones.iter(), &bad).is_err());
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        0,
        "no temporary file left"
    );
}

#[test]
fn headless_export_with_a_filter() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("big.csv");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/dijon-zones.geojson");
    let run = Command::new(env!("CARGO_BIN_EXE_zae-atlas"))
        .args(["export"])
        .arg(&data)
        .arg("--to")
        .arg(&out)
        .args(["--filter", "surface >= 100"])
        .output()
        .expect("runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
    let expected = embedded()
        .zones
        .iter()
        .filter(|z| z.surface_declared_ha.is_some_and(|s| s >= 100.0))
        .count();
    let rows = csv::Reader::from_path(&out).expect("csv").records().count();
    assert_eq!(rows, expected);
    assert!(expected >= 3);
    // A bad filter is refused and nothing is written.
    let out2 = dir.path().join("none.csv");
    let run = Command::new(env!("CARGO_BIN_EXE_zae-atlas"))
        .arg("export")
        .arg(&data)
        .arg("--to")
        .arg(&out2)
        .args(["--filter", "colour = red"])
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(1));
    assert!(!out2.exists());
}

#[test]
fn search_ignores_accents_case_and_small_typos_and_finds_tenants() {
    let data = embedded();
    let index = SearchIndex::build(&data);
    let first = |q: &str| {
        index
            .search(q, 5)
            .first()
            .map(|h| data.zones[h.zone].display_name().to_string())
            .unwrap_or_default()
    };
    assert_eq!(first("ecoparc"), "Écoparc Dijon Bourgogne");
    assert_eq!(first("ecopark"), "Écoparc Dijon Bourgogne");
    assert_eq!(first("ÉCOPARC"), "Écoparc Dijon Bourgogne");
    assert_eq!(first("giphar"), "Parc d'activités de Beauregard");
    assert_eq!(first("cap nord"), "ZAE Cap Nord");
    assert_eq!(first("beauregrad"), "Parc d'activités de Beauregard");
    assert!(index.search("zzzzzz", 5).is_empty());
}
