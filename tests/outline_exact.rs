//! Zone outlines are kept in a compact form (src/model/outline.rs). Nothing may be lost: every
//! coordinate of a file comes back bit for bit, and the compact form must be much smaller than
//! the f64 pairs it replaces, or it is not worth its decoding.

#[path = "../benches/common/mod.rs"]
mod parks;

use serde_json::Value;
use zae_atlas::io::load_bytes;

/// Every coordinate of every feature's geometry in the text, as bits, sorted (the loader may
/// turn a ring to wind counter-clockwise, which reorders but never changes a coordinate).
fn coordinate_bits(text: &str) -> Vec<Vec<u64>> {
    fn walk(v: &Value, out: &mut Vec<u64>) {
        match v {
            Value::Array(items) if items.len() >= 2 && items.iter().all(Value::is_number) => {
                out.extend(
                    items
                        .iter()
                        .take(2)
                        .filter_map(Value::as_f64)
                        .map(f64::to_bits),
                );
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let top: Value = serde_json::from_str(text).expect("the fixture is JSON");
    top["features"]
        .as_array()
        .expect("features")
        .iter()
        .map(|f| {
            let mut bits = Vec::new();
            walk(&f["geometry"]["coordinates"], &mut bits);
            bits.sort_unstable();
            bits
        })
        .collect()
}

fn check(name: &str, text: &str) -> (usize, usize) {
    let file = load_bytes(name, text.as_bytes(), &mut |_| true).expect("loads");
    assert!(file.report.skipped.is_empty(), "{:?}", file.report.skipped);
    let expected = coordinate_bits(text);
    let (mut compact, mut vertices) = (0, 0);
    for zone in &file.zones {
        use geo::CoordsIter;
        let mut bits: Vec<u64> = zone
            .geometry()
            .coords_iter()
            .flat_map(|c| [c.x.to_bits(), c.y.to_bits()])
            .collect();
        bits.sort_unstable();
        // Rings the loader closed gain a point; none of these fixtures has an open ring.
        assert_eq!(bits, expected[zone.feature_index], "{name}: {}", zone.id);
        compact += zone.outline.heap_bytes();
        vertices += zone.outline.vertex_count();
    }
    (compact, vertices)
}

#[test]
fn generated_parks_come_back_bit_for_bit_in_a_third_of_the_space() {
    let text = parks::parks_geojson(500, 11);
    let (compact, vertices) = check("parks.geojson", &text);
    assert!(vertices > 10_000, "{vertices}");
    // As f64 pairs: 16 bytes a vertex.
    assert!(
        compact * 3 < vertices * 16,
        "{compact} bytes for {vertices} vertices"
    );
}

#[test]
fn the_embedded_dataset_comes_back_bit_for_bit() {
    let text = std::str::from_utf8(zae_atlas::app::EMBEDDED_DATASET).expect("UTF-8");
    check("dijon-zones.geojson", text);
}
