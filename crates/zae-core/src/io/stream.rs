//! Reading a GeoJSON FeatureCollection in blocks: the scanner cuts out each feature, features
//! are handed to the same code as for a whole text in batches, and the file is never held whole
//! (a 300 MB file used to sit in memory during the whole parse, on top of the zones built).
//!
//! Only the ordinary case is read this way. Whatever is unusual (see [`scan`](super::scan))
//! stops with [`Stop::Unusual`], and the caller reads the whole file instead, so that every
//! message, position and warning stays exactly what it was.

use std::io::Read;
use std::sync::mpsc::SyncSender;

use rayon::prelude::*;
use serde_json::value::RawValue;

use super::geojson::{CHUNK, Header, feed, skeleton_header};
use super::load::LoadError;
use super::records::Builder;
use super::report::LoadReport;
use super::scan::{Batch, Scanner, Unusual};

/// Why streaming stopped.
#[derive(Debug)]
pub enum Stop {
    /// Something the streaming path does not read the same way: read the whole file instead.
    Unusual(&'static str),
    /// A final answer (cancelled, or the file could not be read).
    Failed(LoadError),
}

impl From<Unusual> for Stop {
    fn from(u: Unusual) -> Self {
        Stop::Unusual(u.0)
    }
}

/// Bytes read from the file at a time.
pub const BLOCK_BYTES: usize = 4 << 20;

/// Features handed on together: at most [`CHUNK`], or about this many bytes of them.
const BATCH_BYTES: usize = 4 << 20;

/// What the reading thread hands on.
enum Cut {
    /// The file starts with a byte order mark (sent before anything else).
    Bom,
    /// Features cut out, with the top-level object as far as seen when the first batch was
    /// cut (the members before the features).
    Batch {
        elements: Vec<Vec<u8>>,
        provisional: Option<Vec<u8>>,
    },
    /// Bytes read so far.
    Read(u64),
    /// The end: the whole top-level object without its features, or why reading stopped.
    End(Result<Vec<u8>, Stop>),
}

/// Batches cut ahead of the parse at most (each up to `BATCH_BYTES`).
const AHEAD: usize = 2;

/// Reads `source` (`size_bytes` long, as far as known) in blocks of `block_bytes`, feeding
/// `sink` and `report` as the whole-text reader would. The byte order mark, if any, is noted in
/// the report before anything else. `progress` gets the fraction of bytes read.
///
/// Reading and cutting run on a thread of their own, a batch or two ahead of the parse (which
/// uses every core), so the scan costs no time of its own.
pub fn read(
    file: &str,
    source: &mut (dyn Read + Send),
    size_bytes: u64,
    block_bytes: usize,
    report: &mut LoadReport,
    progress: &mut dyn FnMut(f32) -> bool,
    sink: &mut Builder,
) -> Result<(), Stop> {
    let fraction = |read_bytes: u64| (read_bytes as f64 / size_bytes.max(1) as f64).min(1.0) as f32;
    let mut stream = Stream {
        file,
        header: None,
        next: 0,
    };
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Cut>(AHEAD);
        scope.spawn(move || cut(file, source, size_bytes, block_bytes, &tx));
        let mut read_bytes = 0;
        // Returning early (cancelled, or unusual) drops `rx`: the reading thread's next send
        // fails and it stops.
        for message in rx {
            match message {
                Cut::Bom => report.warn(None, None, super::text::BOM_NOTE),
                Cut::Read(n) => {
                    read_bytes = n;
                    if !progress(fraction(read_bytes)) {
                        return Err(Stop::Failed(LoadError::Cancelled { file: file.into() }));
                    }
                }
                Cut::Batch {
                    elements,
                    provisional,
                } => {
                    stream.flush(
                        elements,
                        provisional,
                        report,
                        &mut |_| progress(fraction(read_bytes)),
                        sink,
                    )?;
                }
                Cut::End(skeleton) => return stream.end(skeleton?, report, sink),
            }
        }
        // The reading thread ended without a word: it panicked.
        Err(Stop::Unusual("the reading thread stopped"))
    })
}

/// The reading thread: blocks from `source` through the scanner, batches to `tx`, then the
/// end. Stops as soon as a send fails (the parse stopped).
fn cut(
    file: &str,
    source: &mut (dyn Read + Send),
    size_bytes: u64,
    block_bytes: usize,
    tx: &SyncSender<Cut>,
) {
    let end = match cut_all(file, source, size_bytes, block_bytes, tx) {
        Ok(Sent::Stopped) => return,
        Ok(Sent::All(scanner)) => scanner.finish().map_err(Stop::from),
        Err(stop) => Err(stop),
    };
    let _ = tx.send(Cut::End(end));
}

enum Sent {
    /// Everything was cut and sent; the scanner holds the top-level object.
    All(Scanner),
    /// The receiving end is gone.
    Stopped,
}

