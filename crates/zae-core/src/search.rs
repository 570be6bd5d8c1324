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
    /// For each word of the vocabulary: its length in characters and which letters it holds
    /// (see [`letter_bit`]), to rule most words out of a query word without reading them.
    shapes: Vec<(u32, u64)>,
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
        // Entries in ranking order (shorter names first, then the alphabet): a search reads its
        // candidates in that order and can stop once it holds enough exact matches.
        entries.sort_by(|a, b| (a.chars, &a.text, a.zone).cmp(&(b.chars, &b.text, b.zone)));
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
        let shapes = vocabulary
            .iter()
            .map(|w| {
                let chars = u32::try_from(w.chars().count()).unwrap_or(u32::MAX);
                (chars, w.chars().fold(0, |m, c| m | letter_bit(c)))
            })
            .collect();
        Self {
            zones,
            shapes,
            vocabulary,
            entries,
            postings,
        }
    }

    /// The entries that may match: for every query word, the entry holds a word it matches
    /// (prefix, small typo) or a word it is part of (so that a query found whole inside a name,
    /// "p nord" in "cap nord", is still looked at). Called in ascending entry numbers (the
    /// ranking order) until `visit` says stop.
    fn candidates(
        &self,
        matches: &[Vec<u8>],
        mut visit: impl FnMut(u32) -> std::ops::ControlFlow<()>,
    ) {
        // A query word may stand for every vocabulary word it matches in any way. Start from
        // the query word with the fewest entries, then keep those matching the rest.
        let sizes: Vec<usize> = matches
            .iter()
            .map(|m| {
                m.iter()
                    .zip(&self.postings)
                    .filter(|(m, _)| **m != NO_MATCH)
                    .map(|(_, p)| p.len())
                    .sum()
            })
            .collect();
        let Some(first) = (0..matches.len()).min_by_key(|&t| sizes[t]) else {
            return;
        };
        // The entries of the rarest query word, marked in a bit set and read back in order
        // (cheaper than sorting and de-duplicating the concatenated lists).
        let mut marks = vec![0u64; self.entries.len().div_ceil(64)];
        for (_, list) in matches[first]
            .iter()
            .zip(&self.postings)
            .filter(|(m, _)| **m != NO_MATCH)
        {
            for &e in list {
                marks[e as usize / 64] |= 1 << (e % 64);
            }
        }
        let holds_the_rest = |e: u32| {
            let words = &self.entries[e as usize].words;
            matches
                .iter()
                .enumerate()
                .all(|(t, m)| t == first || words.iter().any(|&w| m[w as usize] != NO_MATCH))
        };
        for (block, &bits) in marks.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                let e = block as u32 * 64 + bits.trailing_zeros();
                bits &= bits - 1;
                if holds_the_rest(e) && visit(e).is_break() {
                    return;
                }
            }
        }
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
        if limit == 0 {
            return Vec::new();
        }
        // How every vocabulary word matches every query word, and whether every query word is
        // inside some word (else no name holds the whole query).
        let mut whole_possible = true;
        let matches: Vec<Vec<u8>> = tokens
            .iter()
            .map(|t| {
                let word = QueryWord::new(t);
                let mut inside = false;
                let m = self
                    .vocabulary
                    .iter()
                    .zip(&self.shapes)
                    .map(|(w, &shape)| {
                        let (m, holds) = word.matches(w, shape);
                        inside |= holds;
                        m
                    })
                    .collect();
                whole_possible &= inside;
                m
            })
            .collect();
        // The lowest score an entry can have: 0 when the whole query may be inside a name,
        // else 2 + each query word's best word score.
        let lowest = if whole_possible {
            0
        } else {
            let mut lowest = 2;
            for m in &matches {
                match m.iter().filter(|&&m| m <= MAX_SCORE).min() {
                    Some(&best) => lowest += u32::from(best),
                    // A query word nothing matches: no name can match the query.
                    None => return Vec::new(),
                }
            }
            lowest
        };
        // The best entry of each zone, by zone: its lowest score, and at that score the first
        // in ranking order (the shortest name).
        const NONE: u32 = u32::MAX;
        let mut best: Vec<(u32, u32)> = vec![(NONE, NONE); self.zones];
        let mut zones_hit: Vec<u32> = Vec::new();
        // Zones at the lowest score possible. Candidates come shortest first, so once `limit`
        // zones are there, no later entry can rank before them.
        let mut exact = 0;
        self.candidates(&matches, |e| {
            let entry = &self.entries[e as usize];
            let Some(score) = score(entry, &query, &matches) else {
                return std::ops::ControlFlow::Continue(());
            };
            let Some(slot) = best.get_mut(entry.zone) else {
                return std::ops::ControlFlow::Continue(());
            };
            if slot.1 == NONE {
                zones_hit.push(entry.zone as u32);
            }
            if score < slot.0 {
                if score == lowest {
                    exact += 1;
                }
                *slot = (score, e);
            }
            if exact >= limit {
                std::ops::ControlFlow::Break(())
            } else {
                std::ops::ControlFlow::Continue(())
            }
        });
        // Ties: the shorter name is the closer match ("ZAE Cap Nord" before "Extension Cap
        // Nord"), then the alphabet. Only the first `limit` are put in order.
        let key = |zone: u32| {
            let (score, e) = best[zone as usize];
            let entry = &self.entries[e as usize];
            (score, entry.chars, entry.text.as_str())
        };
        let order = |a: &u32, b: &u32| key(*a).cmp(&key(*b));
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
fn score(entry: &Entry, query: &str, matches: &[Vec<u8>]) -> Option<u32> {
    if entry.folded.contains(query) {
        return Some(if entry.folded.starts_with(query) {
            0
        } else {
            1
        });
    }
    let mut total = 2;
    for m in matches {
        let best = entry
            .words
            .iter()
            .filter_map(|&w| m.get(w as usize).copied())
            .filter(|&m| m <= MAX_SCORE)
            .min()?;
        total += u32::from(best);
    }
    Some(total)
}

