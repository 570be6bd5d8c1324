//! Filters (vocation, commune, surface, jobs, available land) and the chip row that shows them.
//! The map, the table and the exports follow the active filter.

use egui::{ComboBox, DragValue, RichText, Ui};

use crate::filter::ZoneFilter;
use crate::model::{Dataset, Vocation};

/// Edits `filter`; returns true when it changed.
/// `communes` and `states`: the distinct values in the data, sorted.
pub fn filters_ui(
    ui: &mut Ui,
    filter: &mut ZoneFilter,
    dataset: &Dataset,
    communes: &[String],
    states: &[String],
) -> bool {
    let before = filter.clone();
    egui::CollapsingHeader::new("Filters")
        .default_open(false)
        .show(ui, |ui| {
            ui.label("Vocation");
            ui.horizontal_wrapped(|ui| {
                for v in Vocation::ALL {
                    if !dataset.zones.iter().any(|z| z.vocation == v) {
                        continue;
                    }
                    let mut on = filter.vocations.contains(&v);
                    if ui.checkbox(&mut on, v.label_en()).changed() {
                        if on {
                            filter.vocations.insert(v);
                        } else {
                            filter.vocations.remove(&v);
                        }
                    }
                }
            });
            choice_ui(ui, "Commune", &mut filter.commune, communes);
            choice_ui(ui, "State", &mut filter.state, states);
            range_ui(
                ui,
                "Surface (ha)",
                &mut filter.surface_min_ha,
                &mut filter.surface_max_ha,
            );
            range_ui(ui, "Jobs", &mut filter.jobs_min, &mut filter.jobs_max);
            ui.checkbox(
                &mut filter.available_land,
                "Has available land (plots for sale)",
            );
        });
    *filter != before
}

/// One value among `choices`, or all.
fn choice_ui(ui: &mut Ui, label: &str, value: &mut Option<String>, choices: &[String]) {
    ComboBox::from_label(label)
        .selected_text(value.clone().unwrap_or_else(|| "all".into()))
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "all");
            for c in choices {
                ui.selectable_value(value, Some(c.clone()), c);
            }
        });
}

fn range_ui(ui: &mut Ui, label: &str, min: &mut Option<f64>, max: &mut Option<f64>) {
    ui.horizontal(|ui| {
        ui.label(label);
        bound_ui(ui, "min", min);
        bound_ui(ui, "max", max);
    });
}

fn bound_ui(ui: &mut Ui, name: &str, bound: &mut Option<f64>) {
    let mut on = bound.is_some();
    if ui.checkbox(&mut on, name).changed() {
        *bound = if on { Some(0.0) } else { None };
    }
    if let Some(v) = bound {
        ui.add(DragValue::new(v).speed(1.0).range(0.0..=f64::MAX));
    }
}

/// The active filters as removable chips; returns the part to clear, if one was clicked.
pub fn chips_ui(
    ui: &mut Ui,
    filter: &ZoneFilter,
    shown: usize,
    total: usize,
) -> Option<crate::filter::FilterPart> {
    let chips = filter.chips();
    if chips.is_empty() {
        return None;
    }
    let mut cleared = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("Showing {shown} of {total} zones:")).strong());
        for (part, text) in chips {
            if ui
                .small_button(format!("{text}  ×"))
                .on_hover_text("Remove this filter")
                .clicked()
            {
                cleared = Some(part);
            }
        }
    });
    cleared
}
