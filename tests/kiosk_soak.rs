//! Soak: the kiosk through many simulated hours of taps, drags, pinches, language switches and
//! idle periods (countdowns, resets, tours), without a panic and without the memory in use
//! growing from one round to the next. Memory is counted by a global allocator of this test
//! binary (bytes allocated and not yet freed), so the figure is exact, not a guess from RSS.

mod common;

use common::{SIZE, harness_with};
use egui::{Event, Modifiers, PointerButton, Pos2, TouchDeviceId, TouchId, TouchPhase, pos2};
use egui_kittest::Harness;
use zae_atlas::kiosk::{KioskSettings, Phase};
use zae_atlas::settings::Settings;
use zae_atlas::{AppConfig, Command, ZaeApp};

#[path = "common/alloc.rs"]
mod alloc;

#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

/// A small deterministic generator (xorshift), so every run does the same things.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn unit(&mut self) -> f32 {
        (self.next() % 10_000) as f32 / 10_000.0
    }

    fn point(&mut self) -> Pos2 {
        pos2(SIZE[0] * self.unit(), SIZE[1] * self.unit())
    }
}

struct Soak {
    h: Harness<'static, ZaeApp>,
    t: f64,
    rng: Rng,
}

impl Soak {
    fn frame(&mut self, dt: f64) {
        self.t += dt;
        self.h.input_mut().time = Some(self.t);
        self.h.step();
    }

    fn tap(&mut self) {
        let p = self.rng.point();
        self.h.event(Event::PointerMoved(p));
        for pressed in [true, false] {
            self.h.event(Event::PointerButton {
                pos: p,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::default(),
            });
            self.frame(0.08);
        }
    }

    fn drag(&mut self) {
        let from = self.rng.point();
        let to = self.rng.point();
        self.h.event(Event::PointerMoved(from));
        self.h.event(Event::PointerButton {
            pos: from,
            button: PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::default(),
        });
        self.frame(0.05);
        for k in 1..=5 {
            let p = from + (to - from) * (k as f32 / 5.0);
            self.h.event(Event::PointerMoved(p));
            self.frame(0.03);
        }
        self.h.event(Event::PointerButton {
            pos: to,
            button: PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::default(),
        });
        self.frame(0.05);
    }

    /// Two fingers moving apart (or together).
    fn pinch(&mut self) {
        let centre = self.rng.point();
        let out = self.rng.unit() > 0.5;
        let device_id = TouchDeviceId(1);
        for (step, phase) in [
            (0, TouchPhase::Start),
            (1, TouchPhase::Move),
            (2, TouchPhase::Move),
            (3, TouchPhase::End),
        ] {
            let spread = if out {
                20.0 + 30.0 * step as f32
            } else {
                110.0 - 30.0 * step as f32
            };
            // As egui-winit does, the first finger also moves the pointer.
            self.h
                .event(Event::PointerMoved(centre + egui::vec2(-spread, 0.0)));
            for (id, sign) in [(0u64, -1.0), (1, 1.0)] {
                self.h.event(Event::Touch {
                    device_id,
                    id: TouchId(id),
                    phase,
                    pos: centre + egui::vec2(sign * spread, 0.0),
                    force: None,
                });
            }
            self.frame(0.04);
        }
    }

    /// Nobody at the booth for `seconds`: a frame every 4 s (the app asks for one at each tour
    /// stop, 12 s apart).
    fn idle(&mut self, seconds: f64) {
        let end = self.t + seconds;
        while self.t < end {
            self.frame(4.0);
        }
    }
}

#[test]
fn hours_of_taps_drags_and_idle_time_neither_panic_nor_grow_memory() {
    let h = harness_with(AppConfig {
        kiosk: true,
        settings: Settings {
            kiosk: KioskSettings {
                idle_seconds: 90.0,
                countdown_seconds: 10.0,
                seconds_per_zone: 12.0,
                ..KioskSettings::default()
            },
            ..Settings::default()
        },
        ..common::offline(Vec::new())
    });
    let mut soak = Soak {
        h,
        t: 0.0,
        rng: Rng(0x2A7A_5EED),
    };
    soak.frame(0.0);
    // Warm-up: every zone's card in both languages once, so that the glyphs of all the texts
    // are in the font atlas before memory is counted (random taps reach some zones late, and
    // their new glyphs grow the atlas once: a cache, not a leak).
    let zones = soak.h.state().dataset().zones.len();
    for lang in [zae_atlas::i18n::Lang::Fr, zae_atlas::i18n::Lang::En] {
        soak.h.state_mut().push(Command::SetLang(lang));
        for i in 0..zones {
            let id = soak.h.state().zone_id(i);
            soak.h.state_mut().push(Command::Select(id));
            soak.frame(0.1);
            soak.frame(0.1);
        }
    }
    soak.h.state_mut().push(Command::Select(None));
    soak.frame(0.1);
    let rounds = 12;
    let mut live = Vec::new();
    let (mut taps, mut tours) = (0, 0);
    for round in 0..rounds {
        // Busy minutes: a crowd at the stand.
        for k in 0..250 {
            match k % 10 {
                0..=6 => {
                    soak.tap();
                    taps += 1;
                }
                7 | 8 => soak.drag(),
                _ => soak.pinch(),
            }
            if k % 50 == 0 {
                let lang = if (round + k / 50) % 2 == 0 {
                    zae_atlas::i18n::Lang::Fr
                } else {
                    zae_atlas::i18n::Lang::En
                };
                soak.h.state_mut().push(Command::SetLang(lang));
                soak.frame(0.1);
            }
        }
        // Then the stand empties: countdown, reset, and the tour for the rest of the hour.
        soak.idle(100.0);
        assert!(
            !matches!(soak.h.state().kiosk_phase(), Some(Phase::Active)),
            "round {round}: idle for 100 s and still active"
        );
        soak.idle(3_600.0 - 100.0);
        if matches!(
            soak.h.state().kiosk_phase(),
            Some(Phase::Tour { stop: Some(_), .. })
        ) {
            tours += 1;
        }
        assert!(soak.h.state().is_kiosk());
        live.push(alloc::live());
    }
    let hours = soak.t / 3_600.0;
    eprintln!("{taps} taps over {hours:.1} simulated hours; live bytes after each round: {live:?}");
    assert!(hours >= 12.0);
    assert_eq!(tours, rounds, "every idle hour ran the tour");
    // After two rounds of warm-up (fonts, caches), the memory in use holds still.
    let settled = live[2];
    let last = *live.last().expect("rounds ran");
    assert!(
        last - settled < 64 * 1024,
        "memory in use grew by {} bytes from round 3 to round {rounds}: {live:?}",
        last - settled
    );
}
