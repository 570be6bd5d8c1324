//! Filters on zones, written as text: `commune = Longvic and surface >= 10`. Used by the
//! headless export (`--filter`) and shareable with the UI. Text comparisons ignore case and
//! accents; a zone whose value is unknown never passes a comparison on it.
//!
//! Fields: `name`, `commune`, `vocation`, `state`, `surface` (declared, ha), `jobs`,
//! `establishments`. Operators: `=`, `!=`, `<`, `<=`, `>`, `>=`, `~` (contains).

use crate::model::{Zone, fold};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Name,
    Commune,
    Vocation,
    State,
    Surface,
    Jobs,
    Establishments,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Contains,
}

#[derive(Clone, Debug, PartialEq)]
struct Clause {
    field: Field,
    op: Op,
    value: String,
    number: Option<f64>,
}

/// All clauses must hold (`and`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    clauses: Vec<Clause>,
}

impl Filter {
    pub fn parse(expr: &str) -> Result<Filter, String> {
        let mut clauses = Vec::new();
        for part in split_and(expr) {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let (pos, op_text, op) = ["!=", "<=", ">=", "=", "<", ">", "~"]
                .iter()
                .filter_map(|t| part.find(t).map(|p| (p, *t)))
                .min_by_key(|(p, t)| (*p, std::cmp::Reverse(t.len())))
                .map(|(p, t)| (p, t, op_of(t)))
                .ok_or_else(|| {
                    format!("\"{part}\": expected field, operator and value (e.g. surface >= 10)")
                })?;
            let field_text = part[..pos].trim();
            let value = part[pos + op_text.len()..]
                .trim()
                .trim_matches('"')
                .to_string();
            let field = field_of(field_text).ok_or_else(|| {
                format!(
                    "unknown field \"{field_text}\" (use name, commune, vocation, state, surface, jobs, establishments)"
                )
            })?;
            let numeric = matches!(field, Field::Surface | Field::Jobs | Field::Establishments);
            let number = value.replace(',', ".").parse::<f64>().ok();
            if numeric && number.is_none() {
                return Err(format!("\"{part}\": {field_text} needs a number"));
            }
            if !numeric && !matches!(op, Op::Eq | Op::Ne | Op::Contains) {
                return Err(format!("\"{part}\": {field_text} is text: use =, != or ~"));
            }
            clauses.push(Clause {
                field,
                op,
                value: fold(&value),
                number,
            });
        }
        Ok(Filter { clauses })
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    pub fn matches(&self, zone: &Zone) -> bool {
        self.clauses.iter().all(|c| c.matches(zone))
    }
}

fn split_and(expr: &str) -> Vec<&str> {
    let lower = expr.to_ascii_lowercase();
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, _) in lower.match_indices(" and ") {
        parts.push(&expr[start..i]);
        start = i + 5;
    }
    parts.push(&expr[start..]);
    parts
}

fn op_of(text: &str) -> Op {
    match text {
        "!=" => Op::Ne,
        "<=" => Op::Le,
        ">=" => Op::Ge,
        "<" => Op::Lt,
        ">" => Op::Gt,
        "~" => Op::Contains,
        _ => Op::Eq,
    }
}

fn field_of(text: &str) -> Option<Field> {
    Some(match fold(text).as_str() {
        "name" | "nom" => Field::Name,
        "commune" => Field::Commune,
        "vocation" => Field::Vocation,
        "state" | "etat" => Field::State,
        "surface" | "surface_ha" | "area" => Field::Surface,
        "jobs" | "emplois" => Field::Jobs,
        "establishments" | "etablissements" => Field::Establishments,
        _ => return None,
    })
}

