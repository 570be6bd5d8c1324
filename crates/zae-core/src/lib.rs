//! The core of ZAE Atlas: everything that knows activity zones and nothing of the interface.
//!
//! Layers, from the bottom (a module only uses the ones above it in this list):
//! - `i18n`, `format`, `identity`: languages and messages, how numbers are written, who we are;
//! - `model`: zones, plots, establishments, what their properties mean, load reports;
//! - `spatial`, `io`, `db`: the R-tree and meshes; the file readers and writers; PostGIS;
//! - `store`: what is loaded, held together;
//! - `filter`, `search`, `stats`, `measure`, `kiosk`, `settings`, `check`, `export_cmd`, `diff`, `diff_cmd`: work
//!   over the store, and the headless commands.
//!
//! This crate's manifest has no egui, eframe or walkers: Cargo keeps the interface out.

pub mod basemap;
pub mod check;
pub mod db;
pub mod diff;
pub mod diff_cmd;
pub mod embedded;
pub mod export_cmd;
pub mod filter;
pub mod format;
pub mod i18n;
pub mod identity;
pub mod io;
pub mod jobs;
pub mod kiosk;
pub mod measure;
pub mod model;
pub mod qr;
pub mod search;
pub mod settings;
pub mod sheet;
pub mod spatial;
pub mod state;
pub mod stats;
pub mod store;
pub mod style;
