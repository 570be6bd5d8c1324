//! The info panel of the selected zone: every figure with its unit and source, "unknown" where
//! the data says nothing.

use egui::{Color32, Grid, RichText, ScrollArea, Ui};
use serde_json::Value;

use super::value_or_unknown;
use crate::app::Command;
use crate::format::format_count;
use crate::format::format_ha;
use crate::model::{Join, LandStats, Tenant, Zone};
use crate::state::ZoneDetails;
use crate::store::{Dataset, SourceFile};
use crate::t;

/// Declared and computed surfaces differing by more than this are flagged.
const SURFACE_MISMATCH: f64 = 0.10;
/// "Approximate location": the colour of a caution, not of an error.
pub const APPROXIMATE: Color32 = Color32::from_rgb(0xB0, 0x5A, 0x00);

/// The panel of the selected zone; `details` were computed when it was selected.
pub fn info_panel_ui(ui: &mut Ui, dataset: &Dataset, details: &ZoneDetails) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(zone) = dataset.zones.get(details.position) else {
        return commands;
    };
    let file = dataset.files.get(zone.file);
    ui.horizontal(|ui| {
        ui.heading(zone.display_name());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let close = ui.button("×").on_hover_text(t!("close-panel-hover"));
            close.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, t!("close-panel"))
            });
            if close.clicked() {
                commands.push(Command::Select(None));
            }
        });
    });
    if let Some(alt) = zone
        .property_text("site_nom_alt")
        .filter(|a| Some(a.as_str()) != zone.name.as_deref())
    {
        ui.label(RichText::new(alt).italics());
    }
    if zone.is_schematic() {
        ui.label(
            RichText::new(t!("approximate-location"))
                .strong()
                .color(APPROXIMATE),
        )
        .on_hover_text(t!("approximate-location-detail"));
    }
    if ui
        .button(t!("info-sheet-button"))
        .on_hover_text(t!("info-sheet-hover"))
        .clicked()
    {
        commands.push(Command::SheetDialog(details.id));
    }
    ui.separator();
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            facts_grid(ui, zone, details, &mut commands);
            if let Some(d) = &zone.description() {
                ui.add_space(6.0);
                ui.label(d);
            }
            ui.add_space(6.0);
            land_ui(ui, &details.land);
            ui.add_space(6.0);
            if let Some(tenants) = &details.tenants {
                tenants_ui(ui, tenants);
            }
            facilities_ui(ui, &details.facilities);
            former_tenants_ui(ui, &details.former_tenants);
            establishments_ui(ui, dataset, &details.establishments);
            ui.add_space(6.0);
            outline_ui(ui, zone);
            ui.add_space(6.0);
            sources_ui(ui, &details.sources, file, &mut commands);
            ui.add_space(6.0);
            egui::CollapsingHeader::new(t!("all-attributes"))
                .default_open(false)
                .show(ui, |ui| all_attributes_ui(ui, zone));
        });
    commands
}

fn note(zone: &Zone, key: &str) -> Option<String> {
    zone.property_text(&format!("{key}_note"))
}

