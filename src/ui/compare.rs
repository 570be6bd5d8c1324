//! The comparison of two inventories: its panel (summary figures, the swipe, the change table
//! filterable by kind) and the before → after figures of a zone in the info panel.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::Command;
use crate::diff::{Change, ChangeKind, Level, MatchedBy};
use crate::format::{decimal, format_ha};
use crate::state::Comparison;
use crate::t;

pub fn kind_label(kind: ChangeKind) -> String {
    match kind {
        ChangeKind::Added => t!("compare-kind-added"),
        ChangeKind::Removed => t!("compare-kind-removed"),
        ChangeKind::Changed => t!("compare-kind-changed"),
        ChangeKind::Renamed => t!("compare-kind-renamed"),
        ChangeKind::Split => t!("compare-kind-split"),
        ChangeKind::Merged => t!("compare-kind-merged"),
        ChangeKind::Sold => t!("compare-kind-sold"),
        ChangeKind::Moved => t!("compare-kind-moved"),
    }
}

fn level_label(level: Level) -> String {
    match level {
        Level::Zone => t!("compare-level-zone"),
        Level::Plot => t!("compare-level-plot"),
        Level::Establishment => t!("compare-level-establishment"),
    }
}

fn matched_label(by: Option<MatchedBy>) -> String {
    match by {
        None => String::new(),
        Some(MatchedBy::SiteId) => t!("compare-matched-site-id"),
        Some(MatchedBy::Name) => t!("compare-matched-name"),
        Some(MatchedBy::Overlap) => t!("compare-matched-overlap"),
        Some(MatchedBy::TerrId) => t!("compare-matched-terr-id"),
        Some(MatchedBy::Siret) => t!("compare-matched-siret"),
        Some(MatchedBy::NamePosition) => t!("compare-matched-name-position"),
    }
}

/// The changed field, in the current language (the data's own name for plot fields).
fn field_label(field: &str) -> String {
    match field {
        "name" => t!("compare-field-name"),
        "outline" => t!("compare-field-outline"),
        "surface" => t!("compare-field-surface"),
        "jobs" => t!("compare-field-jobs"),
        "establishments" => t!("compare-field-establishments"),
        "vacancy_rate" => t!("compare-field-vacancy"),
        "state" => t!("compare-field-state"),
        "vocation" => t!("compare-field-vocation"),
        "zone" => t!("compare-field-zone"),
        other => other.to_string(),
    }
}

/// A value as shown: figures with the language's decimal mark, text as written.
fn value_text(change: &Change, value: &str) -> String {
    let numeric = matches!(
        change.field.as_str(),
        "outline" | "surface" | "jobs" | "establishments" | "vacancy_rate"
    ) || matches!(change.kind, ChangeKind::Split | ChangeKind::Merged);
    if value.is_empty() {
        "—".to_string()
    } else if numeric {
        decimal(value.to_string())
    } else {
        value.to_string()
    }
}

fn percent(v: Option<f64>) -> String {
    v.map_or_else(
        || t!("unknown"),
        |v| t!("compare-percent", pct = crate::format::format_tenths(v)),
    )
}

/// The comparison's panel (under the map): the summary and the swipe on the left, the change
/// table and its filter on the right. Returns the commands.
pub fn compare_panel_ui(ui: &mut Ui, comparison: &Comparison) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_max_width(360.0);
            ui.heading(t!("compare-title"));
            let (before, after) = comparison.names();
            ui.label(RichText::new(t!("compare-files", before = before, after = after)).small());
            summary_ui(ui, comparison);
            ui.horizontal(|ui| {
                let mut on = comparison.swipe().is_some();
                if ui.checkbox(&mut on, t!("compare-swipe")).changed() {
                    commands.push(Command::SetSwipe(on.then_some(0.5)));
                }
                if let Some(mut at) = comparison.swipe() {
                    let slider = ui.add(
                        egui::Slider::new(&mut at, 0.0..=1.0)
                            .step_by(0.05)
                            .show_value(false)
                            .text(t!("compare-swipe-position")),
                    );
                    if slider.changed() {
                        commands.push(Command::SetSwipe(Some(at)));
                    }
                }
            });
            if ui.button(t!("compare-close")).clicked() {
                commands.push(Command::CloseCompare);
            }
        });
        ui.separator();
        ui.vertical(|ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(t!("compare-show"));
                if ui
                    .selectable_label(comparison.filter().is_none(), t!("compare-all"))
                    .clicked()
                {
                    commands.push(Command::SetChangeFilter(None));
                }
                for kind in ChangeKind::ALL {
                    let n = comparison.diff.count(kind);
                    let text = format!("{} ({n})", kind_label(kind));
                    if ui
                        .selectable_label(comparison.filter() == Some(kind), text)
                        .clicked()
                    {
                        commands.push(Command::SetChangeFilter(Some(kind)));
                    }
                }
                ui.label(t!("compare-rows", n = comparison.rows().len()));
            });
            commands.extend(change_table_ui(ui, comparison));
        });
    });
    commands
}

