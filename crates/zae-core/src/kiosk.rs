//! The trade-show booth: when nobody has touched the screen for a while, a countdown, then back
//! to the overview, then a tour from zone to zone until someone touches the screen again.
//!
//! Pure logic on a clock in seconds (egui's input time in the app, any number in tests), so the
//! idle countdown, the reset and the tour are tested without waiting.

use serde::{Deserialize, Serialize};

/// Kiosk settings (config file `[kiosk]` table, and the Settings window).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KioskSettings {
    /// Start in kiosk mode.
    pub enabled: bool,
    /// Needed to leave kiosk mode after the key chord, when set.
    pub pin: Option<String>,
    /// Seconds without input before the countdown.
    pub idle_seconds: f64,
    /// Length of the countdown.
    pub countdown_seconds: f64,
    /// How long the tour stays on each zone (the flight included).
    pub seconds_per_zone: f64,
    /// Length of the flight from one zone to the next.
    pub flight_seconds: f64,
    /// Interface scale in kiosk mode (egui zoom factor).
    pub ui_scale: f32,
    /// Prints a zone's sheet at the booth (e.g. `lp -d "Booth printer"`): the card shows "Print
    /// this sheet", which writes the PDF to a temporary file and runs this command with the
    /// file's path as its last argument. Split into words as a POSIX shell would (quotes and
    /// backslashes), but run without a shell: no variables, pipes or redirections.
    pub print_command: Option<String>,
}

impl Default for KioskSettings {
    fn default() -> Self {
        Self {
            enabled: false,
            pin: None,
            idle_seconds: 90.0,
            countdown_seconds: 10.0,
            seconds_per_zone: 12.0,
            flight_seconds: 2.5,
            ui_scale: 1.25,
            print_command: None,
        }
    }
}

impl KioskSettings {
    /// Keeps the numbers in a usable range (a config file may say anything).
    pub fn sanitized(mut self) -> Self {
        let clamp = |v: f64, lo: f64, hi: f64, default: f64| {
            if v.is_finite() {
                v.clamp(lo, hi)
            } else {
                default
            }
        };
        let d = KioskSettings::default();
        self.idle_seconds = clamp(self.idle_seconds, 5.0, 86_400.0, d.idle_seconds);
        self.countdown_seconds = clamp(self.countdown_seconds, 1.0, 600.0, d.countdown_seconds);
        self.seconds_per_zone = clamp(self.seconds_per_zone, 3.0, 3_600.0, d.seconds_per_zone);
        self.flight_seconds = clamp(self.flight_seconds, 0.0, 30.0, d.flight_seconds)
            .min(self.seconds_per_zone * 0.8);
        self.ui_scale = if self.ui_scale.is_finite() {
            self.ui_scale.clamp(0.75, 3.0)
        } else {
            d.ui_scale
        };
        self.pin = self.pin.filter(|p| !p.trim().is_empty());
        self.print_command = self.print_command.filter(|c| !c.trim().is_empty());
        self
    }

    /// The print command's program and arguments, when one is set; an error when it cannot be
    /// split into words (an unclosed quote, a backslash at the end).
    pub fn print_command_words(&self) -> Option<Result<Vec<String>, BadPrintCommand>> {
        let command = self.print_command.as_deref()?;
        if command.trim().is_empty() {
            return None;
        }
        Some(match shlex::split(command) {
            Some(words) if !words.is_empty() => Ok(words),
            _ => Err(BadPrintCommand),
        })
    }
}

/// `[kiosk] print_command` cannot be split into words as a shell would.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadPrintCommand;

/// Where the booth is in its idle cycle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Phase {
    /// Someone is using it.
    Active,
    /// Nobody touched it for a while: counting down to the overview.
    Countdown { until: f64 },
    /// The tour: `stop` is the zone shown (index into the tour's stops), `None` for the
    /// overview it starts from; `since` is when that stop began.
    Tour { stop: Option<usize>, since: f64 },
}

/// What the app has to do now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Event {
    CountdownStarted,
    /// Back to the overview, selection cleared.
    ResetToOverview,
    /// Fly to the tour's stop `n` and show its card.
    ShowStop(usize),
}

/// The idle clock and the tour.
#[derive(Clone, Debug)]
pub struct Idle {
    pub settings: KioskSettings,
    last_input: f64,
    phase: Phase,
}

