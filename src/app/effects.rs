//! Running the effects the state asks for: dialogs, workers, the base map, the viewport.

use egui::Context;

use super::dialogs::Ask;
use super::loader::LoadJob;
use super::{ZaeApp, context};
use crate::i18n;
use crate::map::tiles::BaseMap;
use crate::state::{CompareEffect, ContextEffect, DbEffect, Effect};
use crate::t;

impl ZaeApp {
    pub(super) fn run(&mut self, effect: Effect, ctx: &Context) {
        match effect {
            Effect::PickFilesToOpen => self.dialogs.ask(Ask::Open, ctx),
            Effect::ChooseTables(paths) => {
                match crate::ui::layer_chooser::LayerChoice::of(&paths) {
                    Some(choice) => self.layer_choice = Some(choice),
                    None => self.apply(super::Command::OpenChosen(paths), ctx),
                }
            }
            Effect::CloseTableChooser => self.layer_choice = None,
            Effect::StartLoad { paths, reload } => {
                if let Some(job) = &self.loader {
                    job.cancel();
                }
                match LoadJob::start(paths, ctx.clone(), reload, self.in_view()) {
                    Ok(job) => self.loader = Some(job),
                    Err(e) => self.state.push_error(e.to_string()),
                }
            }
            Effect::CancelLoads => {
                if let Some(job) = &self.loader {
                    job.cancel();
                }
                self.databases.cancel();
            }
            Effect::PickExportFile(ext) => self.dialogs.ask(Ask::Export(ext), ctx),
            Effect::PickPngFile => self.dialogs.ask(Ask::Png, ctx),
            Effect::PickSheetFile(id) => {
                let name = self.state.store().zone(id).map_or_else(
                    || "sheet.pdf".to_string(),
                    |z| sheet_file_name(z.display_name()),
                );
                self.dialogs.ask(Ask::Sheet(id, name), ctx);
            }
            Effect::PickCatalogueFile => self.dialogs.ask(Ask::Catalogue, ctx),
            Effect::Print { command, position } => self.print(command, position, ctx),
            Effect::WritePdf {
                positions,
                catalogue,
                path,
            } => self.write_pdf(positions, catalogue, path, ctx),
            Effect::Screenshot(path) => self.screenshot(path, ctx),
            Effect::PickBaseMapFile => self.dialogs.ask(Ask::BaseMap, ctx),
            Effect::SetBaseMap(choice) => {
                self.base_map = BaseMap::new_at(
                    choice,
                    self.tile_cache.clone(),
                    self.tile_origin.clone(),
                    &crate::identity::user_agent(self.state.settings().contact.as_deref()),
                    ctx,
                );
                self.note_base_map_error();
            }
            Effect::RetryTiles => self.base_map.connect(ctx),
            Effect::ZoomIn => {
                let _ = self.map_memory.zoom_in();
            }
            Effect::ZoomOut => {
                let _ = self.map_memory.zoom_out();
            }
            Effect::OpenUrl(url) => ctx.open_url(egui::OpenUrl::new_tab(url)),
            Effect::SetUiScale(scale) => ctx.set_zoom_factor(scale),
            Effect::Kiosk(on) => self.kiosk_changed(on, ctx),
            Effect::FlyTo(bounds) => {
                let now = ctx.input(|i| i.time);
                self.fly_to(bounds, now);
            }
            Effect::StopFlight => self.flight = None,
            Effect::Relabel => {
                i18n::set_lang(self.state.settings().lang());
                // Legend and label widths were made in the old language.
                self.colours_for.1 = u64::MAX;
                self.state.label_widths().borrow_mut().clear();
            }
            Effect::ReadTileCacheUsage => {
                self.cache_usage = self.tile_cache.as_ref().map(|dir| {
                    let (bytes, n) = crate::map::tiles::cache_usage(dir);
                    (bytes, n, dir.display().to_string())
                });
            }
            Effect::TrimTileCache => self.trim_tile_cache(),
            Effect::Db(db) => match db {
                DbEffect::ShowDialog => self.db_dialog.show(None),
                DbEffect::PickCaFile => self.dialogs.ask(Ask::CaFile, ctx),
                DbEffect::CaFile(path) => self.db_ca_chosen(&path),
                DbEffect::Connect { url, password } => self.db_connect(&url, Some(password), ctx),
                DbEffect::Open { url, tables } => self.db_open(&url, tables, ctx),
                DbEffect::Refresh(which) => self.db_refresh(which, false, ctx),
                DbEffect::Retry => {
                    self.db_refresh(None, true, ctx);
                    self.retry_reopen(ctx);
                }
            },
            Effect::Context(change) => match change {
                ContextEffect::Show(shown) => self.context.hidden = !shown,
                ContextEffect::PickFile => self.dialogs.ask(Ask::ContextFile, ctx),
                ContextEffect::SetFile(file) => {
                    let (state, error) = context::ContextState::open(file.as_ref(), false);
                    self.context = state;
                    if let Some(e) = error {
                        self.state.push_error(e);
                    }
                }
            },
            Effect::Compare(work) => match work {
                CompareEffect::PickBefore => self.dialogs.ask(Ask::CompareBefore, ctx),
                CompareEffect::PickAfter(before) => {
                    self.dialogs.ask(Ask::CompareAfter(before), ctx)
                }
                CompareEffect::Start { before, after } => self.start_compare(before, after, ctx),
            },
            Effect::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Writes the map as drawn in the next frame to a PNG file; the callback says how it went.
    fn screenshot(&mut self, path: std::path::PathBuf, ctx: &Context) {
        let Some(rect) = self.last_layer.view.map(|v| v.rect) else {
            return;
        };
        let ppp = ctx.pixels_per_point();
        let result = self.png_result.clone();
        let repaint = ctx.clone();
        let lang = i18n::lang();
        ctx.request_screenshot(move |image| {
            i18n::set_lang(lang);
            let view = image.region(&rect, Some(ppp));
            let [w, h] = view.size;
            let rgba: Vec<u8> = view.pixels.iter().flat_map(|c| c.to_array()).collect();
            let outcome = crate::io::export::write_png(&path, w as u32, h as u32, rgba)
                .map(|()| {
                    t!(
                        "notice-png",
                        path = path.display().to_string(),
                        w = w,
                        h = h
                    )
                })
                .map_err(|e| e.to_string());
            if let Ok(mut slot) = result.lock() {
                *slot = Some(outcome);
            }
            repaint.request_repaint();
        });
    }

    /// A base map that could not be used (a broken PMTiles file) is said once, by name.
    pub(super) fn note_base_map_error(&mut self) {
        if let Some(e) = self.base_map.error() {
            self.state.push_error(e.to_string());
        }
    }

    /// Trims the HTTP tile cache to the limit, on a background thread (it reads the whole index).
    pub(super) fn trim_tile_cache(&self) {
        let Some(dir) = self.tile_cache.clone().filter(|d| d.exists()) else {
            return;
        };
        let limit = self
            .state
            .settings()
            .cache_limit_mb
            .saturating_mul(1_000_000);
        let spawned = std::thread::Builder::new()
            .name("tile-cache-trim".into())
            .spawn(move || {
                let removed = crate::map::tiles::trim_cache(&dir, limit);
                if removed > 0 {
                    log::info!("tile cache {}: {removed} bytes removed", dir.display());
                }
            });
        if let Err(e) = spawned {
            log::warn!("tile cache trim not started: {e}");
        }
    }

    /// Kiosk mode began or ended: fullscreen, the kiosk's interface scale and theme, the idle
    /// clock.
    fn kiosk_changed(&mut self, on: bool, ctx: &Context) {
        let settings = self.state.settings();
        if on {
            ctx.set_zoom_factor(settings.kiosk.ui_scale);
            // Light, like the map: the card reads well under a stand's lights.
            ctx.set_theme(egui::ThemePreference::Light);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        } else {
            self.flight = None;
            ctx.set_zoom_factor(settings.ui_scale);
            ctx.set_theme(egui::ThemePreference::System);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
    }
}

/// "ZAE Cap Nord" → "zae-cap-nord.pdf": a file name any system accepts.
fn sheet_file_name(name: &str) -> String {
    let mut out = String::new();
    for c in crate::model::fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let stem = out.trim_end_matches('-');
    if stem.is_empty() {
        "sheet.pdf".to_string()
    } else {
        format!("{stem}.pdf")
    }
}

impl ZaeApp {
    /// Where a sheet's base map comes from: the base map shown, its tile cache and the
    /// User-Agent; only the cache (or the PMTiles file) while the tiles are offline.
    fn sheet_base_map(&self) -> crate::sheet::BaseMapSource {
        let mut base = crate::sheet::BaseMapSource::new(
            self.base_map.choice().clone(),
            self.tile_cache.clone(),
            crate::identity::user_agent(self.state.settings().contact.as_deref()),
        );
        base.origin = self.tile_origin.clone();
        base.offline = self.base_map.status() == crate::map::tiles::TileStatus::Offline;
        base
    }

    /// Prints a zone's sheet at the booth on the job runner: the PDF (from a copy of the
    /// zones) to a temporary file, then the print command with its path last (a printer spooler
    /// may take its time; the kiosk keeps running). How it ended comes back through
    /// `print_done`.
    fn print(&mut self, command: Vec<String>, position: usize, ctx: &Context) {
        if command.is_empty() || self.print_done.is_some() {
            return;
        }
        let dataset = self.state.dataset().clone();
        let lang = i18n::lang();
        let base = self.sheet_base_map();
        let repaint = ctx.clone();
        let waker: crate::jobs::Waker = std::sync::Arc::new(move || repaint.request_repaint());
        let started =
            crate::jobs::Job::start("zae-atlas print", command.join(" "), waker, move |worker| {
                let mut tiles = crate::sheet::TileFetcher::new(base);
                let result = crate::sheet::sheet_pdf_with(&dataset, position, lang, &mut tiles)
                    .and_then(|made| keep_temporary_pdf(&made.pdf))
                    .and_then(|pdf| run_print_command(&command, &pdf));
                worker.send(result);
            });
        match started {
            Ok(job) => self.print_done = Some(job),
            Err(e) => self
                .state
                .set_print_message(Some(t!("kiosk-print-failed", reason = e.to_string()))),
        }
    }

    /// Writes a sheet or the catalogue on a worker, from a copy of the zones (the interface
    /// goes on meanwhile; a later request waits for this one).
    fn write_pdf(
        &mut self,
        positions: Vec<usize>,
        catalogue: bool,
        path: std::path::PathBuf,
        ctx: &Context,
    ) {
        if self.pdf_job.is_some() {
            self.state.push_error(t!("sheet-busy"));
            return;
        }
        let dataset = self.state.dataset().clone();
        let lang = i18n::lang();
        let base = self.sheet_base_map();
        let repaint = ctx.clone();
        let waker: crate::jobs::Waker = std::sync::Arc::new(move || repaint.request_repaint());
        let started = crate::jobs::Job::start(
            "zae-atlas pdf",
            path.display().to_string(),
            waker,
            move |worker| {
                let result =
                    crate::sheet::write_pdf(&dataset, &positions, catalogue, lang, &path, &base)
                        .map(|written| (written, path.clone()));
                worker.send(result);
            },
        );
        match started {
            Ok(job) => self.pdf_job = Some(job),
            Err(e) => self.state.pdf_written(Err(e.to_string())),
        }
    }

    /// How the PDF worker ended, once it has.
    pub(super) fn poll_pdf(&mut self) {
        let Some(job) = &mut self.pdf_job else {
            return;
        };
        match job.poll() {
            crate::jobs::Polled::Message(result) => {
                self.pdf_job = None;
                self.state.pdf_written(result);
            }
            crate::jobs::Polled::Pending => {}
            crate::jobs::Polled::Done => self.pdf_job = None,
            crate::jobs::Polled::Panicked(said) => {
                self.pdf_job = None;
                self.state.pdf_written(Err(said));
            }
        }
    }

    /// How the print job ended, once it has.
    pub(super) fn poll_print(&mut self) {
        let Some(job) = &mut self.print_done else {
            return;
        };
        let message = match job.poll() {
            crate::jobs::Polled::Pending => return,
            crate::jobs::Polled::Message(Ok(())) => Some(t!("kiosk-print-sent")),
            crate::jobs::Polled::Message(Err(reason)) | crate::jobs::Polled::Panicked(reason) => {
                Some(t!("kiosk-print-failed", reason = reason))
            }
            crate::jobs::Polled::Done => None,
        };
        self.print_done = None;
        if message.is_some() {
            self.state.set_print_message(message);
        }
    }
}

/// Writes the booth's PDF to a temporary file kept for the print command (a spooler may read
/// it after the command returns).
fn keep_temporary_pdf(pdf: &[u8]) -> Result<std::path::PathBuf, String> {
    let mut file = tempfile::Builder::new()
        .prefix("zae-atlas-sheet-")
        .suffix(".pdf")
        .tempfile()
        .map_err(|e| e.to_string())?;
    std::io::Write::write_all(&mut file, pdf).map_err(|e| e.to_string())?;
    file.keep().map(|(_, path)| path).map_err(|e| e.to_string())
}

/// Runs the print command (program, arguments) with the PDF's path last, without a shell.
fn run_print_command(command: &[String], pdf: &std::path::Path) -> Result<(), String> {
    let Some((program, args)) = command.split_first() else {
        return Err("no print command".into());
    };
    match std::process::Command::new(program)
        .args(args)
        .arg(pdf)
        .stdin(std::process::Stdio::null())
        .output()
    {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(format!(
            "{program}: {}{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .next()
                .map(|l| format!(" ({})", l.trim()))
                .unwrap_or_default()
        )),
        Err(e) => Err(format!("{program}: {e}")),
    }
}
