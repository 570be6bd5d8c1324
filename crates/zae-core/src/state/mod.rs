//! The application's state without its interface: what is loaded, what is selected, filtered,
//! sorted, measured and shown, and the one entry point that changes it,
//! [`AppState::apply`]`(Command) -> Vec<Effect>`. The eframe shell draws `&AppState`, queues the
//! commands its panels return, applies them once a frame, and runs the effects (dialogs,
//! threads, viewport). Tests drive it headless.

mod apply;
mod booth;
mod command;
mod compare;
mod problem;
mod table;
mod views;

use std::path::PathBuf;

use geo::Rect;

pub use booth::PinPrompt;
pub use command::{Command, CompareEffect, ContextEffect, DbEffect, Effect, Zoom};
pub use compare::{Comparison, ComparisonLoad, Ghost, load_comparison};
pub use problem::Problem;
pub use table::{SortColumn, TableSort, sort_rows};
pub use views::{CHART_ZONES, StatsView, ZoneDetails};

use crate::filter::ZoneFilter;
use crate::measure::MeasureMode;
use crate::model::Zone;
use crate::settings::Settings;
use crate::store::{Dataset, DbOrigin, MeshedSource, SourceId, ZoneId, ZoneStore};
use crate::style::StyleMode;

/// How many recent files File ▸ Open recent lists.
pub const MAX_RECENT: usize = 10;

/// What the app remembers across restarts. The state holds it and changes it in place (style,
/// filter, recent files, settings...); the shell fills in the view and the open files when it
/// saves.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Persisted {
    /// Map centre (lon, lat) and zoom.
    pub view: Option<((f64, f64), f64)>,
    pub style: StyleMode,
    pub filter: ZoneFilter,
    /// Files open at exit, and whether the embedded dataset was.
    pub open_files: Vec<PathBuf>,
    pub embedded_open: bool,
    /// Most recent first.
    pub recent_files: Vec<PathBuf>,
    pub show_table: bool,
    pub settings: Settings,
    /// Database connection strings used, without password, most recent first.
    pub recent_databases: Vec<String>,
    /// The context layer (communes) was turned off.
    pub context_hidden: bool,
    /// A polygon file that replaces the communes as the context layer.
    pub context_file: Option<PathBuf>,
    /// Database tables open at exit (connection strings without password), read again at start.
    pub open_databases: Vec<SavedDatabase>,
}

/// One remembered database: its connection string without password, and its open tables.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct SavedDatabase {
    pub url: String,
    pub tables: Vec<SavedTable>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct SavedTable {
    pub schema: String,
    pub table: String,
}

impl SavedTable {
    pub fn table_ref(&self) -> crate::db::TableRef {
        crate::db::TableRef::new(&self.schema, &self.table)
    }
}

/// A database connection lost while its tables are shown.
#[derive(Clone, Debug, PartialEq)]
pub struct DbLost {
    /// The connection string, without password.
    pub url: String,
    pub error: std::sync::Arc<crate::db::DbError>,
}

/// The state of the application, headless.
#[derive(Default)]
pub struct AppState {
    store: ZoneStore,
    /// Remembered across restarts (see [`Persisted`]).
    prefs: Persisted,
    selected: Option<ZoneId>,
    /// The selection changed since the table last scrolled to it.
    selection_moved: bool,
    /// Zones passing the filter, by position; and the table's rows (sorted positions).
    shown_mask: Vec<bool>,
    table_rows: Vec<usize>,
    table_sort: TableSort,
    /// The left panel lists zones in the files' order (else by name).
    zone_list_in_file_order: bool,
    show_stats: bool,
    show_settings: bool,
    show_about: bool,
    report_window: Option<SourceId>,
    /// The measure tool: what it measures and the points clicked so far.
    measure: Option<(MeasureMode, Vec<(f64, f64)>)>,
    /// What went wrong, for the user (files that could not be opened...), shown until dismissed.
    errors: Vec<Problem>,
    /// A message for the status bar (export written...).
    notice: Option<String>,
    /// Why the booth's last print failed (shown on the kiosk card).
    print_message: Option<String>,
    /// Bounds (lon/lat) to fit the view to, when the shell knows the map's size.
    pending_fit: Option<Rect<f64>>,
    /// Bounds of what the current load has brought so far.
    load_bounds: Option<Rect<f64>>,
    /// The view was restored: do not fit it to the files as they load.
    keep_view: bool,
    kiosk: bool,
    /// The idle clock and the PIN prompt of kiosk mode.
    booth: booth::Booth,
    /// The connection to a database whose tables are shown was lost: its last data stays on
    /// screen under a banner until it is read again.
    db_lost: Option<DbLost>,
    /// The selected zone's details, kept until the selection, the data or the language change.
    details: Option<ZoneDetails>,
    /// The statistics of the shown zones, while the statistics window is open.
    stats: Option<StatsView>,
    /// Two inventories compared (File ▸ Compare inventories…), the after one on the map.
    comparison: Option<Box<Comparison>>,
}

