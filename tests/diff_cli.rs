//! `zae-atlas diff BEFORE... -- AFTER... --to OUT`: the change list written without a window.

use std::path::PathBuf;
use std::process::Command;

fn side(name: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/diff")
        .join(name);
    ["site-eco", "terrain-eco", "etablissement"]
        .iter()
        .map(|l| dir.join(format!("{l}.geojson")))
        .collect()
}

fn run(args: &[std::ffi::OsString]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_zae-atlas"))
        .arg("diff")
        .args(args)
        .output()
        .expect("run zae-atlas");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn args(before: &[PathBuf], after: &[PathBuf], to: &std::path::Path) -> Vec<std::ffi::OsString> {
    let mut a: Vec<std::ffi::OsString> = before.iter().map(|p| p.into()).collect();
    a.push("--".into());
    a.extend(after.iter().map(|p| p.into()));
    a.push("--to".into());
    a.push(to.into());
    a
}

#[test]
fn csv_has_one_row_per_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    let to = dir.path().join("changes.csv");
    let (code, out) = run(&args(&side("before"), &side("after"), &to));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("24 change(s) written"), "{out}");
    let text = std::fs::read_to_string(&to).expect("written");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("level,change,id_before,id_after,name,field,before,after,matched_by")
    );
    assert_eq!(text.lines().count(), 25);
    assert!(text.contains(
        "plot,sold,21231_TERRAIN-ECO_90003,21231_TERRAIN-ECO_90003,ZA Test Nord,terr_stade_comm,en vente,\"vendu, commercialisation achevée\",terr_id"
    ), "{text}");
    assert!(text.contains("establishment,moved,99910006800017,99910006800017,TEST PLOMBERIE,zone,ZA Test Est,ZA Test Sud,siret"), "{text}");
    // No temporary file left beside it.
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
}

#[test]
fn geojson_has_the_after_geometry_or_the_before_one_when_removed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let to = dir.path().join("changes.geojson");
    let (code, out) = run(&args(&side("before"), &side("after"), &to));
    assert_eq!(code, 0, "{out}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&to).expect("written")).expect("json");
    let features = json["features"].as_array().expect("features");
    assert_eq!(features.len(), 24);
    let find = |change: &str, level: &str| {
        features
            .iter()
            .find(|f| f["properties"]["change"] == change && f["properties"]["level"] == level)
            .expect("feature")
    };
    let removed = find("removed", "zone");
    assert_eq!(removed["properties"]["id_before"], "21231_SITE-ECO_90004");
    // Zone D was 3 km west of zone C: its before outline, in WGS84.
    let x = removed["geometry"]["coordinates"][0][0][0]
        .as_f64()
        .expect("x");
    assert!((4.9..5.1).contains(&x), "{x}");
    let added = find("added", "establishment");
    assert_eq!(added["geometry"]["type"], "Point");
    assert_eq!(added["properties"]["matched_by"], "");
    let split = find("split", "plot");
    assert_eq!(split["properties"]["matched_by"], "overlap");
    for key in [
        "level",
        "change",
        "id_before",
        "id_after",
        "name",
        "field",
        "before",
        "after",
        "matched_by",
    ] {
        assert!(split["properties"].get(key).is_some(), "{key}");
    }
}

#[test]
fn unreadable_input_exits_one_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let to = dir.path().join("changes.csv");
    let bad = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/malformed.geojson");
    let (code, out) = run(&args(&side("before"), &[bad], &to));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("after: malformed.geojson: invalid JSON"),
        "{out}"
    );
    assert!(!to.exists());
    let missing = dir.path().join("nowhere.geojson");
    let (code, out) = run(&args(&[missing], &side("after"), &to));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("before: nowhere.geojson"), "{out}");
    // An output of an unknown kind is refused before reading anything.
    let (code, out) = run(&args(
        &side("before"),
        &side("after"),
        &dir.path().join("x.txt"),
    ));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(".csv or .geojson"), "{out}");
}

#[test]
fn to_may_come_before_the_separator() {
    let dir = tempfile::tempdir().expect("temp dir");
    let to = dir.path().join("c.csv");
    let mut a: Vec<std::ffi::OsString> = side("before").iter().map(|p| p.into()).collect();
    a.push("--to".into());
    a.push(to.clone().into());
    a.push("--".into());
    a.extend(side("after").iter().map(|p| p.into()));
    let (code, out) = run(&a);
    assert_eq!(code, 0, "{out}");
    assert!(to.exists());
}
