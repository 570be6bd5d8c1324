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
    /// Its length in characters (ties go to the shorter name).
    chars: u32,
    /// Its folded words, as indices into the index's vocabulary.
    words: Vec<u32>,
    folded: String,
}

/// Names are made of few distinct words: each is compared with the query once per search,
/// not once per name, and only the names holding a matching word are looked at (an inverted
/// index: word → names).
#[derive(Default)]
pub struct SearchIndex {
    /// Zones indexed (entries name zones `0..zones`).
    zones: usize,
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
                chars: u32::try_from(text.chars().count()).unwrap_or(u32::MAX),
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
        let zones = entries.iter().map(|e| e.zone + 1).max().unwrap_or(0);
        Self {
            zones,
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
        // The entries of the rarest query word, marked in a bit set and read back in order
        // (cheaper than sorting and de-duplicating the concatenated lists).
        let mut marks = vec![0u64; self.entries.len().div_ceil(64)];
        for (_, list) in wanted[first]
            .iter()
            .zip(&self.postings)
            .filter(|(w, _)| **w)
        {
            for &e in list {
                marks[e as usize / 64] |= 1 << (e % 64);
            }
        }
        let mut found: Vec<u32> = Vec::with_capacity(sizes[first]);
        for (block, &bits) in marks.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                let bit = bits.trailing_zeros();
                found.push(block as u32 * 64 + bit);
                bits &= bits - 1;
            }
        }
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
        // The best entry of each zone (the first one at its best score), by zone.
        const NONE: u32 = u32::MAX;
        let mut best: Vec<(u32, u32)> = vec![(NONE, NONE); self.zones];
        let mut zones_hit: Vec<u32> = Vec::new();
        for e in self.candidates(&tokens, &word_scores) {
            let entry = &self.entries[e as usize];
            let Some(score) = score(entry, &query, &word_scores) else {
                continue;
            };
            let Some(slot) = best.get_mut(entry.zone) else {
                continue;
            };
            if slot.1 == NONE {
                zones_hit.push(entry.zone as u32);
            }
            if score < slot.0 {
                *slot = (score, e);
            }
        }
        // Ties: the shorter name is the closer match ("ZAE Cap Nord" before "Extension Cap
        // Nord"), then the alphabet. Only the first `limit` are put in order.
        let key = |zone: u32| {
            let (score, e) = best[zone as usize];
            let entry = &self.entries[e as usize];
            (score, entry.chars, entry.text.as_str())
        };
        let order = |a: &u32, b: &u32| key(*a).cmp(&key(*b));
        if limit == 0 {
            return Vec::new();
        }
        if zones_hit.len() > limit {
            zones_hit.select_nth_unstable_by(limit - 1, order);
            zones_hit.truncate(limit);
        }
        zones_hit.sort_unstable_by(order);
        zones_hit
            .into_iter()
            .map(|zone| {
                let (score, e) = best[zone as usize];
                SearchHit {
                    zone: zone as usize,
                    matched: self.entries[e as usize].text.clone(),
                    score,
                }
            })
            .collect()
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
