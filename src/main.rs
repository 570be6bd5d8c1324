use std::path::PathBuf;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use zae_atlas::db::{DbTarget, Secret, Session, TableRef};
use zae_atlas::map::tiles::{TileChoice, default_cache_dir};
use zae_atlas::{AppConfig, ZaeApp};

/// ZAE Atlas: activity zones (zones d'activités économiques) on a map.
///
/// With no file, shows the embedded Dijon métropole dataset.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    /// GeoJSON files to open.
    files: Vec<PathBuf>,
    /// Base map: `osm` (default), `none`, or an XYZ URL template with {z}, {x}, {y}.
    #[arg(long, value_name = "URL|none|osm", default_value = "osm")]
    tiles: String,
    /// A PostgreSQL/PostGIS database to read (read-only), e.g.
    /// postgresql://user@host:5432/dbname. The password comes from PGPASSWORD or ~/.pgpass,
    /// or is asked for (not echoed); it is never saved.
    #[arg(long, value_name = "URL")]
    db: Option<String>,
    /// Tables of --db to open, as schema.table (repeatable). By default the CNIG tables
    /// (site-eco, terrain-eco, etablissement), else the list of tables is shown.
    #[arg(long = "db-table", value_name = "SCHEMA.TABLE", requires = "db")]
    db_tables: Vec<String>,
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
    /// Write the zones of the files (optionally filtered) as CSV or GeoJSON, without a window.
    /// Example: --filter "commune = Longvic and surface >= 10". Fields: name, commune,
    /// vocation, state, surface, jobs, establishments; operators = != < <= > >= ~ (contains).
    Export {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output file: .csv or .geojson (written to a temporary file, then renamed).
        #[arg(long, value_name = "OUT")]
        to: PathBuf,
        #[arg(long, value_name = "EXPR")]
        filter: Option<String>,
    },
}

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();
    match cli.command {
        Some(Cmd::Check { files }) => {
            let code = zae_atlas::check::run(&files, &mut std::io::stdout().lock());
            return ExitCode::from(code as u8);
        }
        Some(Cmd::Export { files, to, filter }) => {
            let code = zae_atlas::export_cmd::run(
                &files,
                &to,
                filter.as_deref(),
                &mut std::io::stdout().lock(),
            );
            return ExitCode::from(code as u8);
        }
        None => {}
    }
    let tiles = match TileChoice::parse(&cli.tiles) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("zae-atlas: {e}");
            return ExitCode::from(2);
        }
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
    let config = AppConfig {
        files: cli.files,
        tiles,
        tile_cache: default_cache_dir(),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("ZAE Atlas — Dijon métropole")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 420.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "ZAE Atlas",
        options,
        Box::new(move |cc| {
            let saved = cc.storage.and_then(|s| {
                eframe::get_value::<zae_atlas::app::Persisted>(s, zae_atlas::app::STORAGE_KEY)
            });
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
