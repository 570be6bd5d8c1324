//! The per-frame CPU work of the map (cull + transform + paint lists), hover hit-testing, and
//! mesh building, on generated parks (deterministic, seeded).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Color32, Pos2, Rect, vec2};
use std::hint::black_box;
use zae_atlas::map::ViewTransform;
use zae_atlas::map::zones_layer::{
    CELL_PX, CellTexture, DOT_PX, FRAME_FILL_VERTICES, FRAME_OUTLINE_POINTS, LayerOutput,
    ZonesLayer,
};
use zae_atlas::model::Zone;
use zae_atlas::palette::vocation_color;
use zae_atlas::spatial::mercator::zoom_to_fit;
use zae_atlas::spatial::{
    BandMeshes, DetailMeshes, MeshSummary, RankedZone, STORED_BANDS, Sketches, ZoneIndex,
    build_band_mesh, build_meshes,
};

struct Scene {
    zones: Vec<Zone>,
    meshes: Vec<BandMeshes>,
    index: ZoneIndex,
    rank: Vec<u32>,
    ranked: Vec<RankedZone>,
    summaries: Vec<MeshSummary>,
    sketches: Sketches,
    colors: Vec<Color32>,
    detail: DetailMeshes,
}

fn scene(n: usize) -> Scene {
    let text = common::parks_geojson(n, 42);
    let file =
        zae_atlas::io::load_bytes("bench.geojson", text.as_bytes(), &mut |_| true).expect("loads");
    let zones = file.zones;
    // As the app keeps them: the coarse bands of every zone; detailed ones in `detail`.
    let meshes = build_meshes(
        zones.len(),
        |i| zones[i].geometry(),
        STORED_BANDS,
        &mut |_| true,
    )
    .expect("meshes");
    let (ranked, rank) = RankedZone::order(&zones);
    let summaries = ranked
        .iter()
        .map(|r| MeshSummary::of(&meshes[r.index as usize]))
        .collect();
    let sketches = Sketches::build(&ranked, &meshes);
    Scene {
        summaries,
        sketches,
        index: ZoneIndex::build(&zones),
        colors: zones.iter().map(|z| vocation_color(z.vocation)).collect(),
        rank,
        ranked,
        meshes,
        zones,
        detail: DetailMeshes::default(),
    }
}

/// Builds the detailed meshes a frame at `view` asks for, frame after frame until it asks for
/// none (what the app's worker does when the view first gets there); returns how many were
/// built and the last frame's figures.
fn settle(s: &mut Scene, view: &ViewTransform) -> (usize, LayerOutput) {
    let mut built = 0;
    loop {
        let (_, output) = frame_with_output(s, view);
        if output.wanted_detail.is_empty() {
            return (built, output);
        }
        for &i in &output.wanted_detail {
            s.detail.build_now(i, output.band, &s.zones[i].geometry());
            built += 1;
        }
        s.detail.end_frame();
    }
}

/// One frame's zone painting at a view; returns the triangles drawn.
fn frame(s: &Scene, view: &ViewTransform) -> usize {
    frame_with_output(s, view).0
}

fn frame_with_output(s: &Scene, view: &ViewTransform) -> (usize, LayerOutput) {
    let mut output = LayerOutput::default();
    let mut layer = ZonesLayer {
        zones: &s.zones,
        meshes: &s.meshes,
        detail: &s.detail,
        index: &s.index,
        plots: &[],
        plot_meshes: &[],
        plot_index: &ZoneIndex::default(),
        plot_colors: &[],
        establishments: &[],
        draw_rank: &s.rank,
        ranked: &s.ranked,
        summaries: &s.summaries,
        sketches: &s.sketches,
        shown: &[],
        colors: &s.colors,
        schematic: &[],
        selected: None,
        highlight: None,
        cells: &mut CellTexture::default(),
        label_widths: &mut Vec::new(),
        output: &mut output,
        tooltips: true,
    };
    let paint = layer.paint_zones(view, None);
    let triangles = paint.fill.iter().map(|m| m.indices.len() / 3).sum();
    black_box(paint);
    (triangles, output)
}