impl AppState {
    pub fn new(settings: Settings) -> Self {
        Self {
            prefs: Persisted {
                settings,
                ..Persisted::default()
            },
            ..Self::default()
        }
    }

    /// Starts from what a previous session remembered (the view and open files are the shell's).
    pub fn restored(saved: Persisted, settings: Settings) -> Self {
        let mut state = Self::new(settings);
        state.prefs = Persisted {
            view: None,
            open_files: Vec::new(),
            embedded_open: false,
            open_databases: Vec::new(),
            settings: state.prefs.settings.clone(),
            ..saved
        };
        state
    }

    /// What to remember now, with the view and the open database tables the shell gives. The
    /// kiosk PIN stays in the booth's config file: never in the remembered settings.
    pub fn persisted(
        &self,
        view: Option<((f64, f64), f64)>,
        open_databases: Vec<SavedDatabase>,
    ) -> Persisted {
        let mut settings = self.prefs.settings.clone();
        settings.kiosk.pin = None;
        // Like the PIN, the command the booth runs comes from its config file only.
        settings.kiosk.print_command = None;
        Persisted {
            view,
            settings,
            open_databases,
            open_files: self
                .store
                .sources()
                .filter_map(|(_, f)| f.path.clone())
                .collect(),
            embedded_open: self
                .store
                .sources()
                .any(|(_, f)| f.path.is_none() && f.database.is_none()),
            ..self.prefs.clone()
        }
    }

    pub fn store(&self) -> &ZoneStore {
        &self.store
    }

    pub fn dataset(&self) -> &Dataset {
        self.store.dataset()
    }

    pub fn settings(&self) -> &Settings {
        &self.prefs.settings
    }

    pub fn prefs(&self) -> &Persisted {
        &self.prefs
    }

    pub fn style(&self) -> StyleMode {
        self.prefs.style
    }

    pub fn filter(&self) -> &ZoneFilter {
        &self.prefs.filter
    }

    pub fn recent_files(&self) -> &[PathBuf] {
        &self.prefs.recent_files
    }

    pub fn selected_id(&self) -> Option<ZoneId> {
        self.selected
    }

    /// Where the selected zone is in the zones today.
    pub fn selected(&self) -> Option<usize> {
        self.selected.and_then(|id| self.store.position(id))
    }

    pub fn selected_zone(&self) -> Option<&Zone> {
        self.selected.and_then(|id| self.store.zone(id))
    }

    /// The selection changed since the last call (the table scrolls to it once).
    pub fn take_selection_moved(&mut self) -> bool {
        std::mem::take(&mut self.selection_moved)
    }

    /// The zone passes the active filter.
    pub fn is_shown(&self, zone: usize) -> bool {
        self.shown_mask.get(zone).copied().unwrap_or(true)
    }

    pub fn shown_mask(&self) -> &[bool] {
        &self.shown_mask
    }

    /// The table's rows: zones of the active filter, in the table's order.
    pub fn table_rows(&self) -> &[usize] {
        &self.table_rows
    }

    pub fn table_sort(&self) -> TableSort {
        self.table_sort
    }

    /// The left panel's zone list is sorted by name (the default), not in the files' order.
    pub fn zone_list_by_name(&self) -> bool {
        !self.zone_list_in_file_order
    }

    pub fn show_table(&self) -> bool {
        self.prefs.show_table
    }

    pub fn show_stats(&self) -> bool {
        self.show_stats
    }

    pub fn show_settings(&self) -> bool {
        self.show_settings
    }

    pub fn show_about(&self) -> bool {
        self.show_about
    }

    pub fn report_window(&self) -> Option<SourceId> {
        self.report_window
    }

    pub fn measure(&self) -> Option<(MeasureMode, &[(f64, f64)])> {
        self.measure.as_ref().map(|(m, p)| (*m, p.as_slice()))
    }

    pub fn errors(&self) -> &[Problem] {
        &self.errors
    }

    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    pub fn is_kiosk(&self) -> bool {
        self.kiosk
    }

    /// The lost database connection the banner speaks of, if any.
    pub fn db_lost(&self) -> Option<&DbLost> {
        self.db_lost.as_ref()
    }

