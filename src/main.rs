// On Windows the program is a GUI program: started from the Start menu or Explorer it opens no
// console window. Started from a terminal, it attaches to that terminal's console so `check`,
// `export`, `--version` and the log still print there (see `attach_parent_console`).
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::path::PathBuf;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use zae_atlas::db::{DbTarget, Secret, Session, TableRef};
use zae_atlas::i18n::Lang;
use zae_atlas::map::tiles::{TileChoice, default_cache_dir};
use zae_atlas::settings::{Settings, default_config_path};
use zae_atlas::{AppConfig, ZaeApp};

/// ZAE Atlas: activity zones (zones d'activités économiques) on a map.
///
/// With no file, shows the embedded Dijon métropole dataset.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    /// Files to open: GeoJSON, CNIG CSV, GeoPackage (FILE.gpkg opens every table of polygons
    /// or points, FILE.gpkg:TABLE one), Shapefile (.shp, or a .zip of them), FlatGeobuf (.fgb).
    files: Vec<PathBuf>,
    /// Base map: `osm` (default), `plan-ign` (Plan IGN v2), `ortho-ign` (IGN aerial photos),
    /// `none`, a local `.pmtiles` file (offline), or an XYZ URL template with {z}, {x}, {y}.
    #[arg(long, value_name = "osm|plan-ign|ortho-ign|none|URL|FILE.pmtiles")]
    tiles: Option<String>,
    /// Kiosk mode for a trade-show booth: fullscreen, touch, no menus or file dialogs, idle
    /// tour. Leave with Ctrl+Alt+Shift+K (and the PIN, when the config file sets one).
    #[arg(long)]
    kiosk: bool,
    /// Interface language: fr or en (default: the config file, else the system's).
    #[arg(long, value_name = "fr|en")]
    lang: Option<String>,
    /// Config file (TOML; default ~/.config/zae-atlas/config.toml when it exists).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// A PostgreSQL/PostGIS database to read (read-only), e.g.
    /// postgresql://user@host:5432/dbname. The password comes from PGPASSWORD or ~/.pgpass,
    /// or is asked for (not echoed); it is never saved.
    #[arg(long, value_name = "URL")]
    db: Option<String>,
    /// Tables of --db to open, as schema.table (repeatable). By default the CNIG tables
    /// (site-eco, terrain-eco, etablissement), else the list of tables is shown.
    #[arg(long = "db-table", value_name = "SCHEMA.TABLE", requires = "db")]
    db_tables: Vec<String>,
    /// Compare two inventories in the window: the files before, then `--`, then the files
    /// after (e.g. --compare 2019/*.csv -- 2025/*.csv). The map shows the after inventory
    /// coloured by what changed.
    #[arg(long, num_args = 1.., value_name = "BEFORE")]
    compare: Vec<PathBuf>,
    /// With --compare: the files after, following `--`.
    #[arg(last = true, value_name = "AFTER", requires = "compare")]
    compare_after: Vec<PathBuf>,
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Read files without a window and report what loaded, what was skipped and why.
    /// Exit code 0 when every file could be read, 1 when any was refused.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write the zones of the files (optionally filtered) as CSV, GeoJSON or GeoPackage, without
    /// a window.
    /// Example: --filter "commune = Longvic and surface >= 10". Fields: name, commune,
    /// vocation, state, surface, jobs, establishments; operators = != < <= > >= ~ (contains).
    Export {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output file: .csv, .geojson or .gpkg (written to a temporary file, then renamed).
        #[arg(long, value_name = "OUT")]
        to: PathBuf,
        #[arg(long, value_name = "EXPR")]
        filter: Option<String>,
        /// GeoPackage table name (default: the output file's name).
        #[arg(long, value_name = "NAME")]
        layer: Option<String>,
        /// GeoPackage coordinates: 4326 (WGS84, default) or 2154 (Lambert-93).
        #[arg(long, value_name = "EPSG")]
        crs: Option<u32>,
    },
    /// Write the investor's sheet of a zone (one A4 page, PDF), or with --all the catalogue of
    /// the zones (an overview page, then one sheet each), without a window. With no file, the
    /// embedded Dijon métropole dataset.
    /// Example: sheet --zone "ZAE Cap Nord" --to cap-nord.pdf --lang fr;
    /// sheet --all --filter "commune = Longvic" --to longvic.pdf.
    Sheet {
        files: Vec<PathBuf>,
        /// The zone: its id or its name (an exact one wins; else matched like the search box,
        /// ignoring accents and case, tolerating small typos).
        #[arg(
            long,
            value_name = "NAME_OR_ID",
            conflicts_with = "all",
            required_unless_present = "all"
        )]
        zone: Option<String>,
        /// Every zone (that the filter keeps): the catalogue.
        #[arg(long)]
        all: bool,
        /// With --all: which zones, e.g. "commune = Longvic" (the fields and operators of
        /// `export --filter`).
        #[arg(long, value_name = "EXPR", requires = "all")]
        filter: Option<String>,
        /// Output PDF (written to a temporary file, then renamed).
        #[arg(long, value_name = "OUT.pdf")]
        to: PathBuf,
        /// Language of the sheet: fr or en (default: the system's).
        #[arg(long, value_name = "fr|en")]
        lang: Option<String>,
        /// Base map under the map extracts: `osm`, `plan-ign`, `ortho-ign`, `none` (the
        /// communes of the context layer), an XYZ URL template with {z}, {x}, {y}, or a raster
        /// `.pmtiles` file (default: the window's, from the config file or the last session;
        /// else osm). Tiles come from the PMTiles file, the window's tile cache, else the
        /// network (a few seconds at most); when they cannot, the context layer is drawn.
        #[arg(long, value_name = "osm|plan-ign|ortho-ign|none|URL|FILE.pmtiles")]
        tiles: Option<String>,
        /// Never use the network for the base map: the tile cache or the PMTiles file only.
        #[arg(long)]
        offline: bool,
    },
    /// Compare two inventories: what changed between the files BEFORE and the files AFTER
    /// (zones, plots, establishments), one row per change, as CSV or GeoJSON, without a window.
    /// Example: diff 2019/site-eco.csv 2019/terrain-eco.csv -- 2025/site-eco.csv
    /// 2025/terrain-eco.csv --to changes.csv. Exit code 0 when written, 1 when an input could
    /// not be read.
    Diff {
        /// The files of the inventory before (or a postgresql:// connection string: its CNIG
        /// tables, read whole).
        #[arg(required = true, value_name = "BEFORE")]
        before: Vec<PathBuf>,
        /// Output file: .csv or .geojson (written to a temporary file, then renamed).
        #[arg(long, value_name = "OUT")]
        to: Option<PathBuf>,
        /// After `--`: the files of the inventory after (`--to OUT` may follow them).
        #[arg(last = true, required = true, value_name = "AFTER")]
        after: Vec<std::ffi::OsString>,
    },
    /// Print where this copy keeps its config file, remembered settings and tile cache.
    Paths,
}

