//! [`AppState::apply`]: every change the interface makes, in one place.

use super::{AppState, Command, CompareEffect, ContextEffect, DbEffect, Effect, Zoom};
use crate::t;

impl AppState {
    /// Applies a command; returns what the shell must do for it.
    pub fn apply(&mut self, command: Command) -> Vec<Effect> {
        let mut effects = Vec::new();
        let (selected, stats) = (self.selected, self.show_stats);
        self.apply_to(command, &mut effects);
        // Views follow what they show; refilter() has already refreshed them when it ran.
        if self.selected != selected || self.show_stats != stats {
            self.refresh_views();
        }
        effects
    }

    fn apply_to(&mut self, command: Command, effects: &mut Vec<Effect>) {
        match command {
            Command::Select(id) => {
                self.selected = id.filter(|&id| self.store.zone(id).is_some());
                self.selection_moved = true;
                self.print_message = None;
            }
            Command::Focus(id) => {
                if let Some(zone) = self.store.zone(id) {
                    self.pending_fit = Some(zone.bbox);
                    self.selected = Some(id);
                    self.selection_moved = true;
                }
            }
            // The booth opens no file.
            Command::Open(_) | Command::OpenChosen(_) | Command::OpenDialog if self.kiosk => {}
            Command::Open(paths) => effects.push(Effect::ChooseTables(paths)),
            Command::CancelLayerChoice => effects.push(Effect::CloseTableChooser),
            Command::OpenChosen(paths) => {
                self.load_bounds = None;
                effects.push(Effect::CloseTableChooser);
                effects.push(Effect::StartLoad {
                    paths,
                    reload: false,
                });
            }
            Command::OpenDialog => effects.push(Effect::PickFilesToOpen),
            Command::CloseFile(source) => {
                if self.store.remove(source) {
                    self.data_changed();
                }
            }
            Command::ShowReport(source) => {
                self.report_window = source.filter(|&s| self.store.source(s).is_some());
            }
            Command::FitAll | Command::Zoom(Zoom::FitAll) => {
                self.pending_fit = self.store.dataset().bounds();
            }
            Command::Zoom(Zoom::In) => effects.push(Effect::ZoomIn),
            Command::Zoom(Zoom::Out) => effects.push(Effect::ZoomOut),
            Command::RetryTiles => effects.push(Effect::RetryTiles),
            Command::CancelLoad => effects.push(Effect::CancelLoads),
            Command::DismissError(i) => {
                if i < self.errors.len() {
                    self.errors.remove(i);
                }
            }
            // The booth never opens a browser: its zone cards carry QR codes instead. Only web
            // pages open: a file's link to file:// or smb:// is data, not a command.
            Command::OpenUrl(_) if self.kiosk => {}
            Command::OpenUrl(url) => {
                if crate::io::untrusted::is_web_link(&url) {
                    effects.push(Effect::OpenUrl(url));
                } else {
                    log::warn!("link not opened (not http or https): {url}");
                }
            }
            Command::ExportDialog(ext) => effects.push(Effect::PickExportFile(ext)),
            Command::Export(path) => self.export(&path),
            Command::ExportPngDialog => effects.push(Effect::PickPngFile),
            Command::ExportPng(path) => effects.push(Effect::Screenshot(path)),
            Command::SheetDialog(id) => effects.push(Effect::PickSheetFile(id)),
            Command::WriteSheet(id, path) => {
                if let Some(position) = self.store.position(id) {
                    effects.push(Effect::WritePdf {
                        positions: vec![position],
                        catalogue: false,
                        path,
                    });
                }
            }
            Command::CatalogueDialog => effects.push(Effect::PickCatalogueFile),
            Command::WriteCatalogue(path) => self.write_catalogue(path, effects),
            Command::PrintSheet(id) => self.print_sheet(id, effects),
            Command::SetFilter(filter) => {
                self.prefs.filter = filter;
                self.refilter();
            }
            Command::SetTableSort(sort) => {
                self.table_sort = sort;
                super::sort_rows(self.store.dataset(), &mut self.table_rows, sort);
            }
            Command::SetZoneListByName(on) => self.zone_list_in_file_order = !on,
            Command::ToggleTable => self.prefs.show_table = !self.prefs.show_table,
            Command::ToggleStats => self.show_stats = !self.show_stats,
            Command::Measure(mode) => self.measure = mode.map(|m| (m, Vec::new())),
            Command::MeasurePoint(lon, lat) => {
                if let Some((_, points)) = &mut self.measure
                    && lon.is_finite()
                    && lat.is_finite()
                {
                    points.push((lon, lat));
                }
            }
            Command::SetStyle(style) => self.prefs.style = style,
            Command::SetLang(lang) => {
                self.prefs.settings.language = Some(lang);
                self.relabel(effects);
            }
            Command::SetKiosk(on) => self.set_kiosk(on, effects),
            Command::ToggleAbout => self.show_about = !self.show_about,
            Command::ToggleSettings => {
                self.show_settings = !self.show_settings;
                if self.show_settings {
                    effects.push(Effect::ReadTileCacheUsage);
                }
            }
            Command::SetSettings(settings) => {
                let settings = settings.sanitized();
                let relabel = settings.lang() != self.prefs.settings.lang();
                let trim = settings.cache_limit_mb < self.prefs.settings.cache_limit_mb;
                if settings.ui_scale != self.prefs.settings.ui_scale && !self.kiosk {
                    effects.push(Effect::SetUiScale(settings.ui_scale));
                }
                self.prefs.settings = settings;
                if relabel {
                    self.relabel(effects);
                }
                if trim {
                    effects.push(Effect::TrimTileCache);
                }
            }
            Command::OpenBaseMapDialog => effects.push(Effect::PickBaseMapFile),
            Command::SetTiles(choice) => {
                self.prefs.settings.tiles = Some(choice.to_arg());
                effects.push(Effect::SetBaseMap(choice));
            }
            Command::DbDialog => effects.push(Effect::Db(DbEffect::ShowDialog)),
            Command::DbConnect { url, password } => {
                effects.push(Effect::Db(DbEffect::Connect { url, password }))
            }
            Command::DbOpen { url, tables } => {
                effects.push(Effect::Db(DbEffect::Open { url, tables }))
            }
            Command::DbCaDialog => effects.push(Effect::Db(DbEffect::PickCaFile)),
            Command::DbCaFile(path) => effects.push(Effect::Db(DbEffect::CaFile(path))),
            Command::DbRefresh(which) => effects.push(Effect::Db(DbEffect::Refresh(which))),
            Command::DbRetry => effects.push(Effect::Db(DbEffect::Retry)),
            Command::DbLost { url, error } => self.db_lost = Some(super::DbLost { url, error }),
            Command::KioskTick { now, touched } => self.kiosk_tick(now, touched, effects),
            Command::KioskExitAsked => self.kiosk_exit_asked(effects),
            Command::KioskPinTyped(typed) => self.pin_typed(typed),
            Command::KioskPinSubmit => self.pin_submitted(effects),
            Command::KioskPinCancel => self.pin_cancelled(),
            Command::ShowContext(on) => effects.push(Effect::Context(ContextEffect::Show(on))),
            Command::ContextDialog => effects.push(Effect::Context(ContextEffect::PickFile)),
            Command::SetContextFile(file) => {
                effects.push(Effect::Context(ContextEffect::SetFile(file)))
            }
            Command::CompareDialog | Command::CompareBefore(_) | Command::Compare { .. }
                if self.kiosk => {}
            Command::CompareDialog => effects.push(Effect::Compare(CompareEffect::PickBefore)),
            Command::CompareBefore(before) => {
                effects.push(Effect::Compare(CompareEffect::PickAfter(before)))
            }
            Command::Compare { before, after } => {
                effects.push(Effect::Compare(CompareEffect::Start { before, after }))
            }
            Command::CloseCompare => self.comparison = None,
            Command::SetChangeFilter(kind) => {
                if let Some(c) = &mut self.comparison {
                    c.set_filter(kind);
                }
            }
            Command::SetSwipe(at) => {
                if let Some(c) = &mut self.comparison {
                    c.set_swipe(at);
                }
            }
            Command::FocusChange(row) => self.focus_change(row),
            Command::Quit => effects.push(Effect::Quit),
        }
    }

