//! Files into the state: the embedded dataset at start, files read by the loading worker, and
//! files read again when they change on disk.

use std::path::PathBuf;
use std::sync::Arc;

use egui::Context;

use super::loader::{self, FileStamp, Finished, LoadJob, LoadMessage};
use super::{EMBEDDED_DATASET, EMBEDDED_NAME, ZaeApp};
use crate::io;
use crate::jobs::Drained;
use crate::state::Problem;
use crate::t;

/// The interface also compares stamps itself this often when it draws anyway (a change the
/// watcher thread could not report).
const WATCH_FALLBACK: std::time::Duration = std::time::Duration::from_secs(5);

impl ZaeApp {
    /// The embedded dataset is small (a few dozen zones): read it right away, so the first
    /// frame already shows the zones.
    pub(super) fn load_embedded(&mut self) {
        match io::load_bytes(EMBEDDED_NAME, EMBEDDED_DATASET, &mut |_| true) {
            Ok(file) => {
                // Never stopped: the progress callback always goes on.
                if let Some(meshed) = crate::store::mesh_loaded(file, &mut |_| true) {
                    self.state
                        .source_loaded(EMBEDDED_NAME.to_string(), None, None, meshed);
                    self.data_changed();
                }
            }
            Err(e) => self.state.push_problem(Problem::Embedded(Arc::new(e))),
        }
    }

    /// What the loading worker finished since the last frame joins the state.
    pub(super) fn poll_loader(&mut self, ctx: &Context) {
        let Some(job) = &mut self.loader else { return };
        let Drained {
            messages: finished,
            over: done,
            panicked,
        } = job.drain();
        if let Some(said) = panicked {
            // A bug: the files not read yet are not read; say so rather than wait for them.
            self.state
                .push_error(crate::t!("error-loader-stopped", reason = said));
        }
        let reload = job.reload;
        let view_moved = job.view_moved;
        for Finished {
            path,
            stamp,
            message,
        } in finished
        {
            if let Some(stamp) = stamp {
                self.stamps.insert(path.clone(), stamp);
            }
            match message {
                LoadMessage::Loaded(loaded) => {
                    let loaded = *loaded;
                    let open = self.state.store().source_of_path(&path);
                    match open.filter(|_| reload) {
                        Some(source) => {
                            self.state.file_reloaded(source, loaded.meshed, loaded.area);
                            if view_moved {
                                // Read for the view: no notice, as for a large table.
                            } else if let Some(file) = self.state.store().source(source) {
                                let notice = t!("notice-reloaded", name = &file.name);
                                self.state.set_notice(notice);
                            }
                        }
                        None => {
                            let name = io::display_name(&loaded.path);
                            self.state
                                .file_loaded(name, loaded.path, loaded.area, loaded.meshed);
                            // A large file with nothing where the map looks: go to it (it is
                            // read again there).
                            if loaded.elsewhere.is_some() {
                                self.state.fit_to(loaded.elsewhere);
                            }
                        }
                    }
                    self.data_changed();
                }
                // The user asked for it: not an error.
                LoadMessage::Failed(io::LoadError::Cancelled { .. }) => {}
                LoadMessage::Failed(e) if reload => {
                    self.state.push_problem(Problem::Reload(Arc::new(e)))
                }
                LoadMessage::Failed(e) => self.state.push_problem(Problem::Load(Arc::new(e))),
            }
            // A reload that failed has a new stamp too.
            self.rewatch();
        }
        if done {
            self.state.loads_done();
            self.loader = None;
        } else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// Tells the watcher thread the open files and when they were read (after a load, a reload,
    /// a close), rather than every frame.
    pub(super) fn rewatch(&self) {
        let paths: Vec<(PathBuf, FileStamp)> = self
            .state
            .store()
            .sources()
            .filter_map(|(_, f)| f.path.clone())
            .filter_map(|p| self.stamps.get(&p).map(|s| (p, *s)))
            .collect();
        self.watcher.watch(paths);
    }

    /// Reloads the open files that changed on disk (the watcher thread says when to look).
    pub(super) fn watch_files(&mut self, ctx: &Context) {
        // A change seen while a load runs is looked at when it is done.
        let look = self.pending_watch || self.watcher.take_changed();
        if self.loader.is_some() {
            self.pending_watch = look;
            return;
        }
        self.pending_watch = false;
        if !look && self.last_watch.elapsed() < WATCH_FALLBACK {
            return;
        }
        self.last_watch = std::time::Instant::now();
        let changed: Vec<PathBuf> = self
            .state
            .store()
            .sources()
            .filter_map(|(_, f)| f.path.clone())
            .filter(|p| loader::stamp(p).is_some_and(|s| self.stamps.get(p) != Some(&s)))
            .collect();
        if !changed.is_empty() {
            match LoadJob::start(changed, ctx.clone(), true, self.in_view()) {
                Ok(job) => self.loader = Some(job),
                Err(e) => self.state.push_error(e.to_string()),
            }
        }
    }
}
