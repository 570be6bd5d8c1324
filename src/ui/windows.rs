//! Floating windows: a file's load report, and messages about files that could not be opened.

use egui::{Color32, Context, RichText, ScrollArea};

use crate::app::Command;
use crate::model::SourceFile;

pub fn report_window_ui(ctx: &Context, index: usize, file: &SourceFile) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut open = true;
    egui::Window::new(format!("Load report — {}", file.name))
        .id(egui::Id::unique("load-report"))
        .open(&mut open)
        .default_size([520.0, 380.0])
        .show(ctx, |ui| {
            let r = &file.report;
            if let Some(path) = &file.path {
                ui.label(format!("Path: {}", path.display()));
            }
            ui.label(format!("Coordinates: {}", r.crs));
            ui.label(format!("Features: {} · {}", r.features_seen, r.summary()));
            ui.separator();
            ScrollArea::vertical().show(ui, |ui| {
                if !r.skipped.is_empty() {
                    ui.label(RichText::new(format!("Skipped ({})", r.skipped.len())).strong());
                    for issue in &r.skipped {
                        ui.label(
                            RichText::new(issue.to_string())
                                .color(Color32::from_rgb(0xB0, 0x30, 0x20)),
                        );
                    }
                }
                if !r.warnings.is_empty() {
                    ui.label(RichText::new(format!("Warnings ({})", r.warnings.len())).strong());
                    for issue in &r.warnings {
                        ui.label(issue.to_string());
                    }
                }
                if r.skipped.is_empty() && r.warnings.is_empty() {
                    ui.label("Every feature loaded without a problem.");
                }
            });
        });
    if !open {
        commands.push(Command::ShowReport(None));
    }
    let _ = index;
    commands
}

pub fn errors_window_ui(ctx: &Context, errors: &[String]) -> Vec<Command> {
    let mut commands = Vec::new();
    if errors.is_empty() {
        return commands;
    }
    egui::Window::new("Could not open")
        .id(egui::Id::unique("load-errors"))
        .collapsible(false)
        .default_width(480.0)
        .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
        .show(ctx, |ui| {
            for (i, e) in errors.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(e).color(Color32::from_rgb(0xB0, 0x30, 0x20)));
                    if ui.small_button("Dismiss").clicked() {
                        commands.push(Command::DismissError(i));
                    }
                });
            }
        });
    commands
}
