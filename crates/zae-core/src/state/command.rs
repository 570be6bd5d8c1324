//! What the user asks for, and what the state asks the shell to do in return.

use std::path::PathBuf;

use crate::basemap::TileChoice;
use crate::db::{Secret, TableRef};
use crate::filter::ZoneFilter;
use crate::i18n::Lang;
use crate::measure::MeasureMode;
use crate::settings::Settings;
use crate::store::{SourceId, ZoneId};
use crate::style::StyleMode;

use super::TableSort;

/// Zoom buttons and keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zoom {
    In,
    Out,
    /// Fit the view to everything loaded.
    FitAll,
}

/// Something the user asked for; applied between frames by [`super::AppState::apply`]. Zones
/// and sources are named by id, never by position.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    Select(Option<ZoneId>),
    /// Select a zone and fly to it.
    Focus(ZoneId),
    /// Open files; a GeoPackage (or zip) of several tables asks which first.
    Open(Vec<PathBuf>),
    /// Open these files and tables as they are (the tables were chosen).
    OpenChosen(Vec<PathBuf>),
    /// The table chooser was closed without opening anything.
    CancelLayerChoice,
    OpenDialog,
    CloseFile(SourceId),
    ShowReport(Option<SourceId>),
    FitAll,
    Zoom(Zoom),
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
    /// Ask where to save, then write this zone's sheet (PDF).
    SheetDialog(ZoneId),
    /// Write this zone's sheet (PDF) to this file.
    WriteSheet(ZoneId, PathBuf),
    /// Ask where to save, then write the catalogue of the zones the filter shows (PDF).
    CatalogueDialog,
    /// Write the catalogue of the zones the filter shows (PDF) to this file.
    WriteCatalogue(PathBuf),
    /// The booth's "Print this sheet": the sheet to a temporary file, then the configured
    /// print command with its path.
    PrintSheet(ZoneId),
    SetFilter(ZoneFilter),
    /// Sort the attribute table.
    SetTableSort(TableSort),
    /// List the zones of the left panel by name (true) or in the files' order.
    SetZoneListByName(bool),
    ToggleTable,
    ToggleStats,
    /// Start measuring (distance or area), or stop.
    Measure(Option<MeasureMode>),
    /// A point clicked on the map while measuring (longitude, latitude).
    MeasurePoint(f64, f64),
    SetStyle(StyleMode),
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
        password: Secret,
    },
    /// Ask for the CA file of the database server (the Connect dialog's TLS choice).
    DbCaDialog,
    /// Use this CA file for the connection being set up in the Connect dialog.
    DbCaFile(PathBuf),
    /// Read tables of a listed database (`url` without password).
    DbOpen {
        url: String,
        tables: Vec<TableRef>,
    },
    /// Show (true) or hide the context layer drawn when there is no base map.
    ShowContext(bool),
    /// Ask for a polygon file to use as the context layer.
    ContextDialog,
    /// Use this polygon file as the context layer; `None`: the communes of the métropole.
    SetContextFile(Option<PathBuf>),
    /// Read a database source again (one, or all when `None`).
    DbRefresh(Option<SourceId>),
    /// Connect again after the connection was lost, and read again.
    DbRetry,
    /// The connection to this database was lost while reading: its last data stays shown,
    /// under a banner, until it is read again.
    DbLost {
        url: String,
        error: std::sync::Arc<crate::db::DbError>,
    },
    /// A frame of kiosk mode at `now` (the shell's clock, seconds); `touched` when someone used
    /// the screen since the last one.
    KioskTick {
        now: f64,
        touched: bool,
    },
    /// The exit chord was pressed: the PIN prompt, or kiosk mode ends when no PIN is set.
    KioskExitAsked,
    /// What is typed in the PIN prompt.
    KioskPinTyped(String),
    /// "Leave" (or Enter) on the PIN prompt.
    KioskPinSubmit,
    /// "Stay" on the PIN prompt.
    KioskPinCancel,
    /// File ▸ Compare inventories…: ask for the files before, then the files after.
    CompareDialog,
    /// The files before were chosen: ask for the files after.
    CompareBefore(Vec<PathBuf>),
    /// Compare two inventories (`--compare BEFORE... -- AFTER...`, or the dialogs).
    Compare {
        before: Vec<PathBuf>,
        after: Vec<PathBuf>,
    },
    /// Close the comparison (the after inventory stays open).
    CloseCompare,
    /// Show only the changes of this kind in the change table (`None`: all).
    SetChangeFilter(Option<crate::diff::ChangeKind>),
    /// Where the swipe splits the map (0..1, before on the left); `None`: no swipe.
    SetSwipe(Option<f32>),
    /// A row of the change table (an index into the changes): fly to its zone and select it.
    FocusChange(usize),
    Quit,
}

