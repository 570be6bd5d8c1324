//! The CNIG CSV reader: never a panic; a refusal names the file; finite coordinates.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zae_atlas::io::load_bytes;

fuzz_target!(|data: &[u8]| {
    match load_bytes("input.csv", data, &mut |_| true) {
        Ok(loaded) => {
            for zone in &loaded.zones {
                assert!(zone.label_point.0.is_finite() && zone.label_point.1.is_finite());
            }
            for e in &loaded.establishments {
                assert!(e.lon.is_finite() && e.lat.is_finite());
            }
        }
        Err(e) => assert!(e.to_string().starts_with("input.csv: "), "{e}"),
    }
});
