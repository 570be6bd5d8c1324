//! The streamed file reader (`load_file`) against the whole-text reader (`load_bytes` on the
//! file's bytes), on every file of the awkward corpus (../shared/corpus/bad-geojson), the
//! fixtures (tests/data) and the embedded data (data/): the same error message, or the same
//! zones, plots, establishments and report.

use std::path::{Path, PathBuf};

use zae_atlas::io::{
    LoadError, LoadedFile, display_name, load_bytes, load_file, load_file_in_blocks, load_streamed,
    read_file,
};

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .is_some_and(|e| e == "geojson" || e == "json" || e == "csv")
        })
        .collect();
    files.sort();
    files
}

fn whole(path: &Path) -> Result<LoadedFile, LoadError> {
    let bytes = read_file(path)?;
    load_bytes(&display_name(path), &bytes, &mut |_| true)
}

/// Asserts both results agree, piece by piece (for a readable failure), then as a whole.
fn assert_same(
    path: &Path,
    how: &str,
    got: &Result<LoadedFile, LoadError>,
    want: &Result<LoadedFile, LoadError>,
) {
    let name = format!("{} ({how})", path.display());
    match (got, want) {
        (Err(g), Err(w)) => assert_eq!(g.to_string(), w.to_string(), "{name}"),
        (Ok(g), Ok(w)) => {
            assert_eq!(g.report, w.report, "{name}: report");
            assert_eq!(g.layer, w.layer, "{name}: layer");
            let zones = |f: &LoadedFile| -> Vec<_> {
                f.zones
                    .iter()
                    .map(|z| (z.id.clone(), z.name.clone(), z.feature_index, z.geometry()))
                    .collect()
            };
            assert_eq!(zones(g), zones(w), "{name}: zones");
            assert_eq!(g.plots.len(), w.plots.len(), "{name}: plots");
            assert_eq!(
                g.establishments.len(),
                w.establishments.len(),
                "{name}: establishments"
            );
            assert_eq!(
                format!("{g:?}"),
                format!("{w:?}"),
                "{name}: everything loaded"
            );
        }
        (g, w) => panic!(
            "{name}: streamed {:?}, whole {:?}",
            g.as_ref()
                .map(|f| f.report.summary())
                .map_err(ToString::to_string),
            w.as_ref()
                .map(|f| f.report.summary())
                .map_err(ToString::to_string)
        ),
    }
}

/// Every file of `dir` read both ways; returns how many were read by streaming.
fn check_dir(dir: &Path) -> (usize, usize) {
    let files = files_in(dir);
    let mut streamed = 0;
    for path in &files {
        let want = whole(path);
        assert_same(path, "load_file", &load_file(path, &mut |_| true), &want);
        assert_same(
            path,
            "7-byte blocks",
            &load_file_in_blocks(path, 7, &mut |_| true),
            &want,
        );
        if let Some(got) = load_streamed(path, 4096) {
            assert_same(path, "streamed only", &got, &want);
            streamed += 1;
        }
    }
    (streamed, files.len())
}

fn repo(dir: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir)
}

#[test]
fn corpus_reads_the_same_streamed_or_whole() {
    let dir = repo("../shared/corpus/bad-geojson");
    if !dir.is_dir() {
        eprintln!("{}: not found; skipped", dir.display());
        return;
    }
    let (streamed, total) = check_dir(&dir);
    eprintln!("corpus: {streamed} of {total} files streamed");
    // Most of the corpus is FeatureCollections that stream; the rest fall back.
    assert!(total > 60 && streamed > 30, "{streamed} of {total}");
}

#[test]
fn fixtures_and_embedded_data_read_the_same_streamed_or_whole() {
    let (fixtures, total) = check_dir(&repo("tests/data"));
    assert!(total >= 9 && fixtures >= 7, "{fixtures} of {total}");
    let (cnig, _) = check_dir(&repo("tests/data/cnig"));
    assert!(cnig >= 3, "{cnig}");
    // The embedded dataset, the communes of its context layer, and the sheet's access points.
    let (embedded, _) = check_dir(&repo("data"));
    assert_eq!(embedded, 3);
}
