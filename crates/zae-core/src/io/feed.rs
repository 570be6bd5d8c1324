//! What the GeoPackage, Shapefile and FlatGeobuf readers share: the coordinate system they
//! found, told to the record builder and the report, and their rows pushed as records.

use serde_json::{Map, Value};

use super::geometry::RawGeom;
use super::load::{LoadError, LoadedFile};
use super::records::{Builder, Record};
use super::report::{CrsNote, LoadReport, Reason};
use super::schema;

/// A file's rows on their way to model objects, with its load report.
pub(super) struct Feed {
    pub report: LoadReport,
    builder: Builder,
    crs_text: Option<CrsNote>,
}

impl Feed {
    pub fn new(file: &str) -> Self {
        Self {
            report: LoadReport::new(file),
            builder: Builder::new(file),
            crs_text: None,
        }
    }

    /// The coordinate system, when the file says which: its EPSG code (4326 for WGS84) and
    /// where it was read (`"site_eco.prj"`, `"gpkg_spatial_ref_sys"`).
    pub fn set_epsg(&mut self, code: u32, from: &str) {
        self.builder.set_crs(Some(format!("EPSG:{code}")));
        self.crs_text = Some(if code == 4326 {
            CrsNote::Wgs84From { from: from.into() }
        } else {
            CrsNote::EpsgFrom {
                code,
                from: from.into(),
            }
        });
    }

    /// The file names a coordinate system that is not recognised: said in the report, and the
    /// coordinates are looked at as for a GeoJSON file without `crs`.
    pub fn unrecognised_crs(&mut self, from: &str, what: &str) {
        self.report.warn(
            None,
            None,
            Reason::CrsNotRecognised {
                from: from.into(),
                what: what.into(),
            },
        );
    }

    /// One row: `index` from 0 in file order; a geometry that could not be read is skipped
    /// with its reason.
    pub fn push(
        &mut self,
        index: usize,
        id: Option<Value>,
        properties: Map<String, Value>,
        geometry: Result<RawGeom, Reason>,
        warnings: Vec<Reason>,
    ) -> Result<(), LoadError> {
        self.report.features_seen += 1;
        let label = schema::feature_label(&properties, id.as_ref());
        match geometry {
            Ok(geometry) => self.builder.push(
                Record {
                    index,
                    label,
                    id,
                    properties,
                    geometry,
                    warnings,
                },
                &mut self.report,
            ),
            Err(message) => {
                for w in warnings {
                    self.report.warn(Some(index), label.clone(), w);
                }
                self.report.skip(Some(index), label, message);
                Ok(())
            }
        }
    }

    /// After the last row.
    pub fn finish(self, progress: &mut dyn FnMut(f32) -> bool) -> Result<LoadedFile, LoadError> {
        let Feed {
            builder,
            report,
            crs_text,
            ..
        } = self;
        let mut loaded = super::load::finish(builder, report, progress)?;
        if let Some(text) = crs_text {
            loaded.report.crs = text;
        }
        Ok(loaded)
    }
}

/// A JSON number for a float, `null` for NaN and infinities (JSON has none).
pub(super) fn number(v: f64) -> Value {
    serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
}

/// Reports every `every` rows whether to go on; `false` once the user cancelled.
pub(super) fn keep_going(
    index: usize,
    total: usize,
    progress: &mut dyn FnMut(f32) -> bool,
) -> bool {
    const EVERY: usize = 512;
    !index.is_multiple_of(EVERY) || progress(0.9 * index as f32 / total.max(1) as f32)
}
