//! One frame of the planner's window (the kiosk has its own, in `kiosk.rs`): poll the workers,
//! draw the panels from the state, apply the commands they returned.

use egui::{CentralPanel, Context, Panel, Ui};

use super::{Command, STORAGE_KEY, ZaeApp};
use crate::i18n;
use crate::ui;

impl ZaeApp {
    /// Applies the commands queued during the frame, in order.
    fn apply_queued(&mut self, ctx: &Context) {
        for command in std::mem::take(&mut self.commands) {
            self.apply(command, ctx);
        }
        if std::mem::take(&mut self.stale_search) {
            self.start_search_index(ctx);
        }
    }
}

impl eframe::App for ZaeApp {
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if !self.save_settings_file() {
            eframe::set_value(storage, STORAGE_KEY, &self.persisted());
        }
    }

    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if let Some(meter) = &mut self.frame_rate {
            meter.begin(frame.info().cpu_usage);
            ctx.request_repaint();
        }
        i18n::set_lang(self.state.settings().lang());
        self.poll_loader(&ctx);
        self.poll_pdf();
        self.poll_compare(&ctx);
        if let Some(outcome) = self.png_result.lock().ok().and_then(|mut r| r.take()) {
            match outcome {
                Ok(notice) => self.state.set_notice(notice),
                Err(e) => self.state.push_error(e),
            }
        }
        self.poll_search_index();
        if let Some(answer) = self.dialogs.poll() {
            self.commands.push(answer);
        }
        self.poll_databases(&ctx);
        self.watch_files(&ctx);
        self.input(&ctx);
        if self.state.is_kiosk() {
            self.kiosk_tick(&ctx);
            self.kiosk_ui(ui, &ctx);
            self.commands
                .extend(ui::errors_window_ui(&ctx, self.state.errors()));
            self.apply_queued(&ctx);
            // Nothing at the booth opens a browser, whichever widget asked.
            ctx.output_mut(|o| {
                o.commands
                    .retain(|c| !matches!(c, egui::OutputCommand::OpenUrl(_)))
            });
            if let Some(meter) = &mut self.frame_rate {
                meter.end(&ctx, &self.last_layer, self.map_time);
            }
            return;
        }

        Panel::top("menu").show(ui, |ui| {
            self.commands.extend(ui::menu_bar_ui(
                ui,
                self.state.store(),
                &mut self.search,
                self.search_index.as_ref(),
                self.state.recent_files(),
                (!self.context.hidden, self.context.file().is_some()),
            ));
        });
        Panel::bottom("status").show(ui, |ui| {
            let loading = self.loader.as_ref().map(|j| ui::LoadProgress {
                file: j.current_file(),
                fraction: j.progress(),
                files_done: j.files_done,
                files_total: j.files_total,
            });
            let loading = loading
                .or_else(|| self.db_progress())
                .or_else(|| self.compare_progress());
            self.commands.extend(ui::status_bar_ui(
                ui,
                self.state.dataset(),
                self.base_map.status(),
                self.base_map.file_name().as_deref(),
                loading.as_ref(),
                self.state.notice(),
            ));
        });
        if self.state.show_table() {
            let scroll = self.state.take_selection_moved();
            let state = &self.state;
            let mut commands = Vec::new();
            Panel::bottom("table")
                .resizable(true)
                .default_size(220.0)
                .show(ui, |ui| {
                    commands = ui::table::table_ui(
                        ui,
                        state.store(),
                        state.table_rows(),
                        state.table_sort(),
                        state.selected(),
                        scroll,
                    );
                });
            self.commands.extend(commands);
        }
        if let Some(comparison) = self.state.comparison() {
            let mut commands = Vec::new();
            Panel::bottom("compare")
                .resizable(true)
                .default_size(260.0)
                .show(ui, |ui| {
                    commands = ui::compare::compare_panel_ui(ui, comparison);
                });
            self.commands.extend(commands);
        }
        Panel::left("files")
            .default_size(250.0)
            .size_range(180.0..=420.0)
            .show(ui, |ui| {
                let mut filter = self.state.filter().clone();
                let store = self.state.store();
                if ui::filters::filters_ui(
                    ui,
                    &mut filter,
                    store.dataset(),
                    store.communes(),
                    store.states(),
                ) {
                    self.commands.push(Command::SetFilter(filter));
                }
                ui.separator();
                self.commands.extend(ui::files_panel_ui(
                    ui,
                    store,
                    self.state.selected(),
                    self.state.zone_list_by_name(),
                ));
            });
        if let Some(details) = self.state.details() {
            let mut commands = Vec::new();
            Panel::right("info")
                .default_size(380.0)
                .size_range(280.0..=640.0)
                .show(ui, |ui| {
                    if let Some(comparison) = self.state.comparison() {
                        ui::compare::zone_changes_ui(ui, comparison, details.position);
                    }
                    commands = ui::info_panel_ui(ui, self.state.dataset(), details);
                });
            self.commands.extend(commands);
        }
        CentralPanel::no_frame().show(ui, |ui| {
            let shown = self.state.table_rows().len();
            let total = self.state.store().zones().len();
            if let Some(part) = ui::filters::chips_ui(ui, self.state.filter(), shown, total) {
                let mut filter = self.state.filter().clone();
                filter.clear(part);
                self.commands.push(Command::SetFilter(filter));
            }
            self.map_ui(ui);
        });

        if let Some(source) = self.state.report_window()
            && let Some(file) = self.state.store().source(source)
        {
            self.commands.extend(ui::report_window_ui(&ctx, file));
        }
        self.commands
            .extend(ui::errors_window_ui(&ctx, self.state.errors()));
        self.crash_notice_ui(&ctx);
        self.commands
            .extend(ui::db_dialog::db_dialog_ui(&ctx, &mut self.db_dialog));
        if let Some(choice) = &mut self.layer_choice {
            self.commands
                .extend(ui::layer_chooser::layer_chooser_ui(&ctx, choice));
        }
        if let Some(view) = self.state.stats() {
            let (hovered, open) = ui::stats::stats_window_ui(&ctx, self.state.dataset(), view);
            self.highlight = hovered;
            if !open {
                self.commands.push(Command::ToggleStats);
            }
        } else {
            self.highlight = None;
        }
        if self.state.show_settings() {
            let view = ui::settings::SettingsView {
                tiles: self.base_map.choice(),
                cache: self.cache_usage.clone(),
            };
            self.commands.extend(ui::settings::settings_window_ui(
                &ctx,
                self.state.settings(),
                &view,
            ));
        }

        if self.state.show_about() {
            let about = ui::about::AboutView {
                user_agent: crate::identity::user_agent(self.state.settings().contact.as_deref()),
                config_file: crate::settings::default_config_path(),
                tile_cache: self.tile_cache.clone(),
            };
            self.commands
                .extend(ui::about::about_window_ui(&ctx, &about));
        }

        self.apply_queued(&ctx);
        if let Some(meter) = &mut self.frame_rate {
            meter.end(&ctx, &self.last_layer, self.map_time);
        }
    }
}
