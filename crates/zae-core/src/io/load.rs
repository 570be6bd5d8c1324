//! Loading a file: read the bytes, decode the text, pick the reader (GeoJSON or CNIG CSV),
//! recognise the layer and the coordinate system, build the model objects.

use std::path::Path;

use super::crs::CrsError;
use super::records::{Builder, Layer};
use super::report::LoadReport;
use super::stream::{self, Stop};
use super::{cnig, geojson, text};
use crate::model::{Establishment, Plot, Zone};

/// Largest file the loader accepts (2 GiB): past that, refuse rather than exhaust memory.
pub const MAX_FILE_BYTES: u64 = 2 << 30;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: cannot read the file: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: the file is empty")]
    Empty { file: String },
    #[error("{file}: the file is {size_bytes} bytes, over the {limit_bytes}-byte limit")]
    TooLarge {
        file: String,
        size_bytes: u64,
        limit_bytes: u64,
    },
    #[error("{file}: invalid JSON at line {line}, column {column}: {message}")]
    Json {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: invalid CSV at line {line}: {message}")]
    Csv {
        file: String,
        line: u64,
        message: String,
    },
    #[error("{file}: not GeoJSON: {reason}")]
    NotGeoJson { file: String, reason: String },
    #[error("{file}: not a CNIG \"Sites économiques\" table: {reason}")]
    NotCnig { file: String, reason: String },
    #[error("{file}: {source}")]
    Crs { file: String, source: CrsError },
    #[error("{file}: not a readable {format} file: {reason}")]
    Unreadable {
        file: String,
        format: &'static str,
        reason: String,
    },
    #[error(
        "{file}: {missing} is missing (a shapefile needs its .shp, .shx and .dbf side by side)"
    )]
    MissingPart { file: String, missing: String },
    #[error("{file}: no layer \"{layer}\" of polygons or points here (layers: {available})")]
    NoLayer {
        file: String,
        layer: String,
        available: String,
    },
    #[error("{file}: holds {layers} layers ({available}): name one, as in {file}:{first}")]
    SeveralLayers {
        file: String,
        layers: usize,
        available: String,
        first: String,
    },
    #[error("{file}: loading cancelled")]
    Cancelled { file: String },
    #[error("{file}: internal error while loading (a bug in ZAE Atlas; the file was not changed)")]
    Internal { file: String },
    /// An inventory named by a connection string could not be read (a comparison).
    #[error("{0}")]
    Database(crate::db::DbError),
}

/// What one file held, and the report of what happened.
#[derive(Debug)]
pub struct LoadedFile {
    pub layer: Layer,
    pub zones: Vec<Zone>,
    pub plots: Vec<Plot>,
    pub establishments: Vec<Establishment>,
    pub report: LoadReport,
}

/// The name used in messages: the file name, or the whole path if it has none.
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads a file's bytes, refusing files over [`MAX_FILE_BYTES`]. Files are only ever read.
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    checked_size(path)?;
    std::fs::read(path).map_err(|source| LoadError::Io {
        file: display_name(path),
        source,
    })
}

/// The file's size, refusing files over [`MAX_FILE_BYTES`].
pub(super) fn checked_size(path: &Path) -> Result<u64, LoadError> {
    let file = display_name(path);
    let size = std::fs::metadata(path)
        .map_err(|source| LoadError::Io {
            file: file.clone(),
            source,
        })?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file,
            size_bytes: size,
            limit_bytes: MAX_FILE_BYTES,
        });
    }
    Ok(size)
}

/// Reads a file from disk (for the command line: no progress).
pub fn load_path(path: &Path) -> Result<LoadedFile, LoadError> {
    load_file(path, &mut |_| true)
}

