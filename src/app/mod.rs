//! The application: state, the commands that change it, and the frame that lays out the panels.
//! UI functions return [`Command`]s; they are applied once per frame, after drawing.

mod context;
mod database;
mod db_restore;
mod db_sources;
mod derived;
mod loader;
mod startup;

use std::path::PathBuf;

use egui::{CentralPanel, Context, Key, Panel, Rect, Ui};
use walkers::{Map, MapMemory, lon_lat};

use crate::i18n::{self, Lang};
use crate::io::{self, LoadReport};
use crate::kiosk::{Flight, Idle};
use crate::map::ViewTransform;
use crate::map::context_layer::ContextPlugin;
use crate::map::overlays::{self, ZoomAction};
use crate::map::style::{PLAIN_BACKGROUND, zone_colors};
use crate::map::tiles::{BaseMap, TileChoice, TileStatus};
use crate::map::zones_layer::{CellTexture, LayerOutput, ZonesLayer};
use crate::model::{Dataset, DbOrigin, SourceFile, Zone, union, union_all};
use crate::settings::Settings;
use crate::spatial::BandMeshes;
use crate::spatial::mercator::{to_lon_lat, to_world, zoom_to_fit};
use crate::t;
use crate::ui;
use derived::Derived;
use loader::{FileStamp, Finished, LoadJob, LoadMessage};

pub use db_restore::{SavedDatabase, SavedTable};

/// The embedded Dijon métropole dataset (schematic outlines, sourced figures; see data/README.md).
pub const EMBEDDED_DATASET: &[u8] = include_bytes!("../../data/dijon-zones.geojson");
pub const EMBEDDED_NAME: &str = "Dijon métropole (embedded dataset)";
/// How often open files are checked for changes on disk.
const WATCH_EVERY: std::time::Duration = std::time::Duration::from_millis(500);
/// The interface also compares stamps itself this often when it draws anyway (a change the
/// watcher thread could not report).
const WATCH_FALLBACK: std::time::Duration = std::time::Duration::from_secs(5);
/// Centre of Dijon, where the map starts before it is fitted to the zones.
const DIJON: (f64, f64) = (5.0415, 47.3220);

/// How the app starts.
#[derive(Clone, Debug)]
pub struct AppConfig {
    /// Files to open; when empty, the embedded dataset is shown.
    pub files: Vec<PathBuf>,
    pub tiles: TileChoice,
    /// On-disk tile cache; `None` keeps tiles in memory only.
    pub tile_cache: Option<PathBuf>,
    /// Language, scale, cache limit, kiosk (from the config file or the last session).
    pub settings: Settings,
    /// Start in kiosk mode (`--kiosk`, or `[kiosk] enabled` in the config file).
    pub kiosk: bool,
    /// Tests: serve the base map presets (OpenStreetMap, IGN) from this origin, e.g.
    /// `http://127.0.0.1:8080`, instead of their own servers.
    #[doc(hidden)]
    pub tile_origin: Option<String>,
    /// Where the remembered settings are written (atomically); `None`: eframe's storage.
    pub settings_file: Option<PathBuf>,
    /// The settings file could not be read at start and was set aside (said once).
    pub settings_set_aside: Option<crate::settings_store::SetAside>,
    /// Where crash reports are written: one not yet shown is said at start (not in kiosk).
    pub crash_dir: Option<PathBuf>,
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            files: Vec::new(),
            tiles: TileChoice::OpenStreetMap,
            tile_cache: crate::map::tiles::default_cache_dir(),
            settings: Settings::default(),
            kiosk: false,
            tile_origin: None,
            settings_file: None,
            settings_set_aside: None,
            crash_dir: None,
        }
    }
}

/// What the app remembers across restarts (eframe persistence).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Persisted {
    /// Map centre (lon, lat) and zoom.
    pub view: Option<((f64, f64), f64)>,
    pub style: crate::map::style::StyleMode,
    pub filter: crate::filter::ZoneFilter,
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

/// Key of [`Persisted`] in eframe's storage.
pub const STORAGE_KEY: &str = "zae-atlas";
const MAX_RECENT: usize = 10;

/// Something the user asked for; applied between frames.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Select(Option<usize>),
    /// Select a zone and fly to it.
    Focus(usize),
    /// Open files; a GeoPackage (or zip) of several tables asks which first.
    Open(Vec<PathBuf>),
    /// Open these files and tables as they are (the tables were chosen).
    OpenChosen(Vec<PathBuf>),
    /// The table chooser was closed without opening anything.
    CancelLayerChoice,
    OpenDialog,
    CloseFile(usize),
    ShowReport(Option<usize>),
    FitAll,
    Zoom(ZoomAction),
    RetryTiles,
    CancelLoad,
    DismissError(usize),
    OpenUrl(String),
    /// Ask where to save, then export the zones of the active filter ("csv" or "geojson").
    ExportDialog(&'static str),
    /// Export the zones of the active filter to this file.
    Export(PathBuf),
    /// Ask where to save, then write the current map view as PNG.
    ExportPngDialog,
    /// Write the current map view as PNG (from the next rendered frame).
    ExportPng(PathBuf),
    SetFilter(crate::filter::ZoneFilter),
    ToggleTable,
    ToggleStats,
    /// Start measuring (distance or area), or stop.
    Measure(Option<crate::measure::MeasureMode>),
    SetStyle(crate::map::style::StyleMode),
    SetLang(Lang),
    /// Enter (true) or leave kiosk mode.
    SetKiosk(bool),
    ToggleSettings,
    /// Help ▸ About: open or close the About box.
    ToggleAbout,
    SetSettings(Box<Settings>),
    /// Ask for a PMTiles file, then use it as the base map.
    OpenBaseMapDialog,
    SetTiles(TileChoice),
    /// File ▸ Connect to database…
    DbDialog,
    /// Connect and list the tables (password given in the dialog, kept in memory only).
    DbConnect {
        url: String,
        password: crate::db::Secret,
    },
    /// Ask for the CA file of the database server (the dialog's TLS choice).
    DbCaDialog,
    /// Read tables of a listed database (`url` without password).
    DbOpen {
        url: String,
        tables: Vec<crate::db::TableRef>,
    },
    /// Show (true) or hide the context layer drawn when there is no base map.
    ShowContext(bool),
    /// Ask for a polygon file to use as the context layer.
    ContextDialog,
    /// Use this polygon file as the context layer; `None`: the communes of the métropole.
    SetContextFile(Option<PathBuf>),
    /// Read a database source again (one, or all when `None`).
    DbRefresh(Option<usize>),
    /// Connect again after the connection was lost, and read again.
    DbRetry,
    Quit,
}

/// Kiosk mode's state: the idle clock, the tour's zones, the PIN prompt.
struct KioskState {
    idle: Idle,
    /// The PIN typed so far, when the prompt to leave is open; and whether a wrong one was.
    exit: Option<(String, bool)>,
}

