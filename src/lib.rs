//! ZAE Atlas: a desktop GIS viewer for zones d'activités économiques (business parks).
//!
//! The core (`zae_core`: model, readers, CRS, spatial index, filters, statistics, export) knows
//! nothing of egui and is tested headlessly; `map`, `ui` and `app` sit on top. The core's modules
//! are re-exported here so that `zae_atlas::io`, `zae_atlas::model`, ... name them.

pub mod app;
pub mod crash;
pub mod map;
pub mod palette;
pub mod settings_store;
pub mod ui;

pub use zae_core::{
    basemap, check, db, diff, diff_cmd, embedded, export_cmd, filter, format, i18n, identity, io,
    jobs, kiosk, measure, model, qr, search, settings, sheet, spatial, state, stats, store, style,
    t,
};

pub use app::{AppConfig, Command, ZaeApp};