    /// A source from this database was read: the connection works again.
    fn db_read_back(&mut self, database: Option<&DbOrigin>) {
        if let Some(origin) = database
            && self.db_lost.as_ref().is_some_and(|l| l.url == origin.url)
        {
            self.db_lost = None;
        }
    }

    /// The bounds to fit the view to, once: the shell takes them when the map's size is known.
    pub fn take_pending_fit(&mut self) -> Option<Rect<f64>> {
        self.pending_fit.take()
    }

    pub fn has_pending_fit(&self) -> bool {
        self.pending_fit.is_some()
    }

    /// Fit the view to these bounds (the kiosk's tour, a view restored...).
    pub fn fit_to(&mut self, bounds: Option<Rect<f64>>) {
        self.pending_fit = bounds;
    }

    /// Keep the restored view while the files it showed load again.
    pub fn keep_view(&mut self, keep: bool) {
        self.keep_view = keep;
        if keep {
            self.pending_fit = None;
        }
    }

    /// Something went wrong (the shell's workers report failures here).
    pub fn push_problem(&mut self, problem: Problem) {
        log::warn!("{problem}");
        self.errors.push(problem);
    }

    /// Something went wrong, already said in the interface's language.
    pub fn push_error(&mut self, message: String) {
        self.push_problem(Problem::Said(message));
    }

    pub fn set_notice(&mut self, notice: String) {
        self.notice = Some(notice);
    }

    /// A PDF sheet or catalogue was written (how many zones, where), or why not.
    pub fn pdf_written(
        &mut self,
        result: Result<(crate::sheet::Written, std::path::PathBuf), String>,
    ) {
        match result {
            Ok((written, path)) => {
                let mut notice = crate::t!(
                    "notice-sheet-written",
                    n = written.zones,
                    path = path.display().to_string()
                );
                if written.without_base_map > 0 {
                    notice.push(' ');
                    notice.push_str(&crate::t!(
                        "notice-sheet-without-base-map",
                        n = written.without_base_map
                    ));
                }
                self.notice = Some(notice);
            }
            Err(e) => self.push_problem(Problem::Sheet(e)),
        }
    }

    /// Why the booth's last print failed, while the card shows it.
    pub fn print_message(&self) -> Option<&str> {
        self.print_message.as_deref()
    }

    /// The shell says how the print command ended (`None`: it worked).
    pub fn set_print_message(&mut self, message: Option<String>) {
        self.print_message = message;
    }

    /// Remembered database connections (without password), most recent first.
    pub fn recent_databases(&self) -> &[String] {
        &self.prefs.recent_databases
    }

    pub fn set_recent_databases(&mut self, recent: Vec<String>) {
        self.prefs.recent_databases = recent;
    }

    /// Whether the context layer is hidden, and its own file if one replaces the communes.
    pub fn set_context(&mut self, hidden: bool, file: Option<PathBuf>) {
        self.prefs.context_hidden = hidden;
        self.prefs.context_file = file;
    }

    /// A source read by a worker joins the store (a file, the embedded dataset, a table). The
    /// view is fitted to what this load brought unless it was restored, or the table was read
    /// only where the map looks.
    pub fn source_loaded(
        &mut self,
        name: String,
        path: Option<PathBuf>,
        database: Option<DbOrigin>,
        meshed: MeshedSource,
    ) -> SourceId {
        self.add_source(name, path, database, None, meshed)
    }

    /// A file read by a worker joins the store; `area`: a large file read only there (WGS84),
    /// through its spatial index. Such a file, like a large table, does not move the view.
    pub fn file_loaded(
        &mut self,
        name: String,
        path: PathBuf,
        area: Option<Rect<f64>>,
        meshed: MeshedSource,
    ) -> SourceId {
        self.add_source(name, Some(path), None, area, meshed)
    }

    /// A file read again (changed on disk, or a large file read for a new view) replaces what
    /// it held; `area` as for [`AppState::file_loaded`].
    pub fn file_reloaded(
        &mut self,
        source: SourceId,
        meshed: MeshedSource,
        area: Option<Rect<f64>>,
    ) {
        self.store.replace(source, meshed, None);
        self.store.set_read_area(source, area);
        self.data_changed();
    }

    /// The large files read only in an area that does not hold `view` (WGS84): to read again
    /// around it.
    pub fn files_outside(&self, view: Rect<f64>) -> Vec<PathBuf> {
        self.store
            .sources()
            .filter_map(|(id, f)| {
                let area = self.store.read_area(id)?;
                let inside = area.min().x <= view.min().x
                    && area.min().y <= view.min().y
                    && area.max().x >= view.max().x
                    && area.max().y >= view.max().y;
                (!inside).then(|| f.path.clone()).flatten()
            })
            .collect()
    }