/// The base map of `zae-atlas sheet`: `--tiles`, else the window's (the config file's, else the
/// last session's), else OpenStreetMap; the tile cache and the User-Agent are the window's.
fn sheet_base_map(
    tiles: Option<&str>,
    offline: bool,
) -> Result<zae_atlas::sheet::BaseMapSource, String> {
    let from_file =
        default_config_path().and_then(|path| Settings::load(&path, false).ok().flatten());
    // Read only: an unreadable file is left for the window to set aside and name.
    let remembered = || {
        let path = eframe::storage_dir(STORAGE_NAME)?.join("settings.ron");
        let text = std::fs::read_to_string(path).ok()?;
        ron::from_str::<zae_atlas::app::Persisted>(&text)
            .ok()
            .map(|saved| saved.settings)
    };
    let settings = from_file
        .or_else(remembered)
        .unwrap_or_default()
        .sanitized();
    let choice = match tiles {
        Some(arg) => TileChoice::parse(arg)?,
        None => settings
            .tiles
            .as_deref()
            .and_then(|t| TileChoice::parse(t).ok())
            .unwrap_or(TileChoice::OpenStreetMap),
    };
    let mut base = zae_atlas::sheet::BaseMapSource::new(
        choice,
        default_cache_dir(),
        zae_atlas::identity::user_agent(settings.contact.as_deref()),
    );
    base.offline = offline;
    Ok(base)
}

/// The name eframe keeps the remembered settings under (its storage folder).
const STORAGE_NAME: &str = "ZAE Atlas";

/// The window icon, rendered from assets/icons/zae-atlas.svg.
const ICON_PNG: &[u8] = include_bytes!("../assets/icons/zae-atlas-256.png");