pub struct ZaeApp {
    pub dataset: Dataset,
    /// The settings file, and a crash report to tell of (see `startup.rs`).
    startup: startup::Startup,
    /// The kept (coarse) bands of every zone's mesh, in zone order.
    meshes: Vec<BandMeshes>,
    /// Detailed bands, built for the zones in view.
    detail: crate::spatial::DetailMeshes,
    plot_meshes: Vec<BandMeshes>,
    derived: Derived,
    selected: Option<usize>,
    hovered: Option<usize>,
    map_memory: MapMemory,
    base_map: BaseMap,
    /// Bounds (lon/lat min, max) to fit the view to in the next frame, when its size is known.
    pending_fit: Option<geo::Rect<f64>>,
    /// When each open file was read (modification time, size), to notice changes.
    stamps: std::collections::HashMap<PathBuf, FileStamp>,
    last_watch: std::time::Instant,
    /// Tells when an open file changed on disk.
    watcher: loader::FileWatcher,
    /// A change was seen during a load.
    pending_watch: bool,
    /// Bounds of what the current load has brought so far.
    load_bounds: Option<geo::Rect<f64>>,
    last_layer: LayerOutput,
    /// The zones merged into screen cells, as a texture kept between frames.
    cell_texture: CellTexture,
    /// Width of each zone's label, measured when first needed.
    label_widths: Vec<f32>,
    /// `ZAE_ATLAS_FRAME_RATE=1`: draw continuously and log the frame rate (a measurement aid).
    frame_rate: Option<FrameRate>,
    loader: Option<LoadJob>,
    /// Messages for the user (files that could not be opened...).
    pub errors: Vec<String>,
    report_window: Option<usize>,
    commands: Vec<Command>,
    search: ui::search::SearchState,
    /// Built on the first search after the data changed (parsing every zone's tenants takes
    /// ~0.65 s at 100,000 zones: not at every load).
    search_index: Option<crate::search::SearchIndex>,
    /// The planner's filter; the map, table and exports follow it.
    filter: crate::filter::ZoneFilter,
    /// Zones passing the filter: a mask by zone, and the table's rows (sorted).
    shown_mask: Vec<bool>,
    table_rows: Vec<usize>,
    table_sort: ui::table::TableSort,
    show_table: bool,
    show_stats: bool,
    /// The measure tool: what it measures and the points clicked so far.
    measure: Option<(crate::measure::MeasureMode, Vec<(f64, f64)>)>,
    style: crate::map::style::StyleMode,
    /// Result of a PNG export, written by the screenshot callback.
    png_result: std::sync::Arc<std::sync::Mutex<Option<Result<String, String>>>>,
    /// Recently opened files, most recent first.
    recent: Vec<PathBuf>,
    /// The view was restored: do not fit it to the files as they load.
    keep_view: bool,
    /// A zone to highlight on the map (hovered bar of a chart).
    pub highlight: Option<usize>,
    /// The selection changed since the table last scrolled to it.
    selection_moved: bool,
    /// A message for the status bar (export written...).
    pub notice: Option<String>,
    settings: Settings,
    show_settings: bool,
    show_about: bool,
    /// HTTP cache usage, read when the Settings window opens.
    cache_usage: Option<(u64, usize, String)>,
    tile_cache: Option<PathBuf>,
    tile_origin: Option<String>,
    kiosk: Option<KioskState>,
    /// An animated move of the view (the kiosk's tour).
    flight: Option<Flight>,
    /// The map's rectangle in the last frame (to aim flights).
    map_rect: Option<Rect>,
    /// Database sessions, the worker reading tables, the lost-connection banner.
    databases: database::Databases,
    db_dialog: ui::db_dialog::DbDialog,
    /// Remembered database tables not read back yet (see `db_restore.rs`).
    db_reopen: db_restore::PendingReopen,
    /// Boundaries and names drawn under the zones when no base map shows.
    context: context::ContextState,
    /// Files of several tables waiting for the user to pick which (File ▸ Open, drop).
    layer_choice: Option<ui::layer_chooser::LayerChoice>,
}

impl ZaeApp {
    /// Starts from what was remembered: the files that were open (when no file is given on the
    /// command line), the view, style, filter and recent files.
    pub fn restore(ctx: &Context, mut config: AppConfig, saved: Option<Persisted>) -> Self {
        let Some(saved) = saved else {
            return Self::new(ctx, config);
        };
        let restore_files =
            config.files.is_empty() && (!saved.open_files.is_empty() || !saved.embedded_open);
        if restore_files {
            config.files = saved
                .open_files
                .iter()
                .filter(|p| p.exists())
                .cloned()
                .collect();
        }
        let will_load = !config.files.is_empty();
        // The embedded dataset when it was open, when no file was restored, or when none of the
        // remembered files exists any more (never an empty map).
        let embedded = !restore_files
            || saved.embedded_open
            || (!will_load && saved.open_databases.is_empty());
        let mut app = Self::new_inner(ctx, config, embedded);
        app.style = saved.style;
        app.filter = saved.filter;
        app.recent = saved.recent_files;
        app.show_table = saved.show_table;
        app.db_dialog.recent = saved.recent_databases;
        app.reopen_databases(saved.open_databases, ctx);
        let (context, error) =
            context::ContextState::open(saved.context_file.as_ref(), saved.context_hidden);
        app.context = context;
        app.errors.extend(error);
        app.derived = Derived::build(&app.dataset, app.style);
        app.refilter();
        if let Some(((lon, lat), zoom)) = saved.view {
            app.map_memory.center_at(lon_lat(lon, lat));
            let _ = app.map_memory.set_zoom(zoom);
            app.pending_fit = None;
            app.keep_view = will_load;
        }
        app
    }

    /// What to remember now.
    pub fn persisted(&self) -> Persisted {
        Persisted {
            view: self.last_layer.view.map(|v| {
                let (lon, lat) = v.screen_to_lon_lat(v.rect.center());
                ((lon, lat), v.zoom)
            }),
            style: self.style,
            filter: self.filter.clone(),
            open_files: self
                .dataset
                .files
                .iter()
                .filter_map(|f| f.path.clone())
                .collect(),
            embedded_open: self
                .dataset
                .files
                .iter()
                .any(|f| f.path.is_none() && f.database.is_none()),
            recent_files: self.recent.clone(),
            show_table: self.show_table,
            // The kiosk PIN stays in the booth's config file: never in the remembered settings.
            settings: Settings {
                kiosk: crate::kiosk::KioskSettings {
                    pin: None,
                    ..self.settings.kiosk.clone()
                },
                ..self.settings.clone()
            },
            recent_databases: self.db_dialog.recent.clone(),
            context_hidden: self.context.hidden,
            context_file: self.context.file().cloned(),
            open_databases: self.databases_to_remember(),
        }
    }

    pub fn new(ctx: &Context, config: AppConfig) -> Self {
        let embedded = config.files.is_empty();
        Self::new_inner(ctx, config, embedded)
    }