/// What a frame at the view drew, for the record; checks what every frame must hold.
fn describe(name: &str, output: &LayerOutput) {
    println!(
        "{name}: band {}, {} zones in view, {} as shapes ({} of them sketched, under {:.1} px; {} fill vertices), {} outlines of {} points (simplified {:.2} px more; sketched under {:.1} px; none under {:.1} px), {} in {} cells (zones under {:.1} px; largest {:.2} px)",
        output.band,
        output.zones_drawn,
        output.zones_drawn - output.zones_in_cells,
        output.zones_sketched,
        output.sketch_below_px,
        output.fill_vertices,
        output.outlines_drawn,
        output.outline_points,
        output.outline_tolerance_px,
        output.outline_sketch_below_px,
        output.outline_min_px,
        output.zones_in_cells,
        output.cells_drawn,
        output.dots_below_px,
        output.largest_in_cells_px,
    );
    // A cell is a 2-pixel square standing for one zone at least as big: zones under 3 pixels,
    // and when the budget binds, all zones under one size (`dots_below_px`).
    const { assert!(CELL_PX <= 3.0) };
    assert!(
        output.largest_in_cells_px < output.dots_below_px.max(DOT_PX),
        "{name}: {output:?}"
    );
    assert!(
        output.fill_vertices <= FRAME_FILL_VERTICES,
        "{name}: {output:?}"
    );
    assert!(
        output.outline_points <= FRAME_OUTLINE_POINTS,
        "{name}: {output:?}"
    );
}

const SCREEN: [f32; 2] = [1280.0, 800.0];

/// The whole métropole, as the app fits it in a 1280×800 window.
fn whole_view() -> ViewTransform {
    let (min, max) = ((4.90, 47.20), (5.20, 47.45));
    let zoom = zoom_to_fit(min, max, SCREEN[0] as f64, SCREEN[1] as f64, 60.0);
    ViewTransform::new(
        Rect::from_min_size(Pos2::ZERO, vec2(SCREEN[0], SCREEN[1])),
        (5.05, 47.325),
        zoom,
    )
}

fn benches(c: &mut Criterion) {
    let benching = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if benching { &[10_000, 100_000] } else { &[500] };
    let mut group = c.benchmark_group("map");
    group.sample_size(20);
    for &n in sizes {
        let mut s = scene(n);
        let (_, whole) = settle(&mut s, &whole_view());
        describe(&format!("whole view, {n} zones"), &whole);
        group.bench_function(format!("frame_whole_view_{n}_zones"), |b| {
            b.iter(|| frame(&s, &whole_view()))
        });
        let park = &s.zones[n / 2];
        let centre = park.bbox.center();
        let zoomed = ViewTransform::new(
            Rect::from_min_size(Pos2::ZERO, vec2(SCREEN[0], SCREEN[1])),
            (centre.x, centre.y),
            16.0,
        );
        let (filled, one_park) = settle(&mut s, &zoomed);
        describe(&format!("one park, {n} zones"), &one_park);
        group.bench_function(format!("frame_one_park_{n}_zones"), |b| {
            b.iter(|| frame(&s, &zoomed))
        });
        // What the worker does once when the view first gets to the park.
        group.bench_function(
            format!("detail_meshes_one_park_view_{n}_zones_{filled}_in_view"),
            |b| {
                b.iter(|| {
                    let meshes: Vec<_> = s
                        .index
                        .in_box(
                            zoomed.screen_to_lon_lat(zoomed.rect.left_bottom()),
                            zoomed.screen_to_lon_lat(zoomed.rect.right_top()),
                        )
                        .map(|i| build_band_mesh(&s.zones[i].geometry(), 4))
                        .collect();
                    black_box(meshes)
                })
            },
        );
        let mut rng = common::Rng::new(7);
        let points: Vec<(f64, f64)> = (0..1024)
            .map(|_| (rng.range(4.9, 5.2), rng.range(47.2, 47.45)))
            .collect();
        let mut k = 0;
        group.bench_function(format!("hit_test_{n}_zones"), |b| {
            b.iter(|| {
                k = (k + 1) % points.len();
                black_box(s.index.hit(&s.zones, points[k].0, points[k].1))
            })
        });
        if n == sizes[0] {
            // What the loader builds for zones: the kept bands, on all cores.
            group.bench_function(format!("mesh_build_kept_bands_{n}_zones"), |b| {
                b.iter(|| {
                    build_meshes(
                        s.zones.len(),
                        |i| s.zones[i].geometry(),
                        STORED_BANDS,
                        &mut |_| true,
                    )
                })
            });
            // One band on one thread: the most detailed (the costliest) and the overview one.
            for band in [4usize, 1] {
                group.bench_function(format!("mesh_build_band{band}_{n}_zones"), |b| {
                    b.iter(|| {
                        let meshes: Vec<_> = s
                            .zones
                            .iter()
                            .map(|z| build_band_mesh(&z.geometry(), band))
                            .collect();
                        black_box(meshes)
                    })
                });
            }
        }
    }
    group.finish();
}

criterion_group!(map_benches, benches);
criterion_main!(map_benches);