fn facts_grid(ui: &mut Ui, zone: &Zone, details: &ZoneDetails, commands: &mut Vec<Command>) {
    Grid::new("zone-facts")
        .num_columns(2)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label(t!("field-commune"));
            value_or_unknown(ui, zone.commune.clone());
            ui.end_row();

            ui.label(t!("field-vocation"));
            value_or_unknown(
                ui,
                zone.vocation_label().as_ref().map(|l| {
                    let label = zone.vocation.label();
                    if crate::model::fold(&label) == crate::model::fold(l) {
                        label
                    } else {
                        format!("{label} ({l})")
                    }
                }),
            );
            ui.end_row();

            ui.label(t!("field-state"));
            value_or_unknown(ui, zone.state());
            ui.end_row();

            ui.label(t!("field-declared-surface"));
            ui.vertical(|ui| {
                value_or_unknown(
                    ui,
                    zone.surface_declared_ha
                        .map(|ha| format!("{} ha", format_ha(ha))),
                );
                if let Some(n) = note(zone, "site_surf_brute") {
                    ui.add(egui::Label::new(RichText::new(n).small().color(Color32::GRAY)).wrap());
                }
            });
            ui.end_row();

            ui.label(t!("field-computed-surface"));
            ui.vertical(|ui| {
                let computed = details.computed_ha;
                ui.label(t!("computed-surface-value", ha = format_ha(computed)));
                if let Some(diff) = details.surface_mismatch
                    && diff > SURFACE_MISMATCH
                {
                    ui.label(
                        RichText::new(t!("surface-differs", pct = format!("{:.0}", diff * 100.0)))
                            .color(Color32::from_rgb(0xC0, 0x60, 0x00)),
                    );
                }
            });
            ui.end_row();

            ui.label(t!("field-jobs"));
            ui.vertical(|ui| {
                value_or_unknown(
                    ui,
                    zone.jobs.map(|j| match &zone.jobs_year() {
                        Some(y) => format!("{} ({y})", format_count(j)),
                        None => format_count(j),
                    }),
                );
                if let Some(n) = note(zone, "site_nb_emploi") {
                    ui.add(egui::Label::new(RichText::new(n).small().color(Color32::GRAY)).wrap());
                }
            });
            ui.end_row();

            ui.label(t!("field-establishments"));
            ui.vertical(|ui| {
                value_or_unknown(ui, zone.establishments.map(format_count));
                if let Some(n) = note(zone, "site_nb_etab") {
                    ui.add(egui::Label::new(RichText::new(n).small().color(Color32::GRAY)).wrap());
                }
            });
            ui.end_row();

            ui.label(t!("field-operator"));
            value_or_unknown(ui, zone.operator());
            ui.end_row();

            ui.label(t!("field-created"));
            value_or_unknown(ui, zone.created());
            ui.end_row();

            ui.label(t!("field-web-page"));
            match &zone.url() {
                Some(url) if crate::io::untrusted::is_web_link(url) => {
                    if ui.link(short_url(url)).on_hover_text(url).clicked() {
                        commands.push(Command::OpenUrl(url.clone()));
                    }
                }
                // Another scheme (file:, smb:...) from a file is not opened: text, and why.
                Some(url) => {
                    let scheme = crate::io::untrusted::link_scheme(url).unwrap_or("?");
                    ui.label(url.as_str())
                        .on_hover_text(t!("link-not-opened", scheme = scheme));
                }
                None => value_or_unknown(ui, None),
            }
            ui.end_row();

            ui.label(t!("field-centroid-l93"));
            value_or_unknown(
                ui,
                details
                    .centroid_l93
                    .map(|(x, y)| format!("X {x:.0} m, Y {y:.0} m")),
            );
            ui.end_row();
        });
}

fn short_url(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    if rest.chars().count() > 48 {
        format!("{}…", rest.chars().take(47).collect::<String>())
    } else {
        rest.to_string()
    }
}

fn tenants_ui(ui: &mut Ui, tenants: &[Tenant]) {
    ui.label(RichText::new(t!("tenants-title", n = tenants.len())).strong());
    if tenants.is_empty() {
        ui.label(
            RichText::new(t!("tenants-none"))
                .italics()
                .color(Color32::GRAY),
        );
        return;
    }
    for t in tenants {
        let details = [&t.activity, &t.status, &t.year, &t.headcount];
        tenant_row_ui(ui, &t.name, &details, t.siret.as_deref(), None);
    }
}

/// Facilities and occupants that are not firms (shops, cinemas, a school…).
fn facilities_ui(ui: &mut Ui, facilities: &[String]) {
    if facilities.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new(t!("facilities-title")).strong());
    for f in facilities {
        ui.label(format!("· {f}"));
    }
}

/// Firms that have left the zone.
fn former_tenants_ui(ui: &mut Ui, former: &[Tenant]) {
    if former.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new(t!("former-tenants-title", n = former.len())).strong());
    for t in former {
        let details = [&t.activity, &t.status, &t.year, &t.headcount];
        tenant_row_ui(ui, &t.name, &details, t.siret.as_deref(), None);
    }
}

/// Plots of the zone (CNIG terrain-eco): the land an investor asks about first.
fn land_ui(ui: &mut Ui, stats: &LandStats) {
    ui.label(RichText::new(t!("land-title")).strong());
    if stats.plots == 0 && stats.vacancy_percent.is_none() {
        ui.label(
            RichText::new(t!("land-none"))
                .italics()
                .color(Color32::GRAY),
        );
        return;
    }
    Grid::new("zone-land")
        .num_columns(2)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label(t!("land-plots"));
            ui.label(stats.plots.to_string());
            ui.end_row();
            ui.label(t!("land-vacant-plots"));
            ui.label(stats.vacant_plots.to_string());
            ui.end_row();
            ui.label(t!("land-available"));
            ui.label(
                RichText::new(t!(
                    "land-for-sale",
                    ha = format_ha(stats.available_ha),
                    n = stats.plots_for_sale
                ))
                .strong()
                .color(crate::palette::FOR_SALE),
            );
            ui.end_row();
            ui.label(t!("land-vacancy-rate"));
            value_or_unknown(
                ui,
                stats.vacancy_percent.map(|v| {
                    let pct = crate::format::format_tenths(v);
                    if stats.vacancy_given {
                        t!("vacancy-given", pct = pct)
                    } else {
                        t!("vacancy-computed", pct = pct)
                    }
                }),
            );
            ui.end_row();
            ui.label(t!("land-price"));
            value_or_unknown(
                ui,
                match (stats.price_m2_min, stats.price_m2_max) {
                    (Some(a), Some(b)) if (a - b).abs() < 1e-9 => {
                        Some(t!("price-single", a = a.to_string()))
                    }
                    (Some(a), Some(b)) => {
                        Some(t!("price-range", a = a.to_string(), b = b.to_string()))
                    }
                    _ => None,
                },
            );
            ui.end_row();
        });
}

