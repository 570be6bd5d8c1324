//! Statistics of the zones of the active filter: totals, and charts (jobs per zone, surface
//! per vocation, jobs per hectare). Hovering a zone's bar highlights it on the map.

use crate::t;
use egui::{Color32, Context, Grid, RichText};
use egui_plot::{Bar, BarChart, Plot};

use crate::format::format_count;
use crate::format::format_ha;
use crate::palette::vocation_color;
use crate::state::StatsView;
use crate::store::Dataset;

/// Shows the window; returns the zone whose bar is hovered, if any, and whether it is still open.
/// The statistics window; `view` was computed when the filter or the data last changed.
pub fn stats_window_ui(
    ctx: &Context,
    dataset: &Dataset,
    view: &StatsView,
) -> (Option<usize>, bool) {
    let mut open = true;
    let mut hovered = None;
    egui::Window::new(t!("stats-title"))
        .open(&mut open)
        .default_size([520.0, 560.0])
        .show(ctx, |ui| {
            let t = &view.totals;
            Grid::new("stats-totals")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    let row = |ui: &mut egui::Ui, k: &str, v: String| {
                        ui.label(k);
                        ui.label(v);
                        ui.end_row();
                    };
                    row(ui, &t!("stats-zones"), t.zones.to_string());
                    row(
                        ui,
                        &t!("field-declared-surface"),
                        t!(
                            "stats-surface-value",
                            ha = format_ha(t.surface_ha),
                            n = t.surface_known,
                            total = t.zones
                        ),
                    );
                    row(
                        ui,
                        &t!("field-jobs"),
                        t!(
                            "stats-jobs-value",
                            jobs = format_count(t.jobs),
                            n = t.jobs_known,
                            total = t.zones
                        ),
                    );
                    row(
                        ui,
                        &t!("stats-jobs-per-ha"),
                        t.jobs_per_ha.map_or(t!("unknown"), |v| {
                            t!("stats-density-value", v = crate::format::format_tenths(v))
                        }),
                    );
                    row(
                        ui,
                        &t!("field-establishments"),
                        t!(
                            "stats-establishments-value",
                            count = format_count(t.establishments),
                            n = t.establishments_known
                        ),
                    );
                    row(
                        ui,
                        &t!("stats-land-for-sale"),
                        t!(
                            "stats-land-value",
                            ha = format_ha(t.land_for_sale_ha),
                            n = t.zones_with_land_for_sale
                        ),
                    );
                });
            ui.separator();
            ui.label(RichText::new(t!("stats-jobs-chart")).strong());
            let with_jobs = &view.top_jobs;
            let bars: Vec<Bar> = with_jobs
                .iter()
                .enumerate()
                .map(|(k, &i)| {
                    let z = &dataset.zones[i];
                    Bar::new(k as f64, z.jobs.unwrap_or(0.0))
                        .name(z.display_name())
                        .fill(vocation_color(z.vocation))
                })
                .collect();
            let response = Plot::new("jobs-per-zone")
                .height(160.0)
                .show_x(false)
                .allow_drag(false)
                .allow_zoom(false)
                .allow_scroll(false)
                .show(ui, |plot| {
                    plot.bar_chart(BarChart::new(t!("field-jobs"), bars));
                    plot.pointer_coordinate()
                });
            if response.response.hovered()
                && let Some(p) = response.inner
            {
                let k = p.x.round();
                if k >= 0.0 && (k as usize) < with_jobs.len() {
                    hovered = Some(with_jobs[k as usize]);
                }
            }
            ui.label(RichText::new(t!("stats-surface-chart")).strong());
            let bars: Vec<Bar> = view
                .by_vocation
                .iter()
                .enumerate()
                .map(|(k, (v, ha, n))| {
                    Bar::new(k as f64, *ha)
                        .name(t!("stats-vocation-zones", label = v.label(), n = n))
                        .fill(vocation_color(*v))
                })
                .collect();
            Plot::new("surface-per-vocation")
                .height(140.0)
                .allow_drag(false)
                .allow_zoom(false)
                .allow_scroll(false)
                .show(ui, |plot| {
                    plot.bar_chart(BarChart::new(t!("stats-series-surface"), bars))
                });
            ui.label(RichText::new(t!("stats-density-chart")).strong());
            let density: Vec<Bar> = view
                .densest
                .iter()
                .enumerate()
                .map(|(k, &(i, d))| {
                    Bar::new(k as f64, d)
                        .name(dataset.zones[i].display_name())
                        .fill(Color32::from_rgb(0x22, 0x7C, 0x9D))
                })
                .collect();
            Plot::new("jobs-density")
                .height(120.0)
                .allow_drag(false)
                .allow_zoom(false)
                .allow_scroll(false)
                .show(ui, |plot| {
                    plot.bar_chart(BarChart::new(t!("col-jobs-per-ha"), density))
                });
        });
    (hovered, open)
}
