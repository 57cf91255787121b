"""People (placeholder)."""

from __future__ import annotations

from innograph.loaders.extract.facts import DocumentFacts


def extract_people(facts: DocumentFacts) -> None:
    return None
