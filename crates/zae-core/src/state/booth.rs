//! The booth's runtime state, headless: the idle clock (fed the shell's clock in seconds, so a
//! test drives it with any times it likes), the tour that visits the zones, and the PIN prompt
//! to leave. None of it is remembered across restarts.

use geo::Rect;

use super::{AppState, Effect};
use crate::kiosk::{Event, Idle, Phase, pin_accepts};

/// The prompt to leave kiosk mode: the PIN typed so far, and whether a wrong one was.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PinPrompt {
    pub typed: String,
    pub wrong: bool,
}

/// The idle clock and the PIN prompt, while kiosk mode is on.
#[derive(Default)]
pub(super) struct Booth {
    /// Started by the first tick after kiosk mode began.
    pub idle: Option<Idle>,
    pub pin: Option<PinPrompt>,
}

impl AppState {
    /// The idle clock, once kiosk mode has ticked.
    pub fn kiosk_idle(&self) -> Option<&Idle> {
        self.booth.idle.as_ref()
    }

    /// The kiosk's phase (for tests and the soak run).
    pub fn kiosk_phase(&self) -> Option<Phase> {
        self.booth.idle.as_ref().map(Idle::phase)
    }

    /// The PIN prompt to leave kiosk mode, while it is open.
    pub fn pin_prompt(&self) -> Option<&PinPrompt> {
        self.booth.pin.as_ref()
    }

    /// The tour's stop `k`: zones passing the filter, largest declared surface first. Sorted
    /// when the tour moves on (every few seconds), not every frame.
    fn tour_stop(&self, k: usize) -> Option<usize> {
        let mut stops = self.table_rows.clone();
        let zones = self.store.zones();
        let surface = |i: usize| zones[i].surface_declared_ha.unwrap_or(0.0);
        stops.sort_by(|&a, &b| surface(b).total_cmp(&surface(a)).then(a.cmp(&b)));
        stops.get(k).copied()
    }

    /// A frame of kiosk mode at `now` (seconds): `touched` when someone used the screen since
    /// the last one. Input resets the idle clock and stops a flight; the countdown, the reset
    /// to the overview and the tour follow the clock.
    pub(super) fn kiosk_tick(&mut self, now: f64, touched: bool, effects: &mut Vec<Effect>) {
        if !self.kiosk {
            return;
        }
        let settings = self.prefs.settings.kiosk.clone();
        let idle = self
            .booth
            .idle
            .get_or_insert_with(|| Idle::new(settings.clone(), now));
        idle.settings = settings;
        if touched && idle.input(now) {
            effects.push(Effect::StopFlight);
        }
        let stops = self.table_rows.len();
        let event = idle.tick(now, stops);
        let fly = |bounds: Option<Rect<f64>>, effects: &mut Vec<Effect>| {
            if let Some(bounds) = bounds {
                effects.push(Effect::FlyTo(bounds));
            }
        };
        match event {
            Some(Event::ResetToOverview) => {
                self.selected = None;
                self.selection_moved = true;
                self.measure = None;
                fly(self.store.dataset().bounds(), effects);
            }
            Some(Event::ShowStop(k)) => {
                let stop = self.tour_stop(k).and_then(|i| self.store.zone_id(i));
                if let Some(id) = stop {
                    self.selected = Some(id);
                    self.selection_moved = true;
                    fly(self.store.zone(id).map(|z| z.bbox), effects);
                }
            }
            _ => {}
        }
    }

    /// The exit chord: the PIN prompt when a PIN is set, else kiosk mode ends.
    pub(super) fn kiosk_exit_asked(&mut self, effects: &mut Vec<Effect>) {
        if !self.kiosk {
            return;
        }
        if self.prefs.settings.kiosk.pin.is_some() {
            self.booth.pin = Some(PinPrompt::default());
        } else {
            self.set_kiosk(false, effects);
        }
    }

    pub(super) fn pin_typed(&mut self, typed: String) {
        if let Some(prompt) = &mut self.booth.pin {
            prompt.typed = typed;
        }
    }

    /// "Leave" or Enter on the prompt: the right PIN ends kiosk mode; a wrong one is said and
    /// cleared.
    pub(super) fn pin_submitted(&mut self, effects: &mut Vec<Effect>) {
        let Some(prompt) = &mut self.booth.pin else {
            return;
        };
        if pin_accepts(self.prefs.settings.kiosk.pin.as_deref(), &prompt.typed) {
            self.booth.pin = None;
            self.set_kiosk(false, effects);
        } else {
            prompt.typed.clear();
            prompt.wrong = true;
        }
    }

    pub(super) fn pin_cancelled(&mut self) {
        self.booth.pin = None;
    }
}