fn summary_ui(ui: &mut Ui, comparison: &Comparison) {
    let s = &comparison.diff.summary;
    egui::Grid::new("compare-summary")
        .num_columns(2)
        .spacing([16.0, 2.0])
        .show(ui, |ui| {
            let rows = [
                (
                    t!("compare-sum-zones"),
                    t!(
                        "compare-sum-zones-value",
                        added = s.zones_added,
                        removed = s.zones_removed,
                        changed = s.zones_changed
                    ),
                ),
                (
                    t!("compare-sum-available"),
                    format!(
                        "{} ha » {} ha",
                        format_ha(s.available_ha_before),
                        format_ha(s.available_ha_after)
                    ),
                ),
                (
                    t!("compare-sum-sold"),
                    t!(
                        "compare-sum-sold-value",
                        ha = format_ha(s.sold_ha),
                        plots = s.plots_sold
                    ),
                ),
                (
                    t!("compare-sum-vacancy"),
                    format!(
                        "{} » {}",
                        percent(s.vacancy_before),
                        percent(s.vacancy_after)
                    ),
                ),
                (
                    t!("compare-sum-establishments"),
                    t!(
                        "compare-sum-establishments-value",
                        arrived = s.establishments_arrived,
                        left = s.establishments_left,
                        moved = s.establishments_moved
                    ),
                ),
            ];
            for (name, value) in rows {
                ui.label(RichText::new(name).strong());
                ui.label(value);
                ui.end_row();
            }
        });
}

/// One row per change of the filter; a click flies to its zone and selects it.
fn change_table_ui(ui: &mut Ui, comparison: &Comparison) -> Vec<Command> {
    let mut commands = Vec::new();
    let rows = comparison.rows();
    let titles = [
        t!("compare-col-level"),
        t!("compare-col-change"),
        t!("compare-col-name"),
        t!("compare-col-field"),
        t!("compare-col-before"),
        t!("compare-col-after"),
        t!("compare-col-matched"),
    ];
    TableBuilder::new(ui)
        .id_salt("compare-table")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .column(Column::initial(80.0).clip(true))
        .column(Column::initial(80.0).clip(true))
        .column(Column::initial(170.0).clip(true))
        .column(Column::initial(110.0).clip(true))
        .columns(Column::initial(120.0).clip(true), 2)
        .column(Column::initial(100.0).clip(true))
        .header(22.0, |mut header| {
            for title in titles {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(20.0, rows.len(), |mut row| {
                let index = rows[row.index()];
                let Some(c) = comparison.diff.changes.get(index) else {
                    return;
                };
                let cells = [
                    level_label(c.level),
                    kind_label(c.kind),
                    c.name.clone(),
                    field_label(&c.field),
                    value_text(c, &c.value_before),
                    value_text(c, &c.value_after),
                    matched_label(c.matched_by),
                ];
                for text in cells {
                    row.col(|ui| {
                        ui.add(egui::Label::new(text).selectable(false));
                    });
                }
                if row.response().clicked() {
                    commands.push(Command::FocusChange(index));
                }
            });
        });
    commands
}

/// The before → after figures of the selected zone, when the comparison has any for it.
pub fn zone_changes_ui(ui: &mut Ui, comparison: &Comparison, position: usize) {
    let changes = comparison.zone_changes_at(position);
    if changes.is_empty() {
        return;
    }
    ui.group(|ui| {
        ui.label(RichText::new(t!("compare-zone-heading")).strong());
        egui::Grid::new("compare-zone-changes")
            .num_columns(2)
            .spacing([12.0, 2.0])
            .show(ui, |ui| {
                for c in changes {
                    let field = if c.field.is_empty() {
                        kind_label(c.kind)
                    } else {
                        field_label(&c.field)
                    };
                    ui.label(field);
                    ui.label(format!(
                        "{} » {}",
                        value_text(c, &c.value_before),
                        value_text(c, &c.value_after)
                    ));
                    ui.end_row();
                }
            });
    });
}
