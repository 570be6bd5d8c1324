//! Panels and windows. Each function draws one part and returns the commands the user gave.

pub mod db_dialog;
mod files_panel;
pub mod filters;
mod info_panel;
pub mod search;
pub mod stats;
pub mod table;
mod windows;

pub use files_panel::files_panel_ui;
pub use info_panel::info_panel_ui;
pub use windows::{errors_window_ui, report_window_ui};

use egui::{Align2, Color32, ProgressBar, Rect, RichText, Ui};

use crate::app::Command;
use crate::map::tiles::TileStatus;
use crate::model::Dataset;

/// Groups digits with a narrow no-break space: 11 000, 10 000 (readable in French and English).
pub fn format_count(n: f64) -> String {
    let rounded = n.round();
    if (n - rounded).abs() > 1e-9 {
        return format!("{n}");
    }
    let digits = format!("{}", rounded.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202F}');
        }
        out.push(c);
    }
    if rounded < 0.0 {
        out.insert(0, '-');
    }
    out
}

pub fn menu_bar_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    search: &mut search::SearchState,
    index: &mut Option<crate::search::SearchIndex>,
    recent: &[std::path::PathBuf],
) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open…  (Ctrl+O)").clicked() {
                commands.push(Command::OpenDialog);
            }
            ui.menu_button("Open recent", |ui| {
                if recent.is_empty() {
                    ui.label("No recent file");
                }
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(Command::Open(vec![path.clone()]));
                    }
                }
            });
            if ui.button(db_dialog::MENU_CONNECT).clicked() {
                commands.push(Command::DbDialog);
            }
            if dataset.files.iter().any(|f| f.database.is_some())
                && ui.button(db_dialog::MENU_REFRESH).clicked()
            {
                commands.push(Command::DbRefresh(None));
            }
            ui.separator();
            if ui.button("Export zones as CSV…").clicked() {
                commands.push(Command::ExportDialog("csv"));
            }
            if ui.button("Export zones as GeoJSON…").clicked() {
                commands.push(Command::ExportDialog("geojson"));
            }
            if ui.button("Save map view as PNG…").clicked() {
                commands.push(Command::ExportPngDialog);
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                commands.push(Command::Quit);
            }
        });
        ui.menu_button("View", |ui| {
            if ui.button("Fit all zones").clicked() {
                commands.push(Command::FitAll);
            }
            if ui.button("Attribute table").clicked() {
                commands.push(Command::ToggleTable);
            }
            if ui.button("Statistics").clicked() {
                commands.push(Command::ToggleStats);
            }
            ui.menu_button("Colour zones by", |ui| {
                for mode in crate::map::style::StyleMode::ALL {
                    if ui.button(mode.label()).clicked() {
                        commands.push(Command::SetStyle(mode));
                    }
                }
            });
            ui.menu_button("Load report", |ui| {
                for (i, file) in dataset.files.iter().enumerate() {
                    if ui.button(&file.name).clicked() {
                        commands.push(Command::ShowReport(Some(i)));
                    }
                }
            });
        });
        ui.menu_button("Tools", |ui| {
            if ui.button("Measure distance").clicked() {
                commands.push(Command::Measure(Some(
                    crate::measure::MeasureMode::Distance,
                )));
            }
            if ui.button("Measure area").clicked() {
                commands.push(Command::Measure(Some(crate::measure::MeasureMode::Area)));
            }
        });
        ui.menu_button("Help", |ui| {
            ui.label(format!("ZAE Atlas {}", env!("CARGO_PKG_VERSION")));
            ui.label("Activity zones of Dijon métropole and your own GeoJSON files.");
            ui.label("Base map © OpenStreetMap contributors (ODbL).");
        });
        ui.add_space(24.0);
        commands.extend(search::search_ui(ui, search, index, dataset));
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
    loading: Option<&LoadProgress>,
    notice: Option<&str>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        let files = dataset.files.len();
        ui.label(format!(
            "{} zones from {} file{}",
            dataset.zones.len(),
            files,
            if files == 1 { "" } else { "s" }
        ));
        ui.separator();
        let tiles_text = match tiles {
            TileStatus::Disabled => "Base map: none",
            TileStatus::Loading => "Base map: loading…",
            TileStatus::Ok => "Base map: online",
            TileStatus::Offline => "Base map: offline",
        };
        ui.label(tiles_text);
        if let Some(notice) = notice {
            ui.separator();
            ui.label(notice);
        }
        if let Some(p) = loading {
            ui.separator();
            ui.label(format!(
                "Loading {} ({}/{})",
                p.file,
                p.files_done + 1,
                p.files_total
            ));
            ui.add(
                ProgressBar::new(p.fraction)
                    .desired_width(180.0)
                    .show_percentage(),
            );
            if ui.button("Cancel").clicked() {
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
        "Drop GeoJSON files to open them",
        egui::FontId::proportional(24.0),
        Color32::WHITE,
    );
}

/// A value, or "unknown" in grey when the data does not say.
pub fn value_or_unknown(ui: &mut Ui, value: Option<String>) {
    match value {
        Some(v) => ui.add(egui::Label::new(v).wrap()),
        None => ui.label(RichText::new("unknown").italics().color(Color32::GRAY)),
    };
}

#[cfg(test)]
mod tests {
    use super::format_count;

    #[test]
    fn counts_are_grouped() {
        assert_eq!(format_count(11000.0), "11\u{202F}000");
        assert_eq!(format_count(500.0), "500");
        assert_eq!(format_count(1234567.0), "1\u{202F}234\u{202F}567");
    }
}
