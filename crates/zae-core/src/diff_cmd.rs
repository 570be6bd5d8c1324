//! `zae-atlas diff BEFORE... -- AFTER... --to OUT.csv|OUT.geojson`: what changed between two
//! inventories, without opening a window.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diff;

/// Splits the files given after `--` from a `--to OUT` among them (the command line puts
/// `--to` last, after the "after" files).
pub fn split_to(after: Vec<OsString>) -> (Vec<PathBuf>, Option<PathBuf>) {
    let mut files = Vec::new();
    let mut to = None;
    let mut args = after.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--to" {
            to = args.next().map(PathBuf::from);
        } else if let Some(value) = arg.to_str().and_then(|s| s.strip_prefix("--to=")) {
            to = Some(PathBuf::from(value));
        } else {
            files.push(PathBuf::from(arg));
        }
    }
    (files, to)
}

/// Returns the exit code: 0 when the change list was written, 1 when an input could not be
/// read or the output not written (then nothing is written).
pub fn run(before: &[PathBuf], after: &[PathBuf], to: &Path, out: &mut dyn Write) -> i32 {
    if before.is_empty() || after.is_empty() {
        let _ = writeln!(
            out,
            "zae-atlas diff: give the files before, then --, then the files after"
        );
        return 1;
    }
    let ext = to
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !matches!(ext.as_str(), "csv" | "geojson" | "json") {
        let _ = writeln!(
            out,
            "zae-atlas diff: --to {}: expected a .csv or .geojson file",
            to.display()
        );
        return 1;
    }
    let load = |paths: &[PathBuf], side: &str| match diff::load_inventory(paths) {
        Ok(d) => Ok(d),
        Err(e) => Err(format!("zae-atlas diff: {side}: {e}")),
    };
    let (b, a) = match (load(before, "before"), load(after, "after")) {
        (Ok(b), Ok(a)) => (b, a),
        (Err(e), _) | (_, Err(e)) => {
            let _ = writeln!(out, "{e}");
            return 1;
        }
    };
    let d = diff::compare(&b, &a);
    match diff::write::write(&d, &b, &a, to) {
        Ok(n) => {
            let s = &d.summary;
            let _ = writeln!(
                out,
                "{n} change(s) written to {}: zones {} added, {} removed, {} changed; \
                 plots {} sold; establishments {} arrived, {} left, {} moved",
                to.display(),
                s.zones_added,
                s.zones_removed,
                s.zones_changed,
                s.plots_sold,
                s.establishments_arrived,
                s.establishments_left,
                s.establishments_moved
            );
            0
        }
        Err(e) => {
            let _ = writeln!(out, "zae-atlas diff: {e}");
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_is_found_among_the_after_files() {
        let (files, to) = split_to(vec!["a.csv".into(), "--to".into(), "out.csv".into()]);
        assert_eq!(files, vec![PathBuf::from("a.csv")]);
        assert_eq!(to, Some(PathBuf::from("out.csv")));
        let (files, to) = split_to(vec!["--to=o.geojson".into(), "b".into(), "c".into()]);
        assert_eq!(files.len(), 2);
        assert_eq!(to, Some(PathBuf::from("o.geojson")));
    }
}