impl Idle {
    pub fn new(settings: KioskSettings, now: f64) -> Self {
        Self {
            settings,
            last_input: now,
            phase: Phase::Active,
        }
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Someone touched the screen (or a key, the mouse): the countdown or the tour stops.
    /// Returns true when that interrupted one.
    pub fn input(&mut self, now: f64) -> bool {
        self.last_input = now;
        let interrupted = self.phase != Phase::Active;
        self.phase = Phase::Active;
        interrupted
    }

    /// Advances the clock; `stops` is how many zones the tour has. At most one event a call.
    pub fn tick(&mut self, now: f64, stops: usize) -> Option<Event> {
        let s = &self.settings;
        match self.phase {
            Phase::Active if now - self.last_input >= s.idle_seconds => {
                self.phase = Phase::Countdown {
                    until: now + s.countdown_seconds,
                };
                Some(Event::CountdownStarted)
            }
            Phase::Countdown { until } if now >= until => {
                self.phase = Phase::Tour {
                    stop: None,
                    since: now,
                };
                Some(Event::ResetToOverview)
            }
            Phase::Tour { stop, since } if stops > 0 && now - since >= s.seconds_per_zone => {
                let next = stop.map_or(0, |k| (k + 1) % stops);
                self.phase = Phase::Tour {
                    stop: Some(next),
                    since: now,
                };
                Some(Event::ShowStop(next))
            }
            _ => None,
        }
    }

    /// Whole seconds left on the countdown, while it runs.
    pub fn countdown_left(&self, now: f64) -> Option<u32> {
        match self.phase {
            Phase::Countdown { until } => Some((until - now).max(0.0).ceil() as u32),
            _ => None,
        }
    }

    /// When something next happens (to schedule a repaint).
    pub fn next_deadline(&self) -> f64 {
        let s = &self.settings;
        match self.phase {
            Phase::Active => self.last_input + s.idle_seconds,
            Phase::Countdown { until } => until,
            Phase::Tour { since, .. } => since + s.seconds_per_zone,
        }
    }
}

/// A smooth flight between two views: centres in Web-Mercator world units (0..1) and zooms.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flight {
    pub from: ([f64; 2], f64),
    pub to: ([f64; 2], f64),
    pub start: f64,
    pub duration: f64,
}

impl Flight {
    /// The view at `now`, and whether the flight is over. The centre eases in and out; the
    /// zoom dips out along the way when the two places are far apart (as a camera would), so
    /// the viewer keeps their bearings.
    pub fn at(&self, now: f64) -> (([f64; 2], f64), bool) {
        if self.duration <= 0.0 || now >= self.start + self.duration {
            return (self.to, true);
        }
        let t = ((now - self.start) / self.duration).clamp(0.0, 1.0);
        let e = t * t * (3.0 - 2.0 * t);
        let (a, za) = self.from;
        let (b, zb) = self.to;
        let centre = [a[0] + (b[0] - a[0]) * e, a[1] + (b[1] - a[1]) * e];
        // How many zoom levels out to see both ends: the distance in tiles at the lower zoom.
        let distance = ((b[0] - a[0]).hypot(b[1] - a[1]) * 2f64.powf(za.min(zb))).max(1e-9);
        let dip = (distance.log2() - 1.0).clamp(0.0, 3.0);
        let zoom = za + (zb - za) * e - dip * (std::f64::consts::PI * t).sin();
        ((centre, zoom), false)
    }
}

/// The key chord that asks to leave kiosk mode: Ctrl+Alt+Shift+K (hard to press by accident on a
/// booth keyboard, and a touch screen has none).
pub const EXIT_CHORD: &str = "Ctrl+Alt+Shift+K";

