//! The WKB reader (geometries as PostGIS sends them), then the row builder as for a table in
//! Lambert-93: never a panic, finite coordinates.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zae_atlas::io::records::{Builder, Layer, Record};
use zae_atlas::io::report::LoadReport;

fuzz_target!(|data: &[u8]| {
    let mut warnings = Vec::new();
    let Ok(geometry) = zae_atlas::io::wkb::raw_geometry(data, &mut warnings) else {
        return;
    };
    let mut report = LoadReport::new("db: fuzz");
    let mut builder = Builder::new("db: fuzz");
    builder.set_layer(Layer::Zones);
    builder.set_crs(Some("EPSG:2154".into()));
    let record = Record {
        index: 0,
        label: None,
        id: None,
        properties: Default::default(),
        geometry,
        warnings,
    };
    if builder.push(record, &mut report).is_err() {
        return;
    }
    if let Ok((_, built)) = builder.finish(&mut report) {
        for zone in &built.zones {
            assert!(zone.area_ha.is_finite());
        }
    }
});
