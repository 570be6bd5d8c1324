//! Comparing two generated inventories (issue target: 10,000 zones and 100,000 plots each,
//! 5 % changed, diff in ≤ 2 s, heap peak of the diff ≤ 2× the inventories' input size).
//!
//!     cargo bench --bench diff        # 10,000 zones, 100,000 plots (criterion, then memory)
//!     cargo test --bench diff         # a 500-zone smoke run (also under cargo test)
//!
//! The two inventories are made here, deterministically, as CNIG-like GeoJSON (site-eco and
//! terrain-eco), read by the app's reader, then compared. What changes from before to after,
//! zone `i` / plot `p` (1 % each, so 5 % of the zones and 5 % of the plots change):
//! - zones: `i % 100` 0 removed, 1 renamed, 2 jobs changed, 3 outline grown 30 %, 4 state
//!   changed; and 1 % new zones added;
//! - plots: `p % 100` 5 sold (en vente → vendu), 6 removed, 7 occupation changed, 8 split in
//!   two (new ids), 9 renumbered (found again by overlap).
//!
//! The memory figure uses a counting global allocator (as benches/memory.rs): the heap's peak
//! during the comparison, against the size of the four GeoJSON texts read.

mod common;

use std::hint::black_box;
use std::sync::atomic::Ordering;
use std::time::Instant;

use common::inventory::{PLOTS_PER_ZONE, Texts, inventories};
use criterion::{Criterion, criterion_group};
use zae_atlas::diff::{self, ChangeKind};
use zae_atlas::store::Dataset;

#[path = "../tests/common/alloc.rs"]
mod alloc;

#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

fn read(texts: &Texts) -> Dataset {
    let mut data = Dataset::default();
    for (name, text) in [
        ("site-eco.geojson", &texts.sites),
        ("terrain-eco.geojson", &texts.plots),
    ] {
        let file = zae_atlas::io::load_bytes(name, text.as_bytes(), &mut |_| true)
            .expect("generated data loads");
        data.add_loaded(file, name, None);
    }
    data
}

fn sizes() -> usize {
    // `cargo test --all-targets` runs benches once as a smoke test (no `--bench` argument).
    if std::env::args().any(|a| a == "--bench") {
        10_000
    } else {
        500
    }
}

fn bench_diff(c: &mut Criterion) {
    let n = sizes();
    let (before, after) = inventories(n, 7);
    let (before, after) = (read(&before), read(&after));
    assert_eq!(before.plots.len(), n * PLOTS_PER_ZONE);
    let mut group = c.benchmark_group("diff");
    group.sample_size(10);
    group.bench_function(format!("{n}_zones_{}_plots", n * PLOTS_PER_ZONE), |b| {
        b.iter(|| black_box(diff::compare(&before, &after)))
    });
    group.finish();
}

/// The changes found, checked against what was made, and the heap's peak during the diff.
fn check_and_measure() {
    let n = sizes();
    let (before_text, after_text) = inventories(n, 7);
    let input = before_text.sites.len()
        + before_text.plots.len()
        + after_text.sites.len()
        + after_text.plots.len();
    let (before, after) = (read(&before_text), read(&after_text));
    drop((before_text, after_text));
    let start = alloc::live();
    alloc::PEAK.store(start, Ordering::Relaxed);
    let started = Instant::now();
    let d = diff::compare(&before, &after);
    let took = started.elapsed();
    let peak = alloc::PEAK.load(Ordering::Relaxed) - start;
    let s = &d.summary;
    let per_100 = n / 100;
    assert_eq!(s.zones_removed, per_100);
    assert_eq!(s.zones_added, per_100);
    assert_eq!(d.count(ChangeKind::Renamed), per_100);
    // One plot in a hundred is sold, split...: but not those of the removed zones.
    let plots_changed = n * PLOTS_PER_ZONE / 100 - per_100;
    assert_eq!(s.plots_sold, plots_changed);
    assert_eq!(s.plots_split, plots_changed);
    // Changed: jobs, outline and state of zones; occupation of plots; and the vacancy rate of
    // each zone where a plot became vacant.
    assert_eq!(
        d.count(ChangeKind::Changed),
        3 * per_100 + 2 * plots_changed
    );
    let mib = |b: f64| b / (1024.0 * 1024.0);
    println!(
        "diff of {n} zones / {} plots: {:.3} s, {} changes; heap peak {:.1} MiB for {:.1} MiB of input ({:.2}×)",
        n * PLOTS_PER_ZONE,
        took.as_secs_f64(),
        d.changes.len(),
        mib(peak as f64),
        mib(input as f64),
        peak as f64 / input as f64
    );
}

criterion_group!(benches, bench_diff);

fn main() {
    check_and_measure();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