    fn new_inner(ctx: &Context, config: AppConfig, embedded: bool) -> Self {
        let mut app = Self {
            dataset: Dataset::default(),
            meshes: Vec::new(),
            detail: {
                let ctx = ctx.clone();
                crate::spatial::DetailMeshes::new(
                    crate::spatial::DETAIL_VERTEX_BUDGET,
                    std::sync::Arc::new(move || ctx.request_repaint()),
                )
            },
            plot_meshes: Vec::new(),
            derived: Derived::default(),
            selected: None,
            hovered: None,
            map_memory: MapMemory::default(),
            base_map: BaseMap::new_at(
                config.tiles.clone(),
                config.tile_cache.clone(),
                config.tile_origin.clone(),
                &crate::identity::user_agent(config.settings.contact.as_deref()),
                ctx,
            ),
            pending_fit: None,
            load_bounds: None,
            stamps: std::collections::HashMap::new(),
            last_watch: std::time::Instant::now(),
            watcher: loader::FileWatcher::start(ctx.clone(), WATCH_EVERY),
            pending_watch: false,
            last_layer: LayerOutput::default(),
            cell_texture: CellTexture::default(),
            label_widths: Vec::new(),
            frame_rate: std::env::var_os("ZAE_ATLAS_FRAME_RATE").map(|_| FrameRate::default()),
            loader: None,
            errors: Vec::new(),
            report_window: None,
            commands: Vec::new(),
            search: ui::search::SearchState::default(),
            search_index: None,
            filter: crate::filter::ZoneFilter::default(),
            shown_mask: Vec::new(),
            table_rows: Vec::new(),
            table_sort: ui::table::TableSort::default(),
            show_table: false,
            show_stats: false,
            measure: None,
            style: crate::map::style::StyleMode::default(),
            highlight: None,
            recent: Vec::new(),
            png_result: Default::default(),
            keep_view: false,
            selection_moved: false,
            notice: None,
            settings: config.settings.clone(),
            show_settings: false,
            show_about: false,
            cache_usage: None,
            tile_cache: config.tile_cache.clone(),
            tile_origin: config.tile_origin.clone(),
            kiosk: None,
            flight: None,
            map_rect: None,
            databases: database::Databases::default(),
            db_dialog: ui::db_dialog::DbDialog::default(),
            db_reopen: db_restore::PendingReopen::default(),
            context: context::ContextState::open(None, false).0,
            layer_choice: None,
            startup: startup::Startup::default(),
        };
        i18n::set_lang(app.settings.lang());
        app.startup = startup::Startup::new(&config, &mut app.errors);
        ctx.set_zoom_factor(app.settings.ui_scale);
        app.note_base_map_error();
        app.trim_tile_cache();
        if config.kiosk {
            app.set_kiosk(true, ctx);
        }
        app.map_memory.center_at(lon_lat(DIJON.0, DIJON.1));
        let _ = app.map_memory.set_zoom(11.0);
        if embedded {
            app.load_embedded();
        }
        if !config.files.is_empty() {
            app.commands.push(Command::Open(config.files));
        }
        app
    }

    /// The embedded dataset is small (a few dozen zones): read it right away, so the first
    /// frame already shows the zones.
    fn load_embedded(&mut self) {
        match io::load_bytes(EMBEDDED_NAME, EMBEDDED_DATASET, &mut |_| true) {
            Ok(mut file) => {
                // Never stopped: the progress callback always goes on.
                let (zones, plots) =
                    loader::mesh_loaded(&mut file, &mut |_| true).unwrap_or_default();
                self.add_file(None, file, zones, plots);
            }
            Err(e) => self
                .errors
                .push(t!("error-embedded", error = e.to_string())),
        }
    }

    fn add_file(
        &mut self,
        path: Option<PathBuf>,
        file: io::LoadedFile,
        zone_meshes: Vec<BandMeshes>,
        plot_meshes: Vec<BandMeshes>,
    ) {
        let name = path
            .as_deref()
            .map(io::display_name)
            .unwrap_or_else(|| EMBEDDED_NAME.to_string());
        self.add_source(name, path, None, file, zone_meshes, plot_meshes);
    }

    /// Adds a file, the embedded dataset or a database table; fits the view to what it brought
    /// (unless the view was restored, or the table was read only where the map looks).
    fn add_source(
        &mut self,
        name: String,
        path: Option<PathBuf>,
        database: Option<DbOrigin>,
        file: io::LoadedFile,
        zone_meshes: Vec<BandMeshes>,
        plot_meshes: Vec<BandMeshes>,
    ) {
        let read_by_area = database.as_ref().is_some_and(|d| d.fetched.is_some());
        let bounds = union_all(
            file.zones
                .iter()
                .map(|z| z.bbox)
                .chain(file.plots.iter().map(|p| p.bbox))
                .chain(
                    file.establishments
                        .iter()
                        .map(|e| geo::Rect::new((e.lon, e.lat), (e.lon, e.lat))),
                ),
        );
        self.dataset.add_file(
            SourceFile {
                name,
                path,
                report: file.report,
                database,
            },
            file.zones,
            file.plots,
            file.establishments,
        );
        self.meshes.extend(zone_meshes);
        self.plot_meshes.extend(plot_meshes);
        self.data_changed();
        if let Some(path) = self.dataset.files.last().and_then(|f| f.path.clone()) {
            self.recent.retain(|p| p != &path);
            self.recent.insert(0, path);
            self.recent.truncate(MAX_RECENT);
        }
        // Fit to everything this load brought (all files of one Open or drop), unless the view
        // was restored from the last session.
        if let Some(bounds) = bounds.filter(|_| !read_by_area) {
            let merged = self
                .load_bounds
                .map_or(bounds, |loaded| union(loaded, bounds));
            self.load_bounds = Some(merged);
            if !self.keep_view {
                self.pending_fit = Some(merged);
            }
        }
    }

    /// Drops the meshes of file `index`'s zones and plots; call just before the dataset drops
    /// them, so meshes stay in step with zones.
    fn drop_meshes_of(&mut self, index: usize) {
        let mut zones = self.dataset.zones.iter();
        self.meshes
            .retain(|_| zones.next().is_none_or(|z| z.file != index));
        let mut plots = self.dataset.plots.iter();
        self.plot_meshes
            .retain(|_| plots.next().is_none_or(|p| p.file != index));
    }

    /// A file open already was read again after it changed on disk: its zones, plots and
    /// tenants are replaced; the selection stays on the same zone id when it still exists.
    fn replace_file(&mut self, index: usize, loaded: loader::Loaded) {
        self.replace_source(index, loaded.file, loaded.zone_meshes, loaded.plot_meshes);
        self.notice = Some(t!(
            "notice-reloaded",
            name = &self.dataset.files[index].name
        ));
    }

    /// Replaces what source `index` held by a new reading of it; the selection stays on the
    /// same zone id when it still exists.
    fn replace_source(
        &mut self,
        index: usize,
        file: io::LoadedFile,
        zone_meshes: Vec<BandMeshes>,
        plot_meshes: Vec<BandMeshes>,
    ) {
        let selected_id = self.selected_zone().map(|z| z.id.clone());
        self.drop_meshes_of(index);
        self.dataset.replace_file(
            index,
            file.report,
            file.zones,
            file.plots,
            file.establishments,
        );
        self.meshes.extend(zone_meshes);
        self.plot_meshes.extend(plot_meshes);
        self.selected = selected_id.and_then(|id| self.dataset.zone_index_by_id(&id));
        self.data_changed();
    }

    /// After zones were added, replaced or removed: what is computed from them follows (index,
    /// draw order, colours, detailed meshes, search index, filter).
    fn data_changed(&mut self) {
        let started = std::time::Instant::now();
        self.derived = Derived::build(&self.dataset, self.style);
        self.label_widths.clear();
        log::info!(
            "index, draw order and colours of {} zones rebuilt in {:.0} ms",
            self.dataset.zones.len(),
            started.elapsed().as_secs_f64() * 1000.0
        );
        self.detail.clear();
        self.search_index = None;
        self.refilter();
        self.rewatch();
    }

