//! The eframe shell around the headless [`AppState`]: each frame it polls the workers, draws the
//! panels and the map from `&AppState`, applies the commands they returned, and runs the
//! effects the state asked for (dialogs, threads, the viewport).
//!
//! - `frame.rs`: the frame (panels, windows) and the eframe `App`;
//! - `effects.rs`, `dialogs.rs`: effects, and file dialogs that never block the frame;
//! - `loading.rs`, `loader.rs`: files read on workers, the embedded dataset, the file watcher;
//! - `map_view.rs`, `input.rs`, `kiosk.rs`: the map, keys and drops, the booth;
//! - `database.rs`, `db_sources.rs`, `context.rs`: database sources, the context layer.

mod compare;
mod context;
mod database;
mod db_restore;
mod db_sources;
mod derived;
mod dialogs;
mod effects;
mod file_views;
mod frame;
mod frame_rate;
mod input;
mod kiosk;
mod loader;
mod loading;
mod map_view;
mod search_index;
mod startup;

use std::path::PathBuf;

use egui::{Context, Rect};
use walkers::{MapMemory, lon_lat};

use crate::i18n;
use crate::io::LoadReport;
use crate::map::ViewTransform;
use crate::map::tiles::{BaseMap, TileChoice, TileStatus};
use crate::map::zones_layer::{CellTexture, LayerOutput};
use crate::model::Zone;
use crate::settings::Settings;
pub use crate::state::{AppState, Command, Persisted, Zoom};
use crate::store::{Dataset, SourceId, ZoneId, ZoneStore};
use crate::ui;
use derived::Colours;
use loader::{FileStamp, LoadJob};

pub use crate::embedded::{EMBEDDED_DATASET, EMBEDDED_NAME};
pub use crate::state::{SavedDatabase, SavedTable};
/// How often open files are checked for changes on disk.
const WATCH_EVERY: std::time::Duration = std::time::Duration::from_millis(500);
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
    /// Compare these inventories at start (`--compare BEFORE... -- AFTER...`).
    pub compare: Option<(Vec<PathBuf>, Vec<PathBuf>)>,
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
            compare: None,
        }
    }
}

/// Key of [`Persisted`] in eframe's storage.
pub const STORAGE_KEY: &str = "zae-atlas";

