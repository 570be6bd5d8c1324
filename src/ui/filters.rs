//! Filters (vocation, commune, surface, jobs, available land) and the chip row that shows them.
//! The map, the table and the exports follow the active filter.

use crate::t;
use egui::{ComboBox, DragValue, RichText, Ui};

use crate::filter::ZoneFilter;
use crate::model::Vocation;
use crate::store::Dataset;

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
    egui::CollapsingHeader::new(t!("filters"))
        .default_open(false)
        .show(ui, |ui| {
            ui.label(t!("field-vocation"));
            ui.horizontal_wrapped(|ui| {
                for v in Vocation::ALL {
                    if !dataset.zones.iter().any(|z| z.vocation == v) {
                        continue;
                    }
                    let mut on = filter.vocations.contains(&v);
                    if ui.checkbox(&mut on, v.label()).changed() {
                        if on {
                            filter.vocations.insert(v);
                        } else {
                            filter.vocations.remove(&v);
                        }
                    }
                }
            });
            choice_ui(ui, &t!("field-commune"), &mut filter.commune, communes);
            choice_ui(ui, &t!("field-state"), &mut filter.state, states);
            range_ui(
                ui,
                &t!("filter-surface"),
                &mut filter.surface_min_ha,
                &mut filter.surface_max_ha,
            );
            range_ui(
                ui,
                &t!("field-jobs"),
                &mut filter.jobs_min,
                &mut filter.jobs_max,
            );
            ui.checkbox(&mut filter.available_land, t!("filter-has-land"));
        });
    *filter != before
}

/// One value among `choices`, or all.
fn choice_ui(ui: &mut Ui, label: &str, value: &mut Option<String>, choices: &[String]) {
    ComboBox::from_label(label)
        .selected_text(value.clone().unwrap_or_else(|| t!("filter-all")))
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, t!("filter-all"));
            for c in choices {
                ui.selectable_value(value, Some(c.clone()), c);
            }
        });
}

fn range_ui(ui: &mut Ui, label: &str, min: &mut Option<f64>, max: &mut Option<f64>) {
    ui.horizontal(|ui| {
        ui.label(label);
        bound_ui(ui, &t!("filter-min"), min);
        bound_ui(ui, &t!("filter-max"), max);
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
        ui.label(RichText::new(t!("filter-showing", shown = shown, total = total)).strong());
        for (part, text) in chips {
            if ui
                .small_button(format!("{text}  ×"))
                .on_hover_text(t!("filter-remove"))
                .clicked()
            {
                cleared = Some(part);
            }
        }
    });
    cleared
}