    /// Tells the watcher thread the open files and when they were read (after a load, a reload,
    /// a close), rather than every frame.
    fn rewatch(&self) {
        let paths: Vec<(PathBuf, FileStamp)> = self
            .dataset
            .files
            .iter()
            .filter_map(|f| f.path.clone())
            .filter_map(|p| self.stamps.get(&p).map(|s| (p, *s)))
            .collect();
        self.watcher.watch(paths);
    }

    /// Reloads the open files that changed on disk (the watcher thread says when to look).
    fn watch_files(&mut self, ctx: &Context) {
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
            .dataset
            .files
            .iter()
            .filter_map(|f| f.path.clone())
            .filter(|p| loader::stamp(p).is_some_and(|s| self.stamps.get(p) != Some(&s)))
            .collect();
        if !changed.is_empty() {
            self.loader = Some(LoadJob::start(changed, ctx.clone(), true));
        }
    }

    /// Recomputes which zones pass the filter, and the table rows.
    fn refilter(&mut self) {
        let n = self.dataset.zones.len();
        self.shown_mask = (0..n)
            .map(|i| self.filter.matches(&self.dataset, i))
            .collect();
        self.table_rows = (0..n).filter(|&i| self.shown_mask[i]).collect();
        ui::table::sort_rows(&self.dataset, &mut self.table_rows, self.table_sort);
        if self.selected.is_some_and(|s| !self.is_shown(s)) {
            self.selected = None;
        }
    }

    /// The zone passes the active filter.
    pub fn is_shown(&self, zone: usize) -> bool {
        self.shown_mask.get(zone).copied().unwrap_or(true)
    }

    /// The table's rows: zones of the active filter, in the table's order.
    pub fn table_rows(&self) -> &[usize] {
        &self.table_rows
    }

    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    pub fn selected_zone(&self) -> Option<&Zone> {
        self.selected.and_then(|i| self.dataset.zones.get(i))
    }

    /// How the map was drawn in the last frame (for tests and tools: where is a place on screen).
    pub fn view(&self) -> Option<ViewTransform> {
        self.last_layer.view
    }

    /// The zone under a screen position in the last frame's view, if any.
    pub fn zone_at(&self, pos: egui::Pos2) -> Option<usize> {
        let view = self.last_layer.view?;
        if !view.rect.contains(pos) {
            return None;
        }
        let (lon, lat) = view.screen_to_lon_lat(pos);
        self.derived.index.hit(&self.dataset.zones, lon, lat)
    }

    pub fn zones_drawn(&self) -> usize {
        self.last_layer.zones_drawn
    }

    /// The kept meshes of the zones, in zone order.
    pub fn zone_meshes(&self) -> &[BandMeshes] {
        &self.meshes
    }

    /// The detailed meshes built for the zones in view.
    pub fn detail_meshes(&self) -> &crate::spatial::DetailMeshes {
        &self.detail
    }

    /// The measure tool's current result, as shown (e.g. "Area: 12.35 ha").
    pub fn measure_text(&self) -> Option<String> {
        self.measure
            .as_ref()
            .map(|(mode, points)| overlays::measure_text(*mode, points))
    }

    /// What the zones layer drew in the last frame (zones, cells, triangles, outlines, labels).
    pub fn layer_stats(&self) -> &LayerOutput {
        &self.last_layer
    }

    /// Times the cell image of the zones layer was uploaded to the GPU.
    pub fn cell_uploads(&self) -> usize {
        self.cell_texture.uploads
    }

    pub fn tile_status(&self) -> TileStatus {
        self.base_map.status()
    }

    /// The base map in use.
    pub fn base_map_choice(&self) -> &TileChoice {
        self.base_map.choice()
    }

    pub fn tile_requests(&self) -> usize {
        self.base_map.requested()
    }

    pub fn is_loading(&self) -> bool {
        self.loader.is_some() || self.databases.busy()
    }

