//! File ▸ Open of a GeoPackage of several tables (or a zip of several shapefiles): which
//! tables to open. Every table is ticked at first; "Open" loads the ticked ones.

use std::path::{Path, PathBuf};

use egui::Context;

use crate::app::Command;
use crate::io::source;
use crate::t;

/// Files waiting for the user to pick their tables, and the other files opened with them.
#[derive(Debug, Default)]
pub struct LayerChoice {
    /// Each file of several layers, with its layers and whether each is ticked.
    pub files: Vec<(PathBuf, Vec<(String, bool)>)>,
    /// Files of one layer, opened along with the chosen tables.
    pub others: Vec<PathBuf>,
}

impl LayerChoice {
    /// Sorts `paths` into files to ask about and files to open as they are; `None` when no
    /// file has several layers (then nothing needs asking).
    pub fn of(paths: &[PathBuf]) -> Option<Self> {
        let mut choice = LayerChoice::default();
        for path in paths {
            match source::layers(path) {
                Ok(layers) if layers.len() > 1 => choice.files.push((
                    path.clone(),
                    layers.into_iter().map(|l| (l, true)).collect(),
                )),
                _ => choice.others.push(path.clone()),
            }
        }
        (!choice.files.is_empty()).then_some(choice)
    }

    /// The paths to load: the ticked layers, then the other files.
    pub fn chosen(&self) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = self
            .files
            .iter()
            .flat_map(|(file, layers)| {
                layers
                    .iter()
                    .filter(|(_, on)| *on)
                    .map(|(layer, _)| source::with_layer(file, layer))
            })
            .collect();
        paths.extend(self.others.iter().cloned());
        paths
    }
}

fn file_name(path: &Path) -> String {
    crate::io::display_name(path)
}

/// The chooser window; returns what to do once the user answered.
pub fn layer_chooser_ui(ctx: &Context, choice: &mut LayerChoice) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut open = true;
    egui::Window::new(t!("layers-title"))
        .id(egui::Id::unique("layer-chooser"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            for (file, layers) in &mut choice.files {
                ui.label(t!("layers-file", name = file_name(file), n = layers.len()));
                for (layer, on) in layers.iter_mut() {
                    ui.checkbox(on, layer.as_str());
                }
                ui.separator();
            }
            ui.horizontal(|ui| {
                let any = choice
                    .files
                    .iter()
                    .any(|(_, l)| l.iter().any(|(_, on)| *on))
                    || !choice.others.is_empty();
                if ui
                    .add_enabled(any, egui::Button::new(t!("layers-open")))
                    .clicked()
                {
                    commands.push(Command::OpenChosen(choice.chosen()));
                }
                if ui.button(t!("layers-cancel")).clicked() {
                    commands.push(Command::CancelLayerChoice);
                }
            });
        });
    if !open {
        commands.push(Command::CancelLayerChoice);
    }
    commands
}
