//! The booth's frame: the clock handed to the state (which runs the idle countdown, the reset
//! and the tour), the flights between zones, the zone card, and the PIN prompt to leave.

use egui::{CentralPanel, Context, Key, Panel, Ui};
use walkers::lon_lat;

use super::map_view::fit_of;
use super::{Command, ZaeApp};
use crate::kiosk::Flight;
use crate::map::tiles::TileStatus;
use crate::spatial::mercator::{to_lon_lat, to_world};
use crate::ui;

impl ZaeApp {
    /// A smooth flight from the current view to fit `bounds`.
    pub(super) fn fly_to(&mut self, bounds: geo::Rect<f64>, now: f64) {
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

    /// Kiosk mode, once a frame before drawing: the state hears the clock and whether the
    /// screen was touched (the countdown, the reset and the tour follow), then the flight moves.
    pub(super) fn kiosk_tick(&mut self, ctx: &Context) {
        if !self.state.is_kiosk() {
            return;
        }
        let (now, touched) = ctx.input(|i| (i.time, i.events.iter().any(is_user_input)));
        self.apply(Command::KioskTick { now, touched }, ctx);
        let Some(idle) = self.state.kiosk_idle() else {
            return;
        };
        let deadline = idle.next_deadline();
        let counting = idle.countdown_left(now).is_some();
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
            self.commands.push(Command::KioskExitAsked);
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
        if let (Some(map), Some(idle)) = (map, self.state.kiosk_idle()) {
            let now = ctx.input(|i| i.time);
            if let Some(seconds) = idle.countdown_left(now) {
                ui::kiosk::countdown_ui(ui, map, seconds);
            } else if self.state.selected_id().is_none() {
                let banner = self.base_map.status() == TileStatus::Offline;
                ui::kiosk::hint_ui(ui, map, banner);
            }
        }
        if let Some(prompt) = self.state.pin_prompt() {
            self.commands
                .extend(ui::kiosk::exit_dialog_ui(ctx, &prompt.typed, prompt.wrong));
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
