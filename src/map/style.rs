//! Colours of the map: one per vocation (Okabe–Ito based, readable by most colour-blind people).

use egui::Color32;

use crate::model::Vocation;

pub fn vocation_color(v: Vocation) -> Color32 {
    match v {
        Vocation::Industrial => Color32::from_rgb(0x00, 0x72, 0xB2),
        Vocation::Commercial => Color32::from_rgb(0xE6, 0x9F, 0x00),
        Vocation::Tertiary => Color32::from_rgb(0x56, 0xB4, 0xE9),
        Vocation::Artisanal => Color32::from_rgb(0xA0, 0x52, 0x2D),
        Vocation::Tourism => Color32::from_rgb(0xF0, 0xE4, 0x42),
        Vocation::Port => Color32::from_rgb(0x1F, 0x4E, 0x79),
        Vocation::Airport => Color32::from_rgb(0x00, 0x9E, 0x73),
        Vocation::Logistics => Color32::from_rgb(0x7B, 0x32, 0x94),
        Vocation::AgriLogistics => Color32::from_rgb(0x8C, 0x6D, 0x31),
        Vocation::Mixed => Color32::from_rgb(0xD5, 0x5E, 0x00),
        Vocation::Other => Color32::from_rgb(0xCC, 0x79, 0xA7),
        Vocation::Unknown => Color32::from_rgb(0x88, 0x88, 0x88),
    }
}

/// Fill: the outline colour, translucent so the base map shows through.
pub fn fill(c: Color32, highlighted: bool) -> Color32 {
    let alpha = if highlighted { 150 } else { 95 };
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
}

pub const SELECTED_OUTLINE: Color32 = Color32::from_rgb(0xFF, 0xD7, 0x00);
pub const HALO: Color32 = Color32::from_rgb(0x10, 0x10, 0x10);
/// Background where no tile is drawn (offline, or `--tiles none`).
pub const PLAIN_BACKGROUND: Color32 = Color32::from_rgb(0xEE, 0xEC, 0xE6);

/// Plots for sale ("available land"): what an investor looks for first.
pub const FOR_SALE: Color32 = Color32::from_rgb(0x00, 0xA6, 0x51);

/// Plot fill by occupation (`terr_etat_occup`).
pub fn plot_fill(occupation: Option<&str>) -> Color32 {
    let folded = occupation.map(crate::model::fold).unwrap_or_default();
    match folded.as_str() {
        "occupe" => Color32::from_rgba_unmultiplied(0x60, 0x60, 0x70, 110),
        "vacant" | "inoccupe" => Color32::from_rgba_unmultiplied(0xFF, 0xE0, 0x66, 150),
        "friche" => Color32::from_rgba_unmultiplied(0xA0, 0x70, 0x40, 140),
        "occupation transitoire" => Color32::from_rgba_unmultiplied(0x9E, 0xC5, 0xE8, 140),
        _ => Color32::from_rgba_unmultiplied(0xB0, 0xB0, 0xB0, 110),
    }
}

/// Plot outline by commercial stage (`terr_stade_comm`): for sale stands out.
pub fn plot_outline(stage: Option<&str>) -> egui::Stroke {
    let folded = stage.map(crate::model::fold).unwrap_or_default();
    if folded.starts_with("en vente") {
        egui::Stroke::new(2.5, FOR_SALE)
    } else if folded.starts_with("reserve") {
        egui::Stroke::new(2.0, RESERVED)
    } else if folded.starts_with("vendu") {
        egui::Stroke::new(1.2, Color32::from_gray(40))
    } else {
        egui::Stroke::new(1.0, Color32::from_gray(110))
    }
}

/// Plots under option (`terr_stade_comm` "réservé ...").
pub const RESERVED: Color32 = Color32::from_rgb(0xE0, 0x7B, 0x00);
