//! Floating windows: a file's load report, and messages about files that could not be opened.

use egui::{Color32, Context, RichText, ScrollArea};

use crate::app::Command;
use crate::state::Problem;
use crate::store::SourceFile;
use crate::t;

pub fn report_window_ui(ctx: &Context, file: &SourceFile) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut open = true;
    egui::Window::new(t!("report-title", name = file.shown_name()))
        .id(egui::Id::unique("load-report"))
        .open(&mut open)
        .default_size([520.0, 380.0])
        .show(ctx, |ui| {
            let r = &file.report;
            if let Some(path) = &file.path {
                ui.label(t!("report-path", path = path.display().to_string()));
            }
            ui.label(t!(
                "report-coordinates",
                crs = super::reasons::crs_text(&r.crs)
            ));
            ui.label(t!(
                "report-features",
                n = r.features_seen,
                summary = super::report_summary(r)
            ));
            ui.separator();
            ScrollArea::vertical().show(ui, |ui| {
                if !r.skipped.is_empty() {
                    ui.label(RichText::new(t!("report-skipped", n = r.skipped.len())).strong());
                    for issue in &r.skipped {
                        ui.label(
                            RichText::new(super::reasons::issue_text(issue))
                                .color(Color32::from_rgb(0xB0, 0x30, 0x20)),
                        );
                    }
                }
                if !r.warnings.is_empty() {
                    ui.label(RichText::new(t!("report-warnings", n = r.warnings.len())).strong());
                    // One line per message: a warning shared by many features gives its count
                    // and the first features.
                    for group in crate::io::report::group_issues(&r.warnings) {
                        match group.issues.as_slice() {
                            [one] => ui.label(super::reasons::issue_text(one)),
                            many => ui.label(t!(
                                "report-warning-group",
                                message = super::reasons::reason_text(group.reason),
                                n = many.len(),
                                first = group.first_features_as(super::reasons::location_text)
                            )),
                        };
                    }
                }
                if r.skipped.is_empty() && r.warnings.is_empty() {
                    ui.label(t!("report-clean"));
                }
            });
        });
    if !open {
        commands.push(Command::ShowReport(None));
    }
    commands
}

/// What went wrong, each said in the interface's language, with a button to dismiss it.
pub fn errors_window_ui(ctx: &Context, errors: &[Problem]) -> Vec<Command> {
    let mut commands = Vec::new();
    if errors.is_empty() {
        return commands;
    }
    egui::Window::new(t!("errors-title"))
        .id(egui::Id::unique("load-errors"))
        .collapsible(false)
        .default_width(480.0)
        .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
        .show(ctx, |ui| {
            for (i, e) in errors.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    let text = super::problems::problem_text(e);
                    ui.label(RichText::new(text).color(Color32::from_rgb(0xB0, 0x30, 0x20)));
                    if ui.small_button(t!("dismiss")).clicked() {
                        commands.push(Command::DismissError(i));
                    }
                });
            }
        });
    commands
}
