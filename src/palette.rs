//! Colours of the map: one per vocation (Okabe–Ito based, readable by most colour-blind people).

use egui::Color32;

use crate::format::format_ha;
use crate::model::Vocation;
pub use crate::style::StyleMode;

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

/// What the colours mean.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Legend {
    pub title: String,
    pub entries: Vec<(Color32, String)>,
}

/// Sequential palette (light to dark blue-green), readable by most colour-blind people.
const GRADUATED: [Color32; 5] = [
    Color32::from_rgb(0xFE, 0xE0, 0x8B),
    Color32::from_rgb(0xA6, 0xD9, 0x6A),
    Color32::from_rgb(0x41, 0xAB, 0x5D),
    Color32::from_rgb(0x22, 0x7C, 0x9D),
    Color32::from_rgb(0x25, 0x34, 0x94),
];
const UNKNOWN: Color32 = Color32::from_rgb(0x99, 0x99, 0x99);

/// One colour per zone and the legend, for a style.
pub fn zone_colors(zones: &[crate::model::Zone], mode: StyleMode) -> (Vec<Color32>, Legend) {
    use crate::model::Vocation;
    match mode {
        StyleMode::Vocation => {
            let colors = zones.iter().map(|z| vocation_color(z.vocation)).collect();
            let entries = Vocation::ALL
                .iter()
                .filter_map(|&v| {
                    let n = zones.iter().filter(|z| z.vocation == v).count();
                    (n > 0).then(|| (vocation_color(v), format!("{} ({n})", v.label())))
                })
                .collect();
            (
                colors,
                Legend {
                    title: mode.label(),
                    entries,
                },
            )
        }
        StyleMode::State => {
            let states: Vec<Option<String>> = zones.iter().map(|z| z.state()).collect();
            let mut distinct: Vec<String> = states.iter().flatten().cloned().collect();
            distinct.sort();
            distinct.dedup();
            let palette = [
                Color32::from_rgb(0x00, 0x9E, 0x73),
                Color32::from_rgb(0xE6, 0x9F, 0x00),
                Color32::from_rgb(0x00, 0x72, 0xB2),
                Color32::from_rgb(0xCC, 0x79, 0xA7),
                Color32::from_rgb(0xD5, 0x5E, 0x00),
                Color32::from_rgb(0x56, 0xB4, 0xE9),
            ];
            let color_of = |s: &Option<String>| {
                s.as_ref()
                    .and_then(|s| distinct.iter().position(|d| d == s))
                    .map_or(UNKNOWN, |i| palette[i % palette.len()])
            };
            let colors = states.iter().map(color_of).collect();
            let mut entries: Vec<(Color32, String)> = distinct
                .iter()
                .map(|d| {
                    let n = states.iter().filter(|s| s.as_deref() == Some(d)).count();
                    (color_of(&Some(d.clone())), format!("{d} ({n})"))
                })
                .collect();
            let unknown = states.iter().filter(|s| s.is_none()).count();
            if unknown > 0 {
                entries.push((UNKNOWN, crate::t!("legend-unknown", n = unknown)));
            }
            (
                colors,
                Legend {
                    title: mode.label(),
                    entries,
                },
            )
        }
        StyleMode::JobsPerHa | StyleMode::Surface => {
            let values: Vec<Option<f64>> = zones
                .iter()
                .map(|z| match mode {
                    StyleMode::Surface => z.surface_declared_ha,
                    _ => z.jobs_per_ha(),
                })
                .collect();
            graduated(&values, &mode.label())
        }
    }
}

/// Quantile classes (up to five) over the known values; unknown values are grey.
fn graduated(values: &[Option<f64>], title: &str) -> (Vec<Color32>, Legend) {
    let mut known: Vec<f64> = values.iter().flatten().copied().collect();
    known.sort_by(f64::total_cmp);
    let classes = known.len().clamp(1, GRADUATED.len());
    // Upper bound of each class.
    let breaks: Vec<f64> = (1..=classes)
        .map(|k| {
            known
                .get((k * known.len()).div_ceil(classes).saturating_sub(1))
                .copied()
                .unwrap_or(0.0)
        })
        .collect();
    let class_of = |v: f64| breaks.iter().position(|&b| v <= b).unwrap_or(classes - 1);
    let colors = values
        .iter()
        .map(|v| v.map_or(UNKNOWN, |v| GRADUATED[class_of(v)]))
        .collect();
    let mut entries = Vec::new();
    let mut lower = known.first().copied().unwrap_or(0.0);
    for (k, &upper) in breaks.iter().enumerate() {
        if known.is_empty() {
            break;
        }
        let n = known.iter().filter(|&&v| class_of(v) == k).count();
        if n > 0 {
            entries.push((
                GRADUATED[k],
                format!("{} – {} ({n})", format_ha(lower), format_ha(upper)),
            ));
        }
        lower = upper;
    }
    let unknown = values.iter().filter(|v| v.is_none()).count();
    if unknown > 0 {
        entries.push((UNKNOWN, crate::t!("legend-unknown", n = unknown)));
    }
    (
        colors,
        Legend {
            title: title.into(),
            entries,
        },
    )
}

/// Colour of a zone or plot by what changed between two inventories (a comparison).
pub fn change_color(status: crate::diff::Status) -> Color32 {
    use crate::diff::Status;
    match status {
        Status::Added => Color32::from_rgb(0x1B, 0x9E, 0x77),
        Status::Changed => Color32::from_rgb(0xE6, 0x8A, 0x00),
        Status::Same => Color32::from_rgb(0xB0, 0xB0, 0xB0),
        Status::Removed => Color32::from_rgb(0xC0, 0x39, 0x2B),
    }
}

/// What a change colour means, in the current language.
pub fn change_label(status: crate::diff::Status) -> String {
    use crate::diff::Status;
    match status {
        Status::Added => crate::t!("compare-status-added"),
        Status::Changed => crate::t!("compare-status-changed"),
        Status::Same => crate::t!("compare-status-same"),
        Status::Removed => crate::t!("compare-status-removed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graduated_classes_cover_known_values_and_grey_unknown() {
        let values = [
            Some(1.0),
            Some(2.0),
            None,
            Some(10.0),
            Some(50.0),
            Some(300.0),
        ];
        let (colors, legend) = graduated(&values, "t");
        assert_eq!(colors[2], UNKNOWN);
        assert_ne!(colors[0], colors[5], "lowest and highest differ");
        assert!(
            legend
                .entries
                .last()
                .is_some_and(|(_, l)| l == "unknown (1)")
        );
        let counted: usize = legend
            .entries
            .iter()
            .filter_map(|(_, l)| {
                l.rsplit_once('(')
                    .and_then(|(_, n)| n.trim_end_matches(')').parse::<usize>().ok())
            })
            .sum();
        assert_eq!(counted, values.len());
    }
}