/// Whether `typed` opens the kiosk: any PIN when none is set.
pub fn pin_accepts(pin: Option<&str>, typed: &str) -> bool {
    match pin {
        None => true,
        Some(pin) => pin.trim() == typed.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(command: &str) -> Option<Result<Vec<String>, BadPrintCommand>> {
        KioskSettings {
            print_command: Some(command.to_string()),
            ..KioskSettings::default()
        }
        .print_command_words()
    }

    #[test]
    fn the_print_command_is_split_as_a_shell_would() {
        let ok = |v: &[&str]| Some(Ok(v.iter().map(|s| s.to_string()).collect::<Vec<_>>()));
        assert_eq!(words("lp -d booth"), ok(&["lp", "-d", "booth"]));
        assert_eq!(
            words(r#"lp -d "Booth printer" -o 'media=A4'"#),
            ok(&["lp", "-d", "Booth printer", "-o", "media=A4"])
        );
        assert_eq!(
            words(r"/opt/my\ tools/print -n 2"),
            ok(&["/opt/my tools/print", "-n", "2"])
        );
        assert_eq!(words(r#"lp -d "Booth printer"#), Some(Err(BadPrintCommand)));
        assert_eq!(words("   "), None);
        assert_eq!(KioskSettings::default().print_command_words(), None);
    }

    fn settings() -> KioskSettings {
        KioskSettings {
            idle_seconds: 90.0,
            countdown_seconds: 10.0,
            seconds_per_zone: 12.0,
            ..KioskSettings::default()
        }
    }

    #[test]
    fn idle_countdown_reset_then_tour() {
        let mut idle = Idle::new(settings(), 0.0);
        assert_eq!(idle.tick(89.0, 3), None);
        assert_eq!(idle.tick(90.0, 3), Some(Event::CountdownStarted));
        assert_eq!(idle.countdown_left(90.5), Some(10));
        assert_eq!(idle.countdown_left(99.2), Some(1));
        assert_eq!(idle.tick(99.9, 3), None);
        assert_eq!(idle.tick(100.0, 3), Some(Event::ResetToOverview));
        assert_eq!(idle.tick(111.0, 3), None);
        assert_eq!(idle.tick(112.0, 3), Some(Event::ShowStop(0)));
        assert_eq!(idle.tick(124.0, 3), Some(Event::ShowStop(1)));
        assert_eq!(idle.tick(136.0, 3), Some(Event::ShowStop(2)));
        assert_eq!(idle.tick(148.0, 3), Some(Event::ShowStop(0)));
    }

    #[test]
    fn a_touch_stops_the_countdown_and_the_tour() {
        let mut idle = Idle::new(settings(), 0.0);
        idle.tick(90.0, 3);
        assert!(idle.input(95.0));
        assert_eq!(idle.phase(), Phase::Active);
        // The idle time counts again from the touch.
        assert_eq!(idle.tick(184.0, 3), None);
        assert_eq!(idle.tick(185.0, 3), Some(Event::CountdownStarted));
        idle.tick(195.0, 3);
        idle.tick(207.0, 3);
        assert!(matches!(idle.phase(), Phase::Tour { stop: Some(0), .. }));
        assert!(idle.input(208.0));
        assert!(!idle.input(209.0));
    }

    #[test]
    fn no_zones_no_tour_stop() {
        let mut idle = Idle::new(settings(), 0.0);
        idle.tick(90.0, 0);
        idle.tick(100.0, 0);
        assert_eq!(idle.tick(500.0, 0), None);
    }

    #[test]
    fn flights_end_where_they_aim_and_dip_out_when_far() {
        let f = Flight {
            from: ([0.5, 0.3], 12.0),
            to: ([0.52, 0.31], 14.0),
            start: 10.0,
            duration: 2.0,
        };
        assert_eq!(f.at(9.0).0, f.from);
        assert_eq!(f.at(12.0), (f.to, true));
        let ((_, mid_zoom), done) = f.at(11.0);
        assert!(!done);
        assert!(
            mid_zoom < 12.0,
            "far apart at zoom 12: the camera backs out ({mid_zoom})"
        );
        let near = Flight {
            to: ([0.5000001, 0.3], 13.0),
            ..f
        };
        let ((_, z), _) = near.at(11.0);
        assert!((z - 12.5).abs() < 1e-6, "close by: no dip ({z})");
    }

    #[test]
    fn silly_settings_are_clamped() {
        let s = KioskSettings {
            idle_seconds: -3.0,
            countdown_seconds: f64::NAN,
            ui_scale: 40.0,
            pin: Some("  ".into()),
            ..KioskSettings::default()
        }
        .sanitized();
        assert_eq!(s.idle_seconds, 5.0);
        assert_eq!(s.countdown_seconds, 10.0);
        assert_eq!(s.ui_scale, 3.0);
        assert_eq!(s.pin, None);
        assert!(pin_accepts(None, ""));
        assert!(pin_accepts(Some("2468"), " 2468"));
        assert!(!pin_accepts(Some("2468"), "1234"));
    }
}
