//! The map: base tiles, the context layer, the zones layer and the overlays, and fitting the
//! view to what the state asks.

use egui::{Rect, Ui};
use walkers::{Map, lon_lat};

use super::{Command, DIJON, ZaeApp, Zoom};
use crate::map::context_layer::ContextPlugin;
use crate::map::overlays::{self, ZoomAction};
use crate::map::tiles::TileStatus;
use crate::map::zones_layer::{LayerOutput, ZonesLayer};
use crate::model::Zone;
use crate::palette::PLAIN_BACKGROUND;
use crate::spatial::mercator::{to_lon_lat, to_world, zoom_to_fit};
use crate::t;
use crate::ui;

impl ZaeApp {
    fn fit_view(&mut self, rect: Rect) {
        // A window still opening (going fullscreen, changing scale) can give first frames of a
        // few pixels, or of a made-up size: fit once the map's size holds for two frames.
        // (`map_rect` is the last frame's: map_ui records it after drawing.)
        let settled = self.map_rect == Some(rect) && rect.width() >= 64.0 && rect.height() >= 64.0;
        if !settled {
            return;
        }
        let Some(bounds) = self.state.take_pending_fit() else {
            return;
        };
        let (centre, zoom) = fit_of(bounds, rect);
        let (lon, lat) = to_lon_lat(centre);
        self.map_memory.center_at(lon_lat(lon, lat));
        let _ = self.map_memory.set_zoom(zoom);
    }

    pub(super) fn map_ui(&mut self, ui: &mut Ui) {
        let started = std::time::Instant::now();
        self.draw_map(ui);
        self.map_time = started.elapsed();
    }