fn cut_all(
    file: &str,
    source: &mut (dyn Read + Send),
    size_bytes: u64,
    block_bytes: usize,
    tx: &SyncSender<Cut>,
) -> Result<Sent, Stop> {
    let mut scanner = Scanner::new();
    let mut pending = Batch::new(CHUNK, BATCH_BYTES);
    let mut first = true;
    // Sends the pending batch; false when the parse has stopped.
    let mut send = |scanner: &Scanner, pending: &mut Batch| -> Result<bool, Stop> {
        let provisional = if std::mem::take(&mut first) {
            Some(
                scanner
                    .provisional_skeleton()
                    .ok_or(Stop::Unusual("a feature before the features array"))?,
            )
        } else {
            None
        };
        let elements = pending.take();
        Ok(tx
            .send(Cut::Batch {
                elements,
                provisional,
            })
            .is_ok())
    };
    // No bigger than the file: a small file needs no 4 MiB buffer.
    let size = usize::try_from(size_bytes.saturating_add(1)).unwrap_or(usize::MAX);
    let mut block = vec![0u8; block_bytes.min(size).max(1)];
    let mut read_bytes = 0u64;
    let mut reported = 0u64;
    let step = (size_bytes / 64).clamp(1, 1 << 20);
    let mut bom_sent = false;
    loop {
        let n = fill(source, &mut block).map_err(|source| {
            Stop::Failed(LoadError::Io {
                file: file.into(),
                source,
            })
        })?;
        if n == 0 {
            break;
        }
        read_bytes += n as u64;
        let mut at = 0;
        while at < n {
            at += scanner.scan(&block[at..n], &mut pending)?;
            // The byte order mark comes first, so its note comes before any other.
            if scanner.bom && !bom_sent {
                bom_sent = true;
                if tx.send(Cut::Bom).is_err() {
                    return Ok(Sent::Stopped);
                }
            }
            if pending.is_full() && !send(&scanner, &mut pending)? {
                return Ok(Sent::Stopped);
            }
        }
        // Progress (and the chance to cancel) some sixty times a file and at least every
        // megabyte, not every block: tests read in blocks of a few bytes.
        if read_bytes >= reported + step {
            reported = read_bytes;
            if tx.send(Cut::Read(read_bytes)).is_err() {
                return Ok(Sent::Stopped);
            }
        }
    }
    if !pending.elements.is_empty() && !send(&scanner, &mut pending)? {
        return Ok(Sent::Stopped);
    }
    Ok(Sent::All(scanner))
}

struct Stream<'f> {
    file: &'f str,
    /// What the top-level object said before its first feature, once known.
    header: Option<Header>,
    /// Index of the next feature in the file.
    next: usize,
}

impl Stream<'_> {
    /// Hands a batch of features on: first, with the first batch, what the top-level object
    /// said before it (`provisional`).
    fn flush(
        &mut self,
        elements: Vec<Vec<u8>>,
        provisional: Option<Vec<u8>>,
        report: &mut LoadReport,
        progress: &mut dyn FnMut(usize) -> bool,
        sink: &mut Builder,
    ) -> Result<(), Stop> {
        if let Some(skeleton) = provisional {
            let header = header_of(self.file, &skeleton)?;
            self.start(header, report, sink);
        }
        if elements.is_empty() {
            return Ok(());
        }
        let batch = checked(elements)?;
        feed(self.file, self.next, &batch, report, progress, sink).map_err(|e| match e {
            LoadError::Cancelled { .. } => Stop::Failed(e),
            // An error found while building (e.g. the coordinate system) is only the file's
            // answer if the rest of the file is valid JSON; the whole-text reader knows.
            _ => Stop::Unusual("an error while building the features"),
        })?;
        self.next += batch.len();
        Ok(())
    }

    /// The whole top-level object, once read: it must say what it said before the features.
    fn end(
        &mut self,
        skeleton: Vec<u8>,
        report: &mut LoadReport,
        sink: &mut Builder,
    ) -> Result<(), Stop> {
        let whole = header_of(self.file, &skeleton)?;
        match &self.header {
            // Members after the features (a "crs", a "type", a wrong "bbox") would have
            // changed how the features were read, or the order of the warnings.
            Some(provisional) if *provisional != whole => {
                return Err(Stop::Unusual(
                    "top-level members after the features change what the file says",
                ));
            }
            Some(_) => {}
            None => self.start(whole, report, sink),
        }
        report.features_seen = self.next;
        Ok(())
    }

    /// What the top-level object says goes into the report and the sink before any feature.
    fn start(&mut self, header: Header, report: &mut LoadReport, sink: &mut Builder) {
        report.warnings.extend(header.warnings.iter().cloned());
        sink.set_crs(header.crs_name.clone());
        self.header = Some(header);
    }
}

fn header_of(file: &str, skeleton: &[u8]) -> Result<Header, Stop> {
    let text = std::str::from_utf8(skeleton).map_err(|_| Stop::Unusual("not UTF-8"))?;
    skeleton_header(file, text).ok_or(Stop::Unusual("the top-level object is unusual"))
}

/// The features as text, each checked to be exactly one JSON value (as the whole-text parse
/// checks them), so that a syntax error anywhere is the whole file's error, with its position.
fn checked(batch: Vec<Vec<u8>>) -> Result<Vec<String>, Stop> {
    batch
        .into_par_iter()
        .map(|bytes| {
            let text = String::from_utf8(bytes).map_err(|_| Stop::Unusual("not UTF-8"))?;
            serde_json::from_str::<&RawValue>(&text)
                .map_err(|_| Stop::Unusual("a feature that is not one JSON value"))?;
            Ok(text)
        })
        .collect()
}

/// Reads until `block` is full or the file ends; the number of bytes read.
fn fill(source: &mut dyn Read, block: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < block.len() {
        match source.read(&mut block[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

#[cfg(test)]
#[path = "stream_tests.rs"]
mod tests;
