//! Search zones by their name and their tenants' names, ignoring case and accents and
//! tolerating small typos ("ecopark" finds "Écoparc Dijon Bourgogne"; "giphar" finds
//! Beauregard through its tenant GIPHAR). The index is built once per dataset change.

use crate::model::{Dataset, fold};

/// One result: the zone, and the name that matched (the zone's or a tenant's).
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    pub zone: usize,
    pub matched: String,
    /// Lower is better.
    pub score: u32,
}

struct Entry {
    zone: usize,
    /// As shown.
    text: String,
    /// Folded words.
    words: Vec<String>,
    folded: String,
}

#[derive(Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

impl SearchIndex {
    pub fn build(dataset: &Dataset) -> Self {
        let mut entries = Vec::new();
        let mut push = |zone: usize, text: &str| {
            let folded = fold(text);
            let words = folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            entries.push(Entry {
                zone,
                text: text.to_string(),
                words,
                folded,
            });
        };
        for (i, zone) in dataset.zones.iter().enumerate() {
            push(i, zone.display_name());
            // Tenants from the zone's own data, read without keeping the parsed properties.
            if zone.properties.json().contains("\"tenants\"")
                && let Ok(map) = serde_json::from_str(zone.properties.json())
            {
                for tenant in crate::io::schema::tenants(&map) {
                    push(i, &tenant.name);
                }
            }
        }
        for e in &dataset.establishments {
            if let Some(zone) = e.zone {
                push(zone, &e.name);
            }
        }
        Self { entries }
    }

    /// The best zones for `query`, one hit per zone, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let query = fold(query.trim());
        let tokens: Vec<&str> = query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if tokens.is_empty() {
            return Vec::new();
        }
        let mut best: std::collections::HashMap<usize, SearchHit> =
            std::collections::HashMap::new();
        for entry in &self.entries {
            let Some(score) = score(entry, &query, &tokens) else {
                continue;
            };
            let better = best.get(&entry.zone).is_none_or(|b| score < b.score);
            if better {
                best.insert(
                    entry.zone,
                    SearchHit {
                        zone: entry.zone,
                        matched: entry.text.clone(),
                        score,
                    },
                );
            }
        }
        let mut hits: Vec<SearchHit> = best.into_values().collect();
        // Ties: the shorter name is the closer match ("ZAE Cap Nord" before "Extension Cap Nord").
        hits.sort_by(|a, b| {
            (a.score, a.matched.chars().count(), &a.matched).cmp(&(
                b.score,
                b.matched.chars().count(),
                &b.matched,
            ))
        });
        hits.truncate(limit);
        hits
    }
}

/// 0 for the whole query inside the name; else the sum over query words of 1 (prefix of a
/// word) or 2 + edit distance (a word within 1 edit, 2 for long words); `None` if a word
/// matches nothing.
fn score(entry: &Entry, query: &str, tokens: &[&str]) -> Option<u32> {
    if entry.folded.contains(query) {
        return Some(if entry.folded.starts_with(query) {
            0
        } else {
            1
        });
    }
    let mut total = 2;
    for token in tokens {
        let allowed = match token.chars().count() {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        };
        let word_score = entry
            .words
            .iter()
            .filter_map(|w| {
                if w.starts_with(token) {
                    Some(1)
                } else {
                    let d = strsim::damerau_levenshtein(token, w);
                    (d <= allowed).then_some(2 + d as u32)
                }
            })
            .min()?;
        total += word_score;
    }
    Some(total)
}