    /// Flies to the zone of a change and selects it (a removed zone: flies to where it was).
    fn focus_change(&mut self, row: usize) {
        let Some(c) = &self.comparison else {
            return;
        };
        let Some(change) = c.diff.changes.get(row) else {
            return;
        };
        let position = change.zone_after.and_then(|a| c.store_position(a));
        let bounds = c.change_bounds(change);
        self.selected = position.and_then(|p| self.store.zone_id(p));
        self.selection_moved = true;
        if bounds.is_some() {
            self.pending_fit = bounds;
        }
    }

    /// Writes the zones of the active filter; says how it went.
    fn export(&mut self, path: &std::path::Path) {
        let zones = self
            .store
            .zones()
            .iter()
            .enumerate()
            .filter(|(i, _)| self.is_shown(*i))
            .map(|(_, z)| z);
        match crate::io::export::export(zones, path) {
            Ok(n) => {
                self.notice = Some(t!(
                    "notice-exported",
                    n = n,
                    path = path.display().to_string()
                ))
            }
            Err(e) => self.push_problem(super::Problem::Export(std::sync::Arc::new(e))),
        }
    }

    /// Asks for the catalogue of the zones the filter shows (PDF), written on a worker.
    fn write_catalogue(&mut self, path: std::path::PathBuf, effects: &mut Vec<Effect>) {
        let shown: Vec<usize> = (0..self.store.zones().len())
            .filter(|&i| self.is_shown(i))
            .collect();
        if shown.is_empty() {
            self.push_problem(super::Problem::Sheet(t!("sheet-error-no-zone")));
            return;
        }
        effects.push(Effect::WritePdf {
            positions: shown,
            catalogue: true,
            path,
        });
    }

