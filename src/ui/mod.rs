//! Panels and windows. Each function draws one part and returns the commands the user gave.

pub mod about;
pub mod compare;
pub mod db_dialog;
pub mod db_tls;
mod files_panel;
pub mod filters;
pub mod info_panel;
pub mod kiosk;
pub mod layer_chooser;
pub mod problems;
pub mod reasons;
pub mod search;
pub mod settings;
pub mod stats;
pub mod table;
mod windows;
pub mod zone_list;

pub use files_panel::files_panel_ui;
pub use info_panel::info_panel_ui;
pub use windows::{errors_window_ui, report_window_ui};

use egui::{Align2, Color32, ProgressBar, Rect, RichText, Ui};

use crate::app::Command;
use crate::basemap::TileStatus;
use crate::format::format_count;
use crate::i18n::Lang;
use crate::store::{Dataset, ZoneStore};
use crate::t;

pub fn menu_bar_ui(
    ui: &mut Ui,
    store: &ZoneStore,
    search: &mut search::SearchState,
    index: Option<&crate::search::SearchIndex>,
    recent: &[std::path::PathBuf],
    (context_shown, context_own_file): (bool, bool),
) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t!("menu-file"), |ui| {
            if ui.button(t!("menu-open")).clicked() {
                commands.push(Command::OpenDialog);
            }
            ui.menu_button(t!("menu-open-recent"), |ui| {
                if recent.is_empty() {
                    ui.label(t!("menu-no-recent"));
                }
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(Command::Open(vec![path.clone()]));
                    }
                }
            });
            if ui.button(t!("menu-open-basemap")).clicked() {
                commands.push(Command::OpenBaseMapDialog);
            }
            if ui.button(t!("db-menu-connect")).clicked() {
                commands.push(Command::DbDialog);
            }
            if store.sources().any(|(_, f)| f.database.is_some())
                && ui.button(t!("db-menu-refresh")).clicked()
            {
                commands.push(Command::DbRefresh(None));
            }
            if ui.button(t!("menu-compare")).clicked() {
                commands.push(Command::CompareDialog);
            }
            ui.separator();
            if ui.button(t!("menu-export-csv")).clicked() {
                commands.push(Command::ExportDialog("csv"));
            }
            if ui.button(t!("menu-export-geojson")).clicked() {
                commands.push(Command::ExportDialog("geojson"));
            }
            if ui.button(t!("menu-export-png")).clicked() {
                commands.push(Command::ExportPngDialog);
            }
            if ui.button(t!("menu-export-catalogue")).clicked() {
                commands.push(Command::CatalogueDialog);
            }
            ui.separator();
            if ui.button(t!("menu-quit")).clicked() {
                commands.push(Command::Quit);
            }
        });
        ui.menu_button(t!("menu-view"), |ui| {
            if ui.button(t!("menu-fit-all")).clicked() {
                commands.push(Command::FitAll);
            }
            if ui.button(t!("menu-table")).clicked() {
                commands.push(Command::ToggleTable);
            }
            if ui.button(t!("menu-stats")).clicked() {
                commands.push(Command::ToggleStats);
            }
            ui.menu_button(t!("menu-colour-by"), |ui| {
                for mode in crate::style::StyleMode::ALL {
                    if ui.button(mode.label()).clicked() {
                        commands.push(Command::SetStyle(mode));
                    }
                }
            });
            ui.menu_button(t!("menu-context"), |ui| {
                let mut shown = context_shown;
                if ui
                    .checkbox(&mut shown, t!("menu-context-show"))
                    .on_hover_text(t!("menu-context-hover"))
                    .changed()
                {
                    commands.push(Command::ShowContext(shown));
                }
                if ui.button(t!("menu-context-open")).clicked() {
                    commands.push(Command::ContextDialog);
                }
                if context_own_file && ui.button(t!("menu-context-communes")).clicked() {
                    commands.push(Command::SetContextFile(None));
                }
            });
            ui.menu_button(t!("menu-load-report"), |ui| {
                for (source, file) in store.sources() {
                    if ui.button(file.shown_name()).clicked() {
                        commands.push(Command::ShowReport(Some(source)));
                    }
                }
            });
            ui.separator();
            if ui.button(t!("menu-settings")).clicked() {
                commands.push(Command::ToggleSettings);
            }
            if ui.button(t!("menu-kiosk")).clicked() {
                commands.push(Command::SetKiosk(true));
            }
        });
        ui.menu_button(t!("menu-tools"), |ui| {
            if ui.button(t!("menu-measure-distance")).clicked() {
                commands.push(Command::Measure(Some(
                    crate::measure::MeasureMode::Distance,
                )));
            }
            if ui.button(t!("menu-measure-area")).clicked() {
                commands.push(Command::Measure(Some(crate::measure::MeasureMode::Area)));
            }
        });
        ui.menu_button(t!("menu-help"), |ui| {
            ui.label(format!("ZAE Atlas {}", crate::identity::VERSION));
            ui.label(t!("help-about"));
            ui.label(t!("help-osm"));
            ui.separator();
            ui.label(t!("help-inventory"));
            ui.label(t!("help-inventory-make"));
            ui.label(t!("help-communes"));
            ui.separator();
            if ui.button(t!("menu-about")).clicked() {
                commands.push(Command::ToggleAbout);
            }
        });
        ui.add_space(24.0);
        commands.extend(search::search_ui(ui, search, index, store));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(lang) = language_switch_ui(ui, 14.0) {
                commands.push(Command::SetLang(lang));
            }
        });
    });
    commands
}

