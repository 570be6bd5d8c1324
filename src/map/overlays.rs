//! What is drawn over the map: attribution, offline banner, legend, scale bar, zoom buttons.

use crate::t;
use egui::{Align2, Color32, CornerRadius, Frame, Margin, Rect, RichText, Stroke, Ui, pos2, vec2};

use super::ViewTransform;
use super::style;

/// A small floating panel at one corner (or edge centre) of the map, sized to its content.
fn corner_ui<R>(
    ui: &mut Ui,
    map: Rect,
    align: Align2,
    id: &str,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    let margin = 8.0;
    let inner = map.shrink(margin);
    let anchor = pos2(
        match align.x() {
            egui::Align::Min => inner.left(),
            egui::Align::Center => inner.center().x,
            egui::Align::Max => inner.right(),
        },
        match align.y() {
            egui::Align::Min => inner.top(),
            egui::Align::Center => inner.center().y,
            egui::Align::Max => inner.bottom(),
        },
    );
    egui::Area::new(ui.scope_id().with(id))
        .pivot(align)
        .fixed_pos(anchor)
        .constrain_to(map)
        .order(egui::Order::Middle)
        .show(ui.ctx(), add)
        .inner
}

fn card() -> Frame {
    Frame::new()
        .fill(Color32::from_white_alpha(225))
        .stroke(Stroke::new(1.0, Color32::from_gray(180)))
        .corner_radius(CornerRadius::same(4))
        .inner_margin(Margin::symmetric(6, 4))
}

/// Tile attribution, bottom right. Required by the OpenStreetMap licence (ODbL).
pub fn attribution_ui(ui: &mut Ui, map: Rect, text: &str, url: Option<&str>) {
    corner_ui(ui, map, Align2::RIGHT_BOTTOM, "attribution", |ui| {
        card().show(ui, |ui| {
            ui.style_mut().override_text_style = Some(egui::TextStyle::Small);
            match url {
                Some(url) => {
                    ui.hyperlink_to(RichText::new(text).color(Color32::from_gray(40)), url)
                }
                None => ui.label(RichText::new(text).color(Color32::from_gray(40))),
            };
        });
    });
}

/// "Map tiles unavailable (offline)", top centre, with a retry button. Returns true on retry.
pub fn offline_banner_ui(ui: &mut Ui, map: Rect, source: &str) -> bool {
    let mut retry = false;
    corner_ui(ui, map, Align2::CENTER_TOP, "offline", |ui| {
        Frame::new()
            .fill(Color32::from_rgb(0xFF, 0xF1, 0xD6))
            .stroke(Stroke::new(1.0, Color32::from_rgb(0xC9, 0x7A, 0x00)))
            .corner_radius(CornerRadius::same(4))
            .inner_margin(Margin::symmetric(10, 6))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(t!("offline-title"))
                            .strong()
                            .color(Color32::from_rgb(0x6B, 0x3A, 0x00)),
                    );
                    ui.label(
                        RichText::new(t!("offline-detail", source = source))
                            .color(Color32::from_gray(60)),
                    );
                    retry = ui
                        .button(t!("retry"))
                        .on_hover_text(t!("retry-hover"))
                        .clicked();
                });
            });
    });
    retry
}

