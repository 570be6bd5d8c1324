//! Kiosk mode: the booth's top bar, the zone card readable from a metre away (with a QR code of
//! the zone's web page), the idle countdown and the PIN prompt to leave.

use egui::{Align2, Color32, CornerRadius, Frame, Margin, Rect, RichText, Stroke, Ui, vec2};

use crate::app::Command;
use crate::format::format_count;
use crate::format::format_ha;
use crate::qr::{QUIET_ZONE, QrMatrix};
use crate::store::Dataset;
use crate::t;

/// Touch targets are at least this tall (points; the kiosk's interface scale makes them bigger).
pub const TOUCH_TARGET: f32 = 48.0;

/// Big text and finger-sized targets for everything drawn in `ui`.
pub fn touch_style(ui: &mut Ui) {
    let style = ui.style_mut();
    style.spacing.interact_size = vec2(TOUCH_TARGET, TOUCH_TARGET);
    style.spacing.button_padding = vec2(16.0, 10.0);
    style.spacing.item_spacing = vec2(12.0, 10.0);
    for (text_style, font) in style.text_styles.iter_mut() {
        font.size = match text_style {
            egui::TextStyle::Heading => 30.0,
            egui::TextStyle::Small => 15.0,
            _ => 20.0,
        };
    }
}

/// The top bar: title and the language switch.
pub fn top_bar_ui(ui: &mut Ui) -> Vec<Command> {
    let mut commands = Vec::new();
    touch_style(ui);
    ui.horizontal(|ui| {
        ui.set_min_height(TOUCH_TARGET + 8.0);
        ui.label(RichText::new(t!("kiosk-title")).heading().strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(lang) = super::language_switch_ui(ui, 20.0) {
                commands.push(Command::SetLang(lang));
            }
        });
    });
    commands
}

/// The zone card: name, a highlight line, surface, jobs, available land, and a QR code of the
/// zone's web page (never a link: the booth opens no browser).
pub fn card_ui(ui: &mut Ui, dataset: &Dataset, zone_index: usize) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(zone) = dataset.zones.get(zone_index) else {
        return commands;
    };
    touch_style(ui);
    ui.add_space(8.0);
    ui.add(egui::Label::new(RichText::new(zone.display_name()).heading().strong()).wrap());
    let communes = zone
        .property_str("communes")
        .map(str::to_string)
        .or_else(|| zone.commune.clone())
        .unwrap_or_else(|| t!("unknown"));
    ui.add(
        egui::Label::new(
            RichText::new(t!(
                "kiosk-highlight",
                vocation = zone.vocation.label(),
                communes = communes
            ))
            .color(Color32::from_gray(70)),
        )
        .wrap(),
    );
    if zone.is_schematic() {
        ui.label(
            RichText::new(t!("approximate-location"))
                .italics()
                .color(super::info_panel::APPROXIMATE),
        );
    }
    ui.add_space(6.0);
    // One fact a line pair: the name small, the figure big (read from a metre away).
    let fact = |ui: &mut Ui, name: String, value: RichText| {
        ui.add_space(6.0);
        ui.label(RichText::new(name).color(Color32::from_gray(90)));
        ui.add(egui::Label::new(value).wrap());
    };
    let surface = match zone.surface_declared_ha {
        Some(ha) => format!("{} ha", format_ha(ha)),
        None => t!("unknown"),
    };
    fact(
        ui,
        t!("kiosk-surface"),
        RichText::new(surface).size(28.0).strong(),
    );
    let jobs = match (zone.jobs, zone.jobs_year()) {
        (Some(j), Some(y)) => format!("{} ({y})", format_count(j)),
        (Some(j), None) => format_count(j),
        (None, _) => t!("unknown"),
    };
    fact(
        ui,
        t!("kiosk-jobs"),
        RichText::new(jobs).size(28.0).strong(),
    );
    let land = dataset.land_stats(zone_index);
    let land = if land.plots_for_sale > 0 {
        RichText::new(t!(
            "land-for-sale",
            ha = format_ha(land.available_ha),
            n = land.plots_for_sale
        ))
        .size(24.0)
        .strong()
        .color(crate::palette::FOR_SALE)
    } else {
        RichText::new(t!("kiosk-available-unknown")).italics()
    };
    fact(ui, t!("kiosk-available-land"), land);
    ui.add_space(10.0);
    match zone.url() {
        Some(url) => match QrMatrix::encode(&url) {
            // The code beside its caption: the whole card fits a 1280×800 screen at 1.25×.
            Ok(qr) => {
                ui.horizontal_top(|ui| {
                    qr_ui(ui, &qr, 170.0, &url);
                    ui.vertical(|ui| {
                        ui.add(egui::Label::new(RichText::new(t!("kiosk-scan")).strong()).wrap());
                        ui.add(
                            egui::Label::new(
                                RichText::new(
                                    url.split_once("://").map_or(url.as_str(), |(_, r)| r),
                                )
                                .small()
                                .color(Color32::from_gray(90)),
                            )
                            .wrap(),
                        );
                    });
                });
            }
            Err(e) => {
                log::warn!("{e}");
                ui.label(RichText::new(t!("kiosk-no-url")).italics());
            }
        },
        None => {
            ui.label(RichText::new(t!("kiosk-no-url")).italics());
        }
    }
    ui.add_space(14.0);
    if ui.button(t!("kiosk-close-card")).clicked() {
        commands.push(Command::Select(None));
    }
    commands
}