/// How a vocabulary word matches a query word, when it scores nothing: it holds the query
/// word inside it ("cap" for "p"), or nothing at all.
const INSIDE: u8 = 254;
const NO_MATCH: u8 = 255;
/// Word scores go from 1 (a prefix) to 2 + 2 edits.
const MAX_SCORE: u8 = 4;

/// A query word, prepared once a search to be compared with every word of the vocabulary.
struct QueryWord<'a> {
    text: &'a str,
    chars: usize,
    /// Edits tolerated: none up to 3 letters, 1 up to 7, else 2.
    allowed: usize,
    /// Which characters it holds (one bit per character, folded modulo 64).
    letters: u64,
}

fn letter_bit(c: char) -> u64 {
    1 << (c as u32 % 64)
}

impl<'a> QueryWord<'a> {
    fn new(text: &'a str) -> Self {
        let chars = text.chars().count();
        Self {
            text,
            chars,
            allowed: match chars {
                0..=3 => 0,
                4..=7 => 1,
                _ => 2,
            },
            letters: text.chars().fold(0, |m, c| m | letter_bit(c)),
        }
    }

    /// How `word` (of `chars` characters holding `letters`) matches: 1 when it starts with
    /// the query word; 2 + edit distance when within the edits tolerated; [`INSIDE`] when it
    /// holds the query word elsewhere; [`NO_MATCH`] otherwise. And whether it holds the query
    /// word at all (whatever its score).
    fn matches(&self, word: &str, (chars, letters): (u32, u64)) -> (u8, bool) {
        // A word lacking one of the query word's letters neither starts with it nor holds it.
        let holds = self.letters & !letters == 0 && word.contains(self.text);
        if holds && word.starts_with(self.text) {
            return (1, true);
        }
        if self.allowed > 0
            // Cheap bounds first, for most of a large vocabulary on every keystroke: an edit
            // changes the length by one at most, and each letter of `word` that the query
            // word lacks needs an edit of its own.
            && (chars as usize).abs_diff(self.chars) <= self.allowed
            && (letters & !self.letters).count_ones() as usize <= self.allowed
        {
            // Optimal string alignment: edits and adjacent swaps ("entrepirse"), with no
            // allocation per alphabet as the unrestricted Damerau distance needs.
            let d = strsim::osa_distance(self.text, word);
            if d <= self.allowed {
                return (2 + d as u8, holds);
            }
        }
        (if holds { INSIDE } else { NO_MATCH }, holds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Zones "Parc 0".."Parc 1999", each with a tenant "Entreprise N SAS".
    fn index() -> SearchIndex {
        let zones = (0..2000)
            .map(|i| {
                let json = format!(r#"{{"tenants":[{{"name":"Entreprise {i} SAS"}}]}}"#);
                (
                    format!("Parc {i}"),
                    Some(std::sync::Arc::from(json.as_str())),
                )
            })
            .collect();
        SearchIndex::from_source(SearchSource {
            zones,
            establishments: Vec::new(),
        })
    }

    /// Every entry scored, no early stop: each zone's best (score, length, text), in order.
    fn reference(index: &SearchIndex, query: &str, limit: usize) -> Vec<(usize, u32, String)> {
        let folded = fold(query.trim());
        let tokens: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let matches: Vec<Vec<u8>> = tokens
            .iter()
            .map(|t| {
                let word = QueryWord::new(t);
                index
                    .vocabulary
                    .iter()
                    .zip(&index.shapes)
                    .map(|(w, &shape)| word.matches(w, shape).0)
                    .collect()
            })
            .collect();
        let mut best: std::collections::HashMap<usize, (u32, u32, String)> = Default::default();
        for entry in &index.entries {
            if let Some(s) = score(entry, &folded, &matches) {
                let key = (s, entry.chars, entry.text.clone());
                let slot = best.entry(entry.zone).or_insert(key.clone());
                if key < *slot {
                    *slot = key;
                }
            }
        }
        let mut ranked: Vec<(usize, (u32, u32, String))> = best.into_iter().collect();
        ranked.sort_by(|a, b| a.1.cmp(&b.1));
        ranked
            .into_iter()
            .take(limit)
            .map(|(zone, (s, _, text))| (zone, s, text))
            .collect()
    }

    #[test]
    fn stopping_early_ranks_as_scoring_everything_would() {
        let index = index();
        for query in [
            "p",
            "parc 7",
            "parc 19",
            "entreprise 42",
            "entrepirse",
            "sas 42",
            "7",
        ] {
            for limit in [1, 8, 50] {
                let got: Vec<(usize, u32, String)> = index
                    .search(query, limit)
                    .into_iter()
                    .map(|h| (h.zone, h.score, h.matched))
                    .collect();
                assert_eq!(
                    got,
                    reference(&index, query, limit),
                    "{query} (limit {limit})"
                );
            }
        }
        // The shortest names first among exact starts.
        let hits = index.search("parc 7", 3);
        let names: Vec<&str> = hits.iter().map(|h| h.matched.as_str()).collect();
        assert_eq!(names, ["Parc 7", "Parc 70", "Parc 71"]);
    }
}
