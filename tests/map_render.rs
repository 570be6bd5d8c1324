//! What the zones layer puts on screen, rendered with wgpu (Mesa's lavapipe here): on a grid of
//! touching polygons at the whole view, every shared edge shows an outline, even when the
//! outlines in view have more points than a frame strokes.

use egui::{Color32, Pos2, Rect, vec2};
use egui_kittest::Harness;
use zae_atlas::map::ViewTransform;
use zae_atlas::map::zones_layer::{
    CellTexture, FRAME_OUTLINE_POINTS, LayerOutput, ZonePaint, ZonesLayer,
};
use zae_atlas::model::Zone;
use zae_atlas::palette::vocation_color;
use zae_atlas::spatial::mercator::zoom_to_fit;
use zae_atlas::spatial::{
    BandMeshes, DetailMeshes, MeshSummary, RankedZone, STORED_BANDS, Sketches, ZoneIndex,
    build_meshes,
};

const SIZE: [f32; 2] = [1280.0, 800.0];
/// The grid: 50 × 40 cells over about the extent of Côte-d'Or.
const NX: usize = 50;
const NY: usize = 40;
const LON: (f64, f64) = (4.10, 5.50);
const LAT: (f64, f64) = (46.90, 48.00);
/// Points inside each edge (each cell has 4 × (1 + this) vertices).
const EDGE_POINTS: usize = 15;

/// A number in [-1, 1] from integers (deterministic, no generator state).
fn noise(a: usize, b: usize, c: usize) -> f64 {
    let mut h = (a as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (b as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
        ^ (c as u64).wrapping_mul(0x1656_67B1_9E37_79F9);
    h ^= h >> 29;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^= h >> 32;
    (h % 20_001) as f64 / 10_000.0 - 1.0
}

fn cell_size() -> (f64, f64) {
    ((LON.1 - LON.0) / NX as f64, (LAT.1 - LAT.0) / NY as f64)
}

/// Grid corner (i, j), moved a little so that cells are not squares.
fn corner(i: usize, j: usize) -> (f64, f64) {
    let (dx, dy) = cell_size();
    let inner = |k: usize, n: usize| k > 0 && k < n;
    let (jx, jy) = if inner(i, NX) && inner(j, NY) {
        (0.15 * noise(i, j, 1), 0.15 * noise(i, j, 2))
    } else {
        (0.0, 0.0)
    };
    (LON.0 + (i as f64 + jx) * dx, LAT.0 + (j as f64 + jy) * dy)
}

/// The points of the edge from corner `a` to corner `b` (both included), wiggling by a few
/// hundredths of a cell: the same points for the two cells that share it.
fn edge(a: (usize, usize), b: (usize, usize)) -> Vec<(f64, f64)> {
    let (from, to, reversed) = if a <= b { (a, b, false) } else { (b, a, true) };
    let (p, q) = (corner(from.0, from.1), corner(to.0, to.1));
    let (dx, dy) = cell_size();
    let key = from.0 * 1_000 + from.1 + if to.0 > from.0 { 0 } else { 500_000 };
    let mut points: Vec<(f64, f64)> = (0..=EDGE_POINTS + 1)
        .map(|k| {
            let t = k as f64 / (EDGE_POINTS + 1) as f64;
            let wiggle = if k == 0 || k == EDGE_POINTS + 1 {
                0.0
            } else {
                0.04 * noise(key, k, 3)
            };
            // Across the edge: a vertical edge wiggles in longitude, a horizontal one in latitude.
            let vertical = to.0 == from.0;
            let (ox, oy) = if vertical {
                (wiggle * dx, 0.0)
            } else {
                (0.0, wiggle * dy)
            };
            (p.0 + (q.0 - p.0) * t + ox, p.1 + (q.1 - p.1) * t + oy)
        })
        .collect();
    if reversed {
        points.reverse();
    }
    points
}

/// The ring of cell (i, j), counter-clockwise, closed.
fn cell_ring(i: usize, j: usize) -> Vec<(f64, f64)> {
    let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1), (i, j)];
    let mut ring = Vec::new();
    for w in corners.windows(2) {
        let mut e = edge(w[0], w[1]);
        e.pop();
        ring.extend(e);
    }
    ring.push(ring[0]);
    ring
}

fn grid_geojson() -> String {
    let mut features = Vec::new();
    for j in 0..NY {
        for i in 0..NX {
            let ring: Vec<String> = cell_ring(i, j)
                .iter()
                .map(|(x, y)| format!("[{x:.7},{y:.7}]"))
                .collect();
            features.push(format!(
                r#"{{"type":"Feature","properties":{{"site_nom":"Cell {i} {j}","site_vocadomi":"industrielle"}},"geometry":{{"type":"Polygon","coordinates":[[{}]]}}}}"#,
                ring.join(",")
            ));
        }
    }
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}

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
    cells: CellTexture,
}

impl Scene {
    fn of(text: &str) -> Self {
        let file = zae_atlas::io::load_bytes("grid.geojson", text.as_bytes(), &mut |_| true)
            .expect("the grid loads");
        let zones = file.zones;
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
        Self {
            summaries,
            sketches,
            index: ZoneIndex::build(&zones),
            colors: zones.iter().map(|z| vocation_color(z.vocation)).collect(),
            rank,
            ranked,
            meshes,
            zones,
            detail: DetailMeshes::default(),
            cells: CellTexture::default(),
        }
    }

