//! `zae-atlas sheet [FILE...] (--zone NAME_OR_ID | --all) [--filter EXPR] --to OUT.pdf
//! [--lang fr|en] [--tiles osm|plan-ign|ortho-ign|none|URL|FILE] [--offline]`: a zone's sheet,
//! or the catalogue of the (filtered) zones, without a window. With no file, the embedded Dijon
//! métropole dataset. The map extracts are drawn over the base map when its tiles are at hand
//! (a PMTiles file, the window's tile cache, the tile server), else over the context layer.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::filter::Filter;
use crate::i18n::Lang;
use crate::io;
use crate::model::fold;
use crate::search::SearchIndex;
use crate::store::Dataset;

/// What to write.
#[derive(Clone, Debug)]
pub enum Which {
    /// One zone, by id or name.
    Zone(String),
    /// The catalogue of every zone the filter keeps.
    All { filter: Option<String> },
}

/// How a `--zone` argument was understood.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolved {
    Found(usize),
    /// Several zones fit as well: their names.
    Ambiguous(Vec<String>),
    /// None fits: the closest names.
    NotFound(Vec<String>),
}

/// Finds the zone `query` names: an exact id or name always wins (accents and case aside);
/// otherwise the zone search (accents, case, small typos) decides when one zone is the best.
pub fn resolve(dataset: &Dataset, query: &str) -> Resolved {
    let q = query.trim();
    let zones = &dataset.zones;
    if let Some(i) = zones
        .iter()
        .position(|z| z.id == q || z.site_id.as_deref() == Some(q))
    {
        return Resolved::Found(i);
    }
    let exact: Vec<usize> = (0..zones.len())
        .filter(|&i| zones[i].display_name() == q)
        .collect();
    let exact = if exact.is_empty() {
        let folded = fold(q);
        (0..zones.len())
            .filter(|&i| fold(zones[i].display_name()) == folded)
            .collect()
    } else {
        exact
    };
    match exact.len() {
        1 => return Resolved::Found(exact[0]),
        n if n > 1 => return Resolved::Ambiguous(names(dataset, &exact)),
        _ => {}
    }
    let hits = SearchIndex::build(dataset).search(q, 8);
    match hits.as_slice() {
        [] => Resolved::NotFound(closest(dataset, q)),
        [one] => Resolved::Found(one.zone),
        [best, second, ..] if best.score < second.score => Resolved::Found(best.zone),
        [best, ..] => {
            let tied: Vec<usize> = hits
                .iter()
                .filter(|h| h.score == best.score)
                .map(|h| h.zone)
                .collect();
            Resolved::Ambiguous(names(dataset, &tied))
        }
    }
}

fn names(dataset: &Dataset, zones: &[usize]) -> Vec<String> {
    zones
        .iter()
        .filter_map(|&i| dataset.zones.get(i))
        .map(|z| format!("{} ({})", z.display_name(), z.id))
        .collect()
}

/// The three names nearest to `query` (normalised Levenshtein on folded names).
fn closest(dataset: &Dataset, query: &str) -> Vec<String> {
    let q = fold(query);
    let mut scored: Vec<(f64, usize)> = dataset
        .zones
        .iter()
        .enumerate()
        .map(|(i, z)| {
            let name = fold(z.display_name());
            let whole = strsim::normalized_levenshtein(&q, &name);
            let best_word = name
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| strsim::normalized_levenshtein(&q, w))
                .fold(0.0, f64::max);
            (whole.max(best_word), i)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let top: Vec<usize> = scored.iter().take(3).map(|(_, i)| *i).collect();
    names(dataset, &top)
}

/// Loads the files (or the embedded dataset when there are none).
pub fn load(paths: &[PathBuf], out: &mut dyn Write) -> Result<Dataset, String> {
    let mut dataset = Dataset::default();
    if paths.is_empty() {
        let file = io::load_bytes(
            crate::embedded::EMBEDDED_NAME,
            crate::embedded::EMBEDDED_DATASET,
            &mut |_| true,
        )
        .map_err(|e| e.to_string())?;
        dataset.add_loaded(file, crate::embedded::EMBEDDED_NAME, None);
        return Ok(dataset);
    }
    for path in &io::source::expand_all(paths) {
        let file = io::load_path(path).map_err(|e| e.to_string())?;
        if !file.report.skipped.is_empty() {
            let _ = writeln!(
                out,
                "{}: {} feature(s) skipped (see zae-atlas check)",
                file.report.file,
                file.report.skipped.len()
            );
        }
        let name = file.report.file.clone();
        dataset.add_loaded(file, &name, Some(path.clone()));
    }
    Ok(dataset)
}

/// Returns the exit code: 0 when the PDF was written (a base map that could not be drawn is
/// said, and the sheet drawn over the context layer); 1 when a file could not be read, the
/// filter is wrong, the zone is unknown or ambiguous (the closest zones are named), no zone
/// passes the filter, or the PDF could not be written (then nothing is written).
pub fn run(
    paths: &[PathBuf],
    which: &Which,
    to: &Path,
    lang: Lang,
    base: &super::BaseMapSource,
    out: &mut dyn Write,
) -> i32 {
    let fail = |out: &mut dyn Write, message: String| {
        let _ = writeln!(out, "zae-atlas sheet: {message}");
        1
    };
    let filter = match which {
        Which::All { filter: Some(f) } => match Filter::parse(f) {
            Ok(f) => Some(f),
            Err(e) => return fail(out, format!("--filter: {e}")),
        },
        _ => None,
    };
    let dataset = match load(paths, out) {
        Ok(d) => d,
        Err(e) => return fail(out, e),
    };
    let mut tiles = super::TileFetcher::new(base.clone());
    let made = match which {
        Which::Zone(query) => match resolve(&dataset, query) {
            Resolved::Found(i) => super::sheet_pdf_with(&dataset, i, lang, &mut tiles),
            Resolved::Ambiguous(names) => {
                return fail(
                    out,
                    format!(
                        "--zone \"{query}\" fits several zones: {}; give one's name or id",
                        names.join(", ")
                    ),
                );
            }
            Resolved::NotFound(names) => {
                return fail(
                    out,
                    format!(
                        "--zone \"{query}\": no such zone; the closest are: {}",
                        names.join(", ")
                    ),
                );
            }
        },
        Which::All { .. } => {
            let kept: Vec<usize> = (0..dataset.zones.len())
                .filter(|&i| filter.as_ref().is_none_or(|f| f.matches(&dataset.zones[i])))
                .collect();
            if kept.is_empty() {
                return fail(out, "no zone passes the filter: nothing written".into());
            }
            super::catalogue_pdf_with(&dataset, &kept, lang, &mut tiles)
        }
    };
    let (bytes, without_base_map) = match made {
        Ok(m) => (m.pdf, m.without_base_map),
        Err(e) => return fail(out, e),
    };
    for (zone, why) in &without_base_map {
        let _ = writeln!(
            out,
            "zae-atlas sheet: {zone}: base map not drawn ({why}); the context layer is"
        );
    }
    match io::export::write_bytes(to, &bytes) {
        Ok(()) => {
            let _ = writeln!(out, "{} written ({} bytes)", to.display(), bytes.len());
            0
        }
        Err(e) => fail(out, e.to_string()),
    }
}
