//! The loader on fixtures written for it (tests/data): what loads, what is skipped and why,
//! what is refused with which message.

use std::path::PathBuf;

use geo::{Contains, Coord};
use zae_atlas::io::{LoadError, crs::Reprojector, load_path};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

#[test]
fn polygon_with_hole_keeps_the_hole() {
    let file = load_path(&fixture("polygon_with_hole.geojson")).expect("loads");
    assert_eq!(file.zones.len(), 1);
    let zone = &file.zones[0];
    assert_eq!(zone.id, "T-HOLE");
    assert_eq!(zone.name.as_deref(), Some("Zone avec trou"));
    assert_eq!(zone.geometry().0[0].interiors().len(), 1);
    // Inside the hole is not inside the zone; between hole and edge is.
    assert!(!zone.geometry().contains(&Coord { x: 5.01, y: 47.31 }));
    assert!(zone.geometry().contains(&Coord { x: 5.002, y: 47.31 }));
    // The hole was wound counter-clockwise in the file: re-oriented and reported.
    assert!(
        file.report
            .warnings
            .iter()
            .any(|w| w.message().contains("hole")),
        "{:?}",
        file.report.warnings
    );
    // 0.02° × 0.02° at 47.3° N less a quarter of it: about 3.3 km² − 0.8 km².
    assert!((zone.area_ha - 254.0).abs() < 6.0, "{}", zone.area_ha);
}

#[test]
fn multipolygon_with_french_aliases() {
    let file = load_path(&fixture("multipolygon.geojson")).expect("loads");
    assert_eq!(file.zones.len(), 1);
    let zone = &file.zones[0];
    assert_eq!(zone.geometry().0.len(), 2);
    assert_eq!(zone.name.as_deref(), Some("Deux parcelles"));
    assert_eq!(zone.surface_declared_ha, Some(12.5));
    assert_eq!(zone.jobs, Some(340.0));
    assert_eq!(zone.commune.as_deref(), Some("Longvic"));
    // Every original property is kept.
    assert_eq!(zone.properties.len(), 4);
    assert!(zone.properties.json().contains("\"superficie\":\"12,5\""));
}

#[test]
fn broken_features_are_skipped_with_reasons_and_the_rest_loads() {
    let file = load_path(&fixture("mixed_with_null_and_point.geojson")).expect("loads");
    let report = &file.report;
    assert_eq!(report.features_seen, 6);
    assert_eq!(file.zones.len(), 1);
    assert_eq!(file.zones[0].name.as_deref(), Some("Good"));
    let reason = |i: usize| {
        report
            .skipped
            .iter()
            .find(|s| s.index == Some(i))
            .map(|s| s.message())
            .unwrap_or_else(|| panic!("feature {i} not reported: {report:?}"))
    };
    assert!(reason(1).contains("no geometry"));
    assert!(reason(2).contains("Point"));
    assert!(reason(3).contains("null"));
    assert!(reason(4).contains("0 coordinate"), "{}", reason(4));
    assert!(reason(5).contains("1 coordinate"), "{}", reason(5));
}

#[test]
fn a_file_of_points_loads_no_zone_and_says_why() {
    let file = load_path(&fixture("point_only.geojson")).expect("readable");
    assert!(file.zones.is_empty());
    assert_eq!(file.report.skipped.len(), 1);
    assert!(
        file.report.skipped[0]
            .message()
            .contains("Polygon or MultiPolygon")
    );
}

#[test]
fn malformed_json_names_file_line_and_column() {
    let err = load_path(&fixture("malformed.geojson")).expect_err("refused");
    match &err {
        LoadError::Json {
            file, line, column, ..
        } => {
            assert_eq!(file, "malformed.geojson");
            assert_eq!(*line, 4);
            assert!(*column > 50, "{column}");
        }
        other => panic!("unexpected error {other}"),
    }
    let text = err.to_string();
    assert!(
        text.starts_with("malformed.geojson: invalid JSON at line 4"),
        "{text}"
    );
}

#[test]
fn missing_properties_read_as_unknown() {
    let file = load_path(&fixture("missing_properties.geojson")).expect("loads");
    assert_eq!(file.zones.len(), 2);
    for zone in &file.zones {
        assert_eq!(zone.name, None);
        assert_eq!(zone.jobs, None);
        assert_eq!(zone.surface_declared_ha, None);
        assert!(zone.id.starts_with('#'), "{}", zone.id);
    }
}

#[test]
fn missing_file_is_an_io_error_naming_it() {
    let err = load_path(&fixture("does-not-exist.geojson")).expect_err("refused");
    assert!(matches!(err, LoadError::Io { .. }));
    assert!(
        err.to_string()
            .starts_with("does-not-exist.geojson: cannot read")
    );
}

#[test]
fn lambert93_crs_member_is_reprojected() {
    let file = load_path(&fixture("lambert93_crs.geojson")).expect("loads");
    assert!(
        file.report.crs.to_string().contains("EPSG:2154"),
        "{}",
        file.report.crs
    );
    let zone = &file.zones[0];
    // A 200 m square centred on L93 (853654.56, 6693332.34) = WGS84 (5.0345, 47.3225).
    let c = zone.bbox.center();
    assert!(
        (c.x - 5.0345).abs() < 1e-4 && (c.y - 47.3225).abs() < 1e-4,
        "{c:?}"
    );
    // 200 m × 200 m = 4 ha (Lambert-93 scale error near Dijon is < 0.1%).
    assert!(
        (zone.geodesic_area_ha() - 4.0).abs() < 0.02,
        "{}",
        zone.geodesic_area_ha()
    );
}

#[test]
fn lambert93_without_crs_is_detected_and_reported() {
    let file = load_path(&fixture("lambert93_no_crs.geojson")).expect("loads");
    assert!(
        file.report.crs.to_string().contains("Lambert-93"),
        "{}",
        file.report.crs
    );
    assert!(file.report.crs.to_string().contains("detected"));
    let c = file.zones[0].bbox.center();
    assert!(
        (c.x - 5.1085).abs() < 1e-4 && (c.y - 47.2380).abs() < 1e-4,
        "{c:?}"
    );
}

#[test]
fn unknown_crs_is_refused_clearly() {
    let err = load_path(&fixture("unknown_crs.geojson")).expect_err("refused");
    let text = err.to_string();
    assert!(
        text.contains("unknown_crs.geojson") && text.contains("EPSG:99999"),
        "{text}"
    );
}

#[test]
fn lambert93_reference_pairs_and_round_trip() {
    // Reference values computed with pyproj (EPSG:4326 ↔ EPSG:2154).
    let pairs = [
        ((5.0345, 47.3225), (853654.56, 6693332.34)),
        ((5.1085, 47.2380), (859492.67, 6684095.99)),
        ((2.3499, 48.8530), (652296.97, 6861636.36)),
    ];
    let l93 = Reprojector::lambert93().expect("EPSG:2154 known");
    for ((lon, lat), (x, y)) in pairs {
        let (px, py) = l93.from_wgs84(lon, lat).expect("forward");
        assert!(
            (px - x).abs() < 0.01 && (py - y).abs() < 0.01,
            "({lon}, {lat}) → ({px}, {py})"
        );
        let (rlon, rlat) = l93.to_wgs84(px, py).expect("inverse");
        let (bx, by) = l93.from_wgs84(rlon, rlat).expect("forward again");
        assert!(
            (bx - px).abs() < 0.01 && (by - py).abs() < 0.01,
            "round trip drifted"
        );
    }
}
