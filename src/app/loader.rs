//! Loading files on a worker thread: progress, cancel, one message per file as it is done, so
//! the window stays responsive whatever the file.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};

use crate::io::{self, LoadError};
use crate::store::{MeshedSource, mesh_loaded};

pub enum LoadMessage {
    Loaded(Box<Loaded>),
    Failed(LoadError),
}

/// A file read on the worker, with its meshes built.
pub struct Loaded {
    pub path: PathBuf,
    pub meshed: MeshedSource,
}

/// What a worker thread shares with the window: the item it works on, how far it is (0..1),
/// and whether the user asked it to stop. Cloned into the worker.
#[derive(Clone)]
pub struct WorkProgress {
    fraction: Arc<AtomicU32>,
    cancel: Arc<AtomicBool>,
    current: Arc<Mutex<String>>,
}

impl WorkProgress {
    pub fn new(current: String) -> Self {
        Self {
            fraction: Arc::new(AtomicU32::new(0)),
            cancel: Arc::new(AtomicBool::new(false)),
            current: Arc::new(Mutex::new(current)),
        }
    }

    /// Fraction of the current item done (0..1).
    pub fn fraction(&self) -> f32 {
        f32::from_bits(self.fraction.load(Ordering::Relaxed))
    }

    /// The worker says how far it is; false when it should stop.
    pub fn report(&self, fraction: f32) -> bool {
        self.fraction.store(fraction.to_bits(), Ordering::Relaxed);
        !self.cancelled()
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    pub fn current(&self) -> String {
        self.current.lock().map(|c| c.clone()).unwrap_or_default()
    }

    /// The worker starts on `name`, from zero.
    pub fn start_item(&self, name: String) {
        if let Ok(mut c) = self.current.lock() {
            *c = name;
        }
        self.fraction.store(0f32.to_bits(), Ordering::Relaxed);
    }
}

/// A running load of one or more files.
pub struct LoadJob {
    rx: Receiver<Finished>,
    progress: WorkProgress,
    pub files_total: usize,
    pub files_done: usize,
    /// The files are open already and changed on disk.
    pub reload: bool,
}

/// When and how big a file was: changes to either mean the file changed.
pub type FileStamp = (std::time::SystemTime, u64);

/// The stamp of the file on disk (for `parks.gpkg:site_eco`, of `parks.gpkg`).
pub fn stamp(path: &std::path::Path) -> Option<FileStamp> {
    let meta = std::fs::metadata(io::source::file_part(path)).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// One file done: its path, its stamp before it was read, and the result.
pub struct Finished {
    pub path: PathBuf,
    pub stamp: Option<FileStamp>,
    pub message: LoadMessage,
}

impl LoadJob {
    /// Loads `paths` in order; `reload` says they are open already and changed on disk.
    pub fn start(paths: Vec<PathBuf>, ctx: egui::Context, reload: bool) -> Self {
        let (tx, rx) = channel();
        let first = paths
            .first()
            .map(|p| io::display_name(p))
            .unwrap_or_default();
        let progress = WorkProgress::new(first);
        let files_total = paths.len();
        {
            let progress = progress.clone();
            std::thread::Builder::new()
                .name("zae-atlas loader".into())
                .spawn(move || {
                    for path in paths {
                        if progress.cancelled() {
                            break;
                        }
                        progress.start_item(io::display_name(&path));
                        let stamp = stamp(&path);
                        let message =
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                load_one(&path, &progress)
                            }))
                            .unwrap_or_else(|_| {
                                LoadMessage::Failed(LoadError::Internal {
                                    file: io::display_name(&path),
                                })
                            });
                        let finished = Finished {
                            path: path.clone(),
                            stamp,
                            message,
                        };
                        if tx.send(finished).is_err() {
                            break;
                        }
                        ctx.request_repaint();
                    }
                    ctx.request_repaint();
                })
                .ok();
        }
        Self {
            rx,
            progress,
            files_total,
            files_done: 0,
            reload,
        }
    }

    /// Fraction of the current file done (0..1).
    pub fn progress(&self) -> f32 {
        self.progress.fraction()
    }

    pub fn current_file(&self) -> String {
        self.progress.current()
    }

    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// Next finished file, if any; `Err(())` once the worker is done.
    pub fn poll(&mut self) -> Result<Option<Finished>, ()> {
        match self.rx.try_recv() {
            Ok(m) => {
                self.files_done += 1;
                Ok(Some(m))
            }
            Err(TryRecvError::Empty) => Ok(None),
            Err(TryRecvError::Disconnected) => Err(()),
        }
    }
}

