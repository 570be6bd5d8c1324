//! The Settings window: language, interface scale, base map, tile cache limit, kiosk.

use egui::{Context, DragValue, RichText};

use crate::app::Command;
use crate::basemap::TileChoice;
use crate::i18n::Lang;
use crate::settings::Settings;
use crate::t;

/// What the window shows besides the settings themselves.
pub struct SettingsView<'a> {
    pub tiles: &'a TileChoice,
    /// Bytes and tiles in the HTTP cache, and where it is.
    pub cache: Option<(u64, usize, String)>,
}

/// Returns the commands given; an edited copy of the settings comes back as SetSettings.
pub fn settings_window_ui(ctx: &Context, settings: &Settings, view: &SettingsView) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut edited = settings.clone();
    let mut open = true;
    egui::Window::new(t!("settings-title"))
        .id(egui::Id::unique("settings"))
        .open(&mut open)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("settings-grid")
                .num_columns(2)
                .spacing([16.0, 10.0])
                .show(ui, |ui| {
                    ui.label(t!("settings-language"));
                    ui.horizontal(|ui| {
                        for lang in Lang::ALL {
                            let on = edited.lang() == lang;
                            if ui.selectable_label(on, lang.native_name()).clicked() {
                                edited.language = Some(lang);
                            }
                        }
                    });
                    ui.end_row();

                    ui.label(t!("settings-ui-scale"));
                    ui.add(egui::Slider::new(&mut edited.ui_scale, 0.75..=2.0).step_by(0.05));
                    ui.end_row();

                    ui.label(t!("settings-base-map"));
                    ui.vertical(|ui| {
                        for (choice, label) in [
                            (TileChoice::OpenStreetMap, t!("basemap-osm")),
                            (TileChoice::PlanIgn, t!("basemap-plan-ign")),
                            (TileChoice::OrthoIgn, t!("basemap-ortho-ign")),
                        ] {
                            let on = *view.tiles == choice;
                            if ui.radio(on, label).clicked() && !on {
                                commands.push(Command::SetTiles(choice));
                            }
                        }
                        let none = matches!(view.tiles, TileChoice::None);
                        if ui.radio(none, t!("basemap-none")).clicked() && !none {
                            commands.push(Command::SetTiles(TileChoice::None));
                        }
                        let file = match view.tiles {
                            TileChoice::PmTiles(p) => Some(crate::io::display_name(p)),
                            _ => None,
                        };
                        if ui.radio(file.is_some(), t!("basemap-pmtiles")).clicked() {
                            commands.push(Command::OpenBaseMapDialog);
                        }
                        if let Some(file) = file {
                            ui.label(RichText::new(file).small());
                        }
                    });
                    ui.end_row();

                    ui.label(t!("settings-cache-limit"));
                    ui.vertical(|ui| {
                        ui.add(DragValue::new(&mut edited.cache_limit_mb).range(10..=100_000));
                        if let Some((bytes, _, dir)) = &view.cache {
                            let mb = crate::format::format_mb(*bytes);
                            ui.label(
                                RichText::new(t!("settings-cache-used", mb = mb, dir = dir))
                                    .small(),
                            );
                        }
                    });
                    ui.end_row();

                    ui.label(t!("settings-idle"));
                    ui.add(
                        DragValue::new(&mut edited.kiosk.idle_seconds)
                            .range(5.0..=3600.0)
                            .speed(1.0),
                    );
                    ui.end_row();
                });
            ui.separator();
            if ui.button(t!("settings-enter-kiosk")).clicked() {
                commands.push(Command::SetKiosk(true));
            }
        });
    if edited != *settings {
        commands.push(Command::SetSettings(Box::new(edited)));
    }
    if !open {
        commands.push(Command::ToggleSettings);
    }
    commands
}
