//! Help ▸ About: the program's version and licence, the credits of the data it shows, and where
//! it keeps its settings and tile cache.

use std::path::PathBuf;

use egui::{Context, RichText};

use crate::app::Command;
use crate::identity::{LICENCE, VERSION};
use crate::t;

/// What the About box shows besides constants.
pub struct AboutView {
    /// The User-Agent sent to tile servers.
    pub user_agent: String,
    pub config_file: Option<PathBuf>,
    pub tile_cache: Option<PathBuf>,
}

/// The application icon, at the size the About box shows it.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/zae-atlas-64.png");

pub fn about_window_ui(ctx: &Context, view: &AboutView) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut open = true;
    egui::Window::new(t!("about-title"))
        .id(egui::Id::unique("about-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                if let Some(icon) = icon_texture(ctx) {
                    ui.add(egui::Image::new(&icon).fit_to_exact_size(egui::vec2(64.0, 64.0)));
                }
                ui.vertical(|ui| {
                    ui.label(RichText::new(format!("ZAE Atlas {VERSION}")).heading());
                    ui.label(t!("help-about"));
                    ui.label(t!("about-licence", licence = LICENCE));
                });
            });
            ui.separator();
            ui.label(RichText::new(t!("about-credits")).strong());
            ui.label(t!("about-credit-osm"));
            ui.label(t!("about-credit-ign"));
            ui.label(t!("about-credit-cnig"));
            ui.label(t!("about-credit-dijon"));
            ui.label(t!("about-credit-communes"));
            ui.label(t!("about-credit-font"));
            ui.separator();
            ui.label(RichText::new(t!("about-technical")).strong());
            ui.label(t!("about-user-agent", ua = view.user_agent.clone()));
            let none = t!("about-none");
            let shown = |p: &Option<PathBuf>| {
                p.as_ref()
                    .map_or_else(|| none.clone(), |p| p.display().to_string())
            };
            ui.label(t!("about-config-file", path = shown(&view.config_file)));
            ui.label(t!("about-tile-cache", path = shown(&view.tile_cache)));
            ui.add_space(6.0);
            if ui.button(t!("about-close")).clicked() {
                commands.push(Command::ToggleAbout);
            }
        });
    if !open {
        commands.push(Command::ToggleAbout);
    }
    commands
}

/// The icon as a texture, decoded once and kept in egui's memory.
fn icon_texture(ctx: &Context) -> Option<egui::TextureHandle> {
    let id = egui::Id::unique("about-icon-texture");
    if let Some(texture) = ctx.data(|d| d.get_temp::<egui::TextureHandle>(id)) {
        return Some(texture);
    }
    let rgba = image::load_from_memory_with_format(ICON_PNG, image::ImageFormat::Png)
        .ok()?
        .to_rgba8();
    let size = [rgba.width() as usize, rgba.height() as usize];
    let image = egui::ColorImage::from_rgba_unmultiplied(size, rgba.as_raw());
    let texture = ctx.load_texture("zae-atlas-icon", image, egui::TextureOptions::LINEAR);
    ctx.data_mut(|d| d.insert_temp(id, texture.clone()));
    Some(texture)
}
