"""Cross-border partner search: an in-memory index kept in step with the store, cross-lingual
theme matching through the SKOS scheme, a documented score with explanations and evidence."""