    pub fn reports(&self) -> impl Iterator<Item = &LoadReport> {
        self.dataset.files.iter().map(|f| &f.report)
    }

    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    fn poll_loader(&mut self, ctx: &Context) {
        let Some(job) = &mut self.loader else { return };
        let mut finished = Vec::new();
        let done = loop {
            match job.poll() {
                Ok(Some(m)) => finished.push(m),
                Ok(None) => break false,
                Err(()) => break true,
            }
        };
        let reload = job.reload;
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
                    let open_at = self
                        .dataset
                        .files
                        .iter()
                        .position(|f| f.path.as_deref() == Some(&path));
                    match open_at.filter(|_| reload) {
                        Some(index) => self.replace_file(index, loaded),
                        None => self.add_file(
                            Some(loaded.path),
                            loaded.file,
                            loaded.zone_meshes,
                            loaded.plot_meshes,
                        ),
                    }
                }
                // The user asked for it: not an error.
                LoadMessage::Failed(io::LoadError::Cancelled { .. }) => {}
                LoadMessage::Failed(e) if reload => {
                    self.errors.push(t!("error-reload", error = e.to_string()))
                }
                LoadMessage::Failed(e) => self.errors.push(e.to_string()),
            }
            // A reload that failed has a new stamp too.
            self.rewatch();
        }
        if done {
            self.keep_view = false;
            self.loader = None;
            self.load_bounds = None;
        } else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn apply(&mut self, command: Command, ctx: &Context) {
        match command {
            Command::Select(i) => {
                self.selected = i.filter(|&i| i < self.dataset.zones.len());
                self.selection_moved = true;
            }
            Command::Focus(i) => {
                if let Some(zone) = self.dataset.zones.get(i) {
                    self.selected = Some(i);
                    self.selection_moved = true;
                    self.pending_fit = Some(zone.bbox);
                }
            }
            Command::Open(paths) => match ui::layer_chooser::LayerChoice::of(&paths) {
                Some(choice) => self.layer_choice = Some(choice),
                None => self.apply(Command::OpenChosen(paths), ctx),
            },
            Command::CancelLayerChoice => self.layer_choice = None,
            Command::OpenChosen(paths) => {
                self.layer_choice = None;
                if let Some(job) = &self.loader {
                    job.cancel();
                }
                self.load_bounds = None;
                self.loader = Some(LoadJob::start(paths, ctx.clone(), false));
            }
            Command::OpenDialog => {
                let picked = rfd::FileDialog::new()
                    .set_title(t!("dialog-open-title"))
                    .add_filter(
                        t!("dialog-all-supported"),
                        &["geojson", "json", "csv", "gpkg", "shp", "zip", "fgb"],
                    )
                    .add_filter("GeoJSON", &["geojson", "json"])
                    .add_filter("GeoPackage", &["gpkg"])
                    .add_filter("Shapefile", &["shp", "zip"])
                    .add_filter("FlatGeobuf", &["fgb"])
                    .add_filter("CNIG CSV", &["csv"])
                    .add_filter(t!("dialog-all-files"), &["*"])
                    .pick_files();
                if let Some(paths) = picked.filter(|p| !p.is_empty()) {
                    self.apply(Command::Open(paths), ctx);
                }
            }
            Command::CloseFile(i) => {
                if i < self.dataset.files.len() {
                    self.drop_meshes_of(i);
                    self.dataset.remove_file(i);
                    self.selected = None;
                    self.report_window = None;
                    self.data_changed();
                }
            }
            Command::ShowReport(i) => self.report_window = i,
            Command::FitAll => {
                self.pending_fit = self.dataset.bounds();
            }
            Command::Zoom(ZoomAction::In) => {
                let _ = self.map_memory.zoom_in();
            }
            Command::Zoom(ZoomAction::Out) => {
                let _ = self.map_memory.zoom_out();
            }
            Command::Zoom(ZoomAction::FitAll) => self.apply(Command::FitAll, ctx),
            Command::RetryTiles => self.base_map.connect(ctx),
            Command::CancelLoad => {
                if let Some(job) = &self.loader {
                    job.cancel();
                }
                self.databases.cancel();
            }
            Command::DismissError(i) => {
                if i < self.errors.len() {
                    self.errors.remove(i);
                }
            }
            // The booth never opens a browser: its zone cards carry QR codes instead.
            Command::OpenUrl(_) if self.kiosk.is_some() => {}
            Command::OpenUrl(url) if !crate::io::untrusted::is_web_link(&url) => {
                log::warn!("not opened (only http and https links open): {url}");
            }
            Command::OpenUrl(url) => ctx.open_url(egui::OpenUrl::new_tab(url)),
            Command::ExportDialog(ext) => {
                let picked = rfd::FileDialog::new()
                    .set_title(t!("dialog-export-title"))
                    .set_file_name(format!("zones.{ext}"))
                    .add_filter(ext, &[ext])
                    .save_file();
                if let Some(path) = picked {
                    self.apply(Command::Export(path), ctx);
                }
            }
            Command::Export(path) => match io::export::export(
                self.dataset
                    .zones
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| self.is_shown(*i))
                    .map(|(_, z)| z),
                &path,
            ) {
                Ok(n) => {
                    self.notice = Some(t!(
                        "notice-exported",
                        n = n,
                        path = path.display().to_string()
                    ))
                }
                Err(e) => self.errors.push(e.to_string()),
            },
            Command::ExportPngDialog => {
                if let Some(path) = rfd::FileDialog::new()
                    .set_title(t!("dialog-png-title"))
                    .set_file_name("map.png")
                    .add_filter("PNG", &["png"])
                    .save_file()
                {
                    self.apply(Command::ExportPng(path), ctx);
                }
            }
            Command::ExportPng(path) => {
                let Some(rect) = self.last_layer.view.map(|v| v.rect) else {
                    return;
                };
                let ppp = ctx.pixels_per_point();
                let result = self.png_result.clone();
                let repaint = ctx.clone();
                let lang = i18n::lang();
                ctx.request_screenshot(move |image| {
                    i18n::set_lang(lang);
                    let view = image.region(&rect, Some(ppp));
                    let [w, h] = view.size;
                    let rgba: Vec<u8> = view.pixels.iter().flat_map(|c| c.to_array()).collect();
                    let outcome = io::export::write_png(&path, w as u32, h as u32, rgba)
                        .map(|()| {
                            t!(
                                "notice-png",
                                path = path.display().to_string(),
                                w = w,
                                h = h
                            )
                        })
                        .map_err(|e| e.to_string());
                    if let Ok(mut slot) = result.lock() {
                        *slot = Some(outcome);
                    }
                    repaint.request_repaint();
                });
            }
            Command::SetFilter(filter) => {
                self.filter = filter;
                self.refilter();
            }
            Command::ToggleTable => self.show_table = !self.show_table,
            Command::ToggleStats => self.show_stats = !self.show_stats,
            Command::Measure(mode) => self.measure = mode.map(|m| (m, Vec::new())),
            Command::SetStyle(style) => {
                // Only the colours depend on the style; the index and draw order stay.
                self.style = style;
                (self.derived.colors, self.derived.legend) =
                    zone_colors(&self.dataset.zones, style);
            }
            Command::SetLang(lang) => {
                self.settings.language = Some(lang);
                self.relabel();
            }
            Command::SetKiosk(on) => self.set_kiosk(on, ctx),
            Command::ToggleAbout => self.show_about = !self.show_about,
            Command::ToggleSettings => {
                self.show_settings = !self.show_settings;
                if self.show_settings {
                    self.cache_usage = self.tile_cache.as_ref().map(|dir| {
                        let (bytes, n) = crate::map::tiles::cache_usage(dir);
                        (bytes, n, dir.display().to_string())
                    });
                }
            }
            Command::SetSettings(settings) => {
                let settings = settings.sanitized();
                let relabel = settings.lang() != self.settings.lang();
                let trim = settings.cache_limit_mb < self.settings.cache_limit_mb;
                if settings.ui_scale != self.settings.ui_scale && self.kiosk.is_none() {
                    ctx.set_zoom_factor(settings.ui_scale);
                }
                self.settings = settings;
                if let Some(kiosk) = &mut self.kiosk {
                    kiosk.idle.settings = self.settings.kiosk.clone();
                }
                if relabel {
                    self.relabel();
                }
                if trim {
                    self.trim_tile_cache();
                }
            }
            Command::OpenBaseMapDialog => {
                if let Some(path) = rfd::FileDialog::new()
                    .set_title(t!("dialog-pmtiles-title"))
                    .add_filter("PMTiles", &["pmtiles"])
                    .pick_file()
                {
                    self.apply(Command::SetTiles(TileChoice::PmTiles(path)), ctx);
                }
            }
            Command::SetTiles(choice) => {
                self.settings.tiles = Some(choice.to_arg());
                self.base_map = BaseMap::new_at(
                    choice,
                    self.tile_cache.clone(),
                    self.tile_origin.clone(),
                    &crate::identity::user_agent(self.settings.contact.as_deref()),
                    ctx,
                );
                self.note_base_map_error();
            }
            Command::DbDialog => self.db_dialog.show(None),
            Command::DbConnect { url, password } => self.db_connect(&url, Some(password), ctx),
            Command::DbOpen { url, tables } => self.db_open(&url, tables, ctx),
            Command::DbCaDialog => self.db_ca_dialog(),
            Command::DbRefresh(which) => self.db_refresh(which, false, ctx),
            Command::DbRetry => {
                self.db_refresh(None, true, ctx);
                self.retry_reopen(ctx);
            }
            Command::ShowContext(_) | Command::ContextDialog | Command::SetContextFile(_) => {
                self.apply_context(command)
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Labels computed ahead of time (legend, sorted table) follow a change of language.
    fn relabel(&mut self) {
        i18n::set_lang(self.settings.lang());
        (self.derived.colors, self.derived.legend) = zone_colors(&self.dataset.zones, self.style);
        ui::table::sort_rows(&self.dataset, &mut self.table_rows, self.table_sort);
    }

    /// A base map that could not be used (a broken PMTiles file) is said once, by name.
    fn note_base_map_error(&mut self) {
        if let Some(e) = self.base_map.error() {
            self.errors.push(e.to_string());
        }
    }

    /// Trims the HTTP tile cache to the limit, on a background thread (it reads the whole index).
    fn trim_tile_cache(&self) {
        let Some(dir) = self.tile_cache.clone().filter(|d| d.exists()) else {
            return;
        };
        let limit = self.settings.cache_limit_mb.saturating_mul(1_000_000);
        let spawned = std::thread::Builder::new()
            .name("tile-cache-trim".into())
            .spawn(move || {
                let removed = crate::map::tiles::trim_cache(&dir, limit);
                if removed > 0 {
                    log::info!("tile cache {}: {removed} bytes removed", dir.display());
                }
            });
        if let Err(e) = spawned {
            log::warn!("tile cache trim not started: {e}");
        }
    }

    /// Enters or leaves kiosk mode: fullscreen, the kiosk's interface scale, no menus.
    fn set_kiosk(&mut self, on: bool, ctx: &Context) {
        if on == self.kiosk.is_some() {
            return;
        }
        if on {
            let now = ctx.input(|i| i.time);
            self.kiosk = Some(KioskState {
                idle: Idle::new(self.settings.kiosk.clone(), now),
                exit: None,
            });
            self.show_settings = false;
            self.show_about = false;
            self.show_stats = false;
            self.measure = None;
            self.report_window = None;
            ctx.set_zoom_factor(self.settings.kiosk.ui_scale);
            // Light, like the map: the card reads well under a stand's lights.
            ctx.set_theme(egui::ThemePreference::Light);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
            self.pending_fit = self.dataset.bounds();
        } else {
            self.kiosk = None;
            self.flight = None;
            ctx.set_zoom_factor(self.settings.ui_scale);
            ctx.set_theme(egui::ThemePreference::System);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
    }

    pub fn is_kiosk(&self) -> bool {
        self.kiosk.is_some()
    }

    /// The kiosk's phase (for tests and the soak run).
    pub fn kiosk_phase(&self) -> Option<crate::kiosk::Phase> {
        self.kiosk.as_ref().map(|k| k.idle.phase())
    }

    /// The tour's stop `k`: zones passing the filter, largest declared surface first. Sorted
    /// when the tour moves on (every few seconds), not every frame.
    fn tour_stop(&self, k: usize) -> Option<usize> {
        let mut stops = self.table_rows.clone();
        let surface = |i: usize| self.dataset.zones[i].surface_declared_ha.unwrap_or(0.0);
        stops.sort_by(|&a, &b| surface(b).total_cmp(&surface(a)).then(a.cmp(&b)));
        stops.get(k).copied()
    }

    /// A smooth flight from the current view to fit `bounds`.
    fn fly_to(&mut self, bounds: geo::Rect<f64>, now: f64) {
        let Some(rect) = self.map_rect else {
            self.pending_fit = Some(bounds);
            return;
        };
        let (target, zoom) = fit_of(bounds, rect);
        let from = match self.last_layer.view {
            Some(v) => {
                let (lon, lat) = v.screen_to_lon_lat(v.rect.center());
                (to_world(lon, lat), v.zoom)
            }
            None => (target, zoom),
        };
        self.flight = Some(Flight {
            from,
            to: (target, zoom),
            start: now,
            duration: self.settings.kiosk.flight_seconds,
        });
    }

    /// Kiosk mode, once a frame before drawing: input resets the idle clock; the countdown,
    /// the reset and the tour follow it.
    fn kiosk_tick(&mut self, ctx: &Context) {
        let Some(kiosk) = &mut self.kiosk else { return };
        let (now, touched) = ctx.input(|i| (i.time, i.events.iter().any(is_user_input)));
        if touched && kiosk.idle.input(now) {
            self.flight = None;
        }
        // The tour visits the zones the table shows (those passing the filter).
        let event = kiosk.idle.tick(now, self.table_rows.len());
        let deadline = kiosk.idle.next_deadline();
        let counting = kiosk.idle.countdown_left(now).is_some();
        match event {
            Some(crate::kiosk::Event::ResetToOverview) => {
                self.selected = None;
                self.measure = None;
                if let Some(bounds) = self.dataset.bounds() {
                    self.fly_to(bounds, now);
                }
            }
            Some(crate::kiosk::Event::ShowStop(k)) => {
                let stop = self.tour_stop(k);
                if let Some(zone) = stop.and_then(|i| self.dataset.zones.get(i)) {
                    let bounds = zone.bbox;
                    self.selected = stop;
                    self.fly_to(bounds, now);
                }
            }
            _ => {}
        }
        if let Some(flight) = self.flight {
            let ((centre, zoom), done) = flight.at(now);
            let (lon, lat) = to_lon_lat(centre);
            self.map_memory.center_at(lon_lat(lon, lat));
            let _ = self.map_memory.set_zoom(zoom.clamp(2.0, 19.0));
            if done {
                self.flight = None;
            } else {
                ctx.request_repaint();
            }
        }
        if counting {
            ctx.request_repaint_after(std::time::Duration::from_millis(250));
        } else {
            let wait = (deadline - now).clamp(0.05, 3600.0);
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
    }

    /// Kiosk mode's frame: a top bar, the map, the zone card; no menus, files or dialogs.
    fn kiosk_ui(&mut self, ui: &mut Ui, ctx: &Context) {
        let chord = egui::Modifiers {
            alt: true,
            ctrl: true,
            shift: true,
            ..Default::default()
        };
        if ctx.input_mut(|i| i.consume_key(chord, Key::K)) {
            if self.settings.kiosk.pin.is_some() {
                if let Some(kiosk) = &mut self.kiosk {
                    kiosk.exit = Some((String::new(), false));
                }
            } else {
                self.commands.push(Command::SetKiosk(false));
            }
        }
        Panel::top("kiosk-top").show(ui, |ui| {
            self.commands.extend(ui::kiosk::top_bar_ui(ui));
        });
        if let Some(selected) = self.selected.filter(|&i| i < self.dataset.zones.len()) {
            let mut commands = Vec::new();
            Panel::right("kiosk-card")
                .exact_size(420.0)
                .resizable(false)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            commands = ui::kiosk::card_ui(ui, &self.dataset, selected);
                        });
                });
            self.commands.extend(commands);
        }
        CentralPanel::no_frame().show(ui, |ui| {
            self.map_ui(ui);
        });
        let map = self.last_layer.view.map(|v| v.rect);
        if let (Some(map), Some(kiosk)) = (map, &self.kiosk) {
            let now = ctx.input(|i| i.time);
            if let Some(seconds) = kiosk.idle.countdown_left(now) {
                ui::kiosk::countdown_ui(ui, map, seconds);
            } else if self.selected.is_none() {
                let banner = self.base_map.status() == TileStatus::Offline;
                ui::kiosk::hint_ui(ui, map, banner);
            }
        }
        let pin = self.settings.kiosk.pin.clone();
        if let Some(kiosk) = &mut self.kiosk
            && let Some((typed, wrong)) = &mut kiosk.exit
        {
            match ui::kiosk::exit_dialog_ui(ctx, typed, *wrong) {
                Some(true) if crate::kiosk::pin_accepts(pin.as_deref(), typed) => {
                    kiosk.exit = None;
                    self.commands.push(Command::SetKiosk(false));
                }
                Some(true) => {
                    typed.clear();
                    *wrong = true;
                }
                Some(false) => kiosk.exit = None,
                None => {}
            }
        }
    }

    fn fit_view(&mut self, rect: Rect) {
        // A window still opening (going fullscreen, changing scale) can give first frames of a
        // few pixels, or of a made-up size: fit once the map's size holds for two frames.
        // (`map_rect` is the last frame's: map_ui records it after drawing.)
        let settled = self.map_rect == Some(rect) && rect.width() >= 64.0 && rect.height() >= 64.0;
        if !settled {
            return;
        }
        let Some(bounds) = self.pending_fit.take() else {
            return;
        };
        let (centre, zoom) = fit_of(bounds, rect);
        let (lon, lat) = to_lon_lat(centre);
        self.map_memory.center_at(lon_lat(lon, lat));
        let _ = self.map_memory.set_zoom(zoom);
    }

    fn input(&mut self, ctx: &Context) {
        let (escape, dropped) = ctx.input(|i| {
            (
                i.key_pressed(Key::Escape),
                i.raw
                    .dropped_files
                    .iter()
                    .map(|f| f.path().to_path_buf())
                    .collect::<Vec<_>>(),
            )
        });
        if escape {
            // Escape ends a measure first, then clears the selection.
            if self.measure.is_some() {
                self.commands.push(Command::Measure(None));
            } else {
                self.commands.push(Command::Select(None));
            }
        }
        // The booth opens no file: dropped files and Ctrl+O are for planners.
        let kiosk = self.kiosk.is_some();
        let (base_maps, files): (Vec<PathBuf>, Vec<PathBuf>) = dropped.into_iter().partition(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pmtiles"))
        });
        if let Some(path) = base_maps.into_iter().last().filter(|_| !kiosk) {
            self.commands
                .push(Command::SetTiles(TileChoice::PmTiles(path)));
        }
        if !files.is_empty() && !kiosk {
            self.commands.push(Command::Open(files));
        }
        if !kiosk && ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, Key::O)) {
            self.commands.push(Command::OpenDialog);
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, Key::F)) {
            self.search.focus = true;
        }
        // Arrow keys walk through the zones in the table's order (when no widget has focus).
        if ctx.memory(|m| m.focused().is_none()) && !self.table_rows.is_empty() {
            let step = ctx.input(|i| {
                if i.key_pressed(Key::ArrowDown) {
                    1
                } else if i.key_pressed(Key::ArrowUp) {
                    -1
                } else {
                    0
                }
            });
            if step != 0 {
                let rows = &self.table_rows;
                let at = self
                    .selected
                    .and_then(|s| rows.iter().position(|&r| r == s));
                let next = match at {
                    Some(k) => (k as isize + step).rem_euclid(rows.len() as isize) as usize,
                    None if step > 0 => 0,
                    None => rows.len() - 1,
                };
                self.commands.push(Command::Focus(rows[next]));
            }
        }
    }

    fn map_ui(&mut self, ui: &mut Ui) {
        let rect = ui.available_rect_before_wrap();
        self.fit_view(rect);
        if self.pending_fit.is_some() {
            ui.ctx().request_repaint();
        }
        ui.painter().rect_filled(rect, 0.0, PLAIN_BACKGROUND);

        // With no base map showing (none, offline, tiles not there yet), the context layer.
        let context_on = !self.context.hidden && self.base_map.status() != TileStatus::Ok;
        let mut context_drawn = Vec::new();
        let mut output = LayerOutput::default();
        let layer = ZonesLayer {
            zones: &self.dataset.zones,
            meshes: &self.meshes,
            detail: &self.detail,
            index: &self.derived.index,
            plots: &self.dataset.plots,
            plot_meshes: &self.plot_meshes,
            plot_index: &self.derived.plot_index,
            plot_colors: &self.derived.plot_colors,
            establishments: &self.dataset.establishments,
            draw_rank: &self.derived.draw_rank,
            ranked: &self.derived.ranked,
            shown: &self.shown_mask,
            colors: &self.derived.colors,
            schematic: &self.derived.schematic,
            selected: self.selected,
            highlight: self.highlight,
            cells: &mut self.cell_texture,
            label_widths: &mut self.label_widths,
            output: &mut output,
        };
        let mut map = Map::new(
            self.base_map.layer(),
            &mut self.map_memory,
            lon_lat(DIJON.0, DIJON.1),
        );
        if let Some(context) = self.context.layer.as_ref().filter(|_| context_on) {
            map = map.with_plugin(ContextPlugin {
                layer: context,
                drawn: &mut context_drawn,
            });
        }
        let map = map.with_plugin(layer).zoom_with_ctrl(false);
        let response = ui.add(map);
        self.context.drawn = context_drawn;
        self.base_map.end_frame();

        match (&mut self.measure, output.clicked, output.clicked_at) {
            (Some((_, points)), Some(_), Some(at)) => points.push(at),
            (None, Some(clicked), _) => self.commands.push(Command::Select(clicked)),
            _ => {}
        }
        self.hovered = output.hovered;
        if self.hovered.is_some() {
            response.on_hover_cursor(egui::CursorIcon::PointingHand);
        }

        let kiosk = self.kiosk.is_some();
        if let Some((text, url)) = self.base_map.choice().attribution() {
            // No link at the booth: it opens no browser.
            overlays::attribution_ui(ui, rect, &text, url.filter(|_| !kiosk));
        }
        if self.base_map.status() == TileStatus::Offline {
            let source = self
                .base_map
                .choice()
                .template()
                .map(|t| t!("offline-source", host = crate::map::tiles::host_of(&t)))
                .unwrap_or_default();
            if overlays::offline_banner_ui(ui, rect, &source) {
                self.commands.push(Command::RetryTiles);
            }
        } else if self.base_map.status() == TileStatus::Loading {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(250));
        }
        let schematic_shown = self
            .derived
            .schematic
            .iter()
            .enumerate()
            .any(|(i, &s)| s && self.is_shown(i));
        overlays::legend_ui(
            ui,
            rect,
            &self.derived.legend,
            !self.dataset.plots.is_empty(),
            schematic_shown,
        );
        if let Some(view) = &output.view {
            overlays::scale_bar_ui(ui, rect, view);
        }
        if let Some(action) = overlays::zoom_buttons_ui(ui, rect, kiosk) {
            self.commands.push(Command::Zoom(action));
        }
        if let (Some((mode, points)), Some(view)) = (&self.measure, &output.view)
            && let Some(command) = overlays::measure_ui(ui, rect, view, *mode, points)
        {
            self.commands.push(command);
        }
        if let Some(lost) = &self.databases.lost
            && ui::db_dialog::lost_banner_ui(ui, rect, &lost.message)
        {
            self.commands.push(Command::DbRetry);
        }
        if ui.ctx().input(|i| !i.raw.hovered_files.is_empty()) {
            ui::drop_hint_ui(ui, rect);
        }
        self.map_rect = Some(rect);
        // Detailed meshes for the zones drawn coarser than their band: asked of the worker now,
        // drawn when they arrive.
        let wanted = std::mem::take(&mut output.wanted_detail);
        let zones = &self.dataset.zones;
        self.detail
            .request(&wanted, output.band, |i| zones.get(i).map(Zone::geometry));
        self.detail.end_frame();
        self.last_layer = output;
        self.follow_view(ui.ctx());
    }
}

