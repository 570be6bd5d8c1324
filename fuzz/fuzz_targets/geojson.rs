//! The GeoJSON reader: the whole-text and the streamed paths give the same result on every
//! input both read; a refusal names the file; what is loaded has finite coordinates.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zae_atlas::io::{load_bytes, load_streamed};

fuzz_target!(|data: &[u8]| {
    let file = "input.geojson";
    let whole = load_bytes(file, data, &mut |_| true);
    if let Err(e) = &whole {
        assert!(e.to_string().starts_with("input.geojson: "), "{e}");
    }
    if let Ok(loaded) = &whole {
        for zone in &loaded.zones {
            let (min, max) = (zone.bbox.min(), zone.bbox.max());
            assert!(min.x.is_finite() && min.y.is_finite() && max.x.is_finite() && max.y.is_finite());
        }
    }
    let Ok(dir) = tempfile::tempdir() else { return };
    let path = dir.path().join(file);
    if std::fs::write(&path, data).is_err() {
        return;
    }
    // Small blocks, so that features and strings are cut across blocks.
    let block = 1 + usize::from(data.first().copied().unwrap_or(0)) % 64;
    match (&whole, load_streamed(&path, block)) {
        (Ok(w), Some(Ok(s))) => assert_eq!(format!("{s:?}"), format!("{w:?}")),
        (Err(w), Some(Err(s))) => assert_eq!(s.to_string(), w.to_string()),
        (Ok(_), Some(Err(s))) => panic!("only the streamed reader refused: {s}"),
        (Err(w), Some(Ok(_))) => panic!("only the whole-text reader refused: {w}"),
        (_, None) => {}
    }
});