    /// The booth prints a zone's sheet: the shell makes the PDF and runs the print command
    /// off the interface's thread. Without a print command, nothing happens; one that cannot be
    /// split into words says so on the card.
    fn print_sheet(&mut self, id: crate::store::ZoneId, effects: &mut Vec<Effect>) {
        let command = match self.prefs.settings.kiosk.print_command_words() {
            None => return,
            Some(Ok(command)) => command,
            Some(Err(_)) => {
                self.print_message = Some(t!("kiosk-print-bad-command"));
                return;
            }
        };
        let Some(position) = self.store.position(id) else {
            return;
        };
        self.print_message = None;
        effects.push(Effect::Print { command, position });
    }

    /// The language changed: the table's order by text follows it.
    fn relabel(&mut self, effects: &mut Vec<Effect>) {
        crate::i18n::set_lang(self.prefs.settings.lang());
        super::sort_rows(self.store.dataset(), &mut self.table_rows, self.table_sort);
        // Texts given per language (tenants' activities...) are read in the new one.
        self.refresh_views();
        effects.push(Effect::Relabel);
    }

    /// Kiosk mode: no windows, no measure, the whole dataset in view.
    pub(super) fn set_kiosk(&mut self, on: bool, effects: &mut Vec<Effect>) {
        if on == self.kiosk {
            return;
        }
        self.kiosk = on;
        self.booth = Default::default();
        if on {
            self.show_settings = false;
            self.show_about = false;
            self.show_stats = false;
            self.measure = None;
            self.report_window = None;
            self.pending_fit = self.store.dataset().bounds();
        }
        effects.push(Effect::Kiosk(on));
    }
}
