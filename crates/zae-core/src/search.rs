//! Search zones by their name and their tenants' names, ignoring case and accents and
//! tolerating small typos ("ecopark" finds "Écoparc Dijon Bourgogne"; "giphar" finds
//! Beauregard through its tenant GIPHAR). The index is built once per dataset change.

use crate::model::fold;
use crate::store::Dataset;

/// What the index is built from, taken from the dataset on the interface's thread without
/// parsing anything (the properties' text is shared, not copied).
pub struct SearchSource {
    /// Each zone's name, and its properties' text when it lists tenants.
    zones: Vec<(String, Option<std::sync::Arc<str>>)>,
    /// Establishments joined to a zone: the zone's position and the name.
    establishments: Vec<(usize, String)>,
}

impl SearchSource {
    pub fn of(dataset: &Dataset) -> Self {
        Self {
            zones: dataset
                .zones
                .iter()
                .map(|z| {
                    let json = z.properties.json();
                    let tenants = json.contains("\"tenants\"");
                    (
                        z.display_name().to_string(),
                        tenants.then(|| z.properties.shared_json()),
                    )
                })
                .collect(),
            establishments: dataset
                .establishments
                .iter()
                .filter_map(|e| Some((e.zone?, e.name.clone())))
                .collect(),
        }
    }
}

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
    /// Its folded words, as indices into the index's vocabulary.
    words: Vec<u32>,
    folded: String,
}

/// Names are made of few distinct words: each is compared with the query once per search,
/// not once per name, and only the names holding a matching word are looked at (an inverted
/// index: word → names).
#[derive(Default)]
pub struct SearchIndex {
    vocabulary: Vec<String>,
    entries: Vec<Entry>,
    /// For each word of the vocabulary, the entries holding it (ascending, no repeats).
    postings: Vec<Vec<u32>>,
}

impl SearchIndex {
    pub fn build(dataset: &Dataset) -> Self {
        Self::from_source(SearchSource::of(dataset))
    }

    /// Builds the index from what [`SearchSource::of`] took (on a worker thread: parsing every
    /// zone's tenants takes ~0.6 s at 100,000 zones).
    pub fn from_source(source: SearchSource) -> Self {
        let mut entries = Vec::new();
        let mut vocabulary: Vec<String> = Vec::new();
        let mut ids: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        let mut push = |zone: usize, text: &str| {
            let folded = fold(text);
            let words = folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| {
                    *ids.entry(w.to_string()).or_insert_with(|| {
                        vocabulary.push(w.to_string());
                        (vocabulary.len() - 1) as u32
                    })
                })
                .collect();
            entries.push(Entry {
                zone,
                text: text.to_string(),
                words,
                folded,
            });
        };
        for (i, (name, properties)) in source.zones.iter().enumerate() {
            push(i, name);
            // Tenants from the zone's own data, read without keeping the parsed properties.
            if let Some(json) = properties {
                for name in tenant_names(json) {
                    push(i, &name);
                }
            }
        }
        for (zone, name) in &source.establishments {
            push(*zone, name);
        }
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocabulary.len()];
        for (e, entry) in entries.iter().enumerate() {
            for &w in &entry.words {
                let list = &mut postings[w as usize];
                if list.last() != Some(&(e as u32)) {
                    list.push(e as u32);
                }
            }
        }
        Self {
            vocabulary,
            entries,
            postings,
        }
    }

    /// The entries that may match: for every query word, the entry holds a word it matches
    /// (prefix, small typo) or a word it is part of (so that a query found whole inside a name,
    /// "p nord" in "cap nord", is still looked at). Ascending entry numbers.
    fn candidates(&self, tokens: &[&str], word_scores: &[Vec<Option<u32>>]) -> Vec<u32> {
        // Which vocabulary words each query word may stand for.
        let wanted: Vec<Vec<bool>> = tokens
            .iter()
            .zip(word_scores)
            .map(|(token, scores)| {
                self.vocabulary
                    .iter()
                    .zip(scores)
                    .map(|(w, s)| s.is_some() || w.contains(token))
                    .collect()
            })
            .collect();
        // Start from the query word with the fewest entries, then keep those matching the rest.
        let sizes: Vec<usize> = wanted
            .iter()
            .map(|words| {
                words
                    .iter()
                    .zip(&self.postings)
                    .filter(|(w, _)| **w)
                    .map(|(_, p)| p.len())
                    .sum()
            })
            .collect();
        let Some(first) = (0..tokens.len()).min_by_key(|&t| sizes[t]) else {
            return Vec::new();
        };
        let mut found: Vec<u32> = wanted[first]
            .iter()
            .zip(&self.postings)
            .filter(|(w, _)| **w)
            .flat_map(|(_, p)| p.iter().copied())
            .collect();
        found.sort_unstable();
        found.dedup();
        found.retain(|&e| {
            let words = &self.entries[e as usize].words;
            wanted
                .iter()
                .enumerate()
                .all(|(t, ok)| t == first || words.iter().any(|&w| ok[w as usize]))
        });
        found
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
        // Score of every vocabulary word for every query word (None: no match).
        let word_scores: Vec<Vec<Option<u32>>> = tokens
            .iter()
            .map(|t| self.vocabulary.iter().map(|w| word_score(t, w)).collect())
            .collect();
        let mut best: std::collections::HashMap<usize, SearchHit> =
            std::collections::HashMap::new();
        for e in self.candidates(&tokens, &word_scores) {
            let entry = &self.entries[e as usize];
            let Some(score) = score(entry, &query, &word_scores) else {
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

/// Tenant names in a properties object, reading only its `tenants` member (objects with a
/// `name`, or strings); anything else there is ignored.
fn tenant_names(properties_json: &str) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Props {
        #[serde(default)]
        tenants: Option<Vec<serde_json::Value>>,
    }
    let Ok(props) = serde_json::from_str::<Props>(properties_json) else {
        return Vec::new();
    };
    props
        .tenants
        .unwrap_or_default()
        .into_iter()
        .filter_map(|t| match t {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Object(o) => {
                crate::io::schema::text(&o, &["name", "nom", "etab_nom", "etab_raison_sociale"])
            }
            _ => None,
        })
        .collect()
}

/// 0 for the whole query inside the name; else the sum over query words of 1 (prefix of a
/// word) or 2 + edit distance (a word within 1 edit, 2 for long words); `None` if a word
/// matches nothing.
fn score(entry: &Entry, query: &str, word_scores: &[Vec<Option<u32>>]) -> Option<u32> {
    if entry.folded.contains(query) {
        return Some(if entry.folded.starts_with(query) {
            0
        } else {
            1
        });
    }
    let mut total = 2;
    for scores in word_scores {
        total += entry
            .words
            .iter()
            .filter_map(|&w| scores.get(w as usize).copied().flatten())
            .min()?;
    }
    Some(total)
}

/// 1 when `word` starts with the query word `token`; 2 + edit distance when within 1 edit (2
/// for long query words); `None` otherwise.
fn word_score(token: &str, word: &str) -> Option<u32> {
    if word.starts_with(token) {
        return Some(1);
    }
    let allowed = match token.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    if allowed == 0 || word.len().abs_diff(token.len()) > allowed * 2 {
        return None;
    }
    let d = strsim::damerau_levenshtein(token, word);
    (d <= allowed).then_some(2 + d as u32)
}
