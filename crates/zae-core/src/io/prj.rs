//! A coordinate system written as WKT (a shapefile's `.prj` in ESRI WKT, a GeoPackage's
//! `definition`) recognised as its EPSG code. An authority code in the text wins; without one
//! (ESRI WKT never has one), the projection and its parameters are matched against the systems
//! French data comes in: Lambert-93, the nine conic conformal zones CC42–CC50, Lambert II
//! étendu, UTM 30–32 north, Web Mercator, and longitude/latitude on WGS84 or RGF93. Matching
//! on parameters rather than on names: ESRI, GDAL and QGIS name the same system differently.

/// The EPSG code of a WKT coordinate system, when it is one of those recognised.
pub fn epsg_of_wkt(wkt: &str) -> Option<u32> {
    if let Some(code) = authority_code(wkt) {
        return Some(code);
    }
    let upper = wkt.to_ascii_uppercase();
    let projected = upper.trim_start().starts_with("PROJCS") || upper.contains("PROJCRS");
    if !projected {
        let geographic = upper.starts_with("GEOGCS") || upper.starts_with("GEOGCRS");
        let known_datum = ["WGS_1984", "WGS 84", "WGS84", "RGF_1993", "RGF93", "ETRS"]
            .iter()
            .any(|d| upper.contains(d));
        return (geographic && known_datum).then_some(4326);
    }
    let params = Params::of(wkt);
    let projection = projection_name(&upper);
    if projection.contains("MERCATOR") && (upper.contains("AUXILIARY") || upper.contains("PSEUDO"))
    {
        return Some(3857);
    }
    if projection.contains("LAMBERT_CONFORMAL_CONIC") || projection.contains("LAMBERT CONIC") {
        return lambert(&params, &upper);
    }
    if projection.contains("TRANSVERSE_MERCATOR") || projection.contains("TRANSVERSE MERCATOR") {
        let zone = (params.get("central_meridian")? + 183.0) / 6.0;
        let utm = (params.get("scale_factor")? - 0.9996).abs() < 1e-9
            && near(params.get("false_easting")?, 500_000.0)
            && near(params.get("false_northing").unwrap_or(0.0), 0.0)
            && (zone - zone.round()).abs() < 1e-9;
        let zone = zone.round() as u32;
        let datum_ok = upper.contains("WGS") || upper.contains("ETRS") || upper.contains("RGF");
        return (utm && datum_ok && (30..=32).contains(&zone)).then_some(32600 + zone);
    }
    None
}

fn lambert(params: &Params, upper: &str) -> Option<u32> {
    let lat0 = params.get("latitude_of_origin")?;
    let lon0 = params.get("central_meridian")?;
    let fe = params.get("false_easting")?;
    let fn_ = params.get("false_northing")?;
    // Lambert II étendu (NTF, Paris meridian): one standard parallel, in grads or degrees.
    if upper.contains("NTF") {
        let extended =
            (near(lat0, 52.0) || near(lat0, 46.8)) && near(fe, 600_000.0) && near(fn_, 2_200_000.0);
        return extended.then_some(27572);
    }
    let sp1 = params.get("standard_parallel_1")?;
    let sp2 = params.get("standard_parallel_2")?;
    let (south, north) = (sp1.min(sp2), sp1.max(sp2));
    if !near(lon0, 3.0) {
        return None;
    }
    if near(lat0, 46.5) && near(south, 44.0) && near(north, 49.0) {
        return (near(fe, 700_000.0) && near(fn_, 6_600_000.0)).then_some(2154);
    }
    // CC42..CC50: latitude of origin 42..50, parallels 0.75° either side, false northing
    // 1,200,000 + 1,000,000 a zone.
    let zone = lat0.round();
    let cc = (42.0..=50.0).contains(&zone)
        && near(lat0, zone)
        && near(south, zone - 0.75)
        && near(north, zone + 0.75)
        && near(fe, 1_700_000.0)
        && near(fn_, 1_200_000.0 + (zone - 42.0) * 1_000_000.0);
    cc.then(|| 3942 + (zone as u32 - 42))
}

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

/// The name in `PROJECTION["..."]` (WKT1) or `METHOD["..."]` (WKT2), upper case.
fn projection_name(upper: &str) -> String {
    ["PROJECTION[\"", "METHOD[\""]
        .iter()
        .find_map(|key| {
            let start = upper.find(key)? + key.len();
            let end = upper[start..].find('"')?;
            Some(upper[start..start + end].to_string())
        })
        .unwrap_or_default()
}

