//! Loading files on a worker thread: progress, cancel, one message per file as it is done, so
//! the window stays responsive whatever the file.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::io::{self, LoadError};
use crate::jobs::{Drained, Job, JobError, Polled, Waker};
use crate::store::{MeshedSource, mesh_loaded};

pub enum LoadMessage {
    Loaded(Box<Loaded>),
    Failed(LoadError),
}

/// A file read on the worker, with its meshes built.
pub struct Loaded {
    pub path: PathBuf,
    pub meshed: MeshedSource,
    /// A large file read only in this area (WGS84) through its spatial index; `None`: whole.
    pub area: Option<geo::Rect<f64>>,
    /// Such a file with nothing in that area: where its features are (WGS84), to show them.
    pub elsewhere: Option<geo::Rect<f64>>,
}

pub use crate::jobs::WorkProgress;

/// A running load of one or more files.
pub struct LoadJob {
    job: Job<Finished>,
    pub files_total: usize,
    pub files_done: usize,
    /// The files are open already and changed on disk.
    pub reload: bool,
    /// The files are large ones read again for a view that moved (no "reloaded" notice).
    pub view_moved: bool,
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
    /// `in_view`: a large indexed FlatGeobuf is read only around the view (see
    /// [`io::source::load_for_window`]).
    pub fn start(
        paths: Vec<PathBuf>,
        ctx: egui::Context,
        reload: bool,
        in_view: Option<io::fgb::InView>,
    ) -> Result<Self, JobError> {
        let first = paths
            .first()
            .map(|p| io::display_name(p))
            .unwrap_or_default();
        let files_total = paths.len();
        let waker: crate::jobs::Waker = std::sync::Arc::new(move || ctx.request_repaint());
        let job = Job::start("zae-atlas loader", first, waker, move |worker| {
            for path in paths {
                if worker.cancelled() {
                    break;
                }
                let progress = worker.progress();
                progress.start_item(io::display_name(&path));
                let stamp = stamp(&path);
                // A bug in one reader stops that file, not the others.
                let message = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    load_one(&path, in_view.as_ref(), progress)
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
                if !worker.send(finished) {
                    break;
                }
            }
        })?;
        Ok(Self {
            job,
            files_total,
            files_done: 0,
            reload,
            view_moved: false,
        })
    }

    /// Fraction of the current file done (0..1).
    pub fn progress(&self) -> f32 {
        self.job.progress().fraction()
    }

    pub fn current_file(&self) -> String {
        self.job.progress().current()
    }

    pub fn cancel(&self) {
        self.job.cancel();
    }

    /// The files finished since the last look, and whether the load is over.
    pub fn drain(&mut self) -> Drained<Finished> {
        let drained = self.job.drain();
        self.files_done += drained.messages.len();
        drained
    }
}

fn load_one(
    path: &std::path::Path,
    in_view: Option<&io::fgb::InView>,
    progress: &WorkProgress,
) -> LoadMessage {
    let name = io::display_name(path);
    let started = std::time::Instant::now();
    let report = |fraction: f32| progress.report(fraction);
    // Reading and parsing is ~70% of the work, meshes the rest. The file is read in blocks,
    // never whole, so a big file does not sit in memory beside the zones built from it.
    let (file, area) = match io::source::load_for_window(path, in_view, &mut |f| report(0.7 * f)) {
        Ok(read) => read,
        Err(e) => return LoadMessage::Failed(e),
    };
    let Some(meshed) = mesh_loaded(file, &mut |f| report(0.7 + 0.3 * f)) else {
        return LoadMessage::Failed(LoadError::Cancelled { file: name.clone() });
    };
    let file = &meshed.file;
    let empty = file.zones.is_empty() && file.plots.is_empty() && file.establishments.is_empty();
    let elsewhere = area
        .filter(|_| empty)
        .and_then(|_| io::fgb::extent(path, &name));
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
        area,
        elsewhere,
    }))
}

/// Looks at the open files every half second on a job of its own, and wakes the interface
/// only when one changed on disk: an idle window does not redraw twice a second (a whole-view
/// frame of 100,000 zones is costly on a software renderer).
pub struct FileWatcher {
    /// The open files, with their stamp when they were read.
    paths: Arc<Mutex<Vec<(PathBuf, FileStamp)>>>,
    /// One message per change seen; `None` when the watcher could not start (said in the log).
    job: Option<Job<()>>,
}

impl FileWatcher {
    pub fn start(ctx: egui::Context, every: std::time::Duration) -> Self {
        let paths: Arc<Mutex<Vec<(PathBuf, FileStamp)>>> = Arc::default();
        let watched = Arc::clone(&paths);
        let waker: Waker = Arc::new(move || ctx.request_repaint());
        let job = Job::start("file-watcher", String::new(), waker, move |worker| {
            // What was last reported, so that one change is reported once.
            let mut told: std::collections::HashMap<PathBuf, FileStamp> =
                std::collections::HashMap::new();
            while !worker.cancelled() {
                std::thread::sleep(every);
                let now_watched = watched.lock().map(|v| v.clone()).unwrap_or_default();
                told.retain(|path, _| now_watched.iter().any(|(p, _)| p == path));
                for (path, read) in now_watched {
                    let Some(now) = stamp(&path) else { continue };
                    if now != read && told.get(&path) != Some(&now) {
                        told.insert(path, now);
                        if !worker.send(()) {
                            return;
                        }
                    }
                }
            }
        });
        let job = match job {
            Ok(job) => Some(job),
            Err(e) => {
                log::warn!("{e} (open files will not reload when they change)");
                None
            }
        };
        Self { paths, job }
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
    pub fn take_changed(&mut self) -> bool {
        let Some(job) = &mut self.job else {
            return false;
        };
        let mut changed = false;
        loop {
            match job.poll() {
                Polled::Message(()) => changed = true,
                Polled::Pending | Polled::Done => return changed,
                Polled::Panicked(said) => {
                    log::error!("the file watcher stopped: {said}");
                    return changed;
                }
            }
        }
    }
}
