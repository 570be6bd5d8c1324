//! The app's side of database sources: connecting from the dialog or the command line, opening
//! tables, refreshing them, reading large tables again as the view moves, and keeping the last
//! data on screen with a banner when the server is lost.

use egui::Context;
use geo::Rect;

use super::database::{AfterListing, DbMessage, ReadKind, TableReads, covers, margin_view};
use super::{Command, ZaeApp};
use crate::db::{DbError, DbTarget, Fetched, ReadOptions, Secret, Session, TableInfo, TableRef};
use crate::store::{DbOrigin, SourceId};
use crate::ui;

/// The view must stay still this long before a large table is read again for it.
const VIEW_SETTLE: std::time::Duration = std::time::Duration::from_millis(300);

impl ZaeApp {
    /// `--db URL`: connects, then opens the tables named, or else the CNIG tables (or the only
    /// table with a geometry), or else shows the tables to choose from. A database given this
    /// way replaces the embedded dataset.
    pub fn open_database(
        &mut self,
        url: &str,
        password: Option<Secret>,
        tables: Vec<TableRef>,
        ctx: &Context,
    ) {
        let embedded_only = match self.state.store().sources().collect::<Vec<_>>().as_slice() {
            [(id, only)] if only.path.is_none() && only.database.is_none() => Some(*id),
            _ => None,
        };
        if let Some(id) = embedded_only {
            self.apply(Command::CloseFile(id), ctx);
        }
        if let Some(url) = self.start_session(url, password) {
            self.databases.list(&url, AfterListing::Open(tables), ctx);
        }
    }

    /// Limits of the database reader (tests lower the large-table threshold).
    pub fn set_db_options(&mut self, options: ReadOptions) {
        self.databases.options = options;
    }

    /// The lost-connection banner's message, when it is shown.
    pub fn db_banner(&self) -> Option<String> {
        self.state
            .db_lost()
            .map(|l| ui::db_tls::db_error_text(&l.error))
    }

    /// The Connect dialog's message (an error), when it shows one.
    pub fn db_dialog_message(&self) -> Option<&str> {
        self.db_dialog.message.as_deref()
    }

    pub fn db_dialog_open(&self) -> bool {
        self.db_dialog.open
    }

    /// A session for `url` (replacing one with an older password); its key, or `None` when the
    /// connection string is not valid (the dialog says why).
    pub(super) fn start_session(&mut self, url: &str, password: Option<Secret>) -> Option<String> {
        match DbTarget::parse(url) {
            Ok(target) => {
                let key = target.url().to_string();
                self.db_dialog.url = key.clone();
                self.db_dialog.busy = true;
                self.databases.add_session(Session::new(target, password));
                Some(key)
            }
            Err(e) => {
                self.db_dialog.show(None);
                self.db_dialog.fail(ui::problems::db_error_text(&e), false);
                None
            }
        }
    }

    pub(super) fn db_connect(&mut self, url: &str, password: Option<Secret>, ctx: &Context) {
        if let Some(url) = self.start_session(url, password) {
            self.databases.list(&url, AfterListing::Show, ctx);
        }
    }

    pub(super) fn db_open(&mut self, url: &str, tables: Vec<TableRef>, ctx: &Context) {
        let view = self.view_lon_lat().map(margin_view);
        let tables = tables.into_iter().map(|t| (t, view)).collect();
        self.databases.read(url, tables, ReadKind::Open, ctx);
    }

    /// Reads database sources again (`which`: one source, or all); `retry` reconnects first.
    pub(super) fn db_refresh(&mut self, which: Option<SourceId>, retry: bool, ctx: &Context) {
        let view = self.view_lon_lat().map(margin_view);
        let mut by_url: Vec<(String, TableReads)> = Vec::new();
        for (id, file) in self.state.store().sources() {
            let Some(origin) = &file.database else {
                continue;
            };
            if which.is_some_and(|w| w != id) {
                continue;
            }
            let table = TableRef::new(&origin.schema, &origin.table);
            match by_url.iter_mut().find(|(u, _)| *u == origin.url) {
                Some((_, tables)) => tables.push((table, view)),
                None => by_url.push((origin.url.clone(), vec![(table, view)])),
            }
        }
        for (url, tables) in by_url {
            if retry && let Some(session) = self.databases.session(&url) {
                session.disconnect();
            }
            self.databases.read(&url, tables, ReadKind::Refresh, ctx);
        }
    }

    /// Progress of the database worker, for the status bar.
    pub(super) fn db_progress(&self) -> Option<ui::LoadProgress> {
        self.databases.job.as_ref().map(|j| ui::LoadProgress {
            file: j.current(),
            fraction: j.progress(),
            files_done: j.done,
            files_total: j.total,
        })
    }