impl Clause {
    fn matches(&self, zone: &Zone) -> bool {
        let number = match self.field {
            Field::Surface => Some(zone.surface_declared_ha),
            Field::Jobs => Some(zone.jobs),
            Field::Establishments => Some(zone.establishments),
            _ => None,
        };
        if let Some(value) = number {
            let (Some(v), Some(n)) = (value, self.number) else {
                return false;
            };
            return match self.op {
                Op::Eq => (v - n).abs() < 1e-9,
                Op::Ne => (v - n).abs() >= 1e-9,
                Op::Lt => v < n,
                Op::Le => v <= n,
                Op::Gt => v > n,
                Op::Ge => v >= n,
                Op::Contains => false,
            };
        }
        let text = match self.field {
            Field::Name => zone.name.clone(),
            Field::Commune => zone.commune.clone(),
            Field::Vocation => Some(format!(
                "{} {}",
                zone.vocation.label_fr(),
                zone.vocation.label_en()
            )),
            Field::State => zone.state(),
            _ => None,
        };
        let Some(text) = text.map(|t| fold(&t)) else {
            return false;
        };
        match self.op {
            Op::Eq if self.field == Field::Vocation => text.contains(&self.value),
            Op::Eq => text == self.value,
            Op::Ne => text != self.value,
            Op::Contains => text.contains(&self.value),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!(
            Filter::parse("surface >= 10 and commune = Longvic").map(|f| f.clauses.len()),
            Ok(2)
        );
        assert!(Filter::parse("colour = red").is_err());
        assert!(Filter::parse("surface >= big").is_err());
        assert!(Filter::parse("commune > A").is_err());
        assert!(Filter::parse("").is_ok_and(|f| f.is_empty()));
    }
}

/// The filter the planner sets in the UI: each part is optional; all set parts must hold.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ZoneFilter {
    /// Vocations shown; empty = all.
    pub vocations: std::collections::BTreeSet<crate::model::Vocation>,
    pub commune: Option<String>,
    /// `site_etat` as written (e.g. "existant et actif").
    pub state: Option<String>,
    pub surface_min_ha: Option<f64>,
    pub surface_max_ha: Option<f64>,
    pub jobs_min: Option<f64>,
    pub jobs_max: Option<f64>,
    /// Only zones with plots for sale.
    pub available_land: bool,
}

impl ZoneFilter {
    pub fn is_active(&self) -> bool {
        *self != ZoneFilter::default()
    }

    pub fn matches(&self, dataset: &crate::store::Dataset, zone_index: usize) -> bool {
        let Some(zone) = dataset.zones.get(zone_index) else {
            return false;
        };
        let within = |v: Option<f64>, min: Option<f64>, max: Option<f64>| {
            if min.is_none() && max.is_none() {
                return true;
            }
            // Unknown values do not pass a range.
            v.is_some_and(|v| min.is_none_or(|m| v >= m) && max.is_none_or(|m| v <= m))
        };
        (self.vocations.is_empty() || self.vocations.contains(&zone.vocation))
            && self.commune.as_ref().is_none_or(|c| {
                zone.commune
                    .as_deref()
                    .is_some_and(|zc| fold(zc) == fold(c))
            })
            && within(
                zone.surface_declared_ha,
                self.surface_min_ha,
                self.surface_max_ha,
            )
            && within(zone.jobs, self.jobs_min, self.jobs_max)
            && self
                .state
                .as_ref()
                .is_none_or(|s| zone.state().is_some_and(|zs| fold(&zs) == fold(s)))
            && (!self.available_land || dataset.land_stats(zone_index).plots_for_sale > 0)
    }

    /// One short text per active part, for the chip row.
    pub fn chips(&self) -> Vec<(FilterPart, String)> {
        let mut chips = Vec::new();
        if !self.vocations.is_empty() {
            let names: Vec<String> = self.vocations.iter().map(|v| v.label()).collect();
            chips.push((
                FilterPart::Vocation,
                crate::t!("chip-vocation", values = names.join(", ")),
            ));
        }
        if let Some(c) = &self.commune {
            chips.push((FilterPart::Commune, crate::t!("chip-commune", value = c)));
        }
        if let Some(s) = &self.state {
            chips.push((FilterPart::State, crate::t!("chip-state", value = s)));
        }
        let range = |min: Option<f64>, max: Option<f64>, unit: &str| match (min, max) {
            (Some(a), Some(b)) => Some(format!("{a}–{b}{unit}")),
            (Some(a), None) => Some(format!(">= {a}{unit}")),
            (None, Some(b)) => Some(format!("<= {b}{unit}")),
            (None, None) => None,
        };
        if let Some(r) = range(self.surface_min_ha, self.surface_max_ha, " ha") {
            chips.push((FilterPart::Surface, crate::t!("chip-surface", range = r)));
        }
        if let Some(r) = range(self.jobs_min, self.jobs_max, "") {
            chips.push((FilterPart::Jobs, crate::t!("chip-jobs", range = r)));
        }
        if self.available_land {
            chips.push((FilterPart::AvailableLand, crate::t!("chip-land")));
        }
        chips
    }

    pub fn clear(&mut self, part: FilterPart) {
        match part {
            FilterPart::Vocation => self.vocations.clear(),
            FilterPart::Commune => self.commune = None,
            FilterPart::State => self.state = None,
            FilterPart::Surface => (self.surface_min_ha, self.surface_max_ha) = (None, None),
            FilterPart::Jobs => (self.jobs_min, self.jobs_max) = (None, None),
            FilterPart::AvailableLand => self.available_land = false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterPart {
    Vocation,
    Commune,
    State,
    Surface,
    Jobs,
    AvailableLand,
}
