//! The cell image: zones too small (or too many) to draw as shapes, merged by 2-pixel screen
//! cell into one image, uploaded as a texture only when it changes.

use egui::{Color32, Pos2, Rect, pos2, vec2};

use super::zones_layer::CELL_PX;

/// The faintest a cell is drawn (a zone of a fraction of a pixel still shows).
const MIN_DOT_COVER: f32 = 0.35;

/// Zones too small or too many to draw as shapes, merged by screen cell into one image: one
/// textured rectangle for the driver, however many zones it holds.
pub struct CellImage {
    /// Where it is drawn on screen.
    pub rect: Rect,
    pub size: [usize; 2],
    pub pixels: Vec<Color32>,
    painted: bool,
}

impl CellImage {
    pub(super) fn new(rect: Rect) -> Self {
        let size = [
            (rect.width() / CELL_PX).ceil().max(1.0) as usize,
            (rect.height() / CELL_PX).ceil().max(1.0) as usize,
        ];
        Self {
            rect: Rect::from_min_size(
                rect.min,
                vec2(size[0] as f32 * CELL_PX, size[1] as f32 * CELL_PX),
            ),
            size,
            pixels: Vec::new(),
            painted: false,
        }
    }

    /// Paints the one cell under `centre` for a zone of `size_px` on screen (under
    /// [`DOT_PX`]): a zone smaller than the cell shades it in proportion to the part it would
    /// cover, so a cell never stands for more than its zones. Where several fall in one cell,
    /// the strongest shows.
    pub(super) fn paint_dot(&mut self, centre: Pos2, size_px: f32, color: Color32) {
        if self.pixels.is_empty() {
            self.pixels = vec![Color32::TRANSPARENT; self.size[0] * self.size[1]];
        }
        let (x, y) = ((centre - self.rect.min) / CELL_PX).into();
        if x < 0.0 || y < 0.0 || x >= self.size[0] as f32 || y >= self.size[1] as f32 {
            return;
        }
        let cover = (size_px / CELL_PX).powi(2).clamp(MIN_DOT_COVER, 1.0);
        let color = color.gamma_multiply(cover);
        if let Some(cell) = self.pixels.get_mut(y as usize * self.size[0] + x as usize)
            && color.a() >= cell.a()
        {
            *cell = color;
            self.painted = true;
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.painted
    }

    /// Cells that hold a zone (counted, so call it once).
    pub fn cells_drawn(&self) -> usize {
        self.pixels
            .iter()
            .filter(|&&p| p != Color32::TRANSPARENT)
            .count()
    }

    /// The colour of the cell under a screen point (transparent where no zone is).
    pub fn at(&self, p: Pos2) -> Color32 {
        let (x, y) = ((p - self.rect.min) / CELL_PX).into();
        if x < 0.0 || y < 0.0 || x as usize >= self.size[0] {
            return Color32::TRANSPARENT;
        }
        self.pixels
            .get(y as usize * self.size[0] + x as usize)
            .copied()
            .unwrap_or(Color32::TRANSPARENT)
    }
}

/// The texture the cell image is drawn with, kept from frame to frame and uploaded again only
/// when the image changes.
#[derive(Default)]
pub struct CellTexture {
    handle: Option<egui::TextureHandle>,
    shown: Vec<Color32>,
    size: [usize; 2],
    /// Times the image was uploaded.
    pub uploads: usize,
}

impl CellTexture {
    pub(super) fn paint(&mut self, ctx: &egui::Context, painter: &egui::Painter, image: CellImage) {
        if image.is_empty() {
            return;
        }
        if self.handle.is_none() || self.size != image.size || self.shown != image.pixels {
            let color = egui::ColorImage::new(image.size, image.pixels.clone());
            match &mut self.handle {
                Some(handle) => handle.set(color, egui::TextureOptions::NEAREST),
                None => {
                    self.handle =
                        Some(ctx.load_texture("zone-cells", color, egui::TextureOptions::NEAREST));
                }
            }
            self.uploads += 1;
            self.shown = image.pixels;
            self.size = image.size;
        }
        if let Some(handle) = &self.handle {
            painter.image(
                handle.id(),
                image.rect,
                Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                Color32::WHITE,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dot_is_one_cell_shaded_by_the_part_it_covers() {
        let mut cells = CellImage::new(Rect::from_min_size(pos2(10.0, 20.0), vec2(100.0, 50.0)));
        assert_eq!(cells.size, [50, 25]);
        assert!(cells.is_empty());
        let red = Color32::RED;
        // A 2.9-pixel zone paints only the cell under its centre, full strength.
        cells.paint_dot(pos2(15.5, 25.5), 2.9, red);
        assert_eq!(cells.cells_drawn(), 1);
        assert_eq!(cells.at(pos2(15.5, 25.5)), red);
        assert_eq!(cells.at(pos2(17.5, 25.5)), Color32::TRANSPARENT);
        assert_eq!(cells.at(pos2(13.5, 25.5)), Color32::TRANSPARENT);
        // A 1-pixel zone in another cell: a quarter of it, and never under the floor.
        cells.paint_dot(pos2(30.5, 30.5), 1.0, red);
        assert_eq!(cells.cells_drawn(), 2);
        let faint = cells.at(pos2(30.5, 30.5));
        assert_eq!(faint, red.gamma_multiply(MIN_DOT_COVER));
        // A fainter zone does not hide a stronger one in the same cell.
        cells.paint_dot(pos2(15.2, 25.2), 0.5, Color32::BLUE);
        assert_eq!(cells.at(pos2(15.5, 25.5)), red);
        // Off the map: nothing, and no panic.
        cells.paint_dot(pos2(-500.0, -500.0), 2.0, red);
        cells.paint_dot(pos2(500.0, 500.0), 2.0, red);
        assert_eq!(cells.cells_drawn(), 2);
    }
}
