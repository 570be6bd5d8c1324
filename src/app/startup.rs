//! What the app says once at start: a settings file that could not be read (set aside, named),
//! and a crash report of the last session with a button that opens its folder (never in kiosk
//! mode: the booth's visitors are not the ones to read it). Also where the settings are saved.

use std::path::PathBuf;

use egui::Context;

use super::{AppConfig, ZaeApp};
use crate::t;

#[derive(Debug, Default)]
pub(super) struct Startup {
    /// The remembered settings' own file (written atomically); `None`: eframe's storage.
    settings_file: Option<PathBuf>,
    /// A crash report not yet told of.
    crash_report: Option<PathBuf>,
}

impl Startup {
    pub(super) fn new(config: &AppConfig, state: &mut crate::state::AppState) -> Self {
        if let Some(aside) = &config.settings_set_aside {
            state.push_error(t!(
                "settings-set-aside",
                file = aside.file.display().to_string(),
                moved = aside.moved_to.display().to_string(),
                reason = aside.reason.clone()
            ));
        }
        let crash_report = match (&config.crash_dir, config.kiosk) {
            (Some(dir), false) => crate::crash::take_unseen(dir),
            _ => None,
        };
        Self {
            settings_file: config.settings_file.clone(),
            crash_report,
        }
    }
}

impl ZaeApp {
    /// The crash report of the last session, while its notice is shown.
    pub fn crash_notice(&self) -> Option<&PathBuf> {
        self.startup.crash_report.as_ref()
    }

    /// Writes the settings to their own file; false when the app has none (eframe's storage).
    pub(super) fn save_settings_file(&mut self) -> bool {
        let Some(path) = self.startup.settings_file.clone() else {
            return false;
        };
        if let Err(e) = crate::settings_store::save(&path, &self.persisted()) {
            log::warn!("settings {}: cannot write: {e}", path.display());
        }
        true
    }

    pub(super) fn crash_notice_ui(&mut self, ctx: &Context) {
        let Some(report) = self.startup.crash_report.clone() else {
            return;
        };
        let mut open = true;
        let mut close = false;
        egui::Window::new(t!("crash-title"))
            .id(egui::Id::unique("crash-notice"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(t!("crash-text"));
                ui.label(
                    egui::RichText::new(report.display().to_string())
                        .monospace()
                        .small(),
                );
                ui.horizontal(|ui| {
                    if ui.button(t!("crash-open-folder")).clicked()
                        && let Some(dir) = report.parent()
                    {
                        // The app's own folder, not a link from a file.
                        ctx.open_url(egui::OpenUrl::new_tab(format!("file://{}", dir.display())));
                    }
                    close = ui.button(t!("crash-close")).clicked();
                });
            });
        if !open || close {
            self.startup.crash_report = None;
        }
    }
}