    fn draw_map(&mut self, ui: &mut Ui) {
        let rect = ui.available_rect_before_wrap();
        self.fit_view(rect);
        if self.state.has_pending_fit() {
            ui.ctx().request_repaint();
        }
        ui.painter().rect_filled(rect, 0.0, PLAIN_BACKGROUND);

        // With no base map showing (none, offline, tiles not there yet), the context layer.
        let context_on = !self.context.hidden && self.base_map.status() != TileStatus::Ok;
        let mut context_drawn = Vec::new();
        let mut output = LayerOutput::default();
        self.refresh_colours();
        let selected = self.state.selected();
        let store = self.state.store();
        let mut label_widths = store.label_widths().borrow_mut();
        let layer = ZonesLayer {
            zones: store.zones(),
            meshes: store.zone_meshes(),
            detail: &self.detail,
            index: store.index(),
            plots: store.plots(),
            plot_meshes: store.plot_meshes(),
            plot_index: store.plot_index(),
            plot_colors: &self.colours.plots,
            establishments: store.establishments(),
            draw_rank: store.draw_rank(),
            ranked: store.ranked(),
            summaries: store.mesh_summaries(),
            sketches: store.sketches(),
            shown: self.state.shown_mask(),
            colors: &self.colours.zones,
            schematic: store.schematic(),
            selected,
            highlight: self.highlight,
            cells: &mut self.cell_texture,
            label_widths: &mut label_widths,
            output: &mut output,
            tooltips: !self.state.is_kiosk(),
        };
        let mut map = Map::new(
            self.base_map.layer(),
            &mut self.map_memory,
            lon_lat(DIJON.0, DIJON.1),
        );
        if let Some(context) = self.context.layer.as_ref().filter(|_| context_on) {
            map = map.with_plugin(ContextPlugin {
                layer: context,
                drawn: &mut context_drawn,
            });
        }
        let map = map.with_plugin(layer).zoom_with_ctrl(false);
        let response = ui.add(map);
        drop(label_widths);
        self.context.drawn = context_drawn;
        self.base_map.end_frame();

        match (self.state.measure(), output.clicked, output.clicked_at) {
            (Some(_), Some(_), Some((lon, lat))) => {
                self.commands.push(Command::MeasurePoint(lon, lat));
            }
            (None, Some(clicked), _) => {
                let id = clicked.and_then(|i| self.state.store().zone_id(i));
                self.commands.push(Command::Select(id));
            }
            _ => {}
        }
        if let (Some(comparison), Some(view)) = (self.state.comparison(), &output.view)
            && let Some(at) = crate::map::compare_layer::paint(ui, view, comparison)
        {
            self.commands.push(Command::SetSwipe(Some(at)));
        }
        self.hovered = output.hovered;
        if self.hovered.is_some() {
            response.on_hover_cursor(egui::CursorIcon::PointingHand);
        }

        let kiosk = self.state.is_kiosk();
        if let Some((text, url)) = self.base_map.choice().attribution() {
            // No link at the booth: it opens no browser.
            overlays::attribution_ui(ui, rect, &text, url.filter(|_| !kiosk));
        }
        if self.base_map.status() == TileStatus::Offline {
            let source = self
                .base_map
                .choice()
                .template()
                .map(|t| t!("offline-source", host = crate::map::tiles::host_of(&t)))
                .unwrap_or_default();
            if overlays::offline_banner_ui(ui, rect, &source) {
                self.commands.push(Command::RetryTiles);
            }
        } else if self.base_map.status() == TileStatus::Loading {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(250));
        }
        let schematic_shown = self
            .state
            .store()
            .schematic()
            .iter()
            .enumerate()
            .any(|(i, &s)| s && self.state.is_shown(i));
        overlays::legend_ui(
            ui,
            rect,
            &self.colours.legend,
            // Compared, plots are coloured by change like the zones: the legend says it.
            !self.state.store().plots().is_empty() && self.state.comparison().is_none(),
            schematic_shown,
        );
        if let Some(view) = &output.view {
            overlays::scale_bar_ui(ui, rect, view);
        }
        if let Some(action) = overlays::zoom_buttons_ui(ui, rect, kiosk) {
            self.commands.push(Command::Zoom(match action {
                ZoomAction::In => Zoom::In,
                ZoomAction::Out => Zoom::Out,
                ZoomAction::FitAll => Zoom::FitAll,
            }));
        }
        if let (Some((mode, points)), Some(view)) = (self.state.measure(), &output.view)
            && overlays::measure_ui(ui, rect, view, mode, points)
        {
            self.commands.push(Command::Measure(None));
        }
        // Written when shown, so that it follows the interface's language.
        let banner = self
            .state
            .db_lost()
            .map(|l| ui::db_tls::db_error_text(&l.error));
        if let Some(message) = banner
            && ui::db_dialog::lost_banner_ui(ui, rect, &message)
        {
            self.commands.push(Command::DbRetry);
        }
        if ui.ctx().input(|i| !i.raw.hovered_files.is_empty()) {
            ui::drop_hint_ui(ui, rect);
        }
        self.map_rect = Some(rect);
        // Detailed meshes for the zones drawn coarser than their band: asked of the worker now,
        // drawn when they arrive.
        let wanted = std::mem::take(&mut output.wanted_detail);
        let zones = self.state.store().zones();
        self.detail
            .request(&wanted, output.band, |i| zones.get(i).map(Zone::geometry));
        self.detail.end_frame();
        self.last_layer = output;
        self.follow_view(ui.ctx());
        self.follow_view_in_files(ui.ctx());
    }
}

/// The view that shows `bounds` (lon/lat) whole in `rect`, with a margin: its centre in world
/// units and its zoom (at most 16, a street).
pub(super) fn fit_of(bounds: geo::Rect<f64>, rect: Rect) -> ([f64; 2], f64) {
    let (min, max) = (
        (bounds.min().x, bounds.min().y),
        (bounds.max().x, bounds.max().y),
    );
    let zoom = zoom_to_fit(min, max, rect.width() as f64, rect.height() as f64, 60.0).min(16.0);
    let a = to_world(min.0, min.1);
    let b = to_world(max.0, max.1);
    ([(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0], zoom)
}
