//! Database sources of the app: one read-only session per database (its password kept in
//! memory only), and a worker thread that lists tables or reads them (with progress and cancel)
//! and builds their meshes, so the window never waits on the network.

use std::collections::HashMap;
use std::sync::Arc;

use geo::Rect;

use crate::db::{DbError, ReadOptions, Session, TableData, TableInfo, TableRef};
use crate::jobs::{Drained, Job, JobError, Waker, WorkProgress};
use crate::store::MeshedSource;

/// What to do once the tables of a database are listed.
#[derive(Clone, Debug, PartialEq)]
pub enum AfterListing {
    /// Show them in the dialog, for the planner to choose.
    Show,
    /// Open these (named on the command line), or the CNIG tables when empty (else show).
    Open(Vec<TableRef>),
}

/// A table read on the worker, with its meshes built.
pub struct DbLoaded {
    pub fetched: crate::db::Fetched,
    pub meshed: MeshedSource,
}

pub enum DbMessage {
    Tables {
        url: String,
        result: Result<Vec<TableInfo>, DbError>,
        after: AfterListing,
    },
    Read {
        url: String,
        table: TableRef,
        result: Result<Box<DbLoaded>, DbError>,
    },
}

/// Why tables are read: opened by the planner, refreshed, or read again for a moved view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadKind {
    Open,
    Refresh,
    ViewMoved,
}

/// Tables to read, each with the area to read (for a large table) if known.
pub type TableReads = Vec<(TableRef, Option<Rect<f64>>)>;

enum Work {
    List(AfterListing),
    Read(TableReads),
}

/// A running list or read on one database.
pub struct DbJob {
    job: Job<DbMessage>,
    pub kind: ReadKind,
    pub total: usize,
    pub done: usize,
}

impl DbJob {
    fn start(
        session: Arc<Session>,
        work: Work,
        kind: ReadKind,
        options: ReadOptions,
        ctx: egui::Context,
    ) -> Result<Self, JobError> {
        let url = session.target().url().to_string();
        let (total, first) = match &work {
            Work::List(_) => (1, format!("tables of {}", session.name())),
            Work::Read(tables) => (
                tables.len(),
                tables
                    .first()
                    .map(|(t, _)| crate::db::read::source_name(&session, t))
                    .unwrap_or_default(),
            ),
        };
        let waker: Waker = Arc::new(move || ctx.request_repaint());
        let job = Job::start("zae-atlas database", first, waker, move |worker| {
            // A bug while reading one table ends that table with a message, not the others.
            let guard = |f: &mut dyn FnMut() -> DbMessage, what: &str| {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|_| {
                    DbMessage::Read {
                        url: url.clone(),
                        table: TableRef::new("", what),
                        result: Err(DbError::Load {
                            db: session.name(),
                            table: what.to_string(),
                            reason: "internal error (a bug in ZAE Atlas; the database was not \
                                     changed)"
                                .into(),
                        }),
                    }
                })
            };
            match work {
                Work::List(after) => {
                    let message = guard(
                        &mut || DbMessage::Tables {
                            url: url.clone(),
                            result: crate::db::list_tables(&session),
                            after: after.clone(),
                        },
                        "tables",
                    );
                    worker.send(message);
                }
                Work::Read(tables) => {
                    for (table, view) in tables {
                        if worker.cancelled() {
                            break;
                        }
                        let progress = worker.progress();
                        progress.start_item(crate::db::read::source_name(&session, &table));
                        let options = ReadOptions {
                            view,
                            ..options.clone()
                        };
                        let message = guard(
                            &mut || DbMessage::Read {
                                url: url.clone(),
                                table: table.clone(),
                                result: read_one(&session, &table, &options, progress),
                            },
                            &table.to_string(),
                        );
                        let lost = matches!(&message, DbMessage::Read { result: Err(e), .. } if e.is_connection_lost());
                        if !worker.send(message) || lost {
                            break;
                        }
                    }
                }
            }
        })?;
        Ok(Self {
            job,
            kind,
            total,
            done: 0,
        })
    }

    pub fn progress(&self) -> f32 {
        self.job.progress().fraction()
    }

    pub fn current(&self) -> String {
        self.job.progress().current()
    }

    pub fn cancel(&self) {
        self.job.cancel();
    }

    /// The messages sent since the last look, and whether the job is over.
    pub fn drain(&mut self) -> Drained<DbMessage> {
        let drained = self.job.drain();
        self.done += drained.messages.len();
        drained
    }
}