    fn paint(&mut self, view: &ViewTransform, output: &mut LayerOutput) -> ZonePaint {
        let mut widths = Vec::new();
        let mut layer = ZonesLayer {
            zones: &self.zones,
            meshes: &self.meshes,
            detail: &self.detail,
            index: &self.index,
            plots: &[],
            plot_meshes: &[],
            plot_index: &ZoneIndex::default(),
            plot_colors: &[],
            establishments: &[],
            draw_rank: &self.rank,
            ranked: &self.ranked,
            summaries: &self.summaries,
            sketches: &self.sketches,
            shown: &[],
            colors: &self.colors,
            schematic: &[],
            selected: None,
            highlight: None,
            cells: &mut self.cells,
            label_widths: &mut widths,
            output,
            tooltips: true,
        };
        layer.paint_zones(view, None)
    }
}

fn whole_view() -> ViewTransform {
    let zoom = zoom_to_fit(
        (LON.0, LAT.0),
        (LON.1, LAT.1),
        SIZE[0] as f64,
        SIZE[1] as f64,
        40.0,
    );
    ViewTransform::new(
        Rect::from_min_size(Pos2::ZERO, vec2(SIZE[0], SIZE[1])),
        ((LON.0 + LON.1) / 2.0, (LAT.0 + LAT.1) / 2.0),
        zoom,
    )
}

fn distance(a: Color32, b: [u8; 4]) -> f32 {
    let d = |x: u8, y: u8| f32::from(x) - f32::from(y);
    (d(a.r(), b[0]).powi(2) + d(a.g(), b[1]).powi(2) + d(a.b(), b[2]).powi(2)).sqrt()
}

/// Whether a pixel of the outline colour is within `r` pixels of `p`.
fn outline_near(image: &image::RgbaImage, p: Pos2, r: i32, outline: Color32) -> bool {
    let (x0, y0) = (p.x.floor() as i32, p.y.floor() as i32);
    (-r..=r).any(|dy| {
        (-r..=r).any(|dx| {
            let (x, y) = (x0 + dx, y0 + dy);
            x >= 0
                && y >= 0
                && (x as u32) < image.width()
                && (y as u32) < image.height()
                && distance(outline, image.get_pixel(x as u32, y as u32).0) < 60.0
        })
    })
}

#[test]
fn every_shared_edge_of_a_grid_of_2000_polygons_is_outlined() {
    let mut scene = Scene::of(&grid_geojson());
    assert_eq!(scene.zones.len(), NX * NY);
    let view = whole_view();
    let mut output = LayerOutput::default();
    let paint = scene.paint(&view, &mut output);
    // The budget binds: the outlines in view were all simplified alike, none dropped.
    assert_eq!(output.zones_drawn, NX * NY, "{output:?}");
    assert_eq!(output.zones_in_cells, 0, "{output:?}");
    assert_eq!(output.outlines_drawn, NX * NY, "{output:?}");
    assert!(output.outline_points <= FRAME_OUTLINE_POINTS, "{output:?}");
    let raw: usize = scene
        .meshes
        .iter()
        .filter_map(|m| m.band(output.band))
        .map(|m| m.vertices.len())
        .sum();
    assert!(
        raw > FRAME_OUTLINE_POINTS,
        "the test is of a frame over the outline budget ({raw} points)"
    );
    assert!(output.outline_tolerance_px > 0.0, "{output:?}");
    drop(paint);

    let mut harness = Harness::builder()
        .with_size(SIZE)
        .wgpu()
        .build_ui(move |ui| {
            ui.painter()
                .rect_filled(ui.max_rect(), 0.0, zae_atlas::map::style::PLAIN_BACKGROUND);
            let mut output = LayerOutput::default();
            let paint = scene.paint(&view, &mut output);
            let painter = ui.painter();
            painter.extend(paint.fill.into_iter().map(egui::Shape::mesh));
            painter.extend(paint.outlines);
        });
    harness.run_steps(2);
    let image = harness.render().expect("rendered with wgpu");
    if let Some(keep) = std::env::var_os("ZAE_KEEP_PNG") {
        let _ = image.save(keep);
    }
    let outline = vocation_color(zae_atlas::model::Vocation::Industrial);
    let mut missing = Vec::new();
    let mut edges = 0;
    for j in 0..NY {
        for i in 0..NX {
            // The edge to the right neighbour and the one to the neighbour above.
            let shared = [
                (i + 1 < NX).then(|| edge((i + 1, j), (i + 1, j + 1))),
                (j + 1 < NY).then(|| edge((i, j + 1), (i + 1, j + 1))),
            ];
            for points in shared.into_iter().flatten() {
                edges += 1;
                // A third of the way along, between two of its vertices.
                let k = points.len() / 3;
                let (a, b) = (points[k], points[k + 1]);
                let p = view.lon_lat_to_screen((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
                if !outline_near(&image, p, 2, outline) {
                    missing.push((i, j, p));
                }
            }
            // The middle of a cell is fill, not outline: the test tells them apart.
            let c = view.lon_lat_to_screen(
                LON.0 + (i as f64 + 0.5) * cell_size().0,
                LAT.0 + (j as f64 + 0.5) * cell_size().1,
            );
            assert!(
                !outline_near(&image, c, 1, outline),
                "outline colour in the middle of cell {i} {j} at {c:?}"
            );
        }
    }
    assert_eq!(edges, (NX - 1) * NY + NX * (NY - 1));
    assert!(
        missing.is_empty(),
        "{} of {edges} shared edges without an outline, first {:?}",
        missing.len(),
        &missing[..missing.len().min(5)]
    );
}