/// Draws a QR code `side` points wide, quiet zone included, dark on white.
pub fn qr_ui(ui: &mut Ui, qr: &QrMatrix, side: f32, text: &str) {
    let (rect, response) = ui.allocate_exact_size(vec2(side, side), egui::Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::accesskit::Role::Image,
            true,
            t!("kiosk-qr", url = text),
        )
    });
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    let modules = (qr.width + 2 * QUIET_ZONE) as f32;
    let cell = side / modules;
    let mut mesh = egui::Mesh::default();
    for y in 0..qr.width {
        for x in 0..qr.width {
            if qr.is_dark(x, y) {
                let min = rect.min
                    + vec2(
                        (x + QUIET_ZONE) as f32 * cell,
                        (y + QUIET_ZONE) as f32 * cell,
                    );
                mesh.add_colored_rect(Rect::from_min_size(min, vec2(cell, cell)), Color32::BLACK);
            }
        }
    }
    painter.add(egui::Shape::mesh(mesh));
}

/// "Returning to the overview in 10 s — touch to stay", over the map.
pub fn countdown_ui(ui: &mut Ui, map: Rect, seconds: u32) {
    egui::Area::new(egui::Id::unique("kiosk-countdown"))
        .order(egui::Order::Foreground)
        .anchor(Align2::CENTER_CENTER, vec2(0.0, 0.0))
        .constrain_to(map)
        .interactable(false)
        .show(ui.ctx(), |ui| {
            Frame::new()
                .fill(Color32::from_black_alpha(200))
                .corner_radius(CornerRadius::same(12))
                .inner_margin(Margin::symmetric(28, 20))
                .show(ui, |ui| {
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                    ui.label(
                        RichText::new(t!("kiosk-countdown", s = seconds))
                            .size(28.0)
                            .color(Color32::WHITE),
                    );
                });
        });
}

/// "Touch a zone to explore it", top centre of the map, while no zone is shown.
/// `below_banner` leaves room for the offline banner, which sits at the same place.
pub fn hint_ui(ui: &mut Ui, map: Rect, below_banner: bool) {
    egui::Area::new(egui::Id::unique("kiosk-hint"))
        .order(egui::Order::Middle)
        .fixed_pos(map.center_top() + vec2(0.0, if below_banner { 80.0 } else { 16.0 }))
        .pivot(Align2::CENTER_TOP)
        .interactable(false)
        .show(ui.ctx(), |ui| {
            Frame::new()
                .fill(Color32::from_white_alpha(230))
                .stroke(Stroke::new(1.0, Color32::from_gray(170)))
                .corner_radius(CornerRadius::same(10))
                .inner_margin(Margin::symmetric(20, 12))
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(t!("kiosk-touch-hint"))
                            .size(24.0)
                            .color(Color32::from_gray(30)),
                    );
                });
        });
}

/// The PIN prompt to leave kiosk mode: what is typed, "Leave" (or Enter) and "Stay", as
/// commands.
pub fn exit_dialog_ui(ctx: &egui::Context, typed: &str, wrong: bool) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut pin = typed.to_string();
    egui::Window::new(t!("kiosk-exit-title"))
        .id(egui::Id::unique("kiosk-exit"))
        .collapsible(false)
        .resizable(false)
        .anchor(Align2::CENTER_CENTER, vec2(0.0, 0.0))
        .show(ctx, |ui| {
            touch_style(ui);
            ui.horizontal(|ui| {
                let label = ui.label(t!("kiosk-pin"));
                let edit = ui
                    .add(
                        egui::TextEdit::singleline(&mut pin)
                            .password(true)
                            .desired_width(160.0),
                    )
                    .labelled_by(label.id);
                edit.request_focus();
                if pin != typed {
                    commands.push(Command::KioskPinTyped(pin.clone()));
                }
                if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    commands.push(Command::KioskPinSubmit);
                }
            });
            if wrong {
                ui.label(
                    RichText::new(t!("kiosk-pin-wrong")).color(Color32::from_rgb(0xB0, 0x30, 0x20)),
                );
            }
            ui.horizontal(|ui| {
                if ui.button(t!("kiosk-exit")).clicked() {
                    commands.push(Command::KioskPinSubmit);
                }
                if ui.button(t!("kiosk-stay")).clicked() {
                    commands.push(Command::KioskPinCancel);
                }
            });
        });
    commands
}
