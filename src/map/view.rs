use egui::{Pos2, Rect, pos2};

use crate::spatial::mercator::{to_lon_lat, to_world, world_pixels};

/// How world coordinates map to the screen in one frame: Web Mercator is linear in normalised
/// world units, so a centre and a scale say it all. Computed in f64.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewTransform {
    /// The map's rectangle on screen.
    pub rect: Rect,
    /// World position (0..1) at the centre of `rect`.
    pub center_world: [f64; 2],
    /// Pixels per world unit (256·2^zoom).
    pub world_px: f64,
    pub zoom: f64,
}

impl ViewTransform {
    pub fn new(rect: Rect, center_lon_lat: (f64, f64), zoom: f64) -> Self {
        Self {
            rect,
            center_world: to_world(center_lon_lat.0, center_lon_lat.1),
            world_px: world_pixels(zoom),
            zoom,
        }
    }

    /// The view a walkers map shows in `rect` at `zoom` (for plugins).
    pub fn of_map(rect: Rect, projector: &walkers::Projector, zoom: f64) -> Self {
        let center = projector.unproject(rect.center().to_vec2());
        Self::new(rect, (center.x(), center.y()), zoom)
    }

    /// Screen position of a world point.
    pub fn world_to_screen(&self, world: [f64; 2]) -> Pos2 {
        let c = self.rect.center();
        pos2(
            (c.x as f64 + (world[0] - self.center_world[0]) * self.world_px) as f32,
            (c.y as f64 + (world[1] - self.center_world[1]) * self.world_px) as f32,
        )
    }

    /// Screen position of a longitude/latitude.
    pub fn lon_lat_to_screen(&self, lon: f64, lat: f64) -> Pos2 {
        self.world_to_screen(to_world(lon, lat))
    }

    /// Longitude/latitude under a screen position.
    pub fn screen_to_lon_lat(&self, pos: Pos2) -> (f64, f64) {
        let c = self.rect.center();
        let world = [
            self.center_world[0] + (pos.x as f64 - c.x as f64) / self.world_px,
            self.center_world[1] + (pos.y as f64 - c.y as f64) / self.world_px,
        ];
        to_lon_lat(world)
    }

    /// The visible area as (min lon, min lat), (max lon, max lat).
    pub fn visible_lon_lat(&self) -> ((f64, f64), (f64, f64)) {
        let (w, n) = self.screen_to_lon_lat(self.rect.left_top());
        let (e, s) = self.screen_to_lon_lat(self.rect.right_bottom());
        ((w.min(e), s.min(n)), (w.max(e), s.max(n)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::vec2;

    #[test]
    fn screen_round_trip() {
        let view = ViewTransform::new(
            Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
            (5.04, 47.32),
            12.0,
        );
        assert_eq!(view.lon_lat_to_screen(5.04, 47.32), pos2(400.0, 300.0));
        let p = view.lon_lat_to_screen(5.068, 47.341);
        let (lon, lat) = view.screen_to_lon_lat(p);
        assert!((lon - 5.068).abs() < 1e-4 && (lat - 47.341).abs() < 1e-4);
        assert!(
            p.x > 400.0 && p.y < 300.0,
            "north-east of centre is up-right: {p:?}"
        );
    }
}
