//! Tests of `geojson.rs`.
use crate::io::{LoadError, LoadedFile, load_bytes};

fn load(text: &str) -> Result<LoadedFile, LoadError> {
    load_bytes("test.geojson", text.as_bytes(), &mut |_| true)
}

const SQUARE: &str = r#"{"type":"Polygon","coordinates":[[[5.0,47.0],[5.01,47.0],[5.01,47.01],[5.0,47.01],[5.0,47.0]]]}"#;

#[test]
fn lone_feature_and_geometry_load() {
    let f = load(&format!(
        r#"{{"type":"Feature","properties":{{"nom":"A"}},"geometry":{SQUARE}}}"#
    ))
    .expect("feature loads");
    assert_eq!(f.zones.len(), 1);
    assert_eq!(f.zones[0].name.as_deref(), Some("A"));
    let g = load(SQUARE).expect("geometry loads");
    assert_eq!(g.zones.len(), 1);
}

#[test]
fn json_error_has_line_and_column() {
    let err = load("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [,]\n}").unwrap_err();
    match err {
        LoadError::Json { line, column, .. } => assert_eq!((line, column), (3, 16)),
        other => panic!("unexpected {other}"),
    }
}

#[test]
fn unclosed_ring_is_closed_and_reported() {
    let f = load(
        r#"{"type":"Polygon","coordinates":[[[5.0,47.0],[5.01,47.0],[5.01,47.01],[5.0,47.01]]]}"#,
    )
    .expect("loads");
    assert_eq!(f.zones.len(), 1);
    let outline = f.zones[0].geometry();
    let ring = outline.0[0].exterior();
    assert_eq!(ring.0.first(), ring.0.last());
    assert!(
        f.report
            .warnings
            .iter()
            .any(|w| w.message().contains("not closed"))
    );
}

#[test]
fn clockwise_exterior_is_reported() {
    let f = load(r#"{"type":"Polygon","coordinates":[[[5.0,47.0],[5.0,47.01],[5.01,47.01],[5.01,47.0],[5.0,47.0]]]}"#)
        .expect("loads");
    assert!(
        f.report
            .warnings
            .iter()
            .any(|w| w.message().contains("clockwise"))
    );
}

#[test]
fn out_of_range_is_refused_per_feature() {
    let text = format!(
        r#"{{"type":"FeatureCollection","features":[
            {{"type":"Feature","properties":{{}},"geometry":{SQUARE}}},
            {{"type":"Feature","properties":{{}},"geometry":{{"type":"Polygon","coordinates":[[[500,100],[501,100],[501,101],[500,100]]]}}}}
        ]}}"#
    );
    let f = load(&text).expect("loads");
    assert_eq!(f.zones.len(), 1);
    assert_eq!(f.report.skipped.len(), 1);
    assert_eq!(f.report.skipped[0].index, Some(1));
}

mod lenient_tests {
    use crate::io::load_bytes;

    #[test]
    fn nan_and_infinity_literals_refuse_only_their_feature() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"bad"},"geometry":{"type":"Polygon","coordinates":[[[NaN,47.3],[-Infinity,47.3],[5.01,47.31],[5.0,47.3]]]}},
            {"type":"Feature","properties":{"name":"good","note":"NaN in a string stays"},"geometry":{"type":"Polygon","coordinates":[[[5.0,47.3],[5.01,47.3],[5.01,47.31],[5.0,47.3]]]}}
        ]}"#;
        let file = load_bytes("nan.geojson", text.as_bytes(), &mut |_| true).expect("loads");
        assert_eq!(file.zones.len(), 1);
        assert_eq!(
            file.zones[0].property_str("note"),
            Some("NaN in a string stays")
        );
        assert_eq!(file.report.skipped.len(), 1);
        assert!(
            file.report.skipped[0]
                .message()
                .contains("not a finite number"),
            "{:?}",
            file.report.skipped
        );
        assert!(
            file.report
                .warnings
                .iter()
                .any(|w| w.message().contains("NaN/Infinity"))
        );
    }
}
