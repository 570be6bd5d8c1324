//! Large FlatGeobuf files read by view, as large database tables are: over the same size
//! threshold (the database reader's `large_table_rows`), a file with a spatial index is read
//! only around the view (half a view of margin on each side, through its index), on the
//! loading worker; when the view leaves what was read and has stayed still a moment, it is
//! read again around the new view. `check` and `export` still read such a file whole.

use egui::Context;
use geo::Rect;

use super::ZaeApp;
use super::database::margin_view;
use super::loader::LoadJob;
use crate::io::fgb::InView;
use crate::map::ViewTransform;

/// The view must stay still this long before a large file is read again for it (as tables).
const VIEW_SETTLE: f64 = 0.3;

/// The window size assumed before the first frame has drawn the map.
const FIRST_FRAME_SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

impl ZaeApp {
    /// How a large indexed file is read now: around the view, or before the first frame around
    /// the map's centre and zoom in a window of ordinary size.
    pub(super) fn in_view(&self) -> Option<InView> {
        let view = self.view_lon_lat().or_else(|| self.first_view())?;
        Some(InView {
            view: margin_view(view),
            large: self.databases.options.large_table_rows,
            max: self.databases.options.max_rows,
        })
    }

    /// The view the map will show, before it was drawn once.
    fn first_view(&self) -> Option<Rect<f64>> {
        let center = self.map_memory.detached()?;
        let rect = egui::Rect::from_min_size(egui::Pos2::ZERO, FIRST_FRAME_SIZE);
        let view = ViewTransform::new(rect, (center.x(), center.y()), self.map_memory.zoom());
        let a = view.screen_to_lon_lat(rect.left_top());
        let b = view.screen_to_lon_lat(rect.right_bottom());
        Some(Rect::new(a, b))
    }

    /// Large files read only around the view: read again when the view leaves what was read
    /// and has stayed still a moment. Never while another load runs (it is looked at again
    /// once that one is done).
    pub(super) fn follow_view_in_files(&mut self, ctx: &Context) {
        let Some(view) = self.view_lon_lat() else {
            return;
        };
        if self.loader.is_some() {
            return;
        }
        let stale = self.state.files_outside(view);
        if stale.is_empty() {
            return;
        }
        // The database side keeps since when the view has not moved (egui's clock).
        let now = ctx.input(|i| i.time);
        let since = match self.databases.last_view {
            Some((last, since)) if last == view => since,
            _ => now,
        };
        if now - since < VIEW_SETTLE {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(VIEW_SETTLE));
            return;
        }
        match LoadJob::start(stale, ctx.clone(), true, self.in_view()) {
            Ok(mut job) => {
                job.view_moved = true;
                self.loader = Some(job);
            }
            Err(e) => self.state.push_error(e.to_string()),
        }
    }
}
