//! CRS names of a GeoJSON `crs` member, and reprojection of a position: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zae_atlas::io::crs::{CrsCode, Reprojector, parse_crs_name};

fuzz_target!(|data: &[u8]| {
    if data.len() < 16 {
        return;
    }
    let (numbers, name) = data.split_at(16);
    let x = f64::from_le_bytes(numbers[..8].try_into().unwrap_or_default());
    let y = f64::from_le_bytes(numbers[8..].try_into().unwrap_or_default());
    let name = String::from_utf8_lossy(name);
    if let Ok(CrsCode::Epsg(code)) = parse_crs_name(&name)
        && let Ok(r) = Reprojector::from_epsg(code)
    {
        let _ = r.to_wgs84(x, y);
    }
});
