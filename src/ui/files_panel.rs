//! Left panel: open files (with their load report) and the list of zones.

use egui::{Color32, RichText, Ui};

use crate::app::Command;
use crate::store::ZoneStore;
use crate::t;

/// `by_name`: the zone list is sorted by name (else in file order; see [`super::zone_list`]).
pub fn files_panel_ui(
    ui: &mut Ui,
    store: &ZoneStore,
    selected: Option<usize>,
    by_name: bool,
) -> Vec<Command> {
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
    commands.extend(super::zone_list::zone_list_ui(ui, store, by_name, selected));
    commands
}
