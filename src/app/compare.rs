//! Comparing two inventories on a worker: both are read, the after one meshed, the changes
//! found; the state then shows the after inventory with the comparison beside it.

use std::path::PathBuf;
use std::sync::Arc;

use egui::Context;

use super::ZaeApp;
use crate::io::LoadError;
use crate::jobs::{Job, Polled};
use crate::state::{ComparisonLoad, Problem, load_comparison};

/// A comparison being read and computed.
pub struct CompareJob {
    job: Job<Result<Box<ComparisonLoad>, LoadError>>,
}

impl CompareJob {
    pub fn start(
        before: Vec<PathBuf>,
        after: Vec<PathBuf>,
        ctx: &Context,
    ) -> Result<Self, crate::jobs::JobError> {
        let repaint = ctx.clone();
        let waker: crate::jobs::Waker = Arc::new(move || repaint.request_repaint());
        let first = before
            .first()
            .map(|p| crate::io::display_name(p))
            .unwrap_or_default();
        let job = Job::start("zae-atlas compare", first, waker, move |worker| {
            let progress = worker.progress();
            let result = load_comparison(&before, &after, &mut |name, fraction| {
                if progress.current() != name {
                    progress.start_item(name.to_string());
                }
                progress.report(fraction)
            });
            worker.send(result.map(Box::new));
        })?;
        Ok(Self { job })
    }

    pub fn cancel(&self) {
        self.job.cancel();
    }
}

impl ZaeApp {
    pub(super) fn start_compare(
        &mut self,
        before: Vec<PathBuf>,
        after: Vec<PathBuf>,
        ctx: &Context,
    ) {
        if let Some(job) = &self.compare_job {
            job.cancel();
        }
        match CompareJob::start(before, after, ctx) {
            Ok(job) => self.compare_job = Some(job),
            Err(e) => self.state.push_error(e.to_string()),
        }
    }

    /// The comparison's result, once the worker is done.
    pub(super) fn poll_compare(&mut self, ctx: &Context) {
        let Some(job) = &mut self.compare_job else {
            return;
        };
        match job.job.poll() {
            Polled::Pending => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            Polled::Message(Ok(load)) => {
                self.compare_job = None;
                // The after files are open now: watched for changes from how they are now.
                for path in load.after_sources.iter().filter_map(|(_, p, _)| p.as_ref()) {
                    if let Some(stamp) = super::loader::stamp(path) {
                        self.stamps.insert(path.clone(), stamp);
                    }
                }
                let before = self.state.store().generation();
                self.state.comparison_loaded(*load);
                if self.state.store().generation() != before {
                    self.data_changed();
                }
            }
            Polled::Message(Err(LoadError::Cancelled { .. })) => self.compare_job = None,
            Polled::Message(Err(e)) => {
                self.compare_job = None;
                self.state.push_problem(Problem::Load(Arc::new(e)));
            }
            Polled::Panicked(said) => {
                self.compare_job = None;
                self.state.push_error(said);
            }
            Polled::Done => self.compare_job = None,
        }
    }

    /// How far the comparison is, for the status bar.
    pub(super) fn compare_progress(&self) -> Option<crate::ui::LoadProgress> {
        self.compare_job.as_ref().map(|j| {
            let p = j.job.progress();
            crate::ui::LoadProgress {
                file: p.current(),
                fraction: p.fraction(),
                files_done: 0,
                files_total: 1,
            }
        })
    }

    /// A comparison is being read and computed.
    pub fn comparing(&self) -> bool {
        self.compare_job.is_some()
    }
}
