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

/// What the card needs besides the zone: the booth's printing.
pub struct CardExtras<'a> {
    /// `[kiosk] print_command` is set: the card offers "Print this sheet".
    pub can_print: bool,
    /// The print command is running.
    pub printing: bool,
    /// How the last print went (a failure, or "sent to the printer").
    pub print_message: Option<&'a str>,
    pub zone_id: Option<crate::store::ZoneId>,
}

/// The access points, read once (a small file compiled into the program).
fn access_points() -> &'static crate::sheet::AccessPoints {
    static POINTS: std::sync::OnceLock<crate::sheet::AccessPoints> = std::sync::OnceLock::new();
    POINTS.get_or_init(|| {
        crate::sheet::AccessPoints::embedded().unwrap_or_else(|e| {
            log::error!("{e}");
            crate::sheet::AccessPoints::default()
        })
    })
}

/// The zone card, led by what an investor looks for: available land, access, tenants; then
/// surface and jobs; the QR code of the zone's web page (never a link: the booth opens no
/// browser); and "Print this sheet" when the booth has a printer. A figure the data does not
/// give is left out rather than printed as "unknown".
pub fn card_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    zone_index: usize,
    extras: &CardExtras,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(zone) = dataset.zones.get(zone_index) else {
        return commands;
    };
    touch_style(ui);
    // Lines closer than elsewhere: the whole card, QR code included, fits a 1280×800 screen.
    ui.spacing_mut().item_spacing.y = 5.0;
    ui.add_space(4.0);
    ui.add(egui::Label::new(RichText::new(zone.display_name()).heading().strong()).wrap());
    let communes = zone
        .property_text("communes")
        .or_else(|| zone.commune.clone());
    let highlight = match communes {
        Some(c) => t!(
            "kiosk-highlight",
            vocation = zone.vocation.label(),
            communes = c
        ),
        None => zone.vocation.label(),
    };
    ui.add(egui::Label::new(RichText::new(highlight).color(Color32::from_gray(70))).wrap());
    if zone.is_schematic() {
        ui.label(
            RichText::new(t!("approximate-location"))
                .italics()
                .color(super::info_panel::APPROXIMATE),
        );
    }
    // The buttons first: the card may be taller than the screen.
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        if extras.can_print
            && let Some(id) = extras.zone_id
        {
            let label = if extras.printing {
                t!("kiosk-printing")
            } else {
                t!("kiosk-print")
            };
            if ui
                .add_enabled(!extras.printing, egui::Button::new(label))
                .clicked()
            {
                commands.push(Command::PrintSheet(id));
            }
        }
        if ui.button(t!("kiosk-close-card")).clicked() {
            commands.push(Command::Select(None));
        }
    });
    if let Some(message) = extras.print_message {
        ui.add(
            egui::Label::new(RichText::new(message).color(Color32::from_rgb(0x8A, 0x3A, 0x00)))
                .wrap(),
        );
    }
    ui.add_space(2.0);
    // One fact a line pair: the name small, the figure big (read from a metre away).
    let fact = |ui: &mut Ui, name: String, value: RichText| {
        ui.add_space(6.0);
        ui.label(RichText::new(name).color(Color32::from_gray(90)));
        ui.add(egui::Label::new(value).wrap());
    };
    let land = dataset.land_stats(zone_index);
    if land.plots_for_sale > 0 {
        fact(
            ui,
            t!("kiosk-available-land"),
            RichText::new(t!(
                "land-for-sale",
                ha = format_ha(land.available_ha),
                n = land.plots_for_sale
            ))
            .size(26.0)
            .strong()
            .color(crate::palette::FOR_SALE),
        );
    }
    // Access: where the motorway, the station and the airport are.
    let mut notes = 0;
    let access = access_points().lines_for(zone, &mut |_| {
        notes += 1;
        notes
    });
    if !access.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(t!("kiosk-access")).color(Color32::from_gray(90)));
        for line in &access {
            ui.add(
                egui::Label::new(
                    RichText::new(t!(
                        "kiosk-access-line",
                        what = line.label.clone(),
                        place = line.place.clone(),
                        distance = line.short.clone()
                    ))
                    .small(),
                )
                .wrap(),
            );
        }
    }
    let mut tenants: Vec<String> = zone.tenants().into_iter().map(|t| t.name).collect();
    if tenants.is_empty() {
        tenants = dataset
            .establishments_in(zone_index)
            .map(|e| e.name.clone())
            .collect();
    }
    if !tenants.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(t!("kiosk-tenants")).color(Color32::from_gray(90)));
        let shown = tenants.len().min(5);
        let mut list = tenants[..shown].join(" · ");
        if tenants.len() > shown {
            list.push_str(&format!(
                " · {}",
                t!("sheet-more-tenants", n = tenants.len() - shown)
            ));
        }
        ui.add(egui::Label::new(RichText::new(list).small()).wrap());
    }
    // Surface and jobs side by side.
    let surface = zone
        .surface_declared_ha
        .map(|ha| format!("{} ha", format_ha(ha)));
    let jobs = zone.jobs.map(|j| match zone.jobs_year() {
        Some(y) => format!("{} ({y})", format_count(j)),
        None => format_count(j),
    });
    if surface.is_some() || jobs.is_some() {
        ui.horizontal_top(|ui| {
            for (name, value) in [(t!("kiosk-surface"), surface), (t!("kiosk-jobs"), jobs)] {
                if let Some(value) = value {
                    ui.vertical(|ui| {
                        fact(ui, name, RichText::new(value).size(24.0).strong());
                    });
                    ui.add_space(12.0);
                }
            }
        });
    }
    ui.add_space(6.0);
    if let Some(url) = zone.url() {
        match QrMatrix::encode(&url) {
            // The code beside its caption: the whole card fits a 1280×800 screen at 1.25×.
            Ok(qr) => {
                ui.horizontal_top(|ui| {
                    qr_ui(ui, &qr, 124.0, &url);
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
            Err(e) => log::warn!("{e}"),
        }
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
