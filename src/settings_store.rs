//! The remembered settings (view, style, filter, open files and tables, recent files...) in a
//! file of their own, `settings.ron` beside eframe's storage: written to a temporary file
//! that is flushed to disk and renamed into place, so a crash mid-write leaves the old file
//! whole; a file that cannot be read is set aside under a new name (said at start) and the app
//! starts with defaults.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::app::Persisted;

/// What was found at start.
#[derive(Debug, Default)]
pub struct Loaded {
    pub saved: Option<Persisted>,
    /// The file could not be read: where it was set aside, and why.
    pub set_aside: Option<SetAside>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SetAside {
    pub file: PathBuf,
    pub moved_to: PathBuf,
    pub reason: String,
}

/// Reads the settings file; a missing file is no settings, an unreadable one is set aside.
pub fn load(path: &Path) -> Loaded {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Loaded::default(),
        Err(e) => {
            log::warn!("settings {}: {e}", path.display());
            return Loaded::default();
        }
    };
    let parsed = std::str::from_utf8(&bytes)
        .map_err(|e| format!("not UTF-8 text ({e})"))
        .and_then(|text| ron::from_str::<Persisted>(text).map_err(|e| e.to_string()));
    match parsed {
        Ok(saved) => Loaded {
            saved: Some(saved),
            set_aside: None,
        },
        Err(reason) => {
            let moved_to = set_aside_name(path);
            if let Err(e) = std::fs::rename(path, &moved_to) {
                log::warn!("settings {}: cannot set it aside: {e}", path.display());
            }
            log::warn!(
                "settings {}: unreadable ({reason}); set aside as {}",
                path.display(),
                moved_to.display()
            );
            Loaded {
                saved: None,
                set_aside: Some(SetAside {
                    file: path.to_path_buf(),
                    moved_to,
                    reason,
                }),
            }
        }
    }
}

/// `settings.ron` → `settings.ron.unreadable-<seconds>` (a number added when taken).
fn set_aside_name(path: &Path) -> PathBuf {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let name = |n: u32| {
        let mut s = path.as_os_str().to_owned();
        match n {
            0 => s.push(format!(".unreadable-{seconds}")),
            n => s.push(format!(".unreadable-{seconds}-{n}")),
        }
        PathBuf::from(s)
    };
    (0..1000)
        .map(name)
        .find(|p| !p.exists())
        .unwrap_or_else(|| name(1000))
}

/// Writes the settings atomically: a temporary file beside `path`, flushed to disk, renamed.
pub fn save(path: &Path, saved: &Persisted) -> std::io::Result<()> {
    let text = ron::ser::to_string_pretty(saved, ron::ser::PrettyConfig::default())
        .map_err(std::io::Error::other)?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
