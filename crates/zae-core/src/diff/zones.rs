//! Zones: pairing the zones of two inventories (id, name and overlap, outline overlap) and
//! what changed between paired zones.

use super::*;

pub(super) fn match_zones(before: &[Zone], after: &[Zone], tol: &Tolerance) -> Vec<Pair> {
    let mut b_taken = vec![None::<(usize, MatchedBy)>; before.len()];
    let mut a_taken = vec![false; after.len()];
    // 1. site_id.
    let mut by_site: HashMap<&str, usize> = HashMap::new();
    for (i, z) in after.iter().enumerate() {
        if let Some(s) = z.site_id.as_deref().filter(|s| !s.trim().is_empty()) {
            by_site.entry(s.trim()).or_insert(i);
        }
    }
    for (i, z) in before.iter().enumerate() {
        if let Some(&a) = z.site_id.as_deref().and_then(|s| by_site.get(s.trim()))
            && !a_taken[a]
        {
            a_taken[a] = true;
            b_taken[i] = Some((a, MatchedBy::SiteId));
        }
    }
    // 2. Normalised name, with the outlines overlapping.
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, z) in after.iter().enumerate() {
        if !a_taken[i]
            && let Some(n) = z.name.as_deref().map(normalised_name)
            && !n.is_empty()
        {
            by_name.entry(n).or_default().push(i);
        }
    }
    for (i, z) in before.iter().enumerate() {
        if b_taken[i].is_some() {
            continue;
        }
        let Some(candidates) = z
            .name
            .as_deref()
            .and_then(|n| by_name.get(&normalised_name(n)))
        else {
            continue;
        };
        let g = z.geometry();
        let best = candidates
            .iter()
            .filter(|&&a| !a_taken[a])
            .filter_map(|&a| {
                if z.outline == after[a].outline {
                    return Some((1.0, a));
                }
                let h = after[a].geometry();
                let smaller = g.unsigned_area().min(h.unsigned_area());
                let share = intersection_area(&g, &h)? / smaller;
                (smaller > 0.0 && share >= tol.name_overlap).then_some((share, a))
            })
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, a)) = best {
            a_taken[a] = true;
            b_taken[i] = Some((a, MatchedBy::Name));
        }
    }
    // 3. Outline overlap, best pairs first.
    let tree = rtree(
        after
            .iter()
            .enumerate()
            .filter(|(i, _)| !a_taken[*i])
            .map(|(i, z)| (i, z.bbox)),
    );
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, z) in before.iter().enumerate() {
        if b_taken[i].is_some() {
            continue;
        }
        let g = z.geometry();
        for a in touching(&tree, z.bbox) {
            // The same outline is the same place, even where its area cannot be measured (a
            // self-intersecting ring).
            let v = if z.outline == after[a].outline {
                Some(1.0)
            } else {
                iou(&g, &after[a].geometry())
            };
            if let Some(v) = v
                && v >= tol.zone_iou
            {
                candidates.push((v, i, a));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    for (_, b, a) in candidates {
        if b_taken[b].is_none() && !a_taken[a] {
            a_taken[a] = true;
            b_taken[b] = Some((a, MatchedBy::Overlap));
        }
    }
    let mut pairs: Vec<Pair> = b_taken
        .iter()
        .enumerate()
        .map(|(b, m)| Pair {
            before: Some(b),
            after: m.map(|(a, _)| a),
            matched_by: m.map(|(_, by)| by),
        })
        .collect();
    pairs.extend(
        a_taken
            .iter()
            .enumerate()
            .filter(|(_, t)| !**t)
            .map(|(a, _)| Pair {
                before: None,
                after: Some(a),
                matched_by: None,
            }),
    );
    pairs
}

/// A number as written in the change list: integers without decimals, others to 4 decimals
/// at most; empty when unknown.
pub fn number_text(v: Option<f64>) -> String {
    match v {
        None => String::new(),
        Some(v) if (v - v.round()).abs() < 1e-9 => format!("{}", v.round() as i64),
        Some(v) => {
            let s = format!("{v:.4}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    }
}

pub(super) fn same_number(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

pub(super) fn same_text(a: Option<&str>, b: Option<&str>) -> bool {
    let norm = |s: Option<&str>| s.map(|s| fold(s.trim())).filter(|s| !s.is_empty());
    norm(a) == norm(b)
}

/// Per zone: the vacancy rate (given, else vacant plots / plots) in one pass over the plots.
pub(crate) fn vacancy_rates(data: &Dataset) -> Vec<Option<f64>> {
    let mut counts = vec![(0usize, 0usize); data.zones.len()];
    for p in &data.plots {
        if let Some(c) = p.zone.and_then(|z| counts.get_mut(z)) {
            c.0 += 1;
            c.1 += usize::from(p.is_vacant());
        }
    }
    data.zones
        .iter()
        .zip(counts)
        .map(|(z, (plots, vacant))| {
            z.vacancy_percent
                .or((plots > 0).then(|| 100.0 * vacant as f64 / plots as f64))
        })
        .collect()
}

pub(super) fn zone_id(z: &Zone) -> String {
    z.site_id.clone().unwrap_or_else(|| z.id.clone())
}

pub(super) fn zone_changes(before: &Dataset, after: &Dataset, tol: &Tolerance, diff: &mut Diff) {
    let vac_b = vacancy_rates(before);
    let vac_a = vacancy_rates(after);
    let pairs = diff.zone_pairs.clone();
    for pair in &pairs {
        let zb = pair
            .before
            .and_then(|i| before.zones.get(i).map(|z| (i, z)));
        let za = pair.after.and_then(|i| after.zones.get(i).map(|z| (i, z)));
        let row = |kind, field: &str, vb: String, va: String| Change {
            level: Level::Zone,
            kind,
            before: pair.before,
            after: pair.after,
            id_before: zb.map(|(_, z)| zone_id(z)).unwrap_or_default(),
            id_after: za.map(|(_, z)| zone_id(z)).unwrap_or_default(),
            name: za
                .or(zb)
                .map(|(_, z)| z.display_name().to_string())
                .unwrap_or_default(),
            field: field.to_string(),
            value_before: vb,
            value_after: va,
            matched_by: pair.matched_by,
            zone_after: pair.after,
            zone_before: pair.before,
        };
        match (zb, za) {
            (Some((b, _)), None) => {
                diff.zone_status_before[b] = Status::Removed;
                diff.changes
                    .push(row(ChangeKind::Removed, "", String::new(), String::new()));
            }
            (None, Some((a, _))) => {
                diff.zone_status_after[a] = Status::Added;
                diff.changes
                    .push(row(ChangeKind::Added, "", String::new(), String::new()));
            }
            (Some((b, zb)), Some((a, za))) => {
                let mut rows = Vec::new();
                let (nb, na) = (zb.name.as_deref(), za.name.as_deref());
                if nb.map(str::trim) != na.map(str::trim) {
                    rows.push(row(
                        ChangeKind::Renamed,
                        "name",
                        nb.unwrap_or_default().into(),
                        na.unwrap_or_default().into(),
                    ));
                }
                if zb.outline != za.outline {
                    let (gb, ga) = (zb.geometry(), za.geometry());
                    let v = iou(&gb, &ga);
                    let larger = zb.area_ha.max(za.area_ha);
                    let rel = if larger > 0.0 {
                        (zb.area_ha - za.area_ha).abs() / larger
                    } else {
                        0.0
                    };
                    let same_shape =
                        v.is_some_and(|v| v >= tol.outline_iou) && rel <= tol.outline_area;
                    if !same_shape {
                        let iou_text = v.map_or_else(|| "?".to_string(), |v| format!("{v:.3}"));
                        rows.push(row(
                            ChangeKind::Changed,
                            "outline",
                            format!("{:.2} ha", zb.area_ha),
                            format!("{:.2} ha, IoU {iou_text}", za.area_ha),
                        ));
                    }
                }
                for (field, x, y) in [
                    ("surface", zb.surface_declared_ha, za.surface_declared_ha),
                    ("jobs", zb.jobs, za.jobs),
                    ("establishments", zb.establishments, za.establishments),
                    ("vacancy_rate", vac_b[b], vac_a[a]),
                ] {
                    if !same_number(x, y) {
                        rows.push(row(
                            ChangeKind::Changed,
                            field,
                            number_text(x),
                            number_text(y),
                        ));
                    }
                }
                let (sb, sa) = (zb.state.as_deref(), za.state.as_deref());
                if !same_text(sb, sa) {
                    rows.push(row(
                        ChangeKind::Changed,
                        "state",
                        sb.unwrap_or_default().into(),
                        sa.unwrap_or_default().into(),
                    ));
                }
                let (vb, va) = (zb.vocation_label(), za.vocation_label());
                if !same_text(vb.as_deref(), va.as_deref()) {
                    rows.push(row(
                        ChangeKind::Changed,
                        "vocation",
                        vb.unwrap_or_default(),
                        va.unwrap_or_default(),
                    ));
                }
                if !rows.is_empty() {
                    diff.zone_status_before[b] = Status::Changed;
                    diff.zone_status_after[a] = Status::Changed;
                }
                diff.changes.extend(rows);
            }
            (None, None) => {}
        }
    }
}
