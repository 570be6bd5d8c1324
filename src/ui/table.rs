//! The attribute table: one row per zone of the active filter, sortable columns; a click flies
//! to the zone; selecting on the map scrolls the table to it.

use crate::t;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::Command;
use crate::format::format_count;
use crate::format::format_ha;
use crate::store::ZoneStore;

pub use crate::state::{SortColumn, TableSort};

/// The columns and their titles, in the current language.
fn columns() -> [(SortColumn, String); 7] {
    [
        (SortColumn::Name, t!("col-name")),
        (SortColumn::Commune, t!("field-commune")),
        (SortColumn::Vocation, t!("field-vocation")),
        (SortColumn::Surface, t!("col-surface")),
        (SortColumn::Jobs, t!("field-jobs")),
        (SortColumn::JobsPerHa, t!("col-jobs-per-ha")),
        (SortColumn::Establishments, t!("field-establishments")),
    ]
}

/// `rows` are the zones to show, already sorted.
pub fn table_ui(
    ui: &mut Ui,
    store: &ZoneStore,
    rows: &[usize],
    sort: TableSort,
    selected: Option<usize>,
    scroll_to_selected: bool,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let dataset = store.dataset();
    let mut builder = TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .column(Column::initial(240.0).at_least(120.0).clip(true))
        .column(Column::initial(150.0).clip(true))
        .column(Column::initial(150.0).clip(true))
        .columns(Column::initial(100.0), 4);
    if scroll_to_selected
        && let Some(row) = selected.and_then(|s| rows.iter().position(|&r| r == s))
    {
        builder = builder.scroll_to_row(row, Some(egui::Align::Center));
    }
    builder
        .header(22.0, |mut header| {
            for (column, title) in columns() {
                header.col(|ui| {
                    let arrow = match (sort.column == column, sort.descending) {
                        (true, false) => " ^",
                        (true, true) => " v",
                        _ => "",
                    };
                    if ui
                        .button(RichText::new(format!("{title}{arrow}")).strong())
                        .clicked()
                    {
                        let descending = sort.column == column && !sort.descending;
                        commands.push(Command::SetTableSort(TableSort { column, descending }));
                    }
                });
            }
        })
        .body(|body| {
            // Written once a frame, not once a cell.
            let unknown_text = t!("unknown");
            let unknown = || unknown_text.clone();
            body.rows(20.0, rows.len(), |mut row| {
                let i = rows[row.index()];
                let zone = &dataset.zones[i];
                row.set_selected(selected == Some(i));
                let cells = [
                    zone.display_name().to_string(),
                    zone.commune.clone().unwrap_or_else(unknown),
                    zone.vocation.label(),
                    zone.surface_declared_ha
                        .map(format_ha)
                        .unwrap_or_else(unknown),
                    zone.jobs.map(format_count).unwrap_or_else(unknown),
                    dataset.zones[i]
                        .jobs_per_ha()
                        .map(crate::format::format_tenths)
                        .unwrap_or_else(unknown),
                    dataset
                        .establishment_count(i)
                        .map(format_count)
                        .unwrap_or_else(unknown),
                ];
                for text in cells {
                    row.col(|ui| {
                        // Not selectable: a click anywhere on the row selects the zone.
                        ui.add(egui::Label::new(text).selectable(false));
                    });
                }
                if row.response().clicked()
                    && let Some(id) = store.zone_id(i)
                {
                    commands.push(Command::Focus(id));
                }
            });
        });
    commands
}