pub struct ZaeApp {
    /// Everything the interface shows and changes, headless.
    state: AppState,
    /// Detailed bands, built for the zones in view.
    detail: crate::spatial::DetailMeshes,
    /// The colours of zones and plots in the current style, and the legend.
    colours: Colours,
    /// The style and zones the colours were made for.
    colours_for: (crate::style::StyleMode, u64),
    /// The zone under the pointer in the last frame (position; only for this frame's drawing).
    hovered: Option<usize>,
    /// A zone to highlight on the map (hovered bar of a chart), for this frame.
    highlight: Option<usize>,
    map_memory: MapMemory,
    base_map: BaseMap,
    /// When each open file was read (modification time, size), to notice changes.
    stamps: std::collections::HashMap<PathBuf, FileStamp>,
    last_watch: std::time::Instant,
    /// Tells when an open file changed on disk.
    watcher: loader::FileWatcher,
    /// A change was seen during a load.
    pending_watch: bool,
    last_layer: LayerOutput,
    /// Time the app's code spent on the map (tiles, zones, overlays) in the last frame: the
    /// rest of the frame is the panels' (the frame-rate log and the UI frame bench split it).
    map_time: std::time::Duration,
    /// The zones merged into screen cells, as a texture kept between frames.
    cell_texture: CellTexture,
    /// `ZAE_ATLAS_FRAME_RATE=1`: draw continuously and log the frame rate (a measurement aid).
    frame_rate: Option<frame_rate::FrameRate>,
    loader: Option<LoadJob>,
    commands: Vec<Command>,
    search: ui::search::SearchState,
    /// The search index of the zones loaded, once built on its worker.
    search_index: Option<crate::search::SearchIndex>,
    search_build: Option<search_index::SearchBuild>,
    /// The zones changed: the index is built again at the end of the frame (once for all the
    /// files a frame brings).
    stale_search: bool,
    /// Result of a PNG export, written by the screenshot callback.
    png_result: std::sync::Arc<std::sync::Mutex<Option<Result<String, String>>>>,
    /// File dialogs open on their own threads; what they answer comes back as commands.
    dialogs: dialogs::Dialogs,
    /// HTTP cache usage, read when the Settings window opens.
    cache_usage: Option<(u64, usize, String)>,
    tile_cache: Option<PathBuf>,
    tile_origin: Option<String>,
    /// An animated move of the view (the kiosk's tour).
    flight: Option<crate::kiosk::Flight>,
    /// The booth's print job (the PDF, then the print command), while it runs: how it ended.
    print_done: Option<crate::jobs::Job<Result<(), String>>>,
    /// A sheet or catalogue being written on a worker: where, how many zones, or why not.
    pdf_job: Option<crate::jobs::Job<Result<(crate::sheet::Written, std::path::PathBuf), String>>>,
    /// The map's rectangle in the last frame (to aim flights).
    map_rect: Option<Rect>,
    /// Database sessions, the worker reading tables, the lost-connection banner.
    databases: database::Databases,
    db_dialog: ui::db_dialog::DbDialog,
    /// Remembered database tables not read back yet (see `db_restore.rs`).
    db_reopen: db_restore::PendingReopen,
    /// The settings file, and a crash report to tell of (see `startup.rs`).
    startup: startup::Startup,
    /// Boundaries and names drawn under the zones when no base map shows.
    context: context::ContextState,
    /// Files of several tables waiting for the user to pick which (File ▸ Open, drop).
    layer_choice: Option<ui::layer_chooser::LayerChoice>,
    /// Two inventories being read and compared (File ▸ Compare inventories…).
    compare_job: Option<compare::CompareJob>,
    /// The comparison the colours were made for (its address; 0: none).
    colours_compare: usize,
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
        let open_databases = saved.open_databases.clone();
        let settings = config.settings.clone();
        let view = saved.view;
        let (context, error) =
            context::ContextState::open(saved.context_file.as_ref(), saved.context_hidden);
        let recent_databases = saved.recent_databases.clone();
        let mut app = Self::new_inner(ctx, config, embedded, AppState::restored(saved, settings));
        app.db_dialog.recent = recent_databases;
        app.reopen_databases(open_databases, ctx);
        app.context = context;
        if let Some(e) = error {
            app.state.push_error(e);
        }
        if let Some(((lon, lat), zoom)) = view {
            app.map_memory.center_at(lon_lat(lon, lat));
            let _ = app.map_memory.set_zoom(zoom);
            app.state.keep_view(will_load);
            app.state.fit_to(None);
        }
        app
    }

    /// What to remember now.
    pub fn persisted(&mut self) -> Persisted {
        let view = self.last_layer.view.map(|v| {
            let (lon, lat) = v.screen_to_lon_lat(v.rect.center());
            ((lon, lat), v.zoom)
        });
        self.state
            .set_recent_databases(self.db_dialog.recent.clone());
        self.state
            .set_context(self.context.hidden, self.context.file().cloned());
        self.state.persisted(view, self.databases_to_remember())
    }

    pub fn new(ctx: &Context, config: AppConfig) -> Self {
        let embedded = config.files.is_empty();
        let state = AppState::new(config.settings.clone());
        Self::new_inner(ctx, config, embedded, state)
    }

    fn new_inner(ctx: &Context, config: AppConfig, embedded: bool, state: AppState) -> Self {
        let mut app = Self {
            detail: {
                let ctx = ctx.clone();
                crate::spatial::DetailMeshes::new(
                    crate::spatial::DETAIL_VERTEX_BUDGET,
                    std::sync::Arc::new(move || ctx.request_repaint()),
                )
            },
            colours: Colours::default(),
            colours_for: (state.style(), u64::MAX),
            state,
            hovered: None,
            highlight: None,
            map_memory: MapMemory::default(),
            base_map: BaseMap::new_at(
                config.tiles.clone(),
                config.tile_cache.clone(),
                config.tile_origin.clone(),
                &crate::identity::user_agent(config.settings.contact.as_deref()),
                ctx,
            ),
            stamps: std::collections::HashMap::new(),
            last_watch: std::time::Instant::now(),
            watcher: loader::FileWatcher::start(ctx.clone(), WATCH_EVERY),
            pending_watch: false,
            last_layer: LayerOutput::default(),
            map_time: std::time::Duration::ZERO,
            cell_texture: CellTexture::default(),
            frame_rate: std::env::var_os("ZAE_ATLAS_FRAME_RATE")
                .map(|_| frame_rate::FrameRate::default()),
            loader: None,
            commands: Vec::new(),
            search: ui::search::SearchState::default(),
            // Nothing loaded yet: nothing to find.
            search_index: Some(crate::search::SearchIndex::default()),
            search_build: None,
            stale_search: false,
            png_result: Default::default(),
            dialogs: dialogs::Dialogs::new(),
            cache_usage: None,
            tile_cache: config.tile_cache.clone(),
            tile_origin: config.tile_origin.clone(),
            flight: None,
            print_done: None,
            pdf_job: None,
            map_rect: None,
            databases: database::Databases::default(),
            db_dialog: ui::db_dialog::DbDialog::default(),
            db_reopen: db_restore::PendingReopen::default(),
            startup: startup::Startup::default(),
            context: context::ContextState::open(None, false).0,
            layer_choice: None,
            compare_job: None,
            colours_compare: 0,
        };
        i18n::set_lang(app.state.settings().lang());
        app.startup = startup::Startup::new(&config, &mut app.state);
        ctx.set_zoom_factor(app.state.settings().ui_scale);
        app.note_base_map_error();
        app.trim_tile_cache();
        if config.kiosk {
            app.apply(Command::SetKiosk(true), ctx);
        }
        app.map_memory.center_at(lon_lat(DIJON.0, DIJON.1));
        let _ = app.map_memory.set_zoom(11.0);
        if embedded {
            app.load_embedded();
        }
        if !config.files.is_empty() {
            app.commands.push(Command::Open(config.files));
        }
        if let Some((before, after)) = config.compare {
            app.commands.push(Command::Compare { before, after });
        }
        app
    }

    /// Queues a command, applied after the next frame is drawn.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Applies a command to the state and runs what it asks for.
    fn apply(&mut self, command: Command, ctx: &Context) {
        let before = self.state.store().generation();
        for effect in self.state.apply(command) {
            self.run(effect, ctx);
        }
        if self.state.store().generation() != before {
            self.data_changed();
        }
    }

    /// After zones were added, replaced or removed: what the shell keeps of them follows
    /// (detailed meshes, search index, watched files). Colours follow at the next frame.
    fn data_changed(&mut self) {
        self.detail.clear();
        self.stale_search = true;
        self.rewatch();
    }

    /// The colours of the current style for the zones loaded, rebuilt only when one changed.
    fn refresh_colours(&mut self) {
        let now = (self.state.style(), self.state.store().generation());
        let compare = self
            .state
            .comparison()
            .map_or(0, |c| c as *const _ as usize);
        if self.colours_for != now || self.colours_compare != compare {
            self.colours = match self.state.comparison() {
                Some(c) => Colours::by_change(self.state.store(), c),
                None => Colours::build(self.state.store(), now.0),
            };
            self.colours_for = now;
            self.colours_compare = compare;
        }
    }

    // What tests and tools read.

    /// The headless state.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Where the selected zone is in [`Dataset::zones`] today.
    pub fn selected(&self) -> Option<usize> {
        self.state.selected()
    }

    pub fn selected_id(&self) -> Option<ZoneId> {
        self.state.selected_id()
    }

    pub fn selected_zone(&self) -> Option<&Zone> {
        self.state.selected_zone()
    }

    /// Everything loaded, read-only.
    pub fn dataset(&self) -> &Dataset {
        self.state.dataset()
    }

    /// Zones, meshes and index, with their stable ids.
    pub fn store(&self) -> &ZoneStore {
        self.state.store()
    }

    /// The id of the zone at a position of [`Dataset::zones`].
    pub fn zone_id(&self, position: usize) -> Option<ZoneId> {
        self.state.store().zone_id(position)
    }

    /// The id of the source at a position of [`Dataset::files`].
    pub fn source_id(&self, position: usize) -> Option<SourceId> {
        self.state.store().sources().nth(position).map(|(id, _)| id)
    }

    pub fn is_shown(&self, zone: usize) -> bool {
        self.state.is_shown(zone)
    }

    /// The table's rows: zones of the active filter, in the table's order.
    pub fn table_rows(&self) -> &[usize] {
        self.state.table_rows()
    }

    /// What went wrong, as the errors window says it (in the interface's language).
    pub fn errors(&self) -> Vec<String> {
        self.state
            .errors()
            .iter()
            .map(ui::problems::problem_text)
            .collect()
    }

    pub fn notice(&self) -> Option<&str> {
        self.state.notice()
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
        let store = self.state.store();
        store.index().hit(store.zones(), lon, lat)
    }

    pub fn zones_drawn(&self) -> usize {
        self.last_layer.zones_drawn
    }

    /// The kept meshes of the zones, in zone order.
    pub fn zone_meshes(&self) -> &[crate::spatial::BandMeshes] {
        self.state.store().zone_meshes()
    }

    /// The detailed meshes built for the zones in view.
    pub fn detail_meshes(&self) -> &crate::spatial::DetailMeshes {
        &self.detail
    }

    /// The measure tool's current result, as shown (e.g. "Area: 12.35 ha").
    pub fn measure_text(&self) -> Option<String> {
        self.state
            .measure()
            .map(|(mode, points)| crate::map::overlays::measure_text(mode, points))
    }

    /// What the zones layer drew in the last frame (zones, cells, triangles, outlines, labels).
    /// Time the app's code spent on the map in the last frame (tiles, zones and overlays).
    pub fn last_map_time(&self) -> std::time::Duration {
        self.map_time
    }

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
        self.state.store().sources().map(|(_, f)| &f.report)
    }

    pub fn is_kiosk(&self) -> bool {
        self.state.is_kiosk()
    }

    /// The kiosk's phase (for tests and the soak run).
    pub fn kiosk_phase(&self) -> Option<crate::kiosk::Phase> {
        self.state.kiosk_phase()
    }
}