/// Progress of a running load, for the status bar.
pub struct LoadProgress {
    pub file: String,
    pub fraction: f32,
    pub files_done: usize,
    pub files_total: usize,
}

pub fn status_bar_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    tiles: TileStatus,
    base_file: Option<&str>,
    loading: Option<&LoadProgress>,
    notice: Option<&str>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        let files = dataset.files.len();
        ui.label(t!(
            "status-zones",
            n = dataset.zones.len(),
            count = format_count(dataset.zones.len() as f64),
            files = files
        ));
        ui.separator();
        let tiles_text = match (tiles, base_file) {
            (TileStatus::Disabled, _) => t!("status-basemap-none"),
            (_, Some(file)) => t!("status-basemap-file", file = file),
            (TileStatus::Loading, None) => t!("status-basemap-loading"),
            (TileStatus::Ok, None) => t!("status-basemap-online"),
            (TileStatus::Offline, None) => t!("status-basemap-offline"),
        };
        ui.label(tiles_text);
        if let Some(notice) = notice {
            ui.separator();
            ui.label(notice);
        }
        if let Some(p) = loading {
            ui.separator();
            ui.label(t!(
                "status-loading",
                file = &p.file,
                done = p.files_done + 1,
                total = p.files_total
            ));
            ui.add(
                ProgressBar::new(p.fraction)
                    .desired_width(180.0)
                    .show_percentage(),
            );
            if ui.button(t!("cancel")).clicked() {
                commands.push(Command::CancelLoad);
            }
        }
    });
    commands
}

/// Shown over the map while files are dragged over the window.
pub fn drop_hint_ui(ui: &mut Ui, map: Rect) {
    let painter = ui.painter();
    painter.rect_filled(map, 0.0, Color32::from_black_alpha(120));
    painter.text(
        map.center(),
        Align2::CENTER_CENTER,
        t!("drop-hint"),
        egui::FontId::proportional(24.0),
        Color32::WHITE,
    );
}

/// The language switch: one button per language, the current one highlighted. Returns the
/// language picked.
pub fn language_switch_ui(ui: &mut Ui, size: f32) -> Option<Lang> {
    let mut picked = None;
    let current = crate::i18n::lang();
    // Drawn right to left: reversed, so the buttons read "Français English".
    for lang in Lang::ALL.into_iter().rev() {
        let text = RichText::new(lang.native_name()).size(size);
        let button = egui::Button::selectable(lang == current, text);
        if ui.add(button).clicked() && lang != current {
            picked = Some(lang);
        }
    }
    picked
}

/// A file's load report in one line, in the current language.
pub fn report_summary(report: &crate::io::LoadReport) -> String {
    t!(
        "report-summary",
        loaded = report.loaded,
        skipped = report.skipped.len(),
        warnings = report.warnings.len()
    )
}

/// A value, or "unknown" in grey when the data does not say.
pub fn value_or_unknown(ui: &mut Ui, value: Option<String>) {
    match value {
        Some(v) => ui.add(egui::Label::new(v).wrap()),
        None => ui.label(RichText::new(t!("unknown")).italics().color(Color32::GRAY)),
    };
}