/// The view that shows `bounds` (lon/lat) whole in `rect`, with a margin: its centre in world
/// units and its zoom (at most 16, a street).
fn fit_of(bounds: geo::Rect<f64>, rect: Rect) -> ([f64; 2], f64) {
    let (min, max) = (
        (bounds.min().x, bounds.min().y),
        (bounds.max().x, bounds.max().y),
    );
    let zoom = zoom_to_fit(min, max, rect.width() as f64, rect.height() as f64, 60.0).min(16.0);
    let a = to_world(min.0, min.1);
    let b = to_world(max.0, max.1);
    ([(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0], zoom)
}

/// An event that shows someone is at the screen (a touch, a click, a key, the wheel, a move).
fn is_user_input(event: &egui::Event) -> bool {
    use egui::Event;
    matches!(
        event,
        Event::PointerMoved(_)
            | Event::PointerButton { .. }
            | Event::Touch { .. }
            | Event::MouseWheel { .. }
            | Event::Zoom(_)
            | Event::Key { .. }
            | Event::Text(_)
    )
}

/// Frames drawn per second, logged every two seconds at info level (`RUST_LOG=zae_atlas=info`):
/// the whole pipeline, tessellation, upload and rasterization included, as a user sees it.
#[derive(Default)]
struct FrameRate {
    since: Option<std::time::Instant>,
    frames: u32,
    /// Seconds spent in the app's own code (not egui's painting) over those frames.
    app_seconds: f64,
}

impl FrameRate {
    fn tick(&mut self, last: &LayerOutput, app_seconds: Option<f32>) {
        let now = std::time::Instant::now();
        let since = *self.since.get_or_insert(now);
        self.frames += 1;
        self.app_seconds += f64::from(app_seconds.unwrap_or(0.0));
        let seconds = now.duration_since(since).as_secs_f64();
        if seconds >= 2.0 {
            log::info!(
                "{:.1} frames per second, {:.1} ms of them in the app's code (zoom {:.1}: {} zones as shapes, {} fill vertices, {} outline points, {} cells)",
                f64::from(self.frames) / seconds,
                self.app_seconds * 1000.0 / f64::from(self.frames),
                last.view.map_or(0.0, |v| v.zoom),
                last.zones_drawn - last.zones_in_cells,
                last.fill_vertices,
                last.outline_points,
                last.cells_drawn
            );
            self.since = Some(now);
            self.frames = 0;
            self.app_seconds = 0.0;
        }
    }
}

impl eframe::App for ZaeApp {
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if !self.save_settings_file() {
            eframe::set_value(storage, STORAGE_KEY, &self.persisted());
        }
    }

    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if let Some(meter) = &mut self.frame_rate {
            meter.tick(&self.last_layer, frame.info().cpu_usage);
            ctx.request_repaint();
        }
        i18n::set_lang(self.settings.lang());
        self.poll_loader(&ctx);
        if let Some(outcome) = self.png_result.lock().ok().and_then(|mut r| r.take()) {
            match outcome {
                Ok(notice) => self.notice = Some(notice),
                Err(e) => self.errors.push(e),
            }
        }
        self.poll_databases(&ctx);
        self.watch_files(&ctx);
        self.input(&ctx);
        if self.kiosk.is_some() {
            self.kiosk_tick(&ctx);
            self.kiosk_ui(ui, &ctx);
            self.commands
                .extend(ui::errors_window_ui(&ctx, &self.errors));
            for command in std::mem::take(&mut self.commands) {
                self.apply(command, &ctx);
            }
            // Nothing at the booth opens a browser, whichever widget asked.
            ctx.output_mut(|o| {
                o.commands
                    .retain(|c| !matches!(c, egui::OutputCommand::OpenUrl(_)))
            });
            return;
        }

        Panel::top("menu").show(ui, |ui| {
            self.commands.extend(ui::menu_bar_ui(
                ui,
                &self.dataset,
                &mut self.search,
                &mut self.search_index,
                &self.recent,
                (!self.context.hidden, self.context.file().is_some()),
            ));
        });
        Panel::bottom("status").show(ui, |ui| {
            let loading = self.loader.as_ref().map(|j| ui::LoadProgress {
                file: j.current_file(),
                fraction: j.progress(),
                files_done: j.files_done,
                files_total: j.files_total,
            });
            let loading = loading.or_else(|| self.db_progress());
            self.commands.extend(ui::status_bar_ui(
                ui,
                &self.dataset,
                self.base_map.status(),
                self.base_map.file_name().as_deref(),
                loading.as_ref(),
                self.notice.as_deref(),
            ));
        });
        if self.show_table {
            let sort_before = self.table_sort;
            let mut commands = Vec::new();
            let scroll = std::mem::take(&mut self.selection_moved);
            Panel::bottom("table")
                .resizable(true)
                .default_size(220.0)
                .show(ui, |ui| {
                    commands = ui::table::table_ui(
                        ui,
                        &self.dataset,
                        &self.table_rows,
                        &mut self.table_sort,
                        self.selected,
                        scroll,
                    );
                });
            if self.table_sort != sort_before {
                ui::table::sort_rows(&self.dataset, &mut self.table_rows, self.table_sort);
            }
            self.commands.extend(commands);
        }
        Panel::left("files")
            .default_size(250.0)
            .size_range(180.0..=420.0)
            .show(ui, |ui| {
                let mut filter = self.filter.clone();
                if ui::filters::filters_ui(
                    ui,
                    &mut filter,
                    &self.dataset,
                    &self.derived.communes,
                    &self.derived.states,
                ) {
                    self.commands.push(Command::SetFilter(filter));
                }
                ui.separator();
                self.commands
                    .extend(ui::files_panel_ui(ui, &self.dataset, self.selected));
            });
        if let Some(selected) = self.selected.filter(|&i| i < self.dataset.zones.len()) {
            let mut commands = Vec::new();
            Panel::right("info")
                .default_size(380.0)
                .size_range(280.0..=640.0)
                .show(ui, |ui| {
                    commands = ui::info_panel_ui(ui, &self.dataset, selected);
                });
            self.commands.extend(commands);
        }
        CentralPanel::no_frame().show(ui, |ui| {
            let shown = self.table_rows.len();
            if let Some(part) =
                ui::filters::chips_ui(ui, &self.filter, shown, self.dataset.zones.len())
            {
                let mut filter = self.filter.clone();
                filter.clear(part);
                self.commands.push(Command::SetFilter(filter));
            }
            self.map_ui(ui);
        });

        if let Some(i) = self.report_window
            && let Some(file) = self.dataset.files.get(i)
        {
            self.commands.extend(ui::report_window_ui(&ctx, i, file));
        }
        self.commands
            .extend(ui::errors_window_ui(&ctx, &self.errors));
        self.crash_notice_ui(&ctx);
        self.commands
            .extend(ui::db_dialog::db_dialog_ui(&ctx, &mut self.db_dialog));
        if let Some(choice) = &mut self.layer_choice {
            self.commands
                .extend(ui::layer_chooser::layer_chooser_ui(&ctx, choice));
        }
        if self.show_stats {
            let (hovered, open) = ui::stats::stats_window_ui(&ctx, &self.dataset, &self.table_rows);
            self.highlight = hovered;
            if !open {
                self.commands.push(Command::ToggleStats);
            }
        } else {
            self.highlight = None;
        }
        if self.show_settings {
            let view = ui::settings::SettingsView {
                tiles: self.base_map.choice(),
                cache: self.cache_usage.clone(),
            };
            self.commands.extend(ui::settings::settings_window_ui(
                &ctx,
                &self.settings,
                &view,
            ));
        }

        if self.show_about {
            let about = ui::about::AboutView {
                user_agent: crate::identity::user_agent(self.settings.contact.as_deref()),
                config_file: crate::settings::default_config_path(),
                tile_cache: self.tile_cache.clone(),
            };
            self.commands
                .extend(ui::about::about_window_ui(&ctx, &about));
        }

        for command in std::mem::take(&mut self.commands) {
            self.apply(command, &ctx);
        }
    }
}