/// Reads a file from disk: GeoJSON, CNIG CSV, GeoPackage (`file.gpkg` of one table, or
/// `file.gpkg:table`), Shapefile (`.shp`, or a `.zip` of one, or `file.zip:layer`) or
/// FlatGeobuf. A GeoJSON FeatureCollection in UTF-8 is read in
/// blocks, feature by feature, so the file is never held whole in memory; anything unusual
/// (another encoding, a CSV file, a syntax error, members in an odd place) is read as a whole
/// text, for the same result and messages as [`load_bytes`]. `progress` gets the fraction done
/// (0..1) now and then and returns `false` to cancel.
pub fn load_file(
    path: &Path,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<LoadedFile, LoadError> {
    load_file_in_blocks(path, stream::BLOCK_BYTES, progress)
}

/// [`load_file`] with blocks of `block_bytes` (tests use tiny blocks).
#[doc(hidden)]
pub fn load_file_in_blocks(
    path: &Path,
    block_bytes: usize,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<LoadedFile, LoadError> {
    if let Some(loaded) = super::source::load_binary(path, progress) {
        return loaded;
    }
    let file = display_name(path);
    match stream_file(path, &file, block_bytes, progress) {
        Ok(loaded) => Ok(loaded),
        Err(Stop::Failed(e)) => Err(e),
        Err(Stop::Unusual(why)) => {
            log::debug!("{file}: read as a whole text ({why})");
            // Read again from the start, with a fresh report and builder: nothing of the
            // streamed attempt is kept.
            let bytes = read_file(path)?;
            load_bytes(&file, &bytes, progress)
        }
    }
}

/// The streamed reading alone, in blocks of `block_bytes`: `None` when the file would be read
/// as a whole text instead. For tests, which check that both readers agree.
#[doc(hidden)]
pub fn load_streamed(path: &Path, block_bytes: usize) -> Option<Result<LoadedFile, LoadError>> {
    match stream_file(path, &display_name(path), block_bytes, &mut |_| true) {
        Ok(loaded) => Some(Ok(loaded)),
        Err(Stop::Failed(e)) => Some(Err(e)),
        Err(Stop::Unusual(_)) => None,
    }
}

/// The streamed reading of [`load_file`]; [`Stop::Unusual`] when the file needs the
/// whole-text reader.
pub(super) fn stream_file(
    path: &Path,
    file: &str,
    block_bytes: usize,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<LoadedFile, Stop> {
    if looks_like_csv_name(file) {
        return Err(Stop::Unusual("a CSV file"));
    }
    let size = checked_size(path).map_err(Stop::Failed)?;
    let mut source = std::fs::File::open(path).map_err(|source| {
        Stop::Failed(LoadError::Io {
            file: file.into(),
            source,
        })
    })?;
    let mut report = LoadReport::new(file);
    let mut sink = Builder::new(file);
    stream::read(
        file,
        &mut source,
        size,
        block_bytes,
        &mut report,
        progress,
        &mut sink,
    )?;
    finish(sink, report, progress).map_err(Stop::Failed)
}

/// Reads a GeoJSON or CNIG CSV file from memory. `progress` gets the fraction done (0..1) now
/// and then and returns `false` to cancel.
pub fn load_bytes(
    file: &str,
    bytes: &[u8],
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<LoadedFile, LoadError> {
    let mut report = LoadReport::new(file);
    let decoded = text::decode(bytes);
    if let Some(note) = decoded.note {
        report.warn(None, None, note);
    }
    let text: &str = &decoded.text;
    if text.trim().is_empty() {
        return Err(LoadError::Empty { file: file.into() });
    }
    let mut sink = Builder::new(file);
    if looks_like_csv(file, text) {
        cnig::read_csv(file, text, &mut report, progress, &mut sink)?;
    } else {
        geojson::read_lenient(file, text, &mut report, progress, &mut sink)?;
    }
    finish(sink, report, progress)
}

/// What both readers end with: the records built into model objects, and the file done.
pub(super) fn finish(
    sink: Builder,
    mut report: LoadReport,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<LoadedFile, LoadError> {
    let (layer, built) = sink.finish(&mut report)?;
    progress(1.0);
    Ok(LoadedFile {
        layer,
        zones: built.zones,
        plots: built.plots,
        establishments: built.establishments,
        report,
    })
}

/// A `.csv` file, or text whose first line is `;`-separated column names (not JSON).
fn looks_like_csv(file: &str, text: &str) -> bool {
    if looks_like_csv_name(file) {
        return true;
    }
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return false;
    }
    trimmed
        .lines()
        .next()
        .is_some_and(|l| l.contains(';') && !l.contains('{'))
}

fn looks_like_csv_name(file: &str) -> bool {
    file.to_ascii_lowercase().ends_with(".csv")
}
