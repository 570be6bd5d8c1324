//! The booth: the idle clock, the tour that flies from zone to zone, the zone card, the PIN
//! prompt to leave.

use egui::{CentralPanel, Context, Key, Panel, Ui};
use walkers::lon_lat;

use super::map_view::fit_of;
use super::{Command, ZaeApp};
use crate::kiosk::{Flight, Idle};
use crate::map::tiles::TileStatus;
use crate::spatial::mercator::{to_lon_lat, to_world};
use crate::ui;

/// Kiosk mode's state: the idle clock, the tour's zones, the PIN prompt.
pub struct KioskState {
    pub idle: Idle,
    /// The PIN typed so far, when the prompt to leave is open; and whether a wrong one was.
    pub exit: Option<(String, bool)>,
}

impl KioskState {
    pub fn new(settings: crate::kiosk::KioskSettings, now: f64) -> Self {
        Self {
            idle: Idle::new(settings, now),
            exit: None,
        }
    }
}

impl ZaeApp {
    /// The tour's stop `k`: zones passing the filter, largest declared surface first. Sorted
    /// when the tour moves on (every few seconds), not every frame.
    fn tour_stop(&self, k: usize) -> Option<usize> {
        let mut stops = self.state.table_rows().to_vec();
        let zones = self.state.store().zones();
        let surface = |i: usize| zones[i].surface_declared_ha.unwrap_or(0.0);
        stops.sort_by(|&a, &b| surface(b).total_cmp(&surface(a)).then(a.cmp(&b)));
        stops.get(k).copied()
    }

    /// A smooth flight from the current view to fit `bounds`.
    fn fly_to(&mut self, bounds: geo::Rect<f64>, now: f64) {
        let Some(rect) = self.map_rect else {
            self.state.fit_to(Some(bounds));
            return;
        };
        let (target, zoom) = fit_of(bounds, rect);
        let from = match self.last_layer.view {
            Some(v) => {
                let (lon, lat) = v.screen_to_lon_lat(v.rect.center());
                (to_world(lon, lat), v.zoom)
            }
            None => (target, zoom),
        };
        self.flight = Some(Flight {
            from,
            to: (target, zoom),
            start: now,
            duration: self.state.settings().kiosk.flight_seconds,
        });
    }

    /// Kiosk mode, once a frame before drawing: input resets the idle clock; the countdown,
    /// the reset and the tour follow it.
    pub(super) fn kiosk_tick(&mut self, ctx: &Context) {
        let Some(kiosk) = &mut self.kiosk else { return };
        let (now, touched) = ctx.input(|i| (i.time, i.events.iter().any(is_user_input)));
        if touched && kiosk.idle.input(now) {
            self.flight = None;
        }
        // The tour visits the zones the table shows (those passing the filter).
        let event = kiosk.idle.tick(now, self.state.table_rows().len());
        let deadline = kiosk.idle.next_deadline();
        let counting = kiosk.idle.countdown_left(now).is_some();
        match event {
            Some(crate::kiosk::Event::ResetToOverview) => {
                self.apply(Command::Select(None), ctx);
                self.apply(Command::Measure(None), ctx);
                if let Some(bounds) = self.state.dataset().bounds() {
                    self.fly_to(bounds, now);
                }
            }
            Some(crate::kiosk::Event::ShowStop(k)) => {
                let stop = self
                    .tour_stop(k)
                    .and_then(|i| self.state.store().zone_id(i));
                if let Some(id) = stop
                    && let Some(bounds) = self.state.store().zone(id).map(|z| z.bbox)
                {
                    self.apply(Command::Select(Some(id)), ctx);
                    self.fly_to(bounds, now);
                }
            }
            _ => {}
        }
        if let Some(flight) = self.flight {
            let ((centre, zoom), done) = flight.at(now);
            let (lon, lat) = to_lon_lat(centre);
            self.map_memory.center_at(lon_lat(lon, lat));
            let _ = self.map_memory.set_zoom(zoom.clamp(2.0, 19.0));
            if done {
                self.flight = None;
            } else {
                ctx.request_repaint();
            }
        }
        if counting {
            ctx.request_repaint_after(std::time::Duration::from_millis(250));
        } else {
            let wait = (deadline - now).clamp(0.05, 3600.0);
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
    }

    /// Kiosk mode's frame: a top bar, the map, the zone card; no menus, files or dialogs.
    pub(super) fn kiosk_ui(&mut self, ui: &mut Ui, ctx: &Context) {
        self.poll_print();
        let chord = egui::Modifiers {
            alt: true,
            ctrl: true,
            shift: true,
            ..Default::default()
        };
        if ctx.input_mut(|i| i.consume_key(chord, Key::K)) {
            if self.state.settings().kiosk.pin.is_some() {
                if let Some(kiosk) = &mut self.kiosk {
                    kiosk.exit = Some((String::new(), false));
                }
            } else {
                self.commands.push(Command::SetKiosk(false));
            }
        }
        Panel::top("kiosk-top").show(ui, |ui| {
            self.commands.extend(ui::kiosk::top_bar_ui(ui));
        });
        if let Some(selected) = self.state.selected() {
            let mut commands = Vec::new();
            Panel::right("kiosk-card")
                .exact_size(420.0)
                .resizable(false)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            commands = ui::kiosk::card_ui(
                                ui,
                                self.state.dataset(),
                                selected,
                                &ui::kiosk::CardExtras {
                                    can_print: self
                                        .state
                                        .settings()
                                        .kiosk
                                        .print_command_words()
                                        .is_some(),
                                    printing: self.print_done.is_some(),
                                    print_message: self.state.print_message(),
                                    zone_id: self.state.selected_id(),
                                },
                            );
                        });
                });
            self.commands.extend(commands);
        }
        CentralPanel::no_frame().show(ui, |ui| {
            self.map_ui(ui);
        });
        let map = self.last_layer.view.map(|v| v.rect);
        if let (Some(map), Some(kiosk)) = (map, &self.kiosk) {
            let now = ctx.input(|i| i.time);
            if let Some(seconds) = kiosk.idle.countdown_left(now) {
                ui::kiosk::countdown_ui(ui, map, seconds);
            } else if self.state.selected_id().is_none() {
                let banner = self.base_map.status() == TileStatus::Offline;
                ui::kiosk::hint_ui(ui, map, banner);
            }
        }
        let pin = self.state.settings().kiosk.pin.clone();
        if let Some(kiosk) = &mut self.kiosk
            && let Some((typed, wrong)) = &mut kiosk.exit
        {
            match ui::kiosk::exit_dialog_ui(ctx, typed, *wrong) {
                Some(true) if crate::kiosk::pin_accepts(pin.as_deref(), typed) => {
                    kiosk.exit = None;
                    self.commands.push(Command::SetKiosk(false));
                }
                Some(true) => {
                    typed.clear();
                    *wrong = true;
                }
                Some(false) => kiosk.exit = None,
                None => {}
            }
        }
    }
}

/// An event that shows someone is at the screen (a touch, a click, a key, the wheel, a move).
pub(super) fn is_user_input(event: &egui::Event) -> bool {
    use egui::Event;
    matches!(
        event,
        Event::PointerMoved(_)
            | Event::PointerButton { .. }
            | Event::Touch { .. }
            | Event::MouseWheel { .. }
            | Event::Zoom(_)
            | Event::Key { .. }
            | Event::Text(_)
    )
}
