//! How a frame that has more to draw than its budgets allow gives up detail: the same way for
//! every zone in view, never by drawing order.
//!
//! - Fill: a coarser band for all; if even the coarsest band is too much, the zones under one
//!   size on screen are drawn as *sketches* (the four corner vertices of each ring) while the
//!   larger keep their shape.
//! - Outlines: every outline simplified more, to the same tolerance; if that is still too much,
//!   all zones under one size on screen go without an outline.
//!
//! Sizes are put in buckets on a log scale (eight per doubling), so that choosing a size is one
//! pass over the zones and no sort.

use crate::spatial::outline_level::KEEP;

/// Size buckets per doubling of the size on screen.
const BUCKETS_PER_OCTAVE: f32 = 8.0;
/// Buckets from the smallest size on (past 2¹⁶ times it, the last bucket).
pub const BUCKETS: usize = 128;

/// An amount (vertices, points) per size bucket.
pub type BySize = [usize; BUCKETS];

/// The bucket of a size `px` on screen, counted from `from_px`.
pub fn bucket(px: f32, from_px: f32) -> usize {
    if px.is_nan() || px <= from_px {
        return 0;
    }
    ((px / from_px).log2() * BUCKETS_PER_OCTAVE)
        .floor()
        .clamp(0.0, (BUCKETS - 1) as f32) as usize
}

/// The smallest size (pixels) of a bucket.
pub fn bucket_px(bucket: usize, from_px: f32) -> f32 {
    from_px * (bucket as f32 / BUCKETS_PER_OCTAVE).exp2()
}

/// The first bucket `c` such that the zones in buckets from `c` up drawn in full (`full`) and
/// those below drawn small (`small`) fit `budget`; [`BUCKETS`] when only all-small fits, or
/// nothing does (then all small: the least there is).
pub fn size_cut(full: &BySize, small: &BySize, budget: usize) -> usize {
    let mut above: usize = full.iter().sum();
    let mut below = 0usize;
    for c in 0..BUCKETS {
        if above + below <= budget {
            return c;
        }
        above -= full[c];
        below += small[c];
    }
    BUCKETS
}

/// Vertices of the outlines in view by level (see `spatial::outline_level`).
pub type ByLevel = [usize; KEEP as usize + 1];

/// Adds to `levels` the outlines of a ladder: `all` points, of which `ladder[k]` are kept at
/// level `step(k)` (increasing). Each step's points are put at the highest level before the
/// next step, so that the points counted at any threshold are never fewer than those kept there
/// (and exactly those at a step).
pub fn add_ladder(levels: &mut ByLevel, all: usize, ladder: &[usize], step: impl Fn(usize) -> u8) {
    let top = levels.len() - 2; // under KEEP: every threshold a frame tries counts them
    let mut above = all;
    for (k, &kept) in ladder.iter().enumerate() {
        let at = usize::from(step(k)).saturating_sub(1).min(top);
        if let Some(slot) = levels.get_mut(at) {
            *slot += above.saturating_sub(kept);
        }
        above = kept;
    }
    if let Some(slot) = levels.get_mut(top) {
        *slot += above;
    }
}

/// The lowest level threshold, at most `max`, at which the outlines fit `budget`; `None` when
/// they do not even at `max`.
pub fn outline_threshold(levels: &ByLevel, budget: usize, max: u8) -> Option<u8> {
    let mut kept: usize = levels.iter().sum();
    for t in 0..=max {
        if kept <= budget {
            return Some(t);
        }
        kept -= levels[usize::from(t)];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_grow_by_an_eighth_of_an_octave() {
        assert_eq!(bucket(3.0, 3.0), 0);
        assert_eq!(bucket(6.0, 3.0), 8);
        assert_eq!(bucket(1e9, 3.0), BUCKETS - 1);
        assert_eq!(bucket(f32::NAN, 3.0), 0);
        for b in [0, 5, 8, 40] {
            assert_eq!(bucket(bucket_px(b, 3.0) * 1.001, 3.0), b);
        }
    }

    #[test]
    fn the_size_cut_keeps_the_large_zones_whole() {
        let mut full = [0; BUCKETS];
        let mut small = [0; BUCKETS];
        // 100 zones of 40 vertices in each of buckets 0..10; small: 4 each.
        for b in 0..10 {
            full[b] = 4_000;
            small[b] = 400;
        }
        assert_eq!(size_cut(&full, &small, 40_000), 0, "all fit");
        // Buckets 0..4 small (1,600), 4..10 full (24,000).
        assert_eq!(size_cut(&full, &small, 25_600), 4);
        assert_eq!(size_cut(&full, &small, 25_599), 5);
        assert_eq!(
            size_cut(&full, &small, 10),
            BUCKETS,
            "nothing fits: all small"
        );
    }

    #[test]
    fn a_ladder_counts_exactly_at_its_steps_and_never_less_between() {
        let mut levels = [0; KEEP as usize + 1];
        // 100 points; 60 kept at level 10, 30 at 12, 5 at 14.
        add_ladder(&mut levels, 100, &[60, 30, 5], |k| 10 + 2 * k as u8);
        let kept = |t: usize| levels[t..].iter().sum::<usize>();
        assert_eq!(kept(0), 100);
        assert_eq!(kept(9), 100);
        assert_eq!(kept(10), 60);
        assert_eq!(kept(11), 60);
        assert_eq!(kept(12), 30);
        assert_eq!(kept(13), 30);
        assert_eq!(kept(14), 5);
        assert_eq!(kept(200), 5);
        assert_eq!(kept(KEEP as usize), 0, "sketches are counted apart");
        assert_eq!(outline_threshold(&levels, 30, 100), Some(12));
        assert_eq!(outline_threshold(&levels, 29, 100), Some(14));
    }

    #[test]
    fn the_outline_threshold_is_the_lowest_that_fits() {
        let mut levels = [0; KEEP as usize + 1];
        levels[0] = 100;
        levels[50] = 1_000;
        levels[KEEP as usize] = 400;
        assert_eq!(outline_threshold(&levels, 1_500, 100), Some(0));
        assert_eq!(outline_threshold(&levels, 1_400, 100), Some(1));
        assert_eq!(outline_threshold(&levels, 1_000, 100), Some(51));
        assert_eq!(outline_threshold(&levels, 1_000, 50), None);
    }
}
