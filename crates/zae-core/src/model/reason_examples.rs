//! One of each reason and coordinate note, for the tests that every one has a sentence in
//! every language (kept apart from the definitions, which it would double).

use super::reason::{Coordinate, CrsNote, JsonKind, Reason, Ring, View};

impl Reason {
    /// One of each kind, for tests that every reason has a sentence in every language.
    pub fn examples() -> Vec<Reason> {
        let s = |t: &str| t.to_string();
        let inner = || Box::new(Reason::RingClosed);
        let view = View {
            west: 5.0,
            east: 5.1,
            south: 47.2,
            north: 47.3,
        };
        vec![
            Reason::FeatureNotObject {
                found: JsonKind::String,
            },
            Reason::NotFeatureObject { detail: s("eof") },
            Reason::PropertiesNotObject {
                found: JsonKind::Array,
            },
            Reason::FeatureTypeCase {
                found: s("feature"),
            },
            Reason::FeatureTypeOther { found: s("Zone") },
            Reason::FeatureNoType,
            Reason::NoGeometry,
            Reason::GeometryNotObject,
            Reason::InvalidGeometry { detail: s("eof") },
            Reason::UnknownGeometryType { found: s("Blob") },
            Reason::GeometryTypeCase {
                found: s("polygon"),
                canonical: s("Polygon"),
            },
            Reason::MissingCoordinates { kind: s("Polygon") },
            Reason::BadCoordinates {
                kind: s("Polygon"),
                detail: s("eof"),
            },
            Reason::EmptyGeometry {
                kind: s("MultiPoint"),
            },
            Reason::MultiPointFirstUsed { count: 3 },
            Reason::TooDeep { max: 8 },
            Reason::MemberNotPolygon {
                member: 1,
                kind: s("Point"),
            },
            Reason::MemberLeftOut {
                member: 2,
                reason: inner(),
            },
            Reason::NoPolygonInCollection { why: None },
            Reason::NoPolygonInCollection { why: Some(inner()) },
            Reason::UnsupportedGeometryType { kind: s("Curve") },
            Reason::UndecodableWkb { detail: s("eof") },
            Reason::NotPoint { kind: s("Polygon") },
            Reason::NotPolygon { kind: s("Point") },
            Reason::TooFewCoordinates {
                position: 0,
                dims: 1,
            },
            Reason::NotFinite {
                position: 0,
                x: Coordinate(f64::NAN),
                y: Coordinate(1.0),
            },
            Reason::NotReprojected {
                position: 0,
                x: Coordinate(1.0),
                y: Coordinate(2.0),
                detail: s("out of domain"),
            },
            Reason::OutOfRange {
                position: 0,
                x: Coordinate(500.0),
                y: Coordinate(2.0),
            },
            Reason::OutsideGlobe {
                position: 0,
                x: Coordinate(1.0),
                y: Coordinate(2.0),
                epsg: 2154,
                lon: Coordinate(-300.0),
                lat: Coordinate(2.0),
            },
            Reason::ExtraDimensions { dims: 3 },
            Reason::NoCoordinates,
            Reason::SimplifiedForDrawing {
                vertices: 300_000,
                per_polygon: 20_000,
                in_all: 60_000,
            },
            Reason::PartLeftOut {
                part: 1,
                reason: inner(),
            },
            Reason::NoUsablePolygon,
            Reason::InRing {
                ring: Ring::Hole(1),
                reason: inner(),
            },
            Reason::HoleLeftOut {
                hole: 1,
                reason: inner(),
            },
            Reason::RingTooSmall {
                positions: 2,
                distinct: 2,
            },
            Reason::RingClosed,
            Reason::NotChecked {
                vertices: 300_000,
                max: 200_000,
            },
            Reason::SelfIntersection {
                ring: Ring::Exterior,
            },
            Reason::RingsCross,
            Reason::ExteriorClockwise,
            Reason::HolesCounterClockwise { count: 2 },
            Reason::RingPastEnd,
            Reason::NotGpkgGeometry,
            Reason::BadEnvelope { code: 7 },
            Reason::GpkgCutShort,
            Reason::NonFiniteLiterals,
            Reason::BadBbox,
            Reason::CollectionTypeCase {
                found: s("featurecollection"),
            },
            Reason::CollectionNoType,
            Reason::LoneGeometry { kind: s("Polygon") },
            Reason::ByteOrderMark,
            Reason::Utf16 {
                encoding: s("UTF-16LE"),
                lossy: true,
            },
            Reason::Latin1 { after_bom: false },
            Reason::Lambert93Guessed,
            Reason::CrsNotRecognised {
                from: s("a.prj"),
                what: s("LOCAL_CS"),
            },
            Reason::NoPrj { stem: s("zones") },
            Reason::NoShx { stem: s("zones") },
            Reason::NoDbfRow { stem: s("zones") },
            Reason::MoreRowsThanShapes {
                stem: s("zones"),
                rows: 3,
                shapes: 2,
            },
            Reason::UnknownCpg {
                stem: s("zones"),
                name: s("KOI9"),
            },
            Reason::DbfDefaultEncoding { stem: s("zones") },
            Reason::BinaryLeftOut {
                column: s("photo"),
                bytes: 12,
            },
            Reason::PropertiesCutShort,
            Reason::NoSuchColumn { index: 7 },
            Reason::UnknownColumnType {
                column: s("c"),
                code: 99,
            },
            Reason::ReadThroughIndex {
                found: 3,
                count: 10,
                view,
            },
            Reason::UnreadableRow { detail: s("eof") },
            Reason::UnreadableColumns { detail: s("eof") },
            Reason::UnreadableGeometry { detail: s("eof") },
            Reason::FieldCount {
                line: 3,
                fields: 4,
                columns: 5,
            },
            Reason::GeometryCellEmpty {
                line: 3,
                column: s("site_geomsurf"),
            },
            Reason::GeometryCellUnreadable {
                line: 3,
                column: s("site_geomsurf"),
            },
            Reason::NullGeometryColumn { column: s("geom") },
            Reason::InColumn {
                column: s("geom"),
                reason: inner(),
            },
            Reason::OtherSrid {
                srid: 4326,
                table_srid: 2154,
            },
            Reason::RowsInView {
                limit: 50_000,
                view,
            },
            Reason::RowsCapped {
                limit: 50_000,
                max: 200_000,
                srid_zero: true,
            },
            Reason::TooManyRows { max: 200_000 },
            Reason::FeaturesInView {
                limit: 20_000,
                found: 1_234,
                count: 100_000,
                view,
            },
        ]
    }
}

impl CrsNote {
    /// One of each kind, for tests that every note has a sentence in every language.
    pub fn examples() -> Vec<CrsNote> {
        let s = |t: &str| t.to_string();
        vec![
            CrsNote::Undecided,
            CrsNote::Wgs84Named {
                name: s("urn:ogc:def:crs:OGC:1.3:CRS84"),
            },
            CrsNote::EpsgNamed {
                code: 2154,
                name: s("EPSG:2154"),
            },
            CrsNote::Lambert93Detected,
            CrsNote::Wgs84Default,
            CrsNote::Wgs84From {
                from: s("zones.prj"),
            },
            CrsNote::EpsgFrom {
                code: 2154,
                from: s("zones.prj"),
            },
            CrsNote::SridZero { column: s("geom") },
            CrsNote::Wgs84Column { column: s("geom") },
            CrsNote::EpsgColumn {
                code: 2154,
                column: s("geom"),
            },
            CrsNote::ServerReprojected {
                code: 27572,
                column: s("geom"),
            },
        ]
    }
}
