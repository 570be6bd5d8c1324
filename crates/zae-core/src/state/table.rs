//! The attribute table's order: a column, up or down, unknown values last.

use crate::store::Dataset;

/// A column of the attribute table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortColumn {
    #[default]
    Name,
    Commune,
    Vocation,
    Surface,
    Jobs,
    JobsPerHa,
    Establishments,
}

/// How the attribute table is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TableSort {
    pub column: SortColumn,
    pub descending: bool,
}

/// Sorts zone indices by a column; unknown values always last.
pub fn sort_rows(dataset: &Dataset, rows: &mut [usize], sort: TableSort) {
    use std::cmp::Ordering;
    let text = |i: usize| -> Option<String> {
        let z = &dataset.zones[i];
        match sort.column {
            SortColumn::Name => Some(crate::model::fold(z.display_name())),
            SortColumn::Commune => z.commune.as_deref().map(crate::model::fold),
            SortColumn::Vocation => Some(z.vocation.label()),
            _ => None,
        }
    };
    let number = |i: usize| -> Option<f64> {
        let z = &dataset.zones[i];
        match sort.column {
            SortColumn::Surface => z.surface_declared_ha,
            SortColumn::Jobs => z.jobs,
            SortColumn::JobsPerHa => dataset.zones[i].jobs_per_ha(),
            SortColumn::Establishments => dataset.establishment_count(i),
            _ => None,
        }
    };
    let known_first = |a: Option<Ordering>, a_known: bool, b_known: bool| match (a_known, b_known) {
        (true, true) => a.unwrap_or(Ordering::Equal),
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => Ordering::Equal,
    };
    rows.sort_by(|&a, &b| {
        let ord = match sort.column {
            SortColumn::Name | SortColumn::Commune | SortColumn::Vocation => {
                let (x, y) = (text(a), text(b));
                let o = match (&x, &y) {
                    (Some(x), Some(y)) => Some(if sort.descending { y.cmp(x) } else { x.cmp(y) }),
                    _ => None,
                };
                known_first(o, x.is_some(), y.is_some())
            }
            _ => {
                let (x, y) = (number(a), number(b));
                let o = match (x, y) {
                    (Some(x), Some(y)) => Some(if sort.descending {
                        y.total_cmp(&x)
                    } else {
                        x.total_cmp(&y)
                    }),
                    _ => None,
                };
                known_first(o, x.is_some(), y.is_some())
            }
        };
        ord.then(a.cmp(&b))
    });
}
