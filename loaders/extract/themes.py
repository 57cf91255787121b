"""Themes (placeholder)."""

from __future__ import annotations

from innograph.loaders.extract.facts import DocumentFacts


def extract_themes(facts: DocumentFacts) -> None:
    return None
