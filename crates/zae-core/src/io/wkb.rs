//! WKB (as `ST_AsBinary` sends it) to the loader's raw geometry, in the table's own coordinates,
//! so that the checks, repairs and reprojection of [`crate::io::geometry`] apply as for files.
//! Parsed with the `wkb` crate; empty geometries are refused with their own message.

use geo_traits::{
    CoordTrait, GeometryCollectionTrait, GeometryTrait, GeometryType, LineStringTrait,
    MultiPointTrait, MultiPolygonTrait, PointTrait, PolygonTrait,
};

use crate::io::geometry::{Pos, RawGeom, RawPolygon, RawRing};
use crate::model::Reason;

/// Deepest GeometryCollection nesting followed (as for GeoJSON).
const MAX_DEPTH: usize = 8;

/// Reads a WKB geometry; notes (e.g. members of a collection left out) go to `warnings`.
pub fn raw_geometry(bytes: &[u8], warnings: &mut Vec<Reason>) -> Result<RawGeom, Reason> {
    // The wkb crate reads some geometries lazily and can panic on a cut or mutated one (a
    // fuzzed MultiPoint did): that is one feature's reason, never the end of the file.
    let mut noted = Vec::new();
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let geometry = wkb::reader::read_wkb(bytes).map_err(|e| Reason::UndecodableWkb {
            detail: e.to_string(),
        })?;
        convert(&geometry, 0, &mut noted)
    }));
    match read {
        Ok(result) => {
            warnings.append(&mut noted);
            result
        }
        Err(_) => Err(Reason::UndecodableWkb {
            detail: "malformed geometry".into(),
        }),
    }
}

fn pos<C: CoordTrait<T = f64>>(c: &C) -> Pos {
    Pos {
        x: c.x(),
        y: c.y(),
        dims: u8::try_from(c.dim().size()).unwrap_or(u8::MAX),
    }
}

fn ring<L: LineStringTrait<T = f64>>(ls: &L) -> RawRing {
    ls.coords().map(|c| pos(&c)).collect()
}

fn polygon<P: PolygonTrait<T = f64>>(p: &P) -> Option<RawPolygon> {
    let exterior = p.exterior()?;
    let mut rings = vec![ring(&exterior)];
    rings.extend(p.interiors().map(|r| ring(&r)));
    Some(rings).filter(|r| !r[0].is_empty())
}