/// Legend of the vocations present, bottom left; "approximate outline" with a dashed sample
/// when schematic outlines are shown.
pub fn legend_ui(ui: &mut Ui, map: Rect, legend: &style::Legend, plots: bool, schematic: bool) {
    if legend.entries.is_empty() && !plots && !schematic {
        return;
    }
    corner_ui(ui, map, Align2::LEFT_BOTTOM, "legend", |ui| {
        card().show(ui, |ui| {
            ui.label(RichText::new(&legend.title).strong().color(Color32::BLACK));
            for (color, text) in &legend.entries {
                ui.horizontal(|ui| {
                    let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), egui::Sense::hover());
                    ui.painter()
                        .rect_filled(rect, 2.0, style::fill(*color, true));
                    ui.painter().rect_stroke(
                        rect,
                        2.0,
                        Stroke::new(1.5, *color),
                        egui::StrokeKind::Inside,
                    );
                    ui.label(RichText::new(text).color(Color32::from_gray(20)));
                });
            }
            if schematic {
                ui.horizontal(|ui| {
                    let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), egui::Sense::hover());
                    let c = rect.center().y;
                    ui.painter().extend(egui::Shape::dashed_line(
                        &[
                            egui::pos2(rect.left(), c),
                            egui::pos2(rect.right() + 8.0, c),
                        ],
                        Stroke::new(1.5, Color32::from_gray(40)),
                        4.0,
                        2.5,
                    ));
                    ui.add_space(8.0);
                    ui.label(
                        RichText::new(t!("legend-approximate-outline"))
                            .color(Color32::from_gray(20)),
                    );
                });
            }
            if plots {
                ui.label(
                    RichText::new(t!("legend-plots"))
                        .strong()
                        .color(Color32::BLACK),
                );
                let swatch = |ui: &mut Ui, fill: Color32, stroke: Stroke, text: &str| {
                    ui.horizontal(|ui| {
                        let (rect, _) =
                            ui.allocate_exact_size(vec2(14.0, 14.0), egui::Sense::hover());
                        ui.painter().rect_filled(rect, 0.0, fill);
                        ui.painter()
                            .rect_stroke(rect, 0.0, stroke, egui::StrokeKind::Inside);
                        ui.label(RichText::new(text).color(Color32::from_gray(20)));
                    });
                };
                let thin = Stroke::new(1.0, Color32::from_gray(70));
                swatch(
                    ui,
                    style::plot_fill(Some("occupé")),
                    thin,
                    &t!("legend-occupied"),
                );
                swatch(
                    ui,
                    style::plot_fill(Some("vacant")),
                    thin,
                    &t!("legend-vacant"),
                );
                swatch(
                    ui,
                    style::plot_fill(Some("friche")),
                    thin,
                    &t!("legend-brownfield"),
                );
                swatch(
                    ui,
                    Color32::TRANSPARENT,
                    Stroke::new(2.5, style::FOR_SALE),
                    &t!("legend-for-sale"),
                );
            }
        });
    });
}

/// Scale bar with a round length, bottom right above the attribution.
pub fn scale_bar_ui(ui: &mut Ui, map: Rect, view: &ViewTransform) {
    let (_, lat) = view.screen_to_lon_lat(map.center());
    // Web Mercator: metres per pixel at this latitude.
    let m_per_px = 40_075_016.686 * lat.to_radians().cos() / view.world_px;
    let target_px = 120.0;
    let raw_m = m_per_px * target_px;
    let magnitude = 10f64.powf(raw_m.log10().floor());
    let nice = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|f| f * magnitude)
        .filter(|m| *m <= raw_m)
        .fold(magnitude, f64::max);
    let bar_px = (nice / m_per_px) as f32;
    let label = if nice >= 1000.0 {
        format!("{} km", nice / 1000.0)
    } else {
        format!("{nice} m")
    };
    let right = map.right() - 10.0;
    let bottom = map.bottom() - 36.0;
    let left = right - bar_px;
    let painter = ui.painter().with_clip_rect(map);
    let bg = Rect::from_min_max(
        pos2(left - 6.0, bottom - 20.0),
        pos2(right + 6.0, bottom + 4.0),
    );
    painter.rect_filled(bg, 3.0, Color32::from_white_alpha(200));
    let stroke = Stroke::new(2.0, Color32::from_gray(30));
    painter.line_segment([pos2(left, bottom), pos2(right, bottom)], stroke);
    painter.line_segment([pos2(left, bottom - 5.0), pos2(left, bottom)], stroke);
    painter.line_segment([pos2(right, bottom - 5.0), pos2(right, bottom)], stroke);
    painter.text(
        pos2((left + right) / 2.0, bottom - 4.0),
        Align2::CENTER_BOTTOM,
        label,
        egui::FontId::proportional(12.0),
        Color32::from_gray(20),
    );
}

