//! The zone list of the left panel: by name (ignoring case and accents, so "Écoparc" is among
//! the E's) or in the order of the files.

use egui::{ScrollArea, Ui};

use crate::app::Command;
use crate::model::{Zone, fold};
use crate::t;

/// Zone indices sorted by name, ignoring case and accents; equal names keep the file order.
/// Built once per dataset (not per frame).
pub fn by_name(zones: &[Zone]) -> Vec<usize> {
    order_by_name(zones.iter().map(Zone::display_name))
}

/// Indices of `names` sorted ignoring case and accents (a stable sort: equal names keep their
/// order).
pub fn order_by_name<'a>(names: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let mut keyed: Vec<(String, usize)> = names.enumerate().map(|(i, n)| (fold(n), i)).collect();
    keyed.sort();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// The list; `by_name` is the order by name ([`by_name`]), `sorted` whether it is used (the
/// choice is shown above the list and changed there).
pub fn zone_list_ui(
    ui: &mut Ui,
    zones: &[Zone],
    by_name: &[usize],
    sorted: &mut bool,
    selected: Option<usize>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        let hover = t!("zones-sort-hover");
        if ui
            .selectable_label(*sorted, t!("zones-sort-name"))
            .on_hover_text(&hover)
            .clicked()
        {
            *sorted = true;
        }
        if ui
            .selectable_label(!*sorted, t!("zones-sort-file"))
            .on_hover_text(&hover)
            .clicked()
        {
            *sorted = false;
        }
    });
    // The order by name is of these zones (the app rebuilds it with them); else file order.
    let order = (*sorted && by_name.len() == zones.len()).then_some(by_name);
    let row_height = ui.text_style_height(&egui::TextStyle::Button) + 4.0;
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, zones.len(), |ui, rows| {
            for row in rows {
                let i = order.and_then(|o| o.get(row).copied()).unwrap_or(row);
                let Some(zone) = zones.get(i) else {
                    continue;
                };
                let response = ui.selectable_label(selected == Some(i), zone.display_name());
                if selected == Some(i) && response.gained_focus() {
                    response.scroll_to_me(None);
                }
                if response.clicked() {
                    commands.push(Command::Focus(i));
                }
            }
        });
    commands
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_ignoring_accents_and_case_then_by_file_order() {
        let names = [
            "Zone B", "Écoparc", "eau vive", "Cap Nord", "Estrées", "écoparc",
        ];
        let order: Vec<&str> = order_by_name(names.iter().copied())
            .into_iter()
            .map(|i| names[i])
            .collect();
        assert_eq!(
            order,
            [
                "Cap Nord", "eau vive", "Écoparc", "écoparc", "Estrées", "Zone B"
            ]
        );
    }
}
