//! Tests of the geometry checks (`geometry.rs`).
use super::*;

#[test]
fn positions_parse_without_allocating_and_count_dimensions() {
    let ps: Vec<Pos> = serde_json::from_str("[[1, 2], [3, 4, 5], [6], []]").expect("parses");
    assert_eq!((ps[0].x, ps[0].y, ps[0].dims), (1.0, 2.0, 2));
    assert_eq!(ps[1].dims, 3);
    assert_eq!(ps[2].dims, 1);
    assert_eq!(ps[3].dims, 0);
    assert!(serde_json::from_str::<Pos>(r#"["1", "2"]"#).is_err());
}

fn validity_warnings(rings: &[&[(f64, f64)]]) -> Vec<crate::model::Reason> {
    let ls = |r: &[(f64, f64)]| LineString::from(r.to_vec());
    let polygon = Polygon::new(ls(rings[0]), rings[1..].iter().map(|r| ls(r)).collect());
    let mut warnings = Vec::new();
    check_validity(&polygon, &mut warnings);
    warnings
}

#[test]
fn self_intersections_are_found_and_simple_rings_pass() {
    let square: &[(f64, f64)] = &[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)];
    let hole: &[(f64, f64)] = &[(0.2, 0.2), (0.2, 0.4), (0.4, 0.4), (0.4, 0.2), (0.2, 0.2)];
    assert!(validity_warnings(&[square, hole]).is_empty());
    let bowtie: &[(f64, f64)] = &[(0.0, 0.0), (1.0, 1.0), (1.0, 0.0), (0.0, 1.0), (0.0, 0.0)];
    assert_eq!(validity_warnings(&[bowtie]).len(), 1);
    let crossing_hole: &[(f64, f64)] =
        &[(0.5, 0.5), (0.5, 1.5), (0.7, 1.5), (0.7, 0.5), (0.5, 0.5)];
    let w = validity_warnings(&[square, crossing_hole]);
    assert!(w.contains(&crate::model::Reason::RingsCross), "{w:?}");
}

#[test]
fn lon_lat_text() {
    assert_eq!(
        parse_lon_lat_text("5.0912, 47.3021"),
        Some((5.0912, 47.3021))
    );
    assert_eq!(parse_lon_lat_text("5.09"), None);
    assert_eq!(parse_lon_lat_text("a, b"), None);
}
