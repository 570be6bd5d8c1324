//! `ZAE_ATLAS_FRAME_RATE=1`: the window redraws continuously (without waiting for vsync) and
//! logs, every two seconds at info level (`RUST_LOG=zae_atlas=info`), the frame rate and where a
//! frame's time goes, so that anyone can measure it on their own graphics card:
//!
//! - the app's code (building the frame), split into the map (tiles, the zones' culling and
//!   paint lists, overlays) and the rest (menus, panels, windows);
//! - egui's tessellation of the map (shapes into triangles; measured every tenth frame on a
//!   copy of the map's shapes, so the measuring does not slow the frames it reports);
//! - the rest of the CPU frame (egui's end of frame, the other layers' tessellation, texture
//!   upload, wgpu's encoding and submission), from eframe's CPU time of the frame;
//! - the rest of the wall time: waiting for the GPU and the driver to take the frame.

use std::time::{Duration, Instant};

use crate::map::zones_layer::LayerOutput;

/// Frames between two measures of the map's tessellation.
const TESSELLATE_EVERY: u32 = 10;
/// Seconds between two log lines.
const REPORT_SECS: f64 = 2.0;

#[derive(Default)]
pub struct FrameRate {
    since: Option<Instant>,
    frame_start: Option<Instant>,
    frames: u32,
    /// Seconds over the frames since the last report: the app's code, eframe's CPU time of the
    /// frame (all of it), and the map's tessellation over the frames it was measured in.
    app_seconds: f64,
    /// Of `app_seconds`, the map's part.
    map_seconds: f64,
    cpu_seconds: f64,
    cpu_frames: u32,
    tessellate_seconds: f64,
    tessellated: u32,
}

/// One report.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FrameSplit {
    pub frames_per_second: f64,
    pub frame_ms: f64,
    pub app_ms: f64,
    /// Of `app_ms`, the map (tiles, zones, overlays); the rest is the panels and windows.
    pub map_ms: f64,
    pub tessellate_ms: f64,
    /// The rest of the CPU frame (eframe's figure minus the two above).
    pub render_cpu_ms: f64,
    /// Wall time not spent on the CPU frame: the GPU and the driver.
    pub gpu_wait_ms: f64,
}

impl FrameRate {
    /// At the start of the app's frame; `cpu_usage` is eframe's CPU time of the last frame.
    pub fn begin(&mut self, cpu_usage: Option<f32>) {
        self.frame_start = Some(Instant::now());
        if let Some(seconds) = cpu_usage {
            self.cpu_seconds += f64::from(seconds);
            self.cpu_frames += 1;
        }
    }

    /// At the end of the app's frame, of which the map took `map`: counts it, measures the
    /// map's tessellation now and then, logs every two seconds.
    pub fn end(&mut self, ctx: &egui::Context, last: &LayerOutput, map: Duration) {
        let now = Instant::now();
        if let Some(start) = self.frame_start.take() {
            self.app_seconds += now.duration_since(start).as_secs_f64();
            self.map_seconds += map.as_secs_f64();
        }
        self.frames += 1;
        if self.frames % TESSELLATE_EVERY == 1
            && let Some(layer) = last.layer
        {
            let shapes: Vec<egui::epaint::ClippedShape> = ctx.graphics(|g| {
                g.get(layer)
                    .map(|list| list.all_entries().cloned().collect())
                    .unwrap_or_default()
            });
            let started = Instant::now();
            let primitives = ctx.tessellate(shapes, ctx.pixels_per_point());
            self.tessellate_seconds += started.elapsed().as_secs_f64();
            self.tessellated += 1;
            drop(primitives);
        }
        let since = *self.since.get_or_insert(now);
        let seconds = now.duration_since(since).as_secs_f64();
        if seconds >= REPORT_SECS {
            let split = self.split(seconds);
            log::info!(
                "{:.1} frames per second, {:.1} ms a frame: app's code {:.1} ms (map {:.1} ms, panels {:.2} ms), egui tessellation of the map {:.1} ms, rest of the CPU frame (egui, upload, wgpu) {:.1} ms, GPU and driver {:.1} ms (zoom {:.1}: {} zones as shapes, {} fill vertices, {} outline points, {} cells)",
                split.frames_per_second,
                split.frame_ms,
                split.app_ms,
                split.map_ms,
                (split.app_ms - split.map_ms).max(0.0),
                split.tessellate_ms,
                split.render_cpu_ms,
                split.gpu_wait_ms,
                last.view.map_or(0.0, |v| v.zoom),
                last.zones_drawn - last.zones_in_cells,
                last.fill_vertices,
                last.outline_points,
                last.cells_drawn
            );
            *self = Self {
                since: Some(now),
                ..Self::default()
            };
        }
    }

    /// The split of the frames counted over `seconds`.
    fn split(&self, seconds: f64) -> FrameSplit {
        let per = |total: f64, n: u32| {
            if n == 0 {
                0.0
            } else {
                total * 1000.0 / f64::from(n)
            }
        };
        let frame_ms = per(seconds, self.frames);
        let app_ms = per(self.app_seconds, self.frames);
        let tessellate_ms = per(self.tessellate_seconds, self.tessellated);
        let cpu_ms = per(self.cpu_seconds, self.cpu_frames);
        FrameSplit {
            frames_per_second: if seconds > 0.0 {
                f64::from(self.frames) / seconds
            } else {
                0.0
            },
            frame_ms,
            app_ms,
            map_ms: per(self.map_seconds, self.frames),
            tessellate_ms,
            render_cpu_ms: (cpu_ms - app_ms - tessellate_ms).max(0.0),
            gpu_wait_ms: (frame_ms - cpu_ms).max(0.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_split_adds_up_to_the_frame() {
        let meter = FrameRate {
            frames: 20,
            app_seconds: 0.2,
            map_seconds: 0.15,
            cpu_seconds: 0.6,
            cpu_frames: 20,
            tessellate_seconds: 0.01,
            tessellated: 2,
            ..FrameRate::default()
        };
        let split = meter.split(2.0);
        assert!((split.frames_per_second - 10.0).abs() < 1e-9);
        assert!((split.frame_ms - 100.0).abs() < 1e-9);
        assert!((split.app_ms - 10.0).abs() < 1e-9);
        assert!((split.map_ms - 7.5).abs() < 1e-9);
        assert!((split.tessellate_ms - 5.0).abs() < 1e-9);
        assert!((split.render_cpu_ms - 15.0).abs() < 1e-9);
        assert!((split.gpu_wait_ms - 70.0).abs() < 1e-9);
        let sum = split.app_ms + split.tessellate_ms + split.render_cpu_ms + split.gpu_wait_ms;
        assert!((sum - split.frame_ms).abs() < 1e-9);
    }
}