/// What only the shell around the state can do (windows, dialogs, threads, the network, the
/// GPU), asked for by [`super::AppState::apply`]. The shell runs each one; none blocks the
/// interface (file dialogs run off the UI thread and come back as commands).
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Effect {
    /// Ask which files to open (File ▸ Open).
    PickFilesToOpen,
    /// Open files: ask which tables first when one holds several, else read them.
    ChooseTables(Vec<PathBuf>),
    /// Close the table chooser.
    CloseTableChooser,
    /// Read these files on a worker (again, when `reload`).
    StartLoad {
        paths: Vec<PathBuf>,
        reload: bool,
    },
    /// Stop what the workers read.
    CancelLoads,
    /// Ask where to export the filtered zones ("csv", "geojson", "gpkg").
    PickExportFile(&'static str),
    /// Ask where to write the map as PNG.
    PickPngFile,
    /// Write the map as drawn in the next frame to this PNG file.
    Screenshot(PathBuf),
    /// Ask where to write a zone's sheet (PDF).
    PickSheetFile(ZoneId),
    /// Ask where to write the catalogue (PDF).
    PickCatalogueFile,
    /// Write a PDF on a worker: the sheets of these zones (positions), as a catalogue (an
    /// overview page first) or one zone's sheet; how it went comes back through
    /// [`super::AppState::pdf_written`].
    WritePdf {
        positions: Vec<usize>,
        catalogue: bool,
        path: PathBuf,
    },
    /// Print the sheet of the zone at `position` at the booth, off the interface's thread: the
    /// PDF to a temporary file, then the print command (program and arguments) with its path
    /// last; a failure is shown on the card.
    Print {
        command: Vec<String>,
        position: usize,
    },
    /// Ask for a PMTiles file for the base map.
    PickBaseMapFile,
    /// Use another base map.
    SetBaseMap(TileChoice),
    /// Try the tile server again.
    RetryTiles,
    ZoomIn,
    ZoomOut,
    /// Open a web page in the browser (http and https only reach here).
    OpenUrl(String),
    /// The interface scale changed.
    SetUiScale(f32),
    /// Kiosk mode began (true) or ended: fullscreen, theme, scale.
    Kiosk(bool),
    /// Fly the map smoothly to fit these bounds (the kiosk's tour and its reset).
    FlyTo(geo::Rect<f64>),
    /// Someone touched the screen: stop a flight where it is.
    StopFlight,
    /// The language changed: labels measured in the old one are stale.
    Relabel,
    /// Read how much the tile cache holds (for the Settings window).
    ReadTileCacheUsage,
    /// Trim the tile cache to the limit of the settings.
    TrimTileCache,
    /// Database work: the dialog, connections and reads run by the shell's worker.
    Db(DbEffect),
    /// The context layer drawn when there is no base map.
    Context(ContextEffect),
    /// Comparing inventories: the dialogs, and the worker that reads and compares.
    Compare(CompareEffect),
    /// Close the window.
    Quit,
}

/// Comparison work for the shell.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareEffect {
    /// Ask for the files of the inventory before.
    PickBefore,
    /// Ask for the files of the inventory after (those before are chosen).
    PickAfter(Vec<PathBuf>),
    /// Read both inventories on a worker and compare them.
    Start {
        before: Vec<PathBuf>,
        after: Vec<PathBuf>,
    },
}

/// Database work for the shell.
#[derive(Clone, Debug, PartialEq)]
pub enum DbEffect {
    ShowDialog,
    PickCaFile,
    CaFile(PathBuf),
    Connect { url: String, password: Secret },
    Open { url: String, tables: Vec<TableRef> },
    Refresh(Option<SourceId>),
    Retry,
}

/// Context layer changes for the shell.
#[derive(Clone, Debug, PartialEq)]
pub enum ContextEffect {
    Show(bool),
    PickFile,
    SetFile(Option<PathBuf>),
}