    pub(super) fn poll_databases(&mut self, ctx: &Context) {
        for problem in std::mem::take(&mut self.databases.problems) {
            self.state.push_error(problem);
        }
        let Some(job) = &mut self.databases.job else {
            return;
        };
        let kind = job.kind;
        let crate::jobs::Drained {
            messages,
            over: done,
            panicked,
        } = job.drain();
        if let Some(said) = panicked {
            self.state
                .push_error(crate::t!("error-loader-stopped", reason = said));
        }
        for message in messages {
            match message {
                DbMessage::Tables {
                    url,
                    result: Ok(tables),
                    after,
                } => self.tables_listed(url, tables, after, ctx),
                DbMessage::Tables {
                    url,
                    result: Err(e),
                    ..
                } => {
                    self.db_dialog.show(Some(&url));
                    self.db_dialog
                        .fail(ui::problems::db_error_text(&e), e.wants_password());
                }
                DbMessage::Read {
                    url,
                    table,
                    result: Ok(loaded),
                } => {
                    self.reopened(&url, &table);
                    let loaded = *loaded;
                    let tls = self
                        .databases
                        .session(&url)
                        .map(|s| s.tls_link())
                        .unwrap_or_default();
                    let origin = DbOrigin {
                        url,
                        schema: table.schema,
                        table: table.table,
                        fetched: match loaded.fetched {
                            Fetched::Within(r) => Some(r),
                            Fetched::Whole => None,
                        },
                        tls,
                    };
                    let name = loaded.meshed.file.report.file.clone();
                    let open = self.state.store().source_of_table(
                        &origin.url,
                        &origin.schema,
                        &origin.table,
                    );
                    match open {
                        Some(source) => {
                            self.state
                                .source_reloaded(source, loaded.meshed, Some(origin));
                            if kind == ReadKind::Refresh {
                                self.state
                                    .set_notice(crate::t!("db-read-again", name = name));
                            }
                        }
                        None => {
                            self.state
                                .source_loaded(name, None, Some(origin), loaded.meshed);
                        }
                    }
                    self.data_changed();
                }
                DbMessage::Read {
                    url,
                    result: Err(e),
                    ..
                } => self.read_failed(url, e, kind),
            }
        }
        if done {
            self.databases.job_done(ctx);
        } else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn tables_listed(
        &mut self,
        url: String,
        tables: Vec<TableInfo>,
        after: AfterListing,
        ctx: &Context,
    ) {
        self.db_dialog.remember(&url);
        self.db_dialog.busy = false;
        if after == AfterListing::Show && self.reopen_after_listing(&url, ctx) {
            return;
        }
        let chosen: Vec<TableRef> = match after {
            AfterListing::Show => Vec::new(),
            AfterListing::Open(named) if !named.is_empty() => named,
            AfterListing::Open(_) => crate::db::inventory::tables_to_open(&tables),
        };
        if chosen.is_empty() {
            self.db_dialog.show(Some(&url));
            self.db_dialog.set_tables(&url, tables);
        } else {
            self.db_open(&url, chosen, ctx);
        }
    }

    fn read_failed(&mut self, url: String, e: DbError, kind: ReadKind) {
        self.db_dialog.busy = false;
        if self.reopen_failed(&url, &e, kind) {
            return;
        }
        let shown = self
            .state
            .store()
            .sources()
            .any(|(_, f)| f.database.as_ref().is_some_and(|d| d.url == url));
        match e {
            DbError::Cancelled { .. } => {}
            e if e.is_connection_lost() && shown => {
                self.commands.push(Command::DbLost {
                    url,
                    error: std::sync::Arc::new(e),
                });
            }
            e if e.wants_password() => {
                self.db_dialog.show(Some(&url));
                self.db_dialog.fail(ui::problems::db_error_text(&e), true);
            }
            e if kind == ReadKind::Open => self
                .state
                .push_problem(crate::state::Problem::Db(std::sync::Arc::new(e))),
            e => self
                .state
                .push_problem(crate::state::Problem::DbAgain(std::sync::Arc::new(e))),
        }
    }

    /// The dialog's "CA file…" was answered: the file goes into the connection string.
    pub(super) fn db_ca_chosen(&mut self, path: &std::path::Path) {
        self.db_dialog.url = ui::db_tls::with_ca_file(&self.db_dialog.url, path);
    }

    /// The map's view in longitude/latitude, from the last frame.
    pub(super) fn view_lon_lat(&self) -> Option<Rect<f64>> {
        let view = self.last_layer.view?;
        let a = view.screen_to_lon_lat(view.rect.left_top());
        let b = view.screen_to_lon_lat(view.rect.right_bottom());
        Some(Rect::new(a, b))
    }

    /// Large tables were read only around the view: when the view leaves what was read, and has
    /// stayed still a moment, they are read again around it.
    pub(super) fn follow_view(&mut self, ctx: &Context) {
        let Some(view) = self.view_lon_lat() else {
            return;
        };
        // egui's clock: the window's time, which a test steps frame by frame.
        let now = ctx.input(|i| i.time);
        let since = match self.databases.last_view {
            Some((last, since)) if last == view => since,
            _ => {
                self.databases.last_view = Some((view, now));
                now
            }
        };
        if self.databases.busy() || self.state.db_lost().is_some() {
            return;
        }
        let stale: Vec<(String, TableRef)> = self
            .state
            .store()
            .sources()
            .filter_map(|(_, f)| f.database.as_ref())
            .filter(|d| d.fetched.is_some_and(|r| !covers(r, view)))
            .map(|d| (d.url.clone(), TableRef::new(&d.schema, &d.table)))
            .collect();
        if stale.is_empty() {
            return;
        }
        if now - since < VIEW_SETTLE.as_secs_f64() {
            ctx.request_repaint_after(VIEW_SETTLE);
            return;
        }
        let area = Some(margin_view(view));
        let mut urls: Vec<String> = stale.iter().map(|(u, _)| u.clone()).collect();
        urls.dedup();
        for url in urls {
            let tables = stale
                .iter()
                .filter(|(u, _)| *u == url)
                .map(|(_, t)| (t.clone(), area))
                .collect();
            self.databases.read(&url, tables, ReadKind::ViewMoved, ctx);
        }
    }
}
