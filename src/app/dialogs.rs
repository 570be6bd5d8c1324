//! File dialogs that never block the frame: each is opened on the UI thread (as macOS wants)
//! and awaited on a thread of its own; the answer comes back as a [`Command`] that the next
//! frame applies. One dialog at a time.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::Context;

use super::Command;
use crate::basemap::TileChoice;
use crate::t;

/// What a dialog asks for, and so what its answer becomes.
pub enum Ask {
    /// Files to open.
    Open,
    /// Where to export the filtered zones, with this extension.
    Export(&'static str),
    /// Where to write the map as PNG.
    Png,
    /// Where to write a zone's sheet (PDF), and its suggested file name.
    Sheet(crate::store::ZoneId, String),
    /// Where to write the catalogue (PDF).
    Catalogue,
    /// A PMTiles base map.
    BaseMap,
    /// A polygon file for the context layer.
    ContextFile,
    /// The CA certificate of a database server.
    CaFile,
    /// The files of the inventory before (File ▸ Compare inventories…).
    CompareBefore,
    /// The files of the inventory after, those before being chosen.
    CompareAfter(Vec<PathBuf>),
}

pub struct Dialogs {
    send: Sender<Option<Command>>,
    receive: Receiver<Option<Command>>,
    /// A dialog is open (its answer has not come back).
    open: bool,
}

impl Dialogs {
    pub fn new() -> Self {
        let (send, receive) = channel();
        Self {
            send,
            receive,
            open: false,
        }
    }

    /// Opens a dialog, unless one is open already.
    pub fn ask(&mut self, ask: Ask, ctx: &Context) {
        if self.open {
            return;
        }
        let dialog = rfd::AsyncFileDialog::new();
        let send = self.send.clone();
        let repaint = ctx.clone();
        let spawned = match ask {
            Ask::Open => {
                let picked = dialog
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
                spawn(send, repaint, async move {
                    let files = picked.await?;
                    let paths: Vec<PathBuf> =
                        files.iter().map(|f| f.path().to_path_buf()).collect();
                    (!paths.is_empty()).then_some(Command::Open(paths))
                })
            }
            Ask::Export(ext) => {
                let picked = dialog
                    .set_title(t!("dialog-export-title"))
                    .set_file_name(format!("zones.{ext}"))
                    .add_filter(ext, &[ext])
                    .save_file();
                spawn(send, repaint, async move {
                    Some(Command::Export(picked.await?.path().to_path_buf()))
                })
            }
            Ask::Png => {
                let picked = dialog
                    .set_title(t!("dialog-png-title"))
                    .set_file_name("map.png")
                    .add_filter("PNG", &["png"])
                    .save_file();
                spawn(send, repaint, async move {
                    Some(Command::ExportPng(picked.await?.path().to_path_buf()))
                })
            }
            Ask::Sheet(id, name) => {
                let picked = dialog
                    .set_title(t!("dialog-sheet-title"))
                    .set_file_name(name)
                    .add_filter("PDF", &["pdf"])
                    .save_file();
                spawn(send, repaint, async move {
                    Some(Command::WriteSheet(id, picked.await?.path().to_path_buf()))
                })
            }
            Ask::Catalogue => {
                let picked = dialog
                    .set_title(t!("dialog-catalogue-title"))
                    .set_file_name("catalogue.pdf")
                    .add_filter("PDF", &["pdf"])
                    .save_file();
                spawn(send, repaint, async move {
                    Some(Command::WriteCatalogue(picked.await?.path().to_path_buf()))
                })
            }
            Ask::BaseMap => {
                let picked = dialog
                    .set_title(t!("dialog-pmtiles-title"))
                    .add_filter("PMTiles", &["pmtiles"])
                    .pick_file();
                spawn(send, repaint, async move {
                    let path = picked.await?.path().to_path_buf();
                    Some(Command::SetTiles(TileChoice::PmTiles(path)))
                })
            }
            Ask::ContextFile => {
                let picked = dialog
                    .set_title(t!("dialog-context-title"))
                    .add_filter("GeoJSON", &["geojson", "json"])
                    .add_filter("CNIG CSV", &["csv"])
                    .add_filter(t!("dialog-all-files"), &["*"])
                    .pick_file();
                spawn(send, repaint, async move {
                    let path = picked.await?.path().to_path_buf();
                    Some(Command::SetContextFile(Some(path)))
                })
            }
            Ask::CaFile => {
                let picked = dialog
                    .set_title(t!("db-tls-choose-ca"))
                    .add_filter("PEM", &["pem", "crt", "cer"])
                    .add_filter(t!("dialog-all-files"), &["*"])
                    .pick_file();
                spawn(send, repaint, async move {
                    Some(Command::DbCaFile(picked.await?.path().to_path_buf()))
                })
            }
            Ask::CompareBefore => {
                let picked = inventory_files(dialog, t!("compare-dialog-before")).pick_files();
                spawn(send, repaint, async move {
                    let files = picked.await?;
                    let paths: Vec<PathBuf> =
                        files.iter().map(|f| f.path().to_path_buf()).collect();
                    (!paths.is_empty()).then_some(Command::CompareBefore(paths))
                })
            }
            Ask::CompareAfter(before) => {
                let picked = inventory_files(dialog, t!("compare-dialog-after")).pick_files();
                spawn(send, repaint, async move {
                    let files = picked.await?;
                    let after: Vec<PathBuf> =
                        files.iter().map(|f| f.path().to_path_buf()).collect();
                    (!after.is_empty()).then_some(Command::Compare { before, after })
                })
            }
        };
        match spawned {
            Ok(()) => self.open = true,
            Err(e) => log::warn!("file dialog not opened: {e}"),
        }
    }

    /// The answer of the dialog, once it is closed (`None` inside: it was cancelled).
    pub fn poll(&mut self) -> Option<Command> {
        match self.receive.try_recv() {
            Ok(answer) => {
                self.open = false;
                answer
            }
            Err(_) => None,
        }
    }
}

/// A dialog for the files of an inventory (the three CNIG layers, or any zone file).
fn inventory_files(dialog: rfd::AsyncFileDialog, title: String) -> rfd::AsyncFileDialog {
    dialog
        .set_title(title)
        .add_filter(
            t!("dialog-all-supported"),
            &["geojson", "json", "csv", "gpkg", "shp", "zip", "fgb"],
        )
        .add_filter(t!("dialog-all-files"), &["*"])
}

/// Awaits a dialog on its own thread, sends its answer and wakes the interface.
fn spawn(
    send: Sender<Option<Command>>,
    repaint: Context,
    answer: impl Future<Output = Option<Command>> + Send + 'static,
) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("file-dialog".into())
        .spawn(move || {
            let command = pollster::block_on(answer);
            // The window may be gone: nothing to tell then.
            let _ = send.send(command);
            repaint.request_repaint();
        })
        .map(|_| ())
}
