//! Why a feature was skipped or what was noticed while reading it, as data: a code and its
//! arguments. `Display` gives the English sentence (for `zae-atlas check` and logs); the
//! interface turns each variant into a sentence in its own language.

use std::fmt;

/// A ring of a polygon: its exterior, or hole `n` (from 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ring {
    Exterior,
    Hole(usize),
}

impl Ring {
    pub fn from_index(index: usize) -> Self {
        if index == 0 {
            Ring::Exterior
        } else {
            Ring::Hole(index)
        }
    }
}

impl fmt::Display for Ring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ring::Exterior => write!(f, "exterior ring"),
            Ring::Hole(n) => write!(f, "hole {n}"),
        }
    }
}

/// What a JSON value is, for "the feature is a string, not an object".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JsonKind {
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

impl fmt::Display for JsonKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            JsonKind::Null => "null",
            JsonKind::Boolean => "a boolean",
            JsonKind::Number => "a number",
            JsonKind::String => "a string",
            JsonKind::Array => "an array",
            JsonKind::Object => "an object",
        })
    }
}

/// A coordinate as the file wrote it, for a message: equal when the same bits (so that a NaN
/// read twice makes the same report), written plain when reasonable, scientific when absurd.
#[derive(Clone, Copy, Debug)]
pub struct Coordinate(pub f64);

impl PartialEq for Coordinate {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}

impl fmt::Display for Coordinate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&num(self.0))
    }
}

/// A longitude/latitude box a reader kept to (degrees).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub west: f64,
    pub east: f64,
    pub south: f64,
    pub north: f64,
}

