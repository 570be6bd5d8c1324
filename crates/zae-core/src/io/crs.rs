//! Coordinate systems: the legacy GeoJSON `crs` member, Lambert-93 detection, reprojection to
//! WGS84 with proj4rs (EPSG definitions from the crs-definitions crate).

use proj4rs::Proj;
use proj4rs::transform::transform;

/// EPSG code of Lambert-93 (RGF93 v1 / Lambert-93), the French national projection.
pub const LAMBERT_93: u16 = 2154;

/// Extent of EPSG:2154 coordinates (metres), a little wider than its published projected bounds
/// (-378 306, 6 093 283 — 1 212 611, 7 186 902), used to recognise Lambert-93 files without `crs`.
const L93_X: (f64, f64) = (-400_000.0, 1_300_000.0);
const L93_Y: (f64, f64) = (6_000_000.0, 7_250_000.0);

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum CrsError {
    #[error("unrecognised coordinate system name \"{0}\" (expected e.g. EPSG:2154 or OGC:CRS84)")]
    Unrecognised(String),
    #[error("unknown coordinate system EPSG:{0} (not in the projection library's EPSG table)")]
    UnknownEpsg(u32),
    #[error("coordinate system EPSG:{code} could not be set up: {reason}")]
    Setup { code: u32, reason: String },
}

/// What a `crs` name means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CrsCode {
    /// Longitude/latitude in degrees on WGS84 (OGC:CRS84, EPSG:4326 as GeoJSON writers use it).
    Wgs84,
    Epsg(u32),
}

/// Reads a CRS name as found in a GeoJSON `crs` member: `EPSG:2154`, `urn:ogc:def:crs:EPSG::2154`,
/// `urn:ogc:def:crs:EPSG:6.3:2154`, `http://www.opengis.net/def/crs/EPSG/0/2154`, `OGC:CRS84`,
/// `urn:ogc:def:crs:OGC:1.3:CRS84`.
pub fn parse_crs_name(name: &str) -> Result<CrsCode, CrsError> {
    let upper = name.trim().to_ascii_uppercase();
    if upper.ends_with("CRS84")
        || upper == "WGS84"
        || upper.ends_with(":4326")
        || upper.ends_with("/4326")
    {
        return Ok(CrsCode::Wgs84);
    }
    if upper.contains("EPSG") {
        let digits: String = upper
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if let Ok(code) = digits.parse::<u32>() {
            return Ok(if code == 4326 {
                CrsCode::Wgs84
            } else {
                CrsCode::Epsg(code)
            });
        }
    }
    Err(CrsError::Unrecognised(name.to_string()))
}

/// Converts coordinates of one coordinate system to WGS84 longitude/latitude degrees and back.
pub struct Reprojector {
    code: u32,
    src: Proj,
    wgs84: Proj,
}

impl std::fmt::Debug for Reprojector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Reprojector(EPSG:{})", self.code)
    }
}

impl Reprojector {
    pub fn from_epsg(code: u32) -> Result<Self, CrsError> {
        let small = u16::try_from(code).map_err(|_| CrsError::UnknownEpsg(code))?;
        let src = Proj::from_epsg_code(small).map_err(|e| match e {
            proj4rs::errors::Error::ProjectionNotFound => CrsError::UnknownEpsg(code),
            other => CrsError::Setup {
                code,
                reason: other.to_string(),
            },
        })?;
        let wgs84 = Proj::from_epsg_code(4326).map_err(|e| CrsError::Setup {
            code: 4326,
            reason: e.to_string(),
        })?;
        Ok(Self { code, src, wgs84 })
    }

    pub fn lambert93() -> Result<Self, CrsError> {
        Self::from_epsg(u32::from(LAMBERT_93))
    }

    pub fn code(&self) -> u32 {
        self.code
    }

    /// Source coordinates → (longitude, latitude) in degrees.
    pub fn to_wgs84(&self, x: f64, y: f64) -> Result<(f64, f64), String> {
        let (x, y) = if self.src.is_latlong() {
            (x.to_radians(), y.to_radians())
        } else {
            (x, y)
        };
        let mut point = (x, y, 0.0);
        transform(&self.src, &self.wgs84, &mut point).map_err(|e| e.to_string())?;
        Ok((point.0.to_degrees(), point.1.to_degrees()))
    }

    /// (longitude, latitude) in degrees → source coordinates.
    pub fn from_wgs84(&self, lon: f64, lat: f64) -> Result<(f64, f64), String> {
        let mut point = (lon.to_radians(), lat.to_radians(), 0.0);
        transform(&self.wgs84, &self.src, &mut point).map_err(|e| e.to_string())?;
        if self.src.is_latlong() {
            Ok((point.0.to_degrees(), point.1.to_degrees()))
        } else {
            Ok((point.0, point.1))
        }
    }
}

/// Could (x, y) be longitude/latitude degrees?
pub fn fits_degrees(x: f64, y: f64) -> bool {
    (-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y)
}

/// Does (x, y) fall in the Lambert-93 extent (metres)?
pub fn fits_lambert93(x: f64, y: f64) -> bool {
    (L93_X.0..=L93_X.1).contains(&x) && (L93_Y.0..=L93_Y.1).contains(&y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crs_names() {
        assert_eq!(parse_crs_name("EPSG:2154"), Ok(CrsCode::Epsg(2154)));
        assert_eq!(
            parse_crs_name("urn:ogc:def:crs:EPSG::2154"),
            Ok(CrsCode::Epsg(2154))
        );
        assert_eq!(
            parse_crs_name("urn:ogc:def:crs:EPSG:6.3:3857"),
            Ok(CrsCode::Epsg(3857))
        );
        assert_eq!(
            parse_crs_name("http://www.opengis.net/def/crs/EPSG/0/2154"),
            Ok(CrsCode::Epsg(2154))
        );
        assert_eq!(parse_crs_name("EPSG:4326"), Ok(CrsCode::Wgs84));
        assert_eq!(parse_crs_name("OGC:CRS84"), Ok(CrsCode::Wgs84));
        assert_eq!(
            parse_crs_name("urn:ogc:def:crs:OGC:1.3:CRS84"),
            Ok(CrsCode::Wgs84)
        );
        assert!(parse_crs_name("Lambert zone II").is_err());
    }

    #[test]
    fn unknown_epsg_is_an_error() {
        assert_eq!(
            Reprojector::from_epsg(999_999).err(),
            Some(CrsError::UnknownEpsg(999_999))
        );
        assert_eq!(
            Reprojector::from_epsg(1).err(),
            Some(CrsError::UnknownEpsg(1))
        );
    }
}