    fn add_source(
        &mut self,
        name: String,
        path: Option<PathBuf>,
        database: Option<DbOrigin>,
        area: Option<Rect<f64>>,
        meshed: MeshedSource,
    ) -> SourceId {
        let read_by_area = area.is_some() || database.as_ref().is_some_and(|d| d.fetched.is_some());
        self.db_read_back(database.as_ref());
        let file = &meshed.file;
        let bounds = crate::model::union_all(
            file.zones
                .iter()
                .map(|z| z.bbox)
                .chain(file.plots.iter().map(|p| p.bbox))
                .chain(
                    file.establishments
                        .iter()
                        .map(|e| Rect::new((e.lon, e.lat), (e.lon, e.lat))),
                ),
        );
        let recent = path.clone();
        let id = self.store.add(name, path, database, meshed);
        self.store.set_read_area(id, area);
        self.data_changed();
        if let Some(path) = recent {
            self.prefs.recent_files.retain(|p| p != &path);
            self.prefs.recent_files.insert(0, path);
            self.prefs.recent_files.truncate(MAX_RECENT);
        }
        if let Some(bounds) = bounds.filter(|_| !read_by_area) {
            let merged = self
                .load_bounds
                .map_or(bounds, |loaded| crate::model::union(loaded, bounds));
            self.load_bounds = Some(merged);
            if !self.keep_view {
                self.pending_fit = Some(merged);
            }
        }
        id
    }

    /// A source read again replaces what it held; the selection stays on the same zone (same
    /// id in the data) when it still exists.
    pub fn source_reloaded(
        &mut self,
        source: SourceId,
        meshed: MeshedSource,
        database: Option<DbOrigin>,
    ) {
        self.db_read_back(database.as_ref());
        self.store.replace(source, meshed, database);
        self.data_changed();
    }

    /// The loads asked for are all done.
    pub fn loads_done(&mut self) {
        self.keep_view = false;
        self.load_bounds = None;
    }

    /// The comparison shown, if any.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.comparison.as_deref()
    }

    /// A comparison was read and computed: the after inventory replaces what was open, the
    /// before one is kept beside it, and the view fits both.
    pub fn comparison_loaded(&mut self, mut load: ComparisonLoad) {
        let open: Vec<SourceId> = self.store.sources().map(|(id, _)| id).collect();
        for id in open {
            self.store.remove(id);
        }
        self.selected = None;
        for (name, path, meshed) in std::mem::take(&mut load.after_sources) {
            self.source_loaded(name, path, None, meshed);
        }
        let mut comparison = Comparison::new(load);
        comparison.remap(self.store.dataset());
        self.pending_fit = comparison.bounds().or(self.pending_fit);
        self.load_bounds = None;
        self.comparison = Some(Box::new(comparison));
    }

    /// After zones were added, replaced or removed: the selection, filter and table follow.
    fn data_changed(&mut self) {
        if let Some(c) = &mut self.comparison {
            c.remap(self.store.dataset());
        }
        if self
            .selected
            .is_some_and(|id| self.store.zone(id).is_none())
        {
            self.selected = None;
        }
        if self
            .report_window
            .is_some_and(|s| self.store.source(s).is_none())
        {
            self.report_window = None;
        }
        self.refilter();
    }

    /// Recomputes which zones pass the filter, and the table rows.
    fn refilter(&mut self) {
        let dataset = self.store.dataset();
        let n = dataset.zones.len();
        self.shown_mask = (0..n)
            .map(|i| self.prefs.filter.matches(dataset, i))
            .collect();
        self.table_rows = (0..n).filter(|&i| self.shown_mask[i]).collect();
        sort_rows(dataset, &mut self.table_rows, self.table_sort);
        if self.selected().is_some_and(|s| !self.is_shown(s)) {
            self.selected = None;
        }
        self.refresh_views();
    }

    /// The selected zone's details (computed when it was selected, not per frame).
    pub fn details(&self) -> Option<&ZoneDetails> {
        self.details.as_ref()
    }

    /// The statistics of the zones the filter shows, while the window is open.
    pub fn stats(&self) -> Option<&StatsView> {
        self.stats.as_ref()
    }

    /// After the selection, the data, the filter or the language changed: the views follow.
    fn refresh_views(&mut self) {
        self.details = self
            .selected
            .and_then(|id| ZoneDetails::of(&self.store, id));
        self.stats = self
            .show_stats
            .then(|| StatsView::of(&self.store, &self.table_rows));
    }

    /// The label cache of the zones, for the map to fill.
    pub fn label_widths(&self) -> &std::cell::RefCell<Vec<f32>> {
        self.store.label_widths()
    }
}
