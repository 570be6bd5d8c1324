use std::path::PathBuf;

use geo::Rect;

use super::Zone;
use crate::io::LoadReport;

/// A file (or the embedded dataset) whose zones are in the [`Dataset`].
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Name shown to the user (file name, or "embedded Dijon dataset").
    pub name: String,
    /// Where it was read from; `None` for the embedded dataset.
    pub path: Option<PathBuf>,
    pub report: LoadReport,
}

/// Everything loaded: zones from one or several files.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub zones: Vec<Zone>,
    pub files: Vec<SourceFile>,
}

impl Dataset {
    /// Adds the zones of one loaded file; their `file` index is set here.
    pub fn add_file(&mut self, file: SourceFile, mut zones: Vec<Zone>) {
        let index = self.files.len();
        for zone in &mut zones {
            zone.file = index;
        }
        self.files.push(file);
        self.zones.extend(zones);
    }

    /// Removes the zones of file `index` and the file itself.
    pub fn remove_file(&mut self, index: usize) {
        if index >= self.files.len() {
            return;
        }
        self.files.remove(index);
        self.zones.retain(|z| z.file != index);
        for zone in &mut self.zones {
            if zone.file > index {
                zone.file -= 1;
            }
        }
    }

    /// Bounding rectangle of all zones (WGS84).
    pub fn bounds(&self) -> Option<Rect<f64>> {
        let mut iter = self.zones.iter().map(|z| z.bbox);
        let first = iter.next()?;
        Some(iter.fold(first, |acc, r| {
            Rect::new(
                (acc.min().x.min(r.min().x), acc.min().y.min(r.min().y)),
                (acc.max().x.max(r.max().x), acc.max().y.max(r.max().y)),
            )
        }))
    }

    /// Zone by id (first match).
    pub fn zone_index_by_id(&self, id: &str) -> Option<usize> {
        self.zones.iter().position(|z| z.id == id)
    }
}