/// Establishments (CNIG etablissement) joined to the zone.
fn establishments_ui(ui: &mut Ui, dataset: &Dataset, joined: &[usize]) {
    let list: Vec<_> = joined
        .iter()
        .filter_map(|&i| dataset.establishments.get(i))
        .collect();
    if list.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new(t!("establishments-title", n = list.len())).strong());
    for e in list {
        let how = match e.joined_by {
            Some(Join::Both) => t!("joined-both"),
            Some(Join::TerrId) => t!("joined-terr-id"),
            Some(Join::Spatial) => t!("joined-position"),
            None => String::new(),
        };
        let details = [&e.activity, &e.headcount];
        tenant_row_ui(ui, &e.name, &details, e.siret.as_deref(), Some(&how));
    }
}

/// One tenant: name, details that are known, SIRET, and how it was attached to the zone.
fn tenant_row_ui(
    ui: &mut Ui,
    name: &str,
    details: &[&Option<String>],
    siret: Option<&str>,
    joined_by: Option<&str>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(name).strong());
        let known: Vec<&str> = details.iter().filter_map(|d| d.as_deref()).collect();
        if !known.is_empty() {
            ui.label(RichText::new(known.join(" · ")).color(Color32::GRAY));
        }
        if let Some(siret) = siret {
            ui.label(RichText::new(format!("SIRET {siret}")).small());
        }
        if let Some(how) = joined_by {
            ui.label(
                RichText::new(t!("joined-by", how = how))
                    .small()
                    .color(Color32::GRAY),
            );
        }
    });
}

fn outline_ui(ui: &mut Ui, zone: &Zone) {
    ui.label(RichText::new(t!("outline-title")).strong());
    let quality = zone.geometry_quality().unwrap_or_else(|| t!("not-stated"));
    let mut text = t!("outline-quality", quality = &quality);
    if quality.eq_ignore_ascii_case("schematic") {
        text.push(' ');
        text.push_str(&t!("schematic-note"));
    }
    ui.label(text);
    if let Some(grade) = &zone.position_grade() {
        let meaning = match grade.as_str() {
            "H" => t!("grade-h"),
            "M" => t!("grade-m"),
            "L" => t!("grade-l"),
            _ => String::new(),
        };
        ui.label(t!("position-grade", grade = grade, meaning = meaning));
    }
    if let Some(basis) = zone.property_text("outline_basis") {
        ui.add(egui::Label::new(RichText::new(basis).small().color(Color32::GRAY)).wrap());
    }
}

fn sources_ui(
    ui: &mut Ui,
    sources: &[String],
    file: Option<&SourceFile>,
    commands: &mut Vec<Command>,
) {
    ui.label(RichText::new(t!("sources-title")).strong());
    if let Some(file) = file {
        ui.label(RichText::new(t!("source-file", name = file.shown_name())).small());
    }
    if sources.is_empty() {
        ui.label(
            RichText::new(t!("sources-none"))
                .italics()
                .color(Color32::GRAY),
        );
    }
    for source in sources {
        if crate::io::untrusted::is_web_link(source) {
            if ui.link(short_url(source)).on_hover_text(source).clicked() {
                commands.push(Command::OpenUrl(source.clone()));
            }
        } else {
            ui.label(source);
        }
    }
}

fn all_attributes_ui(ui: &mut Ui, zone: &Zone) {
    Grid::new("zone-attributes")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (key, value) in zone.properties.map() {
                ui.label(RichText::new(key).monospace());
                let text = match value {
                    Value::String(s) => s.clone(),
                    Value::Null => "null".into(),
                    // A text given per language: the interface's.
                    Value::Object(texts)
                        if texts.contains_key("fr") || texts.contains_key("en") =>
                    {
                        crate::io::schema::localized(texts).unwrap_or_default()
                    }
                    other => {
                        let s = other.to_string();
                        if s.len() > 200 {
                            format!("{}…", &s[..s.floor_char_boundary(200)])
                        } else {
                            s
                        }
                    }
                };
                ui.add(egui::Label::new(text).wrap());
                ui.end_row();
            }
        });
}