/// Why a feature was not loaded, or what was repaired or noticed. `detail` fields carry the
/// text of a library's error (serde_json, the WKB or DBF readers), which has no translation.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Reason {
    // ---- A feature as a whole (GeoJSON).
    #[error("the feature is {found}, not an object")]
    FeatureNotObject { found: JsonKind },
    #[error("not a feature object: {detail}")]
    NotFeatureObject { detail: String },
    #[error("\"properties\" is {found} rather than an object; kept as property \"properties\"")]
    PropertiesNotObject { found: JsonKind },
    #[error("type \"{found}\" read as \"Feature\"")]
    FeatureTypeCase { found: String },
    #[error("type \"{found}\" is not \"Feature\"; read as a feature")]
    FeatureTypeOther { found: String },
    #[error("no \"type\" member; read as a feature")]
    FeatureNoType,
    #[error("no geometry (null or missing)")]
    NoGeometry,

    // ---- Geometry objects.
    #[error("the geometry is not a JSON object")]
    GeometryNotObject,
    #[error("invalid geometry: {detail}")]
    InvalidGeometry { detail: String },
    #[error("unknown geometry type \"{found}\"")]
    UnknownGeometryType { found: String },
    #[error("geometry type \"{found}\" read as \"{canonical}\"")]
    GeometryTypeCase { found: String, canonical: String },
    #[error("{kind} without \"coordinates\"")]
    MissingCoordinates { kind: String },
    #[error("{kind} coordinates are not arrays of numbers: {detail}")]
    BadCoordinates { kind: String, detail: String },
    #[error("empty {kind}")]
    EmptyGeometry { kind: String },
    #[error("MultiPoint of {count} points: the first one is used")]
    MultiPointFirstUsed { count: usize },
    #[error("GeometryCollection nested more than {max} deep")]
    TooDeep { max: usize },
    #[error("GeometryCollection member {member} left out: it is a {kind}")]
    MemberNotPolygon { member: usize, kind: String },
    #[error("GeometryCollection member {member} left out: {reason}")]
    MemberLeftOut { member: usize, reason: Box<Reason> },
    #[error("GeometryCollection holds no polygon{}", why.as_ref().map(|w| format!(" ({w})")).unwrap_or_default())]
    NoPolygonInCollection { why: Option<Box<Reason>> },
    #[error("unsupported geometry type {kind}")]
    UnsupportedGeometryType { kind: String },
    #[error(
        "the geometry could not be decoded ({detail}); curved geometry types are not supported"
    )]
    UndecodableWkb { detail: String },
    #[error("geometry is a {kind}; establishments must be points")]
    NotPoint { kind: String },
    #[error("geometry is a {kind}; zones and plots must be Polygon or MultiPolygon")]
    NotPolygon { kind: String },

    // ---- Positions (x and y as written in the file).
    #[error("position {position} has {dims} coordinate(s), needs at least 2")]
    TooFewCoordinates { position: usize, dims: u8 },
    #[error("position {position} is not a finite number ({x}, {y})")]
    NotFinite {
        position: usize,
        x: Coordinate,
        y: Coordinate,
    },
    #[error("position {position} ({x}, {y}) cannot be reprojected: {detail}")]
    NotReprojected {
        position: usize,
        x: Coordinate,
        y: Coordinate,
        detail: String,
    },
    #[error(
        "position {position} ({x}, {y}) is outside longitude/latitude range and not in the Lambert-93 extent"
    )]
    OutOfRange {
        position: usize,
        x: Coordinate,
        y: Coordinate,
    },
    #[error("position {position} ({x}, {y}) in EPSG:{epsg} falls outside the globe ({lon}, {lat})")]
    OutsideGlobe {
        position: usize,
        x: Coordinate,
        y: Coordinate,
        epsg: u32,
        lon: Coordinate,
        lat: Coordinate,
    },
    #[error("positions have {dims} coordinates; elevation and measures ignored")]
    ExtraDimensions { dims: u8 },
    #[error("no coordinates")]
    NoCoordinates,
    #[error(
        "{vertices} vertices: simplified for drawing, to at most {per_polygon} a polygon and {in_all} in all (the outline itself is kept whole)"
    )]
    SimplifiedForDrawing {
        vertices: usize,
        per_polygon: usize,
        in_all: usize,
    },

    // ---- Polygons and rings.
    #[error("polygon {part}: {reason}; part left out")]
    PartLeftOut { part: usize, reason: Box<Reason> },
    #[error("no usable polygon")]
    NoUsablePolygon,
    #[error("{ring}: {reason}")]
    InRing { ring: Ring, reason: Box<Reason> },
    #[error("hole {hole}: {reason}; hole left out")]
    HoleLeftOut { hole: usize, reason: Box<Reason> },
    #[error(
        "ring has {positions} position(s), {distinct} distinct: a ring needs at least 3 distinct points"
    )]
    RingTooSmall { positions: usize, distinct: usize },
    #[error("ring was not closed (first position ≠ last); closed it")]
    RingClosed,
    #[error("{vertices} vertices: self-intersection not checked (checked up to {max})")]
    NotChecked { vertices: usize, max: usize },
    #[error("{ring} crosses itself (self-intersection); drawn as it is")]
    SelfIntersection { ring: Ring },
    #[error("rings of the polygon cross each other; drawn as it is")]
    RingsCross,
    #[error("exterior ring is clockwise (RFC 7946 wants counter-clockwise); re-oriented")]
    ExteriorClockwise,
    #[error("{count} hole(s) counter-clockwise (RFC 7946 wants clockwise); re-oriented")]
    HolesCounterClockwise { count: usize },
    #[error("ring ends past its coordinates")]
    RingPastEnd,
    #[error("not a GeoPackage geometry (no \"GP\" header)")]
    NotGpkgGeometry,
    #[error("GeoPackage geometry header: bad envelope code {code}")]
    BadEnvelope { code: u8 },
    #[error("GeoPackage geometry cut short")]
    GpkgCutShort,

    // ---- The file as a whole.
    #[error("NaN/Infinity literals (not valid JSON) read as null")]
    NonFiniteLiterals,
    #[error("\"bbox\" is not 4 or 6 numbers; ignored")]
    BadBbox,
    #[error("type \"{found}\" read as \"FeatureCollection\"")]
    CollectionTypeCase { found: String },
    #[error("no \"type\" member; read as a FeatureCollection")]
    CollectionNoType,
    #[error("the file is a lone {kind} geometry, read as one feature")]
    LoneGeometry { kind: String },
    #[error("UTF-8 byte order mark removed")]
    ByteOrderMark,
    #[error("decoded from {encoding} (GeoJSON must be UTF-8){}", if *lossy { "; some characters could not be decoded and were replaced" } else { "" })]
    Utf16 { encoding: String, lossy: bool },
    #[error("file {}; decoded as Latin-1 (Windows-1252): check accented names", if *after_bom { "starts with a UTF-8 byte order mark but is not valid UTF-8" } else { "is not valid UTF-8" })]
    Latin1 { after_bom: bool },
    #[error(
        "no coordinate system given; coordinates are metres in the Lambert-93 extent, read as EPSG:2154"
    )]
    Lambert93Guessed,
    #[error(
        "{from}: coordinate system not recognised ({what}); read as WGS84, or as Lambert-93 when the coordinates are metres in its extent"
    )]
    CrsNotRecognised { from: String, what: String },

    // ---- Shapefiles.
    #[error("no {stem}.prj: the coordinate system is guessed from the coordinates")]
    NoPrj { stem: String },
    #[error("no {stem}.shx (the shapes' index): shapes read one after the other")]
    NoShx { stem: String },
    #[error("no row in {stem}.dbf for this shape: no properties")]
    NoDbfRow { stem: String },
    #[error("{stem}.dbf has more rows ({rows}) than {stem}.shp has shapes ({shapes})")]
    MoreRowsThanShapes {
        stem: String,
        rows: usize,
        shapes: usize,
    },
    #[error("{stem}.cpg names an unknown encoding \"{name}\"")]
    UnknownCpg { stem: String, name: String },
    #[error("{stem}.dbf: no .cpg and no language byte: text read as Windows-1252 (Latin-1)")]
    DbfDefaultEncoding { stem: String },

    // ---- Columns and rows (FlatGeobuf, GeoPackage, CSV, databases).
    #[error("column {column}: {bytes} bytes of binary data left out")]
    BinaryLeftOut { column: String, bytes: usize },
    #[error("properties cut short")]
    PropertiesCutShort,
    #[error("property of column {index}, which the header does not have")]
    NoSuchColumn { index: usize },
    #[error("column {column} has an unknown type {code}")]
    UnknownColumnType { column: String, code: u8 },
    #[error(
        "read through the spatial index: the {found} of {count} features whose box meets longitude {:.4}…{:.4}, latitude {:.4}…{:.4}",
        view.west,
        view.east,
        view.south,
        view.north
    )]
    ReadThroughIndex {
        found: usize,
        count: usize,
        view: View,
    },
    #[error("unreadable row: {detail}")]
    UnreadableRow { detail: String },
    #[error("unreadable columns: {detail}")]
    UnreadableColumns { detail: String },
    #[error("unreadable geometry: {detail}")]
    UnreadableGeometry { detail: String },
    #[error("line {line}: {fields} fields for {columns} columns")]
    FieldCount {
        line: u64,
        fields: usize,
        columns: usize,
    },
    #[error("line {line}: {column} is empty")]
    GeometryCellEmpty { line: u64, column: String },
    #[error("line {line}: {column} is neither GeoJSON nor \"lon, lat\"")]
    GeometryCellUnreadable { line: u64, column: String },
    #[error("geometry ({column}) is NULL")]
    NullGeometryColumn { column: String },
    #[error("{column}: {reason}")]
    InColumn { column: String, reason: Box<Reason> },
    #[error("geometry in SRID {srid}, unlike the other rows (SRID {table_srid})")]
    OtherSrid { srid: i32, table_srid: i32 },
    #[error(
        "large table (more than {limit} rows): only the rows in view are read (longitude {:.4}…{:.4}, latitude {:.4}…{:.4}), and read again as the map moves",
        view.west,
        view.east,
        view.south,
        view.north
    )]
    RowsInView { limit: usize, view: View },
    #[error("large table (more than {limit} rows) read without a view{}: at most {max} rows", if *srid_zero { " (SRID 0 cannot be filtered by area)" } else { "" })]
    RowsCapped {
        limit: usize,
        max: usize,
        srid_zero: bool,
    },
    #[error(
        "more than {max} rows to read: only the first {max} are shown; zoom in to see the others"
    )]
    TooManyRows { max: usize },
    #[error(
        "large file (more than {limit} features): only the {found} of {count} features in view are read, through its spatial index (longitude {:.4}…{:.4}, latitude {:.4}…{:.4}), and read again as the map moves",
        view.west,
        view.east,
        view.south,
        view.north
    )]
    FeaturesInView {
        limit: usize,
        found: usize,
        count: usize,
        view: View,
    },
}