/// The outermost authority code: WKT1 puts the system's own `AUTHORITY["EPSG","2154"]` last,
/// WKT2 its `ID["EPSG",2154]` last.
fn authority_code(wkt: &str) -> Option<u32> {
    let upper = wkt.to_ascii_uppercase();
    let trimmed = upper.trim_end().trim_end_matches(']');
    let (at, key) = ["AUTHORITY[", "ID["]
        .iter()
        .filter_map(|key| trimmed.rfind(key).map(|at| (at, *key)))
        .max_by_key(|(at, _)| *at)?;
    // Only the last element of the outermost bracket: nothing but closing brackets after it.
    let rest = &trimmed[at + key.len()..];
    if rest.contains('[') {
        return None;
    }
    let mut parts = rest.split(',');
    let authority = parts.next()?.trim().trim_matches('"');
    let code: String = parts.next()?.chars().filter(char::is_ascii_digit).collect();
    (authority == "EPSG").then(|| code.parse().ok()).flatten()
}

/// The `PARAMETER["name", value]` pairs, names lower case.
struct Params(Vec<(String, f64)>);

impl Params {
    fn of(wkt: &str) -> Self {
        let mut out = Vec::new();
        let upper = wkt.to_ascii_uppercase();
        let mut from = 0;
        while let Some(at) = upper[from..].find("PARAMETER[") {
            let start = from + at + "PARAMETER[".len();
            from = start;
            let Some(end) = upper[start..].find(']') else {
                break;
            };
            let inner = &wkt[start..start + end];
            let mut parts = inner.split(',');
            let (Some(name), Some(value)) = (parts.next(), parts.next()) else {
                continue;
            };
            let name = name
                .trim()
                .trim_matches('"')
                .to_ascii_lowercase()
                .replace(' ', "_");
            if let Ok(value) = value.trim().parse::<f64>() {
                out.push((name, value));
            }
        }
        Params(out)
    }

    fn get(&self, name: &str) -> Option<f64> {
        self.0
            .iter()
            .find(|(n, _)| n == name || (name == "scale_factor" && n.starts_with("scale_factor")))
            .map(|(_, v)| *v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const L93: &str = r#"PROJCS["RGF_1993_Lambert_93",GEOGCS["GCS_RGF_1993",DATUM["D_RGF_1993",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",700000.0],PARAMETER["False_Northing",6600000.0],PARAMETER["Central_Meridian",3.0],PARAMETER["Standard_Parallel_1",49.0],PARAMETER["Standard_Parallel_2",44.0],PARAMETER["Latitude_Of_Origin",46.5],UNIT["Meter",1.0]]"#;
    const CC47: &str = r#"PROJCS["RGF_1993_CC47",GEOGCS["GCS_RGF_1993",DATUM["D_RGF_1993",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",1700000.0],PARAMETER["False_Northing",6200000.0],PARAMETER["Central_Meridian",3.0],PARAMETER["Standard_Parallel_1",46.25],PARAMETER["Standard_Parallel_2",47.75],PARAMETER["Latitude_Of_Origin",47.0],UNIT["Meter",1.0]]"#;

    #[test]
    fn esri_lambert_93_and_cc_zones() {
        assert_eq!(epsg_of_wkt(L93), Some(2154));
        assert_eq!(epsg_of_wkt(CC47), Some(3947));
        for zone in 42..=50u32 {
            let lat0 = f64::from(zone);
            let wkt = format!(
                r#"PROJCS["RGF93_CC{zone}",GEOGCS["GCS_RGF_1993",DATUM["D_RGF_1993",SPHEROID["GRS_1980",6378137.0,298.257222101]]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",1700000.0],PARAMETER["False_Northing",{}],PARAMETER["Central_Meridian",3.0],PARAMETER["Standard_Parallel_1",{}],PARAMETER["Standard_Parallel_2",{}],PARAMETER["Latitude_Of_Origin",{lat0}],UNIT["Meter",1.0]]"#,
                1_200_000 + (zone - 42) * 1_000_000,
                lat0 - 0.75,
                lat0 + 0.75
            );
            assert_eq!(epsg_of_wkt(&wkt), Some(3900 + zone), "{wkt}");
        }
        // Another false easting is another system.
        assert_eq!(epsg_of_wkt(&L93.replace("700000.0", "600000.0")), None);
    }

    #[test]
    fn authority_codes_and_geographic() {
        let ogc = r#"PROJCS["RGF93 v1 / Lambert-93",GEOGCS["RGF93 v1",DATUM["Reseau_Geodesique_Francais_1993_v1",SPHEROID["GRS 1980",6378137,298.257222101]],AUTHORITY["EPSG","4171"]],PROJECTION["Lambert_Conformal_Conic_2SP"],UNIT["metre",1],AUTHORITY["EPSG","2154"]]"#;
        assert_eq!(epsg_of_wkt(ogc), Some(2154));
        let wgs = r#"GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]"#;
        assert_eq!(epsg_of_wkt(wgs), Some(4326));
        let utm = r#"PROJCS["WGS_1984_UTM_Zone_31N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",3.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]"#;
        assert_eq!(epsg_of_wkt(utm), Some(32631));
        assert_eq!(epsg_of_wkt("LOCAL_CS[\"somewhere\"]"), None);
        assert_eq!(epsg_of_wkt(""), None);
        assert_eq!(epsg_of_wkt("PROJCS[\"x\",PARAMETER[\"a\""), None);
    }
}