fn load_one(path: &std::path::Path, progress: &WorkProgress) -> LoadMessage {
    let name = io::display_name(path);
    let started = std::time::Instant::now();
    let report = |fraction: f32| progress.report(fraction);
    // Reading and parsing is ~70% of the work, meshes the rest. The file is read in blocks,
    // never whole, so a big file does not sit in memory beside the zones built from it.
    let file = match io::load_file(path, &mut |f| report(0.7 * f)) {
        Ok(f) => f,
        Err(e) => return LoadMessage::Failed(e),
    };
    let Some(meshed) = mesh_loaded(file, &mut |f| report(0.7 + 0.3 * f)) else {
        return LoadMessage::Failed(LoadError::Cancelled { file: name.clone() });
    };
    let file = &meshed.file;
    log::info!(
        "{name}: {} zones, {} plots, {} establishments loaded and meshed in {:.2} s",
        file.zones.len(),
        file.plots.len(),
        file.establishments.len(),
        started.elapsed().as_secs_f64()
    );
    LoadMessage::Loaded(Box::new(Loaded {
        path: path.to_path_buf(),
        meshed,
    }))
}

/// Looks at the open files every half second on a thread of its own, and wakes the interface
/// only when one changed on disk: an idle window does not redraw twice a second (a whole-view
/// frame of 100,000 zones is costly on a software renderer).
pub struct FileWatcher {
    /// The open files, with their stamp when they were read.
    paths: Arc<Mutex<Vec<(PathBuf, FileStamp)>>>,
    changed: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
}

impl FileWatcher {
    pub fn start(ctx: egui::Context, every: std::time::Duration) -> Self {
        let paths: Arc<Mutex<Vec<(PathBuf, FileStamp)>>> = Arc::default();
        let changed = Arc::new(AtomicBool::new(false));
        let stop = Arc::new(AtomicBool::new(false));
        let (p, c, s) = (paths.clone(), changed.clone(), stop.clone());
        let spawned = std::thread::Builder::new()
            .name("file-watcher".into())
            .spawn(move || {
                // What was last reported, so that one change is reported once.
                let mut told: std::collections::HashMap<PathBuf, FileStamp> =
                    std::collections::HashMap::new();
                while !s.load(Ordering::Relaxed) {
                    std::thread::sleep(every);
                    let watched = p.lock().map(|v| v.clone()).unwrap_or_default();
                    told.retain(|path, _| watched.iter().any(|(p, _)| p == path));
                    for (path, read) in watched {
                        let Some(now) = stamp(&path) else { continue };
                        if now != read && told.get(&path) != Some(&now) {
                            told.insert(path, now);
                            c.store(true, Ordering::Relaxed);
                            ctx.request_repaint();
                        }
                    }
                }
            });
        if let Err(e) = spawned {
            log::warn!("file watcher not started (open files will not reload): {e}");
        }
        Self {
            paths,
            changed,
            stop,
        }
    }

    /// The files to watch, with their stamp when they were read.
    pub fn watch(&self, paths: Vec<(PathBuf, FileStamp)>) {
        if let Ok(mut watched) = self.paths.lock()
            && *watched != paths
        {
            *watched = paths;
        }
    }

    /// A file changed since the last call.
    pub fn take_changed(&self) -> bool {
        self.changed.swap(false, Ordering::Relaxed)
    }
}

impl Drop for FileWatcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}