fn main() -> ExitCode {
    #[cfg(windows)]
    attach_parent_console();
    zae_atlas::crash::init_logging();
    let cli = Cli::parse();
    match cli.command {
        Some(Cmd::Check { files }) => {
            let code = zae_atlas::check::run(&files, &mut std::io::stdout().lock());
            return ExitCode::from(code as u8);
        }
        Some(Cmd::Export {
            files,
            to,
            filter,
            layer,
            crs,
        }) => {
            let code = zae_atlas::export_cmd::run_with(
                &files,
                &to,
                filter.as_deref(),
                &zae_atlas::io::export::GpkgOptions { layer, epsg: crs },
                &mut std::io::stdout().lock(),
            );
            return ExitCode::from(code as u8);
        }
        Some(Cmd::Sheet {
            files,
            zone,
            all,
            filter,
            to,
            lang,
            tiles,
            offline,
        }) => {
            let base = match sheet_base_map(tiles.as_deref(), offline) {
                Ok(base) => base,
                Err(e) => {
                    eprintln!("zae-atlas sheet: {e}");
                    return ExitCode::from(2);
                }
            };
            let lang = match lang.as_deref().map(|code| (code, Lang::from_code(code))) {
                None => Lang::system(),
                Some((_, Some(lang))) => lang,
                Some((code, None)) => {
                    eprintln!("zae-atlas sheet: --lang \"{code}\": expected fr or en");
                    return ExitCode::from(2);
                }
            };
            let which = match (zone, all) {
                (Some(z), false) => zae_atlas::sheet::cmd::Which::Zone(z),
                _ => zae_atlas::sheet::cmd::Which::All { filter },
            };
            let code = zae_atlas::sheet::cmd::run(
                &files,
                &which,
                &to,
                lang,
                &base,
                &mut std::io::stdout().lock(),
            );
            return ExitCode::from(code as u8);
        }
        Some(Cmd::Diff { before, to, after }) => {
            let (after, to_after) = zae_atlas::diff_cmd::split_to(after);
            let Some(to) = to.or(to_after) else {
                eprintln!("zae-atlas diff: --to OUT.csv or --to OUT.geojson is required");
                return ExitCode::from(2);
            };
            let code =
                zae_atlas::diff_cmd::run(&before, &after, &to, &mut std::io::stdout().lock());
            return ExitCode::from(code as u8);
        }
        Some(Cmd::Paths) => {
            let shown = |p: Option<PathBuf>| {
                p.map_or_else(|| "(none)".to_string(), |p| p.display().to_string())
            };
            println!("config file: {}", shown(default_config_path()));
            println!(
                "settings:    {}",
                shown(eframe::storage_dir(STORAGE_NAME).map(|d| d.join("settings.ron")))
            );
            println!("tile cache:  {}", shown(default_cache_dir()));
            println!("crash reports: {}", shown(zae_atlas::crash::default_dir()));
            return ExitCode::SUCCESS;
        }
        None => {}
    }
    let cli_tiles = match cli.tiles.as_deref().map(TileChoice::parse).transpose() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("zae-atlas: {e}");
            return ExitCode::from(2);
        }
    };
    let cli_lang = match cli.lang.as_deref() {
        None => None,
        Some(code) => match Lang::from_code(code) {
            Some(lang) => Some(lang),
            None => {
                eprintln!("zae-atlas: --lang \"{code}\": expected fr or en");
                return ExitCode::from(2);
            }
        },
    };
    let database = match &cli.db {
        Some(url) => match database_password(url) {
            Ok(password) => Some((url.clone(), password)),
            Err(e) => {
                eprintln!("zae-atlas: {e}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let db_tables: Vec<TableRef> = cli.db_tables.iter().map(|t| TableRef::parse(t)).collect();
    // The config file (the booth's set-up) wins over what the last session remembered.
    let config_path = cli.config.clone().or_else(default_config_path);
    let file_settings = match &config_path {
        Some(path) => match Settings::load(path, cli.config.is_some()) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("zae-atlas: config file {e}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let kiosk = cli.kiosk || file_settings.as_ref().is_some_and(|s| s.kiosk.enabled);
    // A panic writes a crash report; the next start says so (README, Reliability).
    let crash_dir = zae_atlas::crash::default_dir();
    if let Some(dir) = &crash_dir {
        zae_atlas::crash::install(dir.clone());
    }
    // The remembered settings, in their own file written atomically (an unreadable one is set
    // aside and named at start); eframe's storage is read when there is no such file yet.
    let settings_file = eframe::storage_dir(STORAGE_NAME).map(|d| d.join("settings.ron"));
    let stored = settings_file
        .as_deref()
        .map(zae_atlas::settings_store::load)
        .unwrap_or_default();
    let settings_set_aside = stored.set_aside.clone();
    // The remembered settings stay where earlier versions kept them, while the window carries
    // the application id that desktop files and docks match.
    let persistence_path = eframe::storage_dir(STORAGE_NAME).map(|dir| {
        if let Err(e) = std::fs::create_dir_all(&dir) {
            log::warn!("settings folder {}: {e}", dir.display());
        }
        dir.join("app.ron")
    });
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("ZAE Atlas — Dijon métropole")
        .with_app_id(zae_atlas::identity::APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([640.0, 420.0])
        .with_fullscreen(kiosk)
        .with_drag_and_drop(true);
    match eframe::icon_data::from_png_bytes(ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(e) => log::warn!("window icon: {e}"),
    }
    let mut options = eframe::NativeOptions {
        viewport,
        persistence_path,
        ..Default::default()
    };
    if std::env::var_os("ZAE_ATLAS_FRAME_RATE").is_some() {
        // Measuring the frame rate: frames as fast as they come, not at the display's rate.
        options.wgpu_options.surface.present_mode = eframe::wgpu::PresentMode::AutoNoVsync;
    }
    // A GeoPackage named without a table opens all its tables.
    let files = zae_atlas::io::source::expand_all(&cli.files);
    let compare = match (cli.compare.is_empty(), cli.compare_after.is_empty()) {
        (true, _) => None,
        (false, false) => Some((cli.compare.clone(), cli.compare_after.clone())),
        (false, true) => {
            eprintln!("zae-atlas: --compare BEFORE... -- AFTER...: no file after `--`");
            return ExitCode::from(2);
        }
    };
    let result = eframe::run_native(
        STORAGE_NAME,
        options,
        Box::new(move |cc| {
            // Vector (MVT) base maps are drawn by walkers' wgpu renderer.
            if let Some(render_state) = cc.wgpu_render_state.as_ref() {
                walkers::install_renderer(Some(render_state));
            }
            let from_eframe = || {
                cc.storage.and_then(|s| {
                    eframe::get_value::<zae_atlas::app::Persisted>(s, zae_atlas::app::STORAGE_KEY)
                })
            };
            let saved = match (stored.saved, &settings_set_aside) {
                (Some(saved), _) => Some(saved),
                // Set aside: defaults, as said.
                (None, Some(_)) => None,
                (None, None) => from_eframe(),
            };
            let mut settings = file_settings
                .or_else(|| saved.as_ref().map(|s| s.settings.clone()))
                .unwrap_or_default()
                .sanitized();
            if let Some(lang) = cli_lang {
                settings.language = Some(lang);
            }
            let tiles = cli_tiles
                .or_else(|| {
                    settings
                        .tiles
                        .as_deref()
                        .and_then(|t| TileChoice::parse(t).ok())
                })
                .unwrap_or(TileChoice::OpenStreetMap);
            let config = AppConfig {
                files,
                tiles,
                tile_cache: default_cache_dir(),
                settings,
                kiosk,
                tile_origin: None,
                settings_file,
                settings_set_aside,
                crash_dir,
                compare: compare.clone(),
            };
            // A comparison shows its own files: the files of the last session are not reopened.
            let saved = if compare.is_some() {
                saved.map(|s| zae_atlas::app::Persisted {
                    open_files: Vec::new(),
                    embedded_open: true,
                    open_databases: Vec::new(),
                    ..s
                })
            } else {
                saved
            };
            let mut app = ZaeApp::restore(&cc.egui_ctx, config, saved);
            if let Some((url, password)) = database {
                app.open_database(&url, password, db_tables, &cc.egui_ctx);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zae-atlas: could not open a window: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The password for `--db`: none needed when the connection string, PGPASSWORD or ~/.pgpass
/// gives one, or when the server asks for none; otherwise asked on the terminal (not echoed).
/// Without a terminal, the app's Connect dialog asks for it.
fn database_password(url: &str) -> Result<Option<Secret>, zae_atlas::db::DbError> {
    use std::io::IsTerminal;
    let target = DbTarget::parse(url)?;
    if target.default_password().is_some() || !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    match Session::new(target.clone(), None).connect() {
        Err(e) if e.wants_password() => {
            let prompt = format!("Password for {}: ", target.display());
            Ok(rpassword::prompt_password(prompt).ok().map(Secret::new))
        }
        _ => Ok(None),
    }
}

/// A Windows GUI program has no console. When started from a terminal (cmd, PowerShell), attach
/// to that terminal's console so that what it prints shows there; when started from Explorer or
/// the Start menu there is none, and nothing happens. Output already redirected to a file or a
/// pipe is left as it is.
#[cfg(windows)]
fn attach_parent_console() {
    use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_OUTPUT_HANDLE,
    };
    // SAFETY: both calls take constants and only read or set this process's standard handles.
    unsafe {
        let out = GetStdHandle(STD_OUTPUT_HANDLE);
        if out.is_null() || out == INVALID_HANDLE_VALUE {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}
