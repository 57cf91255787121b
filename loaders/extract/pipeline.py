"""Text -> facts -> RDF: the one entry point every format loader calls.

``extract_facts`` runs the passes in order: language detection (the document's language and one
segment per block), the value extractors (dates, amounts, percentages, countries, contacts), then
names (organisations, projects, programmes, regions, clusters, desks and the document's main
entity), people, themes, and the relations between them (an organisation's region and country, its
role in the main entity, a project's programmes). ``build_document`` maps the facts onto the ontology and returns the
public and personal triples of the document.

Names, people and themes are read from the first ``MAX_ENTITY_CHARS`` characters of a very long text
(a page's facts sit at its opening, and these rules are not linear in the number of names); values
and the document's own metadata cover the whole text.
"""

from __future__ import annotations

from innograph.loaders.base import LoadedDocument, SourceMeta, content_hash
from innograph.loaders.extract import entities, people, relations, themes
from innograph.loaders.extract.facts import DocumentFacts
from innograph.loaders.extract.language import detect
from innograph.loaders.extract.to_rdf import to_rdf
from innograph.loaders.extract.values import extract_values

from innograph.iris import Iris

MAX_ENTITY_CHARS = 100_000


def extract_facts(text: str, meta: SourceMeta) -> DocumentFacts:
    facts = DocumentFacts(doc_id=meta.doc_id, text=text)
    facts.language, facts.segments = detect(text)
    extract_values(facts)
    # names, people and themes are read from the opening of very long texts only: a page's facts
    # sit there, and the rules are not linear in the number of names (offsets stay valid)
    full_text = facts.text
    facts.text = full_text[:MAX_ENTITY_CHARS]
    try:
        entities.extract_entities(facts, meta)
        people.extract_people(facts)
        themes.extract_themes(facts)
        relations.extract_relations(facts, meta)
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