fn read_one(
    session: &Session,
    table: &TableRef,
    options: &ReadOptions,
    progress: &WorkProgress,
) -> Result<Box<DbLoaded>, DbError> {
    let report = |fraction: f32| progress.report(fraction);
    let cancelled = || DbError::Cancelled {
        db: session.name(),
        table: table.to_string(),
    };
    let data = crate::db::read_table(session, table, options, &mut |f| report(0.8 * f))?;
    let TableData {
        loaded, fetched, ..
    } = data;
    let meshed =
        crate::store::mesh_loaded(loaded, &mut |f| report(0.8 + 0.2 * f)).ok_or_else(cancelled)?;
    Ok(Box::new(DbLoaded { fetched, meshed }))
}

/// The app's databases: sessions by connection string (without password), the running job, the
/// lost-connection banner, and the last view change (tables read by area follow the view).
#[derive(Default)]
pub struct Databases {
    sessions: HashMap<String, Arc<Session>>,
    pub job: Option<DbJob>,
    /// Reads waiting for the running job to finish.
    queued: Vec<(String, Work, ReadKind)>,
    pub options: ReadOptions,
    /// The view of the last frame, and since when (the interface's clock, in seconds) it
    /// has not moved.
    pub last_view: Option<(Rect<f64>, f64)>,
    /// What went wrong starting the worker, for the interface to say (then cleared).
    pub problems: Vec<String>,
}

impl Databases {
    pub fn busy(&self) -> bool {
        self.job.is_some() || !self.queued.is_empty()
    }

    /// The session for `url`, if one was opened.
    pub fn session(&self, url: &str) -> Option<Arc<Session>> {
        self.sessions.get(url).cloned()
    }

    /// Keeps `session` as the one of its database (a new password replaces the old session).
    pub fn add_session(&mut self, session: Session) -> Arc<Session> {
        let session = Arc::new(session);
        self.sessions
            .insert(session.target().url().to_string(), session.clone());
        session
    }

    pub fn list(&mut self, url: &str, after: AfterListing, ctx: &egui::Context) {
        self.run(url, Work::List(after), ReadKind::Open, ctx);
    }

    pub fn read(&mut self, url: &str, tables: TableReads, kind: ReadKind, ctx: &egui::Context) {
        if !tables.is_empty() {
            self.run(url, Work::Read(tables), kind, ctx);
        }
    }

    fn run(&mut self, url: &str, work: Work, kind: ReadKind, ctx: &egui::Context) {
        if self.job.is_some() {
            self.queued.push((url.to_string(), work, kind));
            return;
        }
        let Some(session) = self.session(url) else {
            return;
        };
        match DbJob::start(session, work, kind, self.options.clone(), ctx.clone()) {
            Ok(job) => self.job = Some(job),
            Err(e) => self.problems.push(e.to_string()),
        }
    }

    /// Starts the next queued job once the running one is done.
    pub fn job_done(&mut self, ctx: &egui::Context) {
        self.job = None;
        if !self.queued.is_empty() {
            let (url, work, kind) = self.queued.remove(0);
            self.run(&url, work, kind, ctx);
        }
    }

    pub fn cancel(&mut self) {
        self.queued.clear();
        if let Some(job) = &self.job {
            job.cancel();
        }
    }
}

/// The view, grown by half its size on each side: what is read for a large table, so that small
/// moves need no new read.
pub fn margin_view(view: Rect<f64>) -> Rect<f64> {
    let (w, h) = (view.width() / 2.0, view.height() / 2.0);
    Rect::new(
        (view.min().x - w, view.min().y - h),
        (view.max().x + w, view.max().y + h),
    )
}

/// Does `outer` hold `inner` whole?
pub fn covers(outer: Rect<f64>, inner: Rect<f64>) -> bool {
    outer.min().x <= inner.min().x
        && outer.min().y <= inner.min().y
        && outer.max().x >= inner.max().x
        && outer.max().y >= inner.max().y
}
