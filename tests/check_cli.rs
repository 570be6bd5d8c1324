//! `zae-atlas check`: the headless report and its exit codes.

mod common;

use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn check(files: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_zae-atlas"))
        .arg("check")
        .args(files.iter().map(|f| fixture(f)))
        .output()
        .expect("run zae-atlas");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn readable_files_exit_zero_with_counts_and_reasons() {
    let (code, out) = check(&[
        "mixed_with_null_and_point.geojson",
        "lambert93_no_crs.geojson",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("1 zone loaded, 5 features skipped"), "{out}");
    assert!(out.contains("skipped: feature 2"), "{out}");
    assert!(out.contains("Lambert-93 (EPSG:2154), detected"), "{out}");
    assert!(out.contains("computed surface:"), "{out}");
}

#[test]
fn a_refused_file_exits_one_and_says_why() {
    let (code, out) = check(&["polygon_with_hole.geojson", "malformed.geojson"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("REFUSED: malformed.geojson: invalid JSON at line 4"),
        "{out}"
    );
    assert!(
        out.contains("2 file(s) checked, 1 read, 1 refused"),
        "{out}"
    );
}

#[test]
fn cnig_trio_reports_layers_crs_and_joins() {
    let (code, out) = check(&[
        "cnig/etablissement.csv",
        "cnig/terrain-eco.csv",
        "cnig/site-eco.csv",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("layer: establishments (CNIG etablissement)"),
        "{out}"
    );
    assert!(out.contains("layer: plots (CNIG terrain-eco)"), "{out}");
    assert!(out.contains("Lambert-93 (EPSG:2154), detected"), "{out}");
    assert!(
        out.contains("plots: 8 by site_id, 0 by position, 0 in no zone"),
        "{out}"
    );
    assert!(
        out.contains("establishments: 2 by terr_id and position, 1 by terr_id only, 2 by position only, 1 in no zone"),
        "{out}"
    );
}

/// Zones with no declared surface and no jobs: "unknown", never "-0.0 ha over 0 zone(s)".
#[test]
fn totals_over_no_zone_are_unknown() {
    let (code, out) = check(&["missing_properties.geojson"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("declared surface: unknown"), "{out}");
    assert!(out.contains("jobs: unknown"), "{out}");
    assert!(!out.contains("over 0 zone(s)"), "{out}");
    assert!(!out.contains("-0.0"), "{out}");
}

/// A file whose rings are all wound the wrong way (as in IGN exports) gives one summary line
/// with the count and the first features, not one line per feature.
#[test]
fn many_ring_orientation_warnings_are_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = common::clockwise_squares(dir.path(), 40);
    let out = Command::new(env!("CARGO_BIN_EXE_zae-atlas"))
        .arg("check")
        .arg(&path)
        .output()
        .expect("run zae-atlas");
    let out = String::from_utf8_lossy(&out.stdout).into_owned();
    let lines: Vec<&str> = out.lines().filter(|l| l.contains("warning:")).collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert!(lines[0].contains("re-oriented"), "{out}");
    assert!(lines[0].contains("40 features"), "{out}");
    assert!(
        lines[0].contains("first: feature 0 (Z0), feature 1 (Z1), feature 2 (Z2), …"),
        "{out}"
    );
}
