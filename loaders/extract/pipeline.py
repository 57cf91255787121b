"""Text -> facts -> RDF: the one entry point every format loader calls.

``extract_facts`` runs language detection and the value extractors (dates, amounts, contacts...)
when they are available, then the entity, people and theme extractors. ``build_document`` maps the
facts onto the ontology and returns the public and personal triples of the document.

Names, people and themes are read from the first ``MAX_ENTITY_CHARS`` characters of a very long text
(a page's facts sit at its opening, and these rules are not linear in the number of names); values
and the document's own metadata cover the whole text.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from innograph.loaders.base import LoadedDocument, SourceMeta, content_hash
from innograph.loaders.extract import entities, people, themes
from innograph.loaders.extract.facts import DocumentFacts, Segment
from innograph.loaders.extract.to_rdf import to_rdf

from innograph.iris import Iris

MAX_ENTITY_CHARS = 100_000


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    """A function of a sibling extractor, or None while that extractor does not exist yet."""
    try:
        return getattr(importlib.import_module(f"innograph.loaders.extract.{module}"), name)
    except (ModuleNotFoundError, AttributeError):
        return None


def _no_language(text: str) -> tuple[str | None, list[Segment]]:
    """Without the language detector, the rules of all four languages apply to the whole text."""
    return None, [Segment(0, len(text), None)] if text else []


def extract_facts(text: str, meta: SourceMeta) -> DocumentFacts:
    facts = DocumentFacts(doc_id=meta.doc_id, text=text)
    detect = _optional("language", "detect") or _no_language
    lang, segments = detect(text)
    facts.language = lang
    facts.segments = list(segments or [])
    extract_values = _optional("values", "extract_values")
    if extract_values is not None:
        result = extract_values(facts)
        if isinstance(result, DocumentFacts):
            facts = result
    # names, people and themes are read from the opening of very long texts only: a page's facts
    # sit there, and the rules are not linear in the number of names (offsets stay valid)
    full_text = facts.text
    facts.text = full_text[:MAX_ENTITY_CHARS]
    try:
        entities.extract_entities(facts, meta)
        people.extract_people(facts)
        themes.extract_themes(facts)
    finally:
        facts.text = full_text
    return facts


def build_document(text: str, meta: SourceMeta, iris: Iris, *, data: bytes, loader: str) -> LoadedDocument:
    facts = extract_facts(text, meta)
    digest = content_hash(data)
    public, personal = to_rdf(facts, meta, iris, content_hash=digest)
    return LoadedDocument(
        doc_id=meta.doc_id,
        content_hash=digest,
        public=public,
        personal=personal,
        language=facts.language,
        loader=loader,
    )