fn convert<G: GeometryTrait<T = f64>>(
    g: &G,
    depth: usize,
    warnings: &mut Vec<Reason>,
) -> Result<RawGeom, Reason> {
    match g.as_type() {
        GeometryType::Polygon(p) => {
            polygon(p)
                .map(|p| RawGeom::Polygons(vec![p]))
                .ok_or_else(|| Reason::EmptyGeometry {
                    kind: "geometry (POLYGON EMPTY)".into(),
                })
        }
        GeometryType::MultiPolygon(mp) => {
            let polygons: Vec<RawPolygon> = mp.polygons().filter_map(|p| polygon(&p)).collect();
            if polygons.is_empty() {
                Err(Reason::EmptyGeometry {
                    kind: "geometry (MULTIPOLYGON EMPTY)".into(),
                })
            } else {
                Ok(RawGeom::Polygons(polygons))
            }
        }
        GeometryType::Point(p) => {
            p.coord()
                .map(|c| RawGeom::Point(pos(&c)))
                .ok_or_else(|| Reason::EmptyGeometry {
                    kind: "geometry (POINT EMPTY)".into(),
                })
        }
        GeometryType::MultiPoint(mp) => {
            let count = mp.num_points();
            let first = mp.points().find_map(|p| p.coord().map(|c| pos(&c))).ok_or(
                Reason::EmptyGeometry {
                    kind: "geometry (MULTIPOINT EMPTY)".into(),
                },
            )?;
            if count > 1 {
                warnings.push(Reason::MultiPointFirstUsed { count });
            }
            Ok(RawGeom::Point(first))
        }
        GeometryType::GeometryCollection(gc) => {
            if depth >= MAX_DEPTH {
                return Err(Reason::TooDeep { max: MAX_DEPTH });
            }
            let mut polygons = Vec::new();
            for (i, member) in gc.geometries().enumerate() {
                match convert(&member, depth + 1, warnings) {
                    Ok(RawGeom::Polygons(mut p)) => polygons.append(&mut p),
                    Ok(other) => warnings.push(Reason::MemberNotPolygon {
                        member: i,
                        kind: other.type_name().into(),
                    }),
                    Err(e) => warnings.push(Reason::MemberLeftOut {
                        member: i,
                        reason: e.boxed(),
                    }),
                }
            }
            if polygons.is_empty() {
                Err(Reason::NoPolygonInCollection { why: None })
            } else {
                Ok(RawGeom::Polygons(polygons))
            }
        }
        GeometryType::LineString(_) | GeometryType::Line(_) => Ok(RawGeom::Other("LineString")),
        GeometryType::MultiLineString(_) => Ok(RawGeom::Other("MultiLineString")),
        GeometryType::Rect(_) | GeometryType::Triangle(_) => Err(Reason::UnsupportedGeometryType {
            kind: "(Rect or Triangle)".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wkb_of(geometry: &geo::Geometry<f64>) -> Vec<u8> {
        let mut out = Vec::new();
        wkb::writer::write_geometry(&mut out, geometry, &Default::default()).expect("writes");
        out
    }

    #[test]
    fn polygons_points_and_empties() {
        let square = geo::wkt!(POLYGON((0. 0., 10. 0., 10. 10., 0. 10., 0. 0.)));
        let mut warnings = Vec::new();
        match raw_geometry(&wkb_of(&square.into()), &mut warnings) {
            Ok(RawGeom::Polygons(p)) => {
                assert_eq!(p.len(), 1);
                assert_eq!(p[0][0].len(), 5);
                assert_eq!(
                    p[0][0][1],
                    Pos {
                        x: 10.0,
                        y: 0.0,
                        dims: 2
                    }
                );
            }
            other => panic!("{other:?}"),
        }
        let points = geo::wkt!(MULTIPOINT(1. 2., 3. 4.));
        match raw_geometry(&wkb_of(&points.into()), &mut warnings) {
            Ok(RawGeom::Point(p)) => assert_eq!((p.x, p.y), (1.0, 2.0)),
            other => panic!("{other:?}"),
        }
        assert_eq!(warnings.len(), 1);
        let empty: geo::Geometry<f64> = geo::MultiPolygon::<f64>::new(Vec::new()).into();
        let err = raw_geometry(&wkb_of(&empty), &mut warnings).err();
        assert_eq!(
            err.map(|e| e.to_string()).as_deref(),
            Some("empty geometry (MULTIPOLYGON EMPTY)")
        );
        let err = raw_geometry(&[1, 2, 3], &mut warnings).err();
        assert!(
            matches!(err, Some(Reason::UndecodableWkb { .. })),
            "{err:?}"
        );
    }

    /// Cut or mutated geometries are a reason, never a panic (the wkb crate indexes lazily).
    #[test]
    fn cut_geometries_are_refused_without_a_panic() {
        let point = |x: f64, y: f64| {
            let mut p = vec![1u8, 1, 0, 0, 0];
            p.extend_from_slice(&x.to_le_bytes());
            p.extend_from_slice(&y.to_le_bytes());
            p
        };
        // A MultiPoint saying it holds 5 points, with one and a half.
        let mut multi = vec![1u8, 4, 0, 0, 0, 5, 0, 0, 0];
        multi.extend(point(1.0, 2.0));
        multi.extend(&point(3.0, 4.0)[..9]);
        for cut in 0..multi.len() {
            let mut warnings = Vec::new();
            // Whatever it says, it says it: no panic out of here.
            let _ = raw_geometry(&multi[..cut], &mut warnings);
        }
        let mut warnings = Vec::new();
        assert!(raw_geometry(&multi, &mut warnings).is_err());
    }
}
