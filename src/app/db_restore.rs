//! Database sources come back after a restart: the settings keep each database's connection
//! string (without its password) and its open tables; at start they are read again. The password
//! comes from `PGPASSWORD` or `~/.pgpass` (as `psql` finds it), else the Connect dialog asks for
//! it and the remembered tables open once it is given. A server that cannot be reached shows the
//! lost-connection banner (Retry reads again), never an error box; its tables stay remembered.

use egui::Context;

use super::Command;
use super::ZaeApp;
use super::database::ReadKind;
use crate::db::{DbError, TableRef};

pub use crate::state::{SavedDatabase, SavedTable};

/// Remembered tables not read back yet (their server unreachable, or a password awaited).
#[derive(Debug, Default)]
pub(super) struct PendingReopen {
    databases: Vec<SavedDatabase>,
}

impl PendingReopen {
    fn get(&self, url: &str) -> Option<&SavedDatabase> {
        self.databases.iter().find(|d| d.url == url)
    }

    /// `table` of `url` was read: no longer pending.
    fn done(&mut self, url: &str, table: &TableRef) {
        for db in self.databases.iter_mut().filter(|d| d.url == url) {
            db.tables
                .retain(|t| t.schema != table.schema || t.table != table.table);
        }
        self.databases.retain(|d| !d.tables.is_empty());
    }
}

/// Adds `table` of `url` to `list`, grouped by database, in order, once.
fn add(list: &mut Vec<SavedDatabase>, url: &str, table: SavedTable) {
    let at = match list.iter().position(|d| d.url == url) {
        Some(i) => i,
        None => {
            list.push(SavedDatabase {
                url: url.to_string(),
                tables: Vec::new(),
            });
            list.len() - 1
        }
    };
    if !list[at].tables.contains(&table) {
        list[at].tables.push(table);
    }
}

impl ZaeApp {
    /// The database tables to remember: those open, then those still waiting to be read back.
    pub(super) fn databases_to_remember(&self) -> Vec<SavedDatabase> {
        let mut list = Vec::new();
        for origin in self
            .state
            .store()
            .sources()
            .filter_map(|(_, f)| f.database.as_ref())
        {
            let table = SavedTable {
                schema: origin.schema.clone(),
                table: origin.table.clone(),
            };
            add(&mut list, &origin.url, table);
        }
        for db in &self.db_reopen.databases {
            for table in &db.tables {
                add(&mut list, &db.url, table.clone());
            }
        }
        list
    }

    /// At start: reads the remembered tables again (password from `PGPASSWORD` or `~/.pgpass`,
    /// else asked in the dialog when the server wants one).
    pub(super) fn reopen_databases(&mut self, saved: Vec<SavedDatabase>, ctx: &Context) {
        for db in saved {
            if db.tables.is_empty() {
                continue;
            }
            let Some(url) = self.start_session(&db.url, None) else {
                continue;
            };
            // Not the dialog's business unless a password is wanted (then it says so).
            self.db_dialog.busy = false;
            let tables: Vec<TableRef> = db.tables.iter().map(SavedTable::table_ref).collect();
            for table in &db.tables {
                add(&mut self.db_reopen.databases, &url, table.clone());
            }
            self.db_open(&url, tables, ctx);
        }
    }

    /// Retry on the banner: reads again the remembered tables not read back yet.
    pub(super) fn retry_reopen(&mut self, ctx: &Context) {
        let pending = self.db_reopen.databases.clone();
        for db in pending {
            if let Some(session) = self.databases.session(&db.url) {
                session.disconnect();
            }
            let tables = db.tables.iter().map(SavedTable::table_ref).collect();
            self.db_open(&db.url, tables, ctx);
        }
    }

    /// A table of `url` was read: it is no longer waiting to be read back.
    pub(super) fn reopened(&mut self, url: &str, table: &TableRef) {
        self.db_reopen.done(url, table);
    }

    /// The tables of `url` were listed after a password was given: when they are remembered
    /// tables waiting for it, they are opened (true) instead of being shown to choose from.
    pub(super) fn reopen_after_listing(&mut self, url: &str, ctx: &Context) -> bool {
        let Some(db) = self.db_reopen.get(url) else {
            return false;
        };
        let tables = db.tables.iter().map(SavedTable::table_ref).collect();
        self.db_dialog.open = false;
        self.db_dialog.password.clear();
        self.db_dialog.message = None;
        self.db_open(url, tables, ctx);
        true
    }

    /// Reading remembered tables failed: an unreachable server shows the banner (true, handled).
    pub(super) fn reopen_failed(&mut self, url: &str, e: &DbError, kind: ReadKind) -> bool {
        if kind != ReadKind::Open || self.db_reopen.get(url).is_none() || !e.is_connection_lost() {
            return false;
        }
        self.db_dialog.busy = false;
        self.commands.push(Command::DbLost {
            url: url.to_string(),
            error: std::sync::Arc::new(e.clone()),
        });
        true
    }
}
