"""Entities of a document (placeholder; filled in below)."""

from __future__ import annotations

from innograph.loaders.base import SourceMeta
from innograph.loaders.extract.facts import DocumentFacts, EntityFact


def extract_entities(facts: DocumentFacts, meta: SourceMeta) -> None:
    lines = [line.strip() for line in facts.text.splitlines() if line.strip()]
    facts.title = lines[0][:200] if lines else meta.doc_id
    facts.main_entity_type = "Project"
    facts.main_entity = EntityFact(kind="project", name=facts.title)
    facts.entities.append(facts.main_entity)