impl Reason {
    pub fn boxed(self) -> Box<Reason> {
        Box::new(self)
    }
}

/// How a file's coordinate system was decided, as shown at the top of its load report.
#[derive(Clone, Debug, Default, PartialEq, thiserror::Error)]
pub enum CrsNote {
    /// Not decided yet (nothing was read).
    #[default]
    #[error("")]
    Undecided,
    #[error("WGS84 longitude/latitude (crs \"{name}\")")]
    Wgs84Named { name: String },
    #[error("EPSG:{code} (crs \"{name}\"), reprojected to WGS84")]
    EpsgNamed { code: u32, name: String },
    #[error(
        "Lambert-93 (EPSG:2154), detected: no crs given and coordinates in metres within the Lambert-93 extent"
    )]
    Lambert93Detected,
    #[error("WGS84 longitude/latitude (GeoJSON default, no crs given)")]
    Wgs84Default,
    #[error("WGS84 longitude/latitude (EPSG:4326, from {from})")]
    Wgs84From { from: String },
    #[error("EPSG:{code} (from {from}), reprojected to WGS84")]
    EpsgFrom { code: u32, from: String },
    #[error("SRID 0 (unknown) in column {column}")]
    SridZero { column: String },
    #[error("EPSG:4326 (column {column}), WGS84 longitude/latitude")]
    Wgs84Column { column: String },
    #[error("EPSG:{code} (column {column}), reprojected to WGS84")]
    EpsgColumn { code: i32, column: String },
    #[error("EPSG:{code} (column {column}), reprojected to WGS84 by the server (ST_Transform)")]
    ServerReprojected { code: i32, column: String },
}

/// A coordinate for a message: plain when reasonable, scientific when absurd.
pub fn num(x: f64) -> String {
    if x.abs() < 1e9 {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}
