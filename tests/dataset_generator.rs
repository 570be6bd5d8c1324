//! `data/make_dijon_zones.py`: it rebuilds the committed dataset byte for byte, and
//! `--outlines FILE` makes the dataset from an official CNIG inventory (a fictitious fixture),
//! keeping our figures and sources where the official file has none.
//!
//! Needs `python3` (standard library only), as CI installs it.

use std::path::{Path, PathBuf};
use std::process::Command;

use zae_atlas::io::load_path;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn generate(out: &Path, extra: &[&str]) -> String {
    let run = Command::new("python3")
        .arg(root().join("data/make_dijon_zones.py"))
        .args(extra)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap_or_else(|e| panic!("python3 could not be run ({e}): install Python 3"));
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(
        run.status.success(),
        "the generator failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    stdout
}

#[test]
fn the_generator_rebuilds_the_committed_dataset() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("dijon-zones.geojson");
    let log = generate(&out, &[]);
    let made = std::fs::read(&out).expect("written");
    let committed = std::fs::read(root().join("data/dijon-zones.geojson")).expect("committed");
    assert!(
        made == committed,
        "data/dijon-zones.geojson is not what data/make_dijon_zones.py makes:\n{log}"
    );
}

#[test]
fn an_official_inventory_replaces_the_outlines_it_holds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("merged.geojson");
    let fixture = root().join("tests/data/cnig/dijon-inventory-fictitious.csv");
    let log = generate(&out, &["--outlines", fixture.to_str().expect("utf-8 path")]);
    assert!(
        log.contains("2 zone(s) matched, 1 added, 22 kept schematic"),
        "{log}"
    );
    let file = load_path(&out).expect("the merged dataset loads");
    assert!(file.report.skipped.is_empty(), "{:?}", file.report.skipped);
    assert_eq!(file.zones.len(), 25);
    let zone = |id: &str| {
        file.zones
            .iter()
            .find(|z| z.id == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    // Cap Nord: the official outline and surface; our job count and its source stay.
    let cap_nord = zone("21231_SITE-ECO_99001");
    assert_eq!(cap_nord.geometry_quality().as_deref(), Some("official"));
    assert!(!cap_nord.is_schematic());
    assert_eq!(cap_nord.surface_declared_ha, Some(290.5));
    assert_eq!(cap_nord.jobs, Some(11_000.0));
    assert_eq!(
        cap_nord.property_str("site_id_zae_atlas"),
        Some("dm-capnord")
    );
    assert!(cap_nord.sources().iter().any(|s| s.contains("dijonlhebdo")));
    // The fixture's rectangle, read from Lambert-93: about 1.8 km by 1.3 km around (5.066, 47.3405).
    let c = cap_nord.bbox.center();
    assert!(
        (c.x - 5.066).abs() < 1e-3 && (c.y - 47.3405).abs() < 1e-3,
        "{c:?}"
    );
    // Beauregard: no outline in the file, so the schematic one stays; its job count comes in.
    let beauregard = zone("21355_SITE-ECO_99002");
    assert!(beauregard.is_schematic());
    assert_eq!(beauregard.jobs, Some(999.0));
    assert_eq!(beauregard.surface_declared_ha, Some(80.0));
    // A site of the inventory that matches none of ours is added; the others stay schematic.
    assert_eq!(
        zone("21166_SITE-ECO_99003").display_name(),
        "ZA Test Inventaire"
    );
    assert!(zone("dm-ecoparc").is_schematic());
}
