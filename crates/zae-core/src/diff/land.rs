//! Plots and establishments: pairing (id, overlap, split and merge; SIRET, name and
//! position) and what became of them.

use super::*;

/// A plot's own id (`terr_id`), `None` when the data gives none.
pub(super) fn terr_id(id: &str) -> Option<&str> {
    (!id.starts_with('#') && !id.trim().is_empty()).then_some(id.trim())
}

pub(super) fn plot_changes(before: &Dataset, after: &Dataset, tol: &Tolerance, diff: &mut Diff) {
    let (pb, pa) = (&before.plots, &after.plots);
    let mut b_match: Vec<Option<(usize, MatchedBy)>> = vec![None; pb.len()];
    let mut a_match: Vec<Option<usize>> = vec![None; pa.len()];
    let mut b_done = vec![false; pb.len()];
    let mut a_done = vec![false; pa.len()];
    // 1. terr_id.
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (i, p) in pa.iter().enumerate() {
        if let Some(id) = terr_id(&p.id) {
            by_id.entry(id).or_insert(i);
        }
    }
    for (i, p) in pb.iter().enumerate() {
        if let Some(&a) = terr_id(&p.id).and_then(|id| by_id.get(id))
            && a_match[a].is_none()
        {
            a_match[a] = Some(i);
            b_match[i] = Some((a, MatchedBy::TerrId));
        }
    }
    let tree_b = rtree(pb.iter().enumerate().map(|(i, p)| (i, p.bbox)));
    let tree_a = rtree(pa.iter().enumerate().map(|(i, p)| (i, p.bbox)));
    // The plot of `tree`'s side holding most of `g`, if it holds at least `piece_share`.
    let best_holder = |g: &MultiPolygon<f64>,
                       bbox: Rect<f64>,
                       tree: &RTree<BoxEntry>,
                       plots: &[crate::model::Plot]| {
        touching(tree, bbox)
            .filter_map(|i| Some((share_inside(g, &plots.get(i)?.geometry)?, i)))
            .filter(|(s, _)| *s >= tol.piece_share)
            .max_by(|x, y| x.0.total_cmp(&y.0))
            .map(|(_, i)| i)
    };
    let mut splits: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut merges: Vec<(Vec<usize>, usize)> = Vec::new();
    let mut overlap_pairs: Vec<(usize, usize)> = Vec::new();
    // 2. Split: unmatched after plots mostly inside one before plot.
    let mut pieces: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (a, p) in pa.iter().enumerate() {
        if a_match[a].is_none()
            && let Some(b) = best_holder(&p.geometry, p.bbox, &tree_b, pb)
        {
            pieces.entry(b).or_default().push(a);
        }
    }
    for (b, mut parts) in pieces {
        // The plot that kept the id counts as a piece when it lies in the old outline.
        let kept = b_match[b].map(|(a, _)| a).filter(|&a| {
            share_inside(&pa[a].geometry, &pb[b].geometry).is_some_and(|s| s >= tol.piece_share)
        });
        let count = parts.len() + usize::from(kept.is_some());
        if count >= 2 {
            parts.extend(kept);
            parts.sort_unstable();
            for &a in &parts {
                a_done[a] = true;
            }
            if b_match[b].is_none() {
                b_done[b] = true;
            }
            splits.push((b, parts));
        }
    }
    // 3. Merge: unmatched before plots mostly inside one after plot.
    let mut parts_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (b, p) in pb.iter().enumerate() {
        if b_match[b].is_none()
            && !b_done[b]
            && let Some(a) = best_holder(&p.geometry, p.bbox, &tree_a, pa)
        {
            parts_of.entry(a).or_default().push(b);
        }
    }
    for (a, mut parts) in parts_of {
        if a_done[a] {
            continue;
        }
        let kept = a_match[a].filter(|&b| {
            share_inside(&pb[b].geometry, &pa[a].geometry).is_some_and(|s| s >= tol.piece_share)
        });
        let count = parts.len() + usize::from(kept.is_some());
        if count >= 2 {
            parts.extend(kept);
            parts.sort_unstable();
            for &b in &parts {
                b_done[b] = true;
            }
            if a_match[a].is_none() {
                a_done[a] = true;
            }
            merges.push((parts, a));
        }
    }
    // 4. One to one by overlap among what is left.
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (a, p) in pa.iter().enumerate() {
        if a_match[a].is_some() || a_done[a] {
            continue;
        }
        for b in touching(&tree_b, p.bbox) {
            if b_match[b].is_none()
                && !b_done[b]
                && let Some(v) = iou(&p.geometry, &pb[b].geometry)
                && v >= tol.plot_iou
            {
                candidates.push((v, b, a));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    for (_, b, a) in candidates {
        if b_match[b].is_none() && a_match[a].is_none() {
            b_match[b] = Some((a, MatchedBy::Overlap));
            a_match[a] = Some(b);
            overlap_pairs.push((b, a));
        }
    }
    let _ = overlap_pairs;
    // Pairs, in before order then the after plots only after.
    for (b, m) in b_match.iter().enumerate() {
        diff.plot_pairs.push(Pair {
            before: Some(b),
            after: m.map(|(a, _)| a),
            matched_by: m.map(|(_, by)| by),
        });
    }
    for (a, m) in a_match.iter().enumerate() {
        if m.is_none() {
            diff.plot_pairs.push(Pair {
                before: None,
                after: Some(a),
                matched_by: None,
            });
        }
    }
    let zone_name = |data: &Dataset, z: Option<usize>| {
        z.and_then(|z| data.zones.get(z))
            .map(|z| z.display_name().to_string())
            .unwrap_or_default()
    };
    let ids = |plots: &[crate::model::Plot], list: &[usize]| {
        list.iter()
            .map(|&i| plots[i].id.as_str())
            .collect::<Vec<_>>()
            .join("|")
    };
    let areas = |plots: &[crate::model::Plot], list: &[usize]| {
        list.iter()
            .map(|&i| format!("{:.2} ha", plots[i].surface_or_area_ha()))
            .collect::<Vec<_>>()
            .join("|")
    };
    let plot_row = |kind,
                    b: Option<usize>,
                    a: Option<usize>,
                    field: &str,
                    vb: String,
                    va: String,
                    by: Option<MatchedBy>| {
        let zb = b.and_then(|b| pb[b].zone);
        let za = a.and_then(|a| pa[a].zone);
        Change {
            level: Level::Plot,
            kind,
            before: b,
            after: a,
            id_before: b.map(|b| pb[b].id.clone()).unwrap_or_default(),
            id_after: a.map(|a| pa[a].id.clone()).unwrap_or_default(),
            name: if za.is_some() {
                zone_name(after, za)
            } else {
                zone_name(before, zb)
            },
            field: field.to_string(),
            value_before: vb,
            value_after: va,
            matched_by: by,
            zone_after: za,
            zone_before: zb,
        }
    };
    let mut rows: Vec<(usize, Change)> = Vec::new();
    for (b, parts) in &splits {
        let mut c = plot_row(
            ChangeKind::Split,
            Some(*b),
            parts.first().copied(),
            "",
            areas(pb, &[*b]),
            areas(pa, parts),
            Some(MatchedBy::Overlap),
        );
        c.id_after = ids(pa, parts);
        for &a in parts {
            diff.plot_status_after[a] = Status::Changed;
        }
        diff.plot_status_before[*b] = Status::Changed;
        rows.push((*b, c));
    }
    for (parts, a) in &merges {
        let mut c = plot_row(
            ChangeKind::Merged,
            parts.first().copied(),
            Some(*a),
            "",
            areas(pb, parts),
            areas(pa, &[*a]),
            Some(MatchedBy::Overlap),
        );
        c.id_before = ids(pb, parts);
        for &b in parts {
            diff.plot_status_before[b] = Status::Changed;
        }
        diff.plot_status_after[*a] = Status::Changed;
        rows.push((parts.first().copied().unwrap_or(0), c));
    }
    for (b, m) in b_match.iter().enumerate() {
        let Some((a, by)) = *m else {
            if !b_done[b] {
                diff.plot_status_before[b] = Status::Removed;
                rows.push((
                    b,
                    plot_row(
                        ChangeKind::Removed,
                        Some(b),
                        None,
                        "",
                        String::new(),
                        String::new(),
                        None,
                    ),
                ));
            }
            continue;
        };
        let (x, y) = (&pb[b], &pa[a]);
        let mut changed = false;
        let (sb, sa) = (x.commercial_stage.as_deref(), y.commercial_stage.as_deref());
        if !same_text(sb, sa) {
            let sold = x.is_for_sale() && sa.is_some_and(|s| fold(s.trim()).starts_with("vendu"));
            let kind = if sold {
                ChangeKind::Sold
            } else {
                ChangeKind::Changed
            };
            rows.push((
                b,
                plot_row(
                    kind,
                    Some(b),
                    Some(a),
                    "terr_stade_comm",
                    sb.unwrap_or_default().into(),
                    sa.unwrap_or_default().into(),
                    Some(by),
                ),
            ));
            changed = true;
        }
        let (ob, oa) = (x.occupation.as_deref(), y.occupation.as_deref());
        if !same_text(ob, oa) {
            rows.push((
                b,
                plot_row(
                    ChangeKind::Changed,
                    Some(b),
                    Some(a),
                    "terr_etat_occup",
                    ob.unwrap_or_default().into(),
                    oa.unwrap_or_default().into(),
                    Some(by),
                ),
            ));
            changed = true;
        }
        if changed {
            diff.plot_status_before[b] = Status::Changed;
            diff.plot_status_after[a] = Status::Changed;
        }
    }
    rows.sort_by_key(|(b, _)| *b);
    diff.changes.extend(rows.into_iter().map(|(_, c)| c));
    let mut added = Vec::new();
    for (a, m) in a_match.iter().enumerate() {
        if m.is_none() && !a_done[a] {
            diff.plot_status_after[a] = Status::Added;
            added.push(plot_row(
                ChangeKind::Added,
                None,
                Some(a),
                "",
                String::new(),
                String::new(),
                None,
            ));
        }
    }
    diff.changes.extend(added);
}

/// A SIRET with its digits only; `None` when it has none.
pub(super) fn siret_key(s: Option<&str>) -> Option<String> {
    let digits: String = s?.chars().filter(char::is_ascii_digit).collect();
    (!digits.is_empty()).then_some(digits)
}

/// Distance between two WGS84 points, metres (equirectangular: fine at these distances).
pub(super) fn distance_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let lat = ((a.1 + b.1) / 2.0).to_radians();
    let dx = (b.0 - a.0).to_radians() * lat.cos();
    let dy = (b.1 - a.1).to_radians();
    6_371_000.0 * (dx * dx + dy * dy).sqrt()
}

pub(super) fn establishment_changes(
    before: &Dataset,
    after: &Dataset,
    tol: &Tolerance,
    zone_to_after: &[Option<usize>],
    diff: &mut Diff,
) {
    let (eb, ea) = (&before.establishments, &after.establishments);
    let mut b_match: Vec<Option<(usize, MatchedBy)>> = vec![None; eb.len()];
    let mut a_taken = vec![false; ea.len()];
    let mut by_siret: HashMap<String, usize> = HashMap::new();
    for (i, e) in ea.iter().enumerate() {
        if let Some(k) = siret_key(e.siret.as_deref()) {
            by_siret.entry(k).or_insert(i);
        }
    }
    for (i, e) in eb.iter().enumerate() {
        if let Some(&a) = siret_key(e.siret.as_deref()).and_then(|k| by_siret.get(&k))
            && !a_taken[a]
        {
            a_taken[a] = true;
            b_match[i] = Some((a, MatchedBy::Siret));
        }
    }
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in ea.iter().enumerate() {
        let n = normalised_name(&e.name);
        if !a_taken[i] && !n.is_empty() {
            by_name.entry(n).or_default().push(i);
        }
    }
    for (i, e) in eb.iter().enumerate() {
        if b_match[i].is_some() {
            continue;
        }
        let Some(list) = by_name.get(&normalised_name(&e.name)) else {
            continue;
        };
        let best = list
            .iter()
            .filter(|&&a| !a_taken[a])
            .map(|&a| (distance_m((e.lon, e.lat), (ea[a].lon, ea[a].lat)), a))
            .filter(|(d, _)| *d <= tol.establishment_distance_m)
            .min_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, a)) = best {
            a_taken[a] = true;
            b_match[i] = Some((a, MatchedBy::NamePosition));
        }
    }
    let id = |e: &crate::model::Establishment| e.siret.clone().unwrap_or_else(|| e.name.clone());
    let zone_name = |data: &Dataset, z: Option<usize>| {
        z.and_then(|z| data.zones.get(z))
            .map(|z| z.display_name().to_string())
            .unwrap_or_default()
    };
    let row = |kind, b: Option<usize>, a: Option<usize>, by: Option<MatchedBy>| {
        let zb = b.and_then(|b| eb[b].zone);
        let za = a.and_then(|a| ea[a].zone);
        Change {
            level: Level::Establishment,
            kind,
            before: b,
            after: a,
            id_before: b.map(|b| id(&eb[b])).unwrap_or_default(),
            id_after: a.map(|a| id(&ea[a])).unwrap_or_default(),
            name: a
                .map(|a| ea[a].name.clone())
                .or_else(|| b.map(|b| eb[b].name.clone()))
                .unwrap_or_default(),
            field: String::new(),
            value_before: String::new(),
            value_after: String::new(),
            matched_by: by,
            zone_after: za,
            zone_before: zb,
        }
    };
    for (b, m) in b_match.iter().enumerate() {
        diff.establishment_pairs.push(Pair {
            before: Some(b),
            after: m.map(|(a, _)| a),
            matched_by: m.map(|(_, by)| by),
        });
        match *m {
            None => diff
                .changes
                .push(row(ChangeKind::Removed, Some(b), None, None)),
            Some((a, by)) => {
                let zb = eb[b].zone;
                let za = ea[a].zone;
                let same_zone = match (zb, za) {
                    (None, None) => true,
                    (Some(zb), Some(za)) => zone_to_after.get(zb).copied().flatten() == Some(za),
                    _ => false,
                };
                if !same_zone {
                    let mut c = row(ChangeKind::Moved, Some(b), Some(a), Some(by));
                    c.field = "zone".into();
                    c.value_before = zone_name(before, zb);
                    c.value_after = zone_name(after, za);
                    diff.changes.push(c);
                }
            }
        }
    }
    let matched: HashSet<usize> = b_match.iter().flatten().map(|(a, _)| *a).collect();
    for a in 0..ea.len() {
        if !matched.contains(&a) {
            diff.establishment_pairs.push(Pair {
                before: None,
                after: Some(a),
                matched_by: None,
            });
            diff.changes
                .push(row(ChangeKind::Added, None, Some(a), None));
        }
    }
}