/// What the zoom buttons asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoomAction {
    In,
    Out,
    FitAll,
}

/// A small button whose symbol is not words: screen readers get `label` instead.
fn symbol_button(ui: &mut Ui, size: egui::Vec2, symbol: RichText, label: &str) -> bool {
    let response = ui
        .add_sized(
            size,
            egui::Button::new(symbol).wrap_mode(egui::TextWrapMode::Extend),
        )
        .on_hover_text(label);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, label));
    response.clicked()
}

/// Zoom buttons, top right.
/// `touch` makes them big enough for a finger (at least 48 points).
pub fn zoom_buttons_ui(ui: &mut Ui, map: Rect, touch: bool) -> Option<ZoomAction> {
    let mut action = None;
    corner_ui(ui, map, Align2::RIGHT_TOP, "zoom", |ui| {
        card().show(ui, |ui| {
            ui.vertical(|ui| {
                let (size, text) = if touch {
                    (vec2(64.0, 56.0), 30.0)
                } else {
                    (vec2(40.0, 30.0), 18.0)
                };
                if symbol_button(ui, size, RichText::new("+").size(text), &t!("zoom-in")) {
                    action = Some(ZoomAction::In);
                }
                if symbol_button(ui, size, RichText::new("−").size(text), &t!("zoom-out")) {
                    action = Some(ZoomAction::Out);
                }
                let fit = RichText::new(t!("zoom-fit")).size(text * 0.72);
                if symbol_button(ui, size, fit, &t!("menu-fit-all")) {
                    action = Some(ZoomAction::FitAll);
                }
            });
        });
    });
    action
}

/// The measure result in words.
pub fn measure_text(mode: crate::measure::MeasureMode, points: &[(f64, f64)]) -> String {
    use crate::measure::{MeasureMode, format_area, format_length, path_length_m, polygon_area_m2};
    match mode {
        MeasureMode::Distance => t!(
            "measure-distance-result",
            d = format_length(path_length_m(points)),
            n = points.len()
        ),
        MeasureMode::Area if points.len() < 3 => t!("measure-area-need", n = points.len()),
        MeasureMode::Area => {
            let mut ring = points.to_vec();
            ring.push(points[0]);
            t!(
                "measure-area-result",
                a = format_area(polygon_area_m2(points)),
                p = format_length(path_length_m(&ring)),
                n = points.len()
            )
        }
    }
}

/// The measured path or polygon on the map and its result; true when "Done" was pressed.
pub fn measure_ui(
    ui: &mut Ui,
    map: Rect,
    view: &ViewTransform,
    mode: crate::measure::MeasureMode,
    points: &[(f64, f64)],
) -> bool {
    let painter = ui.painter().with_clip_rect(map);
    let screen: Vec<egui::Pos2> = points
        .iter()
        .map(|&(lon, lat)| view.lon_lat_to_screen(lon, lat))
        .collect();
    let ink = Color32::from_rgb(0xD0, 0x10, 0x60);
    if mode == crate::measure::MeasureMode::Area && screen.len() >= 3 {
        painter.add(egui::Shape::closed_line(
            screen.clone(),
            Stroke::new(2.0, ink),
        ));
    } else if screen.len() >= 2 {
        painter.add(egui::Shape::line(screen.clone(), Stroke::new(2.0, ink)));
    }
    for p in &screen {
        painter.circle(*p, 4.0, Color32::WHITE, Stroke::new(2.0, ink));
    }
    let mut done = false;
    corner_ui(ui, map, Align2::LEFT_TOP, "measure", |ui| {
        card().show(ui, |ui| {
            ui.label(
                RichText::new(measure_text(mode, points))
                    .strong()
                    .color(Color32::BLACK),
            );
            ui.horizontal(|ui| {
                ui.label(RichText::new(t!("measure-hint")).color(Color32::from_gray(60)));
                done = ui.button(t!("done")).clicked();
            });
        });
    });
    done
}
