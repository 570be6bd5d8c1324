//! A feature's properties, kept whole but compact: as JSON text, parsed only when something
//! asks for them (the info panel's "All attributes", export). A parsed map costs several times
//! its text; with 100,000 zones that is the difference between fitting in memory or not.

use std::sync::{Arc, OnceLock};

use serde_json::{Map, Value};

#[derive(Clone, Debug, Default)]
pub struct Properties {
    /// Shared, so a worker can read it without a copy (the search index is built on one).
    json: Arc<str>,
    parsed: OnceLock<Map<String, Value>>,
}

impl Properties {
    pub fn from_map(map: &Map<String, Value>) -> Self {
        Self {
            // Serialising a map of JSON values cannot fail.
            json: Arc::from(serde_json::to_string(map).unwrap_or_default()),
            parsed: OnceLock::new(),
        }
    }

    /// The properties as JSON text (an object), in file order.
    pub fn json(&self) -> &str {
        &self.json
    }

    /// The JSON text, shared (no copy).
    pub fn shared_json(&self) -> Arc<str> {
        Arc::clone(&self.json)
    }

    /// The properties as a map, parsed on first use and kept.
    pub fn map(&self) -> &Map<String, Value> {
        self.parsed
            .get_or_init(|| serde_json::from_str(&self.json).unwrap_or_default())
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.map().get(key)
    }

    pub fn len(&self) -> usize {
        self.map().len()
    }

    pub fn is_empty(&self) -> bool {
        self.map().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trips_in_order() {
        let Value::Object(map) = json!({"b": 1, "a": [1, {"x": null}], "c": "é"}) else {
            panic!("object");
        };
        let p = Properties::from_map(&map);
        assert_eq!(p.json(), r#"{"b":1,"a":[1,{"x":null}],"c":"é"}"#);
        assert_eq!(p.map(), &map);
        assert_eq!(p.get("c"), Some(&json!("é")));
    }
}
