//! The catalogue's overview page: the filtered zones on one map, numbered, with the index.

use super::*;

pub(super) fn overview_page(
    s: &mut Surface,
    fonts: &Fonts,
    dataset: &Dataset,
    context: &MapContext,
    o: &Overview,
) {
    let mut pen = Pen { s, f: fonts };
    let width = PAGE_W - 2.0 * MARGIN;
    pen.rect(0.0, 0.0, PAGE_W, 6.0, Some(ACCENT), None);
    let mut y = MARGIN + 14.0;
    y = pen.para(MARGIN, y, width, &o.title, 19.0, true, INK);
    y = pen.para(MARGIN, y - 4.0, width, &o.subtitle, 10.0, false, GREY);
    y += 2.0;
    let map_h = 380.0;
    let frame = (MARGIN, y, width, map_h);
    let bbox = crate::model::union_all(
        o.positions
            .iter()
            .filter_map(|&p| dataset.zones.get(p).map(|z| z.bbox)),
    );
    if let Some(bbox) = bbox {
        let proj = Projection::fit(bbox, frame, 0.08, 2.0);
        draw_map(&mut pen, &proj, context, dataset, None, None);
        // The catalogue's zones on top, numbered.
        for &p in &o.positions {
            let Some(zone) = dataset.zones.get(p) else {
                continue;
            };
            if let Some(path) = proj.path(&zone.geometry()) {
                pen.s.set_fill(Some(fill_alpha(ZONE_FILL, 0.8)));
                let dash = zone.is_schematic().then(|| vec![2.0, 1.5]);
                pen.s.set_stroke(Some(stroke(ZONE_LINE, 0.8, dash)));
                pen.s.draw_path(&path);
            }
        }
        for (n, &p) in o.positions.iter().enumerate() {
            let Some(zone) = dataset.zones.get(p) else {
                continue;
            };
            let (px, py) = proj.to_page(zone.label_point.0, zone.label_point.1);
            let label = (n + 1).to_string();
            let tw = pen.width(&label, 7.0, true);
            let r = (tw / 2.0 + 2.5).max(5.5);
            let mut pb = PathBuilder::new();
            if let Some(rect) = KRect::from_xywh(px - r, py - r, 2.0 * r, 2.0 * r) {
                push_circle(&mut pb, rect);
            }
            if let Some(path) = pb.finish() {
                pen.s.set_fill(Some(fill((255, 255, 255))));
                pen.s.set_stroke(Some(stroke(ZONE_LINE, 0.8, None)));
                pen.s.draw_path(&path);
            }
            pen.text(px - tw / 2.0, py + 2.5, &label, 7.0, true, INK);
        }
        scale_and_attribution(&mut pen, &proj, None);
    }
    y += map_h + 22.0;
    // The index, in two columns.
    y = pen.heading(MARGIN, y, &t!("sheet-index"));
    let col_w = (width - 16.0) / 2.0;
    let per_col = o.positions.len().div_ceil(2).max(1);
    let start = y;
    for (n, &p) in o.positions.iter().enumerate() {
        let Some(zone) = dataset.zones.get(p) else {
            continue;
        };
        let col = n / per_col;
        let x = MARGIN + col as f32 * (col_w + 16.0);
        if n % per_col == 0 {
            y = start;
        }
        let surface = zone
            .surface_declared_ha
            .map(|ha| format!(" · {} ha", format_ha(ha)))
            .unwrap_or_default();
        let commune = zone
            .commune
            .clone()
            .map(|c| format!(" · {c}"))
            .unwrap_or_default();
        let number = format!("{}.", n + 1);
        pen.text(x, y, &number, 8.0, true, ACCENT);
        y = pen.para(
            x + 16.0,
            y,
            col_w - 16.0,
            &format!("{}{commune}{surface}", zone.display_name()),
            8.0,
            false,
            INK,
        );
        y += 1.0;
    }
    let foot = t!("sheet-overview-foot", date = crate::sheet::today());
    pen.para(MARGIN, PAGE_H - 20.0, width, &foot, 6.5, false, LIGHT_GREY);
}
