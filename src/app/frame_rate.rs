//! `ZAE_ATLAS_FRAME_RATE=1`: the frame rate, logged.

use crate::map::zones_layer::LayerOutput;

/// Frames drawn per second, logged every two seconds at info level (`RUST_LOG=zae_atlas=info`):
/// the whole pipeline, tessellation, upload and rasterization included, as a user sees it.
#[derive(Default)]
pub struct FrameRate {
    since: Option<std::time::Instant>,
    frames: u32,
    /// Seconds spent in the app's own code (not egui's painting) over those frames.
    app_seconds: f64,
}

impl FrameRate {
    pub fn tick(&mut self, last: &LayerOutput, app_seconds: Option<f32>) {
        let now = std::time::Instant::now();
        let since = *self.since.get_or_insert(now);
        self.frames += 1;
        self.app_seconds += f64::from(app_seconds.unwrap_or(0.0));
        let seconds = now.duration_since(since).as_secs_f64();
        if seconds >= 2.0 {
            log::info!(
                "{:.1} frames per second, {:.1} ms of them in the app's code (zoom {:.1}: {} zones as shapes, {} fill vertices, {} outline points, {} cells)",
                f64::from(self.frames) / seconds,
                self.app_seconds * 1000.0 / f64::from(self.frames),
                last.view.map_or(0.0, |v| v.zoom),
                last.zones_drawn - last.zones_in_cells,
                last.fill_vertices,
                last.outline_points,
                last.cells_drawn
            );
            self.since = Some(now);
            self.frames = 0;
            self.app_seconds = 0.0;
        }
    }
}
