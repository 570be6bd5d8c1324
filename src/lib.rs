//! ZAE Atlas: a desktop GIS viewer for zones d'activités économiques (business parks).
//!
//! The core (`model`, `io`, `spatial`) knows nothing of egui and is tested headlessly; `map`,
//! `ui` and `app` sit on top.

pub mod app;
pub mod check;
pub mod crash;
pub mod db;
pub mod export_cmd;
pub mod filter;
pub mod i18n;
pub mod identity;
pub mod io;
pub mod kiosk;
pub mod map;
pub mod measure;
pub mod model;
pub mod qr;
pub mod search;
pub mod settings;
pub mod settings_store;
pub mod spatial;
pub mod stats;
pub mod ui;

pub use app::{AppConfig, Command, ZaeApp};
