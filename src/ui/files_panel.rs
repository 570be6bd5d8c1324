//! Left panel: open files (with their load report) and the list of zones.

use egui::{Color32, RichText, ScrollArea, Ui};

use crate::app::Command;
use crate::store::ZoneStore;
use crate::t;

pub fn files_panel_ui(ui: &mut Ui, store: &ZoneStore, selected: Option<usize>) -> Vec<Command> {
    let mut commands = Vec::new();
    let zones = store.zones();
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(t!("files-title")).strong());
        if ui
            .button(t!("files-open"))
            .on_hover_text(t!("files-open-hover"))
            .clicked()
        {
            commands.push(Command::OpenDialog);
        }
    });
    for (source, file) in store.sources() {
        ui.group(|ui| {
            ui.horizontal(|ui| {
                // Long names (database tables) wrap; × stays in view.
                let room = (ui.available_width() - 28.0).max(40.0);
                ui.scope(|ui| {
                    ui.set_max_width(room);
                    ui.add(egui::Label::new(RichText::new(file.shown_name()).strong()).wrap());
                });
                let label = t!("close-file", name = file.shown_name());
                let close = ui.small_button("×").on_hover_text(&label);
                close.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &label)
                });
                if close.clicked() {
                    commands.push(Command::CloseFile(source));
                }
            });
            let report = &file.report;
            let color = if report.skipped.is_empty() {
                Color32::from_rgb(0x2E, 0x7D, 0x32)
            } else {
                Color32::from_rgb(0xC0, 0x60, 0x00)
            };
            ui.label(
                RichText::new(super::report_summary(report))
                    .small()
                    .color(color),
            );
            ui.horizontal(|ui| {
                if ui.small_button(t!("load-report-button")).clicked() {
                    commands.push(Command::ShowReport(Some(source)));
                }
                commands.extend(super::db_dialog::refresh_button_ui(ui, source, file));
            });
        });
    }
    ui.separator();
    ui.label(RichText::new(t!("zones-title", n = zones.len())).strong());
    let row_height = ui.text_style_height(&egui::TextStyle::Button) + 4.0;
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, zones.len(), |ui, rows| {
            for i in rows {
                let zone = &zones[i];
                let response = ui.selectable_label(selected == Some(i), zone.display_name());
                if selected == Some(i) && response.gained_focus() {
                    response.scroll_to_me(None);
                }
                if response.clicked()
                    && let Some(id) = store.zone_id(i)
                {
                    commands.push(Command::Focus(id));
                }
            }
        });
    commands
}
