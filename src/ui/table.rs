//! The attribute table: one row per zone of the active filter, sortable columns; a click flies
//! to the zone; selecting on the map scrolls the table to it.

use crate::t;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::Command;
use crate::format::format_count;
use crate::format::format_ha;
use crate::store::{Dataset, ZoneStore};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortColumn {
    #[default]
    Name,
    Commune,
    Vocation,
    Surface,
    Jobs,
    JobsPerHa,
    Establishments,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TableSort {
    pub column: SortColumn,
    pub descending: bool,
}

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

/// Sorts zone indices by a column; unknown values always last.
pub fn sort_rows(dataset: &Dataset, rows: &mut [usize], sort: TableSort) {
    use std::cmp::Ordering;
    let text = |i: usize| -> Option<String> {
        let z = &dataset.zones[i];
        match sort.column {
            SortColumn::Name => Some(crate::model::fold(z.display_name())),
            SortColumn::Commune => z.commune.as_deref().map(crate::model::fold),
            SortColumn::Vocation => Some(z.vocation.label()),
            _ => None,
        }
    };
    let number = |i: usize| -> Option<f64> {
        let z = &dataset.zones[i];
        match sort.column {
            SortColumn::Surface => z.surface_declared_ha,
            SortColumn::Jobs => z.jobs,
            SortColumn::JobsPerHa => dataset.zones[i].jobs_per_ha(),
            SortColumn::Establishments => dataset.establishment_count(i),
            _ => None,
        }
    };
    let known_first = |a: Option<Ordering>, a_known: bool, b_known: bool| match (a_known, b_known) {
        (true, true) => a.unwrap_or(Ordering::Equal),
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => Ordering::Equal,
    };
    rows.sort_by(|&a, &b| {
        let ord = match sort.column {
            SortColumn::Name | SortColumn::Commune | SortColumn::Vocation => {
                let (x, y) = (text(a), text(b));
                let o = match (&x, &y) {
                    (Some(x), Some(y)) => Some(if sort.descending { y.cmp(x) } else { x.cmp(y) }),
                    _ => None,
                };
                known_first(o, x.is_some(), y.is_some())
            }
            _ => {
                let (x, y) = (number(a), number(b));
                let o = match (x, y) {
                    (Some(x), Some(y)) => Some(if sort.descending {
                        y.total_cmp(&x)
                    } else {
                        x.total_cmp(&y)
                    }),
                    _ => None,
                };
                known_first(o, x.is_some(), y.is_some())
            }
        };
        ord.then(a.cmp(&b))
    });
}

/// `rows` are the zones to show, already sorted.
pub fn table_ui(
    ui: &mut Ui,
    store: &ZoneStore,
    rows: &[usize],
    sort: &mut TableSort,
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
                        if sort.column == column {
                            sort.descending = !sort.descending;
                        } else {
                            *sort = TableSort {
                                column,
                                descending: false,
                            };
                        }
                    }
                });
            }
        })
        .body(|body| {
            body.rows(20.0, rows.len(), |mut row| {
                let i = rows[row.index()];
                let zone = &dataset.zones[i];
                row.set_selected(selected == Some(i));
                let unknown = || t!("unknown");
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
